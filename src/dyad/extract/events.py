"""The event engine: rules over tagged sentences -> events with roles, dates and evidence.

For each sentence the engine matches every rule (:mod:`dyad.extract.rules`) over the tagged
sentence (:mod:`dyad.extract.tagging`); where matches overlap, the higher priority (then the
longer match) wins. Each kept match becomes an event:

* **roles**: the rule's captured actors; a missing source is the nearest actor before the
  trigger in its clause (the subject), a missing target the first actor after it (the
  object), then a state counted inside the quantity ("two North Korean diplomats"), then the
  other state of the pair the passage is about (:mod:`dyad.extract.context`). "The two
  countries" is that pair; "the country" is its member that is not the other role; "he" is
  the last person named. A person stands for their state and is listed among ``persons``.
* **date**: the nearest date in the clause (``stated``), else in the sentence (``sentence``),
  else in the section heading (``heading``); explicit dates before named periods. A date in a
  relative clause after the trigger, or past another event's trigger, is not the trigger's.
* **modality**: negation, cancellation, plans and conditionals before the trigger.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from dyad.extract.context import Context, Pair, Region
from dyad.extract.dates import lower_year, month_of
from dyad.extract.modality import modality_of
from dyad.extract.plan import plan_rules
from dyad.extract.rules import Rule
from dyad.extract.tagging import Tag, Tagged
from dyad.model import DateSource, Event, Evidence, Modality, Person, Quantity
from dyad.vocabulary import EVENT_TYPES

# Between a date and the trigger: "... on 5 September 1991 and | re-established relations".
# Only a point in time carries over to the next sentence: not a period or an open range.
_POINT_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_CLIMATE = frozenset({"relations.improved", "relations.deteriorated"})
_OTHER_PREDICATE = re.compile(r"\b(?:and|but|then|before|after)\s+(?:\w+\s+)?$")
# What makes the actor after it an object, not a subject: a preposition or a past-tense verb.
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|of|for|by|from|in|on|at|against|between|into|towards?|than|over|under"
    r"|helped|supported|invited|visited|met|urged|asked|told|joined|and\s+with"
    # "Switzerland recognized Ukraine in 1991 and opened an embassy": Ukraine is an object.
    r"|recogni[sz]ed|established|signed|opened|closed|expelled|attacked|invaded|occupied"
    r"|condemned|critici[sz]ed|hosted|received|accused|defeated|annexed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the second state after the United States and the first ...", "second only to X, behind Y,":
# a preposition's object; "after Vanuatu had established ...", "following Latvia's
# independence": not read as one (a verb or a possession follows).
_AFTER_BEFORE = re.compile(r"\b(?:after|behind)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_NEXT = re.compile(r"\s*(?:,|and\b|to\b|\.|$)")


# A relative clause begins: its dates belong to its own verb ("which he did in March 2008" tells
# the same act again, and its date is the act's).
_RELATIVE = re.compile(
    r",\s+(?:which|where|who|whom|whose)\b"
    r"(?!\s+(?:[\w⟨⟩]+\s+)?(?:did|does|do|happened|occurred|took\s+place)\b)",
    re.IGNORECASE,
)
# Two verbs that share what follows them: "were severed and restored in 1994".
_SHARED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:(?:later|then|again|were|was)\s+)*", re.I)


def _beyond_other_verb(
    string: str,
    core: tuple[int, int],
    date: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> bool:
    """Whether another event's verb stands between ``core`` and a date after it, in a conjunct of
    its own (not one that shares the date with ``core``: "severed and restored in October
    1994"). A date before the trigger is left to ``_OTHER_PREDICATE``: "In 1975, following a
    visit by X, an agreement was signed" dates the agreement."""
    _, b = core
    s, _ = date
    return any(b <= oa and ob <= s and not _SHARED.fullmatch(string, b, oa) for oa, ob in others)


# What sets a verb apart from the date of the one before it: "established in 1982 after having
# been suspended"; not "when", which dates both ("established relations on 8 June 1961 when the
# ambassador presented his credentials").
_SEQUENCE_BEFORE = re.compile(r"\s*,?\s*(?:after|before|and|but|then|until)\b", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s*(?:(?:in|on|since|by)\s+)?(?:the\s+)?")


def _complement_of_other(
    string: str, date: tuple[int, int], others: Sequence[tuple[int, int]]
) -> bool:
    """Whether the date right follows another event's verb ("were established in 1982 after
    having been suspended since 1536": 1982 is the establishment's)."""
    s, _ = date
    return any(ob <= s and _COMPLEMENT.fullmatch(string, ob, s) for _, ob in others)


def _is_object(string: str, start: int, end: int) -> bool:
    """Whether the actor at ``string[start:end]`` is the object of a verb or preposition."""
    before = string[:start]
    if _OBJECT_BEFORE.search(before):
        return True
    # Only the last words before the actor matter ("after the "): no scan of the whole prefix.
    return bool(_AFTER_BEFORE.search(before[-20:])) and bool(_LIST_NEXT.match(string, end))


_TIME_SHIFT = re.compile(
    r"\b(?:previously|earlier|before|prior|formerly|originally|initially|later|subsequently"
    r"|afterwards?|eventually|since|today|currently|now|recently|ever|already|traditionally"
    r"|historically|long|always|never|there\s+(?:are|is)|in\s+the\s+past|in\s+recent\s+years)\b",
    re.IGNORECASE,
)
# "on 21–22 May": a day of some year the sentence does not say; no year is inferred for it.
# "Later that year", "in the same year": the sentence before gives the year, whatever else moves.
_SAME_YEAR = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|in\s+the\s+same|the\s+same)\s+year"
    r"|(?:in\s+)?(?:that|the)\s+same\s+year)\b",
    re.IGNORECASE,
)
# A state of things in the present ("the two countries have a Double Taxation Agreement",
# "Cuba is a member of ..."): no time of the sentence before carries over to it.
_PRESENT = re.compile(r"\b(?:have|has|is|are)\b")
_DAY_WITHOUT_YEAR = re.compile(
    r"\b\d{1,2}(?:\s?[–-]\s?\d{1,2})?\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b(?!,?\s+⟨D)|\b(?:January|February|March|April"
    r"|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b"
)
_COORDINATED_BEFORE = re.compile(
    r"\s*(?:(?:in|on)\s+)?⟨D\d+⟩(?:\s*(?:,|and|,\s*and)\s*(?:again\s+|also\s+|later\s+)?"
    r"(?:(?:in|on)\s+)?⟨D\d+⟩)+\s*,",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"^(?:\s*(?:,|and|,\s*and|or)\s*(?:again\s+|also\s+|later\s+)?(?:(?:in|on)\s+)?⟨D\d+⟩)+"
)

