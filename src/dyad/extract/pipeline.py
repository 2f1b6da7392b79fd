"""Document -> records: the extraction stages in order, as one pure function.

:func:`extract` reads the document's structure and text once (state mentions, link
previews, people, dates, periods, quantities), then runs the event rules sentence by sentence,
the relations tables, the terms of office and the entities, and returns an
:class:`Extraction`. Nothing here does I/O; the same document gives the same records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dyad.extract.cameo.leaders import with_leaders
from dyad.extract.cameo.matching import TOKEN, token
from dyad.extract.cameo.verbs import VerbPatterns, verb_patterns
from dyad.extract.context import Context
from dyad.extract.dates import TimeExpr, find_dates
from dyad.extract.enumerations import enumerated_events
from dyad.extract.events import _TIME_SHIFT, EventEngine
from dyad.extract.glossinfo import GlossFacts, describe
from dyad.extract.learned.dating import Annotated, Settings, sentence_settings, within
from dyad.extract.learned.features import Candidate
from dyad.extract.learned.model import LearnedModel, learned_model
from dyad.extract.learned.stage import candidates, learned_events
from dyad.extract.people import PersonMention, find_people
from dyad.extract.periods import find_periods, gloss_periods
from dyad.extract.pocom import CURATED_FORMATS, extract_curated
from dyad.extract.quantities import QuantityMention, find_quantities
from dyad.extract.rules import Rule, builtin_rules
from dyad.extract.tables import table_events
from dyad.extract.triggers import TriggerLexicon, trigger_lexicon
from dyad.gazetteer import Gazetteer, StateKind, default_gazetteer
from dyad.gazetteer.states import Mention
from dyad.model import Document, Entity, Event, Pair, Person, Tenure
from dyad.read.hatnotes import is_hatnote
from dyad.sentences import Sentence, split_sentences

# A hatnote ("Main articles: ...", "See also: ...") is navigation, not narrative: no event in it.
_HATNOTE = re.compile(
    r"\W*(?:Main articles?|Further information|See also|For more information)\s*:"
)


# A visit is a state's: its official, its delegation or the state itself goes. Private people
# who "visit" a country ("100,000 Israeli tourists visit Thailand annually", "7,000 British
# citizens visit Mongolia each year") travel; that is no visit between states.
_PRIVATE_VISITORS = (
    "tourists|holidaymakers|backpackers|travell?ers|visitors|pilgrims|students|volunteers"
    "|fans|athletes|scholars|academics|researchers|artists|musicians|businessmen"
    "|businesspeople|missionaries|migrants|immigrants|refugees|nationals|citizens|people"
)
_VISIT_VERB = re.compile(
    rf"\b(?P<subject>{_PRIVATE_VISITORS})?(?:\s+from\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"\s*(?:(?:also|have|had|can|could|may|each|often|"
    r"regularly|\w+ly)\s+){0,2}(?:visited|visit|visits|visiting|toured|tour)\b",
    re.IGNORECASE,
)


# "X asked Y to recall its ambassador", "X urged Y to expel ...": the act is asked of another,
# X only demands it. A recall, expulsion or closure in such a complement is not X's act.
_ASKED_TO = re.compile(
    r"\b(?:asked|urged|requested|called\s+(?:on|upon)|pressed|pressured|demanded\s+that)"
    r"\s+(?:[^\s.;]+\s+){1,4}?to\s+(?:recall|withdraw|expel|close|shut)\b",
    re.IGNORECASE,
)
_ASKABLE = frozenset({"envoy.recalled", "diplomats.expelled", "mission.closed"})


def _asked_of_another(text: str, event: Event) -> bool:
    """A recall, expulsion or closure that its clause asks of another state."""
    if event.type not in _ASKABLE:
        return False
    return _ASKED_TO.search(text, event.evidence.start, event.evidence.end) is not None


def _private_visit(text: str, event: Event) -> bool:
    """A visit whose every visiting verb in its evidence has private people as its subject."""
    if event.type != "visit":
        return False
    found = list(_VISIT_VERB.finditer(text, event.evidence.start, event.evidence.end))
    return bool(found) and all(m.group("subject") for m in found)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    dyad: Pair | None
    subject: str | None
    events: tuple[Event, ...]
    tenures: tuple[Tenure, ...]
    entities: tuple[Entity, ...]
    people: tuple[PersonMention, ...]
    facts: dict[int, GlossFacts]


def _is_state(gazetteer: Gazetteer, code: str) -> bool:
    state = gazetteer.get(code)
    return state is not None and state.kind != StateKind.ORGANISATION


# Who may be a party to a narrative event: states, former states and partially recognised ones.
# A dependent territory (Puerto Rico, Greenland, Hong Kong) is governed by its sovereign: it
# trades, migrates and is visited, but prose events between it and a state are not dyadic
# events between states. A relations table's row for one is kept as it stands. A state in free
# association (the Cook Islands, Niue) conducts its own foreign relations: a party.
_NARRATIVE_PARTIES = frozenset(
    {StateKind.STATE, StateKind.FORMER, StateKind.PARTIAL, StateKind.ASSOCIATED}
)


def _is_narrative_party(gazetteer: Gazetteer, code: str) -> bool:
    state = gazetteer.get(code)
    if state is None:
        return False
    return state.kind in _NARRATIVE_PARTIES


def gloss_facts(doc: Document, gazetteer: Gazetteer) -> dict[int, GlossFacts]:
    """What each anchored gloss says, keyed by the anchor's start offset."""
    facts: dict[int, GlossFacts] = {}
    for gloss in doc.glosses:
        if gloss.start is None or gloss.start in facts:
            continue
        markup = bool({"markup", "disambiguation"} & set(gloss.flags))
        facts[gloss.start] = describe(gloss.text, gazetteer, markup=markup)
    return facts


