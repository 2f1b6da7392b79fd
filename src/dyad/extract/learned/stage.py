"""The learned stage: events the rules did not read, told by the linear model of each type.

After the rules, the CAMEO patterns and the trigger lexicon have read the narrative, each
sentence that names a state of its passage's pair (or "the two countries") is a candidate for
that pair (:mod:`dyad.extract.learned.features`). Where the model tells a type that no event
already read in that sentence for that pair has, the stage adds an event of that type:

- its actors are the pair; for a directed type, the source is the pair's state named first
  as a subject (a state after "to", "in", "with", "from", "against" or "on" is the object);
- its date and modality are the rules', read at the word that weighs most for its type
  (:mod:`dyad.extract.learned.dating`);
- its evidence is the whole sentence; its rule is ``learned.<type>`` and its confidence the
  model's probability, so that a user can tell it from a rule's event and filter on it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence

from dyad.extract.dates import TimeExpr
from dyad.extract.learned.dating import (
    BEGINNINGS,
    LEADING_CLAUSE,
    Annotated,
    Dated,
    Setting,
    Settings,
    core_at,
    date_at,
    latest_year,
    main_clause_start,
    modality_at,
    quantity_at,
    within,
)
from dyad.extract.learned.features import Candidate, Marked, candidate, may_be_candidate
from dyad.extract.learned.model import LearnedModel
from dyad.extract.people import PersonMention
from dyad.extract.quantities import QuantityMention
from dyad.extract.tagging import inside_name
from dyad.gazetteer.states import Mention
from dyad.model import Event, Evidence, Modality, Pair, Quantity
from dyad.sentences import Sentence
from dyad.vocabulary import event_type

RULE_PREFIX = "learned."
_TOKEN = re.compile(r"[^\W\d_]+")
# A beginning is an event only where the sentence dates it: "Mongolia maintains an embassy in
# London", "the two countries have diplomatic relations" tell a standing state, which the rules
# do not record as an opening either.
DATED_ONLY = BEGINNINGS


def may_add(type_: str, features: Sequence[str], has_subject: bool) -> bool:
    """Whether the stage may add an event of ``type_`` to a candidate with ``features``
    (``has_subject``: whether a state of the pair is the subject of its main clause)."""
    if type_ in DATED_ONLY and "m:dates=0" in features:
        return False
    return has_subject or event_type(type_).direction != "directed"


def has_subject(text: str, cand: Candidate) -> bool:
    """Whether a state of the candidate's pair is the subject of its main clause."""
    return roles_of(text, cand) is not None


_PREPOSITIONS = frozenset(
    "to in into with from against on toward towards by at for of between among after before"
    " during since under over".split()
)
_LEADING_DATE = re.compile(
    r"\s*(?:(?:In|On|By|From|Since|As\s+of|Throughout)\s+)?(?:early\s+|late\s+|mid-?)?"
    r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}s?,?\s+"
)
_PASSIVE = re.compile(r"[^,;.]{0,40}?\b(?:was|were|is|are|has\s+been|had\s+been)\s+\w+ed\s+by\b")


def sentence_marks(
    span: tuple[int, int],
    pair: Pair,
    mentions: Sequence[Mention],
    people: Sequence[PersonMention],
    dates: Sequence[TimeExpr],
    quantities: Sequence[QuantityMention],
) -> list[Marked]:
    """What the sentence at ``span`` names, each as it stands to ``pair``."""
    s, e = span
    inside: list[Marked] = []
    for m in mentions:
        if s <= m.start and m.end <= e:
            inside.append(Marked(m.start, m.end, "pair" if m.code in pair else "other", m.code))
    for p in people:
        if s <= p.start and p.end <= e:
            kind = "pairperson" if p.state in pair else "person"
            inside.append(Marked(p.start, p.end, kind, p.state))
    for d in dates:
        if s <= d.start and d.end <= e:
            inside.append(Marked(d.start, d.end, "date"))
    for q in quantities:
        if s <= q.start and q.end <= e:
            inside.append(Marked(q.start, q.end, "qty"))
    return inside


