"""``dyad compare``: two sources' dates of relations side by side, pair by pair.

A thin command over :meth:`dyad.store.Store.compare` (``store/curated.py``): the summary of
verdicts by kind, then every date that does not agree exactly (``--all``: every date), or the
whole comparison as JSON.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dyad.cli import display
from dyad.cli.common import db_option, json_option, open_store
from dyad.store.curated import VERDICTS, Comparison, UnknownSourceError

_LABELS = {"exact": "exact", "year": "same year", "different": "different", "none": "missing"}


@click.command()
@db_option
@click.option(
    "--source",
    default="historian",
    show_default=True,
    help="The source whose dates are checked: a format (historian, wikitext, ...), curated or"
    " wikipedia.",
)
@click.option(
    "--against",
    default="wikipedia",
    show_default=True,
    help="The source they are checked against (same choices).",
)
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair.")
@click.option("--all", "show_all", is_flag=True, help="List agreeing dates too.")
@json_option
def compare(
    db: Path,
    source: str,
    against: str,
    dyad: tuple[str, str] | None,
    show_all: bool,
    as_json: bool,
) -> None:
    """Compare two sources pair by pair: first relations, recognition, severance, restoration.

    For every pair both sources cover, each date SOURCE gives is matched with AGAINST's dates
    of the same kind: exact, the same year, different (the nearest is shown) or missing.
    """
    with open_store(db) as store:
        try:
            found = store.compare(source, against, *(dyad or (None, None)))
        except UnknownSourceError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    if as_json:
        click.echo(display.to_json(found))
        return
    console = Console(soft_wrap=False, highlight=False)
    console.print(summary_table(found))
    console.print(matches_table(found, show_all))


def summary_table(found: Comparison) -> Table:
    """Verdicts by kind, with their share of the kind's dates."""
    table = Table(title=f"{found.source} against {found.against}: {found.pairs} pairs both cover")
    table.add_column("kind")
    for verdict in VERDICTS:
        table.add_column(_LABELS[verdict], justify="right")
    for kind, counts in found.summary.items():
        total = sum(counts.values())
        table.add_row(
            kind,
            *(f"{counts[v]} ({100 * counts[v] / total:.0f}%)" if total else "0" for v in VERDICTS),
        )
    return table


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def matches_table(found: Comparison, show_all: bool) -> Table:
    """Each date with the other side's nearest one (only disagreements unless ``show_all``)."""
    table = Table(title="Dates" if show_all else "Dates that do not agree exactly")
    for column in ("pair", "kind", found.source, found.against, "verdict", "evidence"):
        table.add_column(column, overflow="fold")
    for match in found.matches:
        if match.verdict == "exact" and not show_all:
            continue
        table.add_row(
            f"{match.a}–{match.b}",
            match.kind,
            match.date,
            match.against or "—",
            _LABELS[match.verdict],
            _short(match.evidence),
        )
    return table
