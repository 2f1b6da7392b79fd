"""What the store's functions return: plain frozen dataclasses, ready for templates and JSON.

``dataclasses.asdict`` turns any of them into JSON-ready dicts; pairs are always sorted codes
(``a < b``) and dates EDTF strings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol, TypeVar

from dyad.model import ExtractedDocument

"""Two state codes, sorted (``a < b``): the key of every fact, term and count of a dyad."""
IngestStatus = Literal["added", "replaced", "unchanged"]
RelationsState = Literal["none", "relations", "severed", "suspended", "unknown"]
MissionState = Literal["unknown", "open", "closed"]
HitKind = Literal["sentence", "event", "gloss"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting one document's records did."""

    document: str
    title: str
    status: IngestStatus
    events: int = 0
    tenures: int = 0
    glosses: int = 0
    entities: int = 0
    pairs: int = 0
    conflicts: int = 0  # conflicts now open on the pairs the document touched
    note: str | None = None  # why the document is not stored under its own id (same title)


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A file or page that could not be read, extracted or stored; nothing of it was kept."""

    path: str
    message: str
    title: str | None = None


class Extracted(Protocol):
    """What :meth:`Store.ingest_stream` takes: one document (what extraction made of it, or
    its records), or why there is none."""

    @property
    def path(self) -> str: ...
    @property
    def content(self) -> ExtractedDocument | Sequence[dict[str, Any]] | None: ...
    @property
    def error(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """One step of :meth:`Store.ingest_stream`, passed to its ``progress`` callback."""

    path: str
    result: IngestResult | None = None
    problem: IngestProblem | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    documents: int
    added: int
    replaced: int
    unchanged: int
    events: int
    tenures: int
    conflicts: int  # conflicts in the whole knowledge base afterwards
    errors: tuple[IngestProblem, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """One evidence of a fact or a term: the exact text, where it is, what the record said.

    ``document.text[start:end] == text``. The fields after ``rule`` are the event mention's
    (a term of office has no date of its own and a confidence of 1).
    """

    mention: int  # the row id of the event mention (of the term, for a term's source)
    record_id: str  # the event record's id ("" for a term)
    document: str  # the document's id
    title: str
    source: str  # the path or URL the document was read from
    format: str
    text: str
    start: int
    end: int
    date: str | None  # the date as this mention gave it (EDTF)
    date_text: str | None
    date_source: str | None
    rule: str
    confidence: float
    quantity_amount: float | None = None
    quantity_of: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRef:
    name: str
    state: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """A reconciled fact and every evidence for it (by document id, then offset).

    ``mentions`` and ``documents`` count the event mentions and documents behind it.
    """

    id: int
    type: str
    a: str
    b: str
    source: str | None
    target: str | None
    modality: str
    date: str | None
    date_lower: int | None
    date_upper: int | None
    subject: str | None
    confidence: float
    conflict: int | None  # the conflict id when other facts disagree with this one
    mentions: int = 0
    documents: int = 0
    evidence: tuple[Source, ...] = ()
    persons: tuple[PersonRef, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        """The evidence, under the name the pages and the JSON give it."""
        return self.evidence


def from_row(kind: type[T], row: sqlite3.Row, **given: Any) -> T:
    """A view dataclass from a row by column name (``sqlite3.Row``): each field not
    ``given`` is the column of its name."""
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))  # type: ignore[arg-type]
    return kind(**{n: row[n] for n in names if n not in given}, **given)


_FIELDS: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Facts of one identity that disagree: each value with its sources."""

    id: int
    type: str
    a: str
    b: str
    source: str | None
    target: str | None
    values: tuple[Fact, ...]
    reason: str = ""  # why it was flagged, with which source says what (store/headline.py)


@dataclass(frozen=True, slots=True)
class Interval:
    """A span of time in which a pair's relations and missions did not change.

    ``start`` is the date of the facts that opened it (``None``: from the beginning of the
    record, or an undated fact when ``opened_by`` is not empty); ``end`` is the date of the
    facts that closed it (``None``: it still holds). ``mission_a`` is the mission of ``a`` in
    ``b``, ``mission_b`` that of ``b`` in ``a``.
    """

    a: str
    b: str
    start: str | None
    end: str | None
    relations: RelationsState
    mission_a: MissionState
    mission_b: MissionState
    opened_by: tuple[int, ...] = ()
    closed_by: tuple[int, ...] = ()
    disputed: bool = False  # an opening fact is part of a conflict

    @property
    def label(self) -> str:
        words = {"none": "no relations", "unknown": "relations not known"}
        parts: list[str] = [words.get(self.relations, self.relations)]
        if self.mission_a != "unknown":
            parts.append(f"{self.a} mission in {self.b} {self.mission_a}")
        if self.mission_b != "unknown":
            parts.append(f"{self.b} mission in {self.a} {self.mission_b}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Term:
    """A term of office, merged over the documents that list it."""

    role: str
    person: str
    sending: str | None
    receiving: str | None
    start: str | None
    end: str | None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRef:
    id: str
    title: str
    format: str
    source: str
    content_hash: str
    ingested_at: str
    dyad: tuple[str, str] | None = None
    events: int = 0
    tenures: int = 0
    curated: bool = False  # a curated source (the Office of the Historian), not an article


@dataclass(frozen=True, slots=True)
class DyadCount:
    a: str
    b: str
    a_name: str
    b_name: str
    facts: int
    mentions: int
    documents: int
    conflicts: int
    tenures: int


@dataclass(frozen=True, slots=True)
class DyadSummary:
    """Everything :meth:`Store.show` says about one pair."""

    a: str
    b: str
    a_name: str
    b_name: str
    # the headline first, then the other dates sources give, by weight (store/headline.py)
    relations_began: tuple[Fact, ...]
    status_now: Interval
    missions: tuple[Fact, ...]
    ambassadors_now: tuple[Term, ...]
    counts: dict[str, int]
    documents: tuple[DocumentRef, ...]
    conflicts: int
    facts: int
    relations_began_basis: str | None = None  # why the first is the headline


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity as one or more documents describe it."""

    name: str
    type: str
    state: str | None
    aliases: tuple[str, ...]
    gloss: str | None
    born: str | None
    died: str | None
    offices: tuple[dict[str, str | None], ...]
    target: str | None
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityView:
    """What the store knows under a name: entity records, events and terms naming the person."""

    query: str
    entities: tuple[EntityRecord, ...]
    facts: tuple[Fact, ...] = ()
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: HitKind
    document: str
    title: str
    text: str
    snippet: str
    start: int | None
    end: int | None
    rank: float
    ref: int  # the row id of the sentence, event mention or gloss


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    facts: int
    event_mentions: int
    tenures: int
    glosses: int
    entities: int
    sentences: int
    conflicts: int
    dyads: int
    tables: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of_tables(cls, tables: dict[str, int]) -> Counts:
        """The counts of the main tables, with every table's count in ``tables``."""
        return cls(
            documents=tables["documents"],
            facts=tables["facts"],
            event_mentions=tables["event_mentions"],
            tenures=tables["tenures"],
            glosses=tables["glosses"],
            entities=tables["entities"],
            sentences=tables["sentences"],
            conflicts=tables["conflicts"],
            dyads=tables["dyads"],
            tables=tables,
        )
