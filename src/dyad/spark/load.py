"""The job's output folder read back as record streams, for ``dyad ingest`` (pyarrow only).

Each document of the ``documents`` table becomes the record stream ``dyad extract`` gives for
it (document, glosses, events, terms of office, entities), plus one ``gloss`` record per
distinct linked text whose target has a preview (``link_previews``): the hover card the web
reader shows, as a scrape's glosses are. Rows of one document are all in the same part file
(one task read the page), so the streams are built one part at a time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from dyad.model import Gloss, GlossFlag
from dyad.records import Record
from dyad.spark.tables import (
    LINK_PREVIEWS,
    MANIFEST,
    document_record,
    kind_record,
    part_name,
    record_kinds,
)


def is_job_output(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by ``dyad spark extract``."""
    return Path(path, MANIFEST).is_file() and Path(path, "documents").is_dir()


def manifest(path: str | Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path, MANIFEST).read_text(encoding="utf-8"))
    return data


def record_streams(path: str | Path) -> Iterator[tuple[str, list[Record]]]:
    """``(source, records)`` for every document of the job's output, in part order."""
    folder = Path(path)
    # After stage 3 the documents carry their link previews already (the glosses table).
    staged = manifest(folder).get("config", {}).get("preview_glosses", False)
    glosses = {} if staged else link_glosses(folder)
    for part in sorted((folder / "documents").glob("part-*.parquet")):
        by_document: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
        for kind, table in record_kinds().items():
            for row in _rows(folder / table / part.name):
                by_document[row["document"]][kind].append(kind_record(kind, row))
        for row in _rows(part):
            record = document_record(row)
            found = by_document.get(record["id"], {})
            stream = [record, *found.get("gloss", ())]
            stream += glosses.get(record["id"], ())
            for kind in ("event", "tenure", "entity"):
                stream += found.get(kind, ())
            yield record["source"], stream


def link_glosses(folder: Path) -> dict[str, list[Record]]:
    """Gloss records from ``link_previews``: one per document and distinct linked text, at the
    text's first link (as :func:`dyad.records.distinct_glosses` keeps a scrape's)."""
    table = folder / LINK_PREVIEWS
    rows = [row for part in sorted(table.glob("*.parquet")) for row in _rows(part)]
    rows.sort(key=lambda r: (r["document"], r["position"]))
    out: dict[str, list[Record]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for row in rows:
        key = (row["document"], row["anchor"])
        if key in seen:
            continue
        seen.add(key)
        gloss = link_gloss(row)
        out[row["document"]].append(
            {
                "kind": "gloss",
                "document": row["document"],
                "anchor": gloss.anchor,
                "target": gloss.target,
                "span": [gloss.start, gloss.end],
                "text": gloss.text,
                "truncated": gloss.truncated,
                "flags": list(gloss.flags),
            }
        )
    return out


def link_gloss(row: Mapping[str, Any]) -> Gloss:
    """A ``link_previews`` row as the gloss a scrape would have put beside the link."""
    flags: list[GlossFlag] = []
    if row["kind"] in {"disambiguation", "set_index"}:
        flags.append("disambiguation")
    if row["markup"]:
        flags.append("markup")
    return Gloss(
        anchor=row["anchor"],
        target=row["target"],
        text=row["text"],
        truncated=bool(row["truncated"]),
        flags=tuple(flags),
        start=row["start"],
        end=row["end"],
    )


def partition_glosses(folder: Path, partition: int) -> dict[str, list[Gloss]]:
    """Document id -> the glosses of its links, for the documents of one stage-1 partition."""
    table = folder / LINK_PREVIEWS
    if not table.is_dir():
        return {}
    found = pq.read_table(table, filters=[("partition", "=", partition)]).to_pylist()
    found.sort(key=lambda r: (r["document"], r["position"]))
    out: dict[str, list[Gloss]] = defaultdict(list)
    for row in found:
        out[row["document"]].append(link_gloss(row))
    return out


def _rows(part: Path) -> list[Record]:
    if not part.is_file():
        return []
    rows: list[Record] = pq.read_table(part).to_pylist()
    return rows


__all__ = [
    "is_job_output",
    "link_gloss",
    "link_glosses",
    "manifest",
    "part_name",
    "partition_glosses",
    "record_streams",
]
