"""Read MediaWiki wikitext into a :class:`~dyad.model.Document`.

mwparserfromhell parses the page once; :class:`_Walker` walks the node tree once and drives a
:class:`~dyad.read.builder.DocumentBuilder`: links become anchors, headings sections, ``*``/``#``
lines lists, wikitables tables, date templates date marks. How each template renders is data,
in :mod:`dyad.read.wikitemplates`.

A page is untrusted input: :mod:`dyad.read.wikilimits` bounds its size, its unbalanced markup,
its time and its depth, and every breach is a :class:`ReadError`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import unquote

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.parser import ParserError
from mwparserfromhell.wikicode import Wikicode

from dyad.model import Document
from dyad.model import ExternalLink as Link
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.hatnotes import is_hatnote
from dyad.read.wikilimits import (
    DEFAULT_LIMITS,
    Deadline,
    Limits,
    OutOfTime,
    TooDeep,
    check_balance,
    check_markup,
    check_size,
)
from dyad.read.wikitemplates import NAME_ARGUMENT_FUNCTIONS, Call, lookup
from dyad.read.wikitext_flow import Flow

FORMAT = "wikitext"
__all__ = ["DEFAULT_LIMITS", "Limits", "normalise_target", "read", "read_wikitext"]


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one wikitext page; ``title`` defaults to its ``{{DISPLAYTITLE}}``, else "Untitled"."""
    return read_wikitext(text, source=source, title=title)


