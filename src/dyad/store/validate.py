"""The store's edge: one document's record stream parsed into the typed contract, or refused.

What the store writes is a :class:`PreparedDocument`: the document record (kept as it came,
so that ``readback`` gives the stream back) and the extraction's typed objects
(:mod:`dyad.model`: :class:`~dyad.model.Gloss`, :class:`~dyad.model.Event`,
:class:`~dyad.model.Tenure`, :class:`~dyad.model.Entity`). It is made in one of two ways:

- :func:`prepare` parses JSON records (``docs/spec/records.md``, a records file, a Spark job's
  tables): one ``document`` record first, then ``gloss``, ``event``, ``tenure`` and ``entity``
  records of that document, each field of the right type, every evidence span slicing the text
  to exactly its quoted words, event ids unique, all text valid Unicode. It raises
  :class:`InvalidRecordError` naming the record and the field.
- :func:`prepare_extraction` takes what extraction made (an :class:`~dyad.model.ExtractedDocument`)
  as it is, serialising it once for the document record and the records' digest, and checks
  what types cannot: every evidence span and the event ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from dyad.model import (
    Anchor,
    DateSource,
    Entity,
    EntityType,
    Event,
    Evidence,
    ExtractedDocument,
    Gloss,
    GlossFlag,
    Modality,
    Office,
    Person,
    Quantity,
    Tenure,
)
from dyad.records import SCHEMA, Record, distinct_glosses, extraction_records
from dyad.store.errors import InvalidRecordError


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """One document ready to store: its record, its text and what was extracted from it."""

    record: Record  # the document record, with the fields the store keeps as they came
    id: str
    title: str
    content_hash: str
    records_hash: str
    text: str
    dyad: tuple[str, str] | None
    anchors: tuple[Anchor, ...]
    glosses: tuple[Gloss, ...]
    events: tuple[Event, ...]
    tenures: tuple[Tenure, ...]
    entities: tuple[Entity, ...]

    @property
    def source(self) -> str:
        """The path or URL the document was read from ("" for records without one)."""
        return str(self.record.get("source") or "")


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
    try:
        value = record[key]
    except KeyError:
        raise InvalidRecordError(f"{where}: no {key!r} field") from None
    if (
        type(value) is types
        or (value is None and null)
        or (isinstance(types, tuple) and type(value) in types)
    ):
        return value  # the common cases, checked without building the message's place
    _check(value, types, f"{where}.{key}", null=null)
    return value


def _strings(value: object, where: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidRecordError(f"{where}: expected a list of strings, got {value!r:.60}")


def _evidence(record: Mapping[str, Any], text: str, where: str) -> Evidence:
    evidence = _field(record, "evidence", dict, where)
    found = Evidence(
        _field(evidence, "text", str, f"{where}.evidence"),
        _field(evidence, "start", int, f"{where}.evidence"),
        _field(evidence, "end", int, f"{where}.evidence"),
    )
    _check_evidence(found, text, where)
    return found


def _check_evidence(evidence: Evidence, text: str, where: str) -> None:
    """Provenance: ``text[start:end]`` is exactly the quoted words."""
    start, end, quoted = evidence.start, evidence.end, evidence.text
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
    """Parse one document's record stream into the typed contract (see the module docstring)."""
    stream = list(records)
    if not stream or not isinstance(stream[0], dict) or stream[0].get("kind") != "document":
        raise InvalidRecordError("a record stream starts with its document record")
    doc = stream[0]
    doc_id, title, text, content_hash = _document(doc)
    anchors = tuple(_anchor(a, text, f"document {doc_id!r}") for a in doc.get("anchors") or ())
    groups = _records_by_kind(stream, doc_id, text)
    dyad = doc.get("dyad")
    return PreparedDocument(
        record=doc,
        id=doc_id,
        title=title,
        content_hash=content_hash,
        records_hash=records_hash(stream),
        text=text,
        dyad=(dyad[0], dyad[1]) if dyad else None,
        anchors=anchors,
        glosses=tuple(cast(Gloss, g) for g in groups["gloss"]),
        events=tuple(cast(Event, e) for e in groups["event"]),
        tenures=tuple(cast(Tenure, t) for t in groups["tenure"]),
        entities=tuple(cast(Entity, e) for e in groups["entity"]),
    )


Ingestible = ExtractedDocument | Iterable[Record]
"""What the store ingests: an extraction's typed objects, or their JSON records."""


def prepare_any(item: Ingestible) -> PreparedDocument:
    """The one conversion into what the store writes, whichever form the document came in."""
    if isinstance(item, dict) or not hasattr(item, "document"):
        return prepare(cast(Iterable[Record], item))
    return prepare_extraction(cast(ExtractedDocument, item))


