"""People: who is named in the text, their state and their role.

Four cues, each tried over the whole clean text:

* an anchor whose gloss describes a person ("Kim Il-sung (... 1912 – 1994) was a North
  Korean politician") gives the person and the state;
* a title before a name ("the Mongolian President Tsakhiagiin Elbegdorj", "North Korean
  Chairman Kim Jong Un", "foreign minister X") gives the role, and a state named just before
  the title gives the state;
* an apposition after a name ("Miyeegombyn Enkhbold, Mongolia's prime minister,";
  "Kim Yong-nam, Chairman of the Presidium of the Supreme People's Assembly,");
* a predicate ("Paek Nam Sun became the first North Korean foreign minister").

Mentions of the same name are merged, so that a role learned in one place and a state learned
in another end up on the same person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from dyad.extract.glossinfo import GlossFacts
from dyad.gazetteer import Gazetteer, Mention
from dyad.model import Anchor

_NAME_PREFIX = r"(?:al|el|ad|as|ash|at|bin|ibn|de|du|van|von|da)-"
# A name token's letters: possessive (``*+``), since nothing that may follow a token (a space,
# a comma, white space, the pattern's end) is one of them, so giving some back never helps a
# match; the engine then does not retry every shorter token where a cue fails after a name.
_NAME_TOKEN = rf"(?:{_NAME_PREFIX})?[A-Z\u00c0-\u00de][\w'’.\u00c0-\u024f-]*+"
# Where a name can start: a capital or a prefix ("al-"). The apposition and predicate cues
# open with a name; this lookahead turns away every other position at once.
_NAME_START = rf"(?=[A-Z\u00c0-\u00de]|{_NAME_PREFIX})"
_PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|del|van|von|der|den|la|le|du|dos|das|y)"
# Names never run across a table cell or a line: only spaces separate their words.
_SP = r"[ \u00a0]+"
NAME = rf"{_NAME_TOKEN}(?:{_SP}(?:{_PARTICLE}{_SP})?{_NAME_TOKEN}){{0,4}}"
NAME2 = rf"{_NAME_TOKEN}(?:{_SP}(?:{_PARTICLE}{_SP})?{_NAME_TOKEN}){{1,4}}"
_NOT_NAMES = frozenset(
    "The A An In On At Of For From By With After Before During Since Until This That These"
    " Those It Its He She They His Her Their However Today Subsequently Unofficially Thanks"
    " January February March April May June July August September October November December"
    " North South East West Republic People's Government State Union Extraordinary"
    " Plenipotentiary Resident Ad Interim General".split()
)


# What may stand between a name and its role: "Mongolia's", "North Korean", "then-".
_QUALIFIER = r"(?:(?:former|then|acting|deputy|first|[A-Z][\w'’-]*)[\s-]+){1,3}"


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named at ``start:end``, with what the text says of them."""

    start: int
    end: int
    name: str
    state: str | None
    role: str | None
    via: str


@cache
def roles() -> tuple[str, ...]:
    """The role titles of ``data/roles.txt``, longest first."""
    text = resources.files("dyad.extract").joinpath("data/roles.txt").read_text(encoding="utf-8")
    titles = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    return tuple(sorted(set(titles), key=len, reverse=True))


