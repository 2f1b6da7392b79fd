"""The words of link lines: the word lists, folds and stems that tell an anchor from its preview.

Shared by the splitter (:mod:`dyad.read.previews`) and its boundary scorer
(:mod:`dyad.read.preview_line`): what counts as a word, a name's folded form, the stems two
names share, and the marks of residue (field bars, braces, file names) and of a cut preview.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from dyad.gazetteer import FormKind, default_gazetteer

# Words an anchor does not end with and an article's first sentence often starts with.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "into",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "nor",
        "but",
        "its",
        "their",
        "his",
        "her",
    ]
)
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "since",
        "in",
        "on",
        "during",
        "after",
        "before",
        "from",
        "this",
        "these",
        "it",
        "there",
        "as",
        "at",
        "for",
        "following",
        "although",
        "under",
        "between",
        "when",
        "while",
        "until",
        "according",
        "located",
        "born",
        "formerly",
    ]
)
TRUNCATION = re.compile(r"\s*(?:\.\.\.|…)\s*$")
WORD = re.compile(r"\S+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_WORD_OR_NUL = re.compile(r"[^\w\0]+")
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
RESIDUE_START = re.compile(
    r"^\s*(?:[,|=}\]]|\{\{|\[\[|\[\d+\]|__[A-Z]+__|[\w ]{1,30}=|\+[-:=+]*-{4}"
    r"|\[?\w[\w.,()'-]*\.(?:jpe?g|png|svg|gif|tiff?)\b)",
    re.IGNORECASE,
)
# A footnote's mark ("Chichewa[1]"): the site prints it after a link, never in its text.
FOOTNOTE = re.compile(r"\[\d{1,3}\]")
FILE_NAME = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?)\b", re.IGNORECASE)
COPULAS = frozenset(["is", "was", "are", "were", "has", "had"])
DISAMBIGUATION = re.compile(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?(?:refer|be short)\s+(?:to|for)\b"
    r"|\bis the name of\b|\bmost commonly refers to\b|\bmay mean\b",
    re.IGNORECASE,
)
MAX_ANCHOR_WORDS = 14
READ_CHARS = 450  # a link line's anchor and preview opening lie within these
ARTICLES = frozenset(["the", "a", "an"])
# A word no link text holds: field bars, braces, brackets, ``name=``, ``::``, file names, a
# table's rule (``+:-----+``), a footnote's mark (``1878^(c)``).
_RESIDUE_IN_WORDS = re.compile(
    r"[|=]|\{\{|\}\}|\[\[|\]\]|::|(?<!\S)__|[^\W_]_[^\W_]|\.(?:jpe?g|png|svg|gif|tiff?)\b|-{4}|\^\(",
    re.IGNORECASE,
)
# ASCII characters other than letters and digits: what ``fold`` drops from an ASCII word.
# (as bytes: deleting bytes is much faster than a str.translate through a dict)
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_NOT_ALNUM_OR_SPACE = _ASCII_NOT_ALNUM.replace(b" ", b"")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    if text.isascii():  # (the same, without normalising or a regex: most words are ASCII)
        return text.encode("ascii").translate(None, _ASCII_NOT_ALNUM).lower().decode("ascii")
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


def fold_words(words: list[str]) -> list[str]:
    """:func:`fold` of each of ``words`` (words: no white space inside), ASCII ones at once."""
    if not words:
        return []
    joined = " ".join(words)
    if joined.isascii():
        ascii_ = joined.encode("ascii").translate(None, _ASCII_NOT_ALNUM_OR_SPACE)
        return ascii_.lower().decode("ascii").split(" ")
    if "\0" in joined:
        return [fold(w) for w in words]
    # Casefolding and NFKD decomposition map each character on its own (a NUL, a starter,
    # stops the reordering of combining marks): all words at once, parted by NULs.
    folded = unicodedata.normalize("NFKD", "\0".join(words).casefold())
    return _NOT_WORD_OR_NUL.sub("", folded.replace("_", "")).split("\0")


def stems(tokens: list[str]) -> list[str]:
    """Each token casefolded, with a curly apostrophe straightened and "'s" dropped.

    All at once: casefolding maps each character on its own, so the tokens are joined by a
    character none holds, folded and split again.
    """
    if not tokens:
        return []
    joined = "\0".join(tokens).casefold().replace("’", "'")
    folded = joined.split("\0")
    if "'s" not in joined:
        return folded
    return [t.removesuffix("'s") for t in folded]


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    return tuple(stems(TOKEN.findall(text)))


def same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # "korea"/"korean", "mongolia"/"mongolian", "soviet"/"soviets".
    return len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 1)])


def count_found(wanted: list[str], among: tuple[str, ...] | list[str]) -> int:
    """How many of ``wanted`` share a stem with a token of ``among`` (tokens: no NUL inside).

    Most are found as they are. Tokens sharing a stem otherwise share their first four
    letters (both having four at least), so only a token of ``among`` opening with them is
    compared, and none is where no token of ``among`` opens with them.
    """
    found = 0
    rest: list[str] = []
    for t in wanted:
        if t in among:
            found += 1
        elif len(t) >= 4:
            rest.append(t)
    if not rest:
        return found
    openings = "\0" + "\0".join(among)
    for t in rest:
        key = t[:4]
        if "\0" + key in openings and any(w.startswith(key) and same_stem(t, w) for w in among):
            found += 1
    return found


def content_words(tokens: tuple[str, ...]) -> list[str]:
    return [t for t in tokens if t not in FUNCTION_WORDS]


def residue_cut(words: list[str]) -> int | None:
    """Index of the first word that only residue has (``|``, braces, a file name, ``name=``).

    An anchor is link text: it never holds one, so a link line's anchor ends before it.
    """
    joined = " ".join(words)
    if not _may_hold_residue(joined):
        return None
    m = _RESIDUE_IN_WORDS.search(joined)
    return None if m is None else joined.count(" ", 0, m.start())


def holds_residue(text: str) -> bool:
    """Whether ``text`` holds a word only residue has: ``residue_cut(text.split()) is not
    None``, without splitting (white space is in no residue mark: runs of it and the ends
    change no match)."""
    return _may_hold_residue(text) and _RESIDUE_IN_WORDS.search(text) is not None


def _may_hold_residue(text: str) -> bool:
    """Characters one of :data:`_RESIDUE_IN_WORDS`' matches holds, looked for before it runs."""
    return (
        "|" in text
        or "=" in text
        or "_" in text
        or "{{" in text
        or "}}" in text
        or "[[" in text
        or "]]" in text
        or "::" in text
        or "----" in text
        or "^(" in text
        or ("." in text and FILE_NAME.search(text) is not None)
    )