# "visits by Hillary Clinton in November 2010, Secretary of Defense Chuck Hagel in August 2013,
# and John Kerry in October 2013": each date after a name (capitalised words only) is one more.
_COORDINATED_NAMED = re.compile(
    r"^(?:\s*(?:,|and|,\s*and)\s*(?:then\s+)?(?:(?:(?-i:[A-Z])[\w.'’-]*|⟨P\d+⟩)\s+(?:of\s+|for\s+)?){1,7}"
    r"(?:in|on)\s+⟨D\d+⟩)+"
)


@dataclass(frozen=True, slots=True)
class _Match:
    rule: Rule
    match: re.Match[str]
    core: tuple[int, int]


def _without_overlaps(matches: list[_Match]) -> list[_Match]:
    """The matches (best first) that no better one overlaps."""
    kept: list[_Match] = []
    for candidate in matches:
        a, b = candidate.core
        if not any(a < k.core[1] and k.core[0] < b for k in kept):
            kept.append(candidate)
    return kept


def _core(m: re.Match[str]) -> tuple[int, int]:
    """The match without role captures at its edges: what the trigger words themselves cover
    (the ``trigger`` group where the rule names its verb)."""
    if m.groupdict().get("trigger"):
        return m.start("trigger"), m.end("trigger")
    start, end = m.start(), m.end()
    for name, value in m.groupdict().items():
        if value is None or name in {"subject"}:
            continue
        if m.start(name) == start:
            start = m.end(name)
        if m.end(name) == end:
            end = m.start(name)
    if start >= end:
        return m.start(), m.end()
    while start < end and m.string[start].isspace():
        start += 1
    return start, end


# Where one clause ends and the next, with its own verb and time, begins.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:but|while|whereas|before|although|though|and\s+later|and\s+then|after\s+which)\s"
)


def _clauses(string: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(string):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(string)))
    return out


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= position <= end:
            return start, end
    return clauses[-1]


def _tag_positions(tagged: Tagged) -> list[tuple[Tag, int, int]]:
    """Each tag with its start and end in the tagged string."""
    out = []
    for m in re.finditer(r"⟨([SPCQD])(\d+)⟩", tagged.string):
        tag = tagged.tags[int(m.group(2))]
        out.append((tag, m.start(), m.end()))
    return out


@dataclass
class _Resolved:
    states: list[str]
    persons: list[Person]
    other: bool = False  # "the country": resolved once the other role is known


@dataclass
class _Scene:
    """What one match's phases share: where it stands, and what they find along the way."""

    dyad: Pair | None
    clause: tuple[int, int]
    positions: list[tuple[Tag, int, int]]
    in_clause: list[tuple[Tag, int, int]]
    actors: list[tuple[Tag, int, int]]  # states, people and references in the clause
    lone: bool  # the clause names at most one state, after no "many countries"
    persons: list[Person] = field(default_factory=list)
    others: list[tuple[int, int]] = field(default_factory=list)  # the other events' verbs
    defaults: int = 0  # roles filled in by default: each lowers the confidence


def _subject_text(text: str, tagged: Tagged, match: _Match) -> str | None:
    """The rule's fixed qualifier, or the captured one read from the clean text ("the
    25-point Ulaanbaatar Declaration"), not the tagged string."""
    m = match.match
    if not m.groupdict().get("subject"):
        return match.rule.subject
    start, end = tagged.offset(m.start("subject")), tagged.end_offset(m.end("subject"))
    return " ".join(text[start:end].split())


