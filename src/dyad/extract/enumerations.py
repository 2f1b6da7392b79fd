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

from dyad.extract.context import Context, pair
from dyad.extract.dates import find_dates
from dyad.extract.people import PersonMention, roles
from dyad.gazetteer import Gazetteer, StateKind
from dyad.model import Document, Event, Evidence, ListBlock, Person, Table

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


def enumerated_events(
    doc: Document, context: Context, gazetteer: Gazetteer, people: Sequence[PersonMention]
) -> list[Event]:
    """Visit and agreement events from lists and tables."""
    events: list[Event] = []
    text = doc.text
    for block in doc.blocks:
        if not isinstance(block, ListBlock | Table):
            continue
        section = doc.section_at(block.start)
        title = block.title or (section.title if section else "")
        dyad = context.dyad_at(block.start)
        if isinstance(block, ListBlock) and _VISITS.search(title):
            source, target = _direction(title, gazetteer)
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
        elif isinstance(block, ListBlock) and _AGREEMENTS.search(title) and dyad is not None:
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
        elif isinstance(block, Table):
            events.extend(_visit_table(doc, block, title, dyad, gazetteer, people))
    return events


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, h in enumerate(header) if re.search(pattern, h, re.I)), None)


def _visit_table(
    doc: Document,
    table: Table,
    title: str,
    dyad: tuple[str, str] | None,
    gazetteer: Gazetteer,
    people: Sequence[PersonMention],
) -> list[Event]:
    text = doc.text
    if not table.rows:
        return []
    header = [text[c.start : c.end] for c in table.rows[0].cells]
    guest = _column(header, r"guest|visitor|visiting|delegation")
    if guest is None and not _VISITS.search(title):
        return []
    guest = guest if guest is not None else _column(header, r"name|person|official")
    host = _column(header, r"\bhost")
    place = _column(header, r"place|location|city|venue|destination")
    when = _column(header, r"date|year|when")
    if guest is None:
        return []
    rows: list[tuple[int, int, str | None, str | None, str | None, str | None, Person | None]] = []
    for row in table.rows[1:]:
        cells = [text[c.start : c.end] for c in row.cells]
        if any(c.header for c in row.cells) or len(cells) <= guest:
            continue
        date_text = cells[when] if when is not None and when < len(cells) else " ".join(cells)
        dates = find_dates(date_text)
        person, source = _person(cells[guest], people)
        if source is None:
            source = _first_state(cells[guest], gazetteer)
        target = None
        for column in (place, host):
            if column is not None and column < len(cells) and target is None:
                found = _first_state(cells[column], gazetteer)
                if found is None:
                    _, found = _person(cells[column], people)
                target = found if found != source else None
        start, end = row.cells[0].start, row.cells[-1].end
        date = dates[0].edtf if dates else None
        rows.append((start, end, date, dates[0].text if dates else None, source, target, person))
    directions = Counter(
        (s or _complement(dyad, t), t or _complement(dyad, s))
        for _, _, _, _, s, t, _ in rows
        if (s or t)
    )
    usual = directions.most_common(1)[0][0] if directions else (None, None)
    out = []
    for start, end, date, when_text, source, target, person in rows:
        src = source or _complement(dyad, target)
        tgt = target or _complement(dyad, src)
        confidence = 0.75
        if src is None and tgt is None:
            src, tgt = usual
            confidence = 0.5
        if src is None or tgt is None or src == tgt:
            continue
        persons = (Person(person.name, src, person.role),) if person else ()
        out.append(
            _event(
                doc,
                "table.visits",
                "visit",
                start,
                end,
                date,
                when_text,
                src,
                tgt,
                pair(src, tgt),
                persons,
                confidence,
            )
        )
    return out
