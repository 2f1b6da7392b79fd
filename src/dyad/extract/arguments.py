"""The states a trigger word takes as its arguments, by the syntax of its own clause.

Over the tokens of a tagged sentence (:mod:`dyad.extract.cameo.matching`), for a trigger at
one token, :func:`find_roles` finds who acts (``source``) and who is acted on (``target``):

- **before a verb**: its subject, the nearest actor before it in its clause that is not the
  object of a preposition or of an earlier verb (with the offices of a state: "the President
  of X visited" is X); a passive verb's agent ("was invaded by X") is its source and its
  subject its target;
- **before a noun**: its possessor ("X's visit"), a state named as its adjective ("Chinese
  aid", "the X–Y treaty": both), else the subject of the verb that governs it ("X signed a
  treaty with Y", "X imposed sanctions on Y"); after "received" or "obtained" that subject is
  the target ("Y received aid from X");
- **after either**: the object, right after a verb or through a preposition that makes it a
  partner or an opponent ("to", "with", "against", "on", "of", "from", "by"; never "in" or
  "at", which name a venue), and both states of "between X and Y".

A state named as a qualifier of something else ("Guyanese persons", "Syrian refugees") is no
argument. ``None`` where the clause names no state as an argument.
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.extract.cameo.matching import (
    _OFFICES,
    Token,
    _agent,
    _governed,
    _passive,
    _subject,
)
from dyad.extract.cameo.rule_match import _stands_alone
from dyad.extract.tagging import Tagged

Roles = dict[str, int]  # role name -> token index

_CLAUSE_END = frozenset(';:()[]"') | {"which", "who", "whom", "whose", "while", "whereas", "but"}
# Prepositions after a trigger and the role of their object ("from X": X gives).
_PREP_ROLE = {
    "to": "target",
    "with": "target",
    "against": "target",
    "on": "target",
    "upon": "target",
    "toward": "target",
    "towards": "target",
    "into": "target",
    "of": "target",
    "over": "target",
    "from": "source",
    "by": "source",
    "between": "between",
}
# Words a noun's object may be reached through: "agreement on trade with X", "aid of $5m to X".
_THROUGH = frozenset(
    "the a an its their his her bilateral economic military trade cultural official state"
    " friendship cooperation co-operation peace border technical development financial"
    " and of on for broke out erupted million billion worth us neighbouring neighboring".split()
)
_FUNCTION = frozenset("of for on and in at to with by from as than or the a an".split())
_PASSIVE_AUX = frozenset("was were been being is are be".split())
_RECEIVE = frozenset("received receives obtained got accepted".split())
_REACH = 6


def _actor(tok: Token) -> bool:
    return tok.kind in {"S", "P", "C"}


def _is_state(tagged: Tagged, tok: Token) -> bool:
    tag = tagged.tag_of(tok.text)
    if tag is None:
        return False
    if tag.kind == "Q":
        return bool(tag.inner_states)
    if tag.kind == "P":
        return bool(tag.person and tag.person.state)
    # "the North" / "the South" are resolved by the pair a passage is about, not by syntax
    return tag.kind == "S" or (tag.kind == "C" and tag.coref not in {"north", "south"})


def _stop(tok: Token) -> bool:
    return tok.text in _CLAUSE_END or tok.text == "."


def _after(
    tagged: Tagged, tokens: Sequence[Token], at: int, pos: str, preps: dict[str, str]
) -> Roles | None:
    """The object(s) after the trigger, by the preposition that leads to them; None where a
    partner named after "with", "between", "against" or "from" is no state ("trade with the
    world", "aid from other countries")."""
    prep: str | None = None
    prep_role = {**_PREP_ROLE, **preps}
    for i in range(at + 1, min(len(tokens), at + _REACH + 1)):
        tok = tokens[i]
        if _stop(tok) or tok.text == ",":
            break
        if _actor(tok):
            if not _is_state(tagged, tok):
                return {}
            if prep is None:
                return {"target": i} if pos == "v" and i <= at + 2 else {}
            return _object_of(tagged, tokens, i, prep_role[prep], prep_role)
        if tok.kind != "w":
            if tok.kind in {"D", "Q"} or tok.text in {"-", "–", "$", "€", "£"}:
                continue
            if tok.text[0].isdigit():
                continue
            break
        if tok.text in prep_role:
            prep = tok.text
        elif tok.text not in _THROUGH and not (pos == "n" and i == at + 1 and tok.text == "s"):
            break
    return None if prep in _PARTNER else {}


_PARTNER = frozenset({"with", "between", "against", "from"})


def _object_of(
    tagged: Tagged, tokens: Sequence[Token], i: int, role: str, prep_role: dict[str, str]
) -> Roles:
    """The roles of the actor at ``i``, reached through a preposition of ``role``."""
    if role != "between":
        return _second(tagged, tokens, i, role, prep_role)
    if tokens[i].kind == "C":
        return {"source": i}  # "between the two countries"
    nxt = i + 2
    if nxt < len(tokens) and tokens[i + 1].text == "and" and _actor(tokens[nxt]):
        return {"source": i, "target": nxt} if _is_state(tagged, tokens[nxt]) else {}
    return {}


def _second(
    tagged: Tagged, tokens: Sequence[Token], at: int, role: str, prep_role: dict[str, str]
) -> Roles:
    """The object at ``at`` in ``role``, and a second one right after it through a
    preposition of the other role ("exports from X to Y")."""
    roles = {role: at}
    if at + 2 < len(tokens) and _actor(tokens[at + 2]) and _is_state(tagged, tokens[at + 2]):
        other = prep_role.get(tokens[at + 1].text)
        if other in {"source", "target"} and other != role:
            roles[other] = at + 2
    return roles


def _joint(tagged: Tagged, tokens: Sequence[Token], found: list[int]) -> bool:
    """Whether the states named as a noun's adjective are all demonyms ("the American-British
    invasion", "a French-Moroccan intervention"): joint actors of one act, not a pair."""
    tags = [tagged.tag_of(tokens[i].text) for i in found]
    return all(tag is not None and tag.demonym for tag in tags)


def _owner(tagged: Tagged, tokens: Sequence[Token], at: int, directed: bool = False) -> Roles:
    """A noun's possessor or the states named as its adjective, up to three words before; of
    a directed act, adjectives that are all demonyms are its joint actors: the first acts, and
    the target is the one the clause names after the noun, if any."""
    found: list[int] = []
    for i in range(at - 1, max(-1, at - 5), -1):
        tok = tokens[i]
        if _actor(tok):
            if not _is_state(tagged, tok):
                break
            found.append(i)
            continue
        if (
            tok.kind == "D"
            or tok.text in {"-", "–", "'", "’", "s", "and"}
            or (tok.kind == "w" and tok.text in _THROUGH - {"of", "on", "for", "and"})
        ):
            continue
        if tok.kind == "w" and tok.text in _RECEIVE:
            break  # a verb that turns the roles round: "X received aid" is no "X aid"
        if tok.kind == "w" and not found and i >= at - 2 and tok.text not in _NOT_OWNED:
            continue  # "Chinese development aid", "X's official visit"
        break
    if len(found) >= 2 and directed and _joint(tagged, tokens, found):
        return {"source": found[-1]}
    if len(found) >= 2:
        return {"source": found[-1], "target": found[0]}
    return {"source": found[0]} if found else {}


def _in_name(tagged: Tagged, tokens: Sequence[Token], at: int) -> bool:
    """A state's name that begins a longer name ("the Lebanon War", "Canada House")."""
    nxt = at + 1
    if nxt >= len(tokens) or tokens[nxt].kind != "w":
        return False
    word = tagged.string[tokens[nxt].start : tokens[nxt].end]
    return word[0].isupper() and tokens[nxt].text not in _OFFICES


def _counted_before(tagged: Tagged, tokens: Sequence[Token], at: int) -> int | None:
    """A quantity of one state's people right before a participle ("4,872 South Africans
    living in"), or a state named as their adjective ("Guyanese living in")."""
    for i in range(at - 1, max(-1, at - 4), -1):
        tok = tokens[i]
        if tok.kind == "Q":
            tag = tagged.tag_of(tok.text)
            return i if tag is not None and len(set(tag.inner_states)) == 1 else None
        if tok.kind == "S":
            return i
        if tok.kind != "w" or tok.text in _FUNCTION - {"of"}:
            return None
    return None


def _governing_verb(tokens: Sequence[Token], at: int) -> int | None:
    """The nearest verb before a noun in its clause ("signed a treaty", "paid a visit"); none
    past a preposition of time or an infinitive's "to" after an object ("sided with Y during
    the dispute", "asked the Gulf states to settle their dispute": the dispute is not the
    verb's; "claimed to have cut its relations" is). "Has" governs only a short noun phrase of
    its own ("X has a long-standing dispute with"), not as an auxiliary."""
    for i in range(at - 1, max(-1, at - 8), -1):
        tok = tokens[i]
        if _stop(tok) or tok.text == "," or tok.text in _NOT_GOVERNED:
            return None
        if tok.text == "to" and not (i > 0 and _verb_like(tokens[i - 1])):
            return None
        if tok.text in _HAS and at - i <= 4 and tokens[i + 1].text in _DETERMINER:
            return i
        if tok.kind == "w" and (tok.text.endswith("ed") or tok.text in _LIGHT):
            return i
    return None


_HAS = frozenset("has have had".split())
_DETERMINER = frozenset("a an the its their several some many numerous two three".split())


def _verb_like(tok: Token) -> bool:
    return tok.kind == "w" and (tok.text.endswith("ed") or tok.text in _LIGHT)


_NOT_GOVERNED = frozenset("during amid amidst despite after before following throughout".split())
_NOT_OWNED = _FUNCTION | _NOT_GOVERNED  # "X during the dispute": X is not its owner
_LIGHT = frozenset(
    "made paid gave given sent signed received receives obtained got held began begun built"
    " won struck took brought set sought met fought came"
    " imposed imposes provides provide gives give sign signs hold holds".split()
)


def _before(
    tagged: Tagged, tokens: Sequence[Token], at: int, pos: str, directed: bool = False
) -> tuple[Roles, bool]:
    """The roles before the trigger, and whether they are turned round (a passive verb,
    "received aid")."""
    if pos == "v":
        if _passive(tokens, at, at):
            agent = _agent(tokens, at)
            subject = _subject(tokens, at - 1)
            roles: Roles = {}
            if agent is not None:
                roles["source"] = agent
            if subject:
                roles["target"] = subject[-1]
            return roles, True
        subject = _subject(tokens, at)
        return ({"source": subject[-1]} if subject else {}), False
    if pos == "g":
        counted = _counted_before(tagged, tokens, at)
        return ({"source": counted} if counted is not None else {}), False
    owner = _owner(tagged, tokens, at, directed)
    if owner:
        return owner, False
    verb = _governing_verb(tokens, at)
    if verb is None:
        return {}, False
    subject = _subject(tokens, verb)
    if not subject:
        return {}, False
    passive = verb > 0 and tokens[verb - 1].text in _PASSIVE_AUX  # "X was given a loan"
    return {"source": subject[-1]}, passive or tokens[verb].text in _RECEIVE


def find_roles(
    tagged: Tagged,
    tokens: Sequence[Token],
    at: int,
    pos: str,
    preps: dict[str, str] | None = None,
    flip: bool = False,
    directed: bool = False,
) -> Roles | None:
    """``source`` and ``target`` (token indices) of the trigger at ``at``; None where its
    clause names no state as an argument. ``directed``: the trigger's type is a directed act."""
    before, turned = _before(tagged, tokens, at, pos, directed)
    if "source" in before and ((flip and not turned) or (turned and pos == "n")):
        before = {"target": before["source"]}  # "Y received aid from X", "Y received €4m"
    after = {} if (turned and pos == "v") else _after(tagged, tokens, at, pos, preps or {})
    if after is None:
        return None  # the partner named is no state
    if after.get("source") is not None and "target" not in after and "source" in before:
        before = {"target": before["source"]}  # "X sought aid from Y": Y gives it to X
    roles = _kept(tagged, tokens, at, _merged(before, after))
    if pos == "g" and tokens[roles.get("source", at)].kind == "S":
        roles.pop("source")  # "Guyanese living in": kept only as the quantity's state
    return roles if _enough(tagged, tokens, at, roles) else None


def _merged(before: Roles, after: Roles) -> Roles:
    """The roles before the trigger and after it; a second one after it takes the free role."""
    roles: Roles = dict(after) if len(after) == 2 else dict(before)
    for name, index in after.items():
        if index in roles.values():
            continue
        if name in roles:
            name = "target" if name == "source" else "source"
            if name in roles:
                continue
        roles[name] = index
    return roles


def _kept(tagged: Tagged, tokens: Sequence[Token], at: int, roles: Roles) -> Roles:
    """The roles that are states standing alone, not part of a longer name."""
    return {
        name: i
        for name, i in roles.items()
        if _is_state(tagged, tokens[i])
        and (i < at or _stands_alone(tagged, tokens, i))
        and not _in_name(tagged, tokens, i)
    }


def _enough(tagged: Tagged, tokens: Sequence[Token], at: int, roles: Roles) -> bool:
    """Whether the roles found tell the event, the rest left to the passage's pair."""
    if len(set(roles.values())) < len(roles) or not roles:
        return False
    if list(roles) == ["target"] and roles["target"] < at:
        return False  # acted on, by whom the clause does not say ("X was accused", "X received")
    if list(roles) == ["target"] and _actor_before(tagged, tokens, at):
        return False  # an actor before the trigger that syntax does not make its subject
    # one state only: the other side is the passage's, unless the clause names another
    return not (len(roles) == 1 and _other_states(tagged, tokens, at, roles))


def _actor_before(tagged: Tagged, tokens: Sequence[Token], at: int) -> bool:
    """Whether a state (or a person of a known state) stands before ``at`` in its clause."""
    for i in range(at - 1, -1, -1):
        if _stop(tokens[i]):
            return False
        if tokens[i].kind in {"S", "P"} and _is_state(tagged, tokens[i]):
            return True
    return False


def _other_states(tagged: Tagged, tokens: Sequence[Token], at: int, roles: Roles) -> bool:
    """Whether the trigger's clause names a state that is not one of its roles: then the
    other side is not the passage's pair, and no argument says which it is."""
    states = {tagged.tag_of(tokens[i].text) for i in roles.values()}
    named = {t.state for t in states if t is not None and t.state}
    lo = at
    while lo > 0 and not _stop(tokens[lo - 1]):
        lo -= 1
    hi = at
    while hi + 1 < len(tokens) and not _stop(tokens[hi + 1]):
        hi += 1
    for tok in tokens[lo : hi + 1]:
        if tok.kind == "S":
            tag = tagged.tag_of(tok.text)
            if tag is not None and tag.state and tag.state not in named:
                return True
    return False


def coordinated(tagged: Tagged, tokens: Sequence[Token], role_at: int) -> list[int]:
    """The states coordinated with the one at ``role_at`` ("with A, B and C", "A and the B
    signed"): each is a party of its own event with the trigger's other side. A list of
    commas without a closing "and" is none ("the invasion of A, B fought")."""
    found: list[int] = []
    for step in (1, -1):
        chain: list[int] = []
        closed = False
        i = role_at
        while True:
            j = i + step
            between: set[str] = set()
            while 0 <= j < len(tokens) and tokens[j].text in {",", "and", "the"}:
                between.add(tokens[j].text)
                j += step
            if j == i + step or not 0 <= j < len(tokens) or abs(j - i) > 3:
                break
            if not (_actor(tokens[j]) and _is_state(tagged, tokens[j])):
                break
            if step == 1 and (_owned_or_acting(tokens, j) or not _stands_alone(tagged, tokens, j)):
                break  # "with A and B's ...", "with A and B severed", "and British support"
            chain.append(j)
            closed = "and" in between
            i = j
        if not chain:
            continue
        forward = step == 1 and closed
        # backward, not the object of a preposition: "relations with A and B severed"
        backward = (
            step == -1
            and "and" in _separators(tokens, chain[0], role_at)
            and not _governed(tokens, chain[-1])
        )
        if forward or backward:
            found.extend(chain)
    return found


_FINITE = frozenset("has have had was were is are will would".split())


def _owned_or_acting(tokens: Sequence[Token], at: int) -> bool:
    """A state followed by a possessive or by a verb: the subject of a clause of its own."""
    if at + 1 >= len(tokens):
        return False
    nxt = tokens[at + 1]
    return (
        nxt.text in {"'", "’"}
        or nxt.text in _FINITE
        or (nxt.kind == "w" and nxt.text.endswith("ed"))
    )


def _separators(tokens: Sequence[Token], first: int, last: int) -> set[str]:
    return {t.text for t in tokens[first + 1 : last]}
