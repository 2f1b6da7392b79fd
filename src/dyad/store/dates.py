"""EDTF dates as integer bounds, and when two dates agree.

Dates are stored as the EDTF strings the records carry, and beside them as two integers, the
first and last day they can denote, written ``YYYYMMDD`` (``1948-10`` -> ``19481001``,
``19481031``; year 500 BCE, ``-0499`` in EDTF, -> ``-4990101``). Integers order and compare like
the days they stand for, so range queries and ordering are plain index scans. An open end
(``2017/..``, ``../1953``) or an unknown one (``1985/``) is :data:`OPEN_LOWER` or
:data:`OPEN_UPPER`; an absent or unreadable date has no bounds (``None``).

Common forms are read by a regular expression (the ``edtf`` package takes tens of
milliseconds a call); the rest (seasons, unspecified digits ``19XX``, sets) go to ``edtf``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.store.errors import BadQueryError

OPEN_LOWER = -999_999_999
OPEN_UPPER = 999_999_999

_DATE_RE = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?")


@dataclass(frozen=True, slots=True)
class Bounds:
    """The first and last day (``YYYYMMDD`` integers) a date can denote."""

    lower: int
    upper: int

    def contains(self, other: Bounds) -> bool:
        return self.lower <= other.lower and other.upper <= self.upper

    def agrees(self, other: Bounds) -> bool:
        """Two dates agree when one contains the other: 1948 and 1948-10-15 do, 1948 and 1949
        do not, nor do two intervals that merely overlap."""
        return self.contains(other) or other.contains(self)

    @property
    def width(self) -> int:
        return self.upper - self.lower

    @property
    def year(self) -> int:
        """The year the date starts in (the year it ends in for an open start)."""
        day = self.upper if self.lower == OPEN_LOWER else self.lower
        return day // 10000


def _day(year: int, month: int, day: int) -> int:
    return year * 10000 + month * 100 + day


def _single(text: str) -> Bounds | None:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    year = int(match.group(1))
    if match.group(2) is None:
        return Bounds(_day(year, 1, 1), _day(year, 12, 31))
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None  # seasons (21-41) go to the edtf package
    # calendar knows proleptic Gregorian years 1..9999; other years use 2000's month lengths
    last = calendar.monthrange(year if 1 <= year <= 9999 else 2000, month)[1]
    if match.group(3) is None:
        return Bounds(_day(year, month, 1), _day(year, month, last))
    day = int(match.group(3))
    if not 1 <= day <= last:
        return None
    return Bounds(_day(year, month, day), _day(year, month, day))


def _fast(text: str) -> Bounds | None:
    if "/" not in text:
        return _single(text)
    head, _, tail = text.partition("/")
    if "/" in tail:
        return None
    lower = OPEN_LOWER if head in ("", "..") else None
    upper = OPEN_UPPER if tail in ("", "..") else None
    if lower is None:
        start = _single(head)
        if start is None:
            return None
        lower = start.lower
    if upper is None:
        end = _single(tail)
        if end is None:
            return None
        upper = end.upper
    if lower == OPEN_LOWER and upper == OPEN_UPPER:
        return None
    return Bounds(lower, upper) if lower <= upper else None


def _struct_day(value: object, open_value: int) -> int:
    import math
    import time

    if isinstance(value, float) and math.isinf(value):
        return open_value
    if isinstance(value, time.struct_time):
        return _day(value.tm_year, value.tm_mon, value.tm_mday)
    raise ValueError(f"unexpected bound {value!r}")


def _slow(text: str) -> Bounds | None:
    from edtf import parse_edtf

    try:
        parsed = parse_edtf(text)
        lower = _struct_day(parsed.lower_strict(), OPEN_LOWER)
        # An unknown end ("1985/") means no known end, not the package's guess of ten years.
        upper = OPEN_UPPER if text.endswith("/") else _struct_day(parsed.upper_strict(), OPEN_UPPER)
    except Exception:  # the package raises several unrelated types on bad input
        return None
    return Bounds(lower, upper) if lower <= upper else None


@lru_cache(maxsize=65536)
def bounds(text: str | None) -> Bounds | None:
    """The days ``text`` (an EDTF string) can denote, or ``None`` when absent or unreadable.

    >>> bounds("1948-10")
    Bounds(lower=19481001, upper=19481031)
    >>> bounds("2017/..").upper == OPEN_UPPER
    True
    >>> bounds("sometime") is None
    True
    """
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    found = _fast(text) or _slow(text)
    if found is None or (found.lower == OPEN_LOWER and found.upper == OPEN_UPPER):
        return None  # "../.." says nothing
    return found


def query_bound(value: str | int | None, *, upper: bool) -> int | None:
    """A ``from``/``to`` argument (EDTF string or year) as the day it starts or ends at."""
    if value is None:
        return None
    text = f"{value:04d}" if isinstance(value, int) else str(value)
    found = bounds(text)
    if found is None:
        raise BadQueryError(f"{value!r} is not a date: give a year or an EDTF date (1948-10-15)")
    return found.upper if upper else found.lower
