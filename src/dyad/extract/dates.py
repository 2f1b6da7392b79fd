"""Temporal expressions: find them in text and normalise them to EDTF.

``find_dates(text)`` returns every expression with its exact span and an EDTF value
(Library of Congress Extended Date/Time Format, validated with the ``edtf`` package):

====================================  ======================
"October 15, 1948", "15 October 1948"  ``1948-10-15``
"July 2007", "as of November 2006"     ``2007-07``, ``2006-11``
"in 1952", "the end of 1953"           ``1952``, ``1953``
"the 1980s", "the mid-1980s"           ``198X``, ``1985~``
"early 1990s", "late 1970s"            ``1990/1993``, ``1977/1979``
"1960-1970s", "2013–2017"              ``1960/1979``, ``2013/2017``
"1994-05", "1991–12" (no range)        ``1994-05``, ``1991-12``
"from 1960 to the mid-1980s"           ``1960/1985~``
"(2017–)", "since 2001", "post-1982"   ``2017/..``, ``2001/..``, ``1982/..``
"until 1990", "pre-1990"               ``../1990``
"the 13th century"                     ``12XX``
====================================  ======================

Each :class:`TimeExpr` also carries its two ends (``start_value``/``end_value``) so that a
range can be built from parts, and a ``kind`` saying what was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from dyad.extract.edtf import is_valid_edtf
from dyad.read.citations import MONTHS

__all__ = ["TimeExpr", "find_dates", "is_valid_edtf", "lower_year", "month_of"]

Kind = Literal["day", "month", "year", "decade", "century", "range", "open", "season"]

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_DAY = r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_DASH = r"\s?[-–—‐]\s?"
_RANGE_DASH = r"\s?(?:[-–—‐]|/)\s?"
# Between the two days of a day range: a dash, or a word ("11 and 12 February", "4 to 8 May").
_DAY_SEP = rf"{_DASH}|\s+(?:and|to|until|till|through)\s+"

_DAY_MONTH_YEAR = rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
_MONTH_DAY_YEAR = rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"
_ISO_DAY = rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_MONTH_YEAR = rf"{_MONTH},?\s+{_YEAR}"
_SEASON_YEAR = rf"(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}"
_PART = r"(?:early|mid|middle|late)"
_DECADE = r"(?:1[0-9]{2}|20[0-9])0s"
_CENTURY = r"(?:(?:early|mid|late)[-\s])?(?:1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)\s+century"

# One point in time, most specific first (alternation order matters).
_POINT = (
    rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO_DAY}|{_SEASON_YEAR}|{_MONTH_YEAR}"
    rf"|(?:{_PART}[-\s])?{_DECADE}|{_CENTURY}|{_YEAR})"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "from_to",
        # "from 31 January to 4 February 1999", "from June 2 to June 10, 1989": the first day
        # takes the year of the second (``day``).
        re.compile(
            rf"\b(?:from|between)\s+(?:the\s+)?(?:(?P<a>{_POINT})|(?P<day>{_DAY}\s+{_MONTH}"
            rf"|{_MONTH}\s+{_DAY}))\s+(?:to|until|till|through|and)"
            rf"\s+(?:the\s+)?(?P<b>{_POINT}|present|today|now)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "from January to November 2010", "between March and May 2003": months of one year.
        "month_range",
        re.compile(
            rf"\b(?:from|between)\s(?:\s*(?P<m1>{_MONTH})\s+(?:to|until|till|through|and)\s+"
            rf"(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR})\b)",
            re.IGNORECASE,
        ),
    ),
    (
        # "4-9 May 2013", "May 4–9, 2013", "on 11 and 12 February 2010", "from 4 to 8 February
        # 2008", "between 26 and 28 April 2014": days of one month.
        "day_range",
        re.compile(
            rf"(?:\b(?P<between>between|from)\s+)?"
            rf"\b(?:(?P<d1>{_DAY})(?P<s1>{_DAY_SEP})(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?"
            rf"\s+(?P<y>{_YEAR})"
            rf"|(?P<m2>{_MONTH})\s+(?P<d3>{_DAY})(?P<s2>{_DAY_SEP})(?P<d4>{_DAY}),?\s+(?P<y2>{_YEAR}))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "dash_range",
        re.compile(
            rf"(?<![\w/])(?P<a>{_POINT}){_RANGE_DASH}(?P<b>{_POINT}|\d{{2}}(?!\d)|present|today)"
            rf"(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "open_dash",
        re.compile(rf"(?<![\w/])(?P<a>{_POINT})\s?[-–—]\s?(?=\))", re.IGNORECASE),
    ),
    (
        "since",
        # "since 2001" still holds: an open end. "after 2000, when X visited" dates the visit
        # to 2000, not after it.
        re.compile(rf"\b(?:since|post-)\s?(?P<a>{_POINT})\b(?!\s?[-–—]\s?\d)(?!,?\s+when\b)", re.I),
    ),
    (
        # "after 1982": later, but the text does not say it still holds (an unknown end, EDTF
        # "1982/"). "Post-1990", the name of an era, runs on like "since".
        "after",
        re.compile(
            rf"\bafter\s?(?P<a>{_POINT})\b(?!\s?[-–—]\s?\d)(?!,?\s+when\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "until",
        re.compile(rf"\b(?:until|till|pre-|up to)\s?(?P<b>{_POINT})\b", re.IGNORECASE),
    ),
    (
        "end_of",
        re.compile(
            rf"\b(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+(?P<a>{_POINT})\b",
            re.IGNORECASE,
        ),
    ),
    ("point", re.compile(rf"(?<![\w/-])(?P<a>{_POINT})(?![\w])", re.IGNORECASE)),
)

# Words after which a bare four-digit number is a year even if a noun follows it.
_DATE_PREPOSITIONS = frozenset(
    "in on since by until till from to of during after before between and"
    " or early late mid circa c. around about year years".split()
)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression found in text; offsets index the text that was searched."""

    start: int
    end: int
    text: str
    edtf: str
    kind: Kind
    start_value: str
    end_value: str | None = None


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").casefold()]


