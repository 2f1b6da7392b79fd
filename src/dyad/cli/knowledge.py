"""The knowledge-base commands: ingest, dyads, show, timeline, terms, entity, search, conflicts,
state and serve.

Thin wrappers over :class:`dyad.store.Store`: each opens the database given by ``--db`` (or
``$DYAD_DB``, else ``dyad.db``), calls one query, and prints it with :mod:`dyad.cli.display` or,
with ``--json``, as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from dyad.cli import display
from dyad.cli.common import (
    MAX_LIMIT,
    db_option,
    json_option,
    open_store,
    page_options,
    print_value,
)
from dyad.store import StoreError


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
    print_value(summary, display.ingest_summary, as_json)
    if summary.errors:
        sys.exit(1)


@click.command()
@db_option
@page_options
@json_option
def dyads(db: Path, limit: int, offset: int, as_json: bool) -> None:
    """The pairs of states the knowledge base knows, most facts first."""
    with open_store(db) as store:
        print_value(store.dyads(limit=limit, offset=offset), display.dyads_table, as_json)


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
        data = display.to_data(summary)
        data.update(
            mission_ranks=display.to_data(ranks),
            events=display.to_data(events),
            terms=display.to_data(held),
        )
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    console = display.console()
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
        print_value(facts, lambda f: display.facts_table(f, "Timeline"), as_json)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@json_option
def terms(a: str, b: str, db: Path, as_json: bool) -> None:
    """Ambassadors and other terms of office between a pair, each way."""
    with open_store(db) as store:
        print_value(store.terms(a, b), display.terms_table, as_json)


@click.command()
@click.argument("name")
@db_option
@json_option
def entity(name: str, db: Path, as_json: bool) -> None:
    """A person, state or thing: its gloss, what it is, the events and terms naming it."""
    with open_store(db) as store:
        print_value(store.entity(name), display.entity, as_json)


@click.command()
@click.argument("text")
@db_option
@click.option("--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=20, show_default=True)
@json_option
def search(text: str, db: Path, limit: int, as_json: bool) -> None:
    """Full-text search over sentences, events and link previews."""
    with open_store(db) as store:
        print_value(store.search(text, limit=limit), display.search_table, as_json)


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
        print_value(found, display.conflicts_table, as_json)


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
        print_value(state_partners(store, name), display.state_partners, as_json)


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
