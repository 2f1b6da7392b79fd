"""An independent reading of "Diplomatic relations" tables in raw wikitext, to check extraction.

It does not use Dyad's readers: it splits the raw table markup into rows, takes the first flag
template or link as the partner and the first date template (or written date) as the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.extract.dates import find_dates

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
