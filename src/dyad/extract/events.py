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

The phases live in their own modules: the match and its scene in :mod:`dyad.extract.scene`,
the roles in :mod:`dyad.extract.roles` (the clause's subject and objects in
:mod:`dyad.extract.subjects`), the dates in :mod:`dyad.extract.event_dates`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from dyad.extract.conjuncts import documents_signed, role_conjuncts, role_ways
from dyad.extract.context import Context
from dyad.extract.event_dates import _TIME_SHIFT as _TIME_SHIFT
from dyad.extract.event_dates import event_dates
from dyad.extract.modality import modality_of, not_until
from dyad.extract.plan import patterns_to_try, plan_rules
from dyad.extract.quantities import MONEY_TYPES, money_near
from dyad.extract.roles import RoleResolver
from dyad.extract.rules import Rule
from dyad.extract.scene import (
    _clause_of,
    _clauses,
    _core,
    _Match,
    _Resolved,
    _Scene,
    _tag_positions,
    _without_overlaps,
)
from dyad.extract.subjects import (
    _GENERIC_SUBJECT,
    _excepted,
    _office_state,
    _organisation_subject,
    _roles_from_sentence,
    carried_roles,
)
from dyad.extract.tagging import Tag, Tagged
from dyad.model import Event, Evidence, Modality, Person, Quantity
from dyad.vocabulary import EVENT_TYPES


def _subject_text(text: str, tagged: Tagged, match: _Match) -> str | None:
    """The rule's fixed qualifier, or the captured one read from the clean text ("the
    25-point Ulaanbaatar Declaration"), not the tagged string."""
    m = match.match
    if not m.groupdict().get("subject"):
        return match.rule.subject
    start, end = tagged.offset(m.start("subject")), tagged.end_offset(m.end("subject"))
    return " ".join(text[start:end].split())