class EventEngine:
    """Applies rules to one document's tagged sentences."""

    def __init__(
        self,
        rules: Sequence[Rule],
        context: Context,
        document_id: str,
        people_before: Sequence[tuple[int, Person]],
        names: Mapping[str, str] | None = None,
    ) -> None:
        """``names`` gives each state's short name ("North Korea"), for "the North"."""
        self._names = dict(names or {})
        self.rules = sorted(rules, key=lambda r: -r.priority)
        self._plan, self._words, self._contained, self._always, self._by_word = plan_rules(
            tuple(self.rules)
        )
        self.context = context
        self.document_id = document_id
        self._people_before = people_before

    # ------------------------------------------------------------------ matching

    def could_match(self, sentence: str) -> bool:
        """Whether any rule could match this (untagged) sentence: one of its words occurs.

        Tags only replace mentions, so a word absent from the sentence is absent from its
        tagged form too; a False here is safe.
        """
        if self._always:
            return True
        return self._words is not None and self._words.search(sentence.casefold()) is not None

    def events(
        self,
        text: str,
        tagged: Tagged,
        heading_date: str | None,
        previous_date: tuple[str, str] | None = None,
        extra: Sequence[tuple[Rule, re.Match[str]]] = (),
    ) -> list[Event]:
        """The events of one tagged sentence.

        ``extra`` are matches found by another matcher (the CAMEO verb patterns of
        :mod:`dyad.extract.cameo.verbs`); they compete with the rules' matches by priority.

        ``previous_date`` is the last date of the sentence before, in the same paragraph: a
        sentence without a date of its own and without a word that moves the time ("later",
        "previously") happened then (``inferred``).
        """
        matches: list[_Match] = []
        hits: set[str] = set()
        if self._words is not None:
            for hit in self._words.finditer(tagged.string.casefold()):
                hits |= self._contained[hit.group()]
        chosen = set(self._always)
        for word in hits:
            chosen.update(self._by_word[word])
        for index in sorted(chosen):
            rule, pattern, _ = self._plan[index]
            for m in pattern.finditer(tagged.string):
                if m.end() <= m.start():
                    continue
                if rule.sentence is not None and not rule.sentence.search(tagged.string):
                    break
                if rule.quantity_of is not None:
                    q = self._quantity(tagged, m)
                    counted = q.quantity.of if q is not None and q.quantity else ""
                    if not rule.quantity_of.search(counted):
                        continue
                matches.append(_Match(rule, m, _core(m)))
        matches.extend(_Match(rule, m, _core(m)) for rule, m in extra)  # hook: CAMEO verbs
        matches.sort(key=lambda x: (-x.rule.priority, -(x.core[1] - x.core[0]), x.core[0]))
        kept = _without_overlaps([x for x in matches if not x.rule.overlaps])
        # A rule that tells a second event by the same words competes only with its kind.
        kept += _without_overlaps([x for x in matches if x.rule.overlaps])
        kept.sort(key=lambda x: x.core[0])
        cores = [x.core for x in kept]
        groups = [
            self._build(text, tagged, match, heading_date, previous_date, cores) for match in kept
        ]
        return _merge(groups)

    # ------------------------------------------------------------------ roles

    def _person_before(self, offset: int) -> Person | None:
        best = None
        for position, person in self._people_before:
            if position < offset and offset - position < 800:
                best = person
            elif position >= offset:
                break
        return best

    def _partner(self, dyad: Pair | None, state: str | None, lone: bool) -> str | None:
        """The other member of the passage's pair; where a "Foreign relations of X" page names
        no partner for the passage, X itself is the partner of a state named ``lone``ly (the
        only state of its clause, after no subject such as "many countries")."""
        if dyad is not None:
            return _other(dyad, state)
        subject = self.context.subject
        if lone and subject is not None and state is not None and state != subject:
            return subject
        return None

    def _resolve(self, tag: Tag, dyad: Pair | None) -> _Resolved:
        if tag.kind == "S" and tag.state:
            return _Resolved([tag.state], [])
        if tag.kind == "P" and tag.person is not None:
            p = tag.person
            person = Person(p.name, p.state, p.role)
            return _Resolved([p.state] if p.state else [], [person])
        if tag.kind == "C":
            if tag.coref == "pair":
                return _Resolved(list(dyad) if dyad else [], [])
            if tag.coref == "other":
                return _Resolved([], [], other=True)
            if tag.coref in {"north", "south"}:
                word = "North " if tag.coref == "north" else "South "
                named = [c for c in dyad or () if self._names.get(c, "").startswith(word)]
                return _Resolved(named[:1], [])
            before = self._person_before(tag.start)
            if before is not None:
                return _Resolved([before.state] if before.state else [], [before])
        if tag.kind == "Q":
            return _Resolved(list(tag.inner_states), [])
        return _Resolved([], [])

    def _build(
        self,
        text: str,
        tagged: Tagged,
        match: _Match,
        heading_date: str | None,
        previous_date: tuple[str, str] | None,
        cores: Sequence[tuple[int, int]] = (),
    ) -> list[Event]:
        """The events of one kept match, in named phases: the scene (clause, pair, actors
        there), the captured roles, the roles filled in, the people, the dates, the records."""
        rule = match.rule
        scene = self._scene(tagged, match)
        scene.others = [c for c in cores if c != match.core]
        groups = self._captured(tagged, match, scene)
        if _organisation_subject(tagged, scene.clause[0], match.core[0]) and not (
            "source" in groups or "a" in groups
        ):
            # "BP signed an agreement with Iraq": not an act of the United Kingdom.
            return []
        spec = EVENT_TYPES[rule.type]
        directed = spec.direction == "directed" or (
            spec.direction == "either"
            and rule.type != "agreement.signed"
            and ("source" in groups or self._acts_alone(tagged, scene.actors, match.core[0]))
        )
        quantity_tag = self._quantity(tagged, match.match)
        source: str | None = None
        target: str | None = None
        if directed:
            source, target = self._directed_roles(tagged, match, scene, groups, quantity_tag)
            if source is None and target is None:
                source, target = _roles_from_sentence(scene, self.context.region_at(tagged.start))
            sets = [sorted({s for s in (source, target) if s})]
        else:
            sets = self._coordinated_pairs(tagged, match, scene, groups) or [
                self._reciprocal_actors(tagged, match, scene, groups)
            ]
        excepted = _excepted(tagged, scene)
        if excepted:
            # "cut relations with all countries, with the exception of China": no act toward
            # China (nor by it: "all states, except Romania, broke off ties").
            if directed and (source in excepted or target in excepted):
                return []
            sets = [s for s in sets if not excepted & set(s)] or [[]]
        if len(sets[0]) < 2 and not (directed and rule.target_optional and source):
            return []
        events: list[Event] = []
        for actors in sets:
            events.extend(
                self._records(
                    text,
                    tagged,
                    match,
                    scene,
                    actors,
                    (source, target) if directed else None,
                    quantity_tag,
                    heading_date,
                    previous_date,
                )
            )
        return events

    def _records(
        self,
        text: str,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        actors: list[str],
        roles: tuple[str | None, str | None] | None,
        quantity_tag: Tag | None,
        heading_date: str | None,
        previous_date: tuple[str, str] | None,
    ) -> list[Event]:
        """The records of one event the match tells (one per date or repetition)."""
        rule = match.rule
        source, target = roles if roles is not None else (None, None)
        directed = roles is not None
        persons = self._participants(match, scene, actors)
        quantity = None
        if quantity_tag is not None and quantity_tag.quantity is not None:
            q = quantity_tag.quantity
            quantity = Quantity(q.amount, q.of)
        dates = self._event_dates(text, tagged, match, scene, heading_date, previous_date)
        if len(dates) > 1:
            quantity = None  # "two trips, in 1985 and 1988": each trip is one event
        repeated = len(dates) > 1 and len({d for d, _, _ in dates}) == 1
        evidence = Evidence(text[tagged.start : tagged.end], tagged.start, tagged.end)
        base = Event(
            id="",
            document=self.document_id,
            type=rule.type,
            date=None,
            date_source=None,
            modality=self._modality(tagged, scene.clause, match.core[0], rule.modality),
            source=source if directed else None,
            target=target if directed else None,
            actors=tuple(actors),
            persons=tuple(persons),
            quantity=quantity,
            subject=_subject_text(text, tagged, match),
            evidence=evidence,
            rule=rule.id,
            confidence=round(max(0.3, rule.confidence - 0.1 * scene.defaults), 2),
            date_text=None,
        )
        events = []
        for occurrence, (value, date_source, date_text) in enumerate(dates):
            identity = "|".join(
                str(x)
                for x in (
                    self.document_id,
                    rule.id,
                    evidence.start,
                    match.core[0],
                    f"{value}#{occurrence}" if repeated else value,
                    source,
                    target,
                    ",".join(actors),
                )
            )
            events.append(
                replace(
                    base,
                    id=hashlib.sha1(identity.encode()).hexdigest()[:16],
                    date=value,
                    date_source=date_source,
                    date_text=date_text,
                )
            )
        return events

    # ------------------------------------------------------------------ phases of _build

    def _scene(self, tagged: Tagged, match: _Match) -> _Scene:
        """Where the match stands: its clause, the pair of the passage, the actors there."""
        clause = _clause_of(_clauses(tagged.string), match.core[0])
        positions = _tag_positions(tagged)
        in_clause = [(t, s, e) for t, s, e in positions if clause[0] <= s and e <= clause[1]]
        actors = [(t, s, e) for t, s, e in in_clause if t.kind in "SPC"]
        named = {t.state for t, _, _ in actors if t.kind == "S" and t.state}
        lone = len(named) <= 1 and not _GENERIC_SUBJECT.search(
            tagged.string[clause[0] : match.core[0]]
        )
        dyad = self.context.dyad_at(tagged.start)
        return _Scene(dyad, clause, positions, in_clause, actors, lone)

    def _captured(self, tagged: Tagged, match: _Match, scene: _Scene) -> dict[str, _Resolved]:
        """The roles the rule captured, each resolved to states and people."""
        m = match.match
        groups: dict[str, _Resolved] = {}
        for name in ("source", "target", "a", "b", "c"):
            token = m.groupdict().get(name)
            tag = tagged.tag_of(token) if token else None
            if tag is None:
                continue
            resolved = self._resolve(tag, scene.dyad)
            if tag.kind == "P" and not resolved.states:
                hint = _office_state(tagged, m.end(name), scene.clause[1])
                if hint is not None:
                    resolved = _Resolved([hint], [replace(p, state=hint) for p in resolved.persons])
            groups[name] = resolved
            scene.persons.extend(resolved.persons)
        return groups

    def _directed_roles(
        self,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        groups: dict[str, _Resolved],
        quantity_tag: Tag | None,
    ) -> tuple[str | None, str | None]:
        """Source and target: captured, else the clause's subject and object, else the
        state counted in the quantity, else the passage's pair."""
        rule, dyad, lone = match.rule, scene.dyad, scene.lone
        src = groups.get("source")
        if src is None or (not src.states and not src.other):
            before = [x for x in scene.actors if x[2] <= match.core[0]]
            # The subject: the nearest actor before the trigger that is not itself the
            # object of an earlier verb or preposition ("Israel has helped Sri Lanka ...
            # and provided weapons": Israel).
            subjects = [x for x in before if not _is_object(tagged.string, x[1], x[2])]
            if before and _POSSESSOR.fullmatch(tagged.string, before[-1][2], match.core[0]):
                subjects = before[-1:]  # "Liberia's establishment of relations with X"
            subjects = self._other_than_target(subjects, groups.get("target"), dyad)
            chosen_subject = subjects[-1] if subjects else (before[-1] if before else None)
            if chosen_subject is not None:
                src = self._resolve(chosen_subject[0], dyad)
                scene.persons.extend(src.persons)
                scene.defaults += 1
        if (src is None or (not src.states and not src.other)) and quantity_tag is not None:
            # "10,000 French nationals lived in Gabon": the counted people's state is the
            # subject, where the count comes before the trigger.
            at = tagged.string.find(quantity_tag.token)
            if 0 <= at < match.core[0] and quantity_tag.inner_states:
                src = _Resolved(list(quantity_tag.inner_states[:1]), [])
        tgt = groups.get("target")
        if (tgt is None or (not tgt.states and not tgt.other)) and quantity_tag is not None:
            # "expelled two North Korean diplomats": the state counted in the quantity.
            inner = [s for s in quantity_tag.inner_states if src is None or s not in src.states]
            if inner:
                tgt = _Resolved(inner[:1], [])
        if tgt is None or (not tgt.states and not tgt.other):
            after = [x for x in scene.actors if x[1] >= match.core[1]]
            # "Spain recognized Ukraine's independence": the owner inside the trigger's words.
            inside = [
                x
                for x in scene.actors
                if match.core[0] <= x[1]
                and x[2] <= match.core[1]
                and tagged.string.startswith(("'s", "’s"), x[2])
            ]
            before = [x for x in scene.actors if x[2] <= match.core[0]][::-1]
            for candidate in [*after, *inside, *before]:
                if rule.type == "visit" and candidate[0].demonym:
                    continue  # "a visit to the Syrian refugee camp" is not a visit to Syria
                resolved = self._resolve(candidate[0], dyad)
                if resolved.other or (
                    resolved.states and (src is None or resolved.states != src.states)
                ):
                    tgt = resolved
                    scene.persons.extend(resolved.persons)
                    scene.defaults += 1
                    break
        source = src.states[0] if src and src.states else None
        target = tgt.states[0] if tgt and tgt.states else None
        if src is not None and src.other:
            source = self._partner(dyad, target, lone)
        if tgt is not None and tgt.other:
            target = self._partner(dyad, source, lone)
        if source is not None and target == source:
            target = None
        if target is None and not rule.target_optional:
            target = self._partner(dyad, source, lone)
            scene.defaults += 1
        if source is None:
            source = self._partner(dyad, target, lone)
            scene.defaults += 1
        return source, target

    def _other_than_target(
        self,
        subjects: list[tuple[Tag, int, int]],
        target: _Resolved | None,
        dyad: Pair | None,
    ) -> list[tuple[Tag, int, int]]:
        """The subject candidates named as states (not by a demonym) of another state than the
        captured target's, when there is one: in "Belarus expelled the Swedish ambassador, ... and
        closed its embassy in Stockholm" the subject is Belarus, not the "Swedish" named last."""
        if not subjects or target is None or not target.states:
            return subjects
        if self._resolve(subjects[-1][0], dyad).states != target.states:
            return subjects
        other = [
            x
            for x in subjects
            if x[0].kind == "S"
            and not x[0].demonym
            and self._resolve(x[0], dyad).states != target.states
        ]
        return other or subjects

    def _coordinated_pairs(
        self, tagged: Tagged, match: _Match, scene: _Scene, groups: dict[str, _Resolved]
    ) -> list[list[str]]:
        """One pair per subject and object where either is coordinated: "France and Germany
        signed agreements with Ukraine" is FRA-UKR and DEU-UKR, not FRA-DEU; "links with both
        Ivory Coast and Togo" are two links. Empty where the sentence has no such shape."""
        a, b = match.core
        if any(r.states for r in groups.values()) or any(
            t.kind == "S" and a <= s and e <= b for t, s, e in scene.positions
        ):
            return []
        objects = _objects(tagged, scene.actors, b)
        subjects = _subject(tagged, scene.actors, a)
        if not objects or (len(objects) < 2 and len(subjects) < 2):
            return []
        subject_states = [s for t in subjects for s in self._resolve(t, scene.dyad).states]
        object_states = [s for t in objects for s in self._resolve(t, scene.dyad).states]
        if not subjects and self.context.subject is not None:
            # "The government worked to improve links with both X and Y" on X's page
            subjects, subject_states = [], [self.context.subject]
        if len(subject_states) != max(len(subjects), 1) or len(object_states) != len(objects):
            return []  # "the two countries", a person of no known state: leave it to the pair
        pairs = {tuple(sorted({x, y})) for x in subject_states for y in object_states if x != y}
        return [list(p) for p in sorted(pairs)]

    def _reciprocal_actors(
        self, tagged: Tagged, match: _Match, scene: _Scene, groups: dict[str, _Resolved]
    ) -> list[str]:
        """Both sides: captured, named inside the match, the subject and object, the pair."""
        dyad = scene.dyad
        actors: list[str] = []
        for resolved in groups.values():
            actors.extend(resolved.states)
        a, b = match.core
        actors.extend(
            t.state
            for t, s, e in scene.positions
            if t.kind == "S" and a <= s and e <= b and t.state
        )
        if not actors and dyad is not None and match.rule.type in _CLIMATE:
            # "Relations began to recover ...": the relations the passage is about, not
            # whichever states the rest of the sentence names.
            actors.extend(dyad)
        if len(set(actors)) < 2:
            # The subject (with its coordinated actors: "Mongolia and North Korea signed"),
            # then the first actor after the trigger.
            for tag in [*_subject(tagged, scene.actors, a), *_object(scene.actors, b)]:
                resolved = self._resolve(tag, dyad)
                actors.extend(resolved.states)
                scene.persons.extend(resolved.persons)
                if len(set(actors)) >= 2:
                    break
        if len(set(actors)) == 1 and dyad is None:
            partner = self._partner(None, actors[0], scene.lone)
            if partner is not None:
                actors.append(partner)
                scene.defaults += 1
        if len(set(actors)) < 2 and dyad:
            present = [s for s in actors if s in dyad]
            if present:
                actors.append(self._partner(dyad, present[0], scene.lone) or present[0])
            elif not actors:
                actors.extend(dyad)
            scene.defaults += 1
        return sorted(set(actors))

    @staticmethod
    def _participants(match: _Match, scene: _Scene, actors: list[str]) -> list[Person]:
        """People taking part: those in the roles, in the match, and the clause's subject
        (the person named nearest before the trigger) when the roles named nobody."""
        m = match.match
        a, b = m.start(), m.end()
        inside = [t for t, s, _ in scene.in_clause if t.kind == "P" and a <= s < b]
        earlier = [t for t, s, e in scene.in_clause if t.kind == "P" and e <= match.core[0]]
        persons = list(scene.persons)
        chosen = inside + ([] if persons or not earlier else [earlier[-1]])
        for person_tag in chosen:
            p = person_tag.person
            if p is not None and (p.state is None or p.state in actors):
                persons.append(Person(p.name, p.state, p.role))
        return _unique_persons(persons)

    def _event_dates(
        self,
        text: str,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        heading_date: str | None,
        previous_date: tuple[str, str] | None,
    ) -> list[tuple[str | None, DateSource | None, str | None]]:
        """One (value, source, text) per event the match tells: coordinated dates and counted
        repetitions make several; none after today."""
        rule = match.rule
        dates = self._dates(
            text,
            tagged,
            scene.positions,
            scene.clause,
            match,
            heading_date,
            previous_date,
            rule.split_dates,
            scene.others,
        )
        repeated = _times(_repetition(tagged, match.match)) if rule.split_dates else 1
        if repeated > 1 and len(dates) == 1:
            dates = dates * repeated  # "visited Nigeria three times": three visits
        if rule.date_part == "start":
            dates = [(_start_of(d), s, t) for d, s, t in dates]
        # Nothing written can report an act after today: "by 2030" is no date of an event.
        return [(None, None, None) if _in_future(d) else (d, s, t) for d, s, t in dates]

    def _acts_alone(
        self, tagged: Tagged, actors: list[tuple[Tag, int, int]], core_start: int
    ) -> bool:
        """Whether one state alone is the subject ("North Korea severed relations with ...")."""
        subject = _subject(tagged, actors, core_start)
        if len(subject) != 1:
            return False
        tag = subject[0]
        return tag.kind in "SP" and (tag.kind == "S" or bool(tag.person and tag.person.state))

    @staticmethod
    def _quantity(tagged: Tagged, m: re.Match[str]) -> Tag | None:
        token = m.groupdict().get("quantity")
        if token:
            return tagged.tag_of(token)
        for t in re.finditer(r"⟨Q\d+⟩", m.group(0)):
            return tagged.tag_of(t.group(0))
        return None

    # ------------------------------------------------------------------ dates and modality

    def _dates(
        self,
        text: str,
        tagged: Tagged,
        positions: list[tuple[Tag, int, int]],
        clause: tuple[int, int],
        match: _Match,
        heading_date: str | None,
        previous_date: tuple[str, str] | None,
        split: bool,
        others: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[str | None, DateSource | None, str | None]]:
        m = match.match
        token = m.groupdict().get("date")
        if token:
            tag = tagged.tag_of(token)
            if tag is not None:
                return [(_date_value(tag), "stated", _date_text(text, tag))]
        dated = [(t, s, e) for t, s, e in positions if t.kind == "D" and _date_value(t)]
        a, b = match.core
        # "X opened an embassy in Y, which it closed in 1990": a date in a relative clause after
        # the verb is that clause's, never the verb's.
        foreign = [x for x in dated if x[1] >= b and _RELATIVE.search(tagged.string, b, x[1])]
        dated = [x for x in dated if x not in foreign]
        if split:
            after = [(t, s, e) for t, s, e in dated if s >= m.end() and clause[0] <= s <= clause[1]]
            if len(after) >= 2:
                first = after[0]
                tail = tagged.string[first[2] : clause[1]]
                coordinated = _COORDINATED.match(tail) or _COORDINATED_NAMED.match(tail)
                if coordinated:
                    count = 1 + len(re.findall(r"⟨D\d+⟩", coordinated.group(0)))
                    return [
                        (_date_value(t), "stated", _date_text(text, t)) for t, _, _ in after[:count]
                    ]
            opening = _COORDINATED_BEFORE.match(tagged.string, clause[0], a)
            if opening:
                # "In 2004 and again in 2006, Hu Jintao made state visits to Nigeria"
                tokens = re.findall(r"⟨D\d+⟩", opening.group(0))
                chosen = [tagged.tag_of(tok) for tok in tokens]
                return [
                    (_date_value(t), "stated", _date_text(text, t))
                    for t in chosen
                    if t is not None and _date_value(t)
                ]

        def distance(item: tuple[Tag, int, int]) -> tuple[int, int]:
            t, s, e = item
            gap = s - b if s >= b else a - e if e <= a else 0
            if e <= a and _OTHER_PREDICATE.search(tagged.string[e:a]):
                # "recognized X on 5 September and re-established relations on 5 December":
                # a date before another verb belongs to that verb.
                gap += 200
            elif _beyond_other_verb(tagged.string, (a, b), (s, e), others) or (
                e <= a
                and _SEQUENCE_BEFORE.match(tagged.string, e, a) is not None
                and _complement_of_other(tagged.string, (s, e), others)
            ):
                # "severed in 1979 and restored in 2001": the date past another event's verb
                # is that verb's, unless the two verbs share it ("severed and restored in 1994").
                gap += 200
            return (1 if t.period else 0, max(gap, 0))

        in_clause = [x for x in dated if clause[0] <= x[1] and x[2] <= clause[1]]
        if in_clause:
            tag = min(in_clause, key=distance)[0]
            return [(_date_value(tag), "stated", _date_text(text, tag))]
        if dated:
            tag = min(dated, key=distance)[0]
            return [(_date_value(tag), "sentence", _date_text(text, tag))]
        if previous_date is not None and _SAME_YEAR.search(tagged.string, 0, b):
            return [(_year_of(previous_date[0]), "inferred", previous_date[1])]
        if (
            previous_date is not None
            and not foreign
            and _POINT_DATE.fullmatch(previous_date[0])
            and not _TIME_SHIFT.search(tagged.string)
            and not _DAY_WITHOUT_YEAR.search(tagged.string)
            and not _PRESENT.search(tagged.string, clause[0], b)
        ):
            # What follows a dated sentence happened about then: its month, not its day.
            return [(month_of(previous_date[0]), "inferred", previous_date[1])]
        if heading_date:
            return [(heading_date, "heading", None)]
        return [(None, None, None)]

    @staticmethod
    def _modality(
        tagged: Tagged, clause: tuple[int, int], core_start: int, default: Modality
    ) -> Modality:
        return modality_of(tagged, clause, core_start, default)


