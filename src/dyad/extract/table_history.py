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


@dataclass(frozen=True, slots=True)
class _Around:
    """The words around one date of a cell: since the previous date, up to the next one, and
    the bracket right after it (its inside as ``label``, "" when there is none)."""

    before: str
    after: str
    label: str
    bracketed: bool


def _around(text: str, found: list[_Date], i: int, start: int, end: int) -> _Around:
    """What surrounds ``found[i]`` in the cell ``text[start:end]``."""
    date = found[i]
    previous_end = found[i - 1].end if i > 0 else start
    following = found[i + 1].start if i + 1 < len(found) else end
    after = text[date.end : following]
    bracket = _BRACKET.match(after)
    return _Around(
        before=text[previous_end : date.start],
        after=after,
        label=bracket.group(1).strip() if bracket else "",
        bracketed=bracket is not None,
    )


def _not_of_relations(around: _Around) -> bool:
    """A date of something else than diplomatic relations (an embassy, a visit, an agreement),
    or of an upgrade ("21 November 1972 upgraded to High Commission"): not a renewal."""
    if _NOT_RELATIONS.search(around.label) or _NOT_RELATIONS.search(around.before):
        return True
    return bool(_UPGRADE.search(around.label if around.bracketed else around.after))


def _bracket_state(
    label: str, sides: tuple[State, ...], gazetteer: Gazetteer
) -> tuple[bool, str | None]:
    """Whether a date with this bracket is kept, and the other state it belongs to: a bracket
    naming another state gives the date to that state's pair ("1949 (East Germany)"), one
    naming another polity drops it ("1226 (Goryeo)")."""
    if not label or _same_state(label, sides, gazetteer) is not False:
        return True, None
    named = gazetteer.lookup(label)
    return named is not None, named.code if named is not None else None


def _too_early(years: list[int | None], i: int, sides: tuple[State, ...]) -> bool:
    """Whether the ``i``-th of several dates is a predecessor's (:func:`_pre_state`)."""
    year = years[i]
    if len(years) < 2 or year is None:
        return False
    later = max((y for y in years[i + 1 :] if y is not None), default=None)
    return _pre_state(year, sides, later)


def _kind(around: _Around, other: str | None, kept: list[CellDate]) -> Kind:
    """The words in the bracket, else before the date, say the kind; without them the first
    date of a pair is the establishment and a later one a renewal."""
    kind = _kind_before(around.label) if around.label else None
    kind = kind or _kind_before(around.before)
    if kind is not None:
        return kind
    return "restored" if any(k.other == other for k in kept) else "established"


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
    years = [_year(f.edtf) for f in found]
    kept: list[CellDate] = []
    for i, date in enumerate(found):
        around = _around(text, found, i, start, end)
        if _not_of_relations(around):
            continue
        keep, other = _bracket_state(around.label, sides, gazetteer)
        if not keep or _too_early(years, i, sides):
            continue
        kept.extend(_span(_kind(around, other, kept), date, other))
    return kept
