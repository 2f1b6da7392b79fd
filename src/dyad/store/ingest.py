"""One document's record stream -> rows: validation first, then one batch of inserts.

:func:`prepare` checks a stream against docs/spec/records.md without touching the database
(one ``document`` record first, then ``gloss``, ``event``, ``tenure`` and ``entity`` records of
that document; every evidence span slices the text to exactly its quoted words) and raises
:class:`InvalidRecordError` naming the record and field. :func:`insert_document` writes a
prepared document inside the caller's transaction, allocating row ids itself (the caller holds
the write lock) so that every table is filled by one ``executemany``.

A record's known fields are stored in columns; the document record's other fields (sections,
lists, names, ...) are kept as JSON with their order, so :func:`document_records` gives back
the stream that went in. Unknown fields of the other records are not kept.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.sentences import split_sentences
from dyad.store.dates import bounds
from dyad.store.errors import InvalidRecordError

Record = dict[str, Any]
Pair = tuple[str, str]

SCHEMA = 1
_DOCUMENT_COLUMNS = frozenset(
    {"kind", "schema", "id", "title", "format", "source", "dyad", "content_hash", "text"}
)
_INLINE_ONLY = frozenset({"anchors"})


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A validated record stream, grouped by kind."""

    record: Record
    id: str
    title: str
    content_hash: str
    records_hash: str
    text: str
    glosses: tuple[Record, ...]
    events: tuple[Record, ...]
    tenures: tuple[Record, ...]
    entities: tuple[Record, ...]


# ------------------------------------------------------------------------- validation


def _check(value: object, types: type | tuple[type, ...], where: str, *, null: bool) -> None:
    if value is None and null:
        return
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise InvalidRecordError(f"{where}: expected {types}, got a boolean")
    if not isinstance(value, types):
        raise InvalidRecordError(f"{where}: expected {_names(types)}, got {value!r:.60}")


def _names(types: type | tuple[type, ...]) -> str:
    group = types if isinstance(types, tuple) else (types,)
    return " or ".join(t.__name__ for t in group)


def _field(
    record: Mapping[str, Any],
    key: str,
    types: type | tuple[type, ...],
    where: str,
    *,
    null: bool = False,
) -> Any:
    if key not in record:
        raise InvalidRecordError(f"{where}: no {key!r} field")
    value = record[key]
    _check(value, types, f"{where}.{key}", null=null)
    return value