@cache
def _role_pattern() -> str:
    """Roles match in any case ("foreign minister"); names around them must be capitalised.

    The roles, longest first, written as a tree of their letters (a space in a role is any
    white space): where several roles match at a place they are tried longest first, as in a
    plain alternation of them, but the engine, which tries a pattern at every position of the
    text, follows only the branch of the letter it stands on."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for role in roles():
        node = tree
        for char in role:
            # In lower case, so that the branches of a node stand on different letters.
            lower = char.lower() if len(char.lower()) == 1 else char
            node = node.setdefault(r"\s+" if char == " " else re.escape(lower), {})
        node[""] = {}  # a role ends here

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [key + pattern(node[key]) for key in node if key]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")

    return "(?i:" + pattern(tree) + ")"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three textual cues: a title before a name, an apposition after one, a predicate."""
    role = _role_pattern()
    # "President X"; "the Prime Minister of Albania, Sali Berisha"; "foreign Minister of
    # Albania Paskal Milo"; "Minister of Agriculture, Livestock, and Supply, Mendes Ribeiro".
    # After an "of ..." or a comma the name must have two words at least, so the words of the
    # office are not taken for a name.
    office = rf"[A-Z][\w'’-]*(?:(?:,?{_SP}(?:and{_SP})?|{_SP})[A-Z][\w'’-]*){{0,5}}?"
    titled = re.compile(
        rf"(?<![\w-])(?P<role>{role})"
        rf"(?:(?P<of>{_SP}of{_SP}(?:the{_SP})?{office})[ ]*(?P<ofcomma>,)?{_SP}(?P<name2>{NAME2})"
        rf"|[ ]*(?P<comma>,){_SP}(?P<name3>{NAME2})"
        rf"|{_SP}(?P<name>{NAME}))"
    )
    apposition = re.compile(
        rf"{_NAME_START}(?P<name>{NAME}),\s+(?:the\s+|a\s+|then\s+|then-)?(?P<qual>{_QUALIFIER})?"
        rf"(?P<role>(?:{role})(?:\s+of\s+(?:the\s+)?[A-Z][^,.;()]{{0,80}})?)\s*[,.;)]",
    )
    predicate = re.compile(
        rf"{_NAME_START}(?P<name>{NAME})\s+(?:became|was|is|served\s+as|remained)\s+(?:the\s+|a\s+|an\s+)?"
        rf"(?:(?:first|second|third|new|former|last|\d+(?:st|nd|rd|th))\s+)?"
        rf"(?P<qual>{_QUALIFIER})?(?P<role>{role})\b",
    )
    return titled, apposition, predicate


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name inside ``text[start:end]`` without leading or trailing non-name words."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    while tokens and text[start + tokens[0][0] : start + tokens[0][1]] in _NOT_NAMES:
        tokens = tokens[1:]
    while tokens:
        word = text[start + tokens[-1][0] : start + tokens[-1][1]]
        if word in _NOT_NAMES or word.endswith(("'s", "’s")):
            tokens = tokens[:-1]
        else:
            break
    if not tokens:
        return None
    end_at = start + tokens[-1][1]
    if text[end_at - 1] == "." and end_at - (start + tokens[-1][0]) > 2:
        end_at -= 1  # a sentence's full stop, not an initial's
    return start + tokens[0][0], end_at


_NOT_PERSON_WORDS = frozenset(
    "republic kingdom empire state states union federation war wars battle treaty agreement"
    " accord declaration convention protocol party organization organisation council ministry"
    " embassy university college school army navy force forces bank sea river island islands"
    " mountains mountain city province region district territory airport company corporation"
    " group summit conference crisis revolution government assembly parliament congress court"
    " committee commission forum movement programme program initiative act policy doctrine"
    " incident affair agency office department institute station port railway line road"
    " bridge canal strait gulf bay ocean cup games olympics league club festival award prize"
    " foundation trust fund bureau secretariat national international federal central"
    " democratic people's peoples community association society church mosque temple museum"
    " library hospital house palace square street avenue park zone area basin desert valley"
    " peninsula coast lake plateau relations affairs trade economy culture history politics"
    " diaspora language languages people people's dynasty era period age crisis"
    " north south east west northern southern eastern western operation operations"
    " incident attack bombing massacre siege raid agreement memorandum".split()
)


