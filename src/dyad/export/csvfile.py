"""CSV tables: UTF-8 without a byte order mark, RFC 4180 (comma separated, fields quoted with
double quotes when they hold a comma, a quote or a line break, quotes doubled, CRLF line ends), a
header row of the column names of ``columns.py``. Missing values are empty fields."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence
from typing import IO, Any

from dyad.export.columns import Column
from dyad.export.rows import Row


def cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "persons":
        return "; ".join(p["name"] for p in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


class CsvTable:
    """One CSV table written row by row."""

    def __init__(self, sink: IO[str], columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.rows = 0
        self._writer = csv.writer(sink, lineterminator="\r\n")
        self._writer.writerow([c.name for c in self.columns])

    def write(self, row: Row) -> None:
        self._writer.writerow([cell(row[c.name], c) for c in self.columns])
        self.rows += 1

    def close(self) -> None:
        """Nothing buffered: the sink's owner closes it."""
