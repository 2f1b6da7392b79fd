"""Tables of diplomatic relations: one ``relations.established`` event per (partner, date) row.

"Foreign relations of X" pages list X's partners with the date relations were established,
either in a "Diplomatic relations" table (``#``, Country, Date) or in per-partner tables
(Country, Formal relations began, Notes). Each row whose partner cell names a state and whose
date column holds a date gives an event for X and that partner, evidenced by the row itself.
"""

from __future__ import annotations

import hashlib
import re

from dyad.extract.context import Context, _state_of_label, pair
from dyad.extract.dates import find_dates
from dyad.extract.states import Gazetteer
from dyad.model import Document, Event, Evidence, Table

RULE_ID = "table.relations-established"
_DATE_HEADER = re.compile(
    r"\b(?:date|established|establishment|relations|since|began|recogni[sz]ed|year)\b", re.I
)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|by)\s*$", re.I)
_NOT_ESTABLISHMENT = re.compile(
    r"\b(?:severed|broken|suspended|ended|terminated|closed|cut|visit|embassy opened)\b", re.I
)


def _date_column(doc: Document, table: Table) -> int | None:
    for row in table.rows[:3]:
        if not any(c.header for c in row.cells):
            continue
        for i, cell in enumerate(row.cells):
            header = doc.text[cell.start : cell.end]
            if _DATE_HEADER.search(header) and not _NOT_ESTABLISHMENT.search(header):
                return i
    return None


def table_events(doc: Document, context: Context, gazetteer: Gazetteer) -> list[Event]:
    """``relations.established`` events from the document's relations tables."""
    subject = context.subject
    if subject is None:
        return []
    events: list[Event] = []
    for block in doc.blocks:
        if not isinstance(block, Table):
            continue
        column = _date_column(doc, block)
        if column is None:
            continue
        for row in block.rows:
            if any(c.header for c in row.cells) or len(row.cells) <= column:
                continue
            partner = None
            partner_cell = row.cells[0]
            for partner_cell in row.cells[: max(1, column)]:
                partner = _state_of_label(
                    doc.text[partner_cell.start : partner_cell.end], gazetteer
                )
                if partner is not None:
                    break
            if partner is None or partner == subject:
                continue
            cell = row.cells[column]
            marks = [d for d in doc.dates if cell.start <= d.start and d.end <= cell.end]
            date: str | None
            if marks:
                date, date_text = marks[0].value, doc.text[marks[0].start : marks[0].end]
                at = marks[0].start
            else:
                found = find_dates(doc.text, cell.start, cell.end)
                if not found:
                    continue
                date, date_text, at = found[0].edtf, found[0].text, found[0].start
            before = doc.text[cell.start : at]
            if _NOT_ESTABLISHMENT.search(before):
                continue  # "Suspended 11 October 2017": not when relations began
            if _BEFORE.search(before) and "/" not in date:
                date = f"../{date}"  # "Before 1991"
            # The row from its first cell to the date: not the notes that may follow.
            start, end = row.cells[0].start, cell.end
            evidence = Evidence(doc.text[start:end], start, end)
            actors = pair(subject, partner)
            identity = f"{doc.id}|{RULE_ID}|{start}|{date}|{actors}"
            events.append(
                Event(
                    id=hashlib.sha1(identity.encode()).hexdigest()[:16],
                    document=doc.id,
                    type="relations.established",
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
                    rule=RULE_ID,
                    confidence=0.9,
                    date_text=date_text,
                )
            )
    return events
