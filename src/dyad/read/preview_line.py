"""Scoring one boundary of a link line: how plausible the first words are as its anchor.

A link line (``<anchor> <preview> ...``) is read once (:class:`LineScorer`): its words, their
stems and folds; each boundary is then scored from slices of them, with the evidence the
module :mod:`dyad.read.previews` describes: the preview repeating the anchor, sharing its
stems, opening the way an article's first sentence opens, and the anchor's own shape.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate, compress

from dyad.read.preview_words import (
    ARTICLES,
    COPULAS,
    DISAMBIGUATION,
    FILE_NAME,
    FOOTNOTE,
    FUNCTION_WORDS,
    MAX_ANCHOR_WORDS,
    READ_CHARS,
    RESIDUE_START,
    SENTENCE_OPENERS,
    TOKEN,
    WORD,
    count_found,
    fold_words,
    may_disambiguate_folded,
    same_stem,
    stems,
)

# Quotes, brackets and italics marks before a preview's first word (the 2019 abstracts print an
# italic title as "_PALE FIRE_ is a 1962 novel": one in ten of them opens so).
_LEADING_NOISE = re.compile(r"^(?:'{2,}|[\"“‘(\[_])+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_OPENING = 300
# A prefix shaped this badly is never an anchor worth scoring (the splitter skips it).
HOPELESS_SHAPE = -8.0
# RESIDUE_START where a preview starts (without "^", which matches only at the string's start).
_RESIDUE_AT = re.compile(RESIDUE_START.pattern.removeprefix("^"), RESIDUE_START.flags)
_START, _GROUP = re.Match.start, re.Match.group
_ALL_CAPS = re.compile(r"^[^\W\d_a-z]{4,}\b(?:[\s,]+[^\W\d_a-z]{2,}\b)?")


def score_pair(anchor: str, preview: str, *, residue: bool = False) -> float:
    """How plausible it is that ``preview`` is the preview of a link reading ``anchor``.

    ``residue``: the preview is known to be infobox or caption residue, which opens with the
    tail of some field's value ("116 mi) | population_estimate", "border |image_size"), so
    the way it opens says nothing; the anchor's own shape and words still do.
    """
    anchor = anchor.strip()
    if not anchor or not preview.strip():
        return float("-inf")
    line = LineScorer(f"{anchor} {preview.strip()}")
    k = len(anchor.split())
    if k >= len(line.spans):
        return float("-inf")  # the anchor fills all of the line that is read: no link
    return line.score(k, residue=residue)


class LineScorer:
    """A link line read once: its words, stems and folds, so that scoring each boundary
    slices them instead of tokenising the anchor and the preview again."""

    def __init__(
        self, text: str, spans: list[re.Match[str]] | None = None, words: list[str] | None = None
    ) -> None:
        """``spans``: the line's first words if already found (at least twice
        :data:`MAX_ANCHOR_WORDS` and ten more: an anchor and its preview's opening); else all
        the words it reads. ``words``: their text, if already taken."""
        self.text = text
        head = text[:READ_CHARS]
        self.spans = list(WORD.finditer(head)) if spans is None else spans
        self.spans_starts = list(map(_START, self.spans))
        self.words = list(map(_GROUP, self.spans)) if words is None else words
        # Stems and folds are needed as far as the longest anchor and its preview's opening.
        reach = self.spans[min(len(self.spans) - 1, 2 * MAX_ANCHOR_WORDS + 8)].end()
        found = list(TOKEN.finditer(head, 0, reach))
        self.token_starts = list(map(_START, found))
        self.stems = stems(list(map(_GROUP, found)))
        # Each stem's first four letters (stems that share a stem share them); the content
        # stems in order, and how many function words the first n stems hold.
        self.stem_keys = [stem[:4] for stem in self.stems]
        is_function = list(map(FUNCTION_WORDS.__contains__, self.stems))
        self.contents = list(compress(self.stems, map(operator.not_, is_function)))
        self.function_counts = list(accumulate(is_function, initial=0))
        lowered = head.casefold()
        self.disambiguations = (
            list(DISAMBIGUATION.finditer(head)) if may_disambiguate_folded(lowered) else []
        )
        self.folds = fold_words(self.words[: 2 * MAX_ANCHOR_WORDS + 9])
        self.lowered = lowered if len(lowered) == len(head) else None
        # (Only as far as a prefix may still be shaped like an anchor: see anchor_shapes.)
        self.shapes = anchor_shapes(self.words[:MAX_ANCHOR_WORDS], HOPELESS_SHAPE)

    def _stems(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(
            self.stems[bisect_left(self.token_starts, start) : bisect_left(self.token_starts, end)]
        )

    def score(self, k: int, *, residue: bool = False) -> float:
        """:func:`score_pair` of the first ``k`` words against the rest of the line.

        Each part of the evidence adds to the running score in turn (the order of the sums
        is part of the result: the scores of two boundaries may tie)."""
        spans = self.spans
        anchor_end, start = spans[k - 1].end(), spans[k].start()
        opening = self.text[start : start + _OPENING]
        head = _head(opening)
        head_start = start + len(opening) - len(head)
        count = bisect_left(self.token_starts, anchor_end)  # the anchor's stems: the first count
        score = self._repeats(k, head_start, 0.0)
        score = self._shares_words(anchor_end, start, head_start, count, score)
        score = self._opens(k, start, head, residue, score)
        if self.disambiguations:
            score += self._disambiguation(start, count)
        if k > len(self.shapes):  # a long anchor (the other layout's whole line), or hopeless
            self.shapes = anchor_shapes(self.words[:k])
        return score + self.shapes[k - 1]

    def _repeats(self, k: int, head_start: int, score: float) -> float:
        """The preview repeats the anchor (folds join word by word: fold drops spaces)."""
        head_word = bisect_left(self.spans_starts, head_start)
        folds = self.folds
        first_kept = 1 if k > 1 and folds[0] in ARTICLES else 0
        a_fold = "".join(folds[first_kept:k])
        h_fold = "".join(folds[head_word : head_word + k + 6])
        if a_fold and h_fold.startswith(a_fold):
            score += 10.0
        elif a_fold and len(a_fold) >= 6 and a_fold[:2] == h_fold[:2]:
            # Spelled differently ("Miyeegombyn" / "Miyegombyn"): only worth comparing when
            # the preview opens with the same letters.
            ratio = _similarity(a_fold, h_fold[: len(a_fold)], 0.8)
            if ratio >= 0.8:
                score += 10.0 * ratio - 2.0
        return score

    def _shares_words(
        self, anchor_end: int, start: int, head_start: int, count: int, score: float
    ) -> float:
        """The preview's opening (its stems within 160 characters) shares stems with the
        anchor (the line's first ``count`` stems), or holds it verbatim."""
        starts = self.token_starts
        first = bisect_left(starts, head_start)
        end = bisect_left(starts, head_start + 160, first)
        if count and end > first and self._shares_stem(self.stems[first], count):
            score += 3.0
        content = self.contents[: count - self.function_counts[count]]
        if content:
            found = count_found(content, self.stems[first : min(end, first + count + 4)])
            score += 6.0 * found / len(content) * min(1.0, len(content) / 2)
        if anchor_end >= 4 and self._holds_anchor(anchor_end, start):
            score += min(anchor_end, 30) / 6.0
        return score

    def _shares_stem(self, token: str, count: int) -> bool:
        """Whether one of the line's first ``count`` stems (an anchor's) shares ``token``'s stem:
        only those with its first four letters can."""
        keys, key, index = self.stem_keys, token[:4], 0
        while key in keys[index:count]:
            index = keys.index(key, index, count)
            if same_stem(token, self.stems[index]):
                return True
            index += 1
        return False

    def _holds_anchor(self, anchor_end: int, start: int) -> bool:
        """Whether the preview's opening holds the anchor, ignoring case."""
        lowered = self.lowered
        if lowered is not None:
            return lowered[:anchor_end] in lowered[start : start + _OPENING]
        text = self.text
        return text[:anchor_end].casefold() in text[start : start + _OPENING].casefold()

    def _opens(self, k: int, start: int, head: str, residue: bool, score: float) -> float:
        """The preview starts the way an article (or template residue) starts."""
        first = self.text[start : start + 1]
        first_word, a_first, last = self.words[k], self.words[0], self.words[k - 1]
        if residue:
            score = _opens_residue(first, a_first, last, score)
        elif _RESIDUE_AT.match(self.text, start):
            score += 4.0
        elif first.isupper() or first.isdigit() or first in "\"'“‘([_":
            score += 1.0
            if first_word.casefold() in SENTENCE_OPENERS:
                score += 2.0
            if last[:1].islower() and first.isupper():
                score += 1.5
        elif first_word == "-" and not last.isupper():
            # a list's dash opening the abstract ("- KLA veterans join the UÇPMB", "- Bioreactor,
            # a device ...": 6 of the 2019 abstracts); not inside a title in capitals
            # ("... ARTS ACADEMY - EAST or MSA-EAST ACADEMY is a ...")
            score += 2.0
        elif first_word in COPULAS:
            # a lead whose bold subject the scrape lost: "is a train station ..."
            score += 3.0 if a_first[:1].isupper() else 2.0
        elif first.islower():
            score -= 3.0
        if _ALL_CAPS.match(head) and not last.isupper():
            score += 3.0  # the abstracts print the bold subject in capitals: "ARTHUR NEVILLE"
        return score

    def _disambiguation(self, start: int, count: int) -> float:
        """A disambiguation page whose subject is the anchor (the line's first ``count``
        stems): "Kim or KIM may refer to"."""
        for m in self.disambiguations:
            if m.start() >= start and m.end() <= start + 200:
                subject = self._stems(start, m.start())
                if subject and count and self._shares_stem(subject[0], count):
                    return 4.0
                return 0.0
        return 0.0


def _opens_residue(first: str, a_first: str, last: str, score: float) -> float:
    """:meth:`LineScorer._opens` of a preview known to be residue: it opens with the tail of
    some field's value, lowercase, a digit or a mark, after an anchor that ends as it began."""
    if first.islower() or first.isdigit() or not first.isalnum():
        score += 2.0
    if last[:1].islower() and a_first[:1].isupper():
        score -= 2.0
    return score


def _head(preview: str) -> str:
    """The preview's opening without quotes, italics markers or a leading article."""
    head = preview.lstrip()
    noise = _LEADING_NOISE.match(head)
    if noise is not None:
        head = head[noise.end() :]
    article = _ARTICLE.match(head)
    return head if article is None else head[article.end() :]


def _similarity(a: str, b: str, least: float) -> float:
    """difflib's ratio of ``a`` and ``b`` where it may reach ``least``; else a bound under it.

    The letters the two share, counted with repeats, bound the matches the ratio counts, so a
    pair whose bound falls short is not matched at all.
    """
    shared = sum(min(a.count(c), b.count(c)) for c in set(a))
    bound = 2.0 * shared / (len(a) + len(b)) if a or b else 1.0
    if bound < least:
        return bound
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def anchor_shapes(words: list[str], hopeless: float | None = None) -> list[float]:
    """For each prefix of ``words``, how much it does not look like an anchor: a function word
    or a comma at its end, a verb inside, a mix of capitals and title case, a file name, an
    open parenthesis, residue. One pass, each prefix from the one before; what the words so far
    hold is kept as a whole-number penalty (summed in any order, it comes to the same).

    The penalty only grows and no ending adds to a shape, so once it reaches ``-hopeless``
    every longer prefix is shaped at ``hopeless`` or worse: given ``hopeless``, the list stops
    before the first such prefix.
    """
    shapes: list[float] = []
    held, penalty, opened = 0, 0.0, 0
    previous = ""
    for index, word in enumerate(words):
        bits, parentheses, ending, lowered = _word_shape(word)
        if not index:
            bits &= _NOT_AFTER_FIRST
        if bits | held != held:
            penalty += _gain(held, bits | held)
            held |= bits
        opened += parentheses
        if hopeless is not None and -penalty <= hopeless:
            break
        score = ending - (penalty + 3.0 if opened > 0 else penalty)
        if index and lowered == previous:
            score -= 3.0
        previous = lowered
        shapes.append(score - 0.3 * max(0, index + 1 - 4))
    return shapes


# What the words of an anchor so far hold that link text does not, as bits of ``held``: a verb
# or a sentence opener after the first word, capitals beside title case, residue, a file name,
# a footnote's mark (each counted once, with its weight).
_VERB, _OPENER, _UPPER, _TITLE, _RESIDUE, _FILE, _NOTE = 1, 2, 4, 8, 16, 32, 64
_CASES = _UPPER | _TITLE
_NOT_AFTER_FIRST = ~(_VERB | _OPENER)
_WEIGHTS = ((_VERB, 4.0), (_OPENER, 3.0), (_RESIDUE, 6.0), (_FILE, 6.0), (_NOTE, 6.0))


def _gain(held: int, now: int) -> float:
    """The penalty of what ``now`` holds and ``held`` did not (the two cases together: 4)."""
    gained = now & ~held
    penalty = sum(weight for bit, weight in _WEIGHTS if gained & bit)
    if now & _CASES == _CASES and held & _CASES != _CASES:
        penalty += 4.0
    return penalty


@lru_cache(maxsize=8192)
def _word_shape(word: str) -> tuple[int, int, float, str]:
    """What one word of an anchor holds (bits of ``held``; a verb and an opener count only
    after the first word), the parentheses it opens less those it closes, the shape of an
    anchor ending with it, and its casefold. (Memoised: a page's links share their words.)"""
    lowered = word.casefold()
    bits = 0
    if word in COPULAS:
        bits |= _VERB
    if lowered in SENTENCE_OPENERS and word[:1].isupper():
        bits |= _OPENER
    if len(word) >= 3:
        bits |= _cases(word)
    if "{{" in word or "}}" in word or "=" in word:
        bits |= _RESIDUE
    if "." in word and FILE_NAME.search(word) is not None:
        bits |= _FILE
    if "[" in word and FOOTNOTE.search(word) is not None:
        bits |= _NOTE  # (the site prints notes after a link)
    parentheses = word.count("(") - word.count(")") if "(" in word or ")" in word else 0
    return bits, parentheses, _ending_shape(word, lowered), lowered


def _cases(word: str) -> int:
    """The case of a word of three letters or more: capitals or title case (or neither)."""
    if not word.isalpha() and sum(map(str.isalpha, word)) < 3:
        return 0
    if word.isupper():
        return _UPPER
    return _TITLE if word[:1].isupper() else 0


def _ending_shape(word: str, lowered: str) -> float:
    """How much an anchor ending with ``word`` does not look like one, by that word alone."""
    score = 0.0
    if lowered in FUNCTION_WORDS:
        score -= 4.0
    end = word[-1]
    if end in ",;:([{":
        score -= 4.0
    elif end == "." and len(word) > 3 and "." not in word[:-1] and not word.isupper():
        score -= 2.0
    return score
