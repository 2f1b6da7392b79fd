"""External-link and citation entries: author, title, publisher and date from their parts."""

from __future__ import annotations

import re

from dyad.model import ExternalLink

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b"),
)
_URL = re.compile(r"https?://\S+")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first calendar date in ``text`` as ISO (``2009-07-10``, ``2009-07``) and its span."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("m"):
                month = int(groups["m"])
            else:
                month = MONTHS.get(groups["month"].casefold(), 0)
            if not 1 <= month <= 12:
                continue
            year = groups["year"]
            day = groups.get("day")
            if day is None:
                return f"{year}-{month:02d}", m.start(), m.end()
            if not 1 <= int(day) <= 31:
                continue
            return f"{year}-{month:02d}-{int(day):02d}", m.start(), m.end()
    return None


def parse_citation(parts: list[tuple[str, bool]]) -> ExternalLink | None:
    """Parse a citation given as its pieces in order, each flagged when it was in italics.

    The usual shape is ``Author, Linked title, ''Work'', p. 1, Date.``: the italic piece is the
    publisher (the work), a date anywhere after the title is the date, and of the plain pieces
    before the work the last is the title and any before it the author.
    """
    parts = [(text.strip(), italic) for text, italic in parts if text.strip()]
    if not parts:
        return None
    url = _first_url(parts)
    publisher = next((text for text, italic in parts if italic), None)
    work_at = next((i for i, (_, italic) in enumerate(parts) if italic), len(parts))
    before = [_URL.sub("", text).strip(" ,.") for text, _ in parts[:work_at]]
    before = [text for text in before if text]
    after = " ".join(text for text, _ in parts[work_at + 1 :])
    date = _date(after, before)
    if not before:
        if publisher is None:
            return None
        return ExternalLink(title=publisher, url=url, date=date[0] if date else None)
    title = before[-1]
    author = ", ".join(before[:-1]) or None
    return ExternalLink(
        title=title, url=url, author=author, publisher=publisher, date=date[0] if date else None
    )


def _first_url(parts: list[tuple[str, bool]]) -> str | None:
    """The first URL written in the pieces, without the punctuation after it."""
    for text, _ in parts:
        if m := _URL.search(text):
            return m.group().rstrip(".,)")
    return None


def _date(after: str, before: list[str]) -> tuple[str, int, int] | None:
    """The citation's date: the first after the work, else the first after the author."""
    date = find_date(after) if after else None
    if date is None and before:
        date = find_date(" ".join(before[1:]))
    return date
