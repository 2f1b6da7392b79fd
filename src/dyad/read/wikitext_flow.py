"""The flow of a wikitext page as the walker writes it: lines, lists and ``;term`` lines, and
the interface (:class:`~dyad.read.wikitemplates.Out`) that templates render through.

:class:`Flow` keeps the state of the current source line (newlines since the last content, a
list marker, an open list, a term being collected) and turns it into the builder's blocks;
walking the parsed page is :mod:`dyad.read.wikitext`'s walker, which extends it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from mwparserfromhell.wikicode import Wikicode

from dyad.model import ExternalLink as Link
from dyad.read.builder import DocumentBuilder
from dyad.read.wikidates import parse_date_text

_SENTENCE_ENDS = frozenset('.,;:!?)]"”')


class Sink(Protocol):
    def text(self, s: str) -> None: ...
    def anchor(self, text: str, target: str | None = None) -> None: ...
    def date(self, text: str, value: str) -> None: ...
    def space(self) -> None: ...


class Plain:
    """A sink that keeps only the visible text: for headings, link labels, infobox values."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, s: str) -> None:
        self.parts.append(s)

    def anchor(self, text: str, target: str | None = None) -> None:
        self.parts.append(text)

    def date(self, text: str, value: str) -> None:
        self.parts.append(text)

    def space(self) -> None:
        self.parts.append(" ")

    def result(self) -> str:
        return " ".join("".join(self.parts).split())


