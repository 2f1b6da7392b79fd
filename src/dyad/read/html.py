"""Saved Wikipedia article pages (HTML as the site serves it, skin and all).

The article is the ``mw-parser-output`` element inside ``#mw-content-text``; around it is
site chrome (menus, table of contents, footer), which is ignored. Within it: headings
``h2``-``h6``, each wrapped in ``div.mw-heading`` with an edit link (``span.mw-editsection``,
dropped); paragraphs; lists; ``table.wikitable`` data tables (``th`` cells are header cells,
``caption`` the title); the infobox, whose labelled rows become
:attr:`~dyad.model.Document.infobox` fields; reference markers (``sup.reference``, dropped)
and the reference list (``ol.references``, parsed into external links); navboxes, hatnotes,
image figures, maintenance boxes and styles, all dropped. Categories come from ``#catlinks``
(hidden ones left out); the title from ``h1#firstHeading`` or ``<title>``.

Tags are read by :mod:`dyad.read.html_tokens`; the walk keeps a stack of open elements,
closes the ones HTML lets a page leave open (``p``, ``li``, ``td``, ``tr``) and gives up
structure, not text, past a generous nesting depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from dyad.model import Document
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.html_tokens import Tag
from dyad.read.html_tree import tokenize
from dyad.read.rendered import (
    AppendixKind,
    Piece,
    appendix_kind,
    citation,
    namespace,
    strip_citation_markers,
    wiki_target,
    words,
)
from dyad.read.source import title_from_filename

FORMAT = "html"
MAX_DEPTH = 256


VOID = words("area base br col embed hr img input link meta param source track wbr")
SKIP_TAGS = words("script style noscript template figure button select")
SKIP_CLASSES = words(
    "reference mw-editsection navbox navbox-styles shortdescription hatnote noprint metadata"
    " ambox mw-empty-elt toc sidebar thumb mw-cite-backlink printfooter mw-jump-link"
    " sistersitebox side-box portalbox vertical-navbox mw-hidden-catlinks Z3988 sr-only"
    " mw-references-columns-header vector-body-before-content"
)
SKIP_IDS = words("toc mw-hidden-catlinks siteSub contentSub jump-to-nav")
BLOCK_TAGS = words("p div dl dt dd blockquote center section pre")
SKIP_TABLE_CLASSES = words("navbox metadata ambox sidebar vertical-navbox mbox-small")


@dataclass
class _Open:
    tag: str
    role: str = ""


@dataclass
class _Capture:
    """Text collected instead of (``exclusive``) or besides being emitted."""

    role: str
    exclusive: bool
    pieces: list[Piece] = field(default_factory=list)

    def text(self) -> str:
        return " ".join("".join(p.text for p in self.pieces).split())


@dataclass
class _InfoboxRow:
    label: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    header: bool = False


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one saved Wikipedia page into a Document."""
    if not text.strip():
        raise ReadError(source, "no text to read: the page is empty")
    walker = _Walker(text, source)
    for token in tokenize(text):
        walker.feed(token)
    walker.finish()
    resolved = (
        (title or "").strip()
        or walker.page_title
        or (title_from_filename(source) if PurePath(source).suffix else "")
        or "Untitled"
    )
    builder = walker.builder
    builder.title = " ".join(resolved.split())
    return builder.build()


