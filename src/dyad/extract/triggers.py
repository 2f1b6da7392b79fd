"""A broad trigger lexicon: verbs and nouns of events, with their states found by syntax.

Where no hand rule and no CAMEO pattern reads a sentence, a word of the lexicon
(:data:`LEXICON`: "visited", "invaded", "treaty", "sanctions", "aid", "trade", ...) still tells
an event of its type. Its two states are found inside the trigger's own clause by general
syntax over the tagged sentence (:mod:`dyad.extract.arguments`), never by a phrase per wording:

- a verb's subject before it and its object after it (through "with", "to", "against", "on");
  a passive verb's agent ("was invaded by X") acts;
- a noun's possessor ("X's visit to Y"), the adjective before it ("Chinese aid", "the
  X–Y agreement"), the clause's subject where a light verb governs it ("X signed a treaty
  with Y", "X imposed sanctions on Y") and its prepositional objects ("aid to Y", "trade
  between X and Y"); "received ... from X" turns the roles round.

A trigger fires only where its clause names at least one state as its argument; the engine
fills the other side as for any rule (the passage's pair, the page's subject). Each match is
handed to the event engine at :data:`PRIORITY`, below the CAMEO patterns and every hand rule,
so that wherever those read the same words they win; date, modality and evidence are read at
the trigger like any other rule's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from dyad.extract.arguments import Roles, coordinated, find_roles
from dyad.extract.cameo.matching import TOKEN, Token, asserted_verb, token
from dyad.extract.rules import Rule, any_of, shaped, spans_match
from dyad.extract.tagging import Tagged
from dyad.vocabulary import event_type

PRIORITY = 5  # below the CAMEO patterns (10) and every hand rule (default 50)
CONFIDENCE = 0.55
ORIGIN = "lexicon"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One trigger word: its type and whether it is read as a verb or a noun.

    ``needs``: words one of which must stand within a few words after a verb ("signed ...
    agreement") or, for a noun, before it in its clause (a light verb: "signed an agreement");
    ``flip``: light verbs before the noun that turn its roles round ("received aid from X").
    """

    type: str
    pos: str  # "v" a verb, "n" a noun, "g" a participle of residence, "i" a verb in -ing
    needs: frozenset[str] = frozenset()
    lifted: frozenset[str] = frozenset()  # light verbs that make it the opposite type
    named: tuple[str, ...] = ()  # roles the clause itself must name ("source", "target")
    preps: tuple[tuple[str, str], ...] = ()  # prepositions whose object has another role
    not_after: frozenset[str] = frozenset()  # words right before it that make it another noun
    dated: bool = False  # only with a date in its clause: a beginning is dated
    measured: bool = False  # only with a number or a change in its clause ("grew", "$5m")
    money: bool = False  # only with a sum of money in its clause
    flip: bool = False  # its subject is acted on ("received"): roles turned round
    named_ok: bool = False  # may be a capitalised part of a name ("an American Legation")
    by_verb: tuple[tuple[frozenset[str], str], ...] = ()  # governing verbs of other types
    speaker: bool = False  # its subject must name its state: a state, or a person of a known one
    about: tuple[frozenset[str], str] | None = None  # words of its clause that make another type


_SIGN = frozenset(
    "signed concluded reached agreed ratified initialed initialled inked struck sealed came"
    " conclusion signing signature"
    " entered".split()
)
_BEGIN = frozenset(
    "began begun begin begins started start starts built established establish commenced initiated"
    " forged".split()
)
# What a verb governing "relations" or "ties" makes of them, before a beginning.
_RELATION_VERBS = (
    (
        frozenset(
            "re-established reestablished re-establish restored restore resumed renewed".split()
        ),
        "relations.restored",
    ),
    (frozenset("suspended suspend frozen froze".split()), "relations.suspended"),
    (frozenset("severed sever broke cut ended".split()), "relations.severed"),
)
_OPEN = frozenset("opened inaugurated established".split())
_VOICE = frozenset("expressed raised voiced lodged conveyed registered issued".split())
_LIFT = frozenset("lifted removed eased ended withdrew scrapped dropped".split())


