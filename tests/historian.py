"""An independent reading of the Office of the Historian's "relations by country" TEI files.

It does not use Dyad's readers or the production Historian reader: it walks the TEI with the
standard library's XML parser, takes each timeline entry's heading and first paragraph, and
reads from the heading what the entry says about diplomatic relations between the United States
and the country: opened (established, resumed, re-established, restored), or broken (severed,
interrupted, terminated, suspended). Dates are the heading's year; the paragraph's first day of
that year, when it gives one, makes it exact.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dyad.extract.dates import find_dates
from dyad.gazetteer import default_gazetteer
from dyad.store import Store
from dyad.store.dates import bounds

_TEI = "{http://www.tei-c.org/ns/1.0}"
_FIRST = re.compile(
    r"establishment\s+of\s+(?:formal\s+)?diplomatic\s+relations|"
    r"diplomatic\s+relations\s+(?:were\s+)?established",
    re.I,
)
_OPEN = re.compile(
    r"establishment\s+of\s+(?:formal\s+)?diplomatic\s+relations|diplomatic\s+relations\s+"
    r"(?:were\s+)?established|resum|re-?establish|restor|normal\s+relations",
    re.I,
)
_BREAK = re.compile(r"sever|interrupt|terminat|suspen|broken|break", re.I)
_RENEWAL = re.compile(r"resum|re-?establish|restor|normal\s+relations", re.I)
_CLOSED = re.compile(r"(?:legation|embassy)\b.*\bclosed", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Entry:
    section: str
    head: str
    first: int | None  # the heading's year (the first of a range)
    last: int | None
    date: str | None  # the exact date from the paragraph, else the year
    text: str


def _text(element: ET.Element) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def country(path: Path) -> str:
    root = ET.parse(path).getroot()
    for title in root.iter(f"{_TEI}title"):
        if title.get("type") == "short":
            return _text(title)
    return path.stem


def entries(path: Path) -> list[Entry]:
    """Every timeline entry of the file, in document order."""
    root = ET.parse(path).getroot()
    found: list[Entry] = []
    for section in root.iter(f"{_TEI}div"):
        if section.get("type") != "section":
            continue
        name = section.get("{http://www.w3.org/XML/1998/namespace}id") or ""
        for timeline in section.iter(f"{_TEI}div"):
            if timeline.get("type") != "timeline":
                continue
            head = timeline.find(f"{_TEI}head")
            if head is None:
                continue
            years = _years(head)
            paragraph = timeline.find(f"{_TEI}p")
            text = _text(paragraph) if paragraph is not None else ""
            found.append(Entry(name, _text(head), years[0], years[1], _exact(text, years[0]), text))
    return found


def _years(head: ET.Element) -> tuple[int | None, int | None]:
    date = head.find(f"{_TEI}date")
    if date is not None:
        first = date.get("when") or date.get("from")
        last = date.get("to") or first
        if first and last:
            return int(first[:4]), int(last[:4])
    numbers = [int(y) for y in re.findall(r"\b(1[6-9]\d\d|20\d\d)\b", _text(head))]
    if not numbers:
        return None, None
    return numbers[0], numbers[-1]


def _exact(text: str, year: int | None) -> str | None:
    if year is None:
        return None
    days = [d.edtf for d in find_dates(text) if re.fullmatch(rf"{year}-\d\d-\d\d", d.edtf)]
    return days[0] if days else str(year)


def first_establishment(path: Path) -> Entry | None:
    """The earliest entry that establishes diplomatic relations."""
    found = [e for e in entries(path) if _FIRST.search(e.head) and e.first is not None]
    return min(found, key=lambda e: e.first or 0) if found else None


def _kind(head: str) -> str | None:
    """open, break, closed (a mission closed: a break when a renewal follows) or None; the
    first of an opening and a break named in the heading wins ("Establishment of Diplomatic
    Relations with PRC/Termination of Diplomatic Relations with the Republic of China")."""
    opening, breaking = _OPEN.search(head), _BREAK.search(head)
    if opening and (not breaking or opening.start() < breaking.start()):
        return "renewal" if _RENEWAL.search(head) else "open"
    if breaking:
        return "break"
    return "closed" if _CLOSED.search(head) else None


def relations_by_year(path: Path, first: int, last: int, exclude: str = "") -> dict[int, bool]:
    """Whether relations ran on 31 December of each year the entries decide: opened by an
    establishment or renewal, closed by a severance or interruption, or by a mission's closing
    when a renewal follows it. Years of a ranged entry (1949-1955) are left out, and so are the
    years from an opening to a renewal that follows it with no break between (relations broke
    at a time nobody gives). ``exclude`` drops entries whose heading names another state (the
    GDR in Germany's file)."""
    marked: list[tuple[int, int, str]] = []
    for entry in entries(path):
        if entry.first is None or entry.last is None or "relations" not in entry.section:
            continue
        if exclude and re.search(exclude, entry.head):
            continue
        kind = _kind(entry.head)
        if kind is not None:
            marked.append((entry.first, entry.last, kind))
    marked.sort(key=lambda c: c[0])
    changes: list[tuple[int, int, bool | None]] = []
    for k, (one, two, kind) in enumerate(marked):
        if kind == "closed":
            later = [m[2] for m in marked[k + 1 :] if m[2] != "closed"]
            if later[:1] == ["renewal"]:
                changes.append((one, two, False))
            continue
        if kind == "renewal" and changes and changes[-1][2] is True:
            start = changes[-1][0]
            changes[-1] = (start, start, None)  # broken at some unknown time since
            changes.append((start + 1, one, None))
        changes.append((one, two, kind != "break"))
    status: dict[int, bool] = {}
    for year in range(first, last + 1):
        done = [c for c in changes if c[1] <= year]
        pending = [c for c in changes if c[0] <= year < c[1]]
        if pending or not done or done[-1][2] is None:
            continue
        status[year] = bool(done[-1][2])
    return status


@dataclass(frozen=True, slots=True)
class Miss:
    code: str
    file: str
    want: str  # the Historian's date
    began: tuple[str | None, ...]  # Dyad's establishment dates, the headline first


@dataclass(frozen=True, slots=True)
class Agreement:
    """The headline "relations began" of USA-X against the Historian's first establishment."""

    compared: int  # countries with a Historian first establishment and a gazetteer code
    covered: int  # of them, those Dyad has an establishment for ("both cover")
    exact: int  # Dyad's headline is the Historian's date, character for character
    # Dyad's headline says at least what the Historian says: its date, or a finer date within it
    # where the Historian gives only a year (its 1822 and Dyad's 19 June 1822; not the other way)
    at_precision: int
    year: int
    agrees: int  # one date contains the other (the Historian's 1903 and Dyad's 1903-09-19)
    among_exact: int  # the Historian's date among any of Dyad's establishment dates
    among_year: int
    misses: tuple[Miss, ...]


def headline_agreement(store: Store, folder: Path) -> Agreement:
    """Compare ``store``'s headline of every USA-X pair with the Historian's files in
    ``folder``: a country counts once per file whose name the gazetteer knows."""
    gazetteer = default_gazetteer()
    compared = covered = exact = at_precision = year = agrees = among_exact = among_year = 0
    misses: list[Miss] = []
    for path in sorted(folder.glob("*.xml")):
        entry = first_establishment(path)
        state = gazetteer.lookup(country(path)) or gazetteer.lookup(path.stem.replace("-", " "))
        if entry is None or entry.date is None or state is None or state.code == "USA":
            continue
        dates = tuple(f.date for f in store.show(state.code, "USA").relations_began)
        compared += 1
        covered += bool(dates)
        want, want_year = entry.date, str(entry.first)
        top = dates[0] if dates else None
        exact += top == want
        at_precision += top is not None and top.startswith(want)
        year += (top or "")[:4] == want_year
        one, other = bounds(top), bounds(want)
        agrees += one is not None and other is not None and one.agrees(other)
        among_exact += want in dates
        among_year += any((d or "")[:4] == want_year for d in dates)
        if top != want:
            misses.append(Miss(state.code, path.stem, want, dates))
    return Agreement(
        compared, covered, exact, at_precision, year, agrees, among_exact, among_year, tuple(misses)
    )
