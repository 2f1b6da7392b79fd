"""Link previews: where an anchor ends and its preview begins, and what kind of preview it is.

A scrape such as TheInfoList prints each link as ``<anchor> <first ~240 characters of the
linked article> ...`` on one line. Nothing marks the boundary, so :func:`split_anchor` scores
every word boundary of the line with evidence a reader would use:

* the preview repeats the anchor, perhaps spelled differently ("Kim Il Sung Kim Il-sung (";
  "Miyeegombyn Enkhbold Miyegombyn Enkhbold"), or after "The" ("Soviet Union The Soviet Union");
* the preview's first words share stems with the anchor ("People's Republic of Mongolia The
  Mongolian People's Republic"), or the anchor appears verbatim inside the preview's opening
  ("Batyn Dorj General of the army Batyn Dorj");
* the preview starts the way an article's first sentence starts (a capital, "The", "A",
  "Since"), or the way template residue starts (" , date = {{Ubl"), while an anchor does not
  end with "of" or a comma, nor repeat its last word.

The same features score the other layout, where the anchor is alone on the line before its
preview (:func:`score_pair`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from dyad.model import GlossFlag

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
_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_LEADING_NOISE = re.compile(r"^(?:'{2,}|[\"“‘(\[])+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_RESIDUE_START = re.compile(
    r"^\s*(?:[,|=}\]]|\{\{|\[\[|\[\d+\]|__[A-Z]+__|[\w ]{1,30}="
    r"|\[?\w[\w.,()'-]*\.(?:jpe?g|png|svg|gif|tiff?)\b)",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?)\b", re.IGNORECASE)
_COPULAS = frozenset(["is", "was", "are", "were", "has", "had"])
_DISAMBIGUATION = re.compile(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?(?:refer|be short)\s+(?:to|for)\b"
    r"|\bis the name of\b|\bmost commonly refers to\b|\bmay mean\b",
    re.IGNORECASE,
)
MAX_ANCHOR_WORDS = 14


@dataclass(frozen=True, slots=True)
class Split:
    """An anchor and its preview, with the score that chose the boundary."""

    anchor: str
    preview: str
    score: float


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _stem(token: str) -> str:
    token = token.casefold().replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    return token


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(t) for t in _TOKEN.findall(text))


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    # "korea"/"korean", "mongolia"/"mongolian", "soviet"/"soviets".
    return len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 1)])


def _content(tokens: tuple[str, ...]) -> list[str]:
    return [t for t in tokens if t not in FUNCTION_WORDS]


def _head(preview: str) -> str:
    """The preview's opening without quotes, italics markers or a leading article."""
    head = _LEADING_NOISE.sub("", preview.lstrip())
    return _ARTICLE.sub("", head)


def score_pair(anchor: str, preview: str) -> float:
    """How plausible it is that ``preview`` is the preview of a link reading ``anchor``."""
    anchor = anchor.strip()
    if not anchor or not preview.strip():
        return float("-inf")
    score = 0.0
    a_tokens = _tokens(anchor)
    a_words = anchor.split()
    last = a_words[-1]
    head = _head(preview)
    head_tokens = _tokens(head[:300])

    # --- the preview repeats the anchor
    a_fold = fold(_ARTICLE.sub("", anchor))
    h_fold = fold(head[: len(anchor) + 40])
    if a_fold and h_fold.startswith(a_fold):
        score += 10.0
    elif a_fold and len(a_fold) >= 6:
        ratio = SequenceMatcher(None, a_fold, h_fold[: len(a_fold)], autojunk=False).ratio()
        if ratio >= 0.8:
            score += 10.0 * ratio - 2.0
    if a_tokens and head_tokens and any(_same_stem(head_tokens[0], t) for t in a_tokens):
        score += 3.0
    content = _content(a_tokens)
    if content:
        window = head_tokens[: len(a_tokens) + 4]
        found = sum(1 for t in content if any(_same_stem(t, w) for w in window))
        score += 6.0 * found / len(content) * min(1.0, len(content) / 2)
    opening = preview[:300].casefold()
    if len(anchor) >= 4 and anchor.casefold() in opening:
        score += min(len(anchor), 30) / 6.0

    # --- the preview starts the way an article (or template residue) starts
    first = preview.lstrip()[:1]
    first_word = preview.split(maxsplit=1)[0] if preview.split() else ""
    if _RESIDUE_START.match(preview):
        score += 4.0
    elif first.isupper() or first.isdigit() or first in "\"'“‘([":
        score += 1.0
        if first_word.casefold() in SENTENCE_OPENERS:
            score += 2.0
        if last[:1].islower() and first.isupper():
            score += 1.5
    elif first_word in _COPULAS:
        score += 2.0  # a lead whose bold subject the scrape lost: "is a train station ..."
    elif first.islower():
        score -= 3.0
    m = _DISAMBIGUATION.search(preview[:200])
    if m and a_tokens:
        subject = _tokens(preview[: m.start()])
        if subject and any(_same_stem(subject[0], t) for t in a_tokens):
            score += 4.0

    # --- what an anchor does not look like
    if last.casefold() in FUNCTION_WORDS:
        score -= 4.0
    if last[-1] in ",;:([{":
        score -= 4.0
    elif last[-1] == "." and len(last) > 3 and "." not in last[:-1] and not last.isupper():
        score -= 2.0
    if any(w in _COPULAS for w in a_words[1:]):
        score -= 4.0
    cased = [w for w in a_words if sum(c.isalpha() for c in w) >= 3]
    if any(w.isupper() for w in cased) and any(w[:1].isupper() and not w.isupper() for w in cased):
        score -= 4.0
    if _FILE_NAME.search(anchor):
        score -= 6.0
    if anchor.count("(") > anchor.count(")"):
        score -= 3.0
    if any(w.casefold() in SENTENCE_OPENERS and w[:1].isupper() for w in a_words[1:]):
        score -= 3.0
    if len(a_words) >= 2 and a_words[-1].casefold() == a_words[-2].casefold():
        score -= 3.0
    if "{{" in anchor or "}}" in anchor or "=" in anchor:
        score -= 6.0
    score -= 0.3 * max(0, len(a_words) - 4)
    return score


def split_anchor(line: str) -> Split | None:
    """The best anchor/preview boundary of a one-line ``anchor preview ...`` link, if any."""
    words = list(_WORD.finditer(line))
    best: Split | None = None
    for k in range(1, min(MAX_ANCHOR_WORDS, len(words) - 1) + 1):
        anchor = line[: words[k - 1].end()]
        preview = line[words[k].start() :]
        score = score_pair(anchor, preview)
        if best is None or score > best.score:
            best = Split(anchor.strip(), preview.strip(), score)
    return best


def strip_truncation(preview: str) -> tuple[str, bool]:
    """Remove the `` ...`` a scrape appends to a cut preview; say whether it was there."""
    m = TRUNCATION.search(preview)
    if m:
        return preview[: m.start()].rstrip(), True
    return preview.strip(), False


def gloss_flags(anchor: str, target: str, text: str) -> tuple[GlossFlag, ...]:
    """Classify a preview: a disambiguation page, template residue, or about something else."""
    flags: list[GlossFlag] = []
    opening = text[:200]
    if _DISAMBIGUATION.search(opening):
        flags.append("disambiguation")
    if _RESIDUE_START.match(text) or "{{" in text[:40]:
        flags.append("markup")
    if not flags:
        names = set(_content(_tokens(anchor))) | set(_content(_tokens(target)))
        described = _content(_tokens(opening))
        if names and not any(_same_stem(n, d) for n in names for d in described):
            flags.append("mismatch")
    return tuple(flags)
