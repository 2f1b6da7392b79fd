"""Read queries for exports: the whole knowledge base, pair by pair, with every evidence.

:meth:`Store.export_pairs` walks the pairs in code order inside one read snapshot and yields a
:class:`PairRecords` per pair: its reconciled facts (each with its evidences, persons and
counts) and its terms of office (one row per document that lists them, as stored). Only one
pair is in memory at a time, so a million-event knowledge base streams in constant memory.
:meth:`Store.unpaired_tenures` yields the terms of office whose sending or receiving state is
unknown (they belong to no pair).

The status of a pair (``status.py``) is computed from the facts already read
(:func:`pair_status`), so it is the same as :meth:`Store.status` without another query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.store.status import STATUS_TYPES, StatusFact, status_intervals
from dyad.store.views import Interval, Pair, PersonRef


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One event mention of a fact: the exact sentence, where it is and what the record said."""

    mention: int
    record_id: str
    document: str  # the document's id
    title: str
    source: str  # the path or URL the document was read from
    format: str
    text: str  # == the document's text[start:end]
    start: int
    end: int
    date: str | None  # the date as this mention gave it (EDTF)
    date_text: str | None
    date_source: str | None
    rule: str
    confidence: float
    quantity_amount: float | None
    quantity_of: str | None


@dataclass(frozen=True, slots=True)
class FactRow:
    """A reconciled fact with all its evidences (mention order: document id, then offset)."""

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
    conflict: int | None
    mentions: int
    documents: int
    evidence: tuple[EvidenceRow, ...] = ()
    persons: tuple[PersonRef, ...] = ()


@dataclass(frozen=True, slots=True)
class TenureRow:
    """A term of office as one document lists it."""

    id: int
    role: str
    person: str
    sending: str | None
    receiving: str | None
    a: str | None
    b: str | None
    start: str | None  # EDTF
    end: str | None
    start_lower: int | None  # YYYYMMDD bounds (store/dates.py)
    end_upper: int | None
    document: str
    title: str
    source: str
    format: str
    text: str
    evidence_start: int
    evidence_end: int
    rule: str


@dataclass(frozen=True, slots=True)
class PairRecords:
    """Everything stored about one pair ``a < b``: facts by date (undated last), then terms."""

    a: str
    b: str
    facts: tuple[FactRow, ...]
    tenures: tuple[TenureRow, ...]


def pairs(conn: sqlite3.Connection, pair: Pair | None = None) -> list[Pair]:
    """The pairs with anything stored, in code order (only ``pair`` when given and stored)."""
    if pair is not None:
        row = conn.execute(
            "SELECT dyad_a, dyad_b FROM dyads WHERE dyad_a = ? AND dyad_b = ?", pair
        ).fetchone()
        return [] if row is None else [(row[0], row[1])]
    return [(a, b) for a, b in conn.execute("SELECT dyad_a, dyad_b FROM dyads ORDER BY 1, 2")]


def pair_records(conn: sqlite3.Connection, pair: Pair) -> PairRecords:
    facts = conn.execute(
        "SELECT id, type, dyad_a, dyad_b, source, target, modality, date, date_lower,"
        " date_upper, subject, confidence, conflict, mentions, documents FROM facts"
        " WHERE dyad_a = ? AND dyad_b = ? ORDER BY date_lower IS NULL, date_lower, id",
        pair,
    ).fetchall()
    evidence: dict[int, list[EvidenceRow]] = {}
    for r in conn.execute(
        "SELECT m.fact, m.id, m.record_id, d.id, d.title, d.source, d.format, e.text, e.start,"
        ' e."end", m.date, m.date_text, m.date_source, m.rule, m.confidence,'
        " m.quantity_amount, m.quantity_of FROM event_mentions AS m"
        " JOIN evidence AS e ON e.id = m.evidence JOIN documents AS d ON d.pk = m.document"
        " WHERE m.dyad_a = ? AND m.dyad_b = ? AND m.fact IS NOT NULL"
        " ORDER BY m.fact, d.id, e.start, m.id",
        pair,
    ):
        evidence.setdefault(r[0], []).append(EvidenceRow(*r[1:]))
    persons: dict[int, list[PersonRef]] = {}
    for fact, name, state, role in conn.execute(
        "SELECT m.fact, p.name, p.state, p.role FROM event_mentions AS m"
        " JOIN event_persons AS p ON p.mention = m.id"
        " WHERE m.dyad_a = ? AND m.dyad_b = ? AND m.fact IS NOT NULL"
        " ORDER BY m.fact, m.id, p.position",
        pair,
    ):
        person = PersonRef(name, state, role)
        found = persons.setdefault(fact, [])
        if person not in found:
            found.append(person)
    tenures = conn.execute(
        f"{_TENURE_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ?"
        " ORDER BY t.start_lower IS NULL, t.start_lower, t.id",
        pair,
    ).fetchall()
    return PairRecords(
        a=pair[0],
        b=pair[1],
        facts=tuple(
            _fact(r, tuple(evidence.get(r[0], ())), tuple(persons.get(r[0], ()))) for r in facts
        ),
        tenures=tuple(_tenure(r) for r in tenures),
    )


def _fact(
    r: Sequence[Any], evidence: tuple[EvidenceRow, ...], persons: tuple[PersonRef, ...]
) -> FactRow:
    return FactRow(
        id=r[0],
        type=r[1],
        a=r[2],
        b=r[3],
        source=r[4],
        target=r[5],
        modality=r[6],
        date=r[7],
        date_lower=r[8],
        date_upper=r[9],
        subject=r[10],
        confidence=r[11],
        conflict=r[12],
        mentions=r[13],
        documents=r[14],
        evidence=evidence,
        persons=persons,
    )


_TENURE_SQL = (
    "SELECT t.id, t.role, t.person, t.sending, t.receiving, t.dyad_a, t.dyad_b, t.start,"
    ' t."end", t.start_lower, t.end_upper, d.id, d.title, d.source, d.format, e.text,'
    ' e.start, e."end", t.rule FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence'
    " JOIN documents AS d ON d.pk = t.document"
)


def _tenure(r: Sequence[Any]) -> TenureRow:
    return TenureRow(*r)


def walk_pairs(conn: sqlite3.Connection, pair: Pair | None = None) -> Iterator[PairRecords]:
    for one in pairs(conn, pair):
        yield pair_records(conn, one)


def unpaired_tenures(conn: sqlite3.Connection) -> Iterator[TenureRow]:
    """Terms of office without a pair (the sending or receiving state is not known)."""
    for r in conn.execute(f"{_TENURE_SQL} WHERE t.dyad_a IS NULL ORDER BY t.id"):
        yield _tenure(r)


def pair_status(records: PairRecords) -> list[Interval]:
    """The pair's status intervals, as :meth:`Store.status` computes them, from its facts."""
    return status_intervals(
        records.a,
        records.b,
        (
            StatusFact(f.id, f.type, f.source, f.target, f.date, f.date_lower, f.conflict)
            for f in records.facts
            if f.type in STATUS_TYPES and f.modality == "occurred"
        ),
    )