def read_wikitext(
    text: str, *, source: str, title: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """:func:`read` with explicit :class:`Limits`; raises :class:`ReadError` for a bad page."""
    check_size(text, source, limits)
    check_balance(text, source, limits)
    check_markup(text, source, limits)
    seconds = limits.budget(text)
    builder = DocumentBuilder(title=title or "Untitled", format=FORMAT, source=source)
    try:
        deadline = Deadline(seconds)
        code = mwparserfromhell.parse(text, skip_style_tags=True)
        deadline.check()
        walker = _Walker(builder, deadline, limits.max_depth)
        walker.walk(code)
    except OutOfTime:
        raise ReadError(
            source, f"took more than {seconds:.3g} s to read; is the markup broken?"
        ) from None
    except TooDeep:
        raise ReadError(source, f"markup nested more than {limits.max_depth} levels deep") from None
    except RecursionError:
        raise ReadError(source, "markup nested too deeply to read") from None
    except MemoryError:
        raise ReadError(source, "ran out of memory reading this page") from None
    except ParserError as exc:  # mwparserfromhell's own bug report: still a bad page to us
        raise ReadError(source, f"the wikitext parser failed: {exc}") from None
    if title is None and walker.display:
        builder.title = walker.display
    return builder.build()


# ----------------------------------------------------------------- the walk


_QUOTES = re.compile(r"'{2,}")
_MAGIC = re.compile(r"__[A-Z]+__")
_TRAIL = re.compile(r"[a-z]+")
_AFTER_HATNOTE = re.compile(r"^(\)?)\s+(?=[^\W\d_a-z])")
_LANGUAGE_PREFIX = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple")
_INTERWIKI = frozenset({
    "wikt", "wiktionary", "s", "wikisource", "commons", "c", "meta", "m", "species", "q",
    "wikiquote", "voy", "wikivoyage", "n", "wikinews", "d", "wikidata", "mw", "mediawikiwiki",
    "b", "wikibooks", "v", "wikiversity", "w", "wmf", "foundation", "phab", "phabricator",
})  # fmt: skip
_DROPPED_TAGS = frozenset({
    "ref", "references", "gallery", "math", "chem", "ce", "score", "timeline", "graph",
    "mapframe", "maplink", "templatedata", "syntaxhighlight", "source", "includeonly", "section",
    "categorytree", "imagemap", "inputbox", "indicator", "templatestyles", "style", "script",
    "hiero", "charinsert",
})  # fmt: skip
_BLOCK_TAGS = frozenset({
    "blockquote", "poem", "div", "center", "p", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5",
    "h6",
})  # fmt: skip
_SPECIAL_SECTIONS = {
    "see also": "see also",
    "external links": "external links",
    "external link": "external links",
}


def _unquote(match: re.Match[str]) -> str:
    # Four apostrophes are one literal apostrophe and a bold mark; the rest are only markup.
    return "'" if len(match.group()) == 4 else ""


def _text_of(code: Wikicode) -> str:
    nodes = code.nodes
    if len(nodes) == 1 and type(nodes[0]) is Text:
        return nodes[0].value
    return str(code)


def normalise_target(page: str) -> str:
    """A link target as a page title: ``north_korea`` -> ``North korea`` (first letter only)."""
    if "&" in page:
        page = html.unescape(page)
    if "%" in page:
        page = unquote(page)
    page = " ".join(page.replace("_", " ").split())
    return page[:1].upper() + page[1:]


class _Walker(Flow):
    """Walks a parsed page once, sending what a reader sees to the builder.

    ``flow`` is true at the document's top level, where lines, lists, tables and headings make
    blocks (template arguments shown in the flow keep it); inside a table cell, a ``;term``, a
    link label or anything rendered to a plain string, everything is inline.
    """

    def __init__(self, builder: DocumentBuilder, deadline: Deadline, max_depth: int) -> None:
        super().__init__(builder)
        self._deadline = deadline
        self._max_depth = max_depth
        self._depth = 0
        self._ticks = 0
        self._next_check = 0
        self._handlers: dict[type[Node], Callable[[Any], None]] = {
            Template: self._template,
            Tag: self._tag,
            Heading: self._heading,
            HTMLEntity: self._entity,
            ExternalLink: self._external,
            Argument: self._argument,
        }

    # ------------------------------------------------------------- tree

    def walk(self, code: Wikicode) -> None:
        self._depth += 1
        if self._depth > self._max_depth:
            raise TooDeep
        nodes = code.nodes
        self._ticks += len(nodes)
        if self._ticks > self._next_check:
            self._next_check = self._ticks + 2000
            self._deadline.check()
        skip = 0
        last = len(nodes) - 1
        handlers = self._handlers
        for i, node in enumerate(nodes):
            kind = type(node)
            if kind is Text:
                value = cast(Text, node).value
                self._text(value[skip:] if skip else value)
                skip = 0
            elif kind is Wikilink:
                trail = ""
                following = nodes[i + 1] if i < last else None
                if type(following) is Text:
                    match = _TRAIL.match(following.value)
                    trail = match.group() if match else ""
                skip = len(trail) if self._link(cast(Wikilink, node), trail) else 0
            else:
                handler = handlers.get(kind)
                if handler is not None:
                    handler(node)
        self._depth -= 1

    def _entity(self, node: HTMLEntity) -> None:
        self.text(node.normalize())

    def _argument(self, node: Argument) -> None:
        if node.default is not None:
            self.walk(node.default)

    def _text(self, s: str) -> None:
        if "''" in s:
            s = _QUOTES.sub(_unquote, s)
        if "__" in s:
            s = _MAGIC.sub("", s)
        if "\n" not in s or not (self.flow or (self._term is not None and self.out is self._term)):
            if self.recording and self.out is self.b:
                self._cell_lines(s)
            else:
                self.text(s)
            return
        lines = s.split("\n")
        joined = _AFTER_HATNOTE.match(lines[0])
        if joined and self._after_hatnote(joined.group(1)):
            # "(See [[X–Y relations]]) Both countries ...": the note and the text on one line
            self.text(joined.group(1))
            self.b.soft_break()
            lines[0] = lines[0][joined.end() :]
        self.text(lines[0])
        for line in lines[1:]:
            self._newline()
            self.text(line)

    def _cell_lines(self, s: str) -> None:
        """Lines of a table cell or item: one newline is a space, except after a hatnote.

        ``See [[Canada–Ireland relations]]`` on a line of its own heads many cells; running
        into the next line it would start that line's sentence, so a break follows it.
        """
        lines = s.split("\n")
        joined = _AFTER_HATNOTE.match(lines[0])
        if joined and self._after_hatnote(joined.group(1)):
            # "(See [[X–Y relations]]) Both countries ...": the note and the text on one line
            self.text(joined.group(1))
            self.b.soft_break()
            lines[0] = lines[0][joined.end() :]
        self.text(lines[0])
        for line in lines[1:]:
            if is_hatnote(self.b.unit_text(self._line_start)):
                self.b.soft_break()
            else:
                self.text("\n")
            self._line_start = self.b.position
            self.text(line)

    def _after_hatnote(self, closing: str) -> bool:
        line = self.b.unit_text(self._line_start) + closing
        return line.rstrip().endswith((")", "relations")) and is_hatnote(line)

    def _link(self, node: Wikilink, trail: str) -> bool:
        """Emit a link; True when it took the letters after it (``[[Russia]]n``) as its own."""
        title = _text_of(node.title).strip()
        colon = title.startswith(":")
        if colon:
            title = title[1:].lstrip()
        prefix, sep, rest = title.partition(":")
        if sep:
            namespace = prefix.strip().casefold()
            if not colon and namespace in ("file", "image", "media"):
                return False
            if not colon and namespace == "category":
                if self.recording:
                    self.b.categories.append(" ".join(rest.replace("_", " ").split()))
                return False
            foreign = _LANGUAGE_PREFIX.fullmatch(prefix.strip()) is not None
            if foreign and not colon:
                return False
            if foreign or namespace in _INTERWIKI:
                shown = self.plain(node.text) if node.text is not None else rest
                self.text(shown + trail)
                return True
        page = title.partition("#")[0]
        if node.text is None:
            shown = html.unescape(title) if "&" in title else title
        else:
            shown = self._label(node.text) or re.sub(r"\s*\(.*\)$", "", page.rpartition(":")[2])
        if not page.strip():
            self.text(shown + trail)
        else:
            self.anchor(shown + trail, normalise_target(page))
        return True

    def _label(self, code: Wikicode) -> str:
        nodes = code.nodes
        if len(nodes) == 1 and type(nodes[0]) is Text and "''" not in nodes[0].value:
            return " ".join(nodes[0].value.split())
        return self.plain(code)

    def _template(self, node: Template) -> None:
        name = node.name
        raw = _text_of(name)
        if "<!--" in raw:
            raw = re.sub(r"<!--.*?(?:-->|$)", "", raw, flags=re.DOTALL)
        prefix, colon, rest = raw.partition(":")
        if colon:
            function = prefix.strip().casefold()
            if function == "#invoke":
                raw = "#invoke:" + rest
            elif function in NAME_ARGUMENT_FUNCTIONS:
                _, render = lookup(function)
                if render is not None:
                    render(Call(function, {"1": _after_colon(name)}), self)
                return
            elif function.startswith("#") or function in ("defaultsort", "defaultsortkey"):
                return
        key, render = lookup(raw)
        if render is not None:
            render(Call.of(key, node), self)

    def _tag(self, node: Tag) -> None:
        name = _text_of(node.tag).strip().lower()
        markup = node.wiki_markup
        if name in ("li", "dt", "dd") and markup is not None:
            self._marker(markup)
            return
        if name == "table":
            self._table(node) if self.flow else self._flat_table(node)
            return
        if name in _DROPPED_TAGS:
            # "recognition.<ref/>Representative": the footnote mark kept the words apart.
            self._gap = True
            return
        if name == "br":
            if self.recording and self.out is self.b and self._after_hatnote(""):
                self.b.soft_break()  # "See [[X–Y relations]]<br />The United States ..."
                self._line_start = self.b.position
            else:
                self.space()
            return
        if name == "hr":
            self.paragraph_break()
            return
        contents = node.contents
        if contents is None:
            return
        if name == "li":
            if self.flow:
                self._marker("*")
            else:
                self.space()
            self.walk(contents)
        elif name in _BLOCK_TAGS or name in ("td", "th", "tr"):
            self.block_start()
            self.walk(contents)
            self.block_end()
        else:
            self.walk(contents)

    def _heading(self, node: Heading) -> None:
        title = self.plain(node.title)
        if not self.flow:
            # A heading inside a table cell ("====Issue of Taiwanese independence====") is a
            # paragraph of its own there: no sentence runs into or out of it.
            self.b.soft_break()
            self.text(title)
            self.b.soft_break()
            return
        self._finish_term()
        level = max(1, node.level - 1)
        self.b.heading(level, title)
        self._reset_lines()
        self.lead = False
        self._level = level
        if self._special is not None and level <= self._special_level:
            self._special = None
        special = _SPECIAL_SECTIONS.get(title.casefold())
        if special is not None:
            self._special, self._special_level = special, level

    def _external(self, node: ExternalLink) -> None:
        url = _text_of(node.url).strip()
        title = self.plain(node.title) if node.title is not None else ""
        if node.brackets:
            self.text(title)
        else:
            self.text(url)
        if self.recording and self._special == "external links" and url:
            self.b.external_links.append(Link(title or url, url))

    # ------------------------------------------------------------- tables

    def _table(self, node: Tag) -> None:
        self._finish_term()
        nodes = node.contents.nodes
        caption = next((n for n in nodes if _is_caption(n)), None)
        title = self.plain(caption.contents).lstrip("+ ") if isinstance(caption, Tag) else None
        self.b.begin_table(title)
        self.flow = False
        try:
            for child in nodes:
                if child is caption:
                    continue
                if type(child) is Tag:
                    name = _text_of(child.tag).strip().lower()
                    if name == "tr":
                        self.b.row()
                        for part in child.contents.nodes:
                            self._table_part(part)
                        continue
                self._table_part(child)
        finally:
            self.flow = True
        self.b.end_table()
        self._reset_lines()

    def _table_part(self, node: object) -> None:
        if type(node) is Tag:
            name = _text_of(node.tag).strip().lower()
            if name in ("td", "th"):
                self.b.cell(header=name == "th")
                self.walk(node.contents)
                return
        if type(node) is Text:
            if node.value.strip():
                self._text(node.value)
            return
        if isinstance(node, Node) and type(node) is not Comment:
            self.walk(Wikicode([node]))

    def _flat_table(self, node: Tag) -> None:
        """A table inside a cell or a label: its cells' text in order, space-separated."""
        self.space()
        self.walk(node.contents)
        self.space()


def _is_caption(node: object) -> bool:
    """A ``|+`` caption, which mwparserfromhell reads as a cell whose first character is ``+``."""
    if type(node) is not Tag or node.wiki_markup != "|" or _text_of(node.tag).strip() != "td":
        return False
    if node.attributes:
        return str(node.attributes[0]).lstrip().startswith("+")
    first = node.contents.nodes[0] if node.contents.nodes else None
    return type(first) is Text and first.value.startswith("+")


def _after_colon(name: Wikicode) -> Wikicode:
    """The argument of ``{{lc:TEXT}}``-style functions: the name's nodes after the first colon."""
    nodes = list(name.nodes)
    for i, node in enumerate(nodes):
        if type(node) is Text and ":" in node.value:
            return Wikicode([Text(node.value.partition(":")[2]), *nodes[i + 1 :]])
    return Wikicode([])
