"""Who acts and who is acted upon in a clause of a tagged sentence, for the event engine's roles
(:mod:`dyad.extract.roles`): the subject before the trigger and those coordinated with it, the
objects after "with", the states a clause excepts ("except China"), an organisation as the
subject, the state of an office named after a person, the pair's member a sentence names."""

from __future__ import annotations

import re

from dyad.extract.context import Region
from dyad.extract.scene import _Scene
from dyad.extract.tagging import Tag, Tagged
from dyad.model import Pair

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


def _is_object(string: str, start: int, end: int) -> bool:
    """Whether the actor at ``string[start:end]`` is the object of a verb or preposition."""
    before = string[:start]
    if _OBJECT_BEFORE.search(before):
        return True
    # Only the last words before the actor matter ("after the "): no scan of the whole prefix.
    return bool(_AFTER_BEFORE.search(before[-20:])) and bool(_LIST_NEXT.match(string, end))


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
        # "X and Y", "X, Y and Z", "Venezuelan-Spanish ties", "the People's Republic of China
        # (PRC) and Singapore" (a name and its short form in brackets)
        if re.fullmatch(r"\)?\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?|[-–]|\s*\(", between):
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


# From the trigger to the first object: "links with both ", "with its traditional allies ".
_WITH_LEAD = re.compile(
    r"(?:\s+[^\s;⟨]+){0,4}?\s+with\s+(?:both\s+)?(?:(?:the|its|their)\s+"
    r"(?:(?-i:[a-z][\w-]*)\s+){0,2}(?:allies|partners|neighbou?rs|friends)\s+)?(?:the\s+)?"
)


def _objects(tagged: Tagged, actors: list[tuple[Tag, int, int]], core_end: int) -> list[Tag]:
    """The actors after "with" right after the trigger, with those coordinated with them
    ("with both Ivory Coast and Togo", "with Peru, Bolivia and Chile")."""
    after = [x for x in actors if x[1] >= core_end]
    if not after:
        return []
    lead = tagged.string[core_end : after[0][1]]
    if not _WITH_LEAD.fullmatch(lead):
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


# A conjunct that shares the subject of the clause before it: ", but cut diplomatic ties in
# May 2018", ", and later withdrew its recognition", "and then established relations with", or
# a participle of a second act after a comma or a date ("... in May 2018 establishing relations
# with the PRC", the clause break of :data:`dyad.extract.scene._CLAUSE_BREAK`).
_SHARED_BREAK = re.compile(r"(?:,\s+but|\band\s+(?:later|then))\s+$", re.IGNORECASE)
_ELIDED_START = re.compile(
    r"\s*(?:(?:later|then|also|again|subsequently|eventually|soon|\w+ly)\s+)*"
    r"(?:\w+ed|cut|broke|withdrew|switched|sent|made|took|gave|held|met|sold|lent|paid|won)\b"
    r"|\s*(?:thereby\s+|thus\s+)?(?:establishing|recogni[sz]ing|switching|restoring|severing"
    r"|breaking|opening|closing|resuming)\b",
    re.IGNORECASE,
)


# A clause whose subject is the mission the clause before told of.
_MISSION_SUBJECT = re.compile(
    r"\s*(?:the|this|that)\s+(?:embassy|consulate|consulate-general|legation|mission"
    r"|high\s+commission)\s+(?:was|were|had|has)\b",
    re.IGNORECASE,
)


def _shares_subject(string: str, start: int) -> bool:
    """Whether the clause at ``start`` opens with its verb after a break that shares the
    subject of the clause before."""
    m = _ELIDED_START.match(string, start)
    if m is None:
        return False
    if "ing" in m.group(0).casefold().split()[-1][-3:]:
        return True  # the participle break itself
    return bool(_SHARED_BREAK.search(string, max(0, start - 20), start))


def carried_roles(
    string: str,
    clauses: list[tuple[int, int]],
    clause: tuple[int, int],
    actors: list[tuple[Tag, int, int]],
) -> list[tuple[Tag, int, int]]:
    """The subject (and, for a clause that names no one after its verb, the object) that a
    clause without a subject shares with the clause before it: "Burkina Faso has recognized
    the ROC since 1994, but cut diplomatic ties in May 2018" (Burkina Faso cut its ties with
    the ROC); "Nauru recognized Kosovo in 2008, but withdrew its recognition in 2019". The
    subject is the first actor of the nearest clause before with one that is no verb's or
    preposition's object; the object is the first state after it in that clause."""
    index = clauses.index(clause) if clause in clauses else -1
    if index >= 1 and _MISSION_SUBJECT.match(string, clause[0]):
        # "Mexico opened a resident embassy in Tirana, however the embassy was closed in
        # 1979": the mission of the clause before, with its owner and its host.
        start, end = clauses[index - 1]
        return [a for a in actors if start <= a[1] and a[2] <= end and a[0].kind == "S"]
    return _shared_roles(string, clauses, clause, index, actors)


def _shared_roles(
    string: str,
    clauses: list[tuple[int, int]],
    clause: tuple[int, int],
    index: int,
    actors: list[tuple[Tag, int, int]],
) -> list[tuple[Tag, int, int]]:
    """The subject (and object) of :func:`carried_roles` from the clauses before ``index``."""
    while index >= 1 and _shares_subject(string, clauses[index][0]):
        index -= 1
        start, end = clauses[index]
        inside = [a for a in actors if start <= a[1] and a[2] <= end and a[0].kind in "SPC"]
        if not inside:
            continue
        first = inside[0]
        if first[0].kind == "C" or _is_object(string, first[1], first[2]):
            if _shares_subject(string, start):
                continue
            return []
        named_after = [a for a in actors if clause[0] <= a[1] < clause[1] and a[0].kind == "S"]
        objects = [a for a in inside[1:] if a[0].kind == "S"]
        return [first, *objects[:1]] if not named_after else [first]
    return []
