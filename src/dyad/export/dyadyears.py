"""One pair's records as dyad-year rows (pure: no I/O; the columns are in ``panel.py``).

**Status at the end of the year.** A year takes the pair's status (``Store.status``) on 31
December. The status changes on the dates of its facts, and a date can be imprecise: a change
dated ``1950/1953`` may or may not have happened by the end of 1951. So a year looks at every
status interval the pair may be in on its last day (from the one after the last change that
certainly happened, to the one after the last change that may have happened; an undated change
may have happened at any time after the one before it, and never certainly), and a part of the
status (relations, each mission) has a value only when all those intervals agree on it;
otherwise it is unknown.

**Unknown is not zero.** ``relations`` is 1 in a span of relations and 0 when they are severed or
suspended, or before relations began when the pair's first relations fact is an establishment (or
a restoration); before a severance with no establishment known, or for a pair with no relations
fact at all, it is unknown. A mission is 1 when opened, 0 when closed, unknown until a fact
says. An ambassador column is 1 in the years a term of office covers and unknown otherwise: no
listed ambassador is not evidence of none.

**Counts** are of facts that occurred and whose date falls within one calendar year (a date
spanning years, open or absent counts in no year); ``n_sources`` is the number of distinct
documents that support the facts counted in the row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from dyad.export.cow import ccode_in, exists_in, side_order, stateabb_in
from dyad.export.rows import Row
from dyad.gazetteer import Gazetteer, State
from dyad.store.dates import OPEN_LOWER, OPEN_UPPER, bounds
from dyad.store.exports import FactRow, PairRecords, pair_status
from dyad.store.views import Interval
from dyad.vocabulary import EVENT_TYPES

COUNTED_TYPES: tuple[str, ...] = tuple(EVENT_TYPES)


def count_column(event_type: str) -> str:
    """``n_`` and the type with dots as underscores: ``n_agreement_signed``."""
    return "n_" + event_type.replace(".", "_")


_COUNT_COLUMNS = {t: count_column(t) for t in COUNTED_TYPES}
_NO_COUNTS = dict.fromkeys(_COUNT_COLUMNS.values(), 0)


def _name(state: State | None, code: str) -> str:
    return state.short_name if state is not None else code


@lru_cache(maxsize=65536)
def _cow(gazetteer: Gazetteer, code: str, year: int) -> tuple[int | None, str | None]:
    state = gazetteer.get(code)
    return ccode_in(state, year), stateabb_in(state, year)


@dataclass(frozen=True, slots=True)
class YearStatus:
    relations: str | None  # none / relations / severed / suspended; None: unknown
    mission_a: str | None  # open / closed; None: unknown
    mission_b: str | None
    disputed: bool


def _year_of(day: int) -> int:
    return day // 10000


def known_years(records: PairRecords) -> tuple[int, int] | None:
    """The first and last year the pair's occurred facts and terms of office speak of."""
    years: list[int] = []
    for fact in records.facts:
        if fact.modality != "occurred":
            continue
        for day in (fact.date_lower, fact.date_upper):
            if day is not None and day not in (OPEN_LOWER, OPEN_UPPER):
                years.append(_year_of(day))
    for tenure in records.tenures:
        for day in (tenure.start_lower, tenure.end_upper):
            if day is not None and day not in (OPEN_LOWER, OPEN_UPPER):
                years.append(_year_of(day))
    return (min(years), max(years)) if years else None


class StatusByYear:
    """The status parts of a pair on 31 December of any year (module docstring)."""

    def __init__(self, intervals: list[Interval]) -> None:
        self._intervals = intervals
        self._changes: list[tuple[int, int]] = []  # (may have happened from, certainly by)
        previous = OPEN_LOWER
        for interval in intervals[1:]:
            found = bounds(interval.start)
            if found is None:
                self._changes.append((previous, OPEN_UPPER))
            else:
                self._changes.append((found.lower, found.upper))
                previous = found.lower
        first_relations = next((i.relations for i in intervals if i.relations != "none"), None)
        self._none_is_zero = first_relations == "relations"

    def at(self, year: int) -> YearStatus:
        last_day = year * 10000 + 1231
        certain = possible = 0
        for k, (lower, upper) in enumerate(self._changes, 1):
            if upper <= last_day:
                certain = k
            if lower <= last_day:
                possible = k
        span = self._intervals[certain : max(possible, certain) + 1]
        return YearStatus(
            relations=_agreed(i.relations for i in span),
            mission_a=_agreed(i.mission_a for i in span),
            mission_b=_agreed(i.mission_b for i in span),
            disputed=any(i.disputed for i in span),
        )

    def relations_flags(self, status: YearStatus) -> tuple[int | None, int | None, str | None]:
        """``relations``, ``severed`` and ``relations_status`` of a year's status."""
        value = status.relations
        if value == "relations":
            return 1, 0, value
        if value in ("severed", "suspended"):
            return 0, 1, value
        if value == "none" and self._none_is_zero:
            return 0, 0, value
        return None, None, None


def _agreed(values: Iterable[str]) -> str | None:
    found = set(values)
    if len(found) != 1:
        return None
    (value,) = found
    return None if value == "unknown" else str(value)


def _mission_flag(value: str | None) -> int | None:
    if value == "open":
        return 1
    if value == "closed":
        return 0
    return None