def prepare_extraction(extracted: ExtractedDocument) -> PreparedDocument:
    """What extraction made, ready to store: the records are made once, here, for the
    document record the store keeps and the digest that tells a re-extraction apart."""
    stream = extraction_records(extracted)
    doc = extracted.document
    seen: set[str] = set()
    for number, event in enumerate(extracted.events, start=1):
        where = f"event {number} ({event.id!r})"
        if event.id in seen:
            raise InvalidRecordError(f"{where}: event id {event.id!r} repeated")
        seen.add(event.id)
        _check_evidence(event.evidence, doc.text, where)
    for number, tenure in enumerate(extracted.tenures, start=1):
        _check_evidence(tenure.evidence, doc.text, f"tenure {number} ({tenure.person!r})")
    return PreparedDocument(
        record=stream[0],
        id=doc.id,
        title=doc.title,
        content_hash=doc.content_hash,
        records_hash=records_hash(stream),
        text=doc.text,
        dyad=extracted.dyad,
        anchors=doc.anchors,
        glosses=tuple(distinct_glosses(doc)),
        events=tuple(extracted.events),
        tenures=tuple(extracted.tenures),
        entities=tuple(extracted.entities),
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
    return doc_id, title, text, content_hash


def _anchor(anchor: object, text: str, where: str) -> Anchor:
    _check(anchor, dict, f"{where}.anchors[]", null=False)
    record = cast(Record, anchor)
    words = _field(record, "text", str, f"{where}.anchor")
    target = _field(record, "target", str, f"{where}.anchor")
    span = record.get("span")
    _span(span, text, f"{where}.anchor", null=False)
    start, end = cast(list[int], span)
    return Anchor(words, target, start, end)


Parsed = Gloss | Event | Tenure | Entity


def _records_by_kind(stream: list[Record], doc_id: str, text: str) -> dict[str, list[Parsed]]:
    """Parse the records after the document's; return them by kind, in stream order."""
    groups: dict[str, list[Parsed]] = {"gloss": [], "event": [], "tenure": [], "entity": []}
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
        parsed: Parsed
        if kind == "gloss":
            parsed = _gloss(record, text, rwhere)
        elif kind == "event":
            parsed = _event(record, text, rwhere)
            if parsed.id in event_ids:
                raise InvalidRecordError(f"{rwhere}: event id {parsed.id!r} repeated")
            event_ids.add(parsed.id)
        elif kind == "tenure":
            parsed = _tenure(record, text, rwhere)
        else:
            parsed = _entity(record, rwhere)
        groups[kind].append(parsed)
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


def _gloss(record: Record, text: str, where: str) -> Gloss:
    anchor = _field(record, "anchor", str, where)
    target = _field(record, "target", str, where)
    words = _field(record, "text", str, where)
    span = record.get("span")
    _span(span, text, where, null=True)
    truncated = _field(record, "truncated", bool, where)
    flags = _field(record, "flags", list, where)
    _strings(flags, f"{where}.flags")
    start, end = (span[0], span[1]) if span else (None, None)
    return Gloss(anchor, target, words, truncated, tuple(cast(list[GlossFlag], flags)), start, end)


def _event(record: Record, text: str, where: str) -> Event:
    id_ = _field(record, "id", str, where)
    type_ = _field(record, "type", str, where)
    modality = _field(record, "modality", str, where)
    rule = _field(record, "rule", str, where)
    date = _field(record, "date", str, where, null=True)
    date_source = _field(record, "date_source", str, where, null=True)
    source = _field(record, "source", str, where, null=True)
    target = _field(record, "target", str, where, null=True)
    subject = _field(record, "subject", str, where, null=True)
    date_text = None
    if "date_text" in record:
        date_text = _field(record, "date_text", str, where, null=True)
    actors = _field(record, "actors", list, where)
    _strings(actors, f"{where}.actors")
    listed = _field(record, "persons", list, where)
    persons = tuple(_person(p, f"{where}.persons[]") for p in listed)
    quantity = _field(record, "quantity", dict, where, null=True)
    if quantity is not None:
        quantity = Quantity(
            _field(quantity, "amount", (int, float), f"{where}.quantity"),
            _field(quantity, "of", str, f"{where}.quantity"),
        )
    confidence = _field(record, "confidence", (int, float), where)
    return Event(
        id=id_,
        document=record["document"],
        type=type_,
        date=date,
        date_source=cast(DateSource | None, date_source),
        modality=cast(Modality, modality),
        source=source,
        target=target,
        actors=tuple(actors),
        persons=persons,
        quantity=quantity,
        subject=subject,
        evidence=_evidence(record, text, where),
        rule=rule,
        confidence=confidence,
        date_text=date_text,
    )


def _person(person: object, where: str) -> Person:
    _check(person, dict, where, null=False)
    record = cast(Record, person)
    return Person(
        _field(record, "name", str, where),
        _field(record, "state", str, where, null=True),
        _field(record, "role", str, where, null=True),
    )


def _tenure(record: Record, text: str, where: str) -> Tenure:
    role = _field(record, "role", str, where)
    person = _field(record, "person", str, where)
    rule = _field(record, "rule", str, where)
    sending = _field(record, "sending", str, where, null=True)
    receiving = _field(record, "receiving", str, where, null=True)
    start = _field(record, "start", str, where, null=True)
    end = _field(record, "end", str, where, null=True)
    return Tenure(
        document=record["document"],
        role=role,
        person=person,
        sending=sending,
        receiving=receiving,
        start=start,
        end=end,
        evidence=_evidence(record, text, where),
        rule=rule,
    )


def _entity(record: Record, where: str) -> Entity:
    name = _field(record, "name", str, where)
    type_ = _field(record, "type", str, where)
    state = _field(record, "state", str, where, null=True)
    gloss = _field(record, "gloss", str, where, null=True)
    born = _field(record, "born", str, where, null=True)
    died = _field(record, "died", str, where, null=True)
    target = _field(record, "target", str, where, null=True)
    aliases = _field(record, "aliases", list, where)
    _strings(aliases, f"{where}.aliases")
    listed = _field(record, "offices", list, where)
    offices = tuple(_office(o, f"{where}.offices[]") for o in listed)
    return Entity(
        name=name,
        type=cast(EntityType, type_),
        state=state,
        aliases=tuple(aliases),
        gloss=gloss,
        born=born,
        died=died,
        offices=offices,
        target=target,
    )


def _office(office: object, where: str) -> Office:
    _check(office, dict, where, null=False)
    record = cast(Record, office)
    title = _field(record, "title", str, where)
    start, end = record.get("start"), record.get("end")
    _check(start, str, f"{where}.start", null=True)
    _check(end, str, f"{where}.end", null=True)
    return Office(title, start, end)