_OFFICE_HINT = re.compile(
    r"\b(?:a|an|the)\s+(?:first(?:-ever)?\s+|such\s+|then\s+|sitting\s+)*(?:\w+\s+){0,3}?"
    r"(?:by\s+(?:a|an|the)\s+)?⟨S(?P<tag>\d+)⟩\s+(?:president|prime\s+minister|premier|king|queen"
    r"|emperor|leader|chairman|foreign\s+minister|minister|head\s+of\s+state)\b",
    re.IGNORECASE,
)


def _office_state(tagged: Tagged, start: int, end: int) -> str | None:
    """The state of an office named right after a person whose state is unknown: "an official
    visit by Kim Dae-jung, the first-ever such visit by a South Korean president"."""
    m = _OFFICE_HINT.search(tagged.string, start, min(end, start + 90))
    if m is None or "⟨P" in tagged.string[start : m.start()]:
        return None
    return tagged.tags[int(m.group("tag"))].state


def _roles_from_sentence(scene: _Scene, region: Region | None) -> tuple[str | None, str | None]:
    """Source and target of a directed act whose clause names neither ("..., the embassy was
    closed again on 30 November 1990"): the member of the passage's pair named first in the
    sentence acts, toward the other; in a sentence that names no state at all ("It was reopened
    in 1967"), the partner of the page's part acts toward the page's subject. ``(None, None)``
    where the passage has no pair or the sentence names only other states."""
    if scene.dyad is None:
        return None, None
    named = [tag.state for tag, _, _ in scene.positions if tag.kind == "S" and tag.state]
    for state in named:
        if state in scene.dyad:
            return state, _other(scene.dyad, state)
    if not named and region is not None and region.dyad == scene.dyad:
        return region.partner, _other(scene.dyad, region.partner)
    return None, None


