"""Terms of office: ambassador lists, envoy tables and "served as ambassador from ... to ...".

A list or table is a list of envoys when its title (its lead line or its section heading)
says so: "Mongolian ambassadors to North Korea", "List of ambassadors of Japan to China",
"Ambassadors of X to Y". The state before "ambassador" (a name or a demonym) sends, the one
after "to"/"in" receives; where the title names only one, a "Foreign relations of X" page's
subject fills the other. Each item "Name (1950-1952)" or "Name (2017–)" is one tenure.
"""

from __future__ import annotations

import re

from dyad.extract.context import Context
from dyad.extract.dates import TimeExpr, find_dates
from dyad.gazetteer import Gazetteer
from dyad.model import Document, Evidence, ListBlock, Table, Tenure

_ENVOY_TITLE = re.compile(
    r"\b(?P<role>ambassadors?|envoys?|heads?\s+of\s+mission|ministers?\s+plenipotentiary"
    r"|high\s+commissioners?|charg[ée]s?\s+d'affaires)\b",
    re.IGNORECASE,
)
_PROSE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:[ ]+[A-Z][\w'’.-]+){1,4})\s+(?:\([^)]*\)\s+)?"
    r"(?:has\s+|had\s+)?(?:served|been\s+serving|was\s+appointed|was\s+named|became)\s+"
    r"(?:as\s+)?(?:the\s+)?(?:(?P<of>[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)?)\s+)?[Aa]mbassador"
    r"\s+(?:(?:to|in)\s+(?P<to>[^,.;]{2,40}?)\s+)?"
    r"(?P<when>(?:from|in|since|between)\s+[^,.;]{4,40})",
)
_NAME_CLEAN = re.compile(r"^[\s*•·:,–-]+|[\s*•·:,–-]+$")


def _singular(role: str) -> str:
    role = " ".join(role.casefold().split())
    for plural, single in (("ambassadors", "ambassador"), ("envoys", "envoy"), ("heads", "head")):
        role = role.replace(plural, single)
    return role.replace("ministers", "minister").replace("commissioners", "commissioner")


def _title_sides(
    title: str, role: re.Match[str], gazetteer: Gazetteer
) -> tuple[str | None, str | None]:
    """The states a title names around its role: the last before it ("Mongolian ambassadors")
    or, failing that, after "of" ("Ambassadors of Japan to China") sends; the first after
    "to", "in" or "at" receives."""
    mentions = gazetteer.find_mentions(title)
    rest = title[role.end() :]
    before = [x.code for x in mentions if x.end <= role.start()]
    after_to = re.search(r"\b(?:to|in|at)\b", rest)
    after = []
    if after_to:
        cut = role.end() + after_to.end()
        after = [x.code for x in mentions if x.start >= cut]
    of = re.search(r"\bof\b", rest)
    if not before and of:
        cut = role.end() + of.end()
        stop = role.end() + after_to.start() if after_to else len(title)
        before = [x.code for x in mentions if cut <= x.start < stop]
    return (before[-1] if before else None), (after[0] if after else None)


def envoy_title(
    title: str, gazetteer: Gazetteer, subject: str | None
) -> tuple[str, str | None, str | None] | None:
    """``(role, sending, receiving)`` if ``title`` heads a list of envoys.

    Where the title names only one side, the page's ``subject`` (when it is not that side)
    is the other."""
    m = _ENVOY_TITLE.search(title)
    if not m:
        return None
    sending, receiving = _title_sides(title, m, gazetteer)
    if sending is None and receiving is None:
        return None
    if sending is None and subject is not None and receiving != subject:
        sending = subject
    if receiving is None and subject is not None and sending != subject:
        receiving = subject
    return _singular(m.group("role")), sending, receiving


def _term(item_text: str) -> tuple[str | None, str | None, TimeExpr | None]:
    """Start and end of a term written in an item: "(1950-1952)", "(2017–)", "since 2016"."""
    dates = find_dates(item_text)
    if not dates:
        return None, None, None
    d = dates[0]
    if d.kind == "open":
        start = None if d.start_value == ".." else d.start_value
        end = None if d.end_value in {None, ".."} else d.end_value
        return start, end, d
    if d.kind == "range":
        return d.start_value, d.end_value, d
    if len(dates) >= 2:
        return d.start_value, dates[1].end_value or dates[1].start_value, d
    return d.start_value, None, d


def _name(item_text: str, date: TimeExpr | None) -> str | None:
    text = item_text
    if date is not None:
        text = text[: date.start] + text[date.end :]
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    text = _NAME_CLEAN.sub("", " ".join(text.split()))
    if not text or len(text.split()) > 7 or not text[0].isupper():
        return None
    return text


