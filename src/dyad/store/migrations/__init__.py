"""Numbered SQL migrations of the knowledge base, applied in order by dyad.store.schema."""
