"""The ``dyad`` command: thin commands over library functions.

Each command parses its options, calls the library, prints the result (Rich for people,
``--json`` for programs) and turns the library's named errors into a one-line message and a
non-zero exit status.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console

from dyad import __version__, display
from dyad.read import FORMATS, ReadError

F = TypeVar("F", bound=Callable[..., object])


@contextmanager
def _errors() -> Iterator[None]:
    """Named errors become ``dyad: <file>: <problem>`` on stderr and exit status 1."""
    try:
        yield
    except ReadError as exc:
        click.echo(display.printable(f"dyad: {exc}"), err=True)
        sys.exit(1)
    except BrokenPipeError:  # `dyad read ... | head`
        sys.stderr.close()
        sys.exit(0)


def _console() -> Console:
    return display.console()


def _dyad_of(title: str) -> tuple[str, str] | None:
    from dyad.extract.dyad import dyad_from_title

    return dyad_from_title(title)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """Dyad: the relations between pairs of states, from the articles that describe them."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    help="Input format; detected from the content when omitted.",
)
@click.option("--title", help="For a dump: the page to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the document record as JSON.")
def read(path: Path, format_: str | None, title: str | None, as_json: bool) -> None:
    """Read one article (or one page of a dump) and show its document model.

    Without --json an outline: sections, paragraphs, lists, tables, link previews. With --json
    the document record (records.md) with anchors, glosses, dates and blocks inline.
    """
    from dyad.read import read_file
    from dyad.records import document_record, dumps

    with _errors():
        if title is not None:
            from dyad.read.dump import document_for_title

            doc = document_for_title(path, title)
        else:
            doc = read_file(path, format_)
        pair = _dyad_of(doc.title)
        if as_json:
            click.echo(dumps(document_record(doc, dyad=pair, inline=True), indent=1))
        else:
            from dyad.outline import outline

            _console().print(outline(doc, pair))


@main.command()
@click.argument("dump", type=click.Path(path_type=Path))
@click.option("--all", "all_", is_flag=True, help="Include redirects and non-article namespaces.")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many pages.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per page.")
def pages(dump: Path, all_: bool, limit: int | None, as_json: bool) -> None:
    """List the pages of a MediaWiki dump (from its index when it has one)."""
    import json

    from dyad.read.dump import list_pages

    with _errors():
        shown = 0
        # The multistream index is fast but does not tell redirects: only --all may use it.
        for page in list_pages(dump, use_index=all_):
            if not all_ and (page.ns != 0 or page.redirect):
                continue
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "title": page.title,
                            "ns": page.ns,
                            "page_id": page.page_id,
                            "redirect": page.redirect,
                            "target": page.target,
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                suffix = f"  -> {page.target}" if page.target else ""
                click.echo(f"{page.page_id}\t{page.ns}\t{page.title}{suffix}")
            shown += 1
            if limit is not None and shown >= limit:
                break


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    help="Input format; detected from the content when omitted.",
)
@click.option("--jsonl", is_flag=True, help="Write the records as JSON Lines (records.md).")
@click.option(
    "--rules",
    "rule_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="More rule files (or folders of *.toml) to use beside the built-in rules.",
)
def extract(
    paths: tuple[Path, ...], format_: str | None, jsonl: bool, rule_paths: tuple[Path, ...]
) -> None:
    """Extract events, terms of office and entities, each traced to its sentence.

    Works on every format `dyad read` handles, dumps included (each article page), and on
    folders, walked as `dyad ingest` walks them.
    """
    from dyad.extract.pipeline import extract as run
    from dyad.extract.rules import RuleError, load_rules
    from dyad.ingest import files
    from dyad.read import iter_documents
    from dyad.records import dumps, extraction_records

    try:
        rules = load_rules(rule_paths)
    except RuleError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(1)
    with _errors():
        for path in files(paths):
            for doc in iter_documents(path, format_):
                extraction = run(doc, rules=rules)
                if jsonl:
                    for record in extraction_records(extraction):
                        click.echo(dumps(record))
                else:
                    from dyad.outline import extraction_summary

                    _console().print(extraction_summary(extraction))


@main.command(name="eval")
@click.argument(
    "gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.argument(
    "predicted", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option(
    "--set",
    "gold_set",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score every gold file of this folder: extract each article, per file and pooled.",
)
@click.option(
    "--search",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="With --set: a folder to look for the articles in, before tests/data and ../shared.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_(
    gold: Path | None,
    predicted: Path | None,
    gold_set: Path | None,
    search: tuple[Path, ...],
    as_json: bool,
) -> None:
    """Score predicted records (dyad extract --jsonl) against a gold file (scoring.md).

    With --set DIR, score a whole folder of gold files instead: each article is found by the
    gold's `path` and extracted, and the figures are printed per file and pooled.
    """
    import json

    if gold_set is not None:
        if gold is not None or predicted is not None:
            click.echo("dyad: give either --set DIR or GOLD PREDICTED, not both", err=True)
            sys.exit(2)
        _eval_set(gold_set, search, as_json)
        return
    if gold is None or predicted is None:
        click.echo("dyad: give GOLD and PREDICTED files, or --set DIR", err=True)
        sys.exit(2)

    from dyad.evaluate import score
    from dyad.outline import score_table

    try:
        gold_data = json.loads(gold.read_text(encoding="utf-8"))
        records = [
            json.loads(line)
            for line in predicted.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        report = score(gold_data, records)
    except (ValueError, KeyError) as exc:
        click.echo(f"dyad: cannot score {predicted} against {gold}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        _console().print(score_table(report))


def _eval_set(folder: Path, search: tuple[Path, ...], as_json: bool) -> None:
    import json

    from dyad.evaluate_set import ArticleNotFound, score_set, set_table

    try:
        with _errors():
            report = score_set(folder, search)
    except (ArticleNotFound, ValueError, KeyError) as exc:
        click.echo(f"dyad: cannot score {folder}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        console = _console()
        if not console.is_terminal:
            console.width = 120  # a file or a pipe: one line per gold file
        console.print(set_table(report))


def _register() -> None:
    from dyad.cli_compare import compare
    from dyad.cli_kb import COMMANDS
    from dyad.cli_spark import COMMANDS as SPARK_COMMANDS

    for command in (*COMMANDS, compare, *SPARK_COMMANDS):
        main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    main()