def _entries() -> dict[str, TriggerEntry]:
    """The lexicon: general words of the vocabulary's types, verbs in their past forms."""
    out: dict[str, TriggerEntry] = {}

    def add(
        words: str,
        type_: str,
        pos: str,
        named: tuple[str, ...] = (),
        preps: tuple[tuple[str, str], ...] = (),
        **kw: Any,
    ) -> None:
        for w in words.split():
            out[w] = TriggerEntry(type_, pos, named=named, preps=preps, **kw)

    acted_on = ("target",)  # an act toward a state: the state must be named
    both = ("source", "target")

    # Verbs (past forms: what happened).
    add("visited", "visit", "v")
    add("invaded", "conflict.intervention", "v", acted_on)
    add("recognised recognized", "recognition.granted", "v", acted_on)
    add("expelled", "diplomats.expelled", "v", acted_on)
    add("condemned denounced protested criticised criticized accused", "protest", "v", acted_on)
    add("condemning denouncing criticising criticizing accusing", "protest", "i", acted_on)
    add("summoned", "envoy.summoned", "v", acted_on)
    add("invited", "invitation", "v", acted_on)
    add("donated funded financed", "aid.provided", "v", acted_on)
    add("fought", "conflict.armed", "v", acted_on)
    add("met", "meeting", "v", acted_on)
    add("exported imported", "cooperation.economic", "v", acted_on)
    # A sum received from a state: "Uganda received €42.7 million from Ireland".
    add("received receives", "aid.provided", "v", both, money=True, flip=True)
    # Nouns.
    add("visit visits", "visit", "n", (), (("of", "source"),))
    agreements = "agreement agreements treaty treaties accord accords pact memorandum protocol"
    add(agreements, "agreement.signed", "n", needs=_SIGN)
    add("aid assistance loan loans grant grants donation donations", "aid.provided", "n")
    add("sanctions embargo", "sanctions.imposed", "n", ("source",), lifted=_LIFT)
    add("invasion", "conflict.intervention", "n", both)
    add("war", "conflict.armed", "n", both)
    add("talks negotiations negotiation discussions", "meeting", "n", both)
    add("trade exports imports investment investments", "cooperation.economic", "n", measured=True)
    # A beginning of relations: "relations began on", "built formal diplomatic relations".
    other_relations = frozenset("trade economic commercial cultural military".split())
    add(
        "relations relationship ties",
        "relations.established",
        "n",
        needs=_BEGIN,
        not_after=other_relations,
        dated=True,
        by_verb=_RELATION_VERBS,
    )
    # An embassy opened: "of X" is its owner, "in Y" (a capital) its host.
    mission = (("of", "source"), ("in", "target"))
    add(
        "embassy embassies legation legations consulate consulates consulate-general",
        "mission.opened",
        "n",
        both,
        mission,
        needs=_OPEN,
        named_ok=True,
    )
    add("concern concerns displeasure protest protests condemnation", "protest", "n", needs=_VOICE)
    # People of one state living in another: "Guyanese living in Canada".
    add("living residing", "migration", "g", both, (("in", "target"),))
    _later_entries(add, acted_on, both)
    return out


def _later_entries(
    add: Callable[..., None], acted_on: tuple[str, ...], both: tuple[str, ...]
) -> None:
    """Entries added by later passes over the dev sets' misses, each block with its purpose."""
    # --- recall-diplo ---
    # What a state says to or of another, the speaker its subject and the other its object
    # ("Poland urged Belarus to", "X congratulated Y", "X welcomed Y's decision"): both named.
    add(
        "urged congratulated praised welcomed thanked reassured",
        "statement",
        "v",
        both,
        speaker=True,
    )
    # --- rconf ---
    # A standing dispute with a state: territorial where its clause names land, sea or border.
    disputes = "dispute disputes disagreement disagreements"
    add(disputes, "dispute.other", "n", about=(_LAND, _TERRITORIAL))
    # --- precision ---
    # A voiced concern or protest is toward a state the clause names, as the verbs' are ("Pope
    # Francis has expressed concern over the issue of climate change": no protest of anyone).
    add(
        "concern concerns displeasure protest protests condemnation",
        "protest",
        "n",
        acted_on,
        needs=_VOICE,
    )


_TERRITORIAL = "dispute.territorial"
_LAND = frozenset(
    "territorial territory territories border borders boundary boundaries frontier maritime"
    " island islands islet islets sovereignty peninsula sea waters gulf bay strait shelf rocks"
    " reef archipelago enclave exclave eez".split()
)


