"""Everything a dyad page shows, read in one snapshot with few statements.

A pair has tens of facts, and the page shows each of them several times over: its head (the
establishments, the missions, the counts), its status over time, its timeline (filtered and
paged) and its conflicts are all made of the pair's facts. They are read once, with their
evidences and persons (three statements), and each part is taken from them in Python by the
conditions its own query has (``pagefacts.select_timeline``, ``occurred_of_types``,
``status_of``, ``counts_of``); the terms of office once for the list and the ambassadors now.
A pair with more facts than the timeline's marks is read in parts as before, one query each.
The page is the same either way (``tests/test_store_dyadpage.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dyad.model import Pair
from dyad.store import curated, pagefacts, queries
from dyad.store.factread import pair_facts
from dyad.store.summary import dyad_summary
from dyad.store.views import Conflict, DyadSummary, Fact, Interval, Term


@dataclass(frozen=True, slots=True)
class DyadPage:
    """A pair's page: its summary, status, timeline (``marks``: up to ``marks + 1`` facts of
    the filters; ``events``: the page of them asked for, up to ``limit + 1``), the ranks of
    its missions, its terms of office and its conflicts."""

    summary: DyadSummary
    status: tuple[Interval, ...]
    marks: tuple[Fact, ...]
    events: tuple[Fact, ...]
    mission_ranks: tuple[curated.RankInterval, ...]
    terms: tuple[Term, ...]
    conflicts: tuple[Conflict, ...]


def dyad_page(
    conn: sqlite3.Connection,
    pair: Pair,
    name: Callable[[str], str],
    lower: int | None,
    upper: int | None,
    types: Sequence[str] | None,
    *,
    marks: int = 1000,
    limit: int = 100,
    offset: int = 0,
    conflicts: int = 100,
) -> DyadPage:
    """The page of ``pair``; run it inside one read snapshot. ``lower``/``upper``/``types``
    filter the timeline as :func:`queries.timeline` does."""
    row = queries.dyad_row(conn, pair)
    # all the facts when they are no more than the marks (whatever the dyads row says, the
    # page is the same either way: only the statements made differ)
    everything = pair_facts(conn, pair) if row[0] <= marks else None
    tenures = queries.term_rows(conn, pair)
    terms = queries.merge_terms(tenures)
    if everything is None:  # more facts than marks: each part reads its own
        intervals = queries.status(conn, pair)
        filtered = queries.timeline(
            conn, pair, lower=lower, upper=upper, types=types, limit=marks + 1, offset=0
        )
    else:
        intervals = pagefacts.status_of(pair, everything)
        filtered = pagefacts.select_timeline(
            everything, lower=lower, upper=upper, types=types, limit=marks + 1, offset=0
        )
    if offset + limit < len(filtered) or len(filtered) <= marks:
        events = filtered[offset : offset + limit + 1]
    else:  # the page asked for lies beyond the marks
        events = queries.timeline(
            conn, pair, lower=lower, upper=upper, types=types, limit=limit + 1, offset=offset
        )
    summary = dyad_summary(
        conn, pair, name, facts=everything, intervals=intervals, terms=terms, row=row
    )
    return DyadPage(
        summary=summary,
        status=tuple(intervals),
        marks=tuple(filtered),
        events=tuple(events),
        mission_ranks=tuple(
            curated.ranks_of(
                (
                    t["mention"],
                    t["sending"],
                    t["receiving"],
                    t["role"],
                    t["start"],
                    t["end"],
                    t["start_lower"],
                    t["rule"],
                )
                for t in tenures
            )
        ),
        terms=tuple(t for t, _, _ in terms),
        conflicts=tuple(
            queries.conflicts(conn, limit=conflicts, offset=0, pair=pair, facts=everything)
        ),
    )
