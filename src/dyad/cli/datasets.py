"""The commands that write data sets for researchers: ``export``, ``panel`` and ``compare-cow``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from dyad.cli.common import (
    db_option,
    filters,
    json_option,
    open_store,
    report_files,
    target,
    type_state_options,
)


@click.command(name="export")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["jsonl", "csv", "parquet", "ttl"]),
    required=True,
    help="jsonl, csv (with a codebook), parquet or ttl (RDF Turtle).",
)
@click.option(
    "--out",
    default="-",
    show_default=True,
    help="A folder (facts, evidence, terms and codebook), a file (facts only), or - for stdout.",
)
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair.")
@click.option(
    "--base",
    default=None,
    help="Turtle: the IRI resources are named under (default https://dyad.example/).",
)
@click.option("--from", "from_", type=int, help="Only facts that may fall in this year or later.")
@click.option("--to", type=int, help="Only facts that may fall in this year or earlier.")
@type_state_options
@click.option("--codebook", is_flag=True, help="Print the codebook of the columns and exit.")
@db_option
def export_command(
    format_: str,
    out: str,
    dyad: tuple[str, str] | None,
    base: str | None,
    from_: int | None,
    to: int | None,
    types: tuple[str, ...],
    states: tuple[str, ...],
    codebook: bool,
    db: Path,
) -> None:
    """Export the facts with their evidence, and the terms of office, as researchers use them."""
    from dyad.export import export, export_codebook

    if codebook:
        click.echo(export_codebook())
        return
    with open_store(db) as store:
        try:
            summary = export(
                store,
                format_,  # type: ignore[arg-type]
                target(out, format_),
                dyad=dyad,
                base=base,
                filters=filters(store, types, from_, to, states),
            )
        except ValueError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    report_files(summary, out)


@click.command(name="panel")
@click.option(
    "--out", default="-", show_default=True, help="A folder, a .csv or .parquet file, or -."
)
@click.option("--directed", is_flag=True, help="One row per ordered pair (source first).")
@click.option("--from", "from_", type=int, help="First year.")
@click.option("--to", type=int, help="Last year.")
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["csv", "parquet", "dta"]),
    default=None,
    help="Default: from the file name, else csv (dta: Stata, with --frame only).",
)
@click.option(
    "--members-only", is_flag=True, help="Only years in which both are COW system members."
)
@click.option(
    "--frame",
    type=click.Choice(["all", "pairs"]),
    default=None,
    help="The full frame: all pairs of COW system members over their membership years (all),"
    " or the knowledge base's pairs (pairs), with representation levels and fact ids.",
)
@click.option(
    "--system-members", is_flag=True, help="With --frame pairs: only years both were members."
)
@type_state_options
@click.option("--codebook", is_flag=True, help="Print the codebook of the columns and exit.")
@db_option
def panel_command(
    out: str,
    directed: bool,
    from_: int | None,
    to: int | None,
    dyad: tuple[str, str] | None,
    format_: str | None,
    members_only: bool,
    frame: str | None,
    system_members: bool,
    types: tuple[str, ...],
    states: tuple[str, ...],
    codebook: bool,
    db: Path,
) -> None:
    """A dyad-year table: relations, missions each way, events by type, ISO and COW codes.

    Ready to join with peacesciencer (ccode1, ccode2, year) and countrycode (iso3c). With
    --frame, the full frame of COW system members (or of the known pairs) with COW Diplomatic
    Exchange's representation levels (0-3) per side, events by family and the facts behind
    each value.
    """
    from dyad.export import panel, panel_codebook

    suffix = out.rsplit(".", 1)[-1] if "." in out else ""
    chosen = format_ or (suffix if suffix in ("parquet", "dta") else "csv")
    if frame is not None:
        if directed:
            click.echo("dyad: the frame is undirected (ccode1 < ccode2): drop --directed", err=True)
            sys.exit(1)
        _frame(db, out, frame, from_, to, system_members, dyad, chosen, codebook, types, states)
        return
    if codebook:
        click.echo(panel_codebook())
        return
    if chosen == "dta":
        click.echo("dyad: Stata (.dta) output is for --frame all|pairs", err=True)
        sys.exit(1)
    years = (from_, to) if from_ is not None or to is not None else None
    with open_store(db) as store:
        try:
            summary = panel(
                store,
                target(out, chosen),
                directed=directed,
                years=years,
                dyad=dyad,
                format=chosen,  # type: ignore[arg-type]
                members_only=members_only,
                filters=filters(store, types, None, None, states),
            )
        except ValueError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    report_files(summary, out)


def _frame(
    db: Path,
    out: str,
    mode: str,
    from_: int | None,
    to: int | None,
    system_members: bool,
    dyad: tuple[str, str] | None,
    format_: str,
    codebook: bool,
    types: tuple[str, ...] = (),
    states: tuple[str, ...] = (),
) -> None:
    from dyad.export.framefile import MissingExtraError, frame_codebook, write_frame

    if codebook:
        click.echo(frame_codebook())
        return
    with open_store(db) as store:
        try:
            summary = write_frame(
                store,
                target(out, format_),
                mode=mode,  # type: ignore[arg-type]
                years=(from_, to),
                system_members=system_members,
                dyad=dyad,
                format=format_,  # type: ignore[arg-type]
                filters=filters(store, types, None, None, states),
            )
        except (ValueError, MissingExtraError) as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    report_files(summary, out)


@click.command(name="compare-cow")
@click.option(
    "--cow",
    "cow_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="COW Diplomatic Exchange as CSV (ccode1, ccode2, year, DR_at_1, DR_at_2).",
)
@click.option(
    "--out",
    default="-",
    show_default=True,
    help="Write the report here: Markdown, or an HTML page for a .html name.",
)
@db_option
@json_option
def compare_cow_command(cow_file: Path, out: str, db: Path, as_json: bool) -> None:
    """Agreement with COW's Diplomatic Exchange, year by year: representation levels per side.

    Becomes `dyad compare --cow` when the source comparison (`dyad compare`) is merged.
    """
    from dyad.export.comparecow import compare_cow, report, report_html

    with open_store(db) as store:
        try:
            result = compare_cow(store, cow_file)
        except ValueError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "agreement": result.agreement,
                    "total": _counts(result.total),
                    "years": {str(y): _counts(c) for y, c in sorted(result.years.items())},
                    "causes": [
                        {"set_by": k, "dyad": ours, "cow": theirs, "sides": n}
                        for (k, ours, theirs), n in result.causes.most_common()
                    ],
                },
                indent=1,
            )
        )
        return
    text = report_html(result) if out.endswith((".html", ".htm")) else report(result)
    if out == "-":
        click.echo(text, nl=False)
    else:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


def _counts(count: Any) -> dict[str, Any]:
    return {
        "cow_dyads": count.cow_dyads,
        "matched": count.matched,
        "sides_known": count.sides_known,
        "sides_agree": count.sides_agree,
        "sides_changed": count.sides_changed,
        "changed_agree": count.changed_agree,
        "relations_known": count.relations_known,
        "relations_agree": count.relations_agree,
    }
