"""Dates as wikitext templates give them: parse the arguments, render the text, value it in EDTF.

``{{dts|15 October 1948}}``, ``{{dts|1948|10|15}}``, ``{{Start date|1948|10|15|df=y}}`` and their
kin all name a calendar date by year, month and day (month and day optional). :func:`parse_date`
reads the argument shapes these templates accept, :func:`render_date` writes the human text the
template shows, and :attr:`DateParts.edtf` is the machine value (``1948-10-15``, ``1948-10``,
``1948``) that the reader records beside the text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    _MONTH_NUMBER[_name.lower()] = _number
    _MONTH_NUMBER[_name[:3].lower()] = _number
_MONTH_NUMBER["sept"] = 9

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{1,4})(?:\s*(?P<era>BCE?|AD|CE))?"
_TEXT_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dmy", re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}")),
    ("mdy", re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}")),
    ("my", re.compile(rf"{_MONTH},?\s+{_YEAR}")),
    ("ymd", re.compile(r"(?P<year>-?\d{1,4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?")),
    ("y", re.compile(_YEAR)),
    ("y", re.compile(r"(?P<year>-\d{1,4})")),
    ("dm", re.compile(rf"{_DAY}\s+{_MONTH}")),
    ("md", re.compile(rf"{_MONTH}\s+{_DAY}")),
)
FORMATS = frozenset({"dmy", "mdy", "dm", "md", "my", "y", "d", "hide", "iso"})


@dataclass(frozen=True, slots=True)
class DateParts:
    """A calendar date, as precise as its source: year always; month, then day, when given.

    ``year`` is astronomical (1 BC is 0, 2 BC is -1). ``style`` is the order a textual source
    wrote it in (``dmy``/``mdy``), or ``None`` when it gave numbers.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    style: str | None = None

    @property
    def edtf(self) -> str | None:
        """The EDTF value: ``1948-10-15``, ``1948-10``, ``1948``, ``-0043``; None without a year."""
        if self.year is None:
            return None
        sign = "-" if self.year < 0 else ""
        value = f"{sign}{abs(self.year):04d}"
        if self.month is not None:
            value += f"-{self.month:02d}"
            if self.day is not None:
                value += f"-{self.day:02d}"
        return value


def _month(token: str) -> int | None:
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    return _MONTH_NUMBER.get(token.lower().rstrip("."))


def _checked(
    year: int | None, month: int | None, day: int | None, style: str | None
) -> DateParts | None:
    if month is None and day is not None:
        return None
    if year is not None and not -9999 <= year <= 9999:
        return None
    if day is not None:
        assert month is not None
        # A leap year stands in for an unknown one so that "29 February" alone stays valid.
        last = calendar.monthrange(year if year is not None and year > 0 else 2000, month)[1]
        if not 1 <= day <= last:
            return None
    return DateParts(year, month, day, style)


def _year(text: str, era: str | None) -> int:
    year = int(text)
    if era and era.upper().startswith("BC"):
        year = 1 - year
    return year


def parse_date_text(text: str) -> DateParts | None:
    """One date written out: ``15 October 1948``, ``October 15, 1948``, ``1948-10``, ``1948``."""
    text = " ".join(text.split())
    for style, pattern in _TEXT_SHAPES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        fields = match.groupdict()
        month = _month(fields["month"]) if fields.get("month") else None
        if fields.get("month") and month is None:
            continue
        year = _year(fields["year"], fields.get("era")) if fields.get("year") else None
        day = int(fields["day"]) if fields.get("day") else None
        order = {"dmy": "dmy", "dm": "dmy", "mdy": "mdy", "md": "mdy"}.get(style)
        return _checked(year, month, day, order)
    return None


def parse_date(args: list[str]) -> DateParts | None:
    """The date that positional template arguments name: one text, or year|month|day[|BC]."""
    parts = [a.strip() for a in args]
    while parts and not parts[-1]:
        parts.pop()
    if not parts or not parts[0]:
        return None
    if len(parts) == 1:
        return parse_date_text(parts[0])
    era = None
    if parts[-1].upper() in ("BC", "BCE", "AD", "CE"):
        era = parts.pop()
    if len(parts) > 3 or not re.fullmatch(r"-?\d{1,4}", parts[0]):
        return None
    month = _month(parts[1]) if len(parts) > 1 and parts[1] else None
    if len(parts) > 1 and parts[1] and month is None:
        return None
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    if len(parts) > 2 and parts[2] and day is None:
        return None
    return _checked(_year(parts[0], era), month, day, None)


def render_date(date: DateParts, format: str | None = None, *, abbr: bool = False) -> str:
    """The text a date template shows: ``format`` as the templates take it, else the source's order.

    Numbers without a format show month first (``October 15, 1948``), as ``{{dts}}`` does.
    """
    chosen = (format or date.style or "mdy").lower()
    if chosen == "hide":
        return ""
    if chosen == "iso":
        return date.edtf or ""
    day, month, year = _shown_parts(date, abbr=abbr)
    if chosen == "y":
        return year or " ".join(p for p in (day, month) if p)
    if chosen == "d":
        return day
    return _arranged(chosen, day, month, year)


def _shown_parts(date: DateParts, *, abbr: bool) -> tuple[str, str, str]:
    """The day, month name and year of ``date`` as shown ("" where unknown; years BC)."""
    month = ""
    if date.month is not None:
        month = MONTHS[date.month - 1][:3] if abbr else MONTHS[date.month - 1]
    year = ""
    if date.year is not None:
        year = str(date.year) if date.year > 0 else f"{1 - date.year} BC"
    day = str(date.day) if date.day is not None else ""
    return day, month, year


def _arranged(chosen: str, day: str, month: str, year: str) -> str:
    """Day, month and year in the order and with the parts a format (``dmy``, ``md``...) asks."""
    if chosen in ("dm", "md"):
        year = ""
    if chosen == "my":
        day = ""
    if not day:
        return " ".join(p for p in (month, year) if p)
    if chosen.startswith("m"):
        return f"{month} {day}, {year}" if year else f"{month} {day}"
    return " ".join(p for p in (day, month, year) if p)
