"""Sentence spans in clean text, shared by extraction (evidence) and scoring.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by
white space and something that can start a sentence, unless the period belongs to an
abbreviation ("U.S.", "N. Korea", "Gen.", "p."), and always at a line break or a tab: the
clean text puts blocks, list items and table rows on lines of their own and separates table
cells by tabs, and a sentence never spans them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "pp",
        "p",
        "ed",
        "eds",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "al",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "rev",
        "hon",
        "u.s",
        "u.k",
        "u.n",
        "u.s.s.r",
        "d.c",
    ]
)
# Abbreviations that often end a sentence (a place, a company, a list), and the capitalised
# function words that open a sentence but never continue a name ("U.S. President" does).
_CAN_END = frozenset(["u.s", "u.k", "u.n", "u.s.s.r", "d.c", "etc", "inc", "ltd", "corp", "jr"])
_OPENER = re.compile(
    r"\s+[\"'“‘(]?(?:The|A|An|It|Its|This|These|Those|They|Their|He|His|She|Her|We|There|In|On|"
    r"At|After|During|Since|However|Both|Following|From)\b"
)
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_UNIT = re.compile(r"[^\n\t]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group(1).casefold().strip(".")
    if word in ABBREVIATIONS:
        # "... through its embassy in Washington, D.C. The UK governed ...": an abbreviation
        # that can close a sentence does, before a word that only opens one.
        return not (word in _CAN_END and _OPENER.match(text, dot + 1) is not None)
    return _is_initial(text, m, word)


def _is_initial(text: str, m: re.Match[str], word: str) -> bool:
    """Single initials ("David W. Jones", "N. Korea"), but not a sentence ending in a number or
    in a possessive ("the high commission in Saint John's. The UK governed ...")."""
    after_apostrophe = m.start() > 0 and text[m.start() - 1] in "'’"
    return len(word) == 1 and word.isalpha() and not after_apostrophe


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` as spans into ``text`` (trimmed of white space)."""
    end = len(text) if end is None else end
    spans: list[Sentence] = []
    for m in _UNIT.finditer(text, start, end):
        _split_line(text, m.start(), m.end(), spans)
    return spans


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    sentence_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        _add(text, sentence_start, m.end(), out)
        sentence_start = m.end()
    _add(text, sentence_start, end, out)


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing ``offset`` (sentences sorted by start)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
