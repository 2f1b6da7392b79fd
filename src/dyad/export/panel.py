"""``panel``: the knowledge base as a dyad-year table, ready to join.

One row per pair and year (undirected), or per ordered pair and year (directed: each state
first once, as peacesciencer's directed dyad-years), from the first to the last year the
knowledge base knows for the pair (or the years asked for). Keys join as researchers' tools
expect: ``ccode1``, ``ccode2``, ``year`` as peacesciencer and the COW data sets (undirected
rows put the lower COW number first, as they do), ``iso3c1``/``iso3c2`` as countrycode's
``iso3c``. How each value is derived is in ``dyadyears.py``; every column is in
:func:`panel_codebook`.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Literal

from dyad.export.codebook import CONVENTIONS, table
from dyad.export.columns import Column
from dyad.export.cow import FIRST_YEAR
from dyad.export.dyadyears import (
    COUNTED_TYPES,
    count_column,
    counted_facts,
    dyad_years,
    known_years,
)
from dyad.export.filters import Filters, filtered
from dyad.export.tables import label, open_table, place
from dyad.export.target import Out, resolve
from dyad.store import Store
from dyad.store.exports import PairRecords
from dyad.vocabulary import EVENT_TYPES

PanelFormat = Literal["csv", "parquet"]
Years = tuple[int | None, int | None]


def _flag(name: str, meaning: str, values: str = "`1`, `0`; empty when unknown") -> Column:
    return Column(name, "flag", meaning, values)


PANEL: tuple[Column, ...] = (
    Column("year", "small", "the year (status on 31 December; events dated within it)"),
    Column(
        "iso3c1",
        "category",
        "side 1: ISO 3166-1 alpha-3 code (countrycode `iso3c`; ISO 3166-3 or X.. when ISO"
        " has none)",
    ),
    Column("iso3c2", "category", "side 2: its code"),
    Column(
        "ccode1",
        "small",
        "side 1: COW state number in this year (peacesciencer `ccode1`); empty when not a COW"
        " system member that year",
    ),
    Column("ccode2", "small", "side 2: COW state number in this year (`ccode2`)"),
    Column("stateabb1", "category", "side 1: COW abbreviation of `ccode1`"),
    Column("stateabb2", "category", "side 2: COW abbreviation of `ccode2`"),
    Column("name1", "category", "side 1: short English name"),
    Column("name2", "category", "side 2: short English name"),
    _flag(
        "relations",
        "diplomatic relations on 31 December: 1 in a span of relations; 0 when severed or"
        " suspended, or before they began (when the first relations fact is an establishment"
        " or a restoration); empty when not known (no relations fact, an imprecise date that"
        " may or may not have passed, before a severance with no establishment known)",
    ),
    Column(
        "relations_status",
        "category",
        "the relations part of the status (`Store.status`)",
        "`none` (not yet established), `relations`, `severed`, `suspended`; empty when unknown",
    ),
    _flag("severed", "1 when relations are severed or suspended on 31 December, 0 otherwise"),
    _flag(
        "relations_disputed",
        "1 when the status of the year rests on facts that sources disagree about (a"
        " conflict: two establishment dates)",
        "`1`, `0`",
    ),
    _flag(
        "mission_1_in_2",
        "side 1 has a diplomatic mission in side 2 on 31 December: 1 after a `mission.opened`"
        " fact (embassy, legation, consulate or office, as the text says), 0 after"
        " `mission.closed`; empty until a fact says (unknown, not absent)",
    ),
    _flag("mission_2_in_1", "side 2 has a mission in side 1 (as `mission_1_in_2`)"),
    _flag(
        "ambassador_1_to_2",
        "1 when a term of office of an ambassador of side 1 to side 2 covers part of the year"
        " (resident or not; an open-ended term runs to the next term's start or the pair's"
        " last year); empty otherwise: no listed ambassador is not evidence of none",
        "`1`; empty when unknown",
    ),
    _flag(
        "ambassador_2_to_1",
        "an ambassador of side 2 to side 1 (as `ambassador_1_to_2`)",
        "`1`; empty when unknown",
    ),
    Column(
        "n_events",
        "int",
        "facts that occurred with a date within this year (directed: those of the row's"
        " direction; see below)",
    ),
    *(
        Column(
            count_column(t),
            "int",
            f"`{t}` facts in the year ({EVENT_TYPES[t].label};"
            f" CAMEO {EVENT_TYPES[t].cameo or '-'}, PLOVER {EVENT_TYPES[t].plover or '-'})",
        )
        for t in COUNTED_TYPES
    ),
    Column("n_sources", "int", "distinct documents supporting the facts counted in the row"),
)


@dataclass(frozen=True, slots=True)
class PanelSummary:
    """What :func:`panel` wrote."""

    files: tuple[str, ...]
    directed: bool
    rows: int
    pairs: int  # pairs with rows
    pairs_without_years: int  # pairs left out: no dated fact or term to place them in time
    first_year: int | None
    last_year: int | None
    facts_counted: int  # facts counted in some year
    facts_not_counted: int  # not occurred, undated, open or spanning several years
    codebook: str | None = None


def panel(
    store: Store,
    out: Out,
    *,
    directed: bool = False,
    years: Years | None = None,
    dyad: tuple[str, str] | None = None,
    format: PanelFormat = "csv",
    members_only: bool = False,
    filters: Filters | None = None,
) -> PanelSummary:
    """Write the dyad-year panel of ``store`` (or of the pair ``dyad``) to ``out``: a directory
    (``panel.csv``, or ``panel-directed.csv``, or ``.parquet``, and ``panel-codebook.md``), a
    file path, ``"-"`` or an open stream (binary for Parquet).

    ``years`` is ``(first, last)``; with both given every pair has a row for every year of the
    range, otherwise each pair runs from the first to the last year its dated facts and terms
    speak of, cut (or extended) at the end given, and never before 1816 (the state system's
    first year) unless a first year is given. Years in which a state did not exist as itself
    have no row; with ``members_only`` nor do years in which either state was not a COW system
    member.
    """
    first, last = _checked_years(format, years)
    target = resolve(out)
    where = place(target, f"panel{'-directed' if directed else ''}.{format}")
    pairs: Iterable[PairRecords] = (
        store.export_pairs(*dyad) if dyad is not None else store.export_pairs()
    )
    if filters is not None:  # export/filters.py: status facts are always kept
        pairs = filtered(pairs, filters, status=True)
    rows = with_rows = without = counted = not_counted = 0
    low: int | None = None
    high: int | None = None
    with ExitStack() as stack:
        writer = open_table(
            stack, format, where, PANEL, "panel", {"dyad.directed": str(directed).lower()}
        )
        for records in pairs:
            yes, no = counted_facts(records)
            counted += yes
            not_counted += no
            span = _span(known_years(records), first, last)
            if span is None:
                without += 1
                continue
            with_rows += 1
            low = span[0] if low is None else min(low, span[0])
            high = span[1] if high is None else max(high, span[1])
            for row in dyad_years(
                records,
                first=span[0],
                last=span[1],
                gazetteer=store.gazetteer,
                directed=directed,
                members_only=members_only,
            ):
                writer.write(row)
                rows += 1
    files = [label(where)]
    codebook = None
    if target.directory is not None:
        path = target.directory / "panel-codebook.md"
        path.write_text(panel_codebook(), encoding="utf-8")
        codebook = str(path)
        files.append(codebook)
    return PanelSummary(
        files=tuple(files),
        directed=directed,
        rows=rows,
        pairs=with_rows,
        pairs_without_years=without,
        first_year=low,
        last_year=high,
        facts_counted=counted,
        facts_not_counted=not_counted,
        codebook=codebook,
    )


def _checked_years(format: str, years: Years | None) -> tuple[int | None, int | None]:
    """The panel's first and last year asked for; ValueError for an unknown format or a first
    year after the last."""
    if format not in ("csv", "parquet"):
        raise ValueError(f"unknown panel format {format!r}: choose csv or parquet")
    first, last = years if years is not None else (None, None)
    if first is not None and last is not None and first > last:
        raise ValueError(f"the first year ({first}) is after the last ({last})")
    return first, last


def _span(
    known: tuple[int, int] | None, first: int | None, last: int | None
) -> tuple[int, int] | None:
    if first is not None and last is not None:
        return (first, last)
    if known is None:
        return None
    start = max(known[0], FIRST_YEAR) if first is None else first
    end = known[1] if last is None else last
    return (start, end) if start <= end else None


def _types_table(types: Iterable[str]) -> str:
    return ", ".join(f"`{count_column(t)}`" for t in types)


def panel_codebook() -> str:
    """The codebook of ``dyad panel``."""
    return f"""\
