"""Markdown rendered from Wikipedia pages, links kept (``[text](/wiki/Target "Target")``).

The layout (see ``tests/data/markdown/``): YAML front matter with ``title`` and ``source``;
the short description on a line of its own before the lead; ``##`` headings (the top
sections; ``#`` is the page title when present) each followed by an ``[[edit](...)]`` line;
``*`` and ``1.`` lists; pipe tables; ``[[n]](#cite_note-n)`` references in the text and the
numbered reference list under "References", each entry opening with ``**[^](#cite_ref-n)**``.

Block structure is read here line by line; inline markup (links, emphasis, apparatus) by
:mod:`dyad.read.markdown_inline`. Heading levels are made relative: the highest level used
for sections is level 1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from dyad.model import Document
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.markdown_inline import Inline, parse_inline, plain_text, reference_label
from dyad.read.rendered import (
    AppendixKind,
    Piece,
    appendix_kind,
    citation,
    strip_citation_markers,
)
from dyad.read.source import title_from_filename

FORMAT = "markdown"
MAX_FRONT_MATTER_LINES = 200
MAX_SHORT_DESCRIPTION = 80

_ITEM = re.compile(r"( {0,12})([*+-]|\d{1,9}[.)])(?: +|$)")
_TABLE_RULE_CELL = re.compile(r":?-{1,}:?")
_DEFINITION = re.compile(r" {0,3}\[([^\]]{1,999})\]:\s*<?([^\s>]+)>?(?:\s+[\"'(].*)?\s*$")
_FENCE = ("```", "~~~")


@dataclass
class _Block:
    kind: str  # heading, para, list, table
    lines: list[str] = field(default_factory=list)
    level: int = 0
    ordered: bool = False
    items: list[list[str]] = field(default_factory=list)


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one article rendered to Markdown into a Document."""
    if not text.strip():
        raise ReadError(source, "no text to read: the article is empty")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, body = _front_matter(lines)
    references, body = _reference_definitions(body)
    blocks = _blocks(body)
    heading_title = _page_heading(blocks, references)
    resolved = (
        (title or "").strip()
        or meta.get("title", "").strip()
        or heading_title
        or (title_from_filename(source) if PurePath(source).suffix else "")
        or "Untitled"
    )
    builder = DocumentBuilder(title=" ".join(resolved.split()), format=FORMAT, source=source)
    _emit(builder, blocks, references)
    return builder.build()


# --------------------------------------------------------------------------- blocks


def _reference_definitions(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """``[label]: url "title"`` lines: the URLs by label, and the lines without them."""
    references: dict[str, str] = {}
    kept: list[str] = []
    for line in lines:
        m = _DEFINITION.match(line) if line.lstrip().startswith("[") else None
        if m is None:
            kept.append(line)
            continue
        references.setdefault(reference_label(m.group(1)), m.group(2))
    return references, kept


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, lines
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "-")):
            meta[key.strip().lower()] = _yaml_scalar(value.strip())
    return meta, lines[end + 1 :]


def _yaml_scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _heading(line: str) -> tuple[int, str] | None:
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    level = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[level:]
    if level > 6 or (rest and not rest[0].isspace()):
        return None
    rest = rest.strip()
    closing = rest.rstrip("#")
    if closing != rest and (not closing or closing[-1].isspace()):
        rest = closing.strip()
    return level, rest


def _is_rule(line: str) -> bool:
    compact = line.replace(" ", "")
    return len(compact) >= 3 and len(set(compact)) == 1 and compact[0] in "-*_"


