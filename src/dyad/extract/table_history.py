"""A relations-table cell read as a history: every date in it, and what labels it.

Cells of "Diplomatic relations" tables often hold more than one date: ``1844 (Qing) 1979
(PRC)``, ``1854, 1952``, ``1922; 1991``, ``12 May 1960 (suspended 1975, restored 1990)``,
``Diplomatic relations severed in 1980``. Reading only the first date loses the history and,
worse, turns a renewed relationship into a conflicting "first" one. Each date here gets a kind:

* the words just before it ("severed in", "ended in", "restored") or a closed bracket just
  after it ("(suspended)") say severed, suspended or restored;
* otherwise the first kept date is the establishment and every later one a renewal
  (``relations.restored``): a second date in an establishment cell is relations begun again;
* a bracket naming a predecessor the state system does not count as the same state (``1226
  (Goryeo)`` for North Korea, ``1882 (Joseon)`` for South Korea) drops the date: those were
  relations of another polity, not of the modern pair. A bracket naming the state itself or a
  predecessor the gazetteer lists as the same state (``Qing`` for China, ``PRC``, ``USSR`` on
  Russia's page: one COW number) keeps it;
* in a cell with several dates, a date before 1816 is dropped when either side entered the
  state system only later (``Malta 1127 1530; 1798; 1800; 1813 1965``: the Order's and
  Sicily's relations, not Malta's), and so is a date before 1945 and before a modern state's
  first year in it (``membership.is_modern``) when a later date of the cell is within it
  (Armenia ``1920; 1991``: the First Republic's, Tonga ``1886; 1972``); a single date is
  kept (Morocco's 1786 with the United States is Morocco's, though COW lists Morocco from
  1847);
* a bracket naming another state that is not the same in the state system gives the date to
  that state's pair (``Germany 1949 (East Germany) March 1, 2001`` on North Korea's page:
  1949 is the GDR's);
* a span of relations (``4 May 1980 – 23 July 2002 (first)``) is its start and, unless open
  ("1961–present"), a severance at its end;
* brackets and words that say the date is not of diplomatic relations (``unofficial``,
  ``Taiwan Relations Act``, a partnership, an embassy, a visit) drop it, and so does an upgrade
  ("21 November 1972 upgraded to High Commission level" is not a renewal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dyad.extract.dates import find_dates
from dyad.gazetteer import Gazetteer, State
from dyad.membership import FIRST_YEAR as FIRST_COW_YEAR
from dyad.membership import first_member_year, is_modern
from dyad.model import DateMark

Kind = Literal["established", "severed", "suspended", "restored"]

# Closest to the date wins: "relations restored after being severed in 1990" is severed only
# when "severed" is the nearer word, so each pattern is searched at the end of the text before.
_KIND_WORDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "restored",
        re.compile(r"\b(?:restor\w*|re-?establish\w*|resum\w*|renew\w*|normali[sz]\w*)", re.I),
    ),
    ("suspended", re.compile(r"\b(?:suspen\w*|interrupt\w*|frozen|froze)", re.I)),
    (
        "severed",
        re.compile(r"\b(?:sever\w*|broken|broke|break|ended|terminat\w*|cut|withdrawn)", re.I),
    ),
)
_UPGRADE = re.compile(r"\b(?:upgrad\w*|raised|elevat\w*|downgrad\w*)", re.I)
_NOT_RELATIONS = re.compile(
    r"\b(?:unofficial\w*|informal\w*|relations\s+act|travel\s+act|partnership|embassy|"
    r"consulat\w*|visit\w*|trade\s+office|representative\s+office|agreement|signed)\b",
    re.I,
)
_BRACKET = re.compile(r"^\s*[(\[]([^()\[\]]*)[)\]]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
_COMMON_WORDS = frozenset(
    "of the and kingdom empire state states united federal democratic people's peoples".split()
)


@dataclass(frozen=True, slots=True)
class CellDate:
    """One date of a cell, its kind, and where it is in the document."""

    kind: Kind
    edtf: str
    text: str
    start: int
    end: int
    other: str | None = None  # the state a bracket names instead of the partner ("East Germany")


def _names_words(state: State) -> set[str]:
    words: set[str] = set()
    for name, _ in state.forms():
        words.update(w.casefold() for w in _WORD.findall(name))
    return words - _COMMON_WORDS


def _same_state(label: str, sides: tuple[State, ...], gazetteer: Gazetteer) -> bool | None:
    """Whether a bracket naming a polity names one of the sides (``None``: names none)."""
    if not label[:1].isupper() or re.search(r"\d", label):
        return None
    named = gazetteer.lookup(label)
    cows = {s.cow_code for s in sides if s.cow_code}
    if named is not None:
        return named.code in {s.code for s in sides} or named.cow_code in cows
    words = {w.casefold() for w in _WORD.findall(label)} - _COMMON_WORDS
    if not words:
        return None
    return any(words & _names_words(side) for side in sides)


@dataclass(frozen=True, slots=True)
class _Date:
    edtf: str
    text: str
    start: int
    end: int


def _dates(text: str, start: int, end: int, marks: tuple[DateMark, ...]) -> list[_Date]:
    given = [_Date(m.value, text[m.start : m.end], m.start, m.end) for m in marks]
    read = [
        _Date(f.edtf, f.text, f.start, f.end)
        for f in find_dates(text, start, end)
        if not any(m.start < f.end and f.start < m.end for m in given)
    ]
    return sorted(given + read, key=lambda d: d.start)


def _year(edtf: str) -> int | None:
    digits = edtf.lstrip(".")[:4]
    return int(digits) if digits.isdigit() else None


def _kind_before(text: str) -> Kind | None:
    best: tuple[int, Kind] | None = None
    for kind, pattern in _KIND_WORDS:
        for m in pattern.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


# Before the post-war state system, a modern state's dates are its predecessors' (Joseon Korea,
# the First Republic of Armenia, Czechoslovakia); after it, a late COW entry is a microstate's
# late UN membership (Nauru: independent 1968, a COW member from 1999), not a new state.
POSTWAR = 1945


def _pre_state(year: int, sides: tuple[State, ...], later: int | None) -> bool:
    """A date before 1816 for a side that entered the state system only later, or before a
    modern state's era (its first year in the system, or 1945 for a late entrant) when a later
    date of the cell falls within that era (Tonga ``1886; 1972``: independent in 1970, a COW
    member from 1999)."""
    for side in sides:
        first = first_member_year(side)
        if first is None or first <= FIRST_COW_YEAR:
            continue
        if year < FIRST_COW_YEAR:
            return True
        era = min(first - 1, POSTWAR)
        if is_modern(side) and year < era and later is not None and later >= era:
            return True
    return False


def _span(kind: Kind, date: _Date, other: str | None) -> list[CellDate]:
    """A date, or a span of relations ("4 May 1980 – 23 July 2002"): its start of the given
    kind and its end a severance; an open end ("1961–present") is no event."""
    if "/" not in date.edtf:
        return [CellDate(kind, date.edtf, date.text, date.start, date.end, other)]
    first, last = date.edtf.split("/", 1)
    found = []
    if first and first != "..":
        found.append(CellDate(kind, first, date.text, date.start, date.end, other))
    if last and last != ".." and first != "..":
        found.append(CellDate("severed", last, date.text, date.start, date.end, other))
    if first == "..":  # "Before 1991": kept whole, the caller reads it
        found.append(CellDate(kind, date.edtf, date.text, date.start, date.end, other))
    return found


def cell_history(
    text: str,
    start: int,
    end: int,
    sides: tuple[State, ...],
    gazetteer: Gazetteer,
    marks: tuple[DateMark, ...] = (),
) -> list[CellDate]:
    """The cell ``text[start:end]`` as dated events of the sides' relations (module docstring).

    ``marks`` are the dates the source gave machine-readable values for (``{{dts|...}}``); they
    win over the dates read from the rendered text where both cover the same words."""
    found = _dates(text, start, end, marks)
    if not found:
        return []
    years = [_year(f.edtf) for f in found]
    kept: list[CellDate] = []
    previous_end = start
    for i, date in enumerate(found):
        before = text[previous_end : date.start]
        following = found[i + 1].start if i + 1 < len(found) else end
        after = text[date.end : following]
        previous_end = date.end
        bracket = _BRACKET.match(after)
        label = bracket.group(1).strip() if bracket else ""
        if _NOT_RELATIONS.search(label) or _NOT_RELATIONS.search(before):
            continue
        if _UPGRADE.search(after if bracket is None else label):
            continue  # "21 November 1972 upgraded to High Commission": not a renewal
        other = None
        if label and _same_state(label, sides, gazetteer) is False:
            named = gazetteer.lookup(label)
            if named is None:
                continue  # "1226 (Goryeo)": another polity's relations
            other = named.code  # "1949 (East Germany)": the other state's pair
        year = years[i]
        later = max((y for y in years[i + 1 :] if y is not None), default=None)
        if len(found) > 1 and year is not None and _pre_state(year, sides, later):
            continue
        kind = _kind_before(label) if label else None
        kind = kind or _kind_before(before)
        own = [k for k in kept if k.other == other]
        if kind is None:
            kind = "restored" if own else "established"
        kept.extend(_span(kind, date, other))
    return kept
