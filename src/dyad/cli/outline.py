"""A readable outline of a document for the terminal (Rich renderables, no printing here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from dyad.model import Document, ListBlock, Paragraph, Table

if TYPE_CHECKING:
    from dyad.evaluate import Report
    from dyad.extract.pipeline import Extraction

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


def extraction_summary(extraction: Extraction) -> RenderableType:
    """The events, terms of office and entity counts of one document, for the terminal."""
    doc = extraction.document
    head = Text.assemble(
        (doc.title, "bold"),
        f"  {len(extraction.events)} events, {len(extraction.tenures)} terms of office, "
        f"{len(extraction.entities)} entities",
    )
    events = RichTable(show_lines=False, expand=False)
    for column in ("date", "type", "source → target", "persons", "evidence", "rule"):
        events.add_column(column, overflow="fold")
    for event in extraction.events:
        roles = (
            f"{event.source} → {event.target or '?'}" if event.source else " – ".join(event.actors)
        )
        events.add_row(
            event.date or "",
            event.type + ("" if event.modality == "occurred" else f" ({event.modality})"),
            roles,
            ", ".join(p.name for p in event.persons),
            _short(event.evidence.text, 70),
            event.rule,
        )
    tenures = RichTable(title="Terms of office")
    for column in ("person", "role", "sending → receiving", "start", "end"):
        tenures.add_column(column)
    for tenure in extraction.tenures:
        tenures.add_row(
            tenure.person,
            tenure.role,
            f"{tenure.sending or '?'} → {tenure.receiving or '?'}",
            tenure.start or "",
            tenure.end or "…",
        )
    parts: list[RenderableType] = [head, events]
    if extraction.tenures:
        parts.append(tenures)
    return Group(*parts)


def score_table(report: Report) -> RenderableType:
    """A scoring report (dyad eval) as a table of figures."""
    table = RichTable(title="Scores")
    table.add_column("part")
    table.add_column("measure")
    table.add_column("value", justify="right")

    def ratio(part: str, name: str, data: dict[str, object]) -> None:
        value = data.get("value")
        shown = "–" if value is None else f"{value:.3f} ({data['correct']}/{data['total']})"
        table.add_row(part, name, shown)

    for name in ("precision", "recall", "date", "direction", "persons", "quantity"):
        if name in report.events:
            ratio("events", name, report.events[name])
    if report.tenures:
        ratio("tenures", "matched", report.tenures["matched"])
        ratio("tenures", "with years", report.tenures["with_years"])
    if report.glosses:
        ratio("glosses", "correct", report.glosses)
    if report.document:
        for key, value in report.document.items():
            if isinstance(value, bool):
                table.add_row("document", key, "yes" if value else "NO")
    parts: list[RenderableType] = [table]
    if report.events.get("missed"):
        parts.append(Text("missed gold events: " + ", ".join(map(str, report.events["missed"]))))
    return Group(*parts)
