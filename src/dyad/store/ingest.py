"""The write path's rows: a prepared document inserted, a stored one deleted.

:func:`insert_document` writes a :class:`~dyad.store.validate.PreparedDocument` (the
extraction's typed objects, ``dyad.model``) inside the caller's transaction, allocating row
ids itself (the caller holds the write lock) so that every table, full-text indexes included,
is filled by one ``executemany``. :func:`delete_document`
removes a document, its rows (by cascade) and their full-text entries. A record's known fields
are stored in columns; the document record's other fields (sections, lists, names, ...) are
kept as JSON with their order, so that ``readback.document_records`` gives back the stream
that went in. Unknown fields of the other records are not kept.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from dyad.model import Anchor, Entity, Event, Gloss, Pair, Tenure
from dyad.records import SCHEMA
from dyad.sentences import split_sentences
from dyad.store.dates import bounds
from dyad.store.validate import PreparedDocument

_DOCUMENT_COLUMNS = frozenset(
    {"kind", "schema", "id", "title", "format", "source", "dyad", "content_hash", "text"}
)
_INLINE_ONLY = frozenset({"anchors"})


# ------------------------------------------------------------------------- pairs


def event_pair(event: Event | Mapping[str, Any], doc_dyad: Sequence[str] | None) -> Pair | None:
    """The pair an event belongs to, sorted, or ``None`` when it names fewer than two states.

    A directed event's pair is its source and target. A reciprocal one names its states in
    ``actors``; with more than two (a trilateral agreement) the document's own pair is used when
    it is among them, else the first two codes. The event may be its record.
    """
    named: Sequence[str] | None
    if isinstance(event, Event):
        source, target, named = event.source, event.target, event.actors
    else:
        source, target, named = event.get("source"), event.get("target"), event.get("actors")
    if source and target and source != target:
        return (source, target) if source < target else (target, source)
    actors = sorted(set(named or ()))
    if len(actors) < 2:
        return None
    if len(actors) > 2 and doc_dyad and len(set(doc_dyad)) == 2 and set(doc_dyad) <= set(actors):
        a, b = sorted(doc_dyad)
        return (a, b)
    return (actors[0], actors[1])


def tenure_pair(tenure: Tenure | Mapping[str, Any]) -> Pair | None:
    """The pair of a term's sending and receiving states, sorted (the term may be its record)."""
    if isinstance(tenure, Tenure):
        sending, receiving = tenure.sending, tenure.receiving
    else:
        sending, receiving = tenure.get("sending"), tenure.get("receiving")
    if not sending or not receiving or sending == receiving:
        return None
    return (sending, receiving) if sending < receiving else (receiving, sending)


# ------------------------------------------------------------------------- writing


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
    return int(row[0])


def insert_document(conn: sqlite3.Connection, doc: PreparedDocument, ingested_at: str) -> set[Pair]:
    """Write a prepared document's rows; return the pairs its events and terms touch.

    One phase a table (or a table and its full-text index), in this order: the document, its
    anchors, glosses, sentences, the evidence spans its events and terms cite, the event
    mentions, the terms of office, the entities.
    """
    pk = _insert_document_row(conn, doc, ingested_at)
    _insert_anchors(conn, pk, doc.anchors)
    _insert_glosses(conn, pk, doc.glosses)
    _insert_sentences(conn, pk, doc.text)
    spans = _insert_evidence(conn, pk, doc)
    pairs = _insert_events(conn, pk, doc, spans)
    pairs |= _insert_tenures(conn, pk, doc.tenures, spans)
    _insert_entities(conn, pk, doc.entities)
    return pairs


def _insert_document_row(conn: sqlite3.Connection, doc: PreparedDocument, ingested_at: str) -> int:
    """The document's row, its record's other fields kept as JSON in order; return its pk."""
    record = doc.record
    dyad = doc.dyad
    meta = {k: v for k, v in record.items() if k not in _DOCUMENT_COLUMNS | _INLINE_ONLY}
    meta_json = json.dumps({"keys": list(record), "fields": meta}, ensure_ascii=False)
    pk = int(conn.execute("SELECT coalesce(max(pk), 0) + 1 FROM documents").fetchone()[0])
    conn.execute(
        "INSERT INTO documents (pk, id, title, format, source, schema, content_hash,"
        " records_hash, dyad_a, dyad_b, text, meta, ingested_at, curated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            pk,
            doc.id,
            doc.title,
            record["format"],
            record["source"],
            record.get("schema", SCHEMA),
            doc.content_hash,
            doc.records_hash,
            dyad[0] if dyad else None,
            dyad[1] if dyad else None,
            doc.text,
            meta_json,
            ingested_at,
            int(bool(record.get("curated"))),
        ),
    )
    return pk


