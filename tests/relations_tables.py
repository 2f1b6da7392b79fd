"""An independent reading of "Diplomatic relations" tables in raw wikitext, to check extraction.

It does not use Dyad's readers: it splits the raw table markup into rows, takes the first flag
template or link as the partner and reads the cell after it as a history: every date template
or written date in it, each with what labels it in the raw markup (the words before it since
the previous date: "severed in", "restored"; a bracket after it: "(suspended)", "([[Goryeo]])").
The first date is the establishment, later ones renewals, unless a label says otherwise; a
bracket linking a polity that is not the partner drops its date, and so does a date before 1816
in a history of a state that joined the state system later, or before the first year of a state
that joined after 1900 when a later date of the cell is after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.extract.dates import find_dates
from dyad.gazetteer import Gazetteer, State
from dyad.membership import first_member_year

_SECTION = re.compile(r"^==+\s*(?P<title>[^=]+?)\s*==+\s*$", re.MULTILINE)
_FLAG = re.compile(
    r"\{\{\s*(?:flag|flagcountry|flagu|flagdeco|flag country)\s*\|\s*(?P<name>[^|}]+)", re.I
)
_LINK = re.compile(r"\[\[(?P<name>[^|\]#]+)(?:\|[^\]]*)?\]\]")
_DATE_TEMPLATE = re.compile(
    r"\{\{\s*(?:dts|date table sorting|dtsort|sort date|start date)\s*\|(?P<args>[^{}]*)\}\}", re.I
)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()


def _template_date(args: str) -> str | None:
    parts = [p.strip() for p in args.split("|") if p.strip() and "=" not in p]
    if not parts:
        return None
    if len(parts) >= 2 and all(re.fullmatch(r"\d{1,4}", p) for p in parts[:2]):
        year, month = int(parts[0]), int(parts[1])
        day = int(parts[2]) if len(parts) > 2 and re.fullmatch(r"\d{1,2}", parts[2]) else None
        if day:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}"
    if len(parts) >= 2 and re.fullmatch(r"\d{4}", parts[0]) and parts[1].casefold() in _MONTHS:
        month = _MONTHS.index(parts[1].casefold()) + 1
        day = parts[2] if len(parts) > 2 and parts[2].isdigit() else None
        return f"{parts[0]}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    found = find_dates(" ".join(parts))
    return found[0].edtf if found else None


# a per-partner table ("Country | Formal relations began | Notes") outside the list's section
_HISTORY_HEADER = re.compile(r"relations\s+began|date\s+started", re.I)
_CELL_SPLIT = re.compile(r"\|\||\n\|")
_KINDS = (
    ("restored", re.compile(r"restor|resum|re-?establish|renew", re.I)),
    ("suspended", re.compile(r"suspen|interrupt", re.I)),
    ("severed", re.compile(r"sever|broken|broke|\bended|terminat", re.I)),
)
_SKIP = re.compile(r"unofficial|informal|relations act|travel act|partnership|embassy", re.I)
_WRITTEN = re.compile(
    r"\b(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|[A-Z][a-z]+\s+\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{4})\b"
)


def _kind(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in _KINDS:
        for m in pattern.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


def _cell_dates(cell: str) -> list[tuple[int, int, str]]:
    """(start, end, EDTF) of each date template or written date of a raw cell, in order."""
    found: list[tuple[int, int, str]] = []
    for m in _DATE_TEMPLATE.finditer(cell):
        date = _template_date(m.group("args"))
        if date:
            found.append((m.start(), m.end(), date))
    for m in _WRITTEN.finditer(cell):
        if any(s < m.end() and m.start() < e for s, e, _ in found):
            continue
        dates = find_dates(m.group())
        if dates:
            found.append((m.start(), m.end(), dates[0].edtf))
    return sorted(found)


def cell_history(
    cell: str, partner: State | None, gazetteer: Gazetteer, subject: State | None = None
) -> list[tuple[str, str, str | None]]:
    """(kind, EDTF date, another state's name or None) of every date of a raw relations cell
    (module docstring); the other state is one an unlinked bracket names ("(East Germany)")."""
    dates = _cell_dates(cell)
    kept: list[tuple[str, str, str | None]] = []
    previous = 0
    for i, (start, end, date) in enumerate(dates):
        before = cell[previous:start]
        following = dates[i + 1][0] if i + 1 < len(dates) else len(cell)
        bracket = re.match(r"\s*'*\s*\(([^()]*)\)", cell[end:following])
        label = bracket.group(1) if bracket else ""
        previous = end
        if _SKIP.search(label) or _SKIP.search(before):
            continue
        if re.search(r"upgrad|raised|elevat", cell[end:following], re.I):
            continue  # an upgrade, not a renewal
        link = _LINK.search(label)
        if link and partner is not None:
            named = gazetteer.lookup(link.group("name"))
            if named is None or named.code != partner.code:
                continue  # "([[Goryeo]])": another polity
        other = gazetteer.lookup(label) if label and not link else None
        if other is not None and partner is not None and other.cow_code == partner.cow_code:
            other = None
        year = int(date[:4]) if date[:4].isdigit() else None
        firsts = [first_member_year(s) for s in (partner, subject) if s is not None]
        modern = [f for f in firsts if f and f > 1900]
        first = max(modern) if modern else (max((f for f in firsts if f), default=None))
        if len(dates) > 1 and year and year < 1816 and first and first > 1816:
            continue
        later = [int(d[:4]) for _, _, d in dates[i + 1 :] if d[:4].isdigit()]
        if (
            first
            and first > 1900
            and year
            and year < min(first - 1, 1945)
            and later
            and max(later) >= first - 1
        ):
            continue  # a modern state's predecessor (Armenia 1920; 1991)
        kind = _kind(label) or _kind(re.sub(r"\[\[[^\]]*\]\]", " ", before))
        if kept and re.search(r"[–-]\s*$|\b(?:to|until)\s*$", before):
            kind = "severed"  # the end of a span of relations: "4 May 1980 – 23 July 2002"
        own = [k for k in kept if k[2] == (other.short_name if other else None)]
        name = other.short_name if other else None
        kept.append((kind or ("restored" if own else "established"), date, name))
    return kept


def relations_history(
    wikitext: str, gazetteer: Gazetteer, subject: State | None = None
) -> Iterator[tuple[str, str, str]]:
    """(partner name, kind, EDTF date) for every date of the page's diplomatic relations
    tables: established, severed, suspended or restored."""
    for name, cell in _relations_cells(wikitext):
        for kind, date, other in cell_history(cell, gazetteer.lookup(name), gazetteer, subject):
            yield other or name, kind, date


def _relations_cells(wikitext: str) -> Iterator[tuple[str, str]]:
    """(partner name, raw date cell) of each row of the diplomatic relations tables."""
    sections = list(_SECTION.finditer(wikitext))
    for i, section in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(wikitext)
        body = wikitext[section.end() : end]
        relations = "diplomatic relations" in section.group("title").casefold()
        for table in re.finditer(r"\{\|.*?\n\|\}", body, re.S):
            header = " ".join(re.findall(r"^!.*$", table.group(), re.M))
            if not relations and not _HISTORY_HEADER.search(header):
                continue
            for row in re.split(r"\n\|-[^\n]*", table.group()):
                row = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>|<!--.*?-->", "", row, flags=re.S)
                row = re.sub(
                    r"\{\{\s*(?:efn|refn|sfn|nbsp|snd|clarify)[^{}]*\}\}", " ", row, flags=re.I
                )
                row = re.sub(r"<br\s*/?>", " ", row)
                flag = _FLAG.search(row)
                link = None if flag else _LINK.search(row)
                found = flag or link
                if found is None:
                    continue
                name = found.group("name").strip()
                if not name or name.casefold().startswith(("file:", "image:")):
                    continue
                rest = row[found.end() :]
                rest = rest[rest.find("}}") + 2 :] if flag and "}}" in rest else rest
                # the date cell: the cell after the partner's (parts[0] is the partner cell's
                # remainder, "" or " (suspended)")
                parts = _CELL_SPLIT.split(rest)
                if len(parts) > 1 and _cell_dates(parts[1]):
                    yield name, parts[1]


def relations_rows(wikitext: str) -> Iterator[tuple[str, str]]:
    """(partner name, EDTF date) for each dated row of the page's diplomatic relations tables."""
    sections = list(_SECTION.finditer(wikitext))
    for i, section in enumerate(sections):
        if "diplomatic relations" not in section.group("title").casefold():
            continue
        end = sections[i + 1].start() if i + 1 < len(sections) else len(wikitext)
        body = wikitext[section.end() : end]
        for table in re.finditer(r"\{\|.*?\n\|\}", body, re.S):
            for row in re.split(r"\n\|-[^\n]*", table.group()):
                row = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", "", row, flags=re.S)
                flag = _FLAG.search(row)
                link = None if flag else _LINK.search(row)
                name = (flag or link).group("name").strip() if (flag or link) else None
                if not name or name.casefold().startswith(("file:", "image:")):
                    continue
                template = _DATE_TEMPLATE.search(row)
                date = _template_date(template.group("args")) if template else None
                if date is None:
                    after = row[(flag or link).end() :]  # type: ignore[union-attr]
                    found = find_dates(re.sub(r"\{\{[^{}]*\}\}|\[\[|\]\]", " ", after))
                    date = found[0].edtf if found else None
                if date:
                    yield name, date
