"""The converted CAMEO verb patterns, matched over tagged sentences by one index of verb words.

:func:`verb_patterns` loads ``data/verbs.json`` (made by :mod:`.convert`) once: about 1,700
patterns over 2,200 verb-pattern pairs, indexed by the forms of their verbs. A sentence is only
looked at where one of those forms occurs (:meth:`VerbPatterns.could_match`: one set lookup per
word), and only the patterns of the verbs found are tried, token by token; no pattern is a
regular expression.

A pattern fires only where both states are arguments of the verb's own clause, as PETRARCH's
source and target slots: the subject is the nearest actor before the verb (or before the nouns
a pattern puts before it) that is not the object of a preposition, with nothing but modifiers
and commas between; the object is the actor the pattern's ``+`` or prepositional phrase names,
or the first one right after the verb or the pattern's words. A passive verb ("was recognised
by X") turns the roles round; a reciprocal type may take two coordinated subjects ("X and Y
signed a treaty"). Each match is handed to the event engine as a low-priority rule match
(:data:`PRIORITY`), so that hand rules win wherever they match the same words, and gets its
date, modality and evidence there like any other.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from dyad.extract.cameo.matching import (
    TOKEN,
    Element,
    Prep,
    Slot,
    Token,
    VerbRule,
    Words,
    asserted_verb,
    find_match,
    needed_words,
    token,
)
from dyad.extract.cameo.rule_match import as_match
from dyad.extract.rules import Rule
from dyad.extract.tagging import Tagged
from dyad.vocabulary import EVENT_TYPES

PRIORITY = 10  # below every hand rule (default 50)
CONFIDENCE = 0.6
ORIGIN = "cameo/verbs.json"

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


class VerbPatterns:
    """The verb patterns of one rule set, indexed by verb form (lower case)."""

    def __init__(self, rules: Iterable[tuple[frozenset[str], VerbRule]]) -> None:
        # Keyed on a form's first word; the rest of a compound ("went to") follows it.
        # With each pattern, the words a sentence must hold for it to match (needed_words).
        self._by_form: dict[
            str, list[tuple[VerbRule, tuple[str, ...], tuple[frozenset[str], ...]]]
        ] = {}
        self._entries = list(rules)
        self.rules = [rule for _, rule in self._entries]
        for forms, rule in self._entries:
            needs = needed_words(rule)
            for form in forms:
                first, *rest = form.split()
                self._by_form.setdefault(first, []).append((rule, tuple(rest), needs))
        self._forms = frozenset(self._by_form)

    def __len__(self) -> int:
        return len(self.rules)

    def only(self, keep: Iterable[str]) -> VerbPatterns:
        """The patterns whose type, or family ("conflict"), is in ``keep``."""
        wanted = set(keep)
        return VerbPatterns(
            (forms, r)
            for forms, r in self._entries
            if r.rule.type in wanted or r.rule.type.split(".")[0] in wanted
        )

    def could_match(self, sentence: str) -> bool:
        """Whether a verb of some pattern occurs in this (untagged) sentence."""
        if not self._forms:
            return False
        return not self._forms.isdisjoint(_WORD.findall(sentence.casefold()))

    def matches(
        self, tagged: Tagged, tokens: Sequence[Token] | None = None
    ) -> list[tuple[Rule, re.Match[str]]]:
        """Each pattern that fires in the sentence, as a rule and a match with its roles
        (``tokens``: the sentence's, if already cut)."""
        if not self._forms:
            return []
        if tokens is None:
            tokens = [token(m) for m in TOKEN.finditer(tagged.string)]
        out: list[tuple[Rule, re.Match[str]]] = []
        seen: set[tuple[str, int]] = set()
        words: set[str] | None = None  # the sentence's words, once a verb is found
        for index, tok in enumerate(tokens):
            if tok.kind != "w" or tok.text not in self._forms or not asserted_verb(tokens, index):
                continue
            if words is None:
                words = {t.text for t in tokens}
            for verb_rule, rest, needs in self._by_form[tok.text]:
                if any(words.isdisjoint(need) for need in needs):
                    continue  # a word the pattern needs is not in the sentence
                end = index + len(rest)
                if rest and tuple(t.text for t in tokens[index + 1 : end + 1]) != rest:
                    continue
                found = find_match(verb_rule, tokens, index, end)
                if found is None:
                    continue
                made = as_match(verb_rule, tagged, tokens, found)
                key = (verb_rule.rule.id, index)
                if made is not None and key not in seen:
                    seen.add(key)
                    out.append((verb_rule.rule, made))
        return out


# ---------------------------------------------------------------------- loading


def _forms(word: str) -> frozenset[str]:
    """A noun and its plural, as PETRARCH matches nouns (synsets list their plurals)."""
    w = word.casefold()
    if w.endswith(("s", "x", "z", "sh", "ch")):
        plural = w + "es"
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        plural = w[:-1] + "ies"
    else:
        plural = w + "s"
    return frozenset({w, plural})


def _element(data: dict[str, Any], synsets: dict[str, list[list[str]]]) -> Element:
    if "slot" in data:
        return Slot(str(data["slot"]))
    if "prep" in data:
        return Prep(str(data["prep"]), tuple(_element(e, synsets) for e in data["in"]))
    phrases = synsets[data["syn"]] if "syn" in data else data["words"]
    return Words(tuple(tuple(_forms(w) for w in phrase) for phrase in phrases if phrase))


def parse_verb_patterns(text: str, origin: str = ORIGIN) -> VerbPatterns:
    """The patterns of a ``verbs.json`` text. Types the vocabulary does not (yet) have are
    left out, so the data may name types a newer vocabulary adds."""
    data = json.loads(text)
    synsets: dict[str, list[list[str]]] = data["synsets"]
    loaded: list[tuple[frozenset[str], VerbRule]] = []
    for entry in data["rules"]:
        if entry["type"] not in EVENT_TYPES:
            continue
        rule = Rule(
            id=entry["id"],
            type=entry["type"],
            patterns=(),
            priority=PRIORITY,
            confidence=CONFIDENCE,
            description=f"CAMEO {entry['cameo']}: {entry['why']}",
            origin=origin,
        )
        forms = frozenset(f.casefold() for verb in entry["verbs"] for f in verb)
        verb_rule = VerbRule(
            rule,
            entry["subject"],
            entry["cameo"],
            tuple(_element(e, synsets) for e in entry["pre"]),
            tuple(_element(e, synsets) for e in entry["post"]),
        )
        loaded.append((forms, verb_rule))
    return VerbPatterns(loaded)


@cache
def all_verb_patterns() -> VerbPatterns:
    """Every converted CAMEO pattern of ``data/verbs.json``, whatever its family."""
    path = resources.files("dyad.extract.cameo").joinpath("data/verbs.json")
    return parse_verb_patterns(path.read_text(encoding="utf-8"))


@cache
def kept_families() -> frozenset[str]:
    """The families extraction uses (``data/families.tsv``: those that did not lower the
    precision on the development articles)."""
    path = resources.files("dyad.extract.cameo").joinpath("data/families.tsv")
    kept = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "family\t")):
            family, use, *_ = line.split("\t")
            if use == "yes":
                kept.add(family)
    return frozenset(kept)


@cache
def verb_patterns() -> VerbPatterns:
    """The built-in patterns extraction uses: those of :func:`kept_families`."""
    return all_verb_patterns().only(kept_families())


NO_VERB_PATTERNS = VerbPatterns(())
