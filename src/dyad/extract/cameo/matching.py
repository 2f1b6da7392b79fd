"""Matching one converted CAMEO pattern around a verb of a tagged sentence, token by token.

A tagged sentence (:mod:`dyad.extract.tagging`) is cut into tokens: words, punctuation and the
tags of states, people, dates and quantities. :func:`find_match` checks a pattern's nouns and
prepositional phrases around its verb within a few words, finds the clause's subject and
object, and :func:`dyad.extract.cameo.rule_match.as_match` makes of it the match the event
engine takes, with the roles as named groups, only where both are states and arguments of the
verb's own clause (see :mod:`dyad.extract.cameo.verbs` for the rules of thumb and their reasons).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dyad.extract.rules import Rule

TOKEN = re.compile(r"⟨([SPCQD])(\d+)⟩|[^\W\d_](?:[\w'’-]*\w)?|\d[\d.,]*|[^\w\s]")
# Where a clause stops for the subject and object search.
_STOP = frozenset(';:()[]"') | {"which", "who", "whom", "whose", "while", "whereas", "although"}
_PREPOSITIONS = frozenset(
    "to with of for by from in on at against between into toward towards than over under"
    " about among amongst across through during after before since until like as via".split()
)
_PASSIVE_AUX = frozenset("was were been being is are be".split())
# Words between a subject and its verb that keep the subject ("X has also formally recognised").
_ADVERBS = frozenset(
    "has have had also then later formally officially finally first jointly subsequently"
    " eventually recently again once soon quickly immediately both itself themselves reportedly"
    " not never".split()
)
# "the President of X visited": an office of X is X; so is "the Canadian government".
_OFFICES = frozenset(
    "president prime minister ministers king queen emperor government governments leader leaders"
    " chairman premier ambassador delegation forces army troops navy military embassy head"
    " secretary chancellor authorities officials regime state foreign air".split()
)
# Between a verb and its object: the object's article or a preposition that keeps the object
# an opponent, a partner or a place ("fought against X", "relations with X"), not an ally
# ("fought alongside X") or a circumstance ("in the presence of X").
_TO_OBJECT = frozenset(
    "the a an its their his her to with against on upon into at from in toward towards"
    " between of over".split()
)
_GAP = 4  # words a pattern element may be from the one before it
_SKIP_GAP = 10  # after a "^" (some words)
_SUBJECT_REACH = 12
_OBJECT_REACH = 4


class Token(NamedTuple):
    """One token of a tagged sentence (a named tuple: a sentence has dozens, and a tuple is
    made several times faster than a frozen dataclass)."""

    text: str  # lower case; for a tag its token ("⟨S1⟩")
    kind: str  # "w" word, "p" punctuation, or the tag kind S/P/C/Q/D
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Words:
    alternatives: tuple[tuple[frozenset[str], ...], ...]  # each a phrase: forms of each word


@dataclass(frozen=True, slots=True)
class Prep:
    word: str
    inner: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str  # "source", "target", "skip"


Element = Words | Prep | Slot


@dataclass(frozen=True, slots=True)
class VerbRule:
    """One converted pattern: the Dyad rule it stands for and what it needs around its verb."""

    rule: Rule
    subject: str  # the Dyad role of the clause's subject: "source", "target" or "-"
    cameo: str
    pre: tuple[Element, ...]
    post: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """Token indices of a match: where its words are and which actors fill its roles."""

    first: int
    last: int
    subject: tuple[int, ...]
    object: int | None
    source: int | None = None  # an explicit "$" slot
    target: int | None = None  # an explicit "+" slot or a prepositional object


def token(m: re.Match[str]) -> Token:
    text = m.group()
    start, end = m.span()
    if m.lastindex:  # a tag: its kind is the first group
        return Token(text, m.group(1), start, end)
    return Token(text.casefold(), "w" if text[0].isalpha() else "p", start, end)


# Before a word, what makes it a noun ("the visit", "Mexico's main export") rather than a verb.
_NOUN_BEFORE = frozenset(
    "a an the its their his her our this that these those s main primary major first official"
    " state any no each every such".split()
)
_ARTICLES = frozenset("a an the his her its their".split())
# Before a verb, what keeps it from having happened: negation, refusal, modals, plans; the
# event engine marks such events, but a pattern without a parse is not trusted with them.
_NOT_ASSERTED = frozenset(
    "not never no to would could can might may will shall should must refused declined denied"
    " denies deny stopped refrains refrain proposed sought seeking considering considered".split()
)


def asserted_verb(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at`` reads as a verb that happened: not a noun after a
    determiner, not a gerund ("stopped criticizing"), not after a negation or a modal."""
    text = tokens[at].text
    if text.endswith("ing"):
        return False
    before = [t.text for t in tokens[max(0, at - 3) : at]]
    if before and (before[-1] in _NOUN_BEFORE or tokens[at - 1].kind in {"D", "Q"}):
        return False  # "the visit", "Mexico's main export", "his 1984 visit"
    if len(before) >= 2 and before[-2] in _ARTICLES:
        return False  # "a return visit", "an official visit"
    return not any(word in _NOT_ASSERTED for word in before)


