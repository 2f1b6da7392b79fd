"""States coordinated with a directed act's role: one event for each (issue 8).

"France and the People's Republic of China recognised Montenegro" tells two recognitions,
FRA -> MNE and CHN -> MNE; "Algeria and Morocco responded by withdrawing their ambassadors
from Mauritania", two recalls; "Y and Z were recognized by X", two. Each state coordinated with
the source acts toward the target, each coordinated with the target is acted on by the source,
and the coordinated states are never each other's partners ("France and Germany signed
agreements with Ukraine" is no act between France and Germany).

Coordination is read as the trigger lexicon reads it (:func:`dyad.extract.arguments.coordinated`):
a closing "and" ("A, B and C"; a list of commas alone is none), no state that is the object of
a preposition ("relations with A and B"), the possessor of a noun or the subject of a clause of
its own ("with A and B severed").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dyad.extract.arguments import coordinated
from dyad.extract.cameo.matching import TOKEN, token
from dyad.extract.rules import Rule
from dyad.extract.scene import _Match, _Resolved, _Scene
from dyad.extract.tagging import Tag, Tagged

Resolve = Callable[[Tag], _Resolved]
Roles = tuple[str | None, str | None] | None


def role_ways(rule: Rule, source: str | None, target: str | None, *, directed: bool) -> list[Roles]:
    """The roles of each event a match tells: none for a reciprocal act; for a directed one its
    source and target, and the reverse too where the rule says both states did it ("both
    countries reopened their embassies")."""
    if not directed:
        return [None]
    if rule.both_ways and source and target:
        return [(source, target), (target, source)]
    return [(source, target)]


def role_conjuncts(
    tagged: Tagged,
    match: _Match,
    scene: _Scene,
    roles: tuple[str | None, str | None],
    resolve: Resolve,
) -> list[tuple[str, str]]:
    """The (source, target) pairs beyond ``roles`` told by the states coordinated with the
    source or the target, in the order they are named; empty where a role is unknown or
    stands for no tag of the clause (the passage's pair filled it in)."""
    source, target = roles
    if source is None or target is None:
        return []
    tokens = [token(m) for m in TOKEN.finditer(tagged.string)]
    index = {t.start: i for i, t in enumerate(tokens)}
    pairs: list[tuple[str, str]] = []
    for side, state in (("source", source), ("target", target)):
        at = _role_position(match, scene, side, state, resolve)
        if at is None or at not in index:
            continue
        for j in coordinated(tagged, tokens, index[at]):
            tag = tagged.tag_of(tokens[j].text)
            if tag is None or not scene.clause[0] <= tokens[j].start < scene.clause[1]:
                continue
            states = resolve(tag).states
            other = states[0] if len(states) == 1 else None
            if other is None or other in (source, target):
                continue
            pair = (other, target) if side == "source" else (source, other)
            if pair not in pairs:
                pairs.append(pair)
    return pairs


def _role_position(
    match: _Match, scene: _Scene, side: str, state: str, resolve: Resolve
) -> int | None:
    """Where the role's state is named: its capture, else the actor of that state nearest the
    trigger on the role's side (before it for the source, after it for the target), else on
    the other side ("Y and Z were recognized by X")."""
    m = match.match
    if m.groupdict().get(side):
        return m.start(side)
    a, b = match.core
    named = [(s, e) for t, s, e in scene.actors if resolve(t).states == [state]]
    before = [s for s, e in named if e <= a]
    after = [s for s, e in named if s >= b]
    if side == "source":
        ordered: Sequence[int] = [*before[::-1], *after]
    else:
        ordered = [*after, *before[::-1]]
    return ordered[0] if ordered else None


# "signed three agreements", "signed 11 bilateral agreements", "concluded a total of six
# memoranda": a count of documents signed at once; each is an agreement of its own.
_DOCUMENTS = r"(?:agreements|treaties|accords|memoranda|memorandums|conventions|protocols|mous)"
_COUNTED_OF = re.compile(rf"(?:[\w-]+\s+){{0,2}}{_DOCUMENTS}", re.IGNORECASE)
_COUNTED_DIGITS = re.compile(
    rf"\b(?:signed|concluded|signing)\s+(?:a\s+total\s+of\s+)?(?P<n>\d{{1,2}})\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_DOCUMENTS}\b",
    re.IGNORECASE,
)
# More than a dozen documents stays one event with its count as the quantity.
_MOST_DOCUMENTS = 12


def documents_signed(tagged: Tagged, match: _Match) -> int:
    """How many agreements a signing counts ("signed three agreements": 3), from 2 to 12;
    else 1. Only for an agreement signed."""
    if match.rule.type != "agreement.signed":
        return 1
    m = match.match
    count = 1
    for found in re.finditer(r"⟨Q(\d+)⟩", m.group(0)):
        q = tagged.tags[int(found.group(1))].quantity
        if q is not None and _COUNTED_OF.fullmatch(q.of.strip()):
            count = int(q.amount)
            break
    else:
        digits = _COUNTED_DIGITS.search(m.group(0))
        if digits is not None:
            count = int(digits.group("n"))
        elif _PLURAL.search(m.group(0)):
            count = _fields(tagged.string, m.end())
    return count if 2 <= count <= _MOST_DOCUMENTS else 1


_PLURAL = re.compile(rf"{_DOCUMENTS}$", re.IGNORECASE)
# "agreements (with Israel) on tourism, health, and education and culture": the fields listed
# right after the documents, with a comma and a closing "and", each of a few words.
_FIELDS = re.compile(
    r"\s+(?:with\s+(?:the\s+)?⟨[SC]\d+⟩\s+)?(?:on|for)\s+(?P<list>[^;.⟨()]+?)"
    r"(?=\s*(?:[.;(]|$|\s(?:in|on|at|during|since)\s+(?:⟨D|the\b)|\swith\b|,\s+(?:which|and\s+(?:the|⟨))))",
    re.IGNORECASE,
)


def _fields(string: str, end: int) -> int:
    """How many fields a list after plural documents names (one document each), else 1."""
    m = _FIELDS.match(string, end)
    if m is None or "," not in m.group("list"):
        return 1
    parts = [p.strip() for p in m.group("list").split(",")]
    if not parts[-1].startswith(("and ", "or ")) and " and " not in parts[-1]:
        return 1  # "on trade, tourism": no closing "and"
    if any(len(p.split()) > 4 or not p for p in parts):
        return 1  # "on cooperation in the spheres of transport, customs": one subject
    last = parts[-1]
    return len(parts) + (not last.startswith("and ") and " and " in last)
