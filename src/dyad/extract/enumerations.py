"""Events that articles list rather than narrate: visit lists and tables, agreement lists.

"HIGH-LEVEL VISITS FROM ESTONIA TO MEXICO" over "Prime Minister Juhan Parts (2004)", a "High
level visits" table (Guest, Host, Place of visit, Date of visit), a "Bilateral agreements"
list of "Agreement on ... (2005)": each item or row is one event, evidenced by the item or row
itself. Direction comes from the title ("from X to Y"), else from the people and places in the
row (a guest the article names elsewhere as "the Prime Minister of Albania"; a capital), else
from the direction most other rows of the same table take.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.extract.context import Context, pair
from dyad.extract.dates import find_dates
from dyad.extract.people import PersonMention, roles
from dyad.gazetteer import Gazetteer, StateKind
from dyad.model import Document, Event, Evidence, ListBlock, Person, Row, Table

# A list item of visits names a visitor and a date ("Prime Minister Juhan Parts (2004)").
MAX_ITEM_WORDS = 14
_VISITS = re.compile(r"\bvisits?\b|\btrips?\b", re.IGNORECASE)
_AGREEMENTS = re.compile(r"\b(?:agreements?|treaties|treaty|accords?|conventions?)\b", re.I)
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>.+?)\s+to\s+(?P<b>.+)$", re.IGNORECASE)


def _event(
    doc: Document,
    rule: str,
    type_: str,
    start: int,
    end: int,
    date: str | None,
    date_text: str | None,
    source: str | None,
    target: str | None,
    actors: tuple[str, ...],
    persons: tuple[Person, ...],
    confidence: float,
    subject: str | None = None,
) -> Event:
    identity = f"{doc.id}|{rule}|{start}|{date}|{source}|{target}|{actors}"
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        document=doc.id,
        type=type_,
        date=date,
        date_source="stated" if date else None,
        modality="occurred",
        source=source,
        target=target,
        actors=actors,
        persons=persons,
        quantity=None,
        subject=subject,
        evidence=Evidence(doc.text[start:end], start, end),
        rule=rule,
        confidence=confidence,
        date_text=date_text,
    )


def _first_state(text: str, gazetteer: Gazetteer) -> str | None:
    for mention in gazetteer.find_mentions(text):
        state = gazetteer.get(mention.code)
        if state is not None and state.kind != StateKind.ORGANISATION:
            return mention.code
    return None


def _direction(title: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    m = _FROM_TO.search(title)
    if m:
        return _first_state(m.group("a"), gazetteer), _first_state(m.group("b"), gazetteer)
    to = re.search(r"\b(?:to|in)\s+(?P<b>.+)$", title, re.IGNORECASE)
    if to:
        return None, _first_state(to.group("b"), gazetteer)
    return None, None


def _person(text: str, people: Sequence[PersonMention]) -> tuple[Person | None, str | None]:
    """The person a cell or item names, with the state the article gives them elsewhere."""
    role = next((r for r in roles() if re.match(rf"(?i){re.escape(r)}\b", text.strip())), None)
    name = text.strip()
    if role:
        name = name[len(role) :].strip(" ,")
    name = re.sub(r"\s*\([^)]*\)?\s*$", "", name).strip(" ,;(")
    if not name or not name[0].isupper():
        return None, None
    state = None
    for p in people:
        if p.name == name or (len(p.name) > 6 and p.name in name):
            state = p.state or state
            role = role or p.role
    return Person(name, state, role), state


def _complement(dyad: tuple[str, str] | None, state: str | None) -> str | None:
    if dyad is None or state is None or state not in dyad:
        return None
    return dyad[1] if dyad[0] == state else dyad[0]


def _list_visits(
    doc: Document,
    block: ListBlock,
    title: str,
    dyad: tuple[str, str] | None,
    gazetteer: Gazetteer,
    people: Sequence[PersonMention],
) -> list[Event]:
    """A visit per short item of a visits list: direction from the title ("from X to Y"), else
    from the visitor's state, else the other side of the section's dyad."""
    text = doc.text
    source, target = _direction(title, gazetteer)
    events: list[Event] = []
    for item in block.items:
        item_text = text[item.start : item.end]
        if len(item_text.split()) > MAX_ITEM_WORDS:
            continue  # a sentence, which the event rules read as prose
        dates = find_dates(item_text)
        person, state = _person(item_text[: dates[0].start] if dates else item_text, people)
        src = source or state or _complement(dyad, target)
        tgt = target or _complement(dyad, src)
        if src is None or tgt is None or src == tgt:
            continue
        events.append(
            _event(
                doc,
                "list.visits",
                "visit",
                item.start,
                item.end,
                dates[0].edtf if dates else None,
                dates[0].text if dates else None,
                src,
                tgt,
                pair(src, tgt),
                (Person(person.name, src, person.role),) if person else (),
                0.75,
            )
        )
    return events


def _list_agreements(doc: Document, block: ListBlock, dyad: tuple[str, str]) -> list[Event]:
    """An agreement signed by the dyad per dated item of an agreements list that names one
    ("Agreement on ... (2005)"); the words before the date are its subject."""
    text = doc.text
    events: list[Event] = []
    for item in block.items:
        item_text = text[item.start : item.end]
        dates = find_dates(item_text)
        if not dates or not _AGREEMENTS.search(item_text):
            continue
        events.append(
            _event(
                doc,
                "list.agreements",
                "agreement.signed",
                item.start,
                item.end,
                dates[0].edtf,
                dates[0].text,
                None,
                None,
                dyad,
                (),
                0.7,
                subject=item_text[: dates[0].start].strip(" ,;:()") or None,
            )
        )
    return events


def enumerated_events(
    doc: Document, context: Context, gazetteer: Gazetteer, people: Sequence[PersonMention]
) -> list[Event]:
    """Visit and agreement events from lists and tables."""
    events: list[Event] = []
    for block in doc.blocks:
        if not isinstance(block, ListBlock | Table):
            continue
        section = doc.section_at(block.start)
        title = block.title or (section.title if section else "")
        dyad = context.dyad_at(block.start)
        if isinstance(block, Table):
            events.extend(_visit_table(doc, block, title, dyad, gazetteer, people))
        elif _VISITS.search(title):
            events.extend(_list_visits(doc, block, title, dyad, gazetteer, people))
        elif _AGREEMENTS.search(title) and dyad is not None:
            events.extend(_list_agreements(doc, block, dyad))
    return events


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, h in enumerate(header) if re.search(pattern, h, re.I)), None)


@dataclass(frozen=True, slots=True)
class _VisitColumns:
    """Where a visits table keeps the visitor, the host, the place and the date (or None)."""

    guest: int
    host: int | None
    place: int | None
    when: int | None


def _visit_columns(header: list[str], title: str) -> _VisitColumns | None:
    """The columns of a visits table, or None when it is none: a guest column ("Guest",
    "Visiting delegation"), or under a visits title a name column ("Name", "Official")."""
    guest = _column(header, r"guest|visitor|visiting|delegation")
    if guest is None and not _VISITS.search(title):
        return None
    guest = guest if guest is not None else _column(header, r"name|person|official")
    if guest is None:
        return None
    return _VisitColumns(
        guest=guest,
        host=_column(header, r"\bhost"),
        place=_column(header, r"place|location|city|venue|destination"),
        when=_column(header, r"date|year|when"),
    )


@dataclass(frozen=True, slots=True)
class _VisitRow:
    """One row of a visits table as read, before the table's usual direction fills gaps."""

    start: int
    end: int
    date: str | None
    date_text: str | None
    source: str | None
    target: str | None
    person: Person | None