# ---------------------------------------------------------------------- matching one pattern


@dataclass(slots=True)
class _Walk:
    """How far a pattern's match has got: its first and last tokens, where the next element is
    looked for (within ``gap`` words), and the roles and prepositional object found so far."""

    first: int
    last: int
    cursor: int
    gap: int = _GAP
    source: int | None = None
    target: int | None = None
    prep_object: int | None = None


def needed_words(rule: VerbRule) -> tuple[frozenset[str], ...]:
    """For each word element of the pattern (its prepositions and the words in them too), the
    words one of which a sentence must hold for :func:`find_match` to find the element: the
    first words of its alternatives. A sentence without one cannot match the pattern."""
    needs: list[frozenset[str]] = []
    elements = list(rule.pre) + list(rule.post)
    while elements:
        element = elements.pop()
        if isinstance(element, Words):
            needs.append(frozenset().union(*(phrase[0] for phrase in element.alternatives)))
        elif isinstance(element, Prep):
            needs.append(frozenset({element.word.casefold()}))
            elements.extend(element.inner)
    return tuple(needs)


def find_match(rule: VerbRule, tokens: Sequence[Token], verb: int, verb_end: int) -> Found | None:
    """Where ``rule`` matches around the verb at ``verb``..``verb_end``, with its roles, in
    phases: the pattern's elements before the verb, those after it, the subject and object."""
    walk = _Walk(first=verb, last=verb_end, cursor=verb_end + 1)
    if not _walk_before(rule, tokens, walk):
        return None
    for element in rule.post:
        if not _walk_after(element, tokens, walk):
            return None
    return _found(tokens, verb, verb_end, walk)


def _walk_before(rule: VerbRule, tokens: Sequence[Token], walk: _Walk) -> bool:
    """Match the pattern's elements before the verb, backwards; whether they all match."""
    for element in reversed(rule.pre):
        if isinstance(element, Slot):
            if element.kind == "skip":
                continue
            at = _actor_before(tokens, walk.first, _GAP)
            if at is None:
                return False
            if element.kind == "source":
                walk.source = at
            else:
                walk.target = at
            walk.first = at
            continue
        if not isinstance(element, Words):
            return False  # prepositional phrases before the verb: not converted
        at = _words_before(element, tokens, walk.first)
        if at is None:
            return False
        walk.first = at
    return True


def _walk_after(element: Element, tokens: Sequence[Token], walk: _Walk) -> bool:
    """Match one of the pattern's elements after the verb; whether it matches."""
    if isinstance(element, Slot):
        if element.kind == "skip":
            walk.gap = _SKIP_GAP
            return True
        at = _actor_after(tokens, walk.cursor, walk.gap)
        if at is None:
            return False
        if element.kind == "source":
            walk.source = at
        else:
            walk.target = at
        walk.cursor, walk.last, walk.gap = at + 1, at, _GAP
        return True
    if isinstance(element, Words):
        span = _words_after(element, tokens, walk.cursor, walk.gap)
        if span is None:
            return False
        walk.cursor, walk.last, walk.gap = span + 1, span, _GAP
        return True
    return _walk_prep(element, tokens, walk)


