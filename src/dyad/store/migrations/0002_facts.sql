-- Reconciled facts: event mentions that state the same fact, grouped (store/reconcile.py).

-- The identity policy, as data. `singular`: one fact per (type, pair, direction, modality);
-- differing compatible dates merge, incompatible ones are a conflict. `dated`: the key also
-- holds the year (the evidence when undated), so two visits stay two facts. `direction`:
-- `ordered` keeps source -> target in the key, `unordered` drops it, `as-extracted` keeps
-- whatever the record says. Types not listed are `dated`, `as-extracted`.
CREATE TABLE fact_policy (
    type TEXT PRIMARY KEY,
    identity TEXT NOT NULL CHECK (identity IN ('singular', 'dated')),
    direction TEXT NOT NULL CHECK (direction IN ('ordered', 'unordered', 'as-extracted')),
    note TEXT NOT NULL
);
INSERT INTO fact_policy (type, identity, direction, note) VALUES
    ('relations.established', 'singular', 'unordered',
     'a pair first establishes relations once; re-establishment is relations.restored'),
    ('recognition.granted', 'singular', 'ordered',
     'a state first recognises another once; a later switch back is another event type');

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- the identity key the disagreeing facts share
    type TEXT NOT NULL,
    dyad_a TEXT NOT NULL,
    dyad_b TEXT NOT NULL,
    source TEXT,
    target TEXT,
    facts INTEGER NOT NULL               -- how many incompatible values
);
CREATE INDEX conflicts_dyad ON conflicts (dyad_a, dyad_b);

CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,                   -- identity key (store/reconcile.py)
    type TEXT NOT NULL,
    dyad_a TEXT NOT NULL,
    dyad_b TEXT NOT NULL,
    source TEXT,
    target TEXT,
    modality TEXT NOT NULL,
    date TEXT,                           -- the most precise agreeing value
    date_lower INTEGER,
    date_upper INTEGER,
    subject TEXT,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    confidence REAL NOT NULL,            -- the highest of its mentions
    conflict INTEGER REFERENCES conflicts (id) ON DELETE SET NULL,
    CHECK (dyad_a < dyad_b)
);
CREATE INDEX facts_dyad_date ON facts (dyad_a, dyad_b, date_lower);
CREATE INDEX facts_dyad_type ON facts (dyad_a, dyad_b, type, date_lower);
CREATE INDEX facts_key ON facts (key);
CREATE INDEX facts_conflict ON facts (conflict) WHERE conflict IS NOT NULL;

ALTER TABLE event_mentions ADD COLUMN fact INTEGER REFERENCES facts (id) ON DELETE SET NULL;
CREATE INDEX event_mentions_fact ON event_mentions (fact);

-- One row per pair with anything stored: the counts that `dyads()` lists.
CREATE TABLE dyads (
    dyad_a TEXT NOT NULL,
    dyad_b TEXT NOT NULL,
    facts INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    tenures INTEGER NOT NULL,
    PRIMARY KEY (dyad_a, dyad_b)
) WITHOUT ROWID;
CREATE INDEX dyads_size ON dyads (facts DESC, dyad_a, dyad_b);

-- Store bookkeeping (the fact policy the facts were computed under, ...).
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