LEXICON: dict[str, TriggerEntry] = _entries()


@cache
def _rule(type_: str) -> Rule:
    return Rule(
        id=f"lexicon.{type_}",
        type=type_,
        patterns=(),
        priority=PRIORITY,
        confidence=CONFIDENCE,
        description=f"trigger lexicon: a word of type {type_}, its states by syntax",
        origin=ORIGIN,
    )


_WORD = re.compile(r"[^\W\d_]+")


class TriggerLexicon:
    """The lexicon's matcher; ``entries`` default to :data:`LEXICON`."""

    def __init__(self, entries: dict[str, TriggerEntry] | None = None) -> None:
        self.entries = LEXICON if entries is None else entries
        self._forms = frozenset(self.entries)
        self._types = frozenset(e.type for e in self.entries.values())

    def could_match(self, sentence: str) -> bool:
        return bool(self._forms) and not self._forms.isdisjoint(_WORD.findall(sentence.casefold()))

    def matches(
        self, tagged: Tagged, tokens: Sequence[Token] | None = None
    ) -> list[tuple[Rule, re.Match[str]]]:
        """Each trigger of the sentence whose clause names a state as its argument
        (``tokens``: the sentence's, if already cut)."""
        if not self._forms:
            return []
        if tokens is None:
            tokens = [token(m) for m in TOKEN.finditer(tagged.string)]
        out: list[tuple[Rule, re.Match[str]]] = []
        for index, tok in enumerate(tokens):
            entry = self.entries.get(tok.text) if tok.kind == "w" else None
            if entry is None or not _reads_as(entry, tokens, index):
                continue
            type_ = _type_here(entry, tagged, tokens, index)
            if type_ is None:
                continue
            pos = "v" if entry.pos == "i" else entry.pos
            directed = event_type(type_).direction == "directed"
            roles = find_roles(tagged, tokens, index, pos, dict(entry.preps), entry.flip, directed)
            if roles is None:
                continue
            roles = _pair_as_both(tagged, tokens, roles)
            # "between the two countries"; "both nations opened embassies" (a verb it needs)
            both = roles.get("a", -1) > index or (bool(entry.needs) and "a" in roles)
            if any(role not in roles and not both for role in entry.named):
                continue
            if entry.speaker and not _names_state(tagged, tokens, roles.get("source")):
                continue
            made = _compile(tagged.string, tokens, index, roles)
            if made is not None:
                out.append((_rule(type_), made))
                out.extend(_conjuncts(tagged, tokens, roles, _rule(type_)))
        if "migration" in self._types:
            out.extend(_residents(tagged, tokens))
        return out


def _names_state(tagged: Tagged, tokens: Sequence[Token], at: int | None) -> bool:
    """Whether the token at ``at`` names its state: a state, a person whose state is known,
    "the two countries" / "the country"; not "he" (a person of the text, whose state the
    passage may not tell: "Leninov, the KGB chief in Mexico City, ... urged the Soviet Union"),
    nor the possessor of another noun."""
    tag = tagged.tag_of(tokens[at].text) if at is not None else None
    if tag is None or at is None:
        return False
    if tagged.string.startswith(("'s", "’s"), tokens[at].end):
        return False  # a possessor of another noun ("condemns X's nuclear test and urged")
    if tag.kind == "P":
        return bool(tag.person and tag.person.state)
    return tag.kind == "S" or (tag.kind == "C" and tag.coref in {"pair", "other"})


def _conjuncts(
    tagged: Tagged, tokens: Sequence[Token], roles: Roles, rule: Rule
) -> list[tuple[Rule, re.Match[str]]]:
    """One more match for each state coordinated with a role ("signed agreements with A, B
    and C"), standing at that state so that it is an event of its own."""
    out = []
    for name, at in roles.items():
        if name == "a":
            continue
        for other in coordinated(tagged, tokens, at):
            if other in roles.values():
                continue
            made = _at(tagged.string, tokens, other, {**roles, name: other})
            if made is not None:
                out.append((rule, made))
    return out


