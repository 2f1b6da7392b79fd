"""Queries over the curated sources: a mission's rank over time, and sources compared.

:func:`mission_ranks` reads the chiefs of mission (terms of office of rule ``pocom.chief``) of
a pair as the rank of each side's mission over time: consecutive chiefs of the same rank make
one interval, unless more than :data:`VACANCY_YEARS` pass between one leaving and the next
arriving (relations broken, a post left empty), where the interval ends with the chief. A
chargé d'affaires *ad interim* stands in for an absent chief and does not change the rank.

:func:`compare_sources` sets two kinds of source side by side, pair by pair: for each pair
both speak of, the dates each gives for the first relations, recognition, severance and
restoration. A date of one side agrees with the other side *exactly* (same day, or the same
value at the same precision), by *year*, or *differs* (the other side's nearest date is
named), or the other side has *none* of that kind. A source is a document format
(``historian``, ``wikitext``, ...), ``curated`` (every curated document) or ``wikipedia``
(every document that is not curated).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from dyad.model import Pair

Verdict = Literal["exact", "year", "different", "none"]
VERDICTS: tuple[Verdict, ...] = ("exact", "year", "different", "none")
VACANCY_YEARS = 3
LEVELS = {"chargé d'affaires": 1, "minister": 2, "ambassador": 3}
# What the comparison compares, each kind with the event types that state it.
KINDS: dict[str, tuple[str, ...]] = {
    "established": ("relations.established",),
    "recognition": ("recognition.granted",),
    "severed": ("relations.severed", "relations.suspended"),
    "restored": ("relations.restored",),
}


class UnknownSourceError(ValueError):
    """A source name that is no format in the knowledge base, nor curated/wikipedia."""


@dataclass(frozen=True, slots=True)
class RankInterval:
    """The rank of one side's mission (its chiefs' rank) from ``start`` to ``end``."""

    sending: str
    receiving: str
    rank: str
    level: int | None  # Correlates of War's code: chargé 1, minister 2, ambassador 3
    start: str | None
    end: str | None  # None: still so
    chiefs: int


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date of the source beside the other side's nearest date of the same kind."""

    a: str
    b: str
    kind: str
    date: str
    verdict: Verdict
    against: str | None
    against_dates: tuple[str, ...]
    evidence: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two sources compared: every date, and the count of each verdict by kind."""

    source: str
    against: str
    pairs: int
    matches: tuple[DateMatch, ...]
    summary: dict[str, dict[str, int]] = field(default_factory=dict)


# ------------------------------------------------------------------------- mission ranks


def mission_ranks(conn: sqlite3.Connection, pair: Pair) -> list[RankInterval]:
    """Each side's mission rank over time, from the chiefs of mission of a pair."""
    rows = conn.execute(
        'SELECT sending, receiving, role, start, "end", start_lower FROM tenures'
        " WHERE dyad_a = ? AND dyad_b = ? AND rule = 'pocom.chief' AND start IS NOT NULL"
        " AND role NOT LIKE '%ad interim'"
        " ORDER BY sending, start_lower, id",
        pair,
    ).fetchall()
    return _ranks(rows)


#: ``role LIKE '%ad interim'``: SQLite's LIKE folds the case of ASCII letters only.
AD_INTERIM = re.compile("ad interim\\Z", re.IGNORECASE | re.ASCII)


def ranks_of(terms: Iterable[TermRow]) -> list[RankInterval]:
    """:func:`mission_ranks` from all of a pair's terms of office as the page reads them
    (``(id, sending, receiving, role, start, end, start_lower, rule)``, in any order): the
    same conditions and order as its query, in Python (SQLite puts NULLs first)."""
    chiefs = sorted(
        (
            t
            for t in terms
            if t[7] == "pocom.chief" and t[4] is not None and not AD_INTERIM.search(t[3])
        ),
        key=lambda t: (
            t[1] is not None,
            t[1] or "",
            t[6] is not None,
            t[6] or 0,
            t[0],
        ),
    )
    return _ranks([t[1:7] for t in chiefs])


TermRow = tuple[int, str | None, str | None, str, str | None, str | None, int | None, str]


def _ranks(rows: Iterable[Sequence[Any]]) -> list[RankInterval]:
    """Rank intervals from chiefs' rows ``(sending, receiving, role, start, end, _)``, by
    sending state and start."""
    out: list[RankInterval] = []
    for sending, receiving, role, start, end, _ in rows:
        last = out[-1] if out else None
        if (
            last is not None
            and (last.sending, last.receiving, last.rank) == (sending, receiving, role)
            and _continues(last.end, start)
        ):
            out[-1] = RankInterval(
                sending, receiving, role, last.level, last.start, end, last.chiefs + 1
            )
        else:
            if last is not None and last.sending == sending and last.end is None:
                out[-1] = RankInterval(
                    last.sending,
                    last.receiving,
                    last.rank,
                    last.level,
                    last.start,
                    start,
                    last.chiefs,
                )
            out.append(RankInterval(sending, receiving, role, LEVELS.get(role), start, end, 1))
    return out