def _walk_prep(element: Prep, tokens: Sequence[Token], walk: _Walk) -> bool:
    """Match a prepositional phrase after the verb, with its words and roles; an empty one
    takes the actor right after it as its object."""
    at = _find_word(tokens, element.word.casefold(), walk.cursor, walk.gap)
    if at is None:
        return False
    walk.cursor, walk.last = at + 1, at
    for inner in element.inner:
        if isinstance(inner, Words):
            span = _words_after(inner, tokens, walk.cursor, 3)
            if span is None:
                return False
            walk.cursor, walk.last = span + 1, span
        elif isinstance(inner, Slot) and inner.kind != "skip":
            actor = _actor_after(tokens, walk.cursor, 3)
            if actor is None:
                return False
            if inner.kind == "source":
                walk.source = actor
            else:
                walk.target = actor
            walk.cursor, walk.last = actor + 1, actor
    if not element.inner and walk.prep_object is None:
        walk.prep_object = _actor_after(tokens, walk.cursor, 2)
    walk.gap = _GAP
    return True


def _found(tokens: Sequence[Token], verb: int, verb_end: int, walk: _Walk) -> Found | None:
    """The match with the clause's subject and object ("Y was recognised by X": X acts on Y);
    ``None`` for a passive without its agent."""
    first, last, source, target = walk.first, walk.last, walk.source, walk.target
    passive = _passive(tokens, verb, verb_end)
    subject = () if source is not None else _subject(tokens, first)
    obj = target if target is not None else walk.prep_object
    if obj is None:
        obj = _object(tokens, verb_end, last)
    if passive:
        agent = _agent(tokens, last)
        if agent is None:
            return None
        # "Y was recognised by X": X acts on Y.
        subject, obj = (agent,), (subject[0] if subject else None)
        if obj is None:
            return None
    return Found(first, last, subject, obj, source, target if target is not None else None)


def _words_after(element: Words, tokens: Sequence[Token], cursor: int, gap: int) -> int | None:
    """The index of the last word of the first alternative found within ``gap`` words."""
    for start in range(cursor, min(len(tokens), cursor + gap + 1)):
        if tokens[start].text in _STOP:
            return None
        for phrase in element.alternatives:
            end = _phrase_at(phrase, tokens, start)
            if end is not None:
                return end
    return None


def _phrase_at(
    phrase: tuple[frozenset[str], ...], tokens: Sequence[Token], start: int
) -> int | None:
    """Where ``phrase`` ends if it starts at ``start`` (up to two words between its words:
    "diplomatic and consular relations")."""
    if tokens[start].text not in phrase[0]:
        return None
    at = start
    for forms in phrase[1:]:
        for step in range(1, 4):
            nxt = at + step
            if nxt >= len(tokens) or tokens[nxt].kind not in "wp" or tokens[nxt].text in _STOP:
                return None
            if tokens[nxt].text in forms:
                at = nxt
                break
        else:
            return None
    return at


def _words_before(element: Words, tokens: Sequence[Token], first: int) -> int | None:
    for start in range(first - 1, max(-1, first - _GAP - 1), -1):
        if tokens[start].text in _STOP:
            return None
        for phrase in element.alternatives:
            if _phrase_at(phrase, tokens, start) is not None:
                return start
    return None


def _find_word(tokens: Sequence[Token], word: str, cursor: int, gap: int) -> int | None:
    for at in range(cursor, min(len(tokens), cursor + gap + 1)):
        if tokens[at].text in _STOP:
            return None
        if tokens[at].text == word:
            return at
    return None


def _is_actor(tok: Token) -> bool:
    return tok.kind in {"S", "P", "C"}


def _actor_after(tokens: Sequence[Token], cursor: int, gap: int) -> int | None:
    for at in range(cursor, min(len(tokens), cursor + gap + 1)):
        tok = tokens[at]
        if tok.text in _STOP or tok.text in {",", "."}:
            return None
        if _is_actor(tok):
            return at
    return None


