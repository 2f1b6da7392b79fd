"""Office of the Historian timeline entries -> events of the vocabulary.

A relations-by-country document (:mod:`dyad.read.historian`) holds one paragraph per timeline
entry, its head first ("Diplomatic Relations Severed, 1980."), its date marked. The head says
what happened, in the Historian's steady wording: each :data:`HEAD_RULES` pattern, matched on
the head alone, gives one event type; a head can give several ("Establishment of Diplomatic
Relations and the American Legation in Iran" is an establishment and a mission opened).

Every event is between the United States and the file's country (``historian_countries``),
unless the head names another state after "with" ("Termination of Diplomatic Relations with
the Republic of China" in the China file). Its date is the head's (``<date when>``), made
finer by a full date of the same year in the entry's first sentence ("... severed diplomatic
relations with Iran on April 7, 1980"). Its evidence is the head and that sentence, exactly as
they stand in the text. Chiefs of mission the entry names (links to the Historian's pages of
people) are the event's persons, with the rank written before their name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from dyad.extract.dates import find_dates
from dyad.extract.historian_countries import USA, country_code
from dyad.gazetteer import Gazetteer
from dyad.model import DateMark, Document, Event, Evidence, Paragraph, Person
from dyad.read.historian import TITLE_PREFIX
from dyad.sentences import split_sentences

CONFIDENCE = 0.95
_I = re.IGNORECASE
_REL = r"(?:normal\s+|formal\s+|full\s+)?(?:diplomatic\s+)?(?:and\s+\w+\s+)?relations"
_MISSION = (
    r"(?:embass(?:y|ies)|legations?|consulates?(?:[\s-]+general)?|consular\s+(?:posts?|"
    r"agency)|(?:diplomatic\s+)?mission|liaison\s+office|interests?\s+section)"
)


@dataclass(frozen=True, slots=True)
class HeadRule:
    """An event type and the head wording that states it."""

    id: str
    type: str
    pattern: re.Pattern[str]


HEAD_RULES: tuple[HeadRule, ...] = (
    HeadRule(
        "historian.recognition.withdrawn",
        "recognition.withdrawn",
        re.compile(
            r"recogn(?:i[sz]|i?tion)\w*\b.*\bwithdrawn|withdr\w+\s+(?:of\s+)?recognition", _I
        ),
    ),
    HeadRule(
        "historian.recognition", "recognition.granted", re.compile(r"\brecogn(?:i[sz]|i?tion)", _I)
    ),
    HeadRule(
        "historian.restored",
        "relations.restored",
        re.compile(
            rf"re-?establish\w*\s+(?:of\s+)?{_REL}|relations\s+(?:re-?established|resumed|"
            rf"restored|normali[sz]ed|renewed)|(?:resumption|restoration|normali[sz]ation|re-?opening)"
            rf"\s+of\s+{_REL}",
            _I,
        ),
    ),
    HeadRule(
        "historian.established",
        "relations.established",
        re.compile(
            rf"(?<!re-)(?<!re)establish\w*\s+(?:of\s+)?{_REL}|(?:diplomatic|ambassadorial)\s+"
            r"relations\s+established|establishment\s+of\s+ambassadorial\s+relations|"
            r"first\s+official\s+diplomatic",
            _I,
        ),
    ),
    HeadRule(
        "historian.severed",
        "relations.severed",
        re.compile(
            rf"\bsever|(?:cessation|termination|rupture|break)\s+(?:of|in)\s+{_REL}|"
            r"relations\s+(?:ended|terminated|broken)",
            _I,
        ),
    ),
    HeadRule(
        "historian.suspended",
        "relations.suspended",
        re.compile(
            rf"(?:interruption|suspension)\s+of\s+{_REL}|relations\s+(?:interrupted|suspended)",
            _I,
        ),
    ),
    HeadRule(
        "historian.upgraded",
        "relations.upgraded",
        re.compile(
            r"(?:elevat|rais)\w*\b.*\b(?:embassy|ambassadorship)|\bto\s+embassy\s+(?:status|level)",
            _I,
        ),
    ),
    HeadRule(
        "historian.mission.closed",
        "mission.closed",
        re.compile(
            rf"(?:clos\w*|suspen\w*|withdrawn|evacuat\w*)\s+(?:of\s+)?(?:the\s+)?(?:\S+\s+){{0,3}}"
            rf"{_MISSION}|{_MISSION}\s+(?:\S+\s+){{0,3}}(?:closed|suspended|withdrawn)",
            _I,
        ),
    ),
    HeadRule(
        "historian.mission.opened",
        "mission.opened",
        re.compile(
            rf"(?:establish\w*|open\w*|re-?open\w*|re-?establish\w*|resum\w*)\s+(?:of\s+)?(?:\S+\s+)"
            rf"{{0,6}}{_MISSION}|{_MISSION}\s+(?:\S+\s+){{0,4}}(?:established|opened|"
            r"re-?opened|re-?established)",
            _I,
        ),
    ),
    HeadRule(
        "historian.recalled",
        "envoy.recalled",
        re.compile(
            r"(?:ambassadors?|minister)\s+recalled|(?:withdrawal|recall)\s+of\s+\S*\s*"
            r"(?:ambassadors?|minister)",
            _I,
        ),
    ),
    HeadRule(
        "historian.agreement",
        "agreement.signed",
        re.compile(
            r"\b(?:treat(?:y|ies)|convention|agreement|accord|compact|protocol|"
            r"declaration\s+of\s+accession|additional\s+article)\b",
            _I,
        ),
    ),
)
_MISSION_WORD = re.compile(_MISSION, _I)
# Heads that say something did not happen or was refused.
_NEGATED = re.compile(r"^\s*no\b|\bnon-recognition\b|\bnot\s+recogni", _I)
_BY_US = re.compile(
    r"\bby\s+the\s+united\s+states\b|^\s*(?:the\s+)?(?:united\s+states|u\.\s?s\.)"
    r"\s+sever",
    _I,
)
_BY_OTHER = re.compile(r"\bby\s+(?!the\s+united\s+states)(?P<by>[A-Z][\w'’ .-]+?)\s*(?:,|$)")
_OF_US = re.compile(
    r"recogn(?:i[sz]|i?tion)\w*\s+of\s+(?:the\s+)?(?:independence\s+of\s+)?(?:the\s+)?"
    r"(?:united\s+states|u\.\s?s\.)",
    _I,
)
_US_BREAKS = re.compile(
    r"^(?:on\s+[\w ,]+?\d{4},\s+)?(?:the\s+united\s+states|the\s+u\.\s?s\.)(?:\s+government)?\s+"
    r"(?:\w+\s+)?(?:severed|broke|suspended|interrupted|terminated)",
    _I,
)
_BREAKS_WITH_US = re.compile(
    r"(?:severed|broke\s+off|suspended|interrupted|terminated)\s+(?:diplomatic\s+|its\s+)?"
    r"relations\s+with\s+the\s+(?:united\s+states|u\.\s?s\.)",
    _I,
)
_MUTUAL = re.compile(r"\bmutual\b", _I)
_WITH = re.compile(
    r"\bwith\s+(?:the\s+)?(?P<with>[A-Z][\w'’.-]*(?:\s+(?:of|and|the|[A-Z(][\w'’().-]*))*)"
)
_US_MISSION = re.compile(r"\b(?:american|u\.\s?s\.|us|united\s+states)\s+$", _I)
_ABROAD = re.compile(r"\bin\s+(?:the\s+united\s+states|washington)\b", _I)
_GENERIC = frozenset(
    "of the and to establishment elevation status diplomatic closure closing opening first"
    " subordinate additional reopening suspension re-opening re-establishment reestablishment"
    " installation".split()
)
_RANK = re.compile(
    r"(?P<rank>Ambassador|Minister(?:\s+Resident)?|Chargé\s+d[’']Affaires(?:\s+ad\s+interim)?|"
    r"Envoy|Consul(?:\s+General)?|Commissioner|Agent)\s*,?\s*$"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """A timeline entry of the text: its paragraph, its head's end and its date mark."""

    start: int
    end: int
    head_end: int
    date: DateMark


