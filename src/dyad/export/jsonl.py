"""JSON Lines: one UTF-8 JSON object a line, each with a ``kind``, in the style of the
extraction records (docs/spec/records.md).

* the first line, ``{"kind": "export", ...}``: what wrote the file, the export schema, the
  vocabulary version and the pair filter;
* ``{"kind": "fact", ...}``: the columns of a fact (``columns.FACTS``), ``persons`` a list of
  ``{name, state, role}``, and ``evidence``: the list of its evidences, each with the columns
  of ``columns.EVIDENCE`` but ``fact_id``;
* ``{"kind": "tenure", ...}``: the columns of ``columns.TENURES``.

The extraction records themselves are what ``dyad extract`` writes and ``Store.records``
reads back; this file is the knowledge base's reconciled view of them. Dates are ISO strings,
missing values ``null``; the line separators U+2028 and U+2029 are escaped, so no reader splits
a record.
"""

from __future__ import annotations

import datetime
import json
from typing import IO, Any

from dyad.export.rows import Row


def _default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


def line(record: Row) -> str:
    text = json.dumps(record, ensure_ascii=False, default=_default, allow_nan=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


class JsonlStream:
    def __init__(self, sink: IO[str]) -> None:
        self._sink = sink
        self.lines = 0

    def write(self, record: Row) -> None:
        self._sink.write(line(record))
        self.lines += 1
