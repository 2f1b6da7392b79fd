"""The ``dyad`` command: thin commands over library functions, and their terminal renderers.

Each command parses its options, calls the library, prints the result (Rich for people,
``--json`` for programs) and turns the library's named errors into a one-line message and a
non-zero exit status. The commands live by what they work on: articles (``documents.py``),
scoring (``scoring.py``), the knowledge base (``knowledge.py``), the data sets for researchers
(``datasets.py``), source comparison (``comparison.py``) and Spark (``spark_job.py``); what they
share is in ``common.py``, and the Rich renderables they print in ``display.py`` (knowledge-base
answers) and ``outline.py`` (documents, extractions, scores).
"""

from __future__ import annotations

import click

from dyad import __version__
from dyad.cli.comparison import compare
from dyad.cli.datasets import compare_cow_command, export_command, panel_command
from dyad.cli.documents import extract, pages, read
from dyad.cli.knowledge import (
    conflicts,
    dyads,
    entity,
    ingest,
    search,
    serve,
    show,
    state_command,
    terms,
    timeline,
)
from dyad.cli.scoring import eval_
from dyad.cli.spark_job import spark

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """Dyad: the relations between pairs of states, from the articles that describe them."""


for _command in (
    read,
    pages,
    extract,
    eval_,
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
    compare,
    spark,
):
    main.add_command(_command)