def _list_tenures(
    doc: Document, block: ListBlock, context: Context, gazetteer: Gazetteer
) -> list[Tenure]:
    """A tenure per item "Name (1950-1952)" of a list of envoys (its title says so)."""
    section = doc.section_at(block.start)
    title = block.title or (section.title if section else "")
    head = envoy_title(title, gazetteer, context.subject)
    if head is None:
        return []
    role, sending, receiving = head
    tenures: list[Tenure] = []
    for item in block.items:
        item_text = doc.text[item.start : item.end]
        start, end, date = _term(item_text)
        name = _name(item_text, date)
        if name is None or (start is None and end is None):
            continue
        tenures.append(
            Tenure(
                document=doc.id,
                role=role,
                person=name,
                sending=sending,
                receiving=receiving,
                start=start,
                end=end,
                evidence=Evidence(item_text, item.start, item.end),
                rule="tenure.list",
            )
        )
    return tenures


def find_tenures(doc: Document, context: Context, gazetteer: Gazetteer) -> list[Tenure]:
    """Every term of office the document lists or states: lists and tables of envoys in
    document order, then the sentences that state one."""
    tenures: list[Tenure] = []
    for block in doc.blocks:
        if isinstance(block, ListBlock):
            tenures.extend(_list_tenures(doc, block, context, gazetteer))
        elif isinstance(block, Table):
            tenures.extend(_table_tenures(doc, block, context, gazetteer))
    tenures.extend(_prose_tenures(doc, context, gazetteer))
    return tenures


def _name_column(header: list[str]) -> int | None:
    """The column of an envoys table that holds the envoy ("Name", "Ambassador", "Head of
    mission"), from its case-folded header."""
    return next(
        (i for i, h in enumerate(header) if re.search(r"name|ambassador|envoy|head", h)), None
    )


def _table_tenures(
    doc: Document, table: Table, context: Context, gazetteer: Gazetteer
) -> list[Tenure]:
    """A tenure per body row of a table of envoys (its title says so, as for lists): the name
    from the name column, the term from the other cells, evidenced by the whole row."""
    section = doc.section_at(table.start)
    title = table.title or (section.title if section else "")
    head = envoy_title(title, gazetteer, context.subject)
    if head is None or not table.rows:
        return []
    role, sending, receiving = head
    text = doc.text
    name_col = _name_column([text[c.start : c.end].casefold() for c in table.rows[0].cells])
    if name_col is None:
        return []
    out = []
    for row in table.rows[1:]:
        if len(row.cells) <= name_col or any(c.header for c in row.cells):
            continue
        cell = row.cells[name_col]
        name = _name(text[cell.start : cell.end], None)
        others = " ".join(text[c.start : c.end] for i, c in enumerate(row.cells) if i != name_col)
        start, end, _ = _term(others)
        if name is None or (start is None and end is None):
            continue
        s, e = row.cells[0].start, row.cells[-1].end
        out.append(
            Tenure(
                doc.id,
                role,
                name,
                sending,
                receiving,
                start,
                end,
                Evidence(text[s:e], s, e),
                "tenure.table",
            )
        )
    return out


def _prose_sides(
    m: re.Match[str], context: Context, gazetteer: Gazetteer
) -> tuple[str | None, str | None]:
    """The sending and receiving states of "X served as [British] Ambassador [to Y] ...": the
    demonym sends, the state after "to" receives, and the dyad of the place in the page
    completes a side left unnamed."""
    receiving = None
    if m.group("to"):
        state = gazetteer.lookup(m.group("to"))
        receiving = state.code if state else None
    sending = None
    if m.group("of"):
        # "British Ambassador", "Mongolian Ambassador": the demonym sends.
        found = gazetteer.find_mentions(m.group("of"))
        sending = found[0].code if found else None
    dyad = context.dyad_at(m.start())
    if sending is None and dyad and receiving in dyad:
        sending = dyad[0] if dyad[1] == receiving else dyad[1]
    if receiving is None and dyad and sending in dyad:
        receiving = dyad[0] if dyad[1] == sending else dyad[1]
    return sending, receiving


def _prose_tenures(doc: Document, context: Context, gazetteer: Gazetteer) -> list[Tenure]:
    """An ambassador's tenure per sentence that states one ("X served as Ambassador to Y from
    1990 to 1994"), dated by the first date of its "from/in/since/between" part."""
    out = []
    text = doc.text
    for m in _PROSE.finditer(text):
        dates = find_dates(m.group("when"))
        if not dates:
            continue
        d = dates[0]
        start = None if d.start_value == ".." else d.start_value
        end = d.end_value if d.kind in {"range", "open"} and d.end_value != ".." else None
        sending, receiving = _prose_sides(m, context, gazetteer)
        out.append(
            Tenure(
                doc.id,
                "ambassador",
                " ".join(m.group("name").split()),
                sending,
                receiving,
                start,
                end,
                Evidence(text[m.start() : m.end()], m.start(), m.end()),
                "tenure.prose",
            )
        )
    return out