def candidates(
    text: str,
    sentences: Sequence[Sentence],
    found: Annotated,
    pair_at: Callable[[int], Pair | None],
    skip: Callable[[int, int], bool],
) -> list[Candidate]:
    """Every narrative sentence that names both states of its passage's pair (or "the two
    countries") and no third one, read for that pair (``found``: what the text names;
    ``skip``: a heading or a hatnote). A state's name inside another name is none ("British
    Petroleum Corporation signed a contract with Iraq"), as the rules read it.

    A sentence is read in the order of what it costs: its states first (three sentences in
    four name fewer than two, or a third one: no candidate, whatever the pair), then its pair,
    then its marks and words (:func:`dyad.extract.learned.features.candidate`, which decides).
    """
    starts = [[x.start for x in xs] for xs in (found.mentions, found.people)]
    date_starts = [d.start for d in found.dates]
    quantity_starts = [q.start for q in found.quantities]
    out = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        m_lo, m_hi = bisect.bisect_left(starts[0], s), bisect.bisect_left(starts[0], e)
        p_lo, p_hi = bisect.bisect_left(starts[1], s), bisect.bisect_left(starts[1], e)
        mentions, people = found.mentions[m_lo:m_hi], found.people[p_lo:p_hi]
        codes: list[str | None] = []  # under two names, only "the two countries" may do
        if m_hi - m_lo + p_hi - p_lo >= 2:
            codes += [m.code for m in mentions if m.end <= e]
            codes += [p.state for p in people if p.end <= e]
        if not may_be_candidate(text, s, e, codes) or skip(s, e):
            continue
        named = [m for m in mentions if not inside_name(text, m.end)]
        if len({m.code for m in named if m.end <= e}) > 2:  # a third state, whatever the pair
            continue
        pair = pair_at(s)
        if pair is None:
            continue
        dates = within(found.dates, date_starts, s, e)
        quantities = within(found.quantities, quantity_starts, s, e)
        marks = sentence_marks((s, e), pair, named, people, dates, quantities)
        cand = candidate(text, s, e, pair, marks)
        if cand is not None:
            out.append(cand)
    return out


def roles_of(text: str, cand: Candidate) -> tuple[str, str] | None:
    """Source and target of a directed event: the state of the pair that is the subject of
    the sentence's main clause (a name or one of its people within its first words, after a
    date or a leading subordinate clause), the other its target; a passive ("was expelled
    by") turns them round. ``None`` where the subject is not a state of the pair."""
    a, b = cand.pair
    start = cand.start
    lead = LEADING_CLAUSE.match(text, start, cand.end) or _LEADING_DATE.match(text, start, cand.end)
    if lead is not None:
        start = lead.end()
    named = [m for m in cand.marks if m.kind in {"pair", "pairperson"} and m.start >= start]
    if not named:
        return None
    first = min(named, key=lambda m: m.start)
    words = text[start : first.start].split()
    if len(words) > 4 or any(w.lower().strip(",") in _PREPOSITIONS for w in words):
        return None
    code = first.code or a
    other = b if code == a else a
    if _PASSIVE.match(text, first.end, cand.end):
        return other, code
    return code, other


def _anchor(text: str, cand: Candidate, weights: Mapping[str, float]) -> int | None:
    """Where in the sentence the type is told: the word whose own weight for the type is the
    highest ("severed" for a severance in a sentence that also tells a restoration)."""
    best, at = 0.0, None
    for m in _TOKEN.finditer(text, cand.start, cand.end):
        word = m.group().lower()
        weight = weights.get(f"w:{word}", 0.0) + weights.get(f"p:{word[:5]}", 0.0)
        if weight > best:
            best, at = weight, m.start()
    return at


def _cores(
    text: str, setting: Setting, cand: Candidate, types: Sequence[str], model: LearnedModel
) -> dict[str, tuple[int, int]]:
    """Where each type told in a candidate stands in its tagged sentence: its anchor word, else
    the start of the main clause."""
    tagged = setting.tagged
    out = {}
    for type_ in types:
        at = _anchor(text, cand, model.types[type_].weights)
        word = _TOKEN.match(text, at) if at is not None else None
        core = core_at(tagged, at, word.end() - at) if at is not None and word else None
        if core is None:
            main = main_clause_start(tagged)
            core = (main, main)
        out[type_] = core
    return out