def _strings(value: object, where: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidRecordError(f"{where}: expected a list of strings, got {value!r:.60}")


def _evidence(record: Mapping[str, Any], text: str, where: str) -> None:
    evidence = _field(record, "evidence", dict, where)
    quoted = _field(evidence, "text", str, f"{where}.evidence")
    start = _field(evidence, "start", int, f"{where}.evidence")
    end = _field(evidence, "end", int, f"{where}.evidence")
    if not (0 <= start <= end <= len(text)) or text[start:end] != quoted:
        raise InvalidRecordError(
            f"{where}.evidence: text[{start}:{end}] is not the quoted text {quoted[:60]!r}"
        )


def document_hash(title: str, text: str) -> str:
    """The content hash of :attr:`dyad.model.Document.content_hash`, for records without one."""
    digest = hashlib.sha256()
    digest.update(title.encode("utf-8"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def records_hash(stream: Sequence[Record]) -> str:
    """A digest of the whole stream: the same document extracted by other rules differs."""
    canonical = json.dumps(stream, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    try:
        data = canonical.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidRecordError(f"records hold text that is not valid Unicode: {exc}") from exc
    return hashlib.sha256(data).hexdigest()


def prepare(records: Iterable[Record]) -> PreparedDocument:
    """Validate one document's record stream (see the module docstring)."""
    stream = list(records)
    if not stream or not isinstance(stream[0], dict) or stream[0].get("kind") != "document":
        raise InvalidRecordError("a record stream starts with its document record")
    doc = stream[0]
    where = "document"
    doc_id = _field(doc, "id", str, where)
    if not doc_id:
        raise InvalidRecordError("document.id: empty")
    where = f"document {doc_id!r}"
    title = _field(doc, "title", str, where)
    _field(doc, "format", str, where)
    _field(doc, "source", str, where)
    text = _field(doc, "text", str, where)
    schema = doc.get("schema", SCHEMA)
    _check(schema, int, f"{where}.schema", null=False)
    if schema > SCHEMA:
        raise InvalidRecordError(
            f"{where}: records schema {schema} is newer than this store knows ({SCHEMA})"
        )
    dyad = doc.get("dyad")
    if dyad is not None and (
        not isinstance(dyad, list) or len(dyad) != 2 or not all(isinstance(s, str) for s in dyad)
    ):
        raise InvalidRecordError(f"{where}.dyad: expected null or two state codes")
    content_hash = doc.get("content_hash") or document_hash(title, text)
    _check(content_hash, str, f"{where}.content_hash", null=False)
    for anchor in doc.get("anchors") or ():
        _check(anchor, dict, f"{where}.anchors[]", null=False)
        _field(anchor, "text", str, f"{where}.anchor")
        _field(anchor, "target", str, f"{where}.anchor")
        _span(anchor.get("span"), text, f"{where}.anchor", null=False)

    groups: dict[str, list[Record]] = {"gloss": [], "event": [], "tenure": [], "entity": []}
    event_ids: set[str] = set()
    for number, record in enumerate(stream[1:], start=2):
        if not isinstance(record, dict):
            raise InvalidRecordError(f"record {number}: not an object")
        kind = record.get("kind")
        rwhere = f"record {number} ({kind})"
        if kind not in groups:
            raise InvalidRecordError(f"{rwhere}: unknown kind (one document a stream)")
        owner = record.get("document")
        if owner != doc_id and not (kind == "entity" and owner is None):
            raise InvalidRecordError(f"{rwhere}: belongs to {owner!r}, not {doc_id!r}")
        if kind == "gloss":
            _gloss(record, text, rwhere)
        elif kind == "event":
            _event(record, text, rwhere)
            if record["id"] in event_ids:
                raise InvalidRecordError(f"{rwhere}: event id {record['id']!r} repeated")
            event_ids.add(record["id"])
        elif kind == "tenure":
            _tenure(record, text, rwhere)
        else:
            _entity(record, rwhere)
        groups[kind].append(record)
    return PreparedDocument(
        record=doc,
        id=doc_id,
        title=title,
        content_hash=content_hash,
        records_hash=records_hash(stream),
        text=text,
        glosses=tuple(groups["gloss"]),
        events=tuple(groups["event"]),
        tenures=tuple(groups["tenure"]),
        entities=tuple(groups["entity"]),
    )


def _span(span: object, text: str, where: str, *, null: bool) -> None:
    if span is None and null:
        return
    if (
        not isinstance(span, list)
        or len(span) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in span)
        or not 0 <= span[0] <= span[1] <= len(text)
    ):
        raise InvalidRecordError(f"{where}.span: expected [start, end] inside the text")


def _gloss(record: Record, text: str, where: str) -> None:
    for key in ("anchor", "target", "text"):
        _field(record, key, str, where)
    _span(record.get("span"), text, where, null=True)
    _field(record, "truncated", bool, where)
    _strings(_field(record, "flags", list, where), f"{where}.flags")


def _event(record: Record, text: str, where: str) -> None:
    for key in ("id", "type", "modality", "rule"):
        _field(record, key, str, where)
    for key in ("date", "date_source", "source", "target", "subject"):
        _field(record, key, str, where, null=True)
    if "date_text" in record:
        _field(record, "date_text", str, where, null=True)
    _strings(_field(record, "actors", list, where), f"{where}.actors")
    for person in _field(record, "persons", list, where):
        _check(person, dict, f"{where}.persons[]", null=False)
        _field(person, "name", str, f"{where}.persons[]")
        _field(person, "state", str, f"{where}.persons[]", null=True)
        _field(person, "role", str, f"{where}.persons[]", null=True)
    quantity = _field(record, "quantity", dict, where, null=True)
    if quantity is not None:
        _field(quantity, "amount", (int, float), f"{where}.quantity")
        _field(quantity, "of", str, f"{where}.quantity")
    _field(record, "confidence", (int, float), where)
    _evidence(record, text, where)


def _tenure(record: Record, text: str, where: str) -> None:
    for key in ("role", "person", "rule"):
        _field(record, key, str, where)
    for key in ("sending", "receiving", "start", "end"):
        _field(record, key, str, where, null=True)
    _evidence(record, text, where)


def _entity(record: Record, where: str) -> None:
    _field(record, "name", str, where)
    _field(record, "type", str, where)
    for key in ("state", "gloss", "born", "died", "target"):
        _field(record, key, str, where, null=True)
    _strings(_field(record, "aliases", list, where), f"{where}.aliases")
    for office in _field(record, "offices", list, where):
        _check(office, dict, f"{where}.offices[]", null=False)
        _field(office, "title", str, f"{where}.offices[]")


# ------------------------------------------------------------------------- pairs


def event_pair(record: Mapping[str, Any], doc_dyad: Sequence[str] | None) -> Pair | None:
    """The pair an event belongs to, sorted, or ``None`` when it names fewer than two states.

    A directed event's pair is its source and target. A reciprocal one names its states in
    ``actors``; with more than two (a trilateral agreement) the document's own pair is used when
    it is among them, else the first two codes.
    """
    source, target = record.get("source"), record.get("target")
    if source and target and source != target:
        return (source, target) if source < target else (target, source)
    actors = sorted(set(record.get("actors") or ()))
    if len(actors) < 2:
        return None
    if len(actors) > 2 and doc_dyad and len(set(doc_dyad)) == 2 and set(doc_dyad) <= set(actors):
        a, b = sorted(doc_dyad)
        return (a, b)
    return (actors[0], actors[1])


def tenure_pair(record: Mapping[str, Any]) -> Pair | None:
    sending, receiving = record.get("sending"), record.get("receiving")
    if not sending or not receiving or sending == receiving:
        return None
    return (sending, receiving) if sending < receiving else (receiving, sending)


# ------------------------------------------------------------------------- writing


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
    return int(row[0])


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def insert_document(conn: sqlite3.Connection, doc: PreparedDocument, ingested_at: str) -> set[Pair]:
    """Write a prepared document's rows; return the pairs its events and terms touch."""
    record = doc.record
    dyad = record.get("dyad")
    meta = {k: v for k, v in record.items() if k not in _DOCUMENT_COLUMNS | _INLINE_ONLY}
    meta_json = json.dumps({"keys": list(record), "fields": meta}, ensure_ascii=False)
    pk = int(conn.execute("SELECT coalesce(max(pk), 0) + 1 FROM documents").fetchone()[0])
    conn.execute(
        "INSERT INTO documents (pk, id, title, format, source, schema, content_hash,"
        " records_hash, dyad_a, dyad_b, text, meta, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        ),
    )
    text = doc.text
    anchors = record.get("anchors") or ()
    if anchors:
        first = _next_id(conn, "anchors")
        conn.executemany(
            'INSERT INTO anchors (id, document, position, text, target, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (first + i, pk, i, a["text"], a["target"], a["span"][0], a["span"][1])
                for i, a in enumerate(anchors)
            ],
        )
    first = _next_id(conn, "glosses")
    conn.executemany(
        'INSERT INTO glosses (id, document, position, anchor, target, start, "end", text,'
        " truncated, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + i,
                pk,
                i,
                g["anchor"],
                g["target"],
                g["span"][0] if g.get("span") else None,
                g["span"][1] if g.get("span") else None,
                g["text"],
                int(g["truncated"]),
                json.dumps(g["flags"], ensure_ascii=False),
            )
            for i, g in enumerate(doc.glosses)
        ],
    )
    glosses = [(first + i, g["anchor"], g["text"]) for i, g in enumerate(doc.glosses)]
    conn.executemany("INSERT INTO glosses_fts (rowid, anchor, text) VALUES (?, ?, ?)", glosses)
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

    # Evidence: one row per distinct span of the document.
    spans: dict[tuple[int, int], int] = {}
    next_evidence = _next_id(conn, "evidence")
    for item in (*doc.events, *doc.tenures):
        span = (item["evidence"]["start"], item["evidence"]["end"])
        if span not in spans:
            spans[span] = next_evidence + len(spans)
    conn.executemany(
        'INSERT INTO evidence (id, document, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(eid, pk, s, e, text[s:e]) for (s, e), eid in spans.items()],
    )

    pairs: set[Pair] = set()
    mentions: list[tuple[Any, ...]] = []
    actors: list[tuple[int, int, str]] = []
    persons: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    first = _next_id(conn, "event_mentions")
    for i, event in enumerate(doc.events):
        mid = first + i
        pair = event_pair(event, dyad)
        if pair:
            pairs.add(pair)
        evidence = event["evidence"]
        date = event["date"]
        found = bounds(date)
        quantity = event["quantity"]
        mentions.append(
            (
                mid,
                pk,
                i,
                event["id"],
                event["type"],
                date,
                found.lower if found else None,
                found.upper if found else None,
                event["date_source"],
                event.get("date_text"),
                event["modality"],
                event["source"],
                event["target"],
                pair[0] if pair else None,
                pair[1] if pair else None,
                event["subject"],
                quantity["amount"] if quantity else None,
                quantity["of"] if quantity else None,
                spans[(evidence["start"], evidence["end"])],
                event["rule"],
                event["confidence"],
            )
        )
        actors.extend((mid, j, state) for j, state in enumerate(event["actors"]))
        persons.extend(
            (mid, j, p["name"], p.get("state"), p.get("role"))
            for j, p in enumerate(event["persons"])
        )
        fts.append(
            (
                mid,
                event["type"],
                event["subject"] or "",
                "; ".join(p["name"] for p in event["persons"]),
                evidence["text"],
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

    tenures: list[tuple[Any, ...]] = []
    first = _next_id(conn, "tenures")
    for i, tenure in enumerate(doc.tenures):
        pair = tenure_pair(tenure)
        if pair:
            pairs.add(pair)
        start, end = bounds(tenure["start"]), bounds(tenure["end"])
        evidence = tenure["evidence"]
        tenures.append(
            (
                first + i,
                pk,
                i,
                tenure["role"],
                tenure["person"],
                tenure["sending"],
                tenure["receiving"],
                pair[0] if pair else None,
                pair[1] if pair else None,
                tenure["start"],
                tenure["end"],
                start.lower if start else None,
                end.upper if end else None,
                spans[(evidence["start"], evidence["end"])],
                tenure["rule"],
            )
        )
    conn.executemany(
        "INSERT INTO tenures (id, document, position, role, person, sending, receiving, dyad_a,"
        ' dyad_b, start, "end", start_lower, end_upper, evidence, rule)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tenures,
    )

    entities: list[tuple[Any, ...]] = []
    names: list[tuple[str, int]] = []
    first = _next_id(conn, "entities")
    for i, entity in enumerate(doc.entities):
        eid = first + i
        entities.append(
            (
                eid,
                pk,
                i,
                entity["name"],
                entity["type"],
                entity["state"],
                json.dumps(entity["aliases"], ensure_ascii=False),
                entity["gloss"],
                entity["born"],
                entity["died"],
                json.dumps(entity["offices"], ensure_ascii=False),
                entity["target"],
            )
        )
        names.extend((name, eid) for name in {entity["name"], *entity["aliases"]})
    conn.executemany(
        "INSERT INTO entities (id, document, position, name, type, state, aliases, gloss, born,"
        " died, offices, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entities,
    )
    conn.executemany("INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)", names)
    return pairs


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


# ------------------------------------------------------------------------- reading back


def document_records(conn: sqlite3.Connection, pk: int) -> list[Record]:
    """The record stream of a stored document, as it went in (see the module docstring)."""
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
    out: list[Record] = [document]
    for anchor, target, start, end, gtext, truncated, flags in conn.execute(
        'SELECT anchor, target, start, "end", text, truncated, flags FROM glosses'
        " WHERE document = ? ORDER BY position",
        (pk,),
    ):
        out.append(
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
        )
    out.extend(_event_records(conn, pk, doc_id))
    for role, person, sending, receiving, start, end, etext, es, ee, rule in conn.execute(
        'SELECT t.role, t.person, t.sending, t.receiving, t.start, t."end", e.text, e.start,'
        ' e."end", t.rule FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence'
        " WHERE t.document = ? ORDER BY t.position",
        (pk,),
    ):
        out.append(
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
        )
    for name, type_, state, aliases, gloss, born, died, offices, target in conn.execute(
        "SELECT name, type, state, aliases, gloss, born, died, offices, target FROM entities"
        " WHERE document = ? ORDER BY position",
        (pk,),
    ):
        out.append(
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
        )
    return out


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