# _point's forms, compiled once (``re.fullmatch`` with a pattern string looks it up each call).
_P_DAY_MONTH = re.compile(rf"({_DAY})\s+(?:of\s+)?({_MONTH}),?\s+({_YEAR})", re.IGNORECASE)
_P_MONTH_DAY = re.compile(rf"({_MONTH})\s+({_DAY}),?\s+({_YEAR})", re.IGNORECASE)
_P_ISO, _P_YEAR, _DIGITS = re.compile(_ISO_DAY), re.compile(_YEAR), re.compile(r"\d+")
_P_SEASON = re.compile(rf"(spring|summer|autumn|fall|winter)\s+(?:of\s+)?({_YEAR})")
_P_MONTH = re.compile(rf"({_MONTH}),?\s+({_YEAR})", re.IGNORECASE)
_P_DECADE = re.compile(rf"(?:({_PART})[-\s])?(?:the\s+)?(\d{{3}})0s")
_P_CENTURY = re.compile(r"(?:(early|mid|late)[-\s])?(\d{1,2})(?:st|nd|rd|th)\s+century")


def _point(text: str) -> tuple[str, Kind, str, str]:
    """EDTF for a single point expression: (value, kind, as range start, as range end)."""
    t = " ".join(text.split()).strip()
    low = t.casefold()
    m = _P_DAY_MONTH.fullmatch(t)
    if m:
        day = int(_DIGITS.match(m.group(1)).group())  # type: ignore[union-attr]
        value = f"{m.group(3)}-{_month_number(m.group(2)):02d}-{day:02d}"
        return value, "day", value, value
    m = _P_MONTH_DAY.fullmatch(t)
    if m:
        day = int(_DIGITS.match(m.group(2)).group())  # type: ignore[union-attr]
        value = f"{m.group(3)}-{_month_number(m.group(1)):02d}-{day:02d}"
        return value, "day", value, value
    if _P_ISO.fullmatch(t):
        return t, "day", t, t
    m = _P_SEASON.fullmatch(low)
    if m:
        season = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}[m.group(1)]
        value = f"{m.group(2)}-{season}"
        return value, "season", value, value
    m = _P_MONTH.fullmatch(t)
    if m:
        value = f"{m.group(2)}-{_month_number(m.group(1)):02d}"
        return value, "month", value, value
    m = _P_DECADE.fullmatch(low)
    if m:
        base = int(m.group(2)) * 10
        part = m.group(1)
        if part is None:
            value = f"{m.group(2)}X"
            return value, "decade", f"{base}", f"{base + 9}"
        low_year, high_year, centre = {
            "early": (base, base + 3, base + 2),
            "mid": (base + 4, base + 6, base + 5),
            "middle": (base + 4, base + 6, base + 5),
            "late": (base + 7, base + 9, base + 8),
        }[part]
        if part in {"mid", "middle"}:
            return f"{centre}~", "decade", f"{centre}~", f"{centre}~"
        return f"{low_year}/{high_year}", "decade", f"{low_year}~", f"{high_year}~"
    m = _P_CENTURY.fullmatch(low)
    if m:
        hundreds = int(m.group(2)) - 1
        value = f"{hundreds:02d}XX"
        return value, "century", f"{hundreds:02d}00", f"{hundreds:02d}99"
    if _P_YEAR.fullmatch(t):
        return t, "year", t, t
    raise ValueError(f"not a date: {text!r}")