def _continues(previous_end: str | None, start: str) -> bool:
    if previous_end is None:
        return True
    return int(start[:4]) - int(previous_end[:4]) <= VACANCY_YEARS


# ------------------------------------------------------------------------- comparison


def source_condition(conn: sqlite3.Connection, name: str) -> tuple[str, tuple[str, ...]]:
    """SQL over ``documents AS d`` choosing a source's documents, and its parameters."""
    if name == "curated":
        return "d.curated = 1", ()
    if name == "wikipedia":
        return "d.curated = 0", ()
    known = {r[0] for r in conn.execute("SELECT DISTINCT format FROM documents")}
    if name not in known:
        choices = ", ".join(sorted({"curated", "wikipedia", *known}))
        raise UnknownSourceError(f"no source {name!r} in the knowledge base; choose {choices}")
    return "d.format = ?", (name,)


def _dates(
    conn: sqlite3.Connection, condition: tuple[str, tuple[str, ...]], types: list[str]
) -> dict[tuple[Pair, str], list[tuple[str, int, int, str]]]:
    """``(pair, kind) -> [(date, lower, upper, evidence)]`` of one source, earliest first."""
    kind_of = {t: k for k, ts in KINDS.items() for t in ts}
    where, params = condition
    rows = conn.execute(
        "SELECT m.dyad_a, m.dyad_b, m.type, m.date, m.date_lower, m.date_upper, e.text"
        " FROM event_mentions AS m JOIN documents AS d ON d.pk = m.document"
        " JOIN evidence AS e ON e.id = m.evidence"
        f" WHERE {where} AND m.dyad_a IS NOT NULL AND m.modality = 'occurred'"
        " AND m.date_lower IS NOT NULL AND m.type IN (SELECT value FROM json_each(?))"
        " ORDER BY m.dyad_a, m.dyad_b, m.date_lower, m.id",
        (*params, json.dumps(types)),
    )
    found: dict[tuple[Pair, str], list[tuple[str, int, int, str]]] = {}
    for a, b, type_, date, lower, upper, evidence in rows:
        entry = (date, lower, upper, evidence)
        dates = found.setdefault(((a, b), kind_of[type_]), [])
        if all(d[0] != date for d in dates):
            dates.append(entry)
    return found


def compare_sources(
    conn: sqlite3.Connection,
    source: str,
    against: str,
    *,
    pair: Pair | None = None,
    kinds: tuple[str, ...] = tuple(KINDS),
) -> Comparison:
    """Every date ``source`` gives, matched against ``against`` (see the module docstring)."""
    types = [t for k in kinds for t in KINDS[k]]
    ours = _dates(conn, source_condition(conn, source), types)
    theirs = _dates(conn, source_condition(conn, against), types)
    ours_pairs = {p for p, _ in ours}
    shared = ours_pairs & {p for p, _ in theirs}
    if pair is not None:
        shared &= {pair}
    matches: list[DateMatch] = []
    for (found_pair, kind), dates in sorted(ours.items()):
        if found_pair not in shared:
            continue
        others = theirs.get((found_pair, kind), [])
        for date, lower, upper, evidence in dates:
            verdict, nearest = _verdict(lower, upper, others)
            matches.append(
                DateMatch(
                    found_pair[0],
                    found_pair[1],
                    kind,
                    date,
                    verdict,
                    nearest,
                    tuple(o[0] for o in others),
                    evidence,
                )
            )
    return Comparison(source, against, len(shared), tuple(matches), summarise(matches, kinds))


def _verdict(
    lower: int, upper: int, others: list[tuple[str, int, int, str]]
) -> tuple[Verdict, str | None]:
    """How the other side's dates of the same kind stand to one date, and the nearest one."""
    if not others:
        return "none", None
    for date, o_lower, o_upper, _ in others:
        if (o_lower, o_upper) == (lower, upper):
            return "exact", date
    nearest = min(others, key=lambda o: abs(o[1] // 10000 - lower // 10000))
    if nearest[1] // 10000 == lower // 10000:
        return "year", nearest[0]
    return "different", nearest[0]


def summarise(matches: list[DateMatch], kinds: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """The count of each verdict, by kind."""
    counts = Counter((m.kind, m.verdict) for m in matches)
    return {k: {v: counts[(k, v)] for v in VERDICTS} for k in kinds}
