"""Entities: one per distinct link target, named person or state, with what its gloss states."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dyad.extract.glossinfo import GlossFacts
from dyad.extract.people import PersonMention
from dyad.gazetteer import Gazetteer, Mention
from dyad.model import Document, Entity, EntityType

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


def find_entities(
    doc: Document,
    facts: Mapping[int, GlossFacts],
    people: Sequence[PersonMention],
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
) -> list[Entity]:
    """One entity per distinct target (anchors), person and state in the document."""
    by_name: dict[str, Entity] = {}
    order: list[str] = []
    person_at = {(p.start, p.end): p for p in people}

    def put(entity: Entity) -> None:
        key = entity.name.casefold()
        old = by_name.get(key)
        if old is None:
            by_name[key] = entity
            order.append(key)
            return
        aliases = tuple(dict.fromkeys((*old.aliases, *entity.aliases)))
        by_name[key] = Entity(
            name=old.name,
            type=old.type if old.type != "concept" or entity.type == "concept" else entity.type,
            state=old.state or entity.state,
            aliases=tuple(a for a in aliases if a.casefold() != key),
            gloss=old.gloss or entity.gloss,
            born=old.born or entity.born,
            died=old.died or entity.died,
            offices=old.offices or entity.offices,
            target=old.target or entity.target,
        )

    glosses = {g.start: g for g in doc.glosses if g.start is not None}
    detached = [g for g in doc.glosses if g.start is None]
    for anchor in doc.anchors:
        fact = facts.get(anchor.start)
        state = gazetteer.lookup(anchor.target) or gazetteer.lookup(anchor.text)
        kind: EntityType
        if state is not None and (fact is None or fact.type in {None, "state"}):
            kind = "state"
        elif fact is not None and fact.type is not None:
            kind = fact.type
        elif (anchor.start, anchor.end) in person_at:
            kind = "person"
        else:
            kind = next((k for k, p in _NAME_KIND if p.search(anchor.target)), "concept")
        aliases = [anchor.text] if anchor.text != anchor.target else []
        gloss = glosses.get(anchor.start)
        if gloss is not None and fact is not None and fact.type is not None:
            alias = _gloss_alias(anchor.text, gloss.text)
            if alias:
                aliases.append(alias)
        person = person_at.get((anchor.start, anchor.end))
        put(
            Entity(
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
        )
    for gloss in detached:
        state = gazetteer.lookup(gloss.anchor)
        put(
            Entity(
                name=gloss.anchor,
                type="state" if state else "concept",
                state=state.code if state else None,
                gloss=gloss.text[:240],
                target=gloss.target,
            )
        )
    for person in people:
        put(Entity(name=person.name, type="person", state=person.state))
    for mention in mentions:
        state = gazetteer.get(mention.code)
        if state is None or mention.ambiguous:
            continue
        put(Entity(name=state.short_name, type="state", state=state.code))
    return [by_name[k] for k in order]
