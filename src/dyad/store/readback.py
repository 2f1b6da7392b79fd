"""Reading a stored document back as the record stream that was ingested."""

from __future__ import annotations

import json
import sqlite3

from dyad.records import Record


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# ------------------------------------------------------------------------- reading back


def document_records(conn: sqlite3.Connection, pk: int) -> list[Record]:
    """The record stream of a stored document as it went in: the document record with its
    fields in their order (those without a column kept as JSON), then its glosses, events,
    terms of office and entities, each kind in stream order."""
    document = _document_record(conn, pk)
    doc_id = str(document["id"])
    return [
        document,
        *_gloss_records(conn, pk, doc_id),
        *_event_records(conn, pk, doc_id),
        *_tenure_records(conn, pk, doc_id),
        *_entity_records(conn, pk, doc_id),
    ]


def _document_record(conn: sqlite3.Connection, pk: int) -> Record:
    row = conn.execute(
        "SELECT id, title, format, source, schema, content_hash, dyad_a, dyad_b, text, meta"
        " FROM documents WHERE pk = ?",
        (pk,),
    ).fetchone()
    doc_id, title, format_, source, schema, content_hash, dyad_a, dyad_b, text, meta = row
    stored = json.loads(meta)
    columns: Record = {
        "kind": "document",
        "schema": schema,
        "id": doc_id,
        "title": title,
        "format": format_,
        "source": source,
        "dyad": [dyad_a, dyad_b] if dyad_a is not None else None,
        "content_hash": content_hash,
        "text": text,
    }
    fields = stored["fields"]
    anchors = [
        {"text": t, "target": g, "span": [s, e]}
        for t, g, s, e in conn.execute(
            'SELECT text, target, start, "end" FROM anchors WHERE document = ? ORDER BY position',
            (pk,),
        )
    ]
    document: Record = {}
    for key in stored["keys"]:
        if key in columns:
            document[key] = columns[key]
        elif key == "anchors":
            document[key] = anchors
        else:
            document[key] = fields[key]
    return document


def _gloss_records(conn: sqlite3.Connection, pk: int, doc_id: str) -> list[Record]:
    return [
        {
            "kind": "gloss",
            "document": doc_id,
            "anchor": anchor,
            "target": target,
            "span": None if start is None else [start, end],
            "text": gtext,
            "truncated": bool(truncated),
            "flags": json.loads(flags),
        }
        for anchor, target, start, end, gtext, truncated, flags in conn.execute(
            'SELECT anchor, target, start, "end", text, truncated, flags FROM glosses'
            " WHERE document = ? ORDER BY position",
            (pk,),
        )
    ]


def _tenure_records(conn: sqlite3.Connection, pk: int, doc_id: str) -> list[Record]:
    return [
        {
            "kind": "tenure",
            "document": doc_id,
            "role": role,
            "person": person,
            "sending": sending,
            "receiving": receiving,
            "start": start,
            "end": end,
            "evidence": {"text": etext, "start": es, "end": ee},
            "rule": rule,
        }
        for role, person, sending, receiving, start, end, etext, es, ee, rule in conn.execute(
            'SELECT t.role, t.person, t.sending, t.receiving, t.start, t."end", e.text, e.start,'
            ' e."end", t.rule FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence'
            " WHERE t.document = ? ORDER BY t.position",
            (pk,),
        )
    ]


def _entity_records(conn: sqlite3.Connection, pk: int, doc_id: str) -> list[Record]:
    return [
        {
            "kind": "entity",
            "document": doc_id,
            "name": name,
            "type": type_,
            "state": state,
            "aliases": json.loads(aliases),
            "gloss": gloss,
            "born": born,
            "died": died,
            "offices": json.loads(offices),
            "target": target,
        }
        for name, type_, state, aliases, gloss, born, died, offices, target in conn.execute(
            "SELECT name, type, state, aliases, gloss, born, died, offices, target FROM entities"
            " WHERE document = ? ORDER BY position",
            (pk,),
        )
    ]


def _event_records(conn: sqlite3.Connection, pk: int, doc_id: str) -> list[Record]:
    actors: dict[int, list[str]] = {}
    for mention, state in conn.execute(
        "SELECT a.mention, a.state FROM event_actors AS a JOIN event_mentions AS m"
        " ON m.id = a.mention WHERE m.document = ? ORDER BY a.mention, a.position",
        (pk,),
    ):
        actors.setdefault(mention, []).append(state)
    persons: dict[int, list[Record]] = {}
    for mention, name, state, role in conn.execute(
        "SELECT p.mention, p.name, p.state, p.role FROM event_persons AS p JOIN event_mentions"
        " AS m ON m.id = p.mention WHERE m.document = ? ORDER BY p.mention, p.position",
        (pk,),
    ):
        persons.setdefault(mention, []).append({"name": name, "state": state, "role": role})
    out: list[Record] = []
    for row in conn.execute(
        "SELECT m.id, m.record_id, m.type, m.date, m.date_source, m.date_text, m.modality,"
        " m.source, m.target, m.subject, m.quantity_amount, m.quantity_of, e.text, e.start,"
        ' e."end", m.rule, m.confidence FROM event_mentions AS m JOIN evidence AS e'
        " ON e.id = m.evidence WHERE m.document = ? ORDER BY m.position",
        (pk,),
    ):
        (mid, rid, type_, date, dsource, dtext, modality, source, target, subject) = row[:10]
        amount, of, etext, es, ee, rule, confidence = row[10:]
        out.append(
            {
                "kind": "event",
                "document": doc_id,
                "id": rid,
                "type": type_,
                "date": date,
                "date_source": dsource,
                "date_text": dtext,
                "modality": modality,
                "source": source,
                "target": target,
                "actors": actors.get(mid, []),
                "persons": persons.get(mid, []),
                "quantity": None if of is None else {"amount": _number(amount), "of": of},
                "subject": subject,
                "evidence": {"text": etext, "start": es, "end": ee},
                "rule": rule,
                "confidence": confidence,
            }
        )
    return out