def _insert_anchors(conn: sqlite3.Connection, pk: int, anchors: Sequence[Anchor]) -> None:
    if not anchors:
        return
    first = _next_id(conn, "anchors")
    conn.executemany(
        'INSERT INTO anchors (id, document, position, text, target, start, "end")'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(first + i, pk, i, a.text, a.target, a.start, a.end) for i, a in enumerate(anchors)],
    )


def _insert_glosses(conn: sqlite3.Connection, pk: int, glosses: Sequence[Gloss]) -> None:
    first = _next_id(conn, "glosses")
    conn.executemany(
        'INSERT INTO glosses (id, document, position, anchor, target, start, "end", text,'
        " truncated, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + i,
                pk,
                i,
                g.anchor,
                g.target,
                g.start,
                g.end,
                g.text,
                int(g.truncated),
                json.dumps(list(g.flags), ensure_ascii=False),
            )
            for i, g in enumerate(glosses)
        ],
    )
    indexed = [(first + i, g.anchor, g.text) for i, g in enumerate(glosses)]
    conn.executemany("INSERT INTO glosses_fts (rowid, anchor, text) VALUES (?, ?, ?)", indexed)


def _insert_sentences(conn: sqlite3.Connection, pk: int, text: str) -> None:
    first = _next_id(conn, "sentences")
    sentences = [
        (first + i, text[s.start : s.end], s.start, s.end)
        for i, s in enumerate(split_sentences(text))
    ]
    conn.executemany(
        'INSERT INTO sentences (id, document, text, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(sid, pk, stext, start, end) for sid, stext, start, end in sentences],
    )
    conn.executemany(
        "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)",
        [(sid, stext) for sid, stext, _, _ in sentences],
    )


def _insert_evidence(
    conn: sqlite3.Connection, pk: int, doc: PreparedDocument
) -> dict[tuple[int, int], int]:
    """One evidence row per distinct span the events and terms cite; return their ids."""
    spans: dict[tuple[int, int], int] = {}
    next_evidence = _next_id(conn, "evidence")
    cited: list[Event | Tenure] = [*doc.events, *doc.tenures]
    for item in cited:
        span = (item.evidence.start, item.evidence.end)
        if span not in spans:
            spans[span] = next_evidence + len(spans)
    text = doc.text
    conn.executemany(
        'INSERT INTO evidence (id, document, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(eid, pk, s, e, text[s:e]) for (s, e), eid in spans.items()],
    )
    return spans


def _insert_events(
    conn: sqlite3.Connection, pk: int, doc: PreparedDocument, spans: Mapping[tuple[int, int], int]
) -> set[Pair]:
    """The event mentions with their actors, persons and full-text entries; their pairs."""
    pairs: set[Pair] = set()
    mentions: list[tuple[Any, ...]] = []
    actors: list[tuple[int, int, str]] = []
    persons: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    first = _next_id(conn, "event_mentions")
    for i, event in enumerate(doc.events):
        mid = first + i
        pair = event_pair(event, doc.dyad)
        if pair:
            pairs.add(pair)
        mentions.append(_mention_row(mid, pk, i, event, pair, spans))
        actors.extend((mid, j, state) for j, state in enumerate(event.actors))
        persons.extend((mid, j, p.name, p.state, p.role) for j, p in enumerate(event.persons))
        fts.append(
            (
                mid,
                event.type,
                event.subject or "",
                "; ".join(p.name for p in event.persons),
                event.evidence.text,
            )
        )
    conn.executemany(
        "INSERT INTO event_mentions (id, document, position, record_id, type, date, date_lower,"
        " date_upper, date_source, date_text, modality, source, target, dyad_a, dyad_b,"
        " subject, quantity_amount, quantity_of, evidence, rule, confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        mentions,
    )
    conn.executemany("INSERT INTO event_actors (mention, position, state) VALUES (?, ?, ?)", actors)
    conn.executemany(
        "INSERT INTO event_persons (mention, position, name, state, role) VALUES (?, ?, ?, ?, ?)",
        persons,
    )
    conn.executemany(
        "INSERT INTO events_fts (rowid, type, subject, persons, text) VALUES (?, ?, ?, ?, ?)", fts
    )
    return pairs