def entries(doc: Document) -> list[Entry]:
    """The dated timeline entries: paragraphs whose first sentence holds a date mark."""
    found: list[Entry] = []
    marks = sorted(doc.dates, key=lambda d: d.start)
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        mark = next((d for d in marks if block.start <= d.start < block.end), None)
        if mark is None:
            continue
        sentences = split_sentences(doc.text, block.start, block.end)
        head = next((s for s in sentences if s.end >= mark.end), None)
        if head is not None and head.start == block.start:
            found.append(Entry(block.start, block.end, head.end, mark))
    return found


def country_of(doc: Document, gazetteer: Gazetteer) -> str | None:
    """The document's country code, from its title and its file name."""
    name = doc.title.removeprefix(TITLE_PREFIX)
    return country_code([name, Path(doc.source).stem], gazetteer)


def historian_events(doc: Document, gazetteer: Gazetteer) -> list[Event]:
    """Every event the dated entries of a relations-by-country document state."""
    country = country_of(doc, gazetteer)
    if country is None or country == USA:
        return []
    events: list[Event] = []
    for entry in entries(doc):
        events.extend(entry_events(doc, entry, country, gazetteer))
    return events


def entry_events(doc: Document, entry: Entry, country: str, gaz: Gazetteer) -> list[Event]:
    """The events one entry's head states, dated and evidenced by the head and first sentence."""
    text = doc.text
    head = text[entry.start : entry.head_end]
    if _NEGATED.search(head):
        return []
    evidence_end, date, date_text, source_kind = _date_and_evidence(doc, entry)
    evidence = Evidence(text[entry.start : evidence_end], entry.start, evidence_end)
    persons = tuple(_persons(doc, entry.start, evidence_end))
    events: list[Event] = []
    taken: set[str] = set()
    for rule in HEAD_RULES:
        match = rule.pattern.search(head)
        if match is None or rule.type in taken or _shadowed(rule.type, taken):
            continue
        taken.add(rule.type)
        other = _counterpart(head, match.end(), country, gaz)
        body = text[entry.head_end : evidence_end].strip()
        for source, target in _directions(rule.type, head, body, match, other, gaz):
            events.append(
                _event(
                    doc,
                    rule,
                    (source, target, other),
                    date,
                    date_text,
                    source_kind,
                    evidence,
                    persons,
                    _subject(rule.type, head, match),
                )
            )
    return events