@dataclass(frozen=True, slots=True)
class _Annotations:
    """What the text says before any rule runs, each list sorted by start."""

    mentions: list[Mention]
    people: list[PersonMention]
    dates: list[TimeExpr]
    quantities: list[QuantityMention]
    periods: list[tuple[int, int, str]]
    sentences: list[Sentence]  # read by the rules, then by the learned stage


def _state_mentions(doc: Document, gaz: Gazetteer, facts: dict[int, GlossFacts]) -> list[Mention]:
    """The states the text names, outside people's linked names, organisations left out."""
    # A state's name inside a person's linked name ("Georgia Smith") is not a state mention.
    person_spans = [
        (a.start, a.end)
        for a in doc.anchors
        if a.start in facts and facts[a.start].type == "person"
    ]
    # Organisations (the EU, the UN) are not states: they take no part in dyadic events.
    return [
        m
        for m in gaz.find_mentions(doc.text)
        if not any(a <= m.start and m.end <= b for a, b in person_spans)
        and _is_state(gaz, m.code)
        and not _place_in_a_name(doc.text, m)
    ]


# A capital that names an agreement or a meeting ("the Moscow Peace Treaty", "the Bishkek
# Declaration", "the Paris Climate Change Agreement", "the Treaty of Paris") names where it was
# made, not a party to it; so does one before a summit or conference in lower case ("At the 2008
# Bucharest summit, NATO invited Albania", "the 1991 Madrid conference").
_NAMED_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}?(?:Peace\s+)?(?:Treaty|Accords?|Agreement|Protocol|Declaration|Conference|Summit"
    r"|summit|conference"
    r"|Process|Pact|Convention|Charter|Communiqu[ée])\b"
)
_NAMED_OF = re.compile(
    r"\b(?:Treaty|Accords?|Protocol|Declaration|Conference|Summit|Pact|Convention|Charter"
    r"|Congress|Peace)\s+of\s+$"
)


def _place_in_a_name(text: str, mention: Mention) -> bool:
    if mention.kind != "capital":
        return False
    return bool(
        _NAMED_AFTER.match(text, mention.end)
        or _NAMED_OF.search(text, max(0, mention.start - 30), mention.start)
    )


def _annotate(doc: Document, gaz: Gazetteer, facts: dict[int, GlossFacts]) -> _Annotations:
    """The state mentions, people, dates, quantities (not inside a date) and named periods."""
    text = doc.text
    mentions = _state_mentions(doc, gaz, facts)
    people = find_people(text, doc.anchors, facts, mentions, gaz)
    dates = find_dates(text)
    people = with_leaders(text, people, mentions, dates)  # hook: CAMEO leaders, dated
    years = frozenset(d.start for d in dates if d.kind in {"year", "range", "open"})
    taken = bytearray(len(text))
    for d in dates:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    quantities = [q for q in find_quantities(text, years=years) if not any(taken[q.start : q.end])]
    periods = find_periods(text, gloss_periods(doc.glosses))
    return _Annotations(mentions, people, dates, quantities, periods, split_sentences(text))


# A heading that names a bound ("Bilateral relations prior to 2021", "Foreign policy since 1969",
# "Post-2003 relations", "2021–present"): the events under it happened at some time on one side
# of that year, not in it, and not over the whole open interval.
_HEADING_BOUND = re.compile(r"\b(?:prior\s+to|before|after|since|until|till|pre|post)\b\D*$", re.I)


