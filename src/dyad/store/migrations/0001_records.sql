-- The records of each ingested document, as extraction produced them (docs/spec/records.md).
-- Every row hangs off its document and goes with it (ON DELETE CASCADE): replacing a document
-- is deleting it and inserting the new records, in one transaction. Every foreign-key column
-- has an index, so that a cascade never scans a table.

CREATE TABLE documents (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,             -- the record's id: title slug and a short hash
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    source TEXT NOT NULL,                -- path or URL it was read from
    schema INTEGER NOT NULL,             -- records.md schema version
    content_hash TEXT NOT NULL,          -- SHA-256 of title and clean text
    records_hash TEXT NOT NULL,          -- SHA-256 of the whole record stream (canonical JSON)
    dyad_a TEXT,                         -- the article's pair, in the record's order
    dyad_b TEXT,
    text TEXT NOT NULL,                  -- clean text: every span indexes it
    meta TEXT NOT NULL,                  -- JSON: the record's other fields (sections, lists, ...)
    ingested_at TEXT NOT NULL,           -- UTC, ISO 8601
    CHECK ((dyad_a IS NULL) = (dyad_b IS NULL))
);
CREATE INDEX documents_ingested ON documents (ingested_at, pk);
CREATE INDEX documents_dyad ON documents (dyad_a, dyad_b);

-- Links in the text: only when the document record carries them inline (`dyad read --json`).
CREATE TABLE anchors (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    target TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX anchors_document ON anchors (document, position);
CREATE INDEX anchors_target ON anchors (target);

CREATE TABLE glosses (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    target TEXT NOT NULL,
    start INTEGER,                       -- NULL for an anchor outside the clean text
    "end" INTEGER,
    text TEXT NOT NULL,
    truncated INTEGER NOT NULL,
    flags TEXT NOT NULL                  -- JSON list
);
CREATE INDEX glosses_document ON glosses (document, position);
CREATE INDEX glosses_target ON glosses (target);

-- Sentences of the clean text, for full-text search (dyad.sentences.split_sentences).
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences (document, start);

-- An exact span of a document's text that records cite: text == documents.text[start:end].
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (document, start, "end")
);

-- One row per extracted event record. Reconciled facts (0002) group them.
CREATE TABLE event_mentions (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,           -- order in the record stream
    record_id TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT,                           -- EDTF
    date_lower INTEGER,                  -- first and last day, YYYYMMDD (store/dates.py)
    date_upper INTEGER,
    date_source TEXT,
    date_text TEXT,
    modality TEXT NOT NULL,
    source TEXT,
    target TEXT,
    dyad_a TEXT,                         -- the pair, sorted (NULL: fewer than two states)
    dyad_b TEXT,
    subject TEXT,
    quantity_amount REAL,
    quantity_of TEXT,
    evidence INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    UNIQUE (document, record_id),
    CHECK (dyad_a IS NULL OR dyad_a < dyad_b)
);
CREATE INDEX event_mentions_document ON event_mentions (document, position);
CREATE INDEX event_mentions_dyad ON event_mentions (dyad_a, dyad_b);
CREATE INDEX event_mentions_evidence ON event_mentions (evidence);

-- Every state of an event (the record's `actors`, sorted).
CREATE TABLE event_actors (
    mention INTEGER NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (mention, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_state ON event_actors (state);

CREATE TABLE event_persons (
    mention INTEGER NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    state TEXT,
    role TEXT,
    PRIMARY KEY (mention, position)
) WITHOUT ROWID;
CREATE INDEX event_persons_name ON event_persons (name COLLATE NOCASE);

CREATE TABLE tenures (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    person TEXT NOT NULL,
    sending TEXT,
    receiving TEXT,
    dyad_a TEXT,                         -- sending and receiving, sorted
    dyad_b TEXT,
    start TEXT,                          -- EDTF
    "end" TEXT,
    start_lower INTEGER,
    end_upper INTEGER,
    evidence INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    CHECK (dyad_a IS NULL OR dyad_a < dyad_b)
);
CREATE INDEX tenures_document ON tenures (document, position);
CREATE INDEX tenures_dyad ON tenures (dyad_a, dyad_b, start_lower);
CREATE INDEX tenures_evidence ON tenures (evidence);
CREATE INDEX tenures_person ON tenures (person COLLATE NOCASE);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    state TEXT,
    aliases TEXT NOT NULL,               -- JSON list
    gloss TEXT,
    born TEXT,
    died TEXT,
    offices TEXT NOT NULL,               -- JSON list of {title, start, end}
    target TEXT
);
CREATE INDEX entities_document ON entities (document, position);

-- Each entity under its name and every alias, for lookups that ignore case.
CREATE TABLE entity_names (
    name TEXT NOT NULL COLLATE NOCASE,
    entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (name, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names (entity);