def _table_cells(line: str) -> list[str]:
    core = line.strip()
    core = core.removeprefix("|")
    if core.endswith("|") and not core.endswith("\\|"):
        core = core[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", core)]


def _is_table_rule(line: str) -> bool:
    if "-" not in line or "|" not in line:
        return False
    return all(_TABLE_RULE_CELL.fullmatch(cell) for cell in _table_cells(line))


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _is_rule(line):
            i += 1
            continue
        if (found := _heading(line)) is not None:
            blocks.append(_Block("heading", [found[1]], level=found[0]))
            i += 1
        elif line.lstrip().startswith(_FENCE):
            i = _fenced(lines, i, blocks)
        elif _ITEM.match(line):
            i = _list(lines, i, blocks)
        elif line.lstrip().startswith("|") and i + 1 < len(lines) and _is_table_rule(lines[i + 1]):
            i = _table(lines, i, blocks)
        else:
            i = _paragraph(lines, i, blocks)
    return blocks


def _fenced(lines: list[str], i: int, blocks: list[_Block]) -> int:
    """A fenced code block from line ``i``, kept as a paragraph of its non-blank lines."""
    fence = lines[i].lstrip()[:3]
    end = i + 1
    while end < len(lines) and not lines[end].lstrip().startswith(fence):
        end += 1
    blocks.append(_Block("para", [x for x in lines[i + 1 : end] if x.strip()]))
    return end + 1


def _table(lines: list[str], i: int, blocks: list[_Block]) -> int:
    """A pipe table: its header line at ``i``, its rule, then the rows that follow."""
    end = i + 2
    while end < len(lines) and lines[end].lstrip().startswith("|"):
        end += 1
    blocks.append(_Block("table", [lines[i], *lines[i + 2 : end]]))
    return end


def _paragraph(lines: list[str], i: int, blocks: list[_Block]) -> int:
    """The paragraph from line ``i`` to a blank line, a heading, a list item or a table."""
    end = i
    para: list[str] = []
    while end < len(lines) and lines[end].strip():
        current = lines[end]
        if end > i and (
            _heading(current) or _ITEM.match(current) or current.lstrip().startswith("|")
        ):
            break
        para.append(current.strip().removeprefix(">").strip())
        end += 1
    blocks.append(_Block("para", para))
    return end


def _list(lines: list[str], i: int, blocks: list[_Block]) -> int:
    """Items from line ``i`` on (nested ones flattened); continuation lines join their item."""
    first = _ITEM.match(lines[i])
    assert first is not None
    block = _Block("list", ordered=first.group(2)[0].isdigit())
    after_blank = False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            after_blank = True
        elif m := _ITEM.match(line):
            block.items.append([line[m.end() :]])
            after_blank = False
        elif _heading(line) or (after_blank and not line.startswith((" ", "\t"))):
            break
        else:
            block.items[-1].append(line.strip())
            after_blank = False
        i += 1
    blocks.append(block)
    return i


def _page_heading(blocks: list[_Block], references: Mapping[str, str]) -> str:
    """The text of a lone ``#`` heading opening the page (the title), removed from blocks."""
    ones = [b for b in blocks if b.kind == "heading" and b.level == 1]
    if len(ones) == 1 and blocks and blocks[0] is ones[0]:
        blocks.pop(0)
        return plain_text(parse_inline(ones[0].lines[0], references))
    return ""


# --------------------------------------------------------------------------- emit


def _emit(builder: DocumentBuilder, blocks: list[_Block], references: Mapping[str, str]) -> None:
    levels = [b.level for b in blocks if b.kind == "heading"]
    base = min(levels) if levels else 1
    appendix: AppendixKind | None = None
    first_paragraph = True
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            title = plain_text(parse_inline(block.lines[0], references))
            builder.heading(block.level - base + 1, title)
            if block.level == base:
                appendix = appendix_kind(title)
            first_paragraph = False
        elif block.kind == "para":
            runs = parse_inline(" ".join(block.lines), references)
            if first_paragraph and _is_short_description(runs, blocks, index):
                continue
            first_paragraph = False
            if _is_chrome(runs):
                continue
            builder.end_block()
            _emit_runs(builder, runs)
            builder.end_block()
        elif block.kind == "list":
            _emit_list(builder, block, appendix, references)
        elif block.kind == "table":
            _emit_table(builder, block, references)


def _is_short_description(runs: list[Inline], blocks: list[_Block], index: int) -> bool:
    """The short description: a lone short unlinked line before a lead that opens in bold."""
    if any(run.target or run.url for run in runs) or index + 1 >= len(blocks):
        return False
    text = plain_text(runs)
    following = blocks[index + 1]
    return (
        0 < len(text) <= MAX_SHORT_DESCRIPTION
        and not text.endswith((".", "!", "?", ":"))
        and following.kind == "para"
        and following.lines[0].lstrip().startswith(("**", "__"))
    )


def _is_chrome(runs: list[Inline]) -> bool:
    """Portal boxes and the like: only links to pages outside the articles."""
    if not runs:
        return True
    linked = [run for run in runs if run.target or run.url or run.category]
    rest = "".join(run.text for run in runs if not (run.target or run.url or run.category))
    if not linked and rest.strip() in ("", ":"):
        return True
    return all(run.target and run.target.startswith("Portal:") for run in linked) and not any(
        c.isalnum() for c in rest
    )


def _emit_runs(builder: DocumentBuilder, runs: list[Inline]) -> None:
    for run in runs:
        if run.category is not None:
            builder.categories.append(run.category)
        elif run.target is not None:
            builder.anchor(run.text, run.target)
        else:
            builder.text(strip_citation_markers(run.text))


def _pieces(runs: list[Inline]) -> list[Piece]:
    pieces = [Piece(run.text, run.italic, run.url) for run in runs if run.category is None]
    # The entry opens with its back-links (``^``, ``a b``): they are not part of the citation.
    while pieces and not pieces[0].text.strip(" ^"):
        pieces.pop(0)
    if pieces:
        pieces[0] = Piece(pieces[0].text.lstrip(" ^"), pieces[0].italic, pieces[0].url)
    return pieces


def _emit_list(
    builder: DocumentBuilder,
    block: _Block,
    appendix: AppendixKind | None,
    references: Mapping[str, str],
) -> None:
    items = [parse_inline(" ".join(item), references) for item in block.items]
    items = [runs for runs in items if not _is_chrome(runs)]
    if appendix in ("references", "links"):
        found = builder.references if appendix == "references" else builder.external_links
        for runs in items:
            if link := citation(_pieces(runs)):
                found.append(link)
        if appendix == "references":
            return
    if appendix == "see_also":
        builder.see_also.extend(text for runs in items if (text := plain_text(runs)))
    builder.begin_list(ordered=block.ordered)
    for runs in items:
        builder.item()
        _emit_runs(builder, runs)
    builder.end_list()


def _emit_table(builder: DocumentBuilder, block: _Block, references: Mapping[str, str]) -> None:
    builder.begin_table()
    for k, line in enumerate(block.lines):
        builder.row()
        for cell in _table_cells(line):
            builder.cell(header=k == 0)
            _emit_runs(builder, parse_inline(cell, references))
    builder.end_table()