def _heading_dates(doc: Document) -> list[tuple[int, int, str]]:
    """Each section (start, end) whose heading names a date, with that date; not a bound."""
    heading_dates: list[tuple[int, int, str]] = []
    for section in doc.sections:
        title = section.title
        found = [
            d
            for d in find_dates(title)
            if d.kind not in {"century", "open"}
            and (d.kind == "range" or not _HEADING_BOUND.search(title, 0, d.start))
        ]
        if found:
            heading_dates.append((section.start, section.end, found[0].edtf))
    return heading_dates


def _heading_date(heading_dates: list[tuple[int, int, str]], offset: int) -> str | None:
    """The date of the innermost dated section around ``offset``."""
    best = None
    for start, end, value in heading_dates:
        if start <= offset < end:
            best = value
    return best


def _next_previous_date(
    text: str,
    sentence: tuple[int, int],
    sentence_dates: list[TimeExpr],
    sentence_periods: list[tuple[int, int, str]],
    previous_date: tuple[str, str] | None,
) -> tuple[str, str] | None:
    """The date the next sentence may take: this one's last date or period, else none where
    it moves the time, else the one before's."""
    s, e = sentence
    own = [(d.end, d.edtf, d.start) for d in sentence_dates]
    own += [(end, value, start) for start, end, value in sentence_periods]
    if own:
        end, value, start = max(own)
        return (value, text[start:end])
    if _TIME_SHIFT.search(text, s, e):
        return None  # "Today in Ulaanbaatar ...": the narrative left its time
    return previous_date


def _navigation(text: str, start: int, end: int, heading_spans: set[tuple[int, int]]) -> bool:
    """Whether a sentence is a heading or a hatnote ("Main article: X", "See A and B" in a
    table cell: "See Lebanon–Saudi Arabia relations and 2017 Lebanon–Saudi Arabia dispute"),
    which tell no event."""
    if (start, end) in heading_spans or _HATNOTE.match(text, start):
        return True
    return text.startswith("See", start) and is_hatnote(text[start:end])


def _narrative_events(
    doc: Document,
    found: _Annotations,
    engine: EventEngine,
    matchers: tuple[VerbPatterns, TriggerLexicon],
    settings: Settings,
) -> list[Event]:
    """The events of the narrative, sentence by sentence (headings and hatnotes left out): the
    rules, the CAMEO verb patterns and the trigger lexicon over each tagged sentence, with the
    date of the sentence before in the same paragraph."""
    text = doc.text
    verbs, triggers = matchers
    heading_spans = {(s.start, s.title_end) for s in doc.sections}
    dates, periods = found.dates, found.periods
    date_starts = [d.start for d in dates]
    period_starts = [p[0] for p in periods]

    events: list[Event] = []
    previous_date: tuple[str, str] | None = None
    previous_end = 0
    for sentence in found.sentences:
        if _navigation(text, sentence.start, sentence.end, heading_spans):
            previous_date = None
            continue
        s, e = sentence.start, sentence.end
        if "\n" in text[previous_end:s] or "\t" in text[previous_end:s]:
            previous_date = None  # a new paragraph, item or cell
        previous_end = e
        sentence_dates = [d for d in within(dates, date_starts, s, e) if d.end <= e]
        sentence_periods = [p for p in within(periods, period_starts, s, e) if p[1] <= e]
        # Tagging is the costly part; a sentence without any rule's words is not tagged.
        plain = text[s:e]
        if engine.could_match(plain) or verbs.could_match(plain) or triggers.could_match(plain):
            setting = settings(s, e)
            tagged = setting.tagged
            tokens = [token(m) for m in TOKEN.finditer(tagged.string)]
            cameo = verbs.matches(tagged, tokens)  # hook: CAMEO verb patterns (low priority)
            cameo += triggers.matches(tagged, tokens)  # the trigger lexicon (lowest priority)
            events.extend(engine.events(text, tagged, setting.heading_date, previous_date, cameo))
        previous_date = _next_previous_date(
            text, (s, e), sentence_dates, sentence_periods, previous_date
        )
    return events


def _existed_in(gaz: Gazetteer) -> Callable[[str, int], bool]:
    """Whether a state existed in a year (``membership.existed_in``; unknown codes did)."""
    from dyad.membership import existed_in

    def existed(code: str, year: int) -> bool:
        state = gaz.get(code)
        return state is None or existed_in(state, year)

    return existed