# A possessor right before the trigger noun: "Liberia's establishment of", "Iran's recent
# recognition of".
_POSSESSOR = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
_EXCEPTION = re.compile(
    r"\b(?:with\s+the\s+(?:sole\s+|notable\s+)?exceptions?\s+of|except(?:\s+for)?|excepting"
    r"|other\s+than|save\s+for|but\s+not)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_BETWEEN = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+)?")


def _excepted(tagged: Tagged, scene: _Scene) -> set[str]:
    """The states a clause sets apart from its act: "with the exception of China and Romania",
    "except Taiwan" (the named states and those listed with them)."""
    out: set[str] = set()
    listing = False
    previous_end = -1
    for tag, start, end in scene.actors:
        before = tagged.string[max(scene.clause[0], start - 60) : start]
        if _EXCEPTION.search(before):
            listing = True
        elif not (listing and _LIST_BETWEEN.fullmatch(tagged.string, previous_end, start)):
            listing = False
        if listing and tag.kind == "S" and tag.state:
            out.add(tag.state)
        previous_end = end
    return out


def _subject(tagged: Tagged, actors: list[tuple[Tag, int, int]], core_start: int) -> list[Tag]:
    """The actor right before the trigger and those coordinated with it ("X and Y").

    An actor that is the object of an earlier verb or preposition ("cut off relations with the
    Republic of China and established ties with ...") is not the subject.
    """
    before = [x for x in actors if x[2] <= core_start]
    if before and _POSSESSOR.fullmatch(tagged.string, before[-1][2], core_start):
        # "due to Liberia's establishment of relations with the Soviet Union": the possessor
        # acts, whatever names come before it.
        return [before[-1][0]]
    subjects = [x for x in before if not _is_object(tagged.string, x[1], x[2])]
    if subjects:
        before = before[: before.index(subjects[-1]) + 1]
    if not before:
        return []
    chain = [before[-1]]
    for previous in reversed(before[:-1]):
        between = tagged.string[previous[2] : chain[-1][1]]
        # "X and Y", "X, Y and Z", "Venezuelan-Spanish ties"
        if re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?|[-–]", between):
            chain.append(previous)
        else:
            break
    return [t for t, _, _ in chain]


