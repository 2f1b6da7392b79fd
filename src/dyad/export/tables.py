"""Table writers of either tabular format, opened on a place of a resolved ``out``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from dyad.export.columns import Column
from dyad.export.rows import Row
from dyad.export.target import Target, binary_file, text_file

TableFormat = Literal["csv", "parquet"]
Place = Path | IO[Any]


class TableWriter(Protocol):
    """A table written row by row (``csvfile.CsvTable``, ``parquet.ParquetTable``)."""

    rows: int

    def write(self, row: Row) -> None: ...

    def close(self) -> None: ...


def place(target: Target, name: str) -> Place:
    """Where a file named ``name`` goes: inside the directory, or the path or stream itself."""
    if target.directory is not None:
        target.directory.mkdir(parents=True, exist_ok=True)
        return target.directory / name
    if target.path is not None:
        return target.path
    assert target.stream is not None
    return target.stream


def label(where: Place) -> str:
    return str(where) if isinstance(where, Path) else getattr(where, "name", "<stream>")


def open_table(
    stack: ExitStack,
    format: TableFormat,
    where: Place,
    columns: Sequence[Column],
    name: str,
    metadata: Mapping[str, str] = {},
) -> TableWriter:
    """A table on ``where``, closed (and its file completed) when ``stack`` unwinds."""
    if format == "csv":
        from dyad.export.csvfile import CsvTable

        return CsvTable(stack.enter_context(text_file(where)), columns)
    from dyad.export.parquet import ParquetTable

    table = ParquetTable(stack.enter_context(binary_file(where)), columns, name, metadata=metadata)
    stack.callback(table.close)  # closed before its file: the stack unwinds in reverse
    return table
