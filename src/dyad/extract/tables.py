"""Tables of diplomatic relations: the dated history of each (subject, partner) row.

"Foreign relations of X" pages list X's partners with the date relations were established,
either in a "Diplomatic relations" table (``#``, Country, Date) or in per-partner tables
(Country, Formal relations began, Notes). Each row whose partner cell names a state and whose
date column holds dates gives events for X and that partner, evidenced by the row itself: the
establishment, and the severances, suspensions and renewals the cell records
(``table_history.py`` reads the cell).

A table is read as one of relations only when it says so: its date header names establishment,
relations or recognition ("Date relations established", "Since"), or the header is a bare
"Date"/"Year" and the table's caption or section is about diplomatic relations. A table of
strategic partnerships or agreements with a "Year" column is not a list of establishments.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from dyad.extract.context import Context, _state_of_label, pair
from dyad.extract.table_history import CellDate, Kind, cell_history
from dyad.gazetteer import Gazetteer
from dyad.model import Cell, DateMark, Document, Event, Evidence, Row, Table

RULE_ID = "table.relations-established"
RULE_IDS: dict[Kind, str] = {
    "established": RULE_ID,
    "severed": "table.relations-severed",
    "suspended": "table.relations-suspended",
    "restored": "table.relations-restored",
}
_DATE_HEADER = re.compile(
    r"\b(?:date|established|establishment|relations|since|began|recogni[sz]ed|year)\b", re.I
)
_RELATIONS_HEADER = re.compile(
    r"\b(?:established|establishment|relations|since|began|recogni[sz]ed)\b", re.I
)
_RECOGNITION = re.compile(r"\brecogni(?:[sz]|tion)", re.I)
_RELATIONS_TITLE = re.compile(r"\b(?:diplomatic|relations|recogni[sz]\w*)\b", re.I)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|by)\s*$", re.I)
_NOT_ESTABLISHMENT = re.compile(
    r"\b(?:severed|broken|suspended|ended|terminated|closed|cut|visit|embassy opened|"
    r"agreements?|signed|partner(?:ship)?s?|treaty|treaties)\b",
    re.I,
)


def _says_relations(doc: Document, table: Table) -> bool:
    """Whether the table's caption or the sections around it are about relations."""
    titles = [table.title or ""] + [s.title for s in doc.section_path(table.start)]
    inner = titles[-1] if len(titles) > 1 else titles[0]
    if _NOT_ESTABLISHMENT.search(inner):
        return False
    return any(_RELATIONS_TITLE.search(t) for t in titles)


def _date_column(doc: Document, table: Table) -> int | None:
    """The column of establishment dates: the first date header that says relations, and of
    a "Date of recognition" column beside a "Diplomatic relations established" one, the
    latter (Abkhazia's and Transnistria's partners recognised them on one day and established
    relations on another)."""
    for row in table.rows[:3]:
        if not any(c.header for c in row.cells):
            continue
        found = [
            i
            for i, cell in enumerate(row.cells)
            if _establishment_header(doc, table, doc.text[cell.start : cell.end])
        ]
        if found:
            texts = [doc.text[row.cells[i].start : row.cells[i].end] for i in found]
            plain = [i for i, t in zip(found, texts, strict=True) if not _RECOGNITION.search(t)]
            return (plain or found)[0]
    return None


def _establishment_header(doc: Document, table: Table, header: str) -> bool:
    if not _DATE_HEADER.search(header) or _NOT_ESTABLISHMENT.search(header):
        return False
    return _RELATIONS_HEADER.search(header) is not None or _says_relations(doc, table)


def _row_partner(doc: Document, row: Row, column: int, gazetteer: Gazetteer) -> str | None:
    """The state the first cell before the date column to name one names (the first cell
    when the date column is the first)."""
    for cell in row.cells[: max(1, column)]:
        partner = _state_of_label(doc.text[cell.start : cell.end], gazetteer)
        if partner is not None:
            return partner
    return None


def _history_event(
    doc: Document, found: CellDate, subject: str, partner: str, cell: Cell, evidence: Evidence
) -> Event:
    """One dated entry of a row's date cell as an event of the subject and the partner (or
    the other state a bracket names); "Before 1991" is an open start."""
    actors = pair(subject, found.other or partner)
    date = found.edtf
    if found.kind == "established" and found.other is None:
        before = doc.text[cell.start : found.start]
        if _BEFORE.search(before) and "/" not in date:
            date = f"../{date}"  # "Before 1991"
    rule = RULE_IDS[found.kind]
    identity = f"{doc.id}|{rule}|{evidence.start}|{date}|{actors}"
    if found.kind != "established":  # several in a row: each date its own id
        identity += f"|{found.start}"
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        document=doc.id,
        type=f"relations.{found.kind}",
        date=date,
        date_source="stated",
        modality="occurred",
        source=None,
        target=None,
        actors=actors,
        persons=(),
        quantity=None,
        subject=None,
        evidence=evidence,
        rule=rule,
        confidence=0.9,
        date_text=found.text,
    )


class _Marks:
    """The document's date marks, found by span in log time, in the document's order."""

    def __init__(self, marks: tuple[DateMark, ...]) -> None:
        self.marks = marks
        self.order = sorted(range(len(marks)), key=lambda i: marks[i].start)
        self.starts = [marks[i].start for i in self.order]

    def within(self, start: int, end: int) -> tuple[DateMark, ...]:
        """The marks wholly inside ``[start, end)``, in the document's order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        inside = sorted(i for i in self.order[lo:hi] if self.marks[i].end <= end)
        return tuple(self.marks[i] for i in inside)


def _row_events(
    doc: Document, row: Row, column: int, subject: str, gazetteer: Gazetteer, marks: _Marks
) -> list[Event]:
    """The events of one body row: its partner, and the history its date cell records,
    evidenced by the row from its first cell to the date (not the notes that may follow)."""
    if any(c.header for c in row.cells) or len(row.cells) <= column:
        return []
    partner = _row_partner(doc, row, column, gazetteer)
    if partner is None or partner == subject:
        return []
    cell = row.cells[column]
    sides = (gazetteer.get(subject), gazetteer.get(partner))
    known = tuple(x for x in sides if x is not None)
    history = cell_history(
        doc.text, cell.start, cell.end, known, gazetteer, marks.within(cell.start, cell.end)
    )
    start, end = row.cells[0].start, cell.end
    evidence = Evidence(doc.text[start:end], start, end)
    return [_history_event(doc, found, subject, partner, cell, evidence) for found in history]


def table_events(doc: Document, context: Context, gazetteer: Gazetteer) -> list[Event]:
    """Established, severed, suspended and restored events from the relations tables."""
    subject = context.subject
    if subject is None:
        return []
    events: list[Event] = []
    marks = _Marks(doc.dates)
    for block in doc.blocks:
        if not isinstance(block, Table):
            continue
        column = _date_column(doc, block)
        if column is None:
            continue
        for row in block.rows:
            events.extend(_row_events(doc, row, column, subject, gazetteer, marks))
    return events