class _Walker:
    def __init__(self, text: str, source: str) -> None:
        self.builder = DocumentBuilder(title="", format=FORMAT, source=source)
        # Where the article is: inside #mw-content-text's mw-parser-output, else the body.
        self.content_marker = (
            "mw-parser-output"
            if "mw-parser-output" in text
            else ("body" if "<body" in text else "")
        )
        self.in_content = self.content_marker == ""
        self.stack: list[_Open] = []
        self.skip = 0
        self.captures: list[_Capture] = []
        self.italic = 0
        self.url: str | None = None
        self.anchor_target: str | None = None
        self.table_depth = 0
        self.list_depth = 0
        self.pending_table: str | None = None
        self.table_started = False
        self.infobox_row: _InfoboxRow | None = None
        self.infobox_header = ""
        self.appendix: AppendixKind | None = None
        self.page_title = ""
        self.title_tag = ""
        self.in_categories = 0

    # ----------------------------------------------------------------- tokens

    def feed(self, token: str | Tag) -> None:
        if isinstance(token, str):
            self.data(token)
        elif token.end:
            self.end(token.name)
        else:
            self.start(token)

    def finish(self) -> None:
        while self.stack:
            self._pop()
        if not self.page_title and self.title_tag:
            self.page_title = self.title_tag.removesuffix(" - Wikipedia").strip()

    def data(self, text: str) -> None:
        if self.skip or len(self.stack) >= MAX_DEPTH:
            return
        if self.captures:
            top = self.captures[-1]
            for capture in self.captures:
                if capture is top or not top.exclusive:
                    capture.pieces.append(Piece(text, self.italic > 0, self.url))
            if top.exclusive:
                return
        if self.in_content:
            self.builder.text(strip_citation_markers(text))

    # ----------------------------------------------------------------- start tags

    def start(self, tag: Tag) -> None:
        name = tag.name
        if name in VOID or tag.self_closing:
            if name == "br" and not self.skip:
                top = self.captures[-1].role if self.captures else ""
                self.data("; " if top == "ib-data" else " ")
            return
        self._implied_close(name)
        if len(self.stack) >= MAX_DEPTH:
            return
        role = "" if self.skip else self._role(tag)
        self.stack.append(_Open(name, role))
        if role == "skip":
            self.skip += 1

    def _implied_close(self, name: str) -> None:
        closes = {
            "li": ("li", ("ul", "ol")),
            "tr": ("tr", ("table",)),
            "td": ("td th", ("tr", "table")),
            "th": ("td th", ("tr", "table")),
            "dt": ("dt dd", ("dl",)),
            "dd": ("dt dd", ("dl",)),
            "p": ("p", ("div", "li", "td", "th", "blockquote", "section")),
        }.get(name)
        if name in ("ul", "ol", "table", "div", "h2", "h3", "h4", "h5", "h6", "dl"):
            closes = ("p", ("div", "li", "td", "th", "blockquote", "section"))
        if closes is None:
            return
        targets, fences = closes[0].split(), closes[1]
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 12), -1):
            if self.stack[k].tag in fences:
                return
            if self.stack[k].tag in targets:
                while len(self.stack) > k:
                    self._pop()
                return

    def _role(self, tag: Tag) -> str:
        name, attrs, classes = tag.name, tag.attrs, tag.classes()
        ident = attrs.get("id", "")
        if ident == "catlinks":
            self.in_categories += 1
            return "categories"
        if self.in_categories and name == "a" and not (SKIP_CLASSES & classes):
            return self._category_link(attrs)
        if not self.in_content:
            return self._outside_role(name, ident, classes)
        if name in SKIP_TAGS or SKIP_CLASSES & classes or ident in SKIP_IDS:
            return "skip"
        if name == "table":
            return self._table(classes)
        if self.table_depth > 1 or self.infobox_row is not None or name in ("tr", "td", "th"):
            return self._table_part(name, classes)
        return self._content_role(name, attrs, classes)

    def _outside_role(self, name: str, ident: str, classes: frozenset[str]) -> str:
        """The role of a tag before the article's content: its title, or the content's start."""
        if name == "h1" and ident == "firstHeading":
            self.captures.append(_Capture("page-title", True))
            return "page-title"
        if name == "title":
            self.captures.append(_Capture("title-tag", True))
            return "title-tag"
        if self.content_marker in classes or (self.content_marker == name == "body"):
            self.in_content = True
            return "content"
        return "skip" if name in SKIP_TAGS or ident in SKIP_IDS else ""

    def _content_role(self, name: str, attrs: dict[str, str], classes: frozenset[str]) -> str:
        """The role of a tag of the content outside tables: heading, list, link, block..."""
        if name in ("h2", "h3", "h4", "h5", "h6", "h1"):
            self.builder.end_block()
            self.captures.append(_Capture("heading", True))
            return "heading"
        if name in ("ul", "ol"):
            return self._list(name, classes)
        if name == "li":
            return self._item()
        if name == "caption" and self.table_depth == 1 and not self.table_started:
            self.captures.append(_Capture("caption", True))
            return "caption"
        if name in ("i", "em"):
            self.italic += 1
            return "italic"
        if name == "a":
            return self._link(attrs, classes)
        if name in BLOCK_TAGS and not self._in_unit():
            self.builder.end_block()
            return "block"
        return ""

    def _in_unit(self) -> bool:
        return self.list_depth > 0 or self.table_depth > 0 or bool(self.captures)

    def _category_link(self, attrs: dict[str, str]) -> str:
        target = wiki_target(attrs.get("href", ""))
        if target and namespace(target) == "Category":
            self.captures.append(_Capture("category", True))
            return "category"
        return "skip"

    def _table(self, classes: frozenset[str]) -> str:
        self.table_depth += 1
        if self.table_depth > 1:
            return "nested-table"
        if "infobox" in classes:
            self.infobox_row = _InfoboxRow()
            return "infobox"
        if SKIP_TABLE_CLASSES & classes:
            self.table_depth -= 1
            return "skip"
        self.builder.end_block()
        self.pending_table = None
        self.table_started = False
        return "table"

    def _table_part(self, name: str, classes: frozenset[str]) -> str:
        if self.table_depth != 1:
            if name in ("td", "th", "tr", "li") and self.table_depth > 0:
                self.data(" ")
            return ""
        if self.infobox_row is not None:
            if name == "tr":
                self.infobox_row = _InfoboxRow()
            elif name in ("th", "td"):
                if "infobox-image" in classes:
                    return "skip"
                header = name == "th" and bool(classes & {"infobox-header", "infobox-above"})
                self.infobox_row.header = self.infobox_row.header or header
                role = "ib-label" if name == "th" else "ib-data"
                self.captures.append(_Capture(role, True))
                return role
            return ""
        if name == "tr":
            if not self.table_started:
                self.builder.begin_table(self.pending_table)
                self.table_started = True
            self.builder.row()
        elif name in ("td", "th"):
            if not self.table_started:
                self.builder.begin_table(self.pending_table)
                self.table_started = True
            self.builder.cell(header=name == "th")
        return ""

    def _list(self, name: str, classes: frozenset[str]) -> str:
        if "references" in classes or self.appendix == "references":
            return "references"
        if self.table_depth or self.captures:
            return ""
        if self.list_depth == 0:
            self.builder.begin_list(ordered=name == "ol")
        self.list_depth += 1
        return "list"

    def _item(self) -> str:
        top = self.stack[-1].role if self.stack else ""
        if top == "references" or (self.captures and self.captures[-1].role == "reference"):
            self.captures.append(_Capture("reference", True))
            return "reference"
        if self.list_depth and not self.table_depth:
            self.builder.item()
            if self.appendix in ("see_also", "links"):
                self.captures.append(_Capture("appendix-item", False))
                return "appendix-item"
            return "item"
        self.data(" ")
        return ""

    def _link(self, attrs: dict[str, str], classes: frozenset[str]) -> str:
        href = attrs.get("href", "")
        target = wiki_target(href)
        if target is not None and namespace(target) is not None:
            return "skip" if namespace(target) in ("File", "Image", "Media") else ""
        if target is not None and not self._exclusive():
            self.captures.append(_Capture("anchor", True))
            self.anchor_target = target
            return "anchor"
        if href.startswith(("http://", "https://", "//")):
            self.url = href
            return "external"
        return ""

    def _exclusive(self) -> bool:
        return any(capture.exclusive for capture in self.captures)

    # ----------------------------------------------------------------- end tags

    def end(self, name: str) -> None:
        if name in VOID:
            return
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 24), -1):
            if self.stack[k].tag == name:
                while len(self.stack) > k:
                    self._pop()
                return

    def _pop(self) -> None:
        element = self.stack.pop()
        role = element.role
        if role == "skip":
            self.skip -= 1
            return
        if not role and element.tag in ("td", "th", "tr") and self.table_depth == 1:
            return
        handler = _CLOSERS.get(role)
        if handler is not None:
            handler(self, element)

    def _close_capture(self) -> _Capture:
        return self.captures.pop() if self.captures else _Capture("", True)

    def _close_heading(self, element: _Open) -> None:
        title = self._close_capture().text()
        level = max(1, int(element.tag[1]) - 1)
        self.builder.heading(level, title)
        if level == 1:
            self.appendix = appendix_kind(title)

    def _close_anchor(self, element: _Open) -> None:
        capture = self._close_capture()
        words = "".join(p.text for p in capture.pieces)
        for outer in self.captures:
            outer.pieces.append(Piece(words, self.italic > 0))
        if self.in_content and words.strip():
            self.builder.anchor(words, self.anchor_target)
        self.anchor_target = None

    def _close_item(self, element: _Open) -> None:
        capture = self._close_capture()
        text = capture.text()
        if self.appendix == "see_also" and text:
            self.builder.see_also.append(text)
        elif self.appendix == "links" and (link := citation(capture.pieces)):
            self.builder.external_links.append(link)

    def _close_reference(self, element: _Open) -> None:
        capture = self._close_capture()
        if link := citation(capture.pieces):
            self.builder.references.append(link)

    def _close_list(self, element: _Open) -> None:
        self.list_depth -= 1
        if self.list_depth == 0:
            self.builder.end_list()

    def _close_table(self, element: _Open) -> None:
        self.table_depth -= 1
        if element.role == "infobox":
            self.infobox_row = None
            self.infobox_header = ""
        elif element.role == "table":
            self.builder.end_table()

    def _close_infobox_cell(self, element: _Open) -> None:
        text = self._close_capture().text()
        row = self.infobox_row
        if row is None or not text:
            return
        (row.label if element.role == "ib-label" else row.data).append(text)
        if row.header and not row.data:
            self.infobox_header = text
        elif row.data:
            key = row.label[0] if row.label else self.infobox_header
            if key and row.data:
                self.builder.infobox[key] = "; ".join(row.data)

    def _close_caption(self, element: _Open) -> None:
        self.pending_table = self._close_capture().text() or None

    def _close_italic(self, element: _Open) -> None:
        self.italic = max(0, self.italic - 1)

    def _close_external(self, element: _Open) -> None:
        self.url = None

    def _close_block(self, element: _Open) -> None:
        if not self._in_unit():
            self.builder.end_block()

    def _close_content(self, element: _Open) -> None:
        self.builder.end_block()
        self.in_content = False

    def _close_page_title(self, element: _Open) -> None:
        self.page_title = self._close_capture().text()

    def _close_title_tag(self, element: _Open) -> None:
        self.title_tag = self._close_capture().text()

    def _close_category(self, element: _Open) -> None:
        name = self._close_capture().text()
        if name:
            self.builder.categories.append(name)

    def _close_categories(self, element: _Open) -> None:
        self.in_categories = max(0, self.in_categories - 1)


_CLOSERS = {
    "heading": _Walker._close_heading,
    "anchor": _Walker._close_anchor,
    "appendix-item": _Walker._close_item,
    "reference": _Walker._close_reference,
    "list": _Walker._close_list,
    "table": _Walker._close_table,
    "infobox": _Walker._close_table,
    "nested-table": _Walker._close_table,
    "ib-label": _Walker._close_infobox_cell,
    "ib-data": _Walker._close_infobox_cell,
    "caption": _Walker._close_caption,
    "italic": _Walker._close_italic,
    "external": _Walker._close_external,
    "block": _Walker._close_block,
    "content": _Walker._close_content,
    "page-title": _Walker._close_page_title,
    "title-tag": _Walker._close_title_tag,
    "category": _Walker._close_category,
    "categories": _Walker._close_categories,
}