class EventEngine(RoleResolver):
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
        self._all = plan_rules(tuple(self.rules))
        self._plan, self._words, _, self._always, _, _ = self._all
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
        for index in patterns_to_try(self._all, tagged.string):
            rule, pattern, _ = self._plan[index]
            # A rule whose sentence condition fails has no match here: its patterns, some far
            # costlier than the condition, are not tried.
            if rule.sentence is not None and not rule.sentence.search(tagged.string):
                continue
            for m in pattern.finditer(tagged.string):
                if m.end() <= m.start():
                    continue
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
        directed = self._is_directed(tagged, match, scene, groups)
        quantity_tag = self._quantity(tagged, match.match)
        source, target, sets = self._actor_sets(
            tagged, match, scene, groups, quantity_tag, directed=directed
        )
        excepted = _excepted(tagged, scene)
        if excepted:
            # "cut relations with all countries, with the exception of China": no act toward
            # China (nor by it: "all states, except Romania, broke off ties").
            if directed and (source in excepted or target in excepted):
                return []
            sets = [s for s in sets if not excepted & set(s)] or [[]]
        if len(sets[0]) < 2 and not (directed and rule.target_optional and source):
            return []
        roles = (source, target) if directed else None
        told = self._told(tagged, match, scene, sets, roles, excepted)
        events: list[Event] = []
        for actors, way in told:
            events.extend(
                self._records(
                    text,
                    tagged,
                    match,
                    scene,
                    actors,
                    way,
                    quantity_tag,
                    (heading_date, previous_date),
                    counted=len(told) == 1,
                )
            )
        return events

    def _told(
        self,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        sets: list[list[str]],
        roles: tuple[str | None, str | None] | None,
        excepted: set[str],
    ) -> list[tuple[list[str], tuple[str | None, str | None] | None]]:
        """Each event the match tells: its actors and, for a directed act, its roles; with
        one more for each state coordinated with a directed act's role ("France and China
        recognised Montenegro": a recognition by each; the lexicon makes its own), but none
        with a state ``excepted`` ("all of them, except Romania")."""
        rule = match.rule
        source, target = roles if roles is not None else (None, None)
        ways = role_ways(rule, source, target, directed=roles is not None)
        told = [(actors, way) for actors in sets for way in ways]
        if roles is not None and not rule.id.startswith("lexicon."):
            pairs = role_conjuncts(tagged, match, scene, roles, self._tag_of)
            told += [(sorted(pair), pair) for pair in pairs if not excepted & set(pair)]
        return told

    def _tag_of(self, tag: Tag) -> _Resolved:
        """A tag's states, read without a passage's pair (a conjunct names its own)."""
        return self._resolve(tag, None)

    def _is_directed(
        self, tagged: Tagged, match: _Match, scene: _Scene, groups: dict[str, _Resolved]
    ) -> bool:
        """Whether the match tells a directed act (a source toward a target): its type's
        direction, or for a type of either direction a captured source or a lone subject."""
        rule = match.rule
        spec = EVENT_TYPES[rule.type]
        return spec.direction == "directed" or (
            spec.direction == "either"
            and rule.type != "agreement.signed"
            and ("source" in groups or self._acts_alone(tagged, scene.actors, match.core[0]))
            and not self._third_party(tagged, match, scene, groups)
        )

    def _actor_sets(
        self,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        groups: dict[str, _Resolved],
        quantity_tag: Tag | None,
        *,
        directed: bool,
    ) -> tuple[str | None, str | None, list[list[str]]]:
        """Source, target (``None`` for a reciprocal act) and the sets of actors, one event
        each: the directed roles, else the coordinated pairs or the reciprocal actors."""
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
        return source, target, sets

    def _records(
        self,
        text: str,
        tagged: Tagged,
        match: _Match,
        scene: _Scene,
        actors: list[str],
        roles: tuple[str | None, str | None] | None,
        quantity_tag: Tag | None,
        around: tuple[str | None, tuple[str, str] | None],
        *,
        counted: bool = True,
    ) -> list[Event]:
        """The records of one event the match tells (one per date or repetition; one per
        document where a signing counts them and names ``counted`` one pair only: "signed
        three agreements")."""
        rule = match.rule
        heading_date, previous_date = around
        source, target = roles if roles is not None else (None, None)
        directed = roles is not None
        persons = self._participants(match, scene, actors)
        quantity = _quantity_of(text, tagged, match, scene, quantity_tag)
        dates = event_dates(text, tagged, match, scene, heading_date, previous_date)
        if counted and len(dates) == 1:
            dates = dates * documents_signed(tagged, match)
        until = not_until(tagged, scene.clause, match.core[0])
        if until is not None:  # "not established until 1874": in 1874, not before it
            dates = [(until if d and d.startswith("../") else d, s, t) for d, s, t in dates]
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
        clauses = _clauses(tagged.string)
        clause = _clause_of(clauses, match.core[0])
        positions = _tag_positions(tagged)
        in_clause = [(t, s, e) for t, s, e in positions if clause[0] <= s and e <= clause[1]]
        actors = [(t, s, e) for t, s, e in in_clause if t.kind in "SPC"]
        if not any(s < match.core[0] for _, s, _ in actors):
            # ", but cut diplomatic ties": the subject of the clause before acts.
            actors[:0] = carried_roles(tagged.string, clauses, clause, positions)
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

    @staticmethod
    def _quantity(tagged: Tagged, m: re.Match[str]) -> Tag | None:
        token = m.groupdict().get("quantity")
        if token:
            return tagged.tag_of(token)
        for t in re.finditer(r"⟨Q\d+⟩", m.group(0)):
            return tagged.tag_of(t.group(0))
        return None

    @staticmethod
    def _modality(
        tagged: Tagged, clause: tuple[int, int], core_start: int, default: Modality
    ) -> Modality:
        return modality_of(tagged, clause, core_start, default)


def _quantity_of(
    text: str, tagged: Tagged, match: _Match, scene: _Scene, quantity_tag: Tag | None
) -> Quantity | None:
    """What the match counts: its quantity, else a sum of money near the trigger for the
    types that have one ("trade totaled $100.7 million", "gave €6.1m in aid")."""
    if quantity_tag is not None and quantity_tag.quantity is not None:
        q = quantity_tag.quantity
        return Quantity(q.amount, q.of)
    if match.rule.type in MONEY_TYPES:
        money = money_near(text, *_text_span(tagged, scene.clause), tagged.offset(match.core[0]))
        return Quantity(money.amount, money.of) if money is not None else None
    return None


def _text_span(tagged: Tagged, span: tuple[int, int]) -> tuple[int, int]:
    """A span of the tagged string as clean-text offsets."""
    return tagged.offset(span[0]), tagged.end_offset(span[1])


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
