"""Under which id a document is stored, so that two files never silently replace each other.

A document's id comes from its format and title (``model.document_id``): the same article read
again lands on its own row and replaces it when its text changed. But two *different* files can
share a title (``a/Albania–Brazil_relations.md`` and ``b/Albania–Brazil_relations.md``, or two
pages of one title in a dump), and then the id alone would let the second erase the first.

The rule, the same for every write:

- the id is free, or its row came from the same source, or holds the same content, or either
  side names no source (records ingested without a file: nothing says they are another file's,
  and the id alone says which document they are): the document takes its own id (added,
  replaced or unchanged as before);
- the id is held by another source, or was already stored by this run (``claimed``): the
  document is kept under ``<id>-<hash>``, the hash of its source when the sources differ, of
  its content when they are the same (duplicate pages of one dump), and the result says so.

Both are derived from what the document is, never from the order of a run, so ingesting the
same files again finds every document unchanged.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from dyad.model import Pair
from dyad.store.validate import PreparedDocument
from dyad.store.views import IngestResult, IngestStatus


@dataclass(frozen=True, slots=True)
class Stored:
    """What the knowledge base holds under one id."""

    pk: int
    source: str
    content_hash: str
    records_hash: str


@dataclass(frozen=True, slots=True)
class Placement:
    """A document with the id it is stored under, the row now there, and why, if not its own."""

    doc: PreparedDocument
    row: Stored | None
    note: str | None = None

    @property
    def unchanged(self) -> bool:
        row = self.row
        return row is not None and (row.content_hash, row.records_hash) == (
            self.doc.content_hash,
            self.doc.records_hash,
        )

    def result(
        self,
        status: IngestStatus,
        pairs: Collection[Pair] = (),
        open_conflicts: Mapping[Pair, int] | None = None,
    ) -> IngestResult:
        """What storing the document did: its records counted unless it was unchanged."""
        doc, stored = self.doc, status != "unchanged"
        return IngestResult(
            document=doc.id,
            title=doc.title,
            status=status,
            events=len(doc.events) if stored else 0,
            tenures=len(doc.tenures) if stored else 0,
            glosses=len(doc.glosses) if stored else 0,
            entities=len(doc.entities) if stored else 0,
            pairs=len(pairs),
            conflicts=sum((open_conflicts or {}).get(pair, 0) for pair in pairs),
            note=self.note,
        )


def place_documents(
    conn: sqlite3.Connection, docs: Sequence[PreparedDocument], claimed: Mapping[str, str]
) -> list[Placement]:
    """Where each of ``docs`` goes; ``claimed`` maps ids this run stored to their sources."""
    taken = dict(claimed)
    placements = []
    for doc in docs:
        placement = _place(conn, doc, taken)
        taken[placement.doc.id] = _source(doc)
        placements.append(placement)
    return placements


def _place(conn: sqlite3.Connection, doc: PreparedDocument, taken: Mapping[str, str]) -> Placement:
    source = _source(doc)
    row = _stored(conn, doc.id)
    holder = taken.get(doc.id) or (row.source if row else None)
    same_content = row is not None and row.content_hash == doc.content_hash
    if not holder or not source or same_content or (holder == source and doc.id not in taken):
        return Placement(doc, row)
    basis = doc.content_hash if holder == source else source
    digest = hashlib.sha1(basis.encode()).hexdigest()[:8]
    kept = replace(doc, id=f"{doc.id}-{digest}")
    why = (
        "an earlier page of this title in the same source"
        if holder == source
        else f"{holder} has the same title"
    )
    return Placement(kept, _stored(conn, kept.id), f"kept as {kept.id}: {why}")


def _source(doc: PreparedDocument) -> str:
    return str(doc.record.get("source") or "")


def _stored(conn: sqlite3.Connection, doc_id: str) -> Stored | None:
    row = conn.execute(
        "SELECT pk, source, content_hash, records_hash FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    return None if row is None else Stored(int(row[0]), str(row[1]), str(row[2]), str(row[3]))
