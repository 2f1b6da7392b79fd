"""The event engine's roles: who acts and who is acted upon in one match (:mod:`.events`).

A directed act has a source and a target: captured by the rule, else the clause's subject and
object (:mod:`dyad.extract.subjects`), else the state counted in the quantity, else the other
member of the passage's pair. A reciprocal act has two or more actors, one pair per subject and
object where either is coordinated. "The two countries" is the pair, "the country" its member
that is not the other role, "he" the last person named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyad.extract.context import Context
from dyad.extract.scene import _Match, _Resolved, _Scene
from dyad.extract.subjects import (
    _POSSESSOR,
    _is_object,
    _object,
    _objects,
    _other,
    _subject,
)
from dyad.extract.tagging import Tag, Tagged
from dyad.model import Pair, Person

# A passive verb between the counted people and the trigger: they are acted on, not the actors
# ("Two Russian diplomats named ... were expelled", "2,000 Ghanaians were deported").
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.IGNORECASE)

_CLIMATE = frozenset({"relations.improved", "relations.deteriorated"})


def _unresolved(role: _Resolved | None) -> bool:
    """Whether a role names no state yet (and is not "the country" either)."""
    return role is None or (not role.states and not role.other)


def _named_actors(match: _Match, scene: _Scene, groups: dict[str, _Resolved]) -> list[str]:
    """The states a reciprocal act names itself: captured, inside the match, or the passage's
    pair for a change of climate that names none."""
    dyad = scene.dyad
    actors: list[str] = []
    for resolved in groups.values():
        actors.extend(resolved.states)
    a, b = match.core
    actors.extend(
        t.state for t, s, e in scene.positions if t.kind == "S" and a <= s and e <= b and t.state
    )
    if not actors and dyad is not None and match.rule.type in _CLIMATE:
        # "Relations began to recover ...": the relations the passage is about, not
        # whichever states the rest of the sentence names.
        actors.extend(dyad)
    return actors


def _only_objects(tagged: Tagged, actors: list[tuple[Tag, int, int]], chain: list[Tag]) -> bool:
    """Whether every actor of a subject chain is the object of a verb or preposition (the
    clause then has no subject of its own before the trigger)."""
    spans = [(s, e) for t, s, e in actors if any(t is c for c in chain)]
    return bool(spans) and all(_is_object(tagged.string, s, e) for s, e in spans)


class RoleResolver:
    """The roles of the event engine's matches (a base of :class:`~dyad.extract.events.EventEngine`,
    which sets these attributes)."""

    context: Context
    _names: dict[str, str]
    _people_before: Sequence[tuple[int, Person]]

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
        src = groups.get("source")
        if _unresolved(src):
            subject = self._subject_role(tagged, match, scene, groups.get("target"))
            if subject is not None:
                src = subject
        if _unresolved(src) and quantity_tag is not None:
            # "10,000 French nationals lived in Gabon": the counted people's state is the
            # subject, where the count comes before the trigger.
            at = tagged.string.find(quantity_tag.token)
            passive = _PASSIVE.search(tagged.string, max(at, 0), match.core[1])
            if 0 <= at < match.core[0] and quantity_tag.inner_states and not passive:
                src = _Resolved(list(quantity_tag.inner_states[:1]), [])
        tgt = groups.get("target")
        if _unresolved(tgt) and quantity_tag is not None:
            # "expelled two North Korean diplomats": the state counted in the quantity.
            inner = [s for s in quantity_tag.inner_states if src is None or s not in src.states]
            if inner:
                tgt = _Resolved(inner[:1], [])
        if _unresolved(tgt):
            found = self._object_role(tagged, match, scene, src)
            if found is not None:
                tgt = found
        return self._settled_roles(match, scene, src, tgt)

    def _subject_role(
        self, tagged: Tagged, match: _Match, scene: _Scene, target: _Resolved | None
    ) -> _Resolved | None:
        """The source as the clause's subject (a role filled in by default), if it has one."""
        before = [x for x in scene.actors if x[2] <= match.core[0]]
        # The subject: the nearest actor before the trigger that is not itself the
        # object of an earlier verb or preposition ("Israel has helped Sri Lanka ...
        # and provided weapons": Israel).
        subjects = [x for x in before if not _is_object(tagged.string, x[1], x[2])]
        if before and _POSSESSOR.fullmatch(tagged.string, before[-1][2], match.core[0]):
            subjects = before[-1:]  # "Liberia's establishment of relations with X"
        subjects = self._other_than_target(subjects, target, scene.dyad)
        chosen_subject = subjects[-1] if subjects else (before[-1] if before else None)
        if chosen_subject is None:
            return None
        src = self._resolve(chosen_subject[0], scene.dyad)
        scene.persons.extend(src.persons)
        scene.defaults += 1
        return src

    def _object_role(
        self, tagged: Tagged, match: _Match, scene: _Scene, src: _Resolved | None
    ) -> _Resolved | None:
        """The target as the first actor after the trigger, the owner inside its words, else
        the nearest before it, that is not the source (a role filled in by default)."""
        after = [x for x in scene.actors if x[1] >= match.core[1]]
        # "Spain recognized Ukraine's independence": the owner inside the trigger's words.
        inside = [
            x
            for x in scene.actors
            if match.core[0] <= x[1]
            and x[2] <= match.core[1]
            and tagged.string.startswith(("'s", "’s"), x[2])
        ]
        subject = _subject(tagged, scene.actors, match.core[0])
        if len(subject) < 2 or _only_objects(tagged, scene.actors, subject):
            subject = []
        # Not a state coordinated with the source ("the US, UK, and France recognized ...").
        before = [
            x for x in scene.actors if x[2] <= match.core[0] and not any(x[0] is t for t in subject)
        ][::-1]
        for candidate in [*after, *inside, *before]:
            if match.rule.type == "visit" and candidate[0].demonym:
                continue  # "a visit to the Syrian refugee camp" is not a visit to Syria
            resolved = self._resolve(candidate[0], scene.dyad)
            if resolved.other or (
                resolved.states and (src is None or resolved.states != src.states)
            ):
                scene.persons.extend(resolved.persons)
                scene.defaults += 1
                return resolved
        return None

    def _settled_roles(
        self, match: _Match, scene: _Scene, src: _Resolved | None, tgt: _Resolved | None
    ) -> tuple[str | None, str | None]:
        """The states of the roles, "the country" and a missing role read as the other member
        of the passage's pair (each one filled in by default lowers the confidence)."""
        rule, dyad, lone = match.rule, scene.dyad, scene.lone
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
        if objects and _only_objects(tagged, scene.actors, subjects):
            # "a supporter of East Timor ... has expanded trade links with X, Y and Z": East
            # Timor is an object of its own, not the subject of the links.
            subjects = []
        if not objects or (len(objects) < 2 and len(subjects) < 2):
            return []
        return self._subject_object_pairs(subjects, objects, scene.dyad)

    def _subject_object_pairs(
        self, subjects: list[Tag], objects: list[Tag], dyad: Pair | None
    ) -> list[list[str]]:
        """Each subject's state with each object's (the page's subject where the clause has
        none); empty where a subject or object names no one state."""
        subject_states = [s for t in subjects for s in self._resolve(t, dyad).states]
        object_states = [s for t in objects for s in self._resolve(t, dyad).states]
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
        actors = _named_actors(match, scene, groups)
        if len(set(actors)) < 2:
            self._add_clause_actors(tagged, match, scene, actors)
        self._add_partner(scene, actors)
        return sorted(set(actors))

    def _add_clause_actors(
        self, tagged: Tagged, match: _Match, scene: _Scene, actors: list[str]
    ) -> None:
        """Add the subject (with its coordinated actors: "Mongolia and North Korea signed"),
        then the first actor after the trigger, until two states take part."""
        a, b = match.core
        for tag in [*_subject(tagged, scene.actors, a), *_object(scene.actors, b)]:
            resolved = self._resolve(tag, scene.dyad)
            actors.extend(resolved.states)
            scene.persons.extend(resolved.persons)
            if len(set(actors)) >= 2:
                break

    def _add_partner(self, scene: _Scene, actors: list[str]) -> None:
        """Complete a lone actor with its partner: the page's subject where the passage has no
        pair, else the other member of the pair (the pair itself where no actor is known)."""
        dyad = scene.dyad
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

    def _third_party(
        self, tagged: Tagged, match: _Match, scene: _Scene, groups: dict[str, _Resolved]
    ) -> bool:
        """Whether the clause's subject stands outside the two sides a rule captures: "the
        Holy See ... act as arbitrator in a dispute between Germany and Spain" is a dispute of
        Germany and Spain, not the Holy See's with either."""
        if "a" not in groups:
            return False
        sides = {s for r in groups.values() for s in r.states}
        subject = _subject(tagged, scene.actors, match.core[0])
        states = {s for t in subject for s in self._resolve(t, scene.dyad).states}
        return bool(states) and not states & sides

    def _acts_alone(
        self, tagged: Tagged, actors: list[tuple[Tag, int, int]], core_start: int
    ) -> bool:
        """Whether one state alone is the subject ("North Korea severed relations with ...")."""
        subject = _subject(tagged, actors, core_start)
        if len(subject) != 1:
            return False
        tag = subject[0]
        return tag.kind in "SP" and (tag.kind == "S" or bool(tag.person and tag.person.state))