def _at(string: str, tokens: Sequence[Token], at: int, roles: Roles) -> re.Match[str] | None:
    """A match whose trigger is the role at token ``at`` itself (a conjunct)."""
    spans = sorted((tokens[i].start, tokens[i].end, name, i == at) for name, i in roles.items())
    parts: list[str] = []
    cursor = spans[0][0]
    for start, end, name, here in spans:
        if start < cursor:
            return None
        parts.append(any_of(string[cursor:start]))
        inner = any_of(string[start:end])
        parts.append(f"(?P<{name}>(?P<trigger>{inner}))" if here else f"(?P<{name}>{inner})")
        cursor = end
    return shaped("".join(parts)).match(string, spans[0][0])


def _pair_as_both(tagged: Tagged, tokens: Sequence[Token], roles: Roles) -> Roles:
    """ "The two countries" in a role is both sides, not the source: captured as ``a``."""
    out: Roles = {}
    for name, at in roles.items():
        tag = tagged.tag_of(tokens[at].text)
        out["a" if tag is not None and tag.coref == "pair" else name] = at
    return out


def _in_a_name(entry: TriggerEntry, tagged: Tagged, tokens: Sequence[Token], at: int) -> bool:
    """A capitalised word inside a name ("the Korean War", "Mexican Trade Office"), or after
    a word that makes it another noun ("trade relations")."""
    if at == 0:
        return False
    capitalised = tagged.string[tokens[at].start].isupper()
    if not entry.named_ok and tokens[at - 1].text != "." and capitalised:
        return True
    return tokens[at - 1].text in entry.not_after


def _type_here(entry: TriggerEntry, tagged: Tagged, tokens: Sequence[Token], at: int) -> str | None:
    """The type the trigger at ``at`` tells here, or None where its conditions fail: a
    capitalised word inside a name, a governing verb it needs, a date, a number, a sum."""
    if _in_a_name(entry, tagged, tokens, at):
        return None
    by_verb = [t for verbs, t in entry.by_verb if _governed_by(tokens, at, verbs)]
    if by_verb:
        return by_verb[0]
    if entry.needs and not _governed_by(tokens, at, entry.needs):
        return None
    if entry.dated and not _told_with(tokens, at, dated=True):
        return None
    if entry.measured and not _told_with(tokens, at, dated=False):
        return None
    if entry.money and not _sum_in(tagged, tokens, at):
        return None
    if entry.lifted and _light_verb(tokens, at, entry.lifted) is not None:
        return entry.type.replace("imposed", "lifted")
    if entry.about and any(t.text in entry.about[0] for t in _clause(tokens, at)):
        return entry.about[1]
    return entry.type


_RESIDENT = re.compile(r"\b(?:living|residing|resident|settled)$")


def _residents(tagged: Tagged, tokens: Sequence[Token]) -> list[tuple[Rule, re.Match[str]]]:
    """People of one state counted as living in another: "2,844 citizens of Mauritius living
    in Ireland" (the count takes the participle into its noun phrase)."""
    out = []
    for at in range(len(tokens) - 2):
        tag = tagged.tag_of(tokens[at].text) if tokens[at].kind == "Q" else None
        if tag is None or tag.quantity is None or len(set(tag.inner_states)) != 1:
            continue
        if not _RESIDENT.search(tag.quantity.of) or tokens[at + 1].text != "in":
            continue
        host = tagged.tag_of(tokens[at + 2].text)
        if host is None or host.kind != "S" or host.state in tag.inner_states:
            continue
        made = _compile(tagged.string, tokens, at + 1, {"source": at, "target": at + 2})
        if made is not None:
            out.append((_rule("migration"), made))
    return out


def _reads_as(entry: TriggerEntry, tokens: Sequence[Token], at: int) -> bool:
    """A verb must read as one that happened; a noun must not be a verb ("they aid")."""
    if entry.pos == "v":
        return asserted_verb(tokens, at)
    if entry.pos == "g":  # a participle after its subject: "2,844 citizens of X living in Y"
        return True
    if entry.pos == "i":  # a verb in -ing, told as done: "issued a statement condemning X"
        return at == 0 or tokens[at - 1].text not in {"not", "never", "to", "without", "from"}
    return not (at > 0 and tokens[at - 1].text in {"to", "will", "would", "can", "could"})


_CLAUSE_END = frozenset(';:()[]"') | {"which", "who", "whom", "whose", "while", "whereas", "but"}