# A company, party, bank or bloc named as the subject ("BP signed an agreement with Iraq"):
# all capitals (BP, CNPC, CARICOM) or a name ending in a word that names an organisation.
_ORGANISATION_SUBJECT = re.compile(
    r"(?:^|[,;(]\s*|⟨D\d+⟩,?\s+|\b(?:and|but|then|when|after|before|as|while)\s+)(?:the\s+)?"
    r"(?P<name>(?-i:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|and\s+|&\s+)?(?-i:[A-Z][\w&.'-]*)){0,4})"
    r"\s+(?:(?:has|had|have|also|then|later|recently|jointly|successfully|finally)\s+){0,2}$"
)
_ORGANISATION_NAME = re.compile(
    r"^(?!(?-i:[IVX]+|JR|SR)$)(?-i:[A-Z]{2,8})$|(?-i:\b(?:Corporation|Company|Co\.|Inc\.?|Ltd\.?|Limited|Airlines|Airways"
    r"|Petroleum|Oil|Bank|Group|Holdings|Telecom|Railways|Commerce|Party|Motors|Industries"
    r"|Enterprises?|Energy|Mining|Chamber|Association|Federation|Foundation|University|Institute"
    r"|Council|Community|Organi[sz]ation|Union)$)"
)


# A subject that is no one state: "many countries switched recognition".
_GENERIC_SUBJECT = re.compile(
    r"\b(?:many|several|other|some|most|few|all|\d+|⟨Q\d+⟩)\s+(?:\w+\s+)?"
    r"(?:countries|nations|states|governments)\b",
    re.IGNORECASE,
)