def _row_target(
    cells: list[str],
    columns: _VisitColumns,
    source: str | None,
    gazetteer: Gazetteer,
    people: Sequence[PersonMention],
) -> str | None:
    """The visited state: the first of the place and host cells that names a state or a person
    of a known state; a state the same as the visitor's is none."""
    target = None
    for column in (columns.place, columns.host):
        if column is not None and column < len(cells) and target is None:
            found = _first_state(cells[column], gazetteer)
            if found is None:
                _, found = _person(cells[column], people)
            target = found if found != source else None
    return target


def _visit_row(
    doc: Document,
    row: Row,
    columns: _VisitColumns,
    gazetteer: Gazetteer,
    people: Sequence[PersonMention],
) -> _VisitRow | None:
    """A body row read: visitor and their state, the visited state, the date (from the date
    column, else anywhere in the row). None for a header row or one too short for the guest."""
    cells = [doc.text[c.start : c.end] for c in row.cells]
    if any(c.header for c in row.cells) or len(cells) <= columns.guest:
        return None
    when = columns.when
    date_text = cells[when] if when is not None and when < len(cells) else " ".join(cells)
    dates = find_dates(date_text)
    person, source = _person(cells[columns.guest], people)
    if source is None:
        source = _first_state(cells[columns.guest], gazetteer)
    return _VisitRow(
        start=row.cells[0].start,
        end=row.cells[-1].end,
        date=dates[0].edtf if dates else None,
        date_text=dates[0].text if dates else None,
        source=source,
        target=_row_target(cells, columns, source, gazetteer, people),
        person=person,
    )


def _usual_direction(
    rows: Sequence[_VisitRow], dyad: tuple[str, str] | None
) -> tuple[str | None, str | None]:
    """The (source, target) most rows with a known side take, completed by the dyad."""
    directions = Counter(
        (r.source or _complement(dyad, r.target), r.target or _complement(dyad, r.source))
        for r in rows
        if (r.source or r.target)
    )
    return directions.most_common(1)[0][0] if directions else (None, None)


def _visit_table(
    doc: Document,
    table: Table,
    title: str,
    dyad: tuple[str, str] | None,
    gazetteer: Gazetteer,
    people: Sequence[PersonMention],
) -> list[Event]:
    """A visit per row of a visits table; a row with neither side known takes the table's usual
    direction, at a lower confidence."""
    if not table.rows:
        return []
    header = [doc.text[c.start : c.end] for c in table.rows[0].cells]
    columns = _visit_columns(header, title)
    if columns is None:
        return []
    rows = [
        read
        for row in table.rows[1:]
        if (read := _visit_row(doc, row, columns, gazetteer, people)) is not None
    ]
    usual = _usual_direction(rows, dyad)
    out = []
    for row in rows:
        src = row.source or _complement(dyad, row.target)
        tgt = row.target or _complement(dyad, src)
        confidence = 0.75
        if src is None and tgt is None:
            src, tgt = usual
            confidence = 0.5
        if src is None or tgt is None or src == tgt:
            continue
        person = row.person
        persons = (Person(person.name, src, person.role),) if person else ()
        out.append(
            _event(
                doc,
                "table.visits",
                "visit",
                row.start,
                row.end,
                row.date,
                row.date_text,
                src,
                tgt,
                pair(src, tgt),
                persons,
                confidence,
            )
        )
    return out
