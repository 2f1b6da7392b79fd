"""What the event engine's phases share about one match: the match itself, its clause, the
tags of its sentence and the roles resolved so far (:mod:`dyad.extract.events`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.extract.rules import Rule
from dyad.extract.tagging import Tag, Tagged
from dyad.model import Pair, Person


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
    # "opened an embassy in Tirana, however the embassy was closed in 1979": "however" as a
    # conjunction; not the aside of "Relations, however, deteriorated".
    r"|,\s+however\s(?!\s*,)"
    # a second act told by a participle after a comma or a date: "cut diplomatic ties in May
    # 2018 establishing relations with the PRC" (its subject: dyad.extract.subjects)
    r"|(?:,|(?<=⟩))\s+(?=(?:thereby\s+|thus\s+)?(?:establishing|recogni[sz]ing|switching"
    r"|restoring|severing|breaking|opening|closing|resuming)\s)"
)


# A coordinated clause with a subject of its own: "Japan closed its embassy on 16 February,
# and Egypt closed its embassy on 23 February"; "... in 1986 and Pope Francis also made";
# "... on 13 February, Japan closed its embassy". The words before must hold a verb, so that a
# list of subjects ("France, Germany, and Italy signed") stays one clause. A clause of time
# ("... visited Cyprus when Netanyahu was in Washington for talks with ...") is one of its own
# too: its parties are not the main clause's.
_NEW_SUBJECT = re.compile(
    r"(?:,\s+and|\s+and|(?P<comma>,)|(?P<when>,?\s+(?:when|as|while)))\s+"
    r"(?=(?:the\s+)?(?:\w+\s+)?(?:⟨[SP]\d+⟩|(?(when)(?-i:[A-Z][a-z]+)))"
    r"(?:\s*(?:,|and|,\s*and)\s+(?:the\s+)?⟨[SP]\d+⟩)*\s+(?:also\s+|later\s+|then\s+|too\s+"
    r"|itself\s+|in\s+turn\s+|\w+ly\s+)?(?!(?:based|located|called|named|known|related"
    r"|situated|led|including|concerned|involved)\b)(?:\w+ed|has|had|have|was|were|sent|made"
    r"|became|began|took|gave|held|met|withdrew|broke|paid|built|won|sought|lent|sold|cut"
    r"|struck|fought|did|went|came|set)\b)",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(
    r"\b(?:\w+ed|has|had|have|was|were|is|are|sent|made|became|began|took|gave|held|met"
    r"|withdrew|broke|paid|built|won|sought|lent|sold|cut|struck|fought|did|went|came)\b",
    re.IGNORECASE,
)


def _clauses(string: str, *, of_time: bool = True) -> list[tuple[int, int]]:
    """The clauses of a tagged sentence; ``of_time=False`` keeps a clause of time ("when X
    was ...") with its main clause (a date there dates both)."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(string)]
    out, start = [], 0
    commas: list[tuple[int, int]] = []
    for m in _NEW_SUBJECT.finditer(string):
        if any(a <= m.start() < b for a, b in breaks) or (m.group("when") and not of_time):
            continue
        before = max([0, *(b for a, b in breaks + commas if b <= m.start())])
        if m.group("when") or _FINITE_VERB.search(string, before, m.start()):
            if m.group("comma"):
                commas.append((m.start(), m.end()))
                continue
            # A bare comma parts clauses only in a series closed by "and": "X closed its
            # embassy on 13 February, Y closed its embassy on 16 February, and Z ..."; not
            # after a fronted phrase ("and in 1999, the DPRK closed").
            if not m.group("when"):
                breaks.extend(commas)
            commas = []
            breaks.append((m.start(), m.end()))
            breaks.sort()
    for a, b in sorted(breaks):
        out.append((start, a))
        start = b
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
