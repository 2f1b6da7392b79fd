"""Entities: one per distinct link target, named person or state, with what its gloss states."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dyad.extract.glossinfo import GlossFacts
from dyad.extract.people import PersonMention
from dyad.gazetteer import Gazetteer, Mention, State
from dyad.model import Anchor, Document, Entity, EntityType, Gloss

_NAME_KIND: tuple[tuple[EntityType, re.Pattern[str]], ...] = (
    ("event", re.compile(r"\b(?:War|Wars|Revolution|Crisis|Uprising|Summit|split|Olympics)\b")),
    (
        "organisation",
        re.compile(
            r"\b(?:Party|Assembly|Council|Committee|Union|Organi[sz]ation"
            r"|Ministry|Bank|Army|Navy|Agency|Association|Times|Post)\b"
        ),
    ),
    ("work", re.compile(r"\b(?:Treaty|Agreement|Accord|Declaration|Convention)\b")),
    ("place", re.compile(r"\b(?:Railway|River|Mountains?|Lake|Sea|Island|Province|City)\b")),
)


def _gloss_alias(anchor: str, gloss: str) -> str | None:
    """The gloss's own spelling of its subject when it differs slightly from the anchor's."""
    m = re.match(r"(?:The\s+)?([^(;,]{2,60}?)\s*[(;,]", gloss)
    if not m:
        return None
    name = m.group(1).strip(" '")
    fold = re.sub(r"[\W_]", "", name.casefold())
    if not name or name == anchor or not fold:
        return None
    anchor_fold = re.sub(r"[\W_]", "", anchor.casefold())
    common = sum(1 for a, b in zip(fold, anchor_fold, strict=False) if a == b)
    return name if common >= min(len(fold), len(anchor_fold)) * 0.6 else None


class _Registry:
    """Entities keyed by their case-folded name, in first-seen order; a repeat merges in."""

    def __init__(self) -> None:
        self.by_name: dict[str, Entity] = {}

    def put(self, entity: Entity) -> None:
        """Add ``entity``, or merge it into the entity already known under its name."""
        key = entity.name.casefold()
        old = self.by_name.get(key)
        self.by_name[key] = entity if old is None else _merged(old, entity, key)

    def entities(self) -> list[Entity]:
        """The entities in the order their names were first seen."""
        return list(self.by_name.values())


def _merged(old: Entity, new: Entity, key: str) -> Entity:
    """``old`` completed by ``new``: the first value of each field wins, aliases add up, and a
    specific type replaces "concept"."""
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    return Entity(
        name=old.name,
        type=old.type if old.type != "concept" or new.type == "concept" else new.type,
        state=old.state or new.state,
        aliases=tuple(a for a in aliases if a.casefold() != key),
        gloss=old.gloss or new.gloss,
        born=old.born or new.born,
        died=old.died or new.died,
        offices=old.offices or new.offices,
        target=old.target or new.target,
    )


def _anchor_kind(
    anchor: Anchor, fact: GlossFacts | None, state: State | None, is_person: bool
) -> EntityType:
    """An anchor's entity type: a state the gloss does not contradict, else the gloss's type,
    else a person the text names, else what the target's words suggest ("concept" by default)."""
    if state is not None and (fact is None or fact.type in {None, "state"}):
        return "state"
    if fact is not None and fact.type is not None:
        return fact.type
    if is_person:
        return "person"
    return next((k for k, p in _NAME_KIND if p.search(anchor.target)), "concept")


def _anchor_entity(
    anchor: Anchor,
    fact: GlossFacts | None,
    gloss: Gloss | None,
    person: PersonMention | None,
    gazetteer: Gazetteer,
) -> Entity:
    """The entity one anchor names, with what its gloss (``fact``) and the text say of it."""
    state = gazetteer.lookup(anchor.target) or gazetteer.lookup(anchor.text)
    kind = _anchor_kind(anchor, fact, state, person is not None)
    aliases = [anchor.text] if anchor.text != anchor.target else []
    if gloss is not None and fact is not None and fact.type is not None:
        alias = _gloss_alias(anchor.text, gloss.text)
        if alias:
            aliases.append(alias)
    return Entity(
        name=anchor.target,
        type=kind,
        state=(state.code if kind == "state" and state else None)
        or (fact.state if fact else None)
        or (person.state if person else None),
        aliases=tuple(aliases),
        gloss=fact.clean if fact else None,
        born=fact.born if fact else None,
        died=fact.died if fact else None,
        offices=fact.offices if fact else (),
        target=anchor.target,
    )


def _detached_entity(gloss: Gloss, gazetteer: Gazetteer) -> Entity:
    """The entity a gloss without an anchor in the text describes (a state or a concept)."""
    state = gazetteer.lookup(gloss.anchor)
    return Entity(
        name=gloss.anchor,
        type="state" if state else "concept",
        state=state.code if state else None,
        gloss=gloss.text[:240],
        target=gloss.target,
    )


def find_entities(
    doc: Document,
    facts: Mapping[int, GlossFacts],
    people: Sequence[PersonMention],
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
) -> list[Entity]:
    """One entity per distinct target (anchors), person and state in the document.

    In order: the anchors, the glosses without an anchor, the people, then the states
    mentioned (unambiguously); a name seen again completes the entity first seen under it.
    """
    registry = _Registry()
    person_at = {(p.start, p.end): p for p in people}
    glosses = {g.start: g for g in doc.glosses if g.start is not None}
    for anchor in doc.anchors:
        registry.put(
            _anchor_entity(
                anchor,
                facts.get(anchor.start),
                glosses.get(anchor.start),
                person_at.get((anchor.start, anchor.end)),
                gazetteer,
            )
        )
    for gloss in doc.glosses:
        if gloss.start is None:
            registry.put(_detached_entity(gloss, gazetteer))
    for person in people:
        registry.put(Entity(name=person.name, type="person", state=person.state))
    for mention in mentions:
        state = gazetteer.get(mention.code)
        if state is not None and not mention.ambiguous:
            registry.put(Entity(name=state.short_name, type="state", state=state.code))
    return registry.entities()
