"""``dyad eval``: predicted records scored against a gold file, or a whole gold folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad.cli import display
from dyad.cli.common import read_errors


@click.command(name="eval")
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

    from dyad.cli.outline import score_table
    from dyad.evaluate import score

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
        display.console().print(score_table(report))


def _eval_set(folder: Path, search: tuple[Path, ...], as_json: bool) -> None:
    import json

    from dyad.evaluate_set import ArticleNotFound, score_set, set_table

    try:
        with read_errors():
            report = score_set(folder, search)
    except (ArticleNotFound, ValueError, KeyError) as exc:
        click.echo(f"dyad: cannot score {folder}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        console = display.console()
        if not console.is_terminal:
            console.width = 120  # a file or a pipe: one line per gold file
        console.print(set_table(report))
