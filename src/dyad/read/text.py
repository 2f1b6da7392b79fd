"""Pandoc plain text: Wikipedia articles converted by ``pandoc -f mediawiki -t plain``.

The layout (see ``tests/data/text/``): paragraphs are lines separated by a blank line; links
are gone, only their words remain; bold is upper-cased, so the article opens with its title in
capitals ("IRAN–QATAR RELATIONS refer to ..."), and a bold lead line before a list names it
("HIGH-LEVEL VISITS FROM ESTONIA TO MEXICO[11]"); italics are ``_..._``; citations are
``[n]`` markers and a ``[n] text`` list at the end; lists are ``-   `` and ``1.  `` items
(continuation and nested items indented by four); tables are grid tables (``+---+`` borders,
``+===+`` under the header, cells spanning lines) or simple tables (a ``---- ----`` rule under
the header) with an optional ``: caption`` after them.

Headings are lone lines. Pandoc puts two blank lines before a top-level (``==``) heading and
one before a deeper one, which is how a paragraph separates too: a lone line after a single
blank line is a level-2 heading only when it looks like one (short, capitalised, no final
punctuation, within a section). That is the one reliable cue for levels; deeper levels are
not distinguishable and become level 2.

Residue of what pandoc could not render is removed (:mod:`dyad.read.text_residue`): image
file names and the tails of their captions (``...Mexico City; October 2012.]]``),
EasyTimeline source, ``{{...}}`` templates, and the category line
(``Albania–Brazil_relations Brazil Category:Bilateral relations of Brazil``), whose names go
to :attr:`~dyad.model.Document.categories`. The ``[n] text`` reference entries become
external links; so do the entries of "External links" and "Further reading" lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from dyad.model import Document
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.hatnotes import is_hatnote, leading_hatnote
from dyad.read.rendered import (
    AppendixKind,
    appendix_kind,
    citation,
    normalize_title,
    strip_citation_markers,
    words,
)
from dyad.read.source import title_from_filename
from dyad.read.text_residue import (
    category_names,
    clean_inline,
    is_residue,
    is_timeline,
    italic_pieces,
    only_parties,
    parties_of,
)
from dyad.read.text_tables import (
    PARAGRAPH_BREAK,
    Grid,
    caption_text,
    grid_rows,
    is_grid_border,
    simple_rows,
)

FORMAT = "text"
MAX_HEADING = 150
MAX_SUBHEADING = 100
MAX_SUBHEADING_WORDS = 12
MAX_LEAD = 200

_ITEM = re.compile(r"( *)(?:(-)|(\d{1,9})[.)])( {1,4})(?=\S)")
_DASH_RULE = re.compile(r" *-{2,}(?: +-{2,})* *")
_CAPTION = re.compile(r" {0,3}: \S")
_NOTE = re.compile(r"\[\d{1,4}\](?=\s|$)")
_OPENING_WINDOW = 400
_LOWER_WORDS = words(
    "relations relation of the and between in on to for with foreign a an de del la le"
)


@dataclass
class _Chunk:
    """Lines between blank lines, and how many blank lines came before it."""

    lines: list[str]
    blanks: int
    kind: str = "para"  # para, grid, simple, list, caption


@dataclass
class _Item:
    parts: list[str]


@dataclass
class _List:
    items: list[_Item] = field(default_factory=list)
    ordered: bool = False


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one article in pandoc plain text into a Document."""
    if not text.strip():
        raise ReadError(source, "no text to read: the article is empty")
    chunks = _chunks(text.replace("\r\n", "\n").replace("\r", "\n"))
    first = _first_paragraph(chunks)
    opening = _upper_opening(clean_inline(" ".join(chunks[first].lines))) if first >= 0 else None
    title = _resolve_title(title, opening, source)
    builder = DocumentBuilder(title=title, format=FORMAT, source=source)
    _Reader(builder, chunks, first).run()
    return builder.build()


# --------------------------------------------------------------------------- chunks


def _chunks(text: str) -> list[_Chunk]:
    """Split into blank-line separated chunks; a grid table ends at its last border."""
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    blanks = 0
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            current = None
            blanks += 1
            continue
        if current is not None and current.kind == "grid" and not line.startswith(("+", "|")):
            current = None
        if current is None:
            current = _Chunk([], blanks, _kind(line))
            chunks.append(current)
            blanks = 0
        current.lines.append(line)
    for chunk in chunks:
        if chunk.kind == "para" and _is_simple_table(chunk.lines):
            chunk.kind = "simple"
    return chunks


def _kind(first_line: str) -> str:
    if is_grid_border(first_line):
        return "grid"
    if _ITEM.match(first_line):
        return "list"
    if _CAPTION.match(first_line):
        return "caption"
    return "para"