def _ambassador_years(records: PairRecords, sending: str, receiving: str, last: int) -> set[int]:
    """Years in which an ambassador of ``sending`` to ``receiving`` held office (an open-ended
    term runs to the year before the next term's start, or to ``last``)."""
    terms: list[tuple[int, int | None]] = []
    for tenure in records.tenures:
        if (tenure.sending, tenure.receiving) != (sending, receiving):
            continue
        if "ambassador" not in tenure.role.lower():
            continue
        if tenure.start_lower is None or tenure.start_lower in (OPEN_LOWER, OPEN_UPPER):
            continue
        end = tenure.end_upper
        terms.append(
            (
                _year_of(tenure.start_lower),
                None if end is None or end in (OPEN_LOWER, OPEN_UPPER) else _year_of(end),
            )
        )
    starts = sorted({start for start, _ in terms})
    years: set[int] = set()
    for start, end in terms:
        if end is None:
            later = [s for s in starts if s > start]
            end = later[0] - 1 if later else max(last, start)
        years.update(range(start, end + 1))
    return years


def _single_year(fact: FactRow) -> int | None:
    if fact.modality != "occurred" or fact.date_lower is None or fact.date_upper is None:
        return None
    if fact.date_lower in (OPEN_LOWER, OPEN_UPPER) or fact.date_upper in (OPEN_LOWER, OPEN_UPPER):
        return None
    first, last = _year_of(fact.date_lower), _year_of(fact.date_upper)
    return first if first == last else None


def _other(code: str | None, records: PairRecords) -> str | None:
    """The pair's other state than ``code`` (``None`` for ``None``)."""
    if code is None:
        return None
    return records.b if code == records.a else records.a


@dataclass(slots=True)
class _Tally:
    counts: dict[str, int]
    documents: set[str]


def _tallies(records: PairRecords, source: str | None) -> dict[int, _Tally]:
    """Counts by year of the facts counted in a row whose first state is ``source`` (``None``:
    undirected, every fact)."""
    by_year: dict[int, _Tally] = defaultdict(lambda: _Tally(defaultdict(int), set()))
    for fact in records.facts:
        year = _single_year(fact)
        if year is None or fact.type not in EVENT_TYPES:
            continue
        if source is not None and source in (_other(fact.source, records), fact.target):
            continue  # directed: the fact's source is the other state, or its target this one
        tally = by_year[year]
        tally.counts[fact.type] += 1
        tally.documents.update(e.document for e in fact.evidence)
    return by_year


def dyad_years(
    records: PairRecords,
    *,
    first: int,
    last: int,
    gazetteer: Gazetteer,
    directed: bool = False,
    members_only: bool = False,
) -> Iterator[Row]:
    """The pair's rows for the years ``first`` to ``last``: one per year (undirected, sides in
    COW order) or two (directed: each state first once).

    A year in which one of the states did not exist as itself (``cow.exists_in``: Russia while
    the Soviet Union held COW 365, the GDR after 1990) has no row; with ``members_only`` nor
    does a year in which either was not a COW system member."""
    states = {code: gazetteer.get(code) for code in (records.a, records.b)}
    one, two = side_order(states[records.a], states[records.b], records.a, records.b)
    status = StatusByYear(pair_status(records))
    orders = [(one, two), (two, one)] if directed else [(one, two)]
    for side1, side2 in orders:
        tallies = _tallies(records, side1 if directed else None)
        ambassadors = {
            (s, r): _ambassador_years(records, s, r, last)
            for s, r in ((side1, side2), (side2, side1))
        }
        name1, name2 = (_name(states[s], s) for s in (side1, side2))
        for year in range(first, last + 1):
            if not all(exists_in(states[s], year) for s in (side1, side2)):
                continue
            if members_only and None in (
                _cow(gazetteer, side1, year)[0],
                _cow(gazetteer, side2, year)[0],
            ):
                continue
            at = status.at(year)
            relations, severed, relations_status = status.relations_flags(at)
            # the store's mission_a is a's mission in b, for the sorted pair a < b
            mission_1 = at.mission_a if side1 == records.a else at.mission_b
            mission_2 = at.mission_b if side1 == records.a else at.mission_a
            tally = tallies.get(year)
            ccode1, abb1 = _cow(gazetteer, side1, year)
            ccode2, abb2 = _cow(gazetteer, side2, year)
            row: Row = {
                "year": year,
                "iso3c1": side1,
                "iso3c2": side2,
                "ccode1": ccode1,
                "ccode2": ccode2,
                "stateabb1": abb1,
                "stateabb2": abb2,
                "name1": name1,
                "name2": name2,
                "relations": relations,
                "relations_status": relations_status,
                "severed": severed,
                "relations_disputed": int(at.disputed),
                "mission_1_in_2": _mission_flag(mission_1),
                "mission_2_in_1": _mission_flag(mission_2),
                "ambassador_1_to_2": 1 if year in ambassadors[(side1, side2)] else None,
                "ambassador_2_to_1": 1 if year in ambassadors[(side2, side1)] else None,
                "n_events": sum(tally.counts.values()) if tally else 0,
                **_NO_COUNTS,
                "n_sources": len(tally.documents) if tally else 0,
            }
            if tally:
                for event_type, n in tally.counts.items():
                    row[_COUNT_COLUMNS[event_type]] = n
            yield row


def counted_facts(records: PairRecords) -> tuple[int, int]:
    """How many of the pair's facts the counts use, and how many they leave out."""
    counted = sum(1 for f in records.facts if _single_year(f) is not None and f.type in EVENT_TYPES)
    return counted, len(records.facts) - counted
