"""What a sentence looks like to the learned classifier: its words with the pair abstracted.

A candidate is a sentence of the narrative and the pair of states its passage is about
(:class:`dyad.extract.context.Context`). Its features are the sentence's words, lower-cased,
with every name the rules already resolve replaced by what it is to that pair: a state of the
pair (``<pair>``), another state (``<other>``), a person of the pair or of another state, a
date, a count. So "Kenya and Japan signed an agreement in 1984" and "Chile and Peru signed an
agreement in 2003" look alike, and a classifier trained on some pairs reads others.

Features are strings (``w:`` a word, ``p:`` its first five letters, ``b:`` two words in a row,
``m:`` what the sentence holds; ``c:`` the CAMEO class of a verb, added by the model from its
verb table); a model is a weight per feature and type
(:mod:`dyad.extract.learned.model`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.model import Pair

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[$€£¥%]|<[a-z]+>")
# Words that tell the pair without naming it.
_BOTH = re.compile(
    r"\b(?:the\s+two\s+(?:countries|states|nations|governments|sides)|both\s+(?:countries|states"
    r"|nations|governments|sides)|bilateral(?:ly)?)\b",
    re.IGNORECASE,
)


MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Marked:
    """A span of the sentence that stands for something (``kind``: ``pair``, ``other``,
    ``pairperson``, ``person``, ``date``, ``qty``); ``code`` is the state, if any."""

    start: int
    end: int
    kind: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence read for one pair: its span, the pair, its features, and its marks."""

    start: int
    end: int
    pair: Pair
    features: tuple[str, ...]
    marks: tuple[Marked, ...]
    words: tuple[str, ...] = ()


def _abstract(text: str, start: int, end: int, marks: Sequence[Marked]) -> str:
    """The sentence with each mark replaced by its kind in angle brackets."""
    out: list[str] = []
    at = start
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < at:
            continue
        out.append(text[at : mark.start])
        out.append(f" <{mark.kind}> ")
        at = mark.end
    out.append(text[at:end])
    return "".join(out)


def words_of(abstract: str) -> list[str]:
    """The lower-cased words of an abstracted sentence (marks kept whole)."""
    return [w.lower() for w in _WORD.findall(abstract)]


def features_of(words: Sequence[str], marks: Iterable[Marked], both: bool) -> tuple[str, ...]:
    """The features of one candidate from its words and marks."""
    kinds = [m.kind for m in marks]
    found: set[str] = set()
    for i, word in enumerate(words):
        found.add(f"w:{word}")
        if len(word) > 5 and not word.startswith("<"):
            found.add(f"p:{word[:5]}")
        if i:
            found.add(f"b:{words[i - 1]}_{word}")
    pair_states = {m.code for m in marks if m.kind in {"pair", "pairperson"}}
    found.add(f"m:pairstates={min(len(pair_states), 2)}")
    found.add(f"m:others={min(kinds.count('other'), 2)}")
    found.add(f"m:dates={min(kinds.count('date'), 2)}")
    if both:
        found.add("m:both")
    if "qty" in kinds:
        found.add("m:qty")
    found.add(f"m:len={min(len(words) // 10, 5)}")
    return tuple(sorted(found))


def may_be_candidate(text: str, start: int, end: int, codes: Iterable[str | None]) -> bool:
    """Whether a sentence whose states (named, or of the people it names) are ``codes`` may be
    a candidate for some pair: it names two states or says "the two countries". This is the
    test of :func:`candidate` that needs no pair, cheap enough to run before a sentence's pair
    and marks are read (three sentences in four fail it)."""
    return len({c for c in codes if c is not None}) >= 2 or bool(_BOTH.search(text, start, end))


def candidate(
    text: str, start: int, end: int, pair: Pair, marks: Sequence[Marked]
) -> Candidate | None:
    """The candidate of a sentence for ``pair``, or ``None`` unless the sentence names both
    states of the pair (each by name, demonym or one of its people) or "the two countries",
    and no third state ("France and Germany signed agreements with Ukraine" is FRA-UKR and
    DEU-UKR, which the rules read; a word model would file it under the page's pair).

    A sentence that names one state of the pair may tell an act of that state with a third
    one ("Liberia established relations with the Soviet Union"), or of a company of the other
    ("BP signed an agreement with Iraq"): without syntax, the stage cannot tell which.
    """
    both = _BOTH.search(text, start, end) is not None
    named = {m.code for m in marks if m.kind in {"pair", "pairperson"}}
    if not both and len(named) < 2:
        return None
    if any(m.kind == "other" for m in marks):  # a third state may be the act's other party
        return None
    words = words_of(_abstract(text, start, end, marks))
    if len(words) < MIN_WORDS:  # a title or a label ("Iraq–United Kingdom relations")
        return None
    return Candidate(start, end, pair, features_of(words, marks, both), tuple(marks), tuple(words))