def _is_simple_table(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    if _DASH_RULE.fullmatch(lines[1]) and lines[1].strip().count(" ") > 0:
        return not _DASH_RULE.fullmatch(lines[0])
    return bool(_DASH_RULE.fullmatch(lines[0]) and _DASH_RULE.fullmatch(lines[-1]))


def _list_items(lines: list[str], into: _List) -> None:
    for line in lines:
        m = _ITEM.match(line)
        if m:
            into.items.append(_Item([line[m.end() :].strip()]))
        elif into.items:
            into.items[-1].parts.append(line.strip())
        else:
            into.items.append(_Item([line.strip()]))


# --------------------------------------------------------------------------- title


def _first_paragraph(chunks: list[_Chunk]) -> int:
    for i, chunk in enumerate(chunks):
        if chunk.kind != "para" or is_residue(chunk.lines):
            continue
        if i > 0 and chunk.blanks >= 2:
            return -1
        if clean_inline(" ".join(chunk.lines)).strip():
            return i
    return -1


def _upper_opening(text: str) -> tuple[int, int, list[str]] | None:
    """The upper-cased words the article opens with (after an optional "The"), and their span."""
    words = list(re.finditer(r"\S+", text[:_OPENING_WINDOW]))
    if len(words) > 1 and words[0].group() in ("The", "A", "An"):
        words = words[1:]
    run: list[re.Match[str]] = []
    for word in words:
        w = word.group()
        if w != w.upper():
            break
        run.append(word)
    while run and run[-1].group().lower() == run[-1].group():
        run.pop()
    if sum(1 for w in run for c in w.group() if c.isupper()) < 3:
        return None
    return run[0].start(), run[-1].end(), [w.group() for w in run]


def _resolve_title(
    given: str | None, opening: tuple[int, int, list[str]] | None, source: str
) -> str:
    if given and given.strip():
        return " ".join(given.split())
    from_file = title_from_filename(source) if source and PurePath(source).suffix else ""
    if from_file:
        return from_file
    if opening is not None:
        return _recase(" ".join(opening[2]).strip(" .,;:"))
    return title_from_filename(source) if source.strip() else "Untitled"


def _recase(upper: str) -> str:
    """``IRAN–QATAR RELATIONS`` -> ``Iran–Qatar relations`` (a guess: names capitalised)."""
    words = []
    for i, word in enumerate(upper.split()):
        if "." in word.strip("."):
            words.append(word)
            continue
        parts = re.split(r"([–—\-/(])", word.lower())
        if i and word.lower() in _LOWER_WORDS:
            words.append(word.lower())
        else:
            words.append("".join(p[:1].upper() + p[1:] for p in parts))
    return " ".join(words)


def _restore_opening(text: str, title: str) -> str:
    opening = _upper_opening(text)
    if opening is None:
        return text
    start, _, words = opening
    for k in range(len(words), 0, -1):
        candidate = " ".join(words[:k])
        core = candidate.rstrip(" .,;:")
        if normalize_title(core) == normalize_title(title):
            end = text.find(words[k - 1], start) + len(words[k - 1])
            end -= len(candidate) - len(core)
            return text[:start] + title + text[end:]
    return text


def _note(lines: list[str]) -> str | None:
    """The text of a ``[n] text`` reference entry ("" when empty), ``None`` if not one."""
    m = _NOTE.match(lines[0])
    if not m:
        return None
    return strip_citation_markers(" ".join(lines)[m.end() :]).strip()


# --------------------------------------------------------------------------- emit


def _paragraph_text(lines: list[str]) -> str | None:
    """A paragraph's clean text without the hatnotes before it, which are taken off ``lines``;
    ``None`` when nothing of it is left, or only a stray bullet or bracket."""
    while lines and is_hatnote(lines[0]):
        del lines[0]  # navigation, not the paragraph's first sentence
    if not lines:
        return None
    lines[0] = lines[0][leading_hatnote(lines[0]) :]
    text = " ".join(clean_inline(" ".join(lines)).split())
    if not any(c.isalnum() for c in text):
        return None  # a stray bullet or bracket
    return text


def _looks_like_heading(text: str, limit: int) -> bool:
    return (
        0 < len(text) <= limit
        and any(c.isalpha() for c in text)
        and "]]" not in text
        and not text.startswith(("-", "[", "+", "|"))
    )


def _looks_like_subheading(text: str) -> bool:
    return (
        _looks_like_heading(text, MAX_SUBHEADING)
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", ",", ";", ":", "!", "?"))
        and len(text.split()) <= MAX_SUBHEADING_WORDS
    )


def _is_upper_lead(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(letters) >= 3 and len(text) <= MAX_LEAD and all(c.isupper() for c in letters)


class _Reader:
    def __init__(self, builder: DocumentBuilder, chunks: list[_Chunk], first: int) -> None:
        self.builder = builder
        self.chunks = chunks
        self.first = first
        self.parties = parties_of(builder.title)
        self.in_section = False
        self.appendix: AppendixKind | None = None
        self.lead: str | None = None

    def run(self) -> None:
        i = 0
        while i < len(self.chunks):
            chunk = self.chunks[i]
            if chunk.kind == "list":
                i = self._list(i)
                continue
            if chunk.kind in ("grid", "simple"):
                i = self._table(i)
                continue
            self._paragraph(i)
            i += 1

    def _next_kind(self, i: int) -> str | None:
        return self.chunks[i + 1].kind if i + 1 < len(self.chunks) else None

    def _paragraph(self, i: int) -> None:
        chunk = self.chunks[i]
        lines = [line.strip() for line in chunk.lines]
        if chunk.kind == "caption":
            lines[0] = lines[0][1:]
        if self._apparatus(chunk, lines):
            return
        text = _paragraph_text(lines)
        if text is None:
            return
        single = len(lines) == 1
        if single and i > 0 and chunk.blanks >= 2 and _looks_like_heading(text, MAX_HEADING):
            self._heading(1, text)
        elif single and _is_upper_lead(text) and self._next_kind(i) in ("list", "grid", "simple"):
            self.lead = text
        elif single and chunk.blanks == 1 and self.in_section and _looks_like_subheading(text):
            self._heading(2, text)
        else:
            self._prose(i, text)

    def _apparatus(self, chunk: _Chunk, lines: list[str]) -> bool:
        """Take a paragraph that is a note (a reference), a category line, its sort keys or a
        timeline; whether it was one."""
        note = _note(lines)
        if note is not None:
            if note and (link := citation(italic_pieces(note))):
                self.builder.references.append(link)
            return True
        if len(lines) == 1 and (names := category_names(lines[0], self.parties)) is not None:
            self.builder.categories.extend(names)
            return True
        if self.appendix == "references" and only_parties(lines, self.parties):
            return True  # the sort keys of a category line whose names pandoc dropped
        return is_timeline(chunk.lines)

    def _prose(self, i: int, text: str) -> None:
        """A paragraph of prose; one ending in a colon before a list is also the list's title."""
        builder = self.builder
        if i == self.first:
            text = _restore_opening(text, builder.title)
        builder.end_block()
        builder.text(text)
        builder.end_block()
        if text.endswith(":") and len(text) <= MAX_LEAD and self._next_kind(i) == "list":
            self.lead = text.rstrip(":").strip()

    def _heading(self, level: int, text: str) -> None:
        self.builder.heading(level, text)
        self.in_section = True
        if level == 1:
            self.appendix = appendix_kind(text)
        self.lead = None

    def _list(self, i: int) -> int:
        first = _ITEM.match(self.chunks[i].lines[0])
        found = _List(ordered=bool(first and first.group(3)))
        _list_items(self.chunks[i].lines, found)
        i += 1
        while i < len(self.chunks) and self.chunks[i].kind == "list" and self.chunks[i].blanks == 1:
            _list_items(self.chunks[i].lines, found)
            i += 1
        texts = [" ".join(clean_inline(" ".join(item.parts)).split()) for item in found.items]
        texts = [t for t in texts if t]
        title, self.lead = self.lead, None
        if self.appendix == "references":
            for raw in (" ".join(item.parts) for item in found.items):
                if link := citation(italic_pieces(strip_citation_markers(raw))):
                    self.builder.references.append(link)
            return i
        if self.appendix == "see_also":
            # ":Category:X" links to a category page rather than categorising this one.
            self.builder.see_also.extend(t.removeprefix(":") for t in texts)
        elif self.appendix == "links":
            for raw in (" ".join(item.parts) for item in found.items):
                if link := citation(italic_pieces(strip_citation_markers(raw))):
                    self.builder.external_links.append(link)
        builder = self.builder
        builder.begin_list(title, ordered=found.ordered)
        for text in texts:
            builder.item()
            builder.text(text)
        builder.end_list()
        return i

    def _table(self, i: int) -> int:
        chunk = self.chunks[i]
        rows: Grid = grid_rows(chunk.lines) if chunk.kind == "grid" else simple_rows(chunk.lines)
        title, self.lead = self.lead, None
        i += 1
        if i < len(self.chunks) and self.chunks[i].kind == "caption":
            caption = " ".join(clean_inline(caption_text(self.chunks[i].lines)).split())
            title = caption or title
            i += 1
        if not rows:
            return i
        builder = self.builder
        builder.begin_table(title)
        for cells, header in rows:
            builder.row()
            for cell in cells:
                builder.cell(header=header)
                for number, part in enumerate(cell.split(PARAGRAPH_BREAK)):
                    if number:
                        builder.soft_break()
                    builder.text(clean_inline(part))
        builder.end_table()
        return i