def _kept(doc: Document, gaz: Gazetteer, context: Context, events: list[Event]) -> list[Event]:
    """The narrative's events whose parties may be parties and whose act is the state's.

    A bloc or organisation named by a section or row (CARICOM, the CIS) is no party to the
    narrative's dyadic events either, nor a dependent territory, unless the document is about
    it ("Hong Kong–Israel relations" treats Hong Kong as an actor, and so do its events); a
    relations table's row for one is kept as it stands. Private people's visits and acts asked
    of another state are no events of the state.
    """
    own = {*(context.document_dyad or ()), context.subject}
    return [
        ev
        for ev in events
        if all(
            _is_narrative_party(gaz, code) or (code in own and _is_state(gaz, code))
            for code in ev.actors
        )
        and not _private_visit(doc.text, ev)
        and not _asked_of_another(doc.text, ev)
    ]


def _candidates(doc: Document, found: _Annotations, context: Context) -> list[Candidate]:
    """The narrative's sentences (no heading or hatnote; a table's notes cell holds prose
    too) that name a state of their passage's pair, as the learned stage reads them."""
    text = doc.text
    heading_spans = {(s.start, s.title_end) for s in doc.sections}

    def skip(s: int, e: int) -> bool:
        return _navigation(text, s, e, heading_spans)

    named = Annotated(found.mentions, found.people, found.quantities, found.dates, found.periods)
    return candidates(text, found.sentences, named, context.dyad_at, skip)


def narrative_candidates(doc: Document, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """The learned stage's candidates of a document (for training and inspection)."""
    gaz = gazetteer or default_gazetteer()
    facts = gloss_facts(doc, gaz)
    return _candidates(doc, _annotate(doc, gaz, facts), Context(doc, gaz))


def extract(
    doc: Document,
    *,
    rules: Sequence[Rule] | None = None,
    gazetteer: Gazetteer | None = None,
    verbs: VerbPatterns | None = None,
    triggers: TriggerLexicon | None = None,
    learned: LearnedModel | None = None,
) -> Extraction:
    """Extract events, terms of office and entities from one document, in phases: what the
    text names (:func:`_annotate`), the narrative's events sentence by sentence, the relations
    tables' and enumerations' events, the terms of office and the entities.

    ``verbs``: the CAMEO verb patterns to use beside the rules (default: the built-in ones;
    :data:`dyad.extract.cameo.verbs.NO_VERB_PATTERNS` for none). ``triggers``: the trigger
    lexicon (default :func:`dyad.extract.triggers.trigger_lexicon`;
    :data:`dyad.extract.triggers.NO_TRIGGERS` for none). ``learned``: the learned model of
    :mod:`dyad.extract.learned` (default the shipped one;
    :data:`dyad.extract.learned.model.NO_MODEL` for none).
    """
    from dyad.extract.entities import find_entities
    from dyad.extract.tenures import find_tenures

    gaz = gazetteer or default_gazetteer()
    if doc.format in CURATED_FORMATS:  # the Office of the Historian: structured, not prose
        return extract_curated(doc, gaz)
    rules = builtin_rules() if rules is None else rules
    verbs = verb_patterns() if verbs is None else verbs
    triggers = trigger_lexicon() if triggers is None else triggers
    learned = learned_model() if learned is None else learned
    context = Context(doc, gaz)
    facts = gloss_facts(doc, gaz)
    found = _annotate(doc, gaz, facts)
    mentions, people = found.mentions, found.people
    people_before = [(p.start, Person(p.name, p.state, p.role)) for p in people]
    names = {m.code: st.short_name for m in mentions if (st := gaz.get(m.code)) is not None}
    engine = EventEngine(rules, context, doc.id, people_before, names)
    heading_dates = _heading_dates(doc)
    settings = sentence_settings(  # each sentence as the rules and the learned stage read it
        doc.text,
        Annotated(found.mentions, people, found.quantities, found.dates, found.periods),
        lambda offset: _heading_date(heading_dates, offset),
    )
    events = _narrative_events(doc, found, engine, (verbs, triggers), settings)
    events = _kept(doc, gaz, context, events)
    events.extend(table_events(doc, context, gaz))
    events.extend(enumerated_events(doc, context, gaz, people))
    if learned.types:  # last: it adds only what no other stage read in the sentence
        told = _candidates(doc, found, context)
        added = learned_events(doc.text, doc.id, told, settings, events, learned, _existed_in(gaz))
        events.extend(_kept(doc, gaz, context, added))
    events.sort(key=lambda ev: (ev.evidence.start, ev.id))

    tenures = find_tenures(doc, context, gaz)
    entities = find_entities(doc, facts, people, mentions, gaz)
    return Extraction(
        document=doc,
        dyad=context.document_dyad,
        subject=context.subject,
        events=tuple(events),
        tenures=tuple(tenures),
        entities=tuple(entities),
        people=tuple(people),
        facts=facts,
    )
