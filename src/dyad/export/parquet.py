"""Parquet tables through pyarrow, with an explicit schema: typed columns (``columns.py``),
categorical columns dictionary-encoded, each field's meaning in its metadata (``description``)
and the schema's metadata naming the table, the export schema and the vocabulary version.
Rows are buffered and written in row groups, so memory stays bounded."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad import __version__
from dyad.export.columns import EXPORT_SCHEMA, VOCABULARY, Column
from dyad.export.rows import Row

PERSON = pa.struct([("name", pa.string()), ("state", pa.string()), ("role", pa.string())])
_TYPES: dict[str, Any] = {
    "int": pa.int64(),
    "small": pa.int16(),
    "flag": pa.int8(),
    "level": pa.int8(),
    "float": pa.float64(),
    "text": pa.string(),
    "category": pa.dictionary(pa.int32(), pa.string()),
    "date": pa.date32(),
    "persons": pa.list_(PERSON),
}


def schema(columns: Sequence[Column], table: str, extra: Mapping[str, str] = {}) -> Any:
    """The Arrow schema of a table (``pyarrow.Schema``)."""
    fields = [
        pa.field(c.name, _TYPES[c.kind], nullable=True, metadata={"description": c.meaning})
        for c in columns
    ]
    metadata = {
        "dyad.table": table,
        "dyad.export_schema": str(EXPORT_SCHEMA),
        "dyad.vocabulary": VOCABULARY,
        "dyad.version": __version__,
        "dyad.codebook": "codebook.md (dyad.export.export_codebook())",
        **extra,
    }
    return pa.schema(fields, metadata=metadata)


def _array(values: list[Any], column: Column) -> Any:
    if column.kind == "category":
        return pa.array(values, type=pa.string()).dictionary_encode()
    if column.kind == "date":
        values = [v if isinstance(v, datetime.date) else None for v in values]
    return pa.array(values, type=_TYPES[column.kind])


class ParquetTable:
    """One Parquet file written in row groups of ``batch`` rows."""

    def __init__(
        self,
        sink: IO[bytes],
        columns: Sequence[Column],
        table: str,
        *,
        batch: int = 20_000,
        metadata: Mapping[str, str] = {},
    ) -> None:
        self.columns = tuple(columns)
        self.schema = schema(self.columns, table, metadata)
        self.rows = 0
        self._batch = batch
        self._pending: list[Row] = []
        self._writer = pq.ParquetWriter(sink, self.schema, compression="zstd")

    def write(self, row: Row) -> None:
        self._pending.append(row)
        self.rows += 1
        if len(self._pending) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        arrays = [_array([r[c.name] for r in self._pending], c) for c in self.columns]
        self._writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
