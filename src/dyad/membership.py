"""Correlates of War state-system membership by year: reference data for every stage.

COW's State System Membership List (v2016, shipped in ``dyad/export/data``) says in which years
each COW number was a member. Extraction uses it to tell a predecessor's relations from the
modern state's (a date before 1816 for a state that joined later), reconciliation to tell a
renewed relationship from a first one (an establishment after a gap in a state's membership:
Germany 1946-1954, Estonia 1941-1990), export to key panel rows. ``export/cow.py`` holds the
panel's finer rules (which gazetteer row owns a shared number in a year).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from itertools import pairwise

from dyad.gazetteer import State

FIRST_YEAR = 1816  # the state system's first year
LIST_END = 2016  # the list's last year: a membership reaching 31 December of it runs on


@cache
def _spells() -> dict[int, tuple[tuple[int, int | None], ...]]:
    text = (resources.files("dyad.export") / "data" / "cow-states2016.csv").read_text("utf-8")
    found: dict[int, list[tuple[int, int | None]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        running = (int(row["endyear"]), int(row["endmonth"]), int(row["endday"])) == (
            LIST_END,
            12,
            31,
        )
        found.setdefault(int(row["ccode"]), []).append(
            (int(row["styear"]), None if running else int(row["endyear"]))
        )
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _codes(state: State) -> list[int]:
    return [c for c in (state.cow_code, *(o.code for o in state.cow_other)) if c is not None]


def member_years(state: State) -> list[tuple[int, int | None]]:
    """The state's membership spells over all its COW numbers, merged where they touch."""
    spans = sorted(s for code in _codes(state) for s in _spells().get(code, ()))
    merged: list[tuple[int, int | None]] = []
    for first, last in spans:
        if merged and (merged[-1][1] is None or first <= (merged[-1][1] or 0) + 1):
            end = merged[-1][1]
            merged[-1] = (merged[-1][0], None if end is None or last is None else max(end, last))
        else:
            merged.append((first, last))
    return merged


def first_member_year(state: State) -> int | None:
    """The first year any of the state's COW numbers was a member (``None``: never)."""
    spans = member_years(state)
    return spans[0][0] if spans else None


# States that entered the system after this year are modern creations (decolonisation, the
# dissolutions of 1918 and 1991): their existence starts with their membership. Older entrants
# (Japan and China 1860, Korea 1887) were states long before COW counted them.
MODERN_AFTER = 1900


def is_modern(state: State) -> bool:
    first = first_member_year(state)
    return first is not None and first > MODERN_AFTER


def existed_in(state: State, year: int) -> bool:
    """Whether the state existed in ``year``: always, but for a modern state before its first
    membership year (a year of slack: COW counts from recognition, sources from independence)."""
    first = first_member_year(state)
    return not is_modern(state) or first is None or year >= first - 1


def membership_gaps(state: State) -> list[tuple[int, int]]:
    """The years (first, last) between two membership spells: occupation, division,
    annexation (Germany 1946-1954, Estonia 1941-1990)."""
    spans = member_years(state)
    return [
        (one[1] + 1, two[0] - 1)
        for one, two in pairwise(spans)
        if one[1] is not None and two[0] - 1 >= one[1] + 1
    ]
