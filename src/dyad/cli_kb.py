"""The knowledge-base commands: ingest, dyads, show, timeline, terms, entity, search, conflicts.

Thin wrappers over :class:`dyad.store.Store`: each opens the database given by ``--db`` (or
``$DYAD_DB``, else ``dyad.db``), calls one query, and prints it with :mod:`dyad.display` or,
with ``--json``, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from dyad import display
from dyad.store import (
    BadQueryError,
    Store,
    StoreError,
    UnknownCountryError,
    UnknownDocumentError,
)

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "dyad.db"
MAX_LIMIT = 10_000


def _console() -> Console:
    return display.console()


def db_option(f: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=lambda: os.environ.get("DYAD_DB", DEFAULT_DB),
        show_default="$DYAD_DB or dyad.db",
        help="The knowledge base (an SQLite file).",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")(f)


def page_options(f: F) -> F:
    f = click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many.")(f)
    return click.option(
        "--limit",
        type=click.IntRange(min=1, max=MAX_LIMIT),
        default=50,
        show_default=True,
        help="Show at most this many.",
    )(f)


@contextmanager
def open_store(db: Path, *, readonly: bool = True) -> Iterator[Store]:
    """Open the knowledge base; named errors become ``dyad: ...`` and exit status 1."""
    if readonly and not db.exists():
        click.echo(f"dyad: {db}: no knowledge base here; build one with `dyad ingest`", err=True)
        sys.exit(1)
    try:
        with Store(db, readonly=readonly) as store:
            yield store
    except (UnknownCountryError, BadQueryError) as exc:  # the arguments, not the database
        click.echo(f"dyad: {display.printable(str(exc))}", err=True)
        sys.exit(1)
    except (StoreError, UnknownDocumentError) as exc:
        click.echo(display.printable(f"dyad: {db}: {exc}"), err=True)
        sys.exit(1)
    except BrokenPipeError:  # `dyad panel | head`: the reader has seen enough
        sys.stderr.close()
        sys.exit(0)


def _print(value: Any, render: Callable[[Any], Any], as_json: bool) -> None:
    if as_json:
        click.echo(display.to_json(value))
    else:
        _console().print(render(value))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=1,
    show_default=True,
    help="Processes reading and extracting in parallel.",
)
@json_option
def ingest(paths: tuple[Path, ...], db: Path, workers: int, as_json: bool) -> None:
    """Read, extract and store articles: files, folders, dumps and `dyad spark extract` output.

    Each document is stored in one transaction: a bad file is reported and skipped, never
    half-ingested; the same document twice changes nothing.
    """
    from dyad.ingest import files, ingest_paths
    from dyad.read.detect import is_dump
    from dyad.store.views import IngestProgress

    listed = list(files(paths))
    total = None if any(p.is_dir() or is_dump(p) for p in listed) else len(listed)
    console = Console(stderr=True, highlight=False)
    started = time.perf_counter()
    counts = {"documents": 0, "events": 0, "errors": 0}
    with (
        open_store(db, readonly=False) as store,
        Progress(
            TextColumn("[bold]ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[events]} events, {task.fields[errors]} errors"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=console,
            disable=as_json,
        ) as bar,
    ):
        task = bar.add_task("ingest", total=total, events=0, errors=0, rate="")

        def progress(step: IngestProgress) -> None:
            if step.result is not None:
                counts["documents"] += 1
                counts["events"] += step.result.events
                if step.result.note and step.result.status != "unchanged":
                    bar.console.print(
                        Text("same title", style="yellow")
                        + Text(f" {display.printable(f'{step.path}: {step.result.note}')}")
                    )
            else:
                counts["errors"] += 1
                problem = f": {step.problem.message}" if step.problem else ""
                bar.console.print(
                    Text("skipped", style="red")
                    + Text(f" {display.printable(str(step.path) + problem)}")
                )
            done = counts["documents"] + counts["errors"]
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(
                task,
                advance=1 if total is not None else 0,
                completed=done if total is None else None,
                events=counts["events"],
                errors=counts["errors"],
                rate=f"{rate:.1f} docs/s",
            )

        summary = ingest_paths(store, paths, progress=progress, workers=workers)
    _print(summary, display.ingest_summary, as_json)
    if summary.errors:
        sys.exit(1)


@click.command()
@db_option
@page_options
@json_option
def dyads(db: Path, limit: int, offset: int, as_json: bool) -> None:
    """The pairs of states the knowledge base knows, most facts first."""
    with open_store(db) as store:
        _print(store.dyads(limit=limit, offset=offset), display.dyads_table, as_json)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@json_option
def show(a: str, b: str, db: Path, as_json: bool) -> None:
    """What is known of a pair: since when, status now, missions, ambassadors, sources, then
    every event with its evidence and every term of office.

    A and B are names, variants or codes in any case: "north korea", DPRK, PRK, "Korea, North".
    """
    with open_store(db) as store:
        summary = store.show(a, b)
        events = store.timeline(a, b, limit=MAX_LIMIT)
        held = store.terms(a, b)
        ranks = store.mission_ranks(a, b)
    if as_json:
        data = json.loads(display.to_json(summary))
        data["mission_ranks"] = json.loads(display.to_json(ranks))
        data["events"] = json.loads(display.to_json(events))
        data["terms"] = json.loads(display.to_json(held))
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    console = _console()
    console.print(display.show(summary))
    if events:
        console.print(display.facts_table(events, "Events"))
    if held:
        console.print(display.terms_table(held))


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--from", "from_", help="Earliest year or date (EDTF), e.g. 1950.")
@click.option("--to", help="Latest year or date (EDTF), e.g. 1999-12.")
@click.option("--type", "types", multiple=True, help="Event type or family (repeatable).")
@page_options
@json_option
def timeline(
    a: str,
    b: str,
    db: Path,
    from_: str | None,
    to: str | None,
    types: tuple[str, ...],
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """The dated facts of a pair in order, each with its evidence and sources."""
    with open_store(db) as store:
        facts = store.timeline(
            a, b, from_=from_, to=to, types=types or None, limit=limit, offset=offset
        )
        _print(facts, lambda f: display.facts_table(f, "Timeline"), as_json)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@json_option
def terms(a: str, b: str, db: Path, as_json: bool) -> None:
    """Ambassadors and other terms of office between a pair, each way."""
    with open_store(db) as store:
        _print(store.terms(a, b), display.terms_table, as_json)


@click.command()
@click.argument("name")
@db_option
@json_option
def entity(name: str, db: Path, as_json: bool) -> None:
    """A person, state or thing: its gloss, what it is, the events and terms naming it."""
    with open_store(db) as store:
        _print(store.entity(name), display.entity, as_json)


@click.command()
@click.argument("text")
@db_option
@click.option("--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=20, show_default=True)
@json_option
def search(text: str, db: Path, limit: int, as_json: bool) -> None:
    """Full-text search over sentences, events and link previews."""
    with open_store(db) as store:
        _print(store.search(text, limit=limit), display.search_table, as_json)


@click.command()
@db_option
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair.")
@page_options
@json_option
def conflicts(
    db: Path, dyad: tuple[str, str] | None, limit: int, offset: int, as_json: bool
) -> None:
    """Facts the sources disagree on (another date for the same event), with both sources."""
    with open_store(db) as store:
        if dyad:
            found = store.conflicts(limit=limit, offset=offset, a=dyad[0], b=dyad[1])
        else:
            found = store.conflicts(limit=limit, offset=offset)
        _print(found, display.conflicts_table, as_json)


def type_state_options(f: F) -> F:
    f = click.option(
        "--state",
        "states",
        multiple=True,
        help="Only pairs with this state (name or code; repeatable).",
    )(f)
    return click.option(
        "--type", "types", multiple=True, help="Event type or family (repeatable)."
    )(f)


def _filters(
    store: Store,
    types: tuple[str, ...],
    from_: int | None,
    to: int | None,
    states: tuple[str, ...],
) -> Any:
    """The filters of ``export/filters.py`` from the options (``ValueError`` when wrong)."""
    from dyad.export.filters import Filters, event_types

    if from_ is not None and to is not None and from_ > to:
        raise ValueError(f"the first year ({from_}) is after the last ({to})")
    codes = frozenset(store.resolve(s) for s in states) if states else None
    return Filters(types=event_types(types), first=from_, last=to, states=codes)


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
                _target(out, format_),
                dyad=dyad,
                base=base,
                filters=_filters(store, types, from_, to, states),
            )
        except ValueError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    _report(summary, out)


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
                _target(out, chosen),
                directed=directed,
                years=years,
                dyad=dyad,
                format=chosen,  # type: ignore[arg-type]
                members_only=members_only,
                filters=_filters(store, types, None, None, states),
            )
        except ValueError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    _report(summary, out)


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
                _target(out, format_),
                mode=mode,  # type: ignore[arg-type]
                years=(from_, to),
                system_members=system_members,
                dyad=dyad,
                format=format_,  # type: ignore[arg-type]
                filters=_filters(store, types, None, None, states),
            )
        except (ValueError, MissingExtraError) as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(1)
    _report(summary, out)


@click.command(name="state")
@click.argument("name")
@db_option
@json_option
def state_command(name: str, db: Path, as_json: bool) -> None:
    """Every partner of a state with its headline facts: since when, status now, missions.

    NAME is a name, variant or code in any case: "united states", USA, US.
    """
    from dyad.export.partners import state_partners

    with open_store(db) as store:
        _print(state_partners(store, name), display.state_partners, as_json)


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
        "relations_known": count.relations_known,
        "relations_agree": count.relations_agree,
    }


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes."
)
def serve(db: Path, host: str, port: int, workers: int) -> None:
    """Serve the knowledge base: web pages, the same data as JSON (.json), OpenAPI at /docs.

    Read-only: the database is opened for reading and only GET requests are answered.
    """
    from dyad.web import serve as run
    from dyad.web.app import AddressInUseError

    if not db.exists():
        click.echo(f"dyad: {db}: no knowledge base here; build one with `dyad ingest`", err=True)
        sys.exit(1)
    try:
        run(
            db,
            host,
            port,
            workers=workers,
            announce=lambda url: click.echo(f"Serving {db} at {url} (Ctrl-C to stop)"),
        )
    except AddressInUseError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(1)
    except (StoreError, OSError) as exc:
        click.echo(f"dyad: {db}: {exc}", err=True)
        sys.exit(1)


def _target(out: str, format_: str) -> Any:
    """``-`` is stdout: the text stream, or the binary one for Parquet."""
    if out == "-":
        return sys.stdout.buffer if format_ in ("parquet", "dta") else sys.stdout
    return out


def _report(summary: Any, out: str) -> None:
    if out != "-":
        files = ", ".join(str(f) for f in getattr(summary, "files", ()))
        click.echo(f"wrote {files}", err=True)


COMMANDS = (
    ingest,
    dyads,
    show,
    timeline,
    terms,
    entity,
    search,
    conflicts,
    export_command,
    panel_command,
    state_command,
    compare_cow_command,
    serve,
)
