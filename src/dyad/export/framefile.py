"""Writing the dyad-year frame (``frame.py``) as CSV, Parquet or Stata ``.dta``.

CSV and Parquet stream row by row (``tables.py``). Stata has no streaming writer in Python, so
``.dta`` is written from the frame's Parquet file through pandas (``DataFrame.to_stata``, format
118: Unicode, long strings as strL), which holds the frame in memory: for the full frame of
1816-2016 (956,175 rows) on the corpus knowledge base, 1.2 GB at peak, 92 s CPU and a 242 MB
file (Parquet: 1.4 MB, 200 MB peak, 39 s). pandas is an optional extra
(``pip install dyad[stata]``): it is the well-kept, pure-Python Stata writer most researchers
already have (pyreadstat, the other choice, needs pandas too and a compiled ReadStat).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dyad.export.codebook import table
from dyad.export.filters import Filters, filtered
from dyad.export.frame import (
    FIRST_YEAR,
    FRAME,
    FrameMode,
    Segment,
    all_segments,
    pairs_segments,
    segment_rows,
)
from dyad.export.rows import Row
from dyad.export.tables import label, open_table, place
from dyad.export.target import Out, binary_file, resolve
from dyad.store import Store
from dyad.store.exports import PairRecords

FrameFormat = Literal["csv", "parquet", "dta"]
FRAME_FORMATS: tuple[FrameFormat, ...] = ("csv", "parquet", "dta")


@dataclass(frozen=True, slots=True)
class FrameSummary:
    """What :func:`write_frame` wrote."""

    files: tuple[str, ...]
    mode: FrameMode
    rows: int
    kb_rows: int  # rows of pairs the knowledge base knows
    first_year: int | None
    last_year: int | None
    codebook: str | None = None


class MissingExtraError(RuntimeError):
    """An optional dependency a format needs is not installed."""


def frame_rows(
    store: Store,
    *,
    mode: FrameMode = "all",
    first: int | None = None,
    last: int | None = None,
    system_members: bool = False,
    dyad: tuple[str, str] | None = None,
    filters: Filters | None = None,
) -> Iterator[Row]:
    """The frame's rows in order (``frame.py``), filtered (``filters.py``: states keep the
    pairs with one of them, types the facts counted)."""
    gazetteer = store.gazetteer
    filters = filters or Filters()
    if mode == "pairs":
        pairs = filtered(
            store.export_pairs(*dyad) if dyad is not None else store.export_pairs(),
            filters,
            status=True,
        )
        for segment, one in pairs_segments(pairs, gazetteer, first, last, system_members):
            yield from segment_rows(segment, one, gazetteer)
        return
    from dyad.export.cow import LIST_END

    only = store.pair(*dyad) if dyad is not None else None
    known = {(d.a, d.b) for d in store.dyads(limit=10**9)}
    start = FIRST_YEAR if first is None else first
    end = LIST_END if last is None else last
    cached: tuple[tuple[str, str], PairRecords | None] | None = None
    for segment in all_segments(gazetteer, start, end):
        pair = _sorted(segment)
        if only is not None and pair != only:
            continue
        if filters.states and not {segment.side1, segment.side2} & filters.states:
            continue
        records: PairRecords | None = None
        if pair is not None and pair in known:
            if cached is None or cached[0] != pair:
                found = store.pair_records(*pair)
                if found is not None and not filters.empty:
                    found = next(filtered([found], filters, status=True))
                cached = (pair, found)
            records = cached[1]
        yield from segment_rows(segment, records, gazetteer)


def _sorted(segment: Segment) -> tuple[str, str] | None:
    if segment.side1 is None or segment.side2 is None or segment.side1 == segment.side2:
        return None
    a, b = sorted((segment.side1, segment.side2))
    return (a, b)


def write_frame(
    store: Store,
    out: Out,
    *,
    mode: FrameMode = "all",
    years: tuple[int | None, int | None] | None = None,
    system_members: bool = False,
    dyad: tuple[str, str] | None = None,
    format: FrameFormat = "csv",
    filters: Filters | None = None,
) -> FrameSummary:
    """Write the frame to ``out`` (a directory: ``frame-<mode>.<ext>`` and
    ``frame-codebook.md``; a file; ``"-"``; or a stream, binary for Parquet and Stata)."""
    if format not in FRAME_FORMATS:
        raise ValueError(f"unknown frame format {format!r}: choose csv, parquet or dta")
    first, last = years if years is not None else (None, None)
    if first is not None and last is not None and first > last:
        raise ValueError(f"the first year ({first}) is after the last ({last})")
    target = resolve(out)
    where = place(target, f"frame-{mode}.{format}")
    rows = frame_rows(
        store,
        mode=mode,
        first=first,
        last=last,
        system_members=system_members,
        dyad=dyad,
        filters=filters,
    )
    counts = {"rows": 0, "kb": 0}
    span: list[int] = []

    def counted() -> Iterator[Row]:
        for row in rows:
            counts["rows"] += 1
            counts["kb"] += row["kb_pair"] == 1
            year = row["year"]
            if not span:
                span.extend((year, year))
            span[0], span[1] = min(span[0], year), max(span[1], year)
            yield row

    if format == "dta":
        _write_dta(counted(), where)
    else:
        with ExitStack() as stack:
            table_ = open_table(stack, format, where, FRAME, "frame", {"dyad.frame": mode})
            for row in counted():
                table_.write(row)
    files = [label(where)]
    codebook = None
    if target.directory is not None:
        path = target.directory / "frame-codebook.md"
        path.write_text(frame_codebook(), encoding="utf-8")
        codebook = str(path)
        files.append(codebook)
    return FrameSummary(
        files=tuple(files),
        mode=mode,
        rows=counts["rows"],
        kb_rows=counts["kb"],
        first_year=span[0] if span else None,
        last_year=span[1] if span else None,
        codebook=codebook,
    )


def _write_dta(rows: Iterator[Row], where: Path | Any) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(
            "Stata output needs pandas: pip install 'dyad[stata]' (or pandas)"
        ) from exc
    import pyarrow.parquet as pq

    from dyad.export.parquet import ParquetTable

    with tempfile.TemporaryDirectory(prefix="dyad-frame-") as tmp:
        staged = Path(tmp) / "frame.parquet"
        with staged.open("wb") as sink:
            parquet = ParquetTable(sink, FRAME, "frame")
            for row in rows:
                parquet.write(row)
            parquet.close()
        frame = pq.read_table(staged).to_pandas()
    labels = {c.name: c.meaning[:80] for c in FRAME}
    strl = [c.name for c in FRAME if c.kind == "text"]
    with binary_file(where) as sink:
        frame.to_stata(
            sink,
            write_index=False,
            version=118,
            convert_strl=strl,
            variable_labels=labels,
            data_label="Dyad dyad-year frame",
        )


def frame_codebook() -> str:
    """The codebook of ``dyad panel --frame``."""
    from dyad.export.frame import __doc__ as how

    return f"""\
# Dyad dyad-year frame codebook

{how}
## Columns

{table(FRAME)}
## Loading

- **pandas**: `pd.read_parquet("frame-all.parquet")`; CSV: `pd.read_csv("frame-all.csv",
  dtype=...)` with the dtypes of `dyad.export.codebook.pandas_dtypes(FRAME)` (nullable `Int8`
  for flags and levels, `Int16` for years and COW numbers, `Int64` for counts).
- **R**: `readr::read_csv("frame-all.csv", col_types = "iiiccccciicii...")` (the `readr` letters
  are in the codebook's type column) or `arrow::read_parquet`.
- **Stata**: `use frame-all.dta` (format 118; empty numbers are `.`, empty strings `""`).
- **Join with COW Diplomatic Exchange**: on `ccode1`, `ccode2`, `year`; COW's `DR_at_1` is
  `level_2_in_1`, `DR_at_2` is `level_1_in_2`.
"""
