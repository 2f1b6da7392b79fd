"""Validation: one document's record stream checked against docs/spec/records.md.

:func:`prepare` checks a stream without touching the database: one ``document`` record first,
then ``gloss``, ``event``, ``tenure`` and ``entity`` records of that document, each field of the
right type, every evidence span slicing the text to exactly its quoted words, event ids unique,
all text valid Unicode. It raises :class:`InvalidRecordError` naming the record and the field,
and returns a :class:`PreparedDocument` that the write path stores as it is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.records import SCHEMA, Record
from dyad.store.errors import InvalidRecordError


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
    doc_id, title, text, content_hash = _document(doc)
    groups = _records_by_kind(stream, doc_id, text)
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


def _document(doc: Record) -> tuple[str, str, str, str]:
    """Check the document record; return its id, title, text and content hash."""
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
    return doc_id, title, text, content_hash


def _records_by_kind(stream: list[Record], doc_id: str, text: str) -> dict[str, list[Record]]:
    """Check the records after the document's; return them by kind, in stream order."""
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
    return groups


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