def _actor_before(tokens: Sequence[Token], first: int, gap: int) -> int | None:
    for at in range(first - 1, max(-1, first - gap - 1), -1):
        if tokens[at].text in _STOP:
            return None
        if _is_actor(tokens[at]):
            return at
    return None


def _predicate_between(tokens: Sequence[Token], subject: int, verb: int) -> bool:
    """Whether another verb stands between a subject and the verb ("officials of X have
    gained ... visits"): a word in -ed that is not the verb itself."""
    return any(
        t.kind == "w" and t.text.endswith("ed") and t.text not in _ADVERBS
        for t in tokens[subject + 1 : verb]
    )


def _governed(tokens: Sequence[Token], at: int) -> bool:
    """Whether the actor at ``at`` is the object of a preposition ("relations with X") or of
    an earlier verb ("He extolled X and criticized ...")."""
    before = at - 1
    while before >= 0 and tokens[before].text in {"the", "its", "their"}:
        before -= 1
    if before >= 0 and tokens[before].kind == "w" and tokens[before].text.endswith("ed"):
        return True
    if before < 0 or tokens[before].text not in _PREPOSITIONS:
        return False
    # "the President of X": X acts.
    return not (tokens[before].text == "of" and before > 0 and tokens[before - 1].text in _OFFICES)


def _subject(tokens: Sequence[Token], first: int) -> tuple[int, ...]:
    """The actor (with those coordinated with it) nearest before ``first`` in its clause."""
    for at in range(first - 1, max(-1, first - _SUBJECT_REACH - 1), -1):
        tok = tokens[at]
        if tok.text in _STOP or tok.text == ".":
            return ()
        if not _is_actor(tok):
            continue
        if _governed(tokens, at) or _predicate_between(tokens, at, first):
            return ()
        chain = [at]
        while True:
            head = chain[-1]
            prev = head - 1
            if prev >= 1 and tokens[prev].text in {"and", ","} and _is_actor(tokens[prev - 1]):
                chain.append(prev - 1)
            elif (
                prev >= 2
                and tokens[prev].text == "and"
                and tokens[prev - 1].text == ","
                and _is_actor(tokens[prev - 2])
            ):
                chain.append(prev - 2)
            else:
                break
        if _governed(tokens, chain[-1]):
            return ()
        return tuple(reversed(chain))
    return ()


def _object(tokens: Sequence[Token], verb: int, last: int) -> int | None:
    """The actor right after the verb ("visited X", "gave X aid") or right after the
    pattern's last word, through prepositions and modifiers only ("relations with X")."""
    if verb + 1 < len(tokens) and _is_actor(tokens[verb + 1]):
        return verb + 1
    if verb + 2 < len(tokens) and tokens[verb + 1].text == "the" and _is_actor(tokens[verb + 2]):
        return verb + 2
    for at in range(last + 1, min(len(tokens), last + _OBJECT_REACH + 1)):
        tok = tokens[at]
        if _is_actor(tok):
            return at
        if tok.kind == "w" and tok.text not in _TO_OBJECT:
            return None
        if tok.kind not in "wDQ":
            return None
    return None


def _passive(tokens: Sequence[Token], verb: int, verb_end: int) -> bool:
    at = verb - 1
    while at >= 0 and (
        tokens[at].text in _ADVERBS - {"has", "have", "had"} or tokens[at].text.endswith("ly")
    ):
        at -= 1
    participle = any(t.text.endswith(("ed", "en")) for t in tokens[verb : verb_end + 1])
    return at >= 0 and tokens[at].text in _PASSIVE_AUX and participle


def _agent(tokens: Sequence[Token], last: int) -> int | None:
    for at in range(last + 1, min(len(tokens) - 1, last + _OBJECT_REACH + 1)):
        if tokens[at].text in _STOP:
            return None
        if tokens[at].text == "by":
            return _actor_after(tokens, at + 1, 1)
    return None
