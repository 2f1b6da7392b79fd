"""Where an export goes: a directory (several files), a file, or an open stream.

``out`` is a directory when it exists as one or ends with a path separator; ``"-"`` is standard
output; an open file object is written to and left open. A file is written beside its final
name (``NAME.partial``) and renamed when complete, so a failed or interrupted export never leaves
a truncated file under the final name.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

Out = str | os.PathLike[str] | IO[Any]


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved ``out``: exactly one of ``directory``, ``path`` and ``stream`` is set."""

    directory: Path | None = None
    path: Path | None = None
    stream: IO[Any] | None = None

    @property
    def name(self) -> str:
        if self.directory is not None:
            return str(self.directory)
        if self.path is not None:
            return str(self.path)
        return getattr(self.stream, "name", "<stream>")


def resolve(out: Out) -> Target:
    if not isinstance(out, (str, os.PathLike)):
        return Target(stream=out)
    text = os.fspath(out)
    if text == "-":
        return Target(stream=sys.stdout)
    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        return Target(directory=path)
    return Target(path=path)


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def text_file(where: Path | IO[Any]) -> Iterator[IO[str]]:
    """A UTF-8 text sink with no newline translation (CSV writes its own CRLF)."""
    if isinstance(where, Path):
        with _atomic(where) as partial, partial.open("w", encoding="utf-8", newline="") as f:
            yield f
        return
    if isinstance(where, io.TextIOBase):
        yield where
        where.flush()
        return
    wrapper = io.TextIOWrapper(where, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave the caller's stream open


@contextmanager
def binary_file(where: Path | IO[Any]) -> Iterator[IO[bytes]]:
    if isinstance(where, Path):
        with _atomic(where) as partial, partial.open("wb") as f:
            yield f
        return
    if isinstance(where, io.TextIOBase):
        buffer = getattr(where, "buffer", None)
        if buffer is None:
            raise ValueError("this format is binary: give a path or a binary stream")
        where.flush()
        yield buffer
        buffer.flush()
        return
    yield where
    where.flush()