# Dyad dyad-year panel codebook

One row per pair of states and year (undirected), or per ordered pair and year (`--directed`:
each state is side 1 once), from the first to the last year the knowledge base knows for the
pair (the years of its dated facts that occurred and of its terms of office), or every year of
`--from`/`--to` when both are given; never before 1816, the state system's first year, unless
`--from` asks for earlier years. A year in which a state did not exist as itself has no row:
COW's continuity decides (the Soviet Union holds COW 365 from 1922 to 1991, Russia before and
after; Yugoslavia holds 345 from 1918 to 2002; a former state such as the GDR exists from its
first to its last year in the state system). `--members-only` keeps only the years in which
both states are COW system members. Pairs with no dated fact or term have no rows. The file is
`panel.csv` (`panel-directed.csv`; or `.parquet`) with this codebook beside it when written to a
directory.

## Joining

- **peacesciencer / COW**: join on `ccode1`, `ccode2`, `year`. Undirected rows put the state with
  the lower (main) COW number on side 1, as COW's dyadic data sets and peacesciencer's
  undirected dyad-years do (`ccode1 < ccode2`); pairs where a state has no COW number are in ISO
  code order. `ccode` is empty in years the state was not a COW system member.
- **countrycode**: `iso3c1` and `iso3c2` are `iso3c` codes, e.g.
  `countrycode(panel$iso3c1, "iso3c", "cown")`; former states have ISO 3166-3 codes (`SUN`,
  `YUG`, `DDR`, `CSK`) that countrycode does not know: use `ccode1` for them.

## Conventions

{CONVENTIONS}
## Columns

{table(PANEL)}
The event counts are {_types_table(COUNTED_TYPES)}: one column per type of the vocabulary, in its
order, always present (zero when no fact). A fact counts in a year when it occurred and its date
lies within that calendar year (a day, a month, a year, a season); facts with no date, an open
date or a date spanning years count in no year. In a directed panel a fact counts in the row
whose side 1 is its source (the visitor, the donor) and side 2 its target; reciprocal facts
(no source: relations established, a treaty signed between the two) count in both rows.

## How the status is read

The status of a pair (relations, and each state's mission in the other) changes on the dates of
its facts (`relations.established`, `.restored`, `.severed`, `.suspended`, `mission.opened`,
`mission.closed`). A year takes the status on 31 December; when a change's date is imprecise
(`1950/1953`, `1990/..`, undated) and may or may not have passed by then, the parts it changes
are empty for that year. Relations before the first establishment are 0 (the knowledge base
says when they began); with no establishment known they are empty. A restoration says relations
were broken at some time before it: when no severance or suspension is known since the last
opening, the years from that opening to the restoration are empty (`relations_status` empty),
not 1.
"""
