"""Hatnotes: the navigation lines above a section's text, never part of its sentences.

Wikipedia prints "Main article: Canada–Ireland relations", "See also: ...", "Further
information: ..." or "See Canada–Ireland relations" above a section or at the top of a table
cell. Renderers keep them as a line of their own, and a reader that joins lines (a pandoc grid
cell, a TheInfoList paragraph) would make them the start of the next sentence, and so of the
evidence extracted from it ("See Canada–Ireland relations Both countries established ...").
Readers recognise them here and leave them out of the running text.
"""

from __future__ import annotations

import re

from dyad.gazetteer import default_gazetteer

# "Main article:", "See also:", ... with their colon; or "See" and a capitalised title.
_LABELLED = re.compile(
    r"^[\s_*(]*(?:Main articles?|Further information|See also|For more information|More information"
    r"|For further information|For more details on this topic, see)[\s_*]*:?[\s_*]*(?=\S)",
    re.IGNORECASE,
)
_SEE = re.compile(r"^[\s_*(]*See[\s_*]+(?!also\b)[^\W\d_a-z]")
# A hatnote run into its paragraph on one line: "(See X–Y relations) Both ...", "See X–Y
# relations In June 2009, ...", "Main article: X–Y relations The ...".
_LEADING = re.compile(
    r"^\((?:See|Main article:|Further information:)\s[^()]{1,150}\)\s+(?=[^\W\d_a-z\"“])"
    r"|^(?:See(?: also:)?|Main articles?:|Further information:)\s+[^.!?]{1,150}?\brelations"
    r"(?=\s+[^\W\d_a-z\"“])\s+"
)
# "See Foreign relations of Costa Rica Costa Rica has ...": the title ends with a state's name.
_FOREIGN_RELATIONS_OF = re.compile(
    r"^See(?: also:)?\s+(?:[^.!?]{1,100}?(?:,|\sand)\s+)?Foreign relations of\s+(?:the\s+)?"
)
_SENTENCE_START = re.compile(r"\s+(?=[^\W\d_a-z\"“])")
# "See A–B relations, C War, D in Nakhichevan The two nations ...": a list of titles, the last
# one run into the sentence. Where it ends is read from the words after the last comma.
_TITLE_LIST = re.compile(r"^See(?: also:)?\s+[^.!?,]{1,100}?\brelations(?:,|\s+or|\s+and)\s+")
# Words that begin a sentence and (capitalised, after a title without a comma) no title: a
# title's own "The" or "In" follows a comma ("See X relations, The Troubles").
_OPENERS = frozenset(
    "The Both In On During Since After Before From Relations Diplomatic A An It This There"
    " These Today".split()
)
_STOP = re.compile(r"[.!?](?:\s|$)")
MAX_WORDS = 40  # "See X relations, Y War, Z pogrom, ...": lists of titles run long


def is_hatnote(line: str) -> bool:
    """Whether a whole line (or cell paragraph) is a hatnote and nothing else.

    "See also" alone is the heading of the appendix, not a hatnote; "See Canada–Ireland
    relations" is one, "See the list below for details." is a sentence.
    """
    text = line.strip()
    if not text or len(text.split()) > MAX_WORDS:
        return False
    if _LABELLED.match(text):
        body = text[_LABELLED.match(text).end() :]  # type: ignore[union-attr]
        return not _STOP.search(body.rstrip("."))
    if _SEE.match(text):
        # "See X–Y relations The establishment ... 1992." is a hatnote run into a sentence
        return not _STOP.search(text.rstrip(".)")) and not leading_hatnote(text)
    return False


def _after_title_list(text: str) -> int:
    """Where the sentence starts after a run-in list of titles (0 if it cannot be told).

    Titles are joined by commas, "or" and "and"; within the last one, the sentence starts at
    a capitalised opener ("The two nations") or where a word repeats ("Filipinos in Turkey
    Turkey established": the title ends with the state the sentence begins with).
    """
    m = _TITLE_LIST.match(text)
    if not m:
        return 0
    previous = ""
    for word in re.finditer(r"\S+", text[m.end() : m.end() + 250]):
        token = word.group()
        if token[-1:] in ".!?":
            return 0  # a sentence ended inside the "list": not one
        joined = not previous or previous.endswith(",") or previous in {"or", "and"}
        if not joined and (token in _OPENERS or (token == previous and token[:1].isupper())):
            return m.end() + word.start()
        previous = token
    return 0


def leading_hatnote(text: str) -> int:
    """Where the paragraph starts after a hatnote run into it on one line (0 if none)."""
    m = _LEADING.match(text)
    if m:
        return m.end()
    if cut := _after_title_list(text):
        return cut
    m = _FOREIGN_RELATIONS_OF.match(text)
    if m:
        names = default_gazetteer().find_mentions(text[m.end() : m.end() + 80])
        if names and names[0].start == 0:
            after = _SENTENCE_START.match(text, m.end() + names[0].end)
            if after:
                return after.end()
    return 0
