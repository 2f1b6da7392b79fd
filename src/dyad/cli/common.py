"""What the commands share: the options, opening the knowledge base, and turning errors into
one-line messages (``dyad: <file>: <problem>`` on stderr, a non-zero exit status)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from dyad.cli import display
from dyad.read import ReadError
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


@contextmanager
def read_errors() -> Iterator[None]:
    """Named errors become ``dyad: <file>: <problem>`` on stderr and exit status 1."""
    try:
        yield
    except ReadError as exc:
        click.echo(display.printable(f"dyad: {exc}"), err=True)
        sys.exit(1)
    except BrokenPipeError:  # `dyad read ... | head`
        sys.stderr.close()
        sys.exit(0)


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


def print_value(value: Any, render: Callable[[Any], Any], as_json: bool) -> None:
    if as_json:
        click.echo(display.to_json(value))
    else:
        display.console().print(render(value))


def filters(
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


def target(out: str, format_: str) -> Any:
    """``-`` is stdout: the text stream, or the binary one for Parquet."""
    if out == "-":
        return sys.stdout.buffer if format_ in ("parquet", "dta") else sys.stdout
    return out


def report_files(summary: Any, out: str) -> None:
    if out != "-":
        files = ", ".join(str(f) for f in getattr(summary, "files", ()))
        click.echo(f"wrote {files}", err=True)
