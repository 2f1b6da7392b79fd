"""The knowledge base's answers for the terminal: Rich renderables, no printing here.

Each function takes what a :class:`~dyad.store.Store` query returned and lays it out as a
researcher reads it: dates first, every fact with the document it came from.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from dyad.store.views import (
    Conflict,
    DyadCount,
    DyadSummary,
    EntityView,
    Fact,
    IngestSummary,
    SearchHit,
    Term,
)

EVIDENCE_CHARS = 110


PIPED_WIDTH = 160


def printable(text: str) -> str:
    """Control characters (an ANSI escape in a file name) shown escaped, never sent to the
    terminal as they are."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def console(*, stderr: bool = False) -> Console:
    """A console for tables: as wide as the terminal, or as ``$COLUMNS``; when the output is
    piped or logged and neither says, ``PIPED_WIDTH`` columns (Rich's 80 squeezes evidence to a
    few characters a line)."""
    probe = Console(stderr=stderr)
    width = None if probe.is_terminal or os.environ.get("COLUMNS") else PIPED_WIDTH
    return Console(stderr=stderr, soft_wrap=False, highlight=False, width=width)


def _short(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_data(value: Any) -> Any:
    """Any query result (dataclasses, lists of them) as plain lists, dicts and values, shaped
    as the web's ``.json`` shapes them (``web/shapes.py``: one JSON for both)."""
    from dyad.web.shapes import data  # the web's modules load only when JSON is asked for

    return data(value)


def to_json(value: Any) -> str:
    """Any query result (dataclasses, lists of them) as JSON."""
    return json.dumps(to_data(value), ensure_ascii=False, indent=1)


def _roles(fact: Fact) -> str:
    if fact.source:
        return f"{fact.source} → {fact.target or '?'}"
    return f"{fact.a} – {fact.b}"


def _sources(fact: Fact) -> str:
    titles = list(dict.fromkeys(s.title for s in fact.sources))
    if not titles:
        return ""
    more = len(fact.sources) - 1
    return titles[0] + (f" (+{more})" if more else "")


def facts_table(facts: Sequence[Fact], title: str | None = None) -> Table:
    """Facts by date: who did what to whom, the people, the sentence and where it was read."""
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("who", width=13)
    table.add_column("evidence · source", overflow="fold", ratio=4)
    for fact in facts:
        evidence = fact.sources[0].text if fact.sources else ""
        kind = fact.type if fact.modality == "occurred" else f"{fact.type} ({fact.modality})"
        if fact.conflict is not None:
            kind += f"\n⚠ conflict {fact.conflict}"
        who = Text(_roles(fact))
        if fact.persons:
            who.append("\n" + ", ".join(p.name for p in fact.persons), style="italic")
        quoted = Text(_short(evidence))
        quoted.append(f"\n— {_sources(fact)}", style="dim")
        table.add_row(fact.date or "—", kind, who, quoted)
    return table


def terms_table(terms: Sequence[Term], title: str = "Terms of office") -> Table:
    table = Table(title=title)
    for column in ("person", "role", "sending → receiving", "start", "end", "source"):
        table.add_column(column)
    for term in terms:
        table.add_row(
            term.person,
            term.role,
            f"{term.sending or '?'} → {term.receiving or '?'}",
            term.start or "?",
            term.end or "…",
            term.sources[0].title if term.sources else "",
        )
    return table


def show(summary: DyadSummary) -> RenderableType:
    """``dyad show A B``: the headline facts of a pair, then counts and sources."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    name = f"{summary.a_name} ({summary.a}) – {summary.b_name} ({summary.b})"
    head.add_row("dyad", name)
    began = summary.relations_began
    if not began:
        head.add_row("relations began", "not known")
    for k, fact in enumerate(began):
        sources = "; ".join(f"{s.title}: “{_short(s.text, 70)}”" for s in fact.sources[:4]) + (
            f" (+{len(fact.sources) - 4} more)" if len(fact.sources) > 4 else ""
        )
        flag = "  ⚠ sources disagree" if fact.conflict is not None else ""
        if k == 0:
            basis = f" ({summary.relations_began_basis})" if summary.relations_began_basis else ""
            head.add_row("relations began", Text(f"{fact.date or '?'}{basis}{flag}\n{sources}"))
        else:
            head.add_row("  or, fewer say", Text(f"{fact.date or '?'}\n{sources}"))
    now = summary.status_now
    head.add_row(
        "status now",
        f"{now.relations}"
        + (" (disputed)" if now.disputed else "")
        + f"; embassy of {summary.a} in {summary.b}: {now.mission_a}"
        + f"; of {summary.b} in {summary.a}: {now.mission_b}"
        + (f" (as of {now.start})" if now.start else ""),
    )
    for fact in summary.missions:
        head.add_row("mission", f"{fact.date or '?'} {fact.type} {_roles(fact)}")
    if summary.ambassadors_now:
        head.add_row(
            "ambassadors now",
            "; ".join(
                f"{t.person} ({t.sending} → {t.receiving}, since {t.start or '?'})"
                for t in summary.ambassadors_now
            ),
        )
    head.add_row(
        "counts",
        ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items()))
        + f"  ({summary.facts} facts, {summary.conflicts} conflicts)",
    )
    head.add_row(
        "sources",
        "; ".join(
            f"{d.title} ({d.format}{', curated' if d.curated else ''})" for d in summary.documents
        ),
    )
    return head


def dyads_table(rows: Sequence[DyadCount]) -> Table:
    table = Table(title="Dyads")
    for column in ("a", "b", "names", "facts", "mentions", "documents", "conflicts", "terms"):
        table.add_column(column, justify="right" if column not in {"a", "b", "names"} else "left")
    for row in rows:
        table.add_row(
            row.a,
            row.b,
            f"{row.a_name} – {row.b_name}",
            str(row.facts),
            str(row.mentions),
            str(row.documents),
            str(row.conflicts),
            str(row.tenures),
        )
    return table


def conflicts_table(rows: Sequence[Conflict]) -> RenderableType:
    parts: list[RenderableType] = []
    for conflict in rows:
        table = Table(
            title=f"Conflict {conflict.id}: {conflict.type} {conflict.a}–{conflict.b}",
            title_justify="left",
        )
        table.add_column("date")
        table.add_column("source document")
        table.add_column("evidence", overflow="fold")
        for value in conflict.values:
            for source in value.sources:
                table.add_row(value.date or "—", source.title, _short(source.text, 90))
        table.caption = conflict.reason
        table.caption_justify = "left"
        parts.append(table)
    if not parts:
        parts.append(Text("No conflicts."))
    return Group(*parts)


def search_table(hits: Sequence[SearchHit]) -> Table:
    table = Table(title="Search")
    for column in ("kind", "document", "text"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(hit.kind, hit.title, _marked(_short(hit.snippet or hit.text, 120)))
    return table


def _marked(snippet: str) -> Text:
    """A snippet whose matches the store put in ``[...]``, as text with the matches in bold
    (never read as Rich markup, which would swallow ``[embassy]``)."""
    out = Text()
    for i, piece in enumerate(re.split(r"\[([^\[\]]*)\]", snippet)):
        out.append(piece, style="bold" if i % 2 else "")
    return out


def entity(view: EntityView) -> RenderableType:
    parts: list[RenderableType] = []
    if not view.entities:
        parts.append(Text(f"Nothing is known under “{view.query}”."))
    for record in view.entities:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        grid.add_row("name", record.name)
        grid.add_row("what", record.type + (f", {record.state}" if record.state else ""))
        if record.aliases:
            grid.add_row("also", ", ".join(record.aliases))
        if record.born or record.died:
            grid.add_row("life", f"{record.born or '?'} – {record.died or ''}")
        for office in record.offices:
            grid.add_row(
                "office",
                f"{office.get('title')} {office.get('start') or ''}–{office.get('end') or ''}",
            )
        if record.gloss:
            grid.add_row("gloss", record.gloss)
        parts.append(grid)
    if view.facts:
        parts.append(facts_table(view.facts, "Events"))
    if view.terms:
        parts.append(terms_table(view.terms))
    return Group(*parts)


def ingest_summary(summary: IngestSummary) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents", str(summary.documents))
    table.add_row("  added", str(summary.added))
    table.add_row("  replaced", str(summary.replaced))
    table.add_row("  unchanged", str(summary.unchanged))
    table.add_row("events", str(summary.events))
    table.add_row("terms of office", str(summary.tenures))
    table.add_row("conflicts in the knowledge base", str(summary.conflicts))
    table.add_row("errors", str(len(summary.errors)))
    parts: list[RenderableType] = [table]
    for problem in summary.errors:
        parts.append(Text(f"skipped {problem.path}: {problem.message}", style="red"))
    return Group(*parts)


def state_partners(found: Any) -> RenderableType:
    """``dyad state X``: one row per partner with its headline facts."""
    table = Table(title=f"{found.name} ({found.code}): {len(found.partners)} partners")
    for column in ("partner", "relations began", "now", "its mission there", "theirs here"):
        table.add_column(column)
    table.add_column("facts", justify="right")
    table.add_column("sources", justify="right")
    for p in found.partners:
        began = (p.relations_began or "?") + (" ⚠" if p.began_disputed else "")
        table.add_row(
            f"{p.name} ({p.code})",
            began,
            p.relations_now,
            p.mission_there,
            p.mission_here,
            str(p.facts),
            str(p.documents),
        )
    return table
