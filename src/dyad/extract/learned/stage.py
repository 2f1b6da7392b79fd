"""The learned stage: events the rules did not read, told by the linear model of each type.

After the rules, the CAMEO patterns and the trigger lexicon have read the narrative, each
sentence that names a state of its passage's pair (or "the two countries") is a candidate for
that pair (:mod:`dyad.extract.learned.features`). Where the model tells a type that no event
already read in that sentence for that pair has, the stage adds an event of that type:

- its actors are the pair; for a directed type, the source is the pair's state named first
  as a subject (a state after "to", "in", "with", "from", "against" or "on" is the object);
- its date is the sentence's own first date, none where the sentence has none;
- its evidence is the whole sentence; its rule is ``learned.<type>`` and its confidence the
  model's probability, so that a user can tell it from a rule's event and filter on it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence

from dyad.extract.dates import TimeExpr
from dyad.extract.learned.features import Candidate, Marked, candidate
from dyad.extract.learned.model import LearnedModel
from dyad.extract.people import PersonMention
from dyad.extract.quantities import QuantityMention
from dyad.gazetteer.states import Mention
from dyad.model import Event, Evidence, Pair
from dyad.sentences import Sentence
from dyad.vocabulary import event_type

RULE_PREFIX = "learned."
_TOKEN = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|whereas|however|and\s+then|which|when)\b|\bbut\b")
# A beginning is an event only where the sentence dates it: "Mongolia maintains an embassy in
# London", "the two countries have diplomatic relations" tell a standing state, which the rules
# do not record as an opening either.
DATED_ONLY = frozenset(
    {"mission.opened", "envoy.accredited", "relations.established", "recognition.granted"}
)


def may_add(type_: str, features: Sequence[str], has_subject: bool) -> bool:
    """Whether the stage may add an event of ``type_`` to a candidate with ``features``
    (``has_subject``: whether a state of the pair is the subject of its main clause)."""
    if type_ in DATED_ONLY and "m:dates=0" in features:
        return False
    return has_subject or event_type(type_).direction != "directed"


def has_subject(text: str, cand: Candidate) -> bool:
    """Whether a state of the candidate's pair is the subject of its main clause."""
    return roles_of(text, cand) is not None


# A sentence that opens with a subordinate clause ("After Ukraine gained independence in 1991,
# the two countries ... in 1992"): the main clause's date is the event's.
_LEADING_CLAUSE = re.compile(
    r"(?:After|Following|Since|Before|When|Once|Despite|Upon|On\s+the\s+occasion\s+of"
    r"|In\s+the\s+wake\s+of|During)\b[^,;]{3,150},"
)
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
    pair_at: Callable[[int], Pair | None],
    skip: Callable[[int, int], bool],
    marks_of: Callable[[tuple[int, int], Pair], list[Marked]],
) -> list[Candidate]:
    """Every narrative sentence that names a state of its passage's pair, read for that pair."""
    out = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        pair = pair_at(s)
        if pair is None or skip(s, e):
            continue
        found = candidate(text, s, e, pair, marks_of((s, e), pair))
        if found is not None:
            out.append(found)
    return out


def roles_of(text: str, cand: Candidate) -> tuple[str, str] | None:
    """Source and target of a directed event: the state of the pair that is the subject of
    the sentence's main clause (a name or one of its people within its first words, after a
    date or a leading subordinate clause), the other its target; a passive ("was expelled
    by") turns them round. ``None`` where the subject is not a state of the pair."""
    a, b = cand.pair
    start = cand.start
    lead = _LEADING_CLAUSE.match(text, start, cand.end) or _LEADING_DATE.match(
        text, start, cand.end
    )
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


def _year(date: TimeExpr | None) -> int | None:
    """The first year of a date, if it names one."""
    if date is None:
        return None
    digits = date.start_value[:4]
    return int(digits) if digits.isdigit() else None


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


def _date(
    text: str, dates: Sequence[TimeExpr], cand: Candidate, anchor: int | None
) -> TimeExpr | None:
    """The sentence's own date nearest the word that tells the type (else the first of its
    main clause); none where the sentence has none (a date carried from the sentence before
    was wrong as often as right on the development sets)."""
    own = [d for d in dates if cand.start <= d.start and d.end <= cand.end and d.kind != "century"]
    if not own:
        return None
    if anchor is not None:
        return min(own, key=lambda d: (_distance(text, d, anchor), d.start))
    lead = _LEADING_CLAUSE.match(text, cand.start, cand.end)
    main = [d for d in own if lead is None or d.start >= lead.end()]
    return (main or own)[0]


def _distance(text: str, date: TimeExpr, anchor: int) -> int:
    """Characters between a date and the anchor, a clause boundary between them counting as
    a long way."""
    a, b = (date.end, anchor) if date.end <= anchor else (anchor, date.start)
    between = text[a:b]
    return (b - a) + 200 * len(_CLAUSE_BREAK.findall(between))


def learned_events(
    text: str,
    document_id: str,
    found: Sequence[Candidate],
    dates: Sequence[TimeExpr],
    read: Sequence[Event],
    model: LearnedModel,
    existed: Callable[[str, int], bool] = lambda code, year: True,
) -> list[Event]:
    """The events the model tells in the candidates that no read event has already told.

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
        roles = roles_of(text, cand)  # a directed act needs its actor told
        lo = bisect.bisect_left(starts, cand.start - longest)
        hi = bisect.bisect_left(starts, cand.end)
        have = {
            ev.type
            for ev in ordered[lo:hi]
            if cand.start < ev.evidence.end and set(cand.pair) <= set(ev.actors)
        }
        for type_, probability in told:
            if type_ in have or not may_add(type_, cand.features, roles is not None):
                continue
            anchor = _anchor(text, cand, model.types[type_].weights)
            date = _date(text, dates, cand, anchor)
            year = _year(date)
            if year is not None and not all(existed(code, year) for code in cand.pair):
                continue
            out.append(_event(text, document_id, cand, type_, probability, date, roles))
    return out


def _event(
    text: str,
    document_id: str,
    cand: Candidate,
    type_: str,
    probability: float,
    date: TimeExpr | None,
    roles: tuple[str, str] | None,
) -> Event:
    """The event of one type told in a candidate (``roles``: its subject and object, if any)."""
    told = roles if event_type(type_).direction != "reciprocal" else None
    source, target = told if told is not None else (None, None)
    identity = f"{document_id}|{RULE_PREFIX}{type_}|{cand.start}|{','.join(cand.pair)}"
    return Event(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        document=document_id,
        type=type_,
        date=date.edtf if date is not None else None,
        date_source=None if date is None else "sentence",
        modality="occurred",
        source=source,
        target=target,
        actors=tuple(sorted(cand.pair)),
        persons=(),
        quantity=None,
        subject=None,
        evidence=Evidence(text[cand.start : cand.end], cand.start, cand.end),
        rule=f"{RULE_PREFIX}{type_}",
        confidence=round(probability, 2),
        date_text=text[date.start : date.end] if date is not None else None,
    )
