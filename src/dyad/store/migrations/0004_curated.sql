-- Curated sources: documents edited by specialists (the US Office of the Historian's relations
-- timelines and chiefs of mission), as against articles. The document record's `curated` field,
-- kept as a column so that queries can tell the two kinds of source apart (`dyad compare`).

ALTER TABLE documents ADD COLUMN curated INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_curated ON documents (curated, format);
