"""An article's preview as Wikipedia's Page Previews shows it: the lead's first sentences.

Page Previews (the hover cards of Wikipedia) show the start of the article's lead as plain
text: no infobox, templates, files or references. Here the lead (the wikitext before the first
heading) is read by Dyad's own wikitext reader, which drops exactly that residue, and its first
paragraph is cut after whole sentences, at most :data:`MAX_CHARS` characters (one sentence at
least, cut at a word when even it is longer).

A disambiguation page ("X may refer to:") and a set-index page (a list of ships, mountains or
people of one name) are flagged, from their templates or title, as the hover cards mark them. A
preview that still holds markup (``{{``, ``[[``, ``|``, ``<ref``: a page the reader could only
partly clean) is flagged ``markup``; a page with no text in its lead gets no preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dyad.read.wikitext import read
from dyad.sentences import split_sentences

MAX_CHARS = 500

PreviewKind = Literal["article", "disambiguation", "set_index"]

_HEADING = re.compile(r"^=[^\n]*=[ \t]*$", re.MULTILINE)
_DISAMBIGUATION = re.compile(
    r"\{\{\s*(?:disambiguation|disambig|dab|disamb|hndis|geodis|numberdis|letter-number"
    r" combination disambiguation|airport disambiguation|call sign disambiguation"
    r"|school disambiguation|species latin name disambiguation|hospital disambiguation"
    r"|place name disambiguation|mountain disambiguation|road disambiguation)\s*[|}]",
    re.IGNORECASE,
)
_SET_INDEX = re.compile(
    r"\{\{\s*(?:set index article|set index|sia|surname|given name|shipindex|ship index"
    r"|mountain index|mountainindex|sport index|sportindex|road index|roadindex|lake index"
    r"|lakeindex|river index|plant common name|animal common name|fungus common name"
    r"|molecular formula index|chemistry index|enzyme index|storm index)\s*[|}]",
    re.IGNORECASE,
)
# "X may refer to:" opens a disambiguation page whose template a copy lost.
_REFERS_TO = re.compile(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?(?:refer|be short)\s+(?:to|for)\b"
    r"|\bmay mean\b|\bmost commonly refers to\b",
    re.IGNORECASE,
)
# Reference markers ("[1]", "[citation needed]") and empty parentheses left by removed
# pronunciations: residue a hover card never shows.
_MARKERS = re.compile(r"\s*\[(?:\d+|[a-z]|citation needed|note \d+)\]|\s*\(\s*[;,]?\s*\)")
# A file's name and caption left at the start by a copy that lost the ``[[File:`` opener.
_FILE_START = re.compile(r"^(?:\S+\.(?:jpe?g|png|svg|gif|tiff?)\b[^\]]*\]\]\s*)+", re.IGNORECASE)
_RESIDUE = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref|\|\s*\w+\s*=|^\s*\|", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Preview:
    """The hover card of one article."""

    title: str
    kind: PreviewKind
    text: str
    truncated: bool  # the lead goes on after the text
    markup: bool  # residue the reader could not clean is left in the text


def page_kind(title: str, wikitext: str) -> PreviewKind:
    """Whether a page is an article, a disambiguation page or a set index."""
    if title.endswith("(disambiguation)") or _DISAMBIGUATION.search(wikitext):
        return "disambiguation"
    if _SET_INDEX.search(wikitext):
        return "set_index"
    return "article"


def lead_wikitext(wikitext: str) -> str:
    """The wikitext before the first heading."""
    heading = _HEADING.search(wikitext)
    return wikitext if heading is None else wikitext[: heading.start()]


def preview(
    title: str, wikitext: str, *, source: str, max_chars: int = MAX_CHARS
) -> Preview | None:
    """The preview of an article, or ``None`` when its lead has no text.

    Raises :class:`~dyad.read.errors.ReadError` for a lead the wikitext reader refuses.
    """
    doc = read(lead_wikitext(wikitext), source=source, title=title)
    text = doc.text
    paragraph = next((p for p in doc.paragraphs() if text[p.start : p.end].strip()), None)
    if paragraph is None:
        start, end = 0, len(text)
    else:
        start, end = paragraph.start, paragraph.end
    chosen, cut = first_sentences(text, start, end, max_chars)
    chosen = clean(chosen)
    if not chosen:
        return None
    more = cut or bool(text[end:].strip())
    kind = page_kind(title, wikitext)
    if kind == "article" and _REFERS_TO.search(chosen[:200]):
        kind = "disambiguation"
    return Preview(
        title=title,
        kind=kind,
        text=chosen,
        truncated=more,
        markup=bool(_RESIDUE.search(chosen)),
    )


def clean(text: str) -> str:
    """A preview without reference markers, empty parentheses or a stray file caption, on one
    line."""
    text = _FILE_START.sub("", text.strip())
    return " ".join(_MARKERS.sub("", text).split())


def first_sentences(text: str, start: int, end: int, max_chars: int) -> tuple[str, bool]:
    """Whole sentences of ``text[start:end]`` up to ``max_chars``; whether any were left out."""
    sentences = split_sentences(text, start, end)
    if not sentences:
        return "", False
    stop = sentences[0].end
    for sentence in sentences[1:]:
        if sentence.end - sentences[0].start > max_chars:
            break
        stop = sentence.end
    first = sentences[0].start
    if stop - first > max_chars:  # one sentence longer than a card: cut at a word
        cut = text.rfind(" ", first, first + max_chars)
        stop = cut if cut > first else first + max_chars
    return text[first:stop].strip(), stop < sentences[-1].end or stop < end