def _shadowed(type_: str, taken: set[str]) -> bool:
    """A restoration is not also an establishment; a withdrawal not also a recognition."""
    return (type_ == "relations.established" and "relations.restored" in taken) or (
        type_ == "recognition.granted" and "recognition.withdrawn" in taken
    )


def _date_and_evidence(doc: Document, entry: Entry) -> tuple[int, str, str | None, str]:
    """Evidence end, date, the date's words and its provenance for one entry."""
    text = doc.text
    value = entry.date.value
    date_text: str | None = text[entry.date.start : entry.date.end]
    source_kind = "stated"
    following = split_sentences(text, entry.head_end, entry.end)
    end = following[0].end if following else entry.head_end
    if following and re.fullmatch(r"\d{4}(?:-\d{2})?", value):
        first = following[0]
        for found in find_dates(text[first.start : first.end]):
            if found.kind == "day" and found.edtf.startswith(value):
                value, source_kind = found.edtf, "sentence"
                date_text = found.text
                break
    return end, value, date_text, source_kind


def _counterpart(head: str, after: int, country: str, gaz: Gazetteer) -> str:
    """The file's country, or the state the head names after "with" ("... with the ROC")."""
    match = _WITH.search(head, after)
    if match and match.start() - after < 40:
        words = match["with"].rstrip(".,")
        for cut in range(len(words.split()), 0, -1):
            state = gaz.lookup(" ".join(words.split()[:cut]))
            if state is not None:
                return state.code if state.code != USA else country
    return country