class Flow:
    """The builder, the sink text goes to (the builder, or a :class:`Plain` string), and the
    state of the line being read."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.out: Sink = builder
        self.display: str | None = None
        self.flow = True
        self.recording = True
        self.lead = True
        # Line state of the flow: newlines since the last content, whether this line began
        # with a list marker, whether a list is open, a ";term" line being collected.
        self._newlines = 0
        self._line_start = 0  # where the builder was when the current source line began
        self._line_marker = False
        self._in_list = False
        self._ordered = False
        self._term: Plain | None = None
        self._term_saved: Sink = builder
        self._level = 0
        self._special: str | None = None
        self._special_level = 0
        self._line_anchor_taken = False
        self._gap = False
        self._last = ""

    def walk(self, code: Wikicode) -> None:
        """Walk parsed wikitext, writing what a reader sees: the walker's, which extends this."""
        raise NotImplementedError("Flow.walk: the wikitext walker (dyad.read.wikitext) walks")

    # ------------------------------------------------------------- lines and lists

    def _reset_lines(self) -> None:
        self._newlines = 0
        self._line_marker = False
        self._in_list = False

    def _end_block(self) -> None:
        self.b.end_block()
        self._in_list = False

    def _newline(self) -> None:
        if self._term is not None:
            self._finish_term()
        self._newlines += 1
        self._line_marker = False
        self._line_anchor_taken = False

    def _content(self) -> None:
        """Content arrives in the flow: a blank line or the end of a list closes the block."""
        if self._newlines > 1 or (self._in_list and not self._line_marker):
            self._end_block()
        elif self._newlines:
            self.out.space()
        self._newlines = 0

    def _marker(self, markup: str) -> None:
        """A list marker at a line's start: ``*``/``#`` items, ``:`` indents, ``;`` terms."""
        if self._term is not None and markup == ":":
            self._finish_term(as_item=True)
            return
        if not self.flow:
            self.space()
            return
        if self._line_marker:
            return  # "**", "#:": deeper levels of the same line's item
        if self._newlines > 1:
            self._end_block()
        self._newlines = 0
        self._line_marker = True
        self._line_anchor_taken = False
        if markup == ";":
            self._term = Plain()
            self._term_saved, self.out = self.out, self._term
            self.flow = self.recording = False
            return
        ordered = markup == "#"
        if self._in_list and ordered != self._ordered:
            self._end_block()
        if not self._in_list:
            self.b.begin_list(ordered=ordered)
            self._in_list, self._ordered = True, ordered
        self.b.item()

    def _finish_term(self, *, as_item: bool = False) -> None:
        """End a ``;term`` line: a sub-heading, or an item "term:" when a definition follows."""
        term = self._term
        if term is None:
            return
        self._term = None
        self.out = self._term_saved
        self.flow = self.recording = True
        text = term.result()
        if as_item:
            if not self._in_list:
                self.b.begin_list()
                self._in_list = True
            self.b.item()
            if text:
                self.out.text(text + ":")
        elif text:
            self.b.heading(self._level + 1, text)
            self._in_list = False

    # ------------------------------------------------------------- Out, for templates

    def _glue(self, s: str) -> None:
        """After a dropped footnote, part words that the source ran together."""
        self._gap = False
        if self._last in _SENTENCE_ENDS and s[:1].isalnum():
            self.out.space()

    def text(self, s: str) -> None:
        if not s or s.isspace():
            self.out.text(s)
            return
        if self.flow:
            self._content()
        if self._gap:
            self._glue(s)
        self._last = s[-1]
        self.out.text(s)

    def anchor(self, text: str, target: str) -> None:
        if self._gap:
            self._glue(text)
        self._last = text[-1:]
        if self.flow:
            self._content()
            if self._special == "see also" and not self._line_anchor_taken and self.recording:
                self.b.see_also.append(target)
                self._line_anchor_taken = True
        self.out.anchor(text, target)

    def date(self, text: str, value: str) -> None:
        self._gap = False
        self._last = text[-1:]
        if self.flow:
            self._content()
        self.out.date(text, value)

    def space(self) -> None:
        self.out.space()

    def inline(self, code: Wikicode | None) -> None:
        if code is not None:
            self.walk(code)

    def plain(self, code: Wikicode | None) -> str:
        if code is None:
            return ""
        saved = (self.out, self.flow, self.recording)
        sink = Plain()
        self.out, self.flow, self.recording = sink, False, False
        try:
            self.walk(code)
        finally:
            self.out, self.flow, self.recording = saved
        return sink.result()

    def _inside_item(self) -> bool:
        return self._in_list and self._line_marker

    def block_start(self) -> None:
        if self.flow and not self._inside_item():
            self._end_block()
            self._newlines = 0
        elif self.recording and self.out is self.b:
            self.b.soft_break()
        else:
            self.space()

    def block_end(self) -> None:
        self.block_start()

    def paragraph_break(self) -> None:
        self.block_start()

    def cite(self, fields: Mapping[str, str]) -> None:
        if self.recording and self._special == "external links":
            self.b.external_links.append(_citation_link(fields))

    def infobox(self, fields: Mapping[str, str]) -> None:
        if self.recording:
            for name, value in fields.items():
                self.b.infobox.setdefault(name, value)

    def name(self, language: str, text: str) -> None:
        if self.recording and self.lead:
            self.b.names.setdefault(language, text)

    def display_title(self, title: str) -> None:
        if self.display is None and title:
            self.display = title


def _first(fields: Mapping[str, str], *names: str) -> str | None:
    for name in names:
        value = fields.get(name, "").strip()
        if value:
            return value
    return None


def _citation_link(fields: Mapping[str, str]) -> Link:
    """A ``{{cite web}}`` (or kin) as an external link: title, url, author, publisher, date."""
    author = _first(fields, "author", "author1", "authors", "editor")
    if author is None:
        last = _first(fields, "last", "last1", "surname")
        first = _first(fields, "first", "first1", "given")
        author = f"{first} {last}" if last and first else last
    raw_date = _first(fields, "date", "year")
    parsed = parse_date_text(raw_date) if raw_date else None
    url = _first(fields, "url", "archive-url", "archiveurl")
    return Link(
        title=_first(fields, "title", "trans-title", "script-title") or url or "",
        url=url,
        author=author,
        publisher=_first(
            fields, "publisher", "website", "work", "newspaper", "magazine", "journal"
        ),
        date=(parsed.edtf if parsed and parsed.edtf else raw_date),
    )
