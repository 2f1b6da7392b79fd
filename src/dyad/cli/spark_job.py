"""``dyad spark extract``: a whole dump on Apache Spark (the optional extra ``dyad[spark]``)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table


@click.group()
def spark() -> None:
    """Run Dyad on Apache Spark (pip install 'dyad[spark]'; needs Java 17 or later)."""


@spark.command()
@click.argument("dumps", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--index", type=click.Path(exists=True, path_type=Path), help="Multistream index.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option(
    "--master",
    default="local[2]",
    show_default=True,
    help="Spark master URL; 'submit' takes the one spark-submit gives.",
)
@click.option(
    "--partitions",
    type=click.IntRange(min=1),
    help="Partitions of a multistream dump [default: one per 8 MiB of it].",
)
@click.option(
    "--relations",
    "pattern",
    metavar="REGEX",
    help="Titles of the pages to extract [default: X–Y relations, Foreign relations of X, ...];"
    " '.*' takes every article.",
)
@click.option(
    "--two-states/--no-two-states",
    default=True,
    show_default=True,
    help="Also extract pages whose title names two states.",
)
@click.option(
    "--page-seconds",
    type=click.FloatRange(min=0.01),
    default=120.0,
    show_default=True,
    help="CPU seconds one page may take (each step) before it goes to the quarantine.",
)
@click.option(
    "--preview-glosses/--no-preview-glosses",
    default=False,
    show_default=True,
    help="Extract the relations pages again with their links' previews as glosses, so that"
    " the people and states the previews name feed extraction.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the job's summary as JSON.")
def extract(
    dumps: tuple[Path, ...],
    index: Path | None,
    out: Path,
    master: str,
    partitions: int | None,
    pattern: str | None,
    two_states: bool,
    page_seconds: float,
    preview_glosses: bool,
    as_json: bool,
) -> None:
    """Extract every relations page of DUMPS and preview every article, into Parquet at --out.

    A multistream dump with its index is cut into partitions of whole bz2 streams; another
    dump is one partition. Pages that fail go to OUT/quarantine with their reason; the job
    still finishes. `dyad ingest OUT` loads the result into a knowledge base.
    """
    from dyad.read import ReadError
    from dyad.spark.job import SparkUnavailableError, check_spark, run, session
    from dyad.spark.pages import JobConfig
    from dyad.spark.titles import compile_rule

    try:
        check_spark()
        rule = compile_rule(pattern, two_states=two_states)
        config = JobConfig(rule=rule, page_seconds=page_seconds, preview_glosses=preview_glosses)
        spark_session = session(None if master == "submit" else master)
        summary = run(
            dumps, out, spark=spark_session, index=index, config=config, partitions=partitions
        )
    except (SparkUnavailableError, ReadError, ValueError) as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(asdict(summary), ensure_ascii=False, indent=1))
        return
    table = Table(show_header=False, box=None)
    for key, value in asdict(summary).items():
        table.add_row(key.replace("_", " "), str(value))
    Console(highlight=False).print(table)
    if summary.quarantined:
        click.echo(f"{summary.quarantined} pages quarantined: see {out / 'quarantine'}", err=True)
