"""The one error readers raise: it names the file and says what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """An input that cannot be read as an article; ``str()`` is a one-line message."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
