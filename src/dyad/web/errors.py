"""What a data function raises instead of returning a page; ``app.py`` turns each into a reply."""

from __future__ import annotations

from collections.abc import Sequence


class Redirect(Exception):
    """The canonical address of the page asked for (``/dyad/PRK/MNG`` -> ``/dyad/MNG/PRK``)."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class NotFound(LookupError):
    """Nothing under that id or name: a 404 that says what to try instead."""

    def __init__(self, message: str, suggestions: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = tuple(suggestions)  # (label, href)


class BadParameter(ValueError):
    """A query parameter the page cannot use: a 422 naming the parameter and what it takes."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message