def may_disambiguate(text: str) -> bool:
    """Words every :data:`DISAMBIGUATION` match holds, looked for before the regex runs."""
    return may_disambiguate_folded(text.casefold())


def may_disambiguate_folded(lowered: str) -> bool:
    """:func:`may_disambiguate` of a text already casefolded."""
    return "refer" in lowered or "name of" in lowered or "may mean" in lowered or "short" in lowered


def is_cut(line: str) -> bool:
    """Whether a line ends with the `` ...`` of a cut preview (cheaper than a regex at $)."""
    return line.rstrip().endswith(("...", "…"))


def strip_truncation(preview: str) -> tuple[str, bool]:
    """Remove the `` ...`` a scrape appends to a cut preview; say whether it was there."""
    stripped = preview.rstrip()
    if is_cut(stripped):
        return stripped.removesuffix("...").removesuffix("…").rstrip(), True
    return preview.strip(), False


def is_state_name(phrase: str) -> bool:
    """Whether ``phrase`` is a state's or organisation's name, variant or former name (most
    links of a relations page are). Not demonyms or capitals: "Korean" or "Lima" may begin a
    longer name."""
    return " ".join(_NOT_ALNUM.sub(" ", phrase.casefold()).split()) in _state_names()


@cache
def _state_names() -> frozenset[str]:
    kinds = {FormKind.NAME, FormKind.VARIANT, FormKind.FORMER_NAME}
    return frozenset(
        " ".join(_NOT_ALNUM.sub(" ", name.casefold()).split())
        for state in default_gazetteer()
        for name, kind in state.forms()
        if kind in kinds
    )