def _light_verb(tokens: Sequence[Token], at: int, verbs: frozenset[str]) -> int | None:
    """A governing verb of ``verbs`` before the noun at ``at`` in its clause (8 words), with
    no state, person or date between: "established relations on 1 May 1990 X has an
    embassy" is no embassy established."""
    for back in range(at - 1, max(-1, at - 9), -1):
        if tokens[back].text in _CLAUSE_END or tokens[back].text == ".":
            return None
        if tokens[back].text in verbs:
            return back
        if tokens[back].kind in {"S", "P", "C", "D"} or tokens[back].text in _HAS:
            return None
    return None


_HAS = frozenset("has have had".split())


_CHANGE = frozenset(
    "grew grown increased rose risen reached totalled totaled amounted expanded doubled tripled"
    " improve improved boost boosted valued worth".split()
)


def _clause(tokens: Sequence[Token], at: int) -> Sequence[Token]:
    """The tokens of the clause of the word at ``at``."""
    lo = at
    while lo > 0 and tokens[lo - 1].text not in _CLAUSE_END and tokens[lo - 1].text != ".":
        lo -= 1
    hi = at
    while hi + 1 < len(tokens) and tokens[hi + 1].text not in _CLAUSE_END:
        hi += 1
    return tokens[lo : hi + 1]


def _told_with(tokens: Sequence[Token], at: int, dated: bool) -> bool:
    """Whether the trigger's clause has a date (``dated``), else a number or a change."""
    clause = _clause(tokens, at)
    if dated:
        return any(t.kind == "D" for t in clause)
    return any(t.kind == "Q" or t.text[0].isdigit() or t.text in _CHANGE for t in clause)


_MONEY = re.compile(r"[$€£¥]|\b(?:million|billion|dollars?|euros?|pounds|yen|yuan)\b", re.I)


def _sum_in(tagged: Tagged, tokens: Sequence[Token], at: int) -> bool:
    """Whether a sum of money follows the verb within its clause ("received €4m from")."""
    end = next((t.start for t in tokens[at + 1 :] if t.text in _CLAUSE_END), len(tagged.string))
    return _MONEY.search(tagged.string, tokens[at].end, min(end, tokens[at].end + 60)) is not None


def _governed_by(tokens: Sequence[Token], at: int, verbs: frozenset[str]) -> bool:
    """A verb of ``verbs`` governs the noun at ``at``: before it in its clause, or after it
    as its predicate ("relations were established", "the relationship began on"); not an
    auxiliary ("began to strengthen relations") nor a participle of another noun ("relations
    with X's newly established government")."""
    verb = _light_verb(tokens, at, verbs)
    if verb is not None:
        return not _auxiliary(tokens, verb)
    between = False
    for ahead in range(at + 1, min(len(tokens), at + 7)):
        if tokens[ahead].text in _CLAUSE_END or tokens[ahead].text in {".", ",", "'", "’"}:
            return False
        between = between or tokens[ahead].text == "between"
        if tokens[ahead].text == "and" and not between:
            return False  # "relations with A and B severed ...": another clause's verb
        if tokens[ahead].text in verbs:
            # "relations were not established until 1974": the rule of not ... until reads it
            return not _auxiliary(tokens, ahead) and tokens[ahead - 1].text != "not"
    return False


def _auxiliary(tokens: Sequence[Token], at: int) -> bool:
    """An auxiliary ("began to strengthen") or a verb not yet done ("were to be restored")."""
    after_to = at + 1 < len(tokens) and tokens[at + 1].text == "to"
    return after_to or (at > 0 and tokens[at - 1].text == "be")


def _compile(string: str, tokens: Sequence[Token], at: int, roles: Roles) -> re.Match[str] | None:
    """The match the event engine takes: from the first role (or the trigger) to the last,
    with the trigger and the roles as named groups."""
    spans = [(tokens[at].start, tokens[at].end, "trigger")]
    spans += [(tokens[i].start, tokens[i].end, name) for name, i in roles.items()]
    return spans_match(string, spans, min(spans)[0], max(e for _, e, _ in spans))


@cache
def trigger_lexicon() -> TriggerLexicon:
    """The built-in lexicon."""
    return TriggerLexicon()


NO_TRIGGERS = TriggerLexicon({})
