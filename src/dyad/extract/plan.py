"""Which rule patterns to try on a sentence: each only where a word it requires occurs.

Most sentences hold no event. :func:`required_words` reads a pattern and finds literal words
one of which every match must contain; :func:`plan_rules` builds, once per rule set, one
regular expression of all those words and, for each word, the patterns that need it. A
sentence is then searched once for the words, and only the patterns of the words found are
tried. The words are found conservatively (every branch of an alternation, never optional
parts), so a skipped pattern could not have matched.
"""

from __future__ import annotations

import re
from functools import cache

from dyad.extract.rules import Rule

_ESCAPES = re.compile(r"\\[a-zA-Z]|\[[^\]]*\]|\{[^}]*\}|\(\?[^:)]*[:)]?")


Plan = tuple[
    list[tuple[Rule, "re.Pattern[str]", frozenset[str]]],
    "re.Pattern[str] | None",
    dict[str, frozenset[str]],
    list[int],
    dict[str, list[int]],
    list[tuple[tuple[str, ...], ...]],
]


@cache  # one entry per rule set a process uses: setup, like loading the rules
def plan_rules(rules: tuple[Rule, ...]) -> Plan:
    """Which patterns to try for which words, built once per rule set.

    Most sentences hold no event: a pattern is only tried where one of the words it cannot
    match without (:func:`required_words`) occurs. A hit on "established" is also a hit on
    "establish"; each word lists its patterns. A pattern found by its word is then tried only
    where a word of each of its other mandatory parts (:func:`required_parts`) occurs too: the
    last list, by pattern.
    """
    plan = [
        (rule, p, frozenset(required_words(p.pattern))) for rule in rules for p in rule.patterns
    ]
    also = [
        tuple(part for part in required_parts(p.pattern) if frozenset(part) != words)
        for _, p, words in plan
    ]
    words = sorted({w for _, _, ws in plan for w in ws}, key=len, reverse=True)
    compiled = re.compile(_trie(words)) if words else None
    contained = {w: frozenset(v for v in words if v in w) for w in words}
    always = [i for i, (_, _, ws) in enumerate(plan) if not ws]
    by_word: dict[str, list[int]] = {}
    for i, (_, _, ws) in enumerate(plan):
        for w in ws:
            by_word.setdefault(w, []).append(i)
    return plan, compiled, contained, always, by_word, also


def _trie(words: list[str]) -> str:
    """One pattern of ``words`` that finds at each position the longest word there, as their
    plain alternation longest first does, written as a tree of their letters: the regular
    expression engine tries each of hundreds of alternatives at every position of a sentence,
    but only the branches of the letter it stands on in a tree."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Greedy: a longer word first, the word ending here after.
        return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")

    return pattern(tree)


def patterns_to_try(plan: Plan, string: str) -> list[int]:
    """The indices, in order, of the plan's patterns to try on a (tagged) sentence: those of
    the words found in it, of which a word of each other mandatory part occurs too."""
    _, words, contained, always, by_word, also = plan
    folded = string.casefold()
    hits: set[str] = set()
    if words is not None:
        for hit in words.finditer(folded):
            hits |= contained[hit.group()]
    chosen = set(always)
    for word in hits:
        chosen.update(by_word[word])
    return [index for index in sorted(chosen) if has_every_part(folded, also[index])]


def has_every_part(text: str, parts: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` (case-folded) holds a word of each of ``parts``."""
    for part in parts:
        for word in part:
            if word in text:
                break
        else:
            return False
    return True


def required_parts(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Of each mandatory part of ``pattern`` (a group or a run of literal text at the top
    level, optional parts left out), the literal words one of which any match of the part
    must contain, as :func:`required_words` finds them: every match holds a word of each.
    A pattern that is an alternation at the top level has one part, :func:`required_words`.
    """
    if len(_split_top(pattern)) > 1:
        words = required_words(pattern)
        return (words,) if words else ()
    parts: list[tuple[str, ...]] = []
    for piece, is_group in _sequence(pattern):
        if is_group:
            if piece.startswith(("(?=", "(?!", "(?<")):
                continue  # a look-around consumes nothing
            inner = re.sub(r"^\((?:\?:|\?P<\w+>|\?[=!<][=!]?)?", "", piece)[:-1]
            words = required_words(inner)
        else:
            words = _literal(piece)
        if words and words not in parts:
            parts.append(words)
    return tuple(parts)


@cache
def required_words(pattern: str) -> tuple[str, ...]:
    """Literal words one of which any match of ``pattern`` must contain (lower case).

    Conservative: an alternation needs words from every branch; a sequence gives the words of
    its most selective mandatory part (the one whose shortest word is longest: "agreed", not
    "and"); optional parts never count. An empty result means "always try". Used only to skip
    patterns, never to match.
    """
    branches = _split_top(pattern)
    if len(branches) > 1:
        found: list[str] = []
        for branch in branches:
            words = required_words(branch)
            if not words:
                return ()
            found.extend(words)
        return tuple(dict.fromkeys(found))
    best: tuple[str, ...] = ()
    for piece, is_group in _sequence(pattern):
        if is_group:
            inner = re.sub(r"^\((?:\?:|\?P<\w+>|\?[=!<][=!]?)?", "", piece)[:-1]
            if piece.startswith(("(?=", "(?!", "(?<")):
                continue  # a look-around consumes nothing
            words = required_words(inner)
        else:
            words = _literal(piece)
        if words and (not best or _selectivity(words) > _selectivity(best)):
            best = words
    return best


def _selectivity(words: tuple[str, ...]) -> tuple[int, int]:
    """How rarely a set of alternative words occurs, roughly: longer and fewer is rarer."""
    return (min(len(w) for w in words), -len(words))


def _sequence(pattern: str) -> list[tuple[str, bool]]:
    """The top-level parts of a pattern without alternation: (text, is a group), optional
    parts (``?``, ``*``, ``{0,``) left out."""
    parts: list[tuple[str, bool]] = []
    depth = 0
    start = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            close = pattern.find("]", i + 1)
            i = close + 1 if close > 0 else i + 1
            continue
        if c == "(":
            if depth == 0 and i > start:
                parts.append((pattern[start:i], False))
            if depth == 0:
                start = i
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                end = i + 1
                quantifier = pattern[end : end + 1]
                optional = quantifier in {"?", "*"} or pattern[end : end + 3] == "{0,"
                if not optional:
                    parts.append((pattern[start:end], True))
                start = end + (1 if quantifier in {"?", "*", "+"} else 0)
        i += 1
    if start < len(pattern):
        parts.append((pattern[start:], False))
    return parts


def _literal(text: str) -> tuple[str, ...]:
    """The longest literal word of a piece of pattern without groups (a letter made optional
    by ``?``/``*`` splits the word there)."""
    text = _ESCAPES.sub(" ", text)
    text = re.sub(r"[A-Za-z](?:[?*]|\{0,\d*\})", " ", text)
    runs = re.findall(r"[a-z]{4,}", text.casefold()) or re.findall(r"[a-z]{3,}", text.casefold())
    return (max(runs, key=len),) if runs else ()


def _split_top(body: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0 and (i == 0 or body[i - 1] != "\\"):
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return out
