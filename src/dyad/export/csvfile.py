"""CSV tables: UTF-8 without a byte order mark, RFC 4180 (comma separated, fields quoted with
double quotes when they hold a comma, a quote or a line break, quotes doubled, CRLF line ends), a
header row of the column names of ``columns.py``. Missing values are empty fields.

A text field that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a leading apostrophe (``'=HYPERLINK(...)``), as OWASP advises against formula injection:
spreadsheets would otherwise run it as a formula when the file is opened. Dates (EDTF, where a
leading ``-`` is a year before the common era) and numbers are never changed. The JSON Lines and
Parquet exports keep every text exactly."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Sequence
from typing import IO, Any

from dyad.export.columns import Column
from dyad.export.rows import Row


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _number(value: Any) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def _persons(value: Any) -> str:
    return "" if value is None else "; ".join(p["name"] for p in value)


def _date(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    text = _plain(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _safe_persons(value: Any) -> str:
    return _text(_persons(value))


_CELLS: dict[str, Callable[[Any], str]] = {
    "float": _number,
    "persons": _safe_persons,
    "date": _date,
    "text": _text,
}


def _converter(column: Column) -> Callable[[Any], str]:
    if column.name.startswith("date"):  # EDTF: "-0500" is a year, not a formula
        return _date if column.kind == "date" else _plain
    return _CELLS.get(column.kind, _plain)


def cell(value: Any, column: Column) -> str:
    """A value as its CSV field (empty for missing)."""
    return _converter(column)(value)


class CsvTable:
    """One CSV table written row by row."""

    def __init__(self, sink: IO[str], columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.rows = 0
        self._cells = [(c.name, _converter(c)) for c in self.columns]
        self._writer = csv.writer(sink, lineterminator="\r\n")
        self._writer.writerow([c.name for c in self.columns])

    def write(self, row: Row) -> None:
        self._writer.writerow([convert(row[name]) for name, convert in self._cells])
        self.rows += 1

    def close(self) -> None:
        """Nothing buffered: the sink's owner closes it."""