def _directions(
    type_: str, head: str, body: str, match: re.Match[str], other: str, gaz: Gazetteer
) -> list[tuple[str | None, str | None]]:
    """``(source, target)`` per event: directed types get one or two, reciprocal ones none.

    A break the head does not attribute ("Diplomatic Relations Severed") is the side the
    entry's first sentence names as acting ("The United States severed ...").
    """
    if type_ == "recognition.granted" or type_ == "recognition.withdrawn":
        if _MUTUAL.search(head):
            return [(USA, other), (other, USA)]
        return [(other, USA)] if _OF_US.search(head) else [(USA, other)]
    if type_ in {"relations.severed", "relations.suspended"}:
        if _BY_US.search(head):
            return [(USA, other)]
        by = _BY_OTHER.search(head)
        if by and gaz.lookup(by["by"].strip()) is not None:
            return [(other, USA)]
        if _US_BREAKS.search(body):
            return [(USA, other)]
        if _BREAKS_WITH_US.search(body):
            return [(other, USA)]
        return [(None, None)]
    if type_ in {"mission.opened", "mission.closed", "relations.upgraded", "envoy.recalled"}:
        return [(other, USA)] if _foreign(head, match) else [(USA, other)]
    return [(None, None)]


def _foreign(head: str, match: re.Match[str]) -> bool:
    """Whether the mission the head speaks of is the country's (in Washington), not America's."""
    if _ABROAD.search(head):
        return True
    mission = _MISSION_WORD.search(head, match.start())
    before = head[: mission.start() if mission else match.start()]
    if _US_MISSION.search(before):
        return False
    word = before.split()[-1] if before.split() else ""
    return bool(word) and word[0].isupper() and word.casefold() not in _GENERIC


def _subject(type_: str, head: str, match: re.Match[str]) -> str | None:
    """The agreement's name or the mission's kind, from the head."""
    if type_ == "agreement.signed":
        return re.sub(r"[,\s]*\d{4}.*$", "", head).strip(" .,") or None
    if not type_.startswith("mission."):
        return None
    mission = _MISSION_WORD.search(head, match.start(), match.end())
    return " ".join(mission.group().casefold().split()) if mission else None


def _persons(doc: Document, start: int, end: int) -> list[Person]:
    """People the evidence links to the Historian's pages, with the rank written before them."""
    out: list[Person] = []
    for anchor in doc.anchors:
        if start <= anchor.start and anchor.end <= end and "/people/" in anchor.target:
            rank = _RANK.search(doc.text, max(start, anchor.start - 60), anchor.start)
            role = " ".join(rank["rank"].split()) if rank else None
            person = Person(anchor.text, USA if role else None, role)
            if person not in out:
                out.append(person)
    return out


def _event(
    doc: Document,
    rule: HeadRule,
    parties: tuple[str | None, str | None, str],
    date: str,
    date_text: str | None,
    date_source: str,
    evidence: Evidence,
    persons: tuple[Person, ...],
    subject: str | None,
) -> Event:
    source, target, other = parties
    identity = f"{doc.id}|{rule.id}|{source}|{target}|{other}|{evidence.start}"
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        document=doc.id,
        type=rule.type,
        date=date,
        date_source="sentence" if date_source == "sentence" else "stated",
        modality="occurred",
        source=source,
        target=target,
        actors=tuple(sorted({USA, other})),
        persons=persons,
        quantity=None,
        subject=subject,
        evidence=evidence,
        rule=rule.id,
        confidence=CONFIDENCE,
        date_text=date_text,
    )
