"""Assemble a :class:`~dyad.model.Document` piece by piece, with every span correct by construction.

Readers walk their input and call :meth:`DocumentBuilder.text`, :meth:`~DocumentBuilder.anchor`,
:meth:`~DocumentBuilder.heading` and the block methods; the builder owns the clean text's layout
(see :mod:`dyad.model`) and white space: runs of white space become one space, blocks, items
and cells are trimmed, empty ones vanish. A reader therefore never computes an offset itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.model import (
    Anchor,
    Block,
    Cell,
    DateMark,
    Document,
    ExternalLink,
    Gloss,
    GlossFlag,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
)

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GlossDraft:
    """A preview as a reader found it, before it is attached to an anchor."""

    text: str
    truncated: bool = False
    flags: tuple[GlossFlag, ...] = ()


@dataclass
class _Heading:
    level: int
    title: str
    start: int
    end: int


@dataclass
class _OpenList:
    title: str | None
    ordered: bool
    start: int
    items: list[ListItem] = field(default_factory=list)
    item_start: int | None = None


@dataclass
class _OpenTable:
    title: str | None
    start: int
    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] | None = None
    cell_start: int | None = None
    cell_header: bool = False


class DocumentBuilder:
    """Collects text, anchors, headings and blocks, then :meth:`build` returns the Document."""

    def __init__(self, *, title: str, format: str, source: str) -> None:
        self.title = title
        self.format = format
        self.source = source
        self.see_also: list[str] = []
        self.external_links: list[ExternalLink] = []
        self.references: list[ExternalLink] = []
        self.categories: list[str] = []
        self.names: dict[str, str] = {}
        self.infobox: dict[str, str] = {}
        self._parts: list[str] = []
        self._length = 0
        self._anchors: list[Anchor] = []
        self._glosses: list[Gloss] = []
        self._dates: list[DateMark] = []
        self._headings: list[_Heading] = []
        self._blocks: list[Block] = []
        # The unit currently receiving inline content: a paragraph, a list item or a table cell.
        self._unit_start: int | None = None
        self._pending_space = False
        self._pending_break = False
        self._paragraph_start: int | None = None
        self._list: _OpenList | None = None
        self._table: _OpenTable | None = None

    # ----------------------------------------------------------------- low level

    @property
    def position(self) -> int:
        return self._length

    def _emit(self, s: str) -> None:
        self._parts.append(s)
        self._length += len(s)

    def _separate_block(self) -> None:
        if self._length:
            self._emit("\n\n")

    def _open_unit(self) -> None:
        """Make sure some unit is open for inline content (a paragraph if nothing else is)."""
        if self._unit_start is not None:
            return
        if self._table is not None:
            if self._table.cells is None:
                self.row()
            self.cell()
            return
        if self._list is not None:
            self.item()
            return
        self._separate_block()
        self._paragraph_start = self._length
        self._unit_start = self._length
        self._pending_space = False

    def _truncate(self, position: int) -> None:
        """Take back everything emitted after ``position`` (only ever separators of empty units)."""
        while self._length > position:
            last = self._parts.pop()
            self._length -= len(last)
            if self._length < position:
                keep = last[: position - self._length]
                self._parts.append(keep)
                self._length += len(keep)

    def _inline(self, s: str) -> tuple[int, int, str] | None:
        """Append inline text with white space collapsed; return the span of its visible part."""
        if not s:
            return None
        # (Printable text holds no white space but " ": without two spaces in a row, nothing
        # to collapse, and no regex to run.)
        collapsed = s if s.isprintable() and "  " not in s else _WS.sub(" ", s)
        leading = collapsed.startswith(" ")
        trailing = collapsed.endswith(" ")
        core = collapsed.strip(" ")
        if not core:
            if self._unit_start is not None and self._length > self._unit_start:
                self._pending_space = True
            return None
        self._open_unit()
        assert self._unit_start is not None
        if self._pending_break and self._length > self._unit_start:
            self._emit("\n")
        elif (leading or self._pending_space) and self._length > self._unit_start:
            self._emit(" ")
        self._pending_space = trailing
        self._pending_break = False
        start = self._length
        self._emit(core)
        return start, self._length, core

    def unit_text(self, since: int = 0, limit: int = 400) -> str:
        """The text of the unit being written (paragraph, item or cell) from ``since`` on,
        when it is short.

        Readers ask it whether what they wrote since a line began is a hatnote ("See X–Y
        relations") that the next line must not run into.
        """
        if self._unit_start is None:
            return ""
        need = self._length - max(self._unit_start, since)
        if not need or need > limit:
            return ""
        collected: list[str] = []
        got = 0
        for part in reversed(self._parts):
            collected.append(part)
            got += len(part)
            if got >= need:
                break
        return "".join(reversed(collected))[-need:]

    # ----------------------------------------------------------------- inline content

    def text(self, s: str) -> None:
        """Append running text (opens a paragraph when no block is open)."""
        self._inline(s)

    def space(self) -> None:
        """Ask for a separating space before whatever comes next in this unit."""
        if self._unit_start is not None and self._length > self._unit_start:
            self._pending_space = True

    def soft_break(self) -> None:
        """A paragraph break where no block can start: a line break inside a table cell.

        Cells hold prose ("See X relations{{pb}}Relations date back to 1948 ..."), and a
        sentence must not run across their paragraphs. In a list item it is a space.
        """
        if self._table is not None and self._table.cell_start is not None:
            if self._length > self._table.cell_start:
                self._pending_break = True
        else:
            self.space()

    def anchor(self, text: str, target: str | None = None, gloss: GlossDraft | None = None) -> None:
        """Append linked text; ``target`` defaults to the text itself."""
        span = self._inline(text)
        if span is None:
            return
        start, end, visible = span
        resolved = (target or visible).strip() or visible
        self._anchors.append(Anchor(visible, resolved, start, end))
        if gloss is not None:
            self._glosses.append(
                Gloss(visible, resolved, gloss.text, gloss.truncated, gloss.flags, start, end)
            )

    def detached_gloss(self, anchor: str, target: str | None, gloss: GlossDraft) -> None:
        """Record a preview whose anchor stood in residue that is not part of the clean text."""
        name = _WS.sub(" ", anchor).strip()
        if name:
            self._glosses.append(
                Gloss(name, target or name, gloss.text, gloss.truncated, gloss.flags, None, None)
            )

    def date(self, text: str, value: str) -> None:
        """Append the rendered text of a date whose exact value the source gave (EDTF)."""
        span = self._inline(text)
        if span is not None:
            self._dates.append(DateMark(value, span[0], span[1]))

    # ----------------------------------------------------------------- blocks

    def end_block(self) -> None:
        """Close whatever block is open (paragraph, list or table)."""
        self._close_paragraph()
        if self._list is not None:
            self.end_list()
        if self._table is not None:
            self.end_table()

    paragraph_break = end_block

    def _close_paragraph(self) -> None:
        if self._paragraph_start is None:
            return
        start = self._paragraph_start
        self._paragraph_start = None
        self._unit_start = None
        self._pending_space = False
        if self._length > start:
            self._blocks.append(Paragraph(start, self._length))
        else:
            self._retract_separator(start)

    def _retract_separator(self, start: int) -> None:
        """Undo the block separator emitted for a block that stayed empty."""
        self._truncate(start - 2 if start else 0)

    def heading(self, level: int, title: str) -> None:
        self.end_block()
        clean = _WS.sub(" ", title).strip()
        if not clean:
            return
        self._separate_block()
        start = self._length
        self._emit(clean)
        self._headings.append(_Heading(max(1, level), clean, start, self._length))

    def begin_list(self, title: str | None = None, *, ordered: bool = False) -> None:
        self.end_block()
        self._separate_block()
        clean = _WS.sub(" ", title).strip() if title else None
        self._list = _OpenList(clean or None, ordered, self._length)

    def item(self) -> None:
        """Start a new list item (closing the previous one); opens a list if none is open."""
        if self._list is None:
            self.begin_list()
        lst = self._list
        assert lst is not None
        self._close_item()
        if lst.items or self._length > lst.start:
            self._emit("\n")
        lst.item_start = self._length
        self._unit_start = self._length
        self._pending_space = False

    def _close_item(self) -> None:
        lst = self._list
        if lst is None or lst.item_start is None:
            return
        start = lst.item_start
        lst.item_start = None
        self._unit_start = None
        self._pending_space = False
        if self._length > start:
            lst.items.append(ListItem(start, self._length))
        elif start > lst.start:
            self._truncate(start - 1)

    def end_list(self) -> None:
        lst = self._list
        if lst is None:
            return
        self._close_item()
        self._list = None
        if lst.items:
            self._blocks.append(
                ListBlock(tuple(lst.items), lst.start, self._length, lst.title, lst.ordered)
            )
        else:
            self._retract_separator(lst.start)

    def begin_table(self, title: str | None = None) -> None:
        self.end_block()
        self._separate_block()
        clean = _WS.sub(" ", title).strip() if title else None
        self._table = _OpenTable(clean or None, self._length)

    def row(self) -> None:
        """Start a new table row (closing the previous one)."""
        if self._table is None:
            self.begin_table()
        table = self._table
        assert table is not None
        self._close_row()
        if table.rows or self._length > table.start:
            self._emit("\n")
        table.cells = []

    def cell(self, *, header: bool = False) -> None:
        """Start a new cell in the current row."""
        table = self._table
        if table is None or table.cells is None:
            self.row()
            table = self._table
        assert table is not None and table.cells is not None
        self._close_cell()
        if table.cells:
            self._emit("\t")
        table.cell_start = self._length
        table.cell_header = header
        self._unit_start = self._length
        self._pending_space = False
        self._pending_break = False

    def _close_cell(self) -> None:
        table = self._table
        if table is None or table.cell_start is None or table.cells is None:
            return
        table.cells.append(Cell(table.cell_start, self._length, table.cell_header))
        table.cell_start = None
        self._unit_start = None
        self._pending_space = False
        self._pending_break = False

    def _close_row(self) -> None:
        table = self._table
        if table is None or table.cells is None:
            return
        self._close_cell()
        cells = table.cells
        table.cells = None
        if any(c.end > c.start for c in cells):
            table.rows.append(Row(tuple(cells)))
            return
        # An empty row: take back its tabs and its line break.
        row_start = cells[0].start if cells else self._length
        self._truncate(row_start - 1 if row_start > table.start else row_start)

    def end_table(self) -> None:
        table = self._table
        if table is None:
            return
        self._close_row()
        self._table = None
        if table.rows:
            self._blocks.append(Table(tuple(table.rows), table.start, self._length, table.title))
        else:
            self._retract_separator(table.start)

    # ----------------------------------------------------------------- result

    def build(self) -> Document:
        self.end_block()
        text = "".join(self._parts)
        sections = [
            Section(h.level, h.title, h.start, h.end, _trim_end(text, h.end, end))
            for h, end in zip(self._headings, _section_ends(self._headings, len(text)), strict=True)
        ]
        return Document(
            title=self.title,
            format=self.format,
            source=self.source,
            text=text,
            sections=tuple(sections),
            blocks=tuple(self._blocks),
            anchors=tuple(self._anchors),
            glosses=tuple(self._glosses),
            dates=tuple(self._dates),
            see_also=tuple(dict.fromkeys(s for s in self.see_also if s)),
            external_links=tuple(self.external_links),
            references=tuple(self.references),
            categories=tuple(dict.fromkeys(c for c in self.categories if c)),
            names=dict(self.names),
            infobox=dict(self.infobox),
        )


def _section_ends(headings: list[_Heading], length: int) -> list[int]:
    """Where each heading's section ends: at the next heading of its level or higher.

    One pass with a stack of open sections, so a page that is a flood of headings stays linear.
    """
    ends = [length] * len(headings)
    open_: list[int] = []
    for i, h in enumerate(headings):
        while open_ and headings[open_[-1]].level >= h.level:
            ends[open_.pop()] = h.start
        open_.append(i)
    return ends


def _trim_end(text: str, floor: int, end: int) -> int:
    while end > floor and text[end - 1] in "\n\t ":
        end -= 1
    return end
