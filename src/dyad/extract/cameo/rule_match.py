"""A CAMEO pattern's match around a verb (:mod:`dyad.extract.cameo.matching`) as the match the
event engine takes: the sentence's own text from the first role to the last, with the roles as
named groups, made only where both sides are states that stand alone as actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyad.extract.cameo.matching import _OFFICES, Found, Token, VerbRule
from dyad.extract.rules import spans_match
from dyad.extract.tagging import Tagged


def as_match(
    rule: VerbRule, tagged: Tagged, tokens: Sequence[Token], found: Found
) -> re.Match[str] | None:
    """The match the event engine takes: the sentence's own text from the first role to the
    last, with the roles as named groups. Only a match where both sides are states is made."""
    roles = _roles(rule, found)
    if roles is None:
        return None
    if not all(_is_state(tagged, tokens[i]) for i in roles.values()):
        return None
    if any(not _stands_alone(tagged, tokens, i) for i in roles.values()):
        return None
    if any(_possessive(tokens, i) for i in roles.values() if i > found.first):
        return None  # "hosts Mongolia's embassy": the state owns the object, it is not one
    return _compile(tagged.string, tokens, roles, found)


def _roles(rule: VerbRule, found: Found) -> dict[str, int] | None:
    """Each role's token: the pattern's own roles, the others from the clause's subject and
    object (``a``, ``b``, ``c`` for a reciprocal pattern); ``None`` where one is missing."""
    reciprocal = rule.subject == "-"
    roles: dict[str, int] = {}
    if found.source is not None:
        roles["source"] = found.source
    if found.target is not None:
        roles["target"] = found.target
    subject = list(found.subject)
    if "source" not in roles and "target" not in roles:
        if reciprocal:
            parties = [*subject, *([found.object] if found.object is not None else [])]
            if len(parties) < 2:
                return None
            roles.update(zip(("a", "b", "c"), parties[:3], strict=False))
        else:
            if not subject or found.object is None:
                return None
            other = "target" if rule.subject == "source" else "source"
            roles[rule.subject] = subject[-1]
            roles[other] = found.object
    else:
        if "source" not in roles:
            if not subject:
                return None
            roles["source"] = subject[-1]
        if "target" not in roles:
            if found.object is None:
                return None
            roles["target"] = found.object
        if rule.subject == "target":
            roles["source"], roles["target"] = roles["target"], roles["source"]
    return roles


def _stands_alone(tagged: Tagged, tokens: Sequence[Token], at: int) -> bool:
    """Whether the state at ``at`` is the actor itself: not part of a word ("anti-DPRK"), and
    not a demonym or name that qualifies something else ("Canadians came", "American pilot",
    "DPRK citizens"), unless that is an office or a force of the state ("Canadian forces")."""
    if at > 0 and tokens[at - 1].text == "-":
        return False
    following = tokens[at + 1].text if at + 1 < len(tokens) else ""
    if following in _OFFICES:
        return True
    if following in _NON_STATE_HEADS:
        return False
    tag = tagged.tag_of(tokens[at].text)
    return tag is None or not tag.demonym


_NON_STATE_HEADS = frozenset(
    "citizens nationals people peoples students workers migrants refugees tourists pilgrims"
    " companies company firm firms businesses business investors traders media press scholars"
    " diaspora community communities exports imports pilot pilots s".split()
)


def _possessive(tokens: Sequence[Token], at: int) -> bool:
    return at + 2 < len(tokens) and tokens[at + 1].text in {"'", "’"} and tokens[at + 2].text == "s"


def _is_state(tagged: Tagged, tok: Token) -> bool:
    tag = tagged.tag_of(tok.text)
    if tag is None:
        return False
    if tag.kind == "P":
        return bool(tag.person and tag.person.state)
    return tag.kind in {"S", "C"}


def _compile(
    string: str, tokens: Sequence[Token], roles: dict[str, int], found: Found
) -> re.Match[str] | None:
    spans = sorted((tokens[i].start, tokens[i].end, name) for name, i in roles.items())
    start = min(spans[0][0], tokens[found.first].start)
    end = max(spans[-1][1], tokens[found.last].end)
    return spans_match(string, spans, start, end)
