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
from itertools import pairwise

from dyad.model import Pair

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[$€£¥%]|<[a-z]+>")
# Words that tell the pair without naming it.
_BOTH = re.compile(
    r"\b(?:the\s+two\s+(?:countries|states|nations|governments|sides)|both\s+(?:countries|states"
    r"|nations|governments|sides)|bilateral(?:ly)?)\b",
    re.IGNORECASE,
)


MIN_WORDS = 4
# Between two names of a list: "Chile and Peru", "France, Germany".
_LISTED = re.compile(r"\s*(?:,\s*|\s(?:and|or|&)\s+|,\s*(?:and|or)\s+)\s*", re.IGNORECASE)


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


def _structure(text: str, marks: Sequence[Marked]) -> set[str]:
    """How the pair's states stand to a third one in the sentence: whether a third state
    stands between the two, is listed with one of them ("Chile and Peru"), or is named first
    (the subject, most often), and whether the two are listed together."""
    states = sorted(
        (m for m in marks if m.kind in {"pair", "pairperson", "other"}), key=lambda m: m.start
    )
    if not states:
        return set()
    found = {f"m:first={'other' if states[0].kind == 'other' else 'pair'}"}
    pair_at = [m.start for m in states if m.kind != "other"]
    for left, right in pairwise(states):
        if not _LISTED.fullmatch(text, left.end, right.start):
            continue
        kinds = {left.kind == "other", right.kind == "other"}
        if kinds == {True, False}:
            found.add("m:other_listed")
        elif kinds == {False} and left.code != right.code:
            found.add("m:pair_listed")
    if pair_at and any(pair_at[0] < m.start < pair_at[-1] for m in states if m.kind == "other"):
        found.add("m:other_between")
    return found


def features_of(
    words: Sequence[str], marks: Sequence[Marked], both: bool, extra: Iterable[str] = ()
) -> tuple[str, ...]:
    """The features of one candidate from its words and marks (``extra``: what its reading
    adds, such as ``m:implicit`` where the pair's other state is not named)."""
    kinds = [m.kind for m in marks]
    found: set[str] = set(extra)
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


def names_both(text: str, start: int, end: int) -> bool:
    """Whether the sentence tells the pair without naming it ("the two countries")."""
    return _BOTH.search(text, start, end) is not None


def candidate(
    text: str,
    start: int,
    end: int,
    pair: Pair,
    marks: Sequence[Marked],
    extra: Sequence[str] = (),
) -> Candidate | None:
    """The candidate of a sentence read for ``pair`` (its ``marks`` already told as they stand
    to it), or ``None`` for a title or a label ("Iraq–United Kingdom relations").

    Whether a sentence is read for a pair is :func:`dyad.extract.learned.stage.reading`'s
    choice; ``extra`` holds the features of that choice (``m:implicit``: the pair's states
    are not both named). A third state is marked
    ``<other>`` and its place told (:func:`_structure`), so that the model learns when a
    sentence naming three states tells an act of the pair it is read for.
    """
    words = words_of(_abstract(text, start, end, marks))
    if len(words) < MIN_WORDS:
        return None
    features = features_of(
        words, marks, names_both(text, start, end), [*extra, *_structure(text, marks)]
    )
    return Candidate(start, end, pair, features, tuple(marks), tuple(words))
