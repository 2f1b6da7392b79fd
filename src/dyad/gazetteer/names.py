"""How state names are compared and found: folding, lookup keys, and the one regex of all names.

Kept apart from :mod:`dyad.gazetteer.states` so that the data model there stays small; nothing here
knows about codes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["compile_names", "fold", "mention_key", "name_key", "plural"]

_APOSTROPHES = "’‘ʼʻ`′´"
_HYPHENS = "‐‑"  # hyphen, non-breaking hyphen: the same as '-' inside a name
_DASHES = "-‐‑‒–—―−"  # every dash, for lookup keys
# Letters that carry no combining mark in Unicode but that English text writes without it.
_EXTRA_FOLDS = {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ħ": "h", "ı": "i"}


def _build_fold_table() -> dict[str, str]:
    """One character for one character, so that offsets in folded text are offsets in the text."""
    table: dict[str, str] = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            table[ch] = base
    table.update(_EXTRA_FOLDS)
    table.update(dict.fromkeys(_APOSTROPHES, "'"))
    table.update(dict.fromkeys(_HYPHENS, "-"))
    return table


_FOLD = _build_fold_table()
# A regex over the few characters that change is several times faster than str.translate.
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD)) + "]")
_DASH_RE = re.compile(f"[{re.escape(_DASHES)}]")


def fold(text: str) -> str:
    """Strip accents and unify apostrophes and hyphens, keeping length and case."""
    return _FOLD_RE.sub(lambda match: _FOLD[match.group()], text)


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """The key names are compared by when looked up.

    Case, accents, apostrophe and dash variants, full stops, ``&`` versus ``and``, ``St`` versus
    ``Saint`` and every ``the`` are ignored: ``"the Democratic Republic of Congo"`` and
    ``"Democratic Republic of the Congo"`` share a key.
    """
    text = unicodedata.normalize("NFKD", name)
    text = fold("".join(c for c in text if not unicodedata.combining(c))).casefold()
    text = _DASH_RE.sub(" ", text).replace(".", "").replace("&", " and ")
    return " ".join("saint" if t == "st" else t for t in text.split() if t != "the")


def mention_key(text: str) -> str:
    """The key a name found in running text is compared by: case, accents and spacing ignored."""
    return " ".join(fold(text).casefold().split())


_NO_PLURAL = ("s", "sh", "ch", "x", "z", "ese")


def plural(demonym: str) -> str | None:
    """``Mongolian`` -> ``Mongolians``; ``Chinese``, ``British``, ``Swiss`` have none."""
    last = demonym.rsplit(" ", 1)[-1]
    if not last[-1:].isalpha() or last.endswith(_NO_PLURAL) or last.isupper():
        return None
    return demonym + "s"


# A trie node: branch key -> (must the text have a capital here?, child). A branch key is the
# casefolded character, except for a lowercase first letter, which gets a key of its own
# (prefixed "lower:") so that "eSwatini" does not make every name starting with E case-blind.
# The key "" marks the end of a name.
_Node = dict[str, tuple[bool, "_Node"]]
_LOWER_FIRST = "lower:"


def _insert(trie: _Node, name: str) -> None:
    node = trie
    for depth, ch in enumerate(name):
        capital = ch.isupper()
        key = ch.casefold() if len(ch.casefold()) == 1 else ch
        if depth == 0 and not capital:
            key = _LOWER_FIRST + ch
        if key in node:
            # Names that disagree about a capital here share the branch, which then accepts both.
            must, child = node[key]
            node[key] = (must and capital, child)
        else:
            node[key] = (capital, {})
        node = node[key][1]
    node[""] = (False, {})


def _atom(key: str, capital: bool) -> str:
    if key.startswith(_LOWER_FIRST):
        return re.escape(key[len(_LOWER_FIRST) :])
    if key == " ":
        return r"\s+"
    if capital or key.upper() == key or len(key.upper()) != 1:  # "ß".upper() is "SS"
        return re.escape(key.upper() if capital else key)
    return f"[{re.escape(key)}{re.escape(key.upper())}]"


def _emit(node: _Node) -> str:
    """The trie as a regex. Its optional groups are greedy, so the longest name wins."""
    branches = [_atom(key, capital) + _emit(child) for key, (capital, child) in node.items() if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def compile_names(names: Iterable[str]) -> re.Pattern[str]:
    """One regex that finds any of ``names`` in folded text, longest first, ending a word.

    Capital letters of a name must be capitals in the text, its small letters may be either
    (so text in capitals matches). The start of a word is not tested here: that is the caller's
    job, which is twice as fast as a look-behind tried at every position.
    """
    trie: _Node = {}
    for name in sorted(set(names)):
        _insert(trie, fold(name))
    return re.compile(_emit(trie) + r"(?:(?<!\w)|(?!\w))")