# Names of plans, programmes and shows that carry a year ("Vision 2030", "Agenda 2063", "Expo
# 2020"): the number names the thing, it does not date the sentence.
_NAMED_BY_YEAR = re.compile(
    r"(?-i:\b(?:Vision|Agenda|Horizon|Plan|Strategy|Expo|EXPO|Programme|Program|Goals?|Target"
    r"|Roadmap|Compact|Initiative|Olympics|Cup|Games|Euro|Summit))[\s-]+$"
)


def _year_is_date(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless it counts something ("1500 soldiers") or is
    part of a name ("Vision 2030")."""
    if _NAMED_BY_YEAR.search(text, max(0, start - 20), start):
        return False
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].casefold().strip("(,") in _DATE_PREPOSITIONS:
        return True
    m = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if m:
        word = m.group(1)
        return not (word.endswith("s") and len(word) > 3 and word not in {"was", "has", "is"})
    return True


_DIGIT = re.compile(r"\d")

# Every match holds a year or a decade (four digits) or "century", and reaches at most _REACH
# characters other than white space before the first such anchor, after the start of the last
# and between two, lookarounds included ("between the beginning of September 15th, 1990",
# "from 1990-05-15 through the present": under 40). The engine tries a pattern at every
# position: on a long text the patterns run only in windows around the anchors, where each
# sees what it would in the whole text (a look-behind sees before a window; nothing reaches
# its end). A range's first point ends in its year, day, decade or "century", then a dash:
# the anchor of the patterns that need one.
# Each opens with one class of first characters, so the engine skips other positions at once.
_ANCHOR = re.compile(r"[0-9Cc](?:(?<=[0-9])[0-9]{3}|(?<=[Cc])[Ee][Nn][Tt][Uu][Rr][Yy])")
_DASH_ANCHOR = re.compile(
    r"[0-9Cc](?:(?<=[0-9])[0-9]{3}(?=\S{0,6}\s?[-–—‐/])"
    r"|(?<=[Cc])[Ee][Nn][Tt][Uu][Rr][Yy](?=\s?[-–—‐/]))"
)
_NEEDS_DASH = frozenset({"dash_range", "open_dash"})
_REACH = 48
_UP_TO_REACH = re.compile(rf"(?:\s*\S){{1,{_REACH}}}")
_SHORT = 4 * _REACH  # a text this short is searched whole


def _reach(text: str, at: int, end: int) -> int:
    """Where the _REACH-th character other than white space from ``at`` (one) ends."""
    ahead = _UP_TO_REACH.match(text, at, end)
    return ahead.end() if ahead is not None else end


def _windows(text: str, start: int, end: int, anchors: re.Pattern[str]) -> list[tuple[int, int]]:
    """Disjoint spans of ``text[start:end]``, in order, outside which no match of a pattern
    whose every match holds an ``anchors`` match (as above) can be."""
    if end - start <= _SHORT:
        return [(start, end)]
    backwards = text[end - 1 : start - 1 if start else None : -1]  # text[start:end] reversed
    windows: list[list[int]] = []
    # The reach past an anchor only grows with the anchor, and an anchor under _REACH
    # characters after another is within its reach: the end of windows[-1] is the reach of
    # its last anchor (``last``), taken only when an anchor falls further on or at the end.
    last = -_REACH
    for anchor in anchors.finditer(text, start, end):
        at = anchor.start()
        if at < last + _REACH:
            last = at
            continue
        if windows:
            windows[-1][1] = max(windows[-1][1], _reach(text, last, end))
            if at <= windows[-1][1]:
                last = at
                continue
        # The _REACH-th character other than white space before the anchor.
        behind = _UP_TO_REACH.match(backwards, end - at)
        reach_start = end - behind.end() if behind is not None else at
        if not windows or reach_start > windows[-1][1]:
            windows.append([reach_start, at])
        last = at
    if windows:
        windows[-1][1] = max(windows[-1][1], _reach(text, last, end))
    return [(a, b) for a, b in windows]


def _finditer(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


# "the first visit to Syria since 2011", "the highest-level US official visit since 1979": the
# year is the last time before, not when the act happened (nor a state that still holds).
_FIRST_BEFORE_SINCE = re.compile(
    r"\b(?:first|first-ever|highest[- ]level)\b(?![^.;:,()\n]*\b(?:has|have|had)\b)[^.;:,()\n]*$",
    re.IGNORECASE,
)


def _first_since(text: str, at: int) -> bool:
    """Whether "since" at ``at`` closes a "first ... since" comparison in its clause."""
    return _FIRST_BEFORE_SINCE.search(text, max(0, at - 90), at) is not None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Every temporal expression in ``text[start:end]``, leftmost-longest, without overlaps."""
    end = len(text) if end is None else end
    if not _DIGIT.search(text, start, end):
        return []  # every pattern needs a year, a decade or a century's number
    found: list[TimeExpr] = []
    taken = bytearray(end - start)
    windows = _windows(text, start, end, _ANCHOR)
    dash_windows = _windows(text, start, end, _DASH_ANCHOR)
    for name, pattern in _PATTERNS:
        if name == "day_range":
            matches: Iterable[re.Match[str]] = _day_ranges(pattern, text, start, end)
        else:
            matches = _finditer(pattern, text, dash_windows if name in _NEEDS_DASH else windows)
        for m in matches:
            if any(taken[m.start() - start : m.end() - start]):
                continue
            if name == "since" and _first_since(text, m.start()):
                # Taken, so that its year is not read again as the act's own.
                taken[m.start() - start : m.end() - start] = b"\x01" * (m.end() - m.start())
                continue
            expr = _build(name, m, text)
            if expr is None or not is_valid_edtf(expr.edtf):
                continue
            found.append(expr)
            taken[expr.start - start : expr.end - start] = b"\x01" * (expr.end - expr.start)
    found.sort(key=lambda e: e.start)
    return found


_DIGIT_DASH = re.compile(r"\d\s?[-–—‐]\s?\d|\d\s+(?:and|to|until|till|through)\s+\d")


def _day_ranges(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches of the day-range pattern, looked for only around a digit, dash and digit: the
    pattern opens with a month name, too costly to try at every position of a long page."""
    found: list[re.Match[str]] = []
    for hint in _DIGIT_DASH.finditer(text, start, end):
        if found and hint.start() < found[-1].end():
            continue
        m = pattern.search(text, max(start, hint.start() - 26), min(end, hint.end() + 24))
        if m is not None and m.start() <= hint.start() < m.end():
            found.append(m)
    return found


def _build(name: str, m: re.Match[str], text: str) -> TimeExpr | None:
    groups = m.groupdict()
    a, b = groups.get("a"), groups.get("b")
    if groups.get("day"):
        a = _day_in_year_of(groups["day"], b)
        if a is None:
            return None
    span_text = m.group(0)
    try:
        if name == "point":
            assert a is not None
            if _P_YEAR.fullmatch(a) and not _year_is_date(text, m.start(), m.end()):
                return None
            value, kind, low, high = _point(a)
            return TimeExpr(m.start(), m.end(), span_text, value, kind, low, high)
        if name == "end_of":
            assert a is not None
            value, kind, low, high = _point(a)
            return TimeExpr(m.start(), m.end(), span_text, value, kind, low, high)
        if name == "day_range":
            return _day_range(m)
        if name == "month_range":
            return _month_range(m)
        if name == "after":
            assert a is not None
            _, _, low, _ = _point(a)
            return TimeExpr(m.start(), m.end(), span_text, f"{low}/", "open", low, "")
        if name == "since" or name == "open_dash":
            assert a is not None
            _, _, low, _ = _point(a)
            return TimeExpr(m.start(), m.end(), span_text, f"{low}/..", "open", low, "..")
        if name == "until":
            assert b is not None
            _, _, _, high = _point(b)
            return TimeExpr(m.start(), m.end(), span_text, f"../{high}", "open", "..", high)
        assert a is not None and b is not None
        return _range(m, a, b)
    except ValueError:
        return None


def _day_in_year_of(day: str, end: str | None) -> str | None:
    """The first day of "from 31 January to 4 February 1999" in the year of the last ("31
    January 1999"); ``None`` where the end names no day ("from 31 January to 1999")."""
    year = re.search(_YEAR, end or "")
    if end is None or year is None or not re.search(_DAY, end.replace(year.group(0), "")):
        return None
    return f"{day} {year.group(0)}"


def _range(m: re.Match[str], a: str, b: str) -> TimeExpr | None:
    """ "1950–1952", "1950–52", "2004–present"; ``None`` where the end comes before the start
    (raises ``ValueError`` where either is no date)."""
    span_text = m.group(0)
    _, kind_a, low, _ = _point(a)
    if b.casefold() in {"present", "today", "now"}:
        return TimeExpr(m.start(), m.end(), span_text, f"{low}/..", "open", low, "..")
    if re.fullmatch(r"\d{2}", b):
        # "1950–52": the century of the start. No range runs backwards or ends where it starts:
        # "1994-05", "1991–12" (a table's "Date started") are a month of the year.
        if kind_a != "year":
            return None
        if a[:2] + b <= a and "01" <= b <= "12" and span_text[4] in "-–" and len(span_text) == 7:
            return TimeExpr(
                m.start(), m.end(), span_text, f"{a}-{b}", "month", f"{a}-{b}", f"{a}-{b}"
            )
        b = a[:2] + b
    _, _, _, high = _point(b)
    if _sort_key(low) > _sort_key(high):
        return None
    value = f"{low}/{high}"
    return TimeExpr(m.start(), m.end(), span_text, value, "range", low, high)


def _month_range(m: re.Match[str]) -> TimeExpr | None:
    """ "from January to November 2010" -> 2010-01/2010-11 (``None`` unless in order)."""
    first, last = _month_number(m.group("m1")), _month_number(m.group("m2"))
    if first >= last:
        return None
    low, high = f"{m.group('y')}-{first:02d}", f"{m.group('y')}-{last:02d}"
    return TimeExpr(m.start(), m.end(), m.group(0), f"{low}/{high}", "range", low, high)


def _day_range(m: re.Match[str]) -> TimeExpr | None:
    """ "4-9 May 2013" -> 2013-05-04/2013-05-09; "11 and 12 February 2010" (two days in a row,
    or any two after "between") -> 2010-02-11/2010-02-12. "7 and 12 September" alone are two
    days, not the days between: no range."""
    first, last = m.group("d1") or m.group("d3"), m.group("d2") or m.group("d4")
    month_name, year = m.group("m") or m.group("m2"), m.group("y") or m.group("y2")
    month = _month_number(month_name)
    low_day, high_day = int(re.sub(r"\D", "", first)), int(re.sub(r"\D", "", last))
    if low_day >= high_day:
        return None
    joined = (m.group("s1") or m.group("s2") or "").strip().casefold()
    if joined == "and" and not m.group("between") and high_day != low_day + 1:
        return None
    low = f"{year}-{month:02d}-{low_day:02d}"
    high = f"{year}-{month:02d}-{high_day:02d}"
    return TimeExpr(m.start(), m.end(), m.group(0), f"{low}/{high}", "range", low, high)


def _sort_key(value: str) -> str:
    return value.replace("~", "").replace("?", "").replace("X", "0")


def lower_year(value: str) -> int | None:
    """The earliest year an EDTF value can mean (``None`` when open or unknown)."""
    m = re.match(r"(\d{4})|(\d{3})X|(\d{2})XX", value.split("/")[0].lstrip("."))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        return int(m.group(2)) * 10
    return int(m.group(3)) * 100


def month_of(value: str) -> str:
    """A day reduced to its month ("1983-10-09" -> "1983-10"); other values unchanged."""
    m = re.fullmatch(r"(\d{4}-\d{2})-\d{2}", value)
    return m.group(1) if m else value