def _organisation_subject(tagged: Tagged, clause_start: int, core_start: int) -> bool:
    """Whether the words right before the trigger name an organisation, not a state."""
    before = tagged.string[clause_start:core_start]
    # A name of at most five words: only the end of the clause before the trigger matters.
    m = _ORGANISATION_SUBJECT.search(before, max(0, len(before) - 90))
    return m is not None and _ORGANISATION_NAME.search(m.group("name")) is not None


def _objects(tagged: Tagged, actors: list[tuple[Tag, int, int]], core_end: int) -> list[Tag]:
    """The actors after "with" right after the trigger, with those coordinated with them
    ("with both Ivory Coast and Togo", "with Peru, Bolivia and Chile")."""
    after = [x for x in actors if x[1] >= core_end]
    if not after:
        return []
    lead = tagged.string[core_end : after[0][1]]
    if not re.fullmatch(r"(?:\s+[^\s;⟨]+){0,4}?\s+with\s+(?:both\s+)?(?:the\s+)?", lead):
        return []
    chain = [after[0]]
    for following in after[1:]:
        between = tagged.string[chain[-1][2] : following[1]]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?", between):
            break
        if _VERB_AFTER.match(tagged.string, following[2]):
            break  # "with Taipei and Beijing severed its relations": a new clause's subject
        chain.append(following)
    return [t for t, _, _ in chain]


