"""Correlates of War numbers for a state in a given year, as COW-based data sets key them.

A state gets its COW number (``State.cow_code_in(year)``: West Germany is 260 in 1970, Germany
255 in 2000) only in the years it was a member of the COW state system (``data/
cow-states2016.csv``, State System Membership List v2016): a member in any part of a year
counts for that year, as in COW and peacesciencer state-years, and a membership still running at
the list's end (31 December 2016) runs on. Germany in 1950 (255 left the system in 1945; 260
joined in 1955) has no number; North Korea has 731 from 1948.

Two COW numbers belong to several gazetteer rows (365: Russia and the Soviet Union; 345: Serbia,
Yugoslavia, Serbia and Montenegro). So that no (ccode, year) names two of our states, such a
number goes in each year to one row only (:data:`SHARED`): the former state in its years, the
current one otherwise.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.gazetteer import State
from dyad.membership import existed_in

# The list's last year: a membership that reaches 31 December of it is still running.
LIST_END = 2016

# COW number -> the gazetteer rows that own it in some years (first and last year, inclusive);
# in every other year the number belongs to the row whose main number it is and that is not
# listed here (the current state).
SHARED: dict[int, tuple[tuple[str, int, int], ...]] = {
    # The Soviet Union from the union treaty (30 December 1922) to its end (26 December 1991).
    365: (("SUN", 1922, 1991),),
    # The Kingdom of Serbs, Croats and Slovenes / Yugoslavia (1 December 1918) to the Federal
    # Republic's renaming (4 February 2003); Serbia and Montenegro to June 2006.
    345: (("YUG", 1918, 2002), ("SCG", 2003, 2005)),
}


@dataclass(frozen=True, slots=True)
class Spell:
    """A span of years in which a COW number was a member of the state system."""

    ccode: int
    abb: str
    first: int
    last: int | None  # None: still a member at the list's end


@cache
def spells() -> dict[int, tuple[Spell, ...]]:
    """The membership spells of every COW number, from the shipped list."""
    text = (resources.files("dyad.export") / "data" / "cow-states2016.csv").read_text("utf-8")
    found: dict[int, list[Spell]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        ccode = int(row["ccode"])
        running = (int(row["endyear"]), int(row["endmonth"]), int(row["endday"])) == (
            LIST_END,
            12,
            31,
        )
        found.setdefault(ccode, []).append(
            Spell(
                ccode, row["stateabb"], int(row["styear"]), None if running else int(row["endyear"])
            )
        )
    return {k: tuple(v) for k, v in found.items()}


def member_spell(ccode: int, year: int) -> Spell | None:
    for spell in spells().get(ccode, ()):
        if spell.first <= year and (spell.last is None or year <= spell.last):
            return spell
    return None


def _owns(state: State, ccode: int, year: int) -> bool:
    owners = SHARED.get(ccode)
    if owners is None:
        return True
    for code, first, last in owners:
        if first <= year <= last:
            return code == state.code
    return all(code != state.code for code, _, _ in owners)


def ccode_in(state: State | None, year: int) -> int | None:
    """The state's COW number in ``year``, or ``None`` when it was not a system member then."""
    spell = _spell(state, year)
    return spell.ccode if spell else None


def stateabb_in(state: State | None, year: int) -> str | None:
    """COW's abbreviation of the number :func:`ccode_in` gives (``GFR`` for 260)."""
    spell = _spell(state, year)
    return spell.abb if spell else None


def _spell(state: State | None, year: int) -> Spell | None:
    if state is None:
        return None
    ccode = state.cow_code_in(year)
    if ccode is None or not _owns(state, ccode, year):
        return None
    return member_spell(ccode, year)


# The state system's first year: the COW panel has no row before it unless asked.
FIRST_YEAR = 1816


def exists_in(state: State | None, year: int) -> bool:
    """Whether the state existed as itself in ``year``, as far as COW's continuity says: a
    state sharing its COW number with a predecessor or successor (the Soviet Union and Russia,
    Yugoslavia and Serbia) exists only in the years that number is its own, a former state
    only from its first to its last membership year, and a state that entered the system after
    1900 from the year before its first (``membership.existed_in``). States COW does not list
    always exist."""
    if state is None or state.cow_code is None:
        return True
    if state.cow_code in SHARED and not _owns(state, state.cow_code, year):
        return False
    if not existed_in(state, year):
        return False  # a modern state before its first year in the system
    if state.kind == "former":
        found = [sp for code in _codes(state) for sp in spells().get(code, ())]
        if found:
            first = min(sp.first for sp in found)
            last = (
                None if any(sp.last is None for sp in found) else max(sp.last or 0 for sp in found)
            )
            return first <= year and (last is None or year <= last)
    return True


def _codes(state: State) -> list[int]:
    return [c for c in (state.cow_code, *(o.code for o in state.cow_other)) if c is not None]


def side_order(first: State | None, second: State | None, a: str, b: str) -> tuple[str, str]:
    """Undirected sides as COW and peacesciencer order them: the lower main COW number first
    when both states have one, else the lower code (``a < b`` as the store sorts them)."""
    if (
        first is not None
        and second is not None
        and first.cow_code
        and second.cow_code
        and first.cow_code > second.cow_code
    ):
        return (b, a)
    return (a, b)