def _mention_row(
    mid: int,
    pk: int,
    position: int,
    event: Event,
    pair: Pair | None,
    spans: Mapping[tuple[int, int], int],
) -> tuple[Any, ...]:
    """The ``event_mentions`` row of one event."""
    found = bounds(event.date)
    quantity = event.quantity
    return (
        mid,
        pk,
        position,
        event.id,
        event.type,
        event.date,
        found.lower if found else None,
        found.upper if found else None,
        event.date_source,
        event.date_text,
        event.modality,
        event.source,
        event.target,
        pair[0] if pair else None,
        pair[1] if pair else None,
        event.subject,
        quantity.amount if quantity else None,
        quantity.of if quantity else None,
        spans[(event.evidence.start, event.evidence.end)],
        event.rule,
        event.confidence,
    )


def _insert_tenures(
    conn: sqlite3.Connection,
    pk: int,
    records: Sequence[Tenure],
    spans: Mapping[tuple[int, int], int],
) -> set[Pair]:
    """The terms of office, their dates' bounds beside them; return their pairs."""
    pairs: set[Pair] = set()
    tenures: list[tuple[Any, ...]] = []
    first = _next_id(conn, "tenures")
    for i, tenure in enumerate(records):
        pair = tenure_pair(tenure)
        if pair:
            pairs.add(pair)
        start, end = bounds(tenure.start), bounds(tenure.end)
        evidence = tenure.evidence
        tenures.append(
            (
                first + i,
                pk,
                i,
                tenure.role,
                tenure.person,
                tenure.sending,
                tenure.receiving,
                pair[0] if pair else None,
                pair[1] if pair else None,
                tenure.start,
                tenure.end,
                start.lower if start else None,
                end.upper if end else None,
                spans[(evidence.start, evidence.end)],
                tenure.rule,
            )
        )
    conn.executemany(
        "INSERT INTO tenures (id, document, position, role, person, sending, receiving, dyad_a,"
        ' dyad_b, start, "end", start_lower, end_upper, evidence, rule)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tenures,
    )
    return pairs


def _insert_entities(conn: sqlite3.Connection, pk: int, records: Sequence[Entity]) -> None:
    """The entities, and each of their names and aliases for lookup."""
    entities: list[tuple[Any, ...]] = []
    names: list[tuple[str, int]] = []
    first = _next_id(conn, "entities")
    for i, entity in enumerate(records):
        eid = first + i
        entities.append(
            (
                eid,
                pk,
                i,
                entity.name,
                entity.type,
                entity.state,
                json.dumps(list(entity.aliases), ensure_ascii=False),
                entity.gloss,
                entity.born,
                entity.died,
                json.dumps(
                    [{"title": o.title, "start": o.start, "end": o.end} for o in entity.offices],
                    ensure_ascii=False,
                ),
                entity.target,
            )
        )
        # in order, name first: which spelling of a case-insensitive duplicate is kept must not
        # depend on the hash seed
        names.extend((name, eid) for name in dict.fromkeys([entity.name, *entity.aliases]))
    conn.executemany(
        "INSERT INTO entities (id, document, position, name, type, state, aliases, gloss, born,"
        " died, offices, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entities,
    )
    conn.executemany("INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)", names)


def delete_document(conn: sqlite3.Connection, pk: int) -> None:
    """Delete a document, its rows (by cascade) and their full-text entries."""
    conn.execute(
        "INSERT INTO sentences_fts (sentences_fts, rowid, text)"
        " SELECT 'delete', id, text FROM sentences WHERE document = ?",
        (pk,),
    )
    conn.execute(
        "INSERT INTO glosses_fts (glosses_fts, rowid, anchor, text)"
        " SELECT 'delete', id, anchor, text FROM glosses WHERE document = ?",
        (pk,),
    )
    conn.execute(
        "DELETE FROM events_fts WHERE rowid IN (SELECT id FROM event_mentions WHERE document = ?)",
        (pk,),
    )
    conn.execute("DELETE FROM documents WHERE pk = ?", (pk,))


def document_pairs(conn: sqlite3.Connection, pk: int) -> set[Pair]:
    """The pairs a stored document's events and terms touch."""
    rows = conn.execute(
        "SELECT DISTINCT dyad_a, dyad_b FROM event_mentions WHERE document = ? AND dyad_a"
        " IS NOT NULL UNION SELECT DISTINCT dyad_a, dyad_b FROM tenures WHERE document = ?"
        " AND dyad_a IS NOT NULL",
        (pk, pk),
    )
    return {(a, b) for a, b in rows}
