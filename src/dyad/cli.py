"""The ``dyad`` command: thin commands over library functions."""

from __future__ import annotations

import click

from dyad import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """Dyad: the relations between pairs of states, from the articles that describe them."""


if __name__ == "__main__":  # pragma: no cover
    main()
