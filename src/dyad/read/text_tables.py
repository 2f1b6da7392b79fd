"""Pandoc's plain-text tables: grid tables and simple tables, cut into rows of cell texts.

A grid table::

    +----------------+---------------+
    | Guest          | Date of visit |
    +================+===============+
    | Prime Minister | June 20, 2012 |
    | Sali Berisha   |               |
    +----------------+---------------+

has its columns at the ``+`` of its first border, its header above the ``+===+`` rule, and
cells whose lines are joined (a line starting ``-   `` in a cell is a list item: the marker
goes). A simple table has a header line, a rule of dash groups (one per column) and one line
per row. The cell texts returned are raw: the reader cleans them like running text.
"""

from __future__ import annotations

import re

from dyad.read.hatnotes import is_hatnote, leading_hatnote

# Each row: its cells' texts, and whether it is a header row.
Grid = list[tuple[list[str], bool]]

_BORDER = re.compile(r"\+(?:[-=:]+\+)+")
_DASHES = re.compile(r"-+")
_CELL_ITEM = re.compile(r"(?:[-*]|\d{1,3}\.) {1,4}(?=\S)")


PARAGRAPH_BREAK = "\n\n"


def is_grid_border(line: str) -> bool:
    return _BORDER.fullmatch(line.rstrip()) is not None


def grid_rows(lines: list[str]) -> Grid:
    border = lines[0].rstrip()
    columns = [k for k, ch in enumerate(border) if ch == "+"]
    if len(columns) < 2:
        return []
    rows: list[list[str]] = []
    header_rows = 0
    pending: list[str] = []
    for raw in lines[1:]:
        line = raw.rstrip()
        if line.startswith("+"):
            if pending:
                rows.append(_grid_cells(pending, columns))
                pending = []
            if "=" in line:
                header_rows = len(rows)
        elif line.startswith("|"):
            pending.append(line)
    if pending:
        rows.append(_grid_cells(pending, columns))
    return [(cells, k < header_rows) for k, cells in enumerate(rows)]


def _grid_cells(lines: list[str], columns: list[int]) -> list[str]:
    count = len(columns) - 1
    texts: list[list[str]] = [[] for _ in range(count)]
    width = columns[-1] + 1
    for line in lines:
        if len(line) == width and all(line[p] == "|" for p in columns):
            segments = [line[columns[k] + 1 : columns[k + 1]] for k in range(count)]
        else:
            # Wide characters (or a stray ``|``) shift the columns: fall back on the pipes.
            segments = line.strip("|").split("|")
            if len(segments) > count:
                segments = [*segments[: count - 1], "|".join(segments[count - 1 :])]
            segments += [""] * (count - len(segments))
        for k, segment in enumerate(segments):
            piece = segment.strip()
            if piece:
                m = _CELL_ITEM.match(piece)
                texts[k].append(piece[m.end() :] if m else piece)
            elif texts[k] and texts[k][-1]:
                texts[k].append("")  # a blank line: the cell's next paragraph
    return [_cell_text(parts) for parts in texts]


def _cell_text(lines: list[str]) -> str:
    """A cell's paragraphs, separated by ``PARAGRAPH_BREAK``, each hatnote a paragraph alone.

    "See Canada–Ireland relations" heads many cells of the "Foreign relations of X" tables;
    joined to the next line it would start that line's sentence. It stays, as a paragraph of
    its own, because it is often all that says which partner the row is about (the flag cell
    is lost in the plain text).
    """
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line:
            paragraphs.append([])
        elif is_hatnote(line) and (not paragraphs[-1] or is_hatnote(" ".join(paragraphs[-1]))):
            paragraphs[-1] = [line]
            paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    texts: list[str] = []
    for joined in (" ".join(p) for p in paragraphs if p):
        cut = len(joined) if is_hatnote(joined) else leading_hatnote(joined)
        if cut:  # kept as a paragraph of its own: it names the row's pair when the label is lost
            texts.append(joined[:cut].strip())
        if joined[cut:].strip():
            texts.append(joined[cut:].strip())
    return PARAGRAPH_BREAK.join(texts)


def simple_rows(lines: list[str]) -> Grid:
    if _DASHES.fullmatch(lines[0].strip()) or set(lines[0].strip()) <= {"-", " "}:
        rule, header, body = lines[0], None, lines[1:]
        if body and set(body[-1].strip()) <= {"-", " "}:
            body = body[:-1]
    else:
        rule, header, body = lines[1], lines[0], lines[2:]
    starts = [m.start() for m in _DASHES.finditer(rule)]
    if not starts:
        return []

    def cut(line: str) -> list[str]:
        bounds = [*starts[1:], len(line)]
        return [line[start:end].strip() for start, end in zip(starts, bounds, strict=True)]

    rows: Grid = []
    if header is not None:
        rows.append((cut(header), True))
    rows.extend((cut(line), False) for line in body if line.strip())
    return rows


def caption_text(lines: list[str]) -> str:
    """The text of a ``: caption`` chunk after a table."""
    first = lines[0].strip()
    return " ".join([first[1:].strip(), *(line.strip() for line in lines[1:])])