_VERB_AFTER = re.compile(r"\s+(?:\w+ed|has|had|have|was|were|is|are|will|would)\b", re.I)


def _object(actors: list[tuple[Tag, int, int]], core_end: int) -> list[Tag]:
    return [t for t, s, _ in actors if s >= core_end][:1]


def _other(dyad: Pair | None, state: str | None) -> str | None:
    """The member of ``dyad`` that is not ``state`` (``None`` if ``state`` is not in it)."""
    if dyad is None:
        return None
    if state is None:
        return None
    if state == dyad[0]:
        return dyad[1]
    if state == dyad[1]:
        return dyad[0]
    return None


def _in_future(value: str | None) -> bool:
    """Whether an event date begins after the current year (no article reports it done)."""
    low = lower_year(value) if value else None
    return low is not None and low > datetime.date.today().year


def _year_of(value: str) -> str:
    """A day or month reduced to its year ("1983-10-09" -> "1983"); other values unchanged."""
    m = re.fullmatch(r"(\d{4})-\d{2}(?:-\d{2})?", value)
    return m.group(1) if m else value


def _start_of(value: str | None) -> str | None:
    """The start of an interval ("2009/.." -> "2009"); other values unchanged."""
    if value is None or "/" not in value:
        return value
    start = value.split("/")[0]
    return start if start and start != ".." else value


def _date_value(tag: Tag) -> str | None:
    if tag.period:
        return tag.period
    return tag.date.edtf if tag.date else None


def _date_text(text: str, tag: Tag) -> str:
    return text[tag.start : tag.end]


def _unique_persons(persons: list[Person]) -> list[Person]:
    out: dict[str, Person] = {}
    for p in persons:
        key = p.name.casefold()
        if key in out:
            old = out[key]
            out[key] = replace(old, state=old.state or p.state, role=old.role or p.role)
        else:
            out[key] = p
    return list(out.values())


def _same_people(a: tuple[Person, ...], b: tuple[Person, ...]) -> bool:
    """Two mentions may be one event unless each names different people."""
    if not a or not b:
        return True
    return bool({p.name.casefold() for p in a} & {p.name.casefold() for p in b})


def _repetition(tagged: Tagged, m: re.Match[str]) -> Quantity | None:
    """The count of times in a match or right after it ("visited Nigeria three times")."""
    for found in re.finditer(r"⟨Q(\d+)⟩", tagged.string[m.start() : m.end() + 14]):
        q = tagged.tags[int(found.group(1))].quantity
        if q is not None and _times(Quantity(q.amount, q.of)) > 1:
            return Quantity(q.amount, q.of)
    return None


def _times(quantity: Quantity | None) -> int:
    """How many times a counted repetition says an act happened ("three times": 3), else 1."""
    if quantity is None or not re.fullmatch(r"times|occasions", quantity.of.strip(), re.I):
        return 1
    amount = int(quantity.amount)
    return amount if 2 <= amount <= 6 else 1


def _merge(groups: list[list[Event]]) -> list[Event]:
    """One event per (type, roles, date) in a sentence: "a visit ... made his third visit".

    Events of one match (``groups``: one list per match) are never twins of each other: "visited
    Nigeria three times" is three visits.
    """
    out: list[Event] = []
    origin: list[int] = []
    for group_index, group in enumerate(groups):
        for event in group:
            _add_or_merge(out, origin, event, group_index)
    return out


def _add_or_merge(out: list[Event], origin: list[int], event: Event, group: int) -> None:
    """Add ``event``, or fold it into an earlier twin from another match."""
    twin = next(
        (
            e
            for i, e in enumerate(out)
            if origin[i] != group
            and e.type == event.type
            and e.actors == event.actors
            and e.source == event.source
            and e.target == event.target
            and (e.date == event.date or event.date is None)
            and (e.subject == event.subject or not e.subject or not event.subject)
            and _same_people(e.persons, event.persons)
        ),
        None,
    )
    if twin is None:
        out.append(event)
        origin.append(group)
        return
    merged = _unique_persons([*twin.persons, *event.persons])
    out[out.index(twin)] = replace(
        twin, persons=tuple(merged), quantity=twin.quantity or event.quantity
    )
