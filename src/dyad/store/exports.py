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
from collections.abc import Iterator
from dataclasses import dataclass

from dyad.model import Pair
from dyad.store.factread import FACT_COLUMNS, FACT_ORDER, facts_with_sources, named
from dyad.store.status import STATUS_TYPES, StatusFact, status_intervals
from dyad.store.views import Fact, Interval, Source, from_row

EvidenceRow = Source
"""An evidence of a fact as the exports read it: the store's one :class:`Source`."""
FactRow = Fact
"""A fact as the exports read it: the store's one :class:`Fact`, with all its evidences."""


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
    facts = list(
        named(
            conn,
            f"SELECT {FACT_COLUMNS} FROM facts AS f WHERE f.dyad_a = ? AND f.dyad_b = ?"
            f" {FACT_ORDER}",
            pair,
        )
    )
    tenures = named(
        conn,
        f"{_TENURE_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ?"
        " ORDER BY t.start_lower IS NULL, t.start_lower, t.id",
        pair,
    )
    return PairRecords(
        a=pair[0],
        b=pair[1],
        facts=tuple(
            facts_with_sources(
                conn, facts, "m.dyad_a = ? AND m.dyad_b = ? AND m.fact IS NOT NULL", pair
            )
        ),
        tenures=tuple(_tenure(r) for r in tenures),
    )


_TENURE_SQL = (
    "SELECT t.id, t.role, t.person, t.sending, t.receiving, t.dyad_a AS a, t.dyad_b AS b,"
    ' t.start, t."end", t.start_lower, t.end_upper, d.id AS document, d.title, d.source,'
    ' d.format, e.text, e.start AS evidence_start, e."end" AS evidence_end, t.rule'
    " FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence"
    " JOIN documents AS d ON d.pk = t.document"
)


def _tenure(r: sqlite3.Row) -> TenureRow:
    return from_row(TenureRow, r)


def walk_pairs(conn: sqlite3.Connection, pair: Pair | None = None) -> Iterator[PairRecords]:
    for one in pairs(conn, pair):
        yield pair_records(conn, one)


def unpaired_tenures(conn: sqlite3.Connection) -> Iterator[TenureRow]:
    """Terms of office without a pair (the sending or receiving state is not known)."""
    for r in named(conn, f"{_TENURE_SQL} WHERE t.dyad_a IS NULL ORDER BY t.id"):
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
