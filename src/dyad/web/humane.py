"""EDTF dates as a reader says them: ``1950-06-25/1953-07-27`` -> ``25 Jun 1950 – 27 Jul 1953``.

Pages show this beside the EDTF string itself, which stays the reference (and the JSON's)."""

from __future__ import annotations

import re

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DATE = re.compile(r"(-?)(\d{2,3}[\dX]|\d{2}XX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?([?~%]?)")


def _one(text: str) -> str | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    minus, year, month, day, qualifier = match.groups()
    if year.endswith("XX"):
        label = f"{year[:2]}00s"
    elif year.endswith("X"):
        label = f"{year[:3]}0s"
    else:
        label = str(int(year))
    if minus:
        label = f"{label} BCE"
    if month and month != "XX" and 1 <= int(month) <= 12:
        label = f"{_MONTHS[int(month) - 1]} {label}"
        if day and day != "XX":
            label = f"{int(day)} {label}"
    prefix = {"~": "c. ", "?": "", "%": "c. "}.get(qualifier, "")
    suffix = "?" if qualifier in ("?", "%") else ""
    return f"{prefix}{label}{suffix}"


def humane_date(date: str | None) -> str:
    """A date to read; the EDTF string itself when it is of a form not handled here."""
    if not date:
        return "undated"
    if "/" not in date:
        return _one(date) or date
    head, _, tail = date.partition("/")
    if tail in ("..", ""):
        start = _one(head)
        return f"{start} – {'ongoing' if tail == '..' else '?'}" if start else date
    if head in ("..", ""):
        end = _one(tail)
        return f"until {end}" if end else date
    start, end = _one(head), _one(tail)
    return f"{start} – {end}" if start and end else date
