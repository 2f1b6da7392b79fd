"""The web face of the knowledge base: pages for people, the same data as JSON for programs.

Each page is one data function (``data.py``) that returns a plain JSON-ready dict; ``pages.py``
registers it twice, as ``/path`` (an HTML template, ``templates/``) and ``/path.json``, so the
API cannot drift from the pages. ``app.py`` builds the FastAPI application (read-only stores,
security headers, errors as helpful 404s), ``timeline.py`` and ``network.py`` lay out the
server-side SVG, ``reader.py`` turns a stored article into the reader's markup tree.

>>> from dyad.web import create_app, serve  # doctest: +SKIP
>>> serve("dyad.db", host="127.0.0.1", port=8000)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyad.web.app import create_app, serve

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    """The application is loaded when asked for: the command line's ``--json`` imports
    ``dyad.web.shapes`` without FastAPI."""
    if name in __all__:
        from dyad.web import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
