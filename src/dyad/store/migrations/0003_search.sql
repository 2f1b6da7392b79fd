-- Full-text search (FTS5) over sentences, event mentions and glosses.
-- Sentences and glosses index their own tables (external content); events index a composed
-- text (type, subject, persons, evidence). The write path (store/ingest.py) keeps all three in
-- step when it inserts or deletes a document: per-row triggers made ingest five times slower.

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE glosses_fts USING fts5 (
    anchor, text, content = 'glosses', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO glosses_fts (glosses_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE events_fts USING fts5 (
    type, subject, persons, text, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (rowid, type, subject, persons, text)
    SELECT m.id, m.type, coalesce(m.subject, ''),
           coalesce((SELECT group_concat(p.name, '; ') FROM event_persons AS p
                     WHERE p.mention = m.id), ''),
           e.text
    FROM event_mentions AS m JOIN evidence AS e ON e.id = m.evidence;