def learned_events(
    text: str,
    document_id: str,
    found: Sequence[Candidate],
    settings: Settings,
    read: Sequence[Event],
    model: LearnedModel,
    existed: Callable[[str, int], bool] = lambda code, year: True,
) -> list[Event]:
    """The events the model tells in the candidates that no read event has already told
    (``settings``: each sentence as the rules read it, for dates and modality).

    ``existed(code, year)``: whether a state existed in a year; an event dated before one of
    its pair existed is not between the two states ("The UK governed Kenya from 1895 to 1963"
    tells colonial rule, not an occupation of Kenya by the United Kingdom).
    """
    if not model.types:
        return []
    out: list[Event] = []
    ordered = sorted(read, key=lambda ev: ev.evidence.start)
    starts = [ev.evidence.start for ev in ordered]
    longest = max((ev.evidence.end - ev.evidence.start for ev in ordered), default=0)
    for cand in found:
        told = model.told(cand.features, cand.words)
        if not told:
            continue
        lo = bisect.bisect_left(starts, cand.start - longest)
        hi = bisect.bisect_left(starts, cand.end)
        have = {
            ev.type
            for ev in ordered[lo:hi]
            if cand.start < ev.evidence.end and set(cand.pair) <= set(ev.actors)
        }
        fresh = [(type_, probability) for type_, probability in told if type_ not in have]
        if not fresh:  # what the model tells, the rules mostly read already
            continue
        roles = roles_of(text, cand)  # a directed act needs its actor told
        added = [
            (type_, probability)
            for type_, probability in fresh
            if may_add(type_, cand.features, roles is not None)
        ]
        if added:
            setting = settings(cand.start, cand.end)
            out.extend(_told(text, document_id, cand, setting, added, model, roles, existed))
    return out


def _told(
    text: str,
    document_id: str,
    cand: Candidate,
    setting: Setting,
    added: Sequence[tuple[str, float]],
    model: LearnedModel,
    roles: tuple[str, str] | None,
    existed: Callable[[str, int], bool],
) -> list[Event]:
    """The events of the types (with their probabilities) added in one candidate, each dated
    and its modality read at its anchor; none dated wholly before one of its pair existed, nor
    over a span that ends the year one of them began ("The UK governed Uganda from 1894 to
    1962, when Uganda achieved full independence" tells colonial rule)."""
    out = []
    cores = _cores(text, setting, cand, [t for t, _ in added], model)
    for type_, probability in added:
        others = [c for t, c in cores.items() if t != type_ and c != cores[type_]]
        date = date_at(text, setting, cores[type_], others, type_)
        year = latest_year(date[0]) if date[0] else None
        if year is not None and "/" in (date[0] or ""):
            # a span that ends the year a state began tells what came before it (``existed``
            # allows a year of slack before a state's first year: two years back is before it)
            year -= 2
        if year is not None and not all(existed(code, year) for code in cand.pair):
            continue
        quantity = quantity_at(text, setting, cores[type_], type_)
        told_as = (date, modality_at(setting, cores[type_], type_), roles, quantity)
        out.append(_event(text, document_id, cand, type_, probability, told_as))
    return out


def _event(
    text: str,
    document_id: str,
    cand: Candidate,
    type_: str,
    probability: float,
    told_as: tuple[Dated, Modality, tuple[str, str] | None, QuantityMention | None],
) -> Event:
    """The event of one type told in a candidate, with its date, modality, roles (its
    subject and object, if any) and quantity."""
    (date, source_of_date, date_text), modality, roles, counted = told_as
    told = roles if event_type(type_).direction != "reciprocal" else None
    source, target = told if told is not None else (None, None)
    identity = f"{document_id}|{RULE_PREFIX}{type_}|{cand.start}|{','.join(cand.pair)}"
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        document=document_id,
        type=type_,
        date=date,
        date_source=source_of_date,
        modality=modality,
        source=source,
        target=target,
        actors=tuple(sorted(cand.pair)),
        persons=(),
        quantity=Quantity(counted.amount, counted.of) if counted is not None else None,
        subject=None,
        evidence=Evidence(text[cand.start : cand.end], cand.start, cand.end),
        rule=f"{RULE_PREFIX}{type_}",
        confidence=round(probability, 2),
        date_text=date_text,
    )