def looks_like_person(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a link target reads as a personal name ("Kim Il Sung", "Vladimir Putin")."""
    name = re.sub(r"\s*\([^)]*\)$", "", name).strip()
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or any(c.isdigit() for c in name):
        return False
    words = [t for t in tokens if not re.fullmatch(_PARTICLE, t)]
    if not words or not all(re.fullmatch(_NAME_TOKEN, t) for t in words):
        return False
    if any(t.casefold().strip(",.") in _NOT_PERSON_WORDS for t in tokens):
        return False
    if any(t in _NOT_NAMES for t in tokens):
        return False
    return gazetteer.lookup(name) is None and not gazetteer.find_mentions(name)


class _Mentions:
    """State mentions sorted by start, with the lookups people need (in log time)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def _near(self, start: int, end: int, reach: int = 80) -> list[Mention]:
        """The mentions that start from ``reach`` characters before ``start`` up to ``end``."""
        lo = bisect.bisect_left(self.starts, start - reach)
        hi = bisect.bisect_left(self.starts, end)
        return self.items[lo:hi]

    def before(self, position: int, window: int = 28) -> str | None:
        """A state named just before ``position`` ("the Mongolian President", "Mongolia's")."""
        best = None
        for m in self._near(position - window, position):
            if position - window <= m.end <= position:
                best = m.code
        return best

    def last_before(self, position: int, window: int = 28) -> int | None:
        """Where the state :meth:`before` finds ends."""
        best = None
        for m in self._near(position - window, position):
            if position - window <= m.end <= position:
                best = m.end
        return best

    def inside(self, start: int, end: int) -> str | None:
        """The first state named wholly inside ``[start, end)``."""
        for m in self._near(start, end):
            if start <= m.start and m.end <= end:
                return m.code
        return None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a state mention overlaps ``[start, end)``."""
        return any(m.start < end and start < m.end for m in self._near(start, end))


class _Found:
    """Person mentions by span; a mention over one already found completes it."""

    def __init__(self) -> None:
        self.by_span: dict[tuple[int, int], PersonMention] = {}

    def add(self, mention: PersonMention) -> None:
        """Add ``mention``; at the same span, or overlapping another (a shorter or longer
        mention at the same place), it only fills in the state and role the first lacks."""
        key = (mention.start, mention.end)
        old = self.by_span.get(key)
        if old is None:
            for other_key, other in list(self.by_span.items()):
                if other.start < mention.end and mention.start < other.end:
                    self.by_span[other_key] = _completed(other, mention)
                    return
            self.by_span[key] = mention
        else:
            self.by_span[key] = _completed(old, mention)

    def in_order(self) -> list[PersonMention]:
        """The mentions in text order."""
        return sorted(self.by_span.values(), key=lambda p: p.start)


def _completed(old: PersonMention, new: PersonMention) -> PersonMention:
    """``old`` with the state and role it lacks taken from ``new``."""
    return replace(old, state=old.state or new.state, role=old.role or new.role)


def _anchored_people(
    anchors: Sequence[Anchor], facts: Mapping[int, GlossFacts], gazetteer: Gazetteer
) -> list[PersonMention]:
    """Anchors whose gloss describes a person, and links without a preview whose target and
    text both read as a personal name."""
    out: list[PersonMention] = []
    for anchor in anchors:
        fact = facts.get(anchor.start)
        if fact is not None and fact.type == "person":
            out.append(
                PersonMention(anchor.start, anchor.end, anchor.text, fact.state, None, "gloss")
            )
        elif (
            fact is None
            and looks_like_person(anchor.target, gazetteer)
            and looks_like_person(anchor.text, gazetteer)
        ):
            out.append(PersonMention(anchor.start, anchor.end, anchor.text, None, None, "name"))
    return out


@dataclass(frozen=True, slots=True)
class _Page:
    """What the textual cues read beside a match: the text, its links and their gloss facts,
    the state mentions and the gazetteer."""

    text: str
    anchors: Sequence[Anchor]
    anchor_spans: Container[tuple[int, int]]
    facts: Mapping[int, GlossFacts]
    index: _Mentions
    gazetteer: Gazetteer


# An office that is one state's whatever the words around it: the Pope heads the Holy See.
_OFFICE_OF_STATE = {"pope": "VAT"}


# Between a state and the title it qualifies stand only words of the office ("the Mongolian
# President", "Mongolia's then Prime Minister", "Kazakh Deputy Prime Minister and Foreign
# Minister", "the Fijian government of Prime Minister"), never a date, a cell, a preposition or
# a clause: "made a state visit to Australia in April 1971 and his son King Birendra", "visited
# Thailand and met with then Prime Minister X", "a visit to Australia by President X".
_NOT_QUALIFYING = re.compile(
    r"\d|[\t\n:;.!?]|\b(?:in|by|to|at|with|from|for|on|as|between|over|after|before|during|since"
    r"|until|against|about|but|or|while|when|where|that|who|which|met|meet|visited|was|were|is"
    r"|has|had|such|into|than|also)\b"
)
_OFFICES_AND = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){1,4}and\s+")


def _qualifies(gap: str) -> bool:
    """Whether the words between a state and a title are the office's own."""
    if _NOT_QUALIFYING.search(gap):
        return False
    return re.search(r"\band\b", gap) is None or _OFFICES_AND.fullmatch(gap) is not None


def _state_of_title(page: _Page, role_start: int, role: str) -> str | None:
    """The state of a title before a name: the office's own ("Pope X": the Holy See), else a
    state named just before it in the same sentence, with only the office's words between
    ("the Mongolian President X"; not the last word of the sentence before: "... visited Korea.
    Pope Francis"; not the place of a visit: "visited Australia in 1985 and King X")."""
    own = _OFFICE_OF_STATE.get(role.casefold())
    if own is not None:
        return own
    state = page.index.before(role_start)
    if state is None:
        return None
    last = page.index.last_before(role_start)
    if last is not None and not _qualifies(page.text[last:role_start]):
        return None
    return state


def _titled_person(page: _Page, m: re.Match[str]) -> PersonMention | None:
    """The person a title names ("President X", "the Prime Minister of Albania, Sali
    Berisha"), or None when the name is a state's, a state overlaps it (outside a link), or a
    name after "of ..." or a comma has a single word."""
    group = next(g for g in ("name", "name2", "name3") if m.group(g))
    span = _name_span(page.text, m.start(group), m.end(group))
    if span is None:
        return None
    start, end = span
    name = " ".join(page.text[start:end].split())
    if page.gazetteer.lookup(name) is not None:
        return None
    if page.index.overlaps(start, end) and (start, end) not in page.anchor_spans:
        return None
    role = " ".join(m.group("role").split())
    state = _state_of_title(page, m.start("role"), role)
    if m.group("of"):
        # "Minister of Albania": the state of the office; "Minister of Agriculture": the
        # office's own words belong to the role.
        of_state = page.index.inside(m.start("of"), m.end("of"))
        if of_state is not None:
            state = of_state
        else:
            role = " ".join(f"{role}{m.group('of')}".split())
    if group != "name" and len(name.split()) < 2:
        return None
    return PersonMention(start, end, name, state, role, "title")


def _role_state(page: _Page, m: re.Match[str]) -> str | None:
    """The state of a described role: one named in the role or its qualifier ("Mongolia's
    prime minister"), else the state of an institution the role links to ("Chairman of the
    Presidium of the Supreme People's Assembly")."""
    qualifier_start = m.start("qual") if m.group("qual") else m.start("role")
    state = page.index.inside(qualifier_start, m.end("role"))
    if state is not None:
        return state
    facts = page.facts
    return next(
        (
            facts[a.start].state
            for a in page.anchors
            if qualifier_start <= a.start < m.end("role")
            and a.start in facts
            and facts[a.start].state
        ),
        None,
    )


def _described_person(page: _Page, m: re.Match[str], via: str) -> PersonMention | None:
    """The person an apposition or a predicate describes ("X, Mongolia's prime minister,";
    "X became the first foreign minister"), or None when the name is a state's, overlaps a
    state, or is a single word outside a link."""
    span = _name_span(page.text, m.start("name"), m.end("name"))
    if span is None:
        return None
    start, end = span
    name = " ".join(page.text[start:end].split())
    if page.gazetteer.lookup(name) is not None or page.index.overlaps(start, end):
        return None
    if len(name.split()) < 2 and (start, end) not in page.anchor_spans:
        return None
    role_text = " ".join(m.group("role").split())
    state = _role_state(page, m)
    role = role_text.split(" of ")[0] if state and " of " in role_text else role_text
    return PersonMention(start, end, name, state, role, via)


def find_people(
    text: str,
    anchors: Sequence[Anchor],
    facts: Mapping[int, GlossFacts],
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
) -> list[PersonMention]:
    """Every person mention in ``text``; ``facts`` maps an anchor's start to its gloss facts.

    The cues are tried in turn (linked people, titles, appositions, predicates); a later cue
    at the place of an earlier one only adds the state or role the earlier one lacked.
    """
    found = _Found()
    page = _Page(
        text, anchors, {(a.start, a.end) for a in anchors}, facts, _Mentions(mentions), gazetteer
    )
    for mention in _anchored_people(anchors, facts, gazetteer):
        found.add(mention)
    titled, apposition, predicate = _patterns()
    for m in titled.finditer(text):
        person = _titled_person(page, m)
        if person is not None:
            found.add(person)
    for pattern, via in ((apposition, "apposition"), (predicate, "predicate")):
        for m in pattern.finditer(text):
            person = _described_person(page, m, via)
            if person is not None:
                found.add(person)
    return found.in_order()
