"""Commands on articles, before any knowledge base: ``read``, ``pages``, ``extract``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad.cli import display
from dyad.cli.common import read_errors
from dyad.read import FORMATS


def _dyad_of(title: str) -> tuple[str, str] | None:
    from dyad.extract.dyad import dyad_from_title

    return dyad_from_title(title)


@click.command()
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

    with read_errors():
        if title is not None:
            from dyad.read.dump import document_for_title

            doc = document_for_title(path, title)
        else:
            doc = read_file(path, format_)
        pair = _dyad_of(doc.title)
        if as_json:
            click.echo(dumps(document_record(doc, dyad=pair, inline=True), indent=1))
        else:
            from dyad.cli.outline import outline

            display.console().print(outline(doc, pair))


@click.command()
@click.argument("dump", type=click.Path(path_type=Path))
@click.option("--all", "all_", is_flag=True, help="Include redirects and non-article namespaces.")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many pages.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per page.")
def pages(dump: Path, all_: bool, limit: int | None, as_json: bool) -> None:
    """List the pages of a MediaWiki dump (from its index when it has one)."""
    import json

    from dyad.read.dump import list_pages

    with read_errors():
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


@click.command()
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
    with read_errors():
        for path in files(paths):
            for doc in iter_documents(path, format_):
                extraction = run(doc, rules=rules)
                if jsonl:
                    for record in extraction_records(extraction):
                        click.echo(dumps(record))
                else:
                    from dyad.cli.outline import extraction_summary

                    display.console().print(extraction_summary(extraction))
