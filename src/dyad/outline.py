"""A readable outline of a document for the terminal (Rich renderables, no printing here)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from dyad.model import Document, ListBlock, Paragraph, Table

PREVIEW_CHARS = 100


def _short(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outline(doc: Document, dyad: tuple[str, str] | None = None) -> RenderableType:
    """Title, counts, the section tree with each block summarised, and the metadata."""
    head = RichTable.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("title", doc.title)
    head.add_row("format", doc.format)
    head.add_row("source", doc.source)
    head.add_row("id", doc.id)
    if dyad:
        head.add_row("dyad", " – ".join(dyad))
    if doc.names:
        head.add_row("names", "; ".join(f"{k}: {v}" for k, v in doc.names.items()))
    tables = sum(isinstance(b, Table) for b in doc.blocks)
    lists = sum(isinstance(b, ListBlock) for b in doc.blocks)
    paragraphs = sum(isinstance(b, Paragraph) for b in doc.blocks)
    head.add_row(
        "contains",
        f"{len(doc.text):,} characters, {len(doc.sections)} sections, {paragraphs} paragraphs, "
        f"{lists} lists, {tables} tables, {len(doc.anchors)} anchors, {len(doc.glosses)} glosses, "
        f"{len(doc.dates)} dates",
    )

    tree = Tree(Text(doc.title, style="bold"))
    stack: list[tuple[int, Tree]] = [(0, tree)]
    blocks = list(doc.blocks)
    position = 0

    def add_blocks(node: Tree, until: int) -> None:
        nonlocal position
        while position < len(blocks) and blocks[position].start < until:
            node.add(_block_label(doc, blocks[position]))
            position += 1

    for section in doc.sections:
        add_blocks(stack[-1][1], section.start)
        while len(stack) > 1 and stack[-1][0] >= section.level:
            stack.pop()
        node = stack[-1][1].add(Text(section.title, style="bold cyan"))
        stack.append((section.level, node))
    add_blocks(stack[-1][1], len(doc.text) + 1)

    parts: list[RenderableType] = [head, tree]
    if doc.see_also:
        parts.append(Text("See also: " + "; ".join(doc.see_also)))
    for link in doc.external_links:
        bits = [link.author, f"“{link.title}”", link.publisher, link.date, link.url]
        parts.append(Text("External link: " + ", ".join(b for b in bits if b)))
    if doc.categories:
        parts.append(Text("Categories: " + "; ".join(doc.categories)))
    if doc.infobox:
        box = RichTable(title="Infobox", show_header=False)
        for key, value in doc.infobox.items():
            box.add_row(key, _short(value))
        parts.append(box)
    if doc.glosses:
        glosses = RichTable(title="Link previews (glosses)")
        glosses.add_column("anchor")
        glosses.add_column("preview")
        glosses.add_column("flags")
        seen: set[str] = set()
        for gloss in doc.glosses:
            if gloss.anchor in seen:
                continue
            seen.add(gloss.anchor)
            glosses.add_row(gloss.anchor, _short(gloss.text, 70), ", ".join(gloss.flags))
        parts.append(glosses)
    return Group(*parts)


def _block_label(doc: Document, block: Paragraph | ListBlock | Table) -> Text:
    if isinstance(block, Paragraph):
        return Text("¶ " + _short(doc.text[block.start : block.end]))
    if isinstance(block, ListBlock):
        items = [doc.text[i.start : i.end] for i in block.items]
        shown = "; ".join(_short(i, 40) for i in items[:4])
        more = f" (+{len(items) - 4} more)" if len(items) > 4 else ""
        return Text(f"• list of {len(items)}: {shown}{more}", style="green")
    rows = len(block.rows)
    first = block.rows[0] if block.rows else None
    header = " | ".join(_short(doc.text[c.start : c.end], 20) for c in first.cells) if first else ""
    return Text(f"▦ table, {rows} rows: {header}", style="magenta")
