"""A year told as a count from a date before it: "established diplomatic relations the following
year", "and six years later Kenya opened an embassy", "A year later, an embassy was opened".

The phrase belongs to an event's trigger where it follows the trigger with no comma, bracket,
date or other event's verb between them, or opens the trigger's part of the clause with no date
or other verb between it and the trigger; never where the trigger has a date of its own after
it ("full diplomatic relations were established 5 years later, on 4 September 1997"). The year
counted from is that of the last point date before the phrase in the sentence, else of the
sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyad.extract.tagging import Tagged
from dyad.model import DateSource

_YEARS_LATER = re.compile(
    r"\b(?:in\s+|early\s+|late\s+)?the\s+(?:following|next|subsequent)\s+year\b"
    r"|\b(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+later\b"
    r"|(?P<qty>⟨Q\d+⟩)\s+later\b",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNTS |= {"eight": 8, "nine": 9, "ten": 10}
_BREAK = re.compile(r"[,;(]|⟨D\d+⟩")
_POINT = re.compile(r"\d{4}(?:-\d{2}){0,2}")

# (value, start, end) of a date of the tagged sentence.
Dated = Sequence[tuple[str | None, int, int]]


def years_later(
    tagged: Tagged,
    dated: Dated,
    spans: tuple[tuple[int, int], tuple[int, int]],
    others: Sequence[tuple[int, int]],
    previous_date: tuple[str, str] | None,
) -> tuple[str, DateSource, tuple[int, int]] | None:
    """The year, its source and the phrase's span in the tagged string, for the trigger at
    ``core`` of ``spans = (clause, core)``; ``others`` are the other events' triggers."""
    clause, core = spans
    if any(core[1] <= start < clause[1] for _, start, _ in dated):
        return None  # the trigger's own date follows it
    for m in _YEARS_LATER.finditer(tagged.string, clause[0], clause[1]):
        count = _count_of(tagged, m)
        if count is None or not _belongs(tagged.string, m.span(), core, others):
            continue
        points = [v for v, _, end in dated if v and end <= m.start() and _POINT.fullmatch(v)]
        if points:
            return str(int(points[-1][:4]) + count), "sentence", m.span()
        if previous_date is not None and _POINT.fullmatch(previous_date[0]):
            return str(int(previous_date[0][:4]) + count), "inferred", m.span()
        return None
    return None


def _belongs(
    string: str, phrase: tuple[int, int], core: tuple[int, int], others: Sequence[tuple[int, int]]
) -> bool:
    """Whether the phrase at ``phrase`` times the trigger at ``core``: right after it, or
    opening its part of the clause before it, with no other event's verb between them."""
    (s, e), (a, b) = phrase, core
    if s >= b:
        between = (b, s)
        if _BREAK.search(string, *between):
            return False
    elif e <= a:
        between = (e, a)
        if "⟨D" in string[between[0] : between[1]]:
            return False
    else:
        return False
    return not any(between[0] <= start < between[1] for start, _ in others)


def _count_of(tagged: Tagged, m: re.Match[str]) -> int | None:
    """How many years a phrase counts ("six years" may be a tagged quantity)."""
    if m.group("qty"):
        tag = tagged.tag_of(m.group("qty"))
        quantity = tag.quantity if tag is not None else None
        if quantity is None or not re.fullmatch(r"years?", quantity.of):
            return None
        return int(quantity.amount) if quantity.amount == int(quantity.amount) < 100 else None
    word = (m.group("count") or "a").casefold()
    return _COUNTS.get(word) or int(word)
