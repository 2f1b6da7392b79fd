"""``panel --frame``: the full dyad-year frame researchers start from, with Dyad's variables.

``--frame all`` has one row for every pair of Correlates of War system members and every year
both were members (State System Membership List v2016, ``data/cow-states2016.csv``), whether or
not the knowledge base knows anything of the pair: undirected, ``ccode1 < ccode2``, ordered by
``ccode1``, ``ccode2``, ``year`` as COW's dyadic data sets, so it joins with them (and with
peacesciencer) on ``(ccode1, ccode2, year)``. ``--frame pairs`` has the pairs the knowledge
base knows, over their known years (or ``--from``/``--to``); ``--system-members`` keeps only
their years of joint membership.

**Missing, not zero.** A pair the knowledge base has no fact or term for has ``kb_pair = 0`` and
every Dyad variable empty, counts included: not having read of a pair is not evidence that
nothing happened. For a known pair, counts are numbers (zero included) and the status and
levels are empty where the facts do not say.

Values come from the per-pair dyad-year logic of ``dyadyears.py`` (:func:`dyad_years`: status
on 31 December, missions, counts by type, summed here by family) and from ``levels.py``
(representation levels per side, COW Diplomatic Exchange's 0-3); every cell that rests on facts
names them: ``fact_ids`` (the events counted in the row), ``status_fact_ids`` (the facts that
opened the status in force on 31 December), ``level_1_in_2_from`` (the fact or term that set
the level).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from dyad.export.columns import Column
from dyad.export.cow import LIST_END, ccode_in, spells
from dyad.export.dyadyears import count_column, dyad_years, known_years
from dyad.export.levels import Level, levels_by_year, severance_years
from dyad.export.rows import Row
from dyad.export.scales import scale
from dyad.gazetteer import Gazetteer
from dyad.store.dates import OPEN_LOWER, OPEN_UPPER, bounds
from dyad.store.exports import FactRow, PairRecords, pair_status
from dyad.store.views import Interval
from dyad.vocabulary import EVENT_TYPES, FAMILIES

FrameMode = Literal["all", "pairs"]
FIRST_YEAR = 1816  # the first year of the COW state system


def family_column(family: str) -> str:
    return f"n_{family}"


def _level(name: str, meaning: str) -> Column:
    return Column(
        name,
        "level",
        meaning,
        "`0` none, `1` chargé d'affaires, `2` minister, `3` ambassador (COW Diplomatic"
        " Exchange's `DR_at` codes, without `9` other); empty when not known",
    )


FRAME: tuple[Column, ...] = (
    Column("ccode1", "small", "side 1: COW state number (the lower of the two)"),
    Column("ccode2", "small", "side 2: COW state number"),
    Column("year", "small", "the year (status on 31 December; events dated within it)"),
    Column("stateabb1", "category", "side 1: COW abbreviation"),
    Column("stateabb2", "category", "side 2: COW abbreviation"),
    Column("iso3c1", "category", "side 1: ISO 3166 alpha-3 code (countrycode `iso3c`)"),
    Column("iso3c2", "category", "side 2: ISO code"),
    Column("name1", "category", "side 1: short English name"),
    Column("name2", "category", "side 2: short English name"),
    Column(
        "kb_pair",
        "flag",
        "1 when the knowledge base holds any fact or term of office of the pair; 0: every"
        " Dyad variable of the row is empty (not known, not zero)",
        "`1`, `0`",
    ),
    Column("relations", "flag", "diplomatic relations on 31 December (as `dyad panel`)"),
    Column(
        "relations_status",
        "category",
        "the relations part of the status",
        "`none`, `relations`, `severed`, `suspended`; empty when unknown",
    ),
    _level(
        "level_1_in_2",
        "side 1's representation in side 2 on 31 December, COW's `DR_at_2` (see levels.py: from"
        " missions opened, upgrades, downgrades, terms of office, each held 10 years at most at"
        " 1-2; 0 while relations are severed or suspended in the years the facts date the"
        " break)",
    ),
    _level("level_2_in_1", "side 2's representation in side 1, COW's `DR_at_1`"),
    Column(
        "level_1_in_2_from",
        "text",
        "what set `level_1_in_2`: `TYPE:ID` (a fact: its type and `facts.fact_id` of `dyad"
        " export`, e.g. `mission.opened:12`), `tenure:ID`, or"
        " `relations:severed`/`relations:suspended`",
    ),
    Column("level_2_in_1_from", "text", "what set `level_2_in_1`"),
    Column("mission_1_in_2", "flag", "side 1 has a mission in side 2 on 31 December"),
    Column("mission_2_in_1", "flag", "side 2 has a mission in side 1"),
    Column("n_events", "int", "facts that occurred with a date within this year"),
    *(
        Column(family_column(f), "int", f"`{f}.*` facts in the year (as `n_events`)")
        for f in FAMILIES
    ),
    Column(
        "goldstein_sum",
        "float",
        "sum of the Goldstein scores of the facts counted (those with a CAMEO code)",
    ),
    Column("n_sources", "int", "distinct documents supporting the facts counted"),
    Column("fact_ids", "text", "ids of the facts counted in the row, space separated"),
    Column(
        "status_fact_ids",
        "text",
        "ids of the facts that opened the status in force on 31 December, space separated",
    ),
)


@dataclass(frozen=True, slots=True)
class Segment:
    """Years of one pair of states, sides in frame order (side 1 first)."""

    side1: str | None  # ISO code (None: a COW member the gazetteer lacks)
    side2: str | None
    years: tuple[int, ...]
    cow: tuple[int, int] | None  # the COW numbers, in all-members mode


@cache
def _cow_names() -> dict[int, str]:
    text = (resources.files("dyad.export") / "data" / "cow-states2016.csv").read_text("utf-8")
    return {int(r["ccode"]): r["statenme"] for r in csv.DictReader(io.StringIO(text))}


def member_years(last: int) -> dict[int, set[int]]:
    """The years each COW number was a system member, up to ``last``."""
    years: dict[int, set[int]] = {}
    for ccode, found in spells().items():
        for spell in found:
            end = min(spell.last if spell.last is not None else last, last)
            years.setdefault(ccode, set()).update(range(spell.first, end + 1))
    return years


def iso_by_cow(gazetteer: Gazetteer, first: int, last: int) -> dict[tuple[int, int], str]:
    """(COW number, year) -> the gazetteer code that holds it (``cow.ccode_in``)."""
    found: dict[tuple[int, int], str] = {}
    for state in gazetteer:
        for year in range(first, last + 1):
            ccode = ccode_in(state, year)
            if ccode is not None:
                found[(ccode, year)] = state.code
    return found


def all_segments(gazetteer: Gazetteer, first: int, last: int) -> Iterator[Segment]:
    """Every pair of system members over its joint years, in (ccode1, ccode2, year) order,
    cut where a COW number changes hands (365: the Soviet Union, then Russia)."""
    members = member_years(last)
    owners = iso_by_cow(gazetteer, first, last)
    codes = sorted(members)
    for i, c1 in enumerate(codes):
        for c2 in codes[i + 1 :]:
            joint = sorted(y for y in members[c1] & members[c2] if first <= y <= last)
            run: list[int] = []
            key: tuple[str | None, str | None] | None = None
            for year in joint:
                pair = (owners.get((c1, year)), owners.get((c2, year)))
                if pair != key and run:
                    assert key is not None
                    yield Segment(key[0], key[1], tuple(run), (c1, c2))
                    run = []
                key = pair
                run.append(year)
            if run and key is not None:
                yield Segment(key[0], key[1], tuple(run), (c1, c2))


_FAMILY_COUNTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (
        family_column(f),
        tuple(count_column(t.name) for t in EVENT_TYPES.values() if t.family == f),
    )
    for f in FAMILIES
)


def _single_year(fact: FactRow) -> int | None:
    """The year of an occurred fact whose date lies in one calendar year (as the panel
    counts it)."""
    if fact.modality != "occurred" or fact.date_lower is None or fact.date_upper is None:
        return None
    if OPEN_LOWER in (fact.date_lower, fact.date_upper) or OPEN_UPPER in (
        fact.date_lower,
        fact.date_upper,
    ):
        return None
    year = fact.date_lower // 10000
    return year if year == fact.date_upper // 10000 else None


def _counted(records: PairRecords) -> dict[int, list[FactRow]]:
    by_year: dict[int, list[FactRow]] = {}
    for fact in records.facts:
        year = _single_year(fact)
        if year is not None and fact.type in EVENT_TYPES:
            by_year.setdefault(year, []).append(fact)
    return by_year


def _status_ids(intervals: list[Interval], year: int) -> str | None:
    """The facts that opened the last status interval begun by 31 December of ``year``."""
    last_day = year * 10000 + 1231
    chosen: Interval | None = None
    for interval in intervals[1:]:
        found = bounds(interval.start)
        if found is not None and found.lower <= last_day:
            chosen = interval
    if chosen is None or not chosen.opened_by:
        return None
    return " ".join(str(i) for i in chosen.opened_by)


def _missing(segment: Segment, year: int, names: tuple[str, str], abbs: tuple[str, str]) -> Row:
    row: Row = dict.fromkeys(c.name for c in FRAME)
    row.update(
        year=year,
        iso3c1=segment.side1,
        iso3c2=segment.side2,
        name1=names[0],
        name2=names[1],
        stateabb1=abbs[0],
        stateabb2=abbs[1],
        kb_pair=0,
    )
    return row


def _side(row: Row, name: str, flip: bool) -> object:
    """``name`` is written for side 1 in 2 (``mission_1_in_2``); flipped, side 2 in 1."""
    if not flip:
        return row[name]
    return row[name.replace("1", "@").replace("2", "1").replace("@", "2")]


def _known_rows(
    records: PairRecords, segment: Segment, gazetteer: Gazetteer
) -> Iterator[tuple[int, Row]]:
    years = set(segment.years)
    first, last = min(years), max(years)
    levels = levels_by_year(records, first, last)
    counted = _counted(records)
    intervals = pair_status(records)
    broken = severance_years(records)
    for row in dyad_years(records, first=first, last=last, gazetteer=gazetteer):
        year = row["year"]
        if year not in years:
            continue
        flip = segment.side1 is not None and row["iso3c1"] != segment.side1
        one, two = (row["iso3c2"], row["iso3c1"]) if flip else (row["iso3c1"], row["iso3c2"])
        out: Row = {
            "year": year,
            "iso3c1": one,
            "iso3c2": two,
            "name1": _side(row, "name1", flip),
            "name2": _side(row, "name2", flip),
            "ccode1": _side(row, "ccode1", flip),
            "ccode2": _side(row, "ccode2", flip),
            "stateabb1": _side(row, "stateabb1", flip),
            "stateabb2": _side(row, "stateabb2", flip),
            "kb_pair": 1,
            "relations": row["relations"],
            "relations_status": row["relations_status"],
            "mission_1_in_2": _side(row, "mission_1_in_2", flip),
            "mission_2_in_1": _side(row, "mission_2_in_1", flip),
            "n_events": row["n_events"],
            "n_sources": row["n_sources"],
        }
        for column, counts in _FAMILY_COUNTS:
            out[column] = sum(row[c] for c in counts)
        facts = counted.get(year, [])
        scores = [s for f in facts if (s := scale(f.type).goldstein) is not None]
        out["goldstein_sum"] = round(sum(scores), 4) if facts else 0.0
        out["fact_ids"] = " ".join(str(f.id) for f in facts) or None
        out["status_fact_ids"] = _status_ids(intervals, year)
        for column, side in (("level_1_in_2", one), ("level_2_in_1", two)):
            level = levels.get((side, year), Level(None, ""))
            # 0 when relations are severed or suspended and the facts date the break
            # (levels.severance_years); not before Dyad's first establishment date, which
            # may be a re-establishment (Germany 1797 vs 1951)
            if level.level is None and row["severed"] == 1 and year in broken:
                level = Level(0, f"relations:{row['relations_status']}")
            out[column] = level.level
            out[f"{column}_from"] = level.source if level.level is not None else None
        yield year, out


def segment_rows(
    segment: Segment, records: PairRecords | None, gazetteer: Gazetteer
) -> Iterator[Row]:
    """The frame rows of one segment: known values from ``records``, or all missing."""
    names, abbs = _labels(segment, gazetteer)
    known = dict(_known_rows(records, segment, gazetteer)) if records is not None else {}
    for year in segment.years:
        row = known.get(year)
        if row is None:
            row = _missing(segment, year, names, abbs)
        if segment.cow is not None:  # the frame's own keys, from the membership list
            row["ccode1"], row["ccode2"] = segment.cow
            row["stateabb1"], row["stateabb2"] = abbs
        yield row


def _labels(segment: Segment, gazetteer: Gazetteer) -> tuple[tuple[str, str], tuple[str, str]]:
    names: list[str] = []
    abbs: list[str] = []
    for k, code in enumerate((segment.side1, segment.side2)):
        state = gazetteer.get(code) if code is not None else None
        ccode = segment.cow[k] if segment.cow is not None else None
        names.append(
            state.short_name if state is not None else _cow_names().get(ccode or -1, code or "")
        )
        spell = spells().get(ccode or -1, ())
        abbs.append(spell[0].abb if spell else (state.cow_abb or "" if state else ""))
    return (names[0], names[1]), (abbs[0], abbs[1])


def pairs_segments(
    pairs: Iterable[PairRecords],
    gazetteer: Gazetteer,
    first: int | None,
    last: int | None,
    system_members: bool,
) -> Iterator[tuple[Segment, PairRecords]]:
    """The knowledge base's pairs over their known years (or the years asked)."""
    for records in pairs:
        known = known_years(records)
        start = first if first is not None else (known[0] if known else None)
        end = last if last is not None else (known[1] if known else None)
        if start is None or end is None or start > end:
            continue
        years = range(start, end + 1)
        if system_members:
            states = [gazetteer.get(records.a), gazetteer.get(records.b)]
            years = [y for y in years if all(ccode_in(s, y) is not None for s in states)]  # type: ignore[assignment]
        if years:
            yield Segment(None, None, tuple(years), None), records


DEFAULT_LAST = LIST_END
