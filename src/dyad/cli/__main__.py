"""``python -m dyad.cli``: the ``dyad`` command."""

from dyad.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
