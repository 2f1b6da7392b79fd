"""The job's Parquet tables: their schemas, records to rows and rows back to records.

Each table is a folder of part files (``events/part-00003.parquet``), one per partition of the
dump, written by the task that read it (write to a temporary name, then rename: a retried task
replaces its part whole). ``link_previews`` is written by Spark's own writer in stage 2. The
records tables keep the contract's records (``docs/spec/records.md``) field by field, so that
:func:`event_record` and friends give back exactly the record that went in; nested fields are
Parquet structs and lists. ``docs/spark.md`` describes every column.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.records import Record

_S = pa.string()
_I = pa.int64()
_EVIDENCE = pa.struct([("text", _S), ("start", _I), ("end", _I)])
_PERSON = pa.struct([("name", _S), ("state", _S), ("role", _S)])
_QUANTITY = pa.struct([("amount", pa.float64()), ("of", _S)])
_OFFICE = pa.struct([("title", _S), ("start", _S), ("end", _S)])
_ANCHOR = pa.struct([("text", _S), ("target", _S), ("span", pa.list_(_I))])

SCHEMAS: dict[str, Any] = {
    # The document record: typed columns for what one queries, ``record`` (JSON) for its
    # structure (sections, blocks, lists, infobox, links), in the record's own key order.
    "documents": pa.schema(
        [
            ("id", _S),
            ("title", _S),
            ("page_id", _I),
            ("format", _S),
            ("source", _S),
            ("dyad", pa.list_(_S)),
            ("subject", _S),
            ("content_hash", _S),
            ("text", _S),
            ("anchors", pa.list_(_ANCHOR)),
            ("record", _S),
        ]
    ),
    "glosses": pa.schema(
        [
            ("document", _S),
            ("anchor", _S),
            ("target", _S),
            ("span", pa.list_(_I)),
            ("text", _S),
            ("truncated", pa.bool_()),
            ("flags", pa.list_(_S)),
        ]
    ),
    "events": pa.schema(
        [
            ("document", _S),
            ("id", _S),
            ("type", _S),
            ("date", _S),
            ("date_source", _S),
            ("date_text", _S),
            ("modality", _S),
            ("source", _S),
            ("target", _S),
            ("actors", pa.list_(_S)),
            ("persons", pa.list_(_PERSON)),
            ("quantity", _QUANTITY),
            ("subject", _S),
            ("evidence", _EVIDENCE),
            ("rule", _S),
            ("confidence", pa.float64()),
        ]
    ),
    "tenures": pa.schema(
        [
            ("document", _S),
            ("role", _S),
            ("person", _S),
            ("sending", _S),
            ("receiving", _S),
            ("start", _S),
            ("end", _S),
            ("evidence", _EVIDENCE),
            ("rule", _S),
        ]
    ),
    "entities": pa.schema(
        [
            ("document", _S),
            ("name", _S),
            ("type", _S),
            ("state", _S),
            ("aliases", pa.list_(_S)),
            ("gloss", _S),
            ("born", _S),
            ("died", _S),
            ("offices", pa.list_(_OFFICE)),
            ("target", _S),
        ]
    ),
    "quarantine": pa.schema(
        [
            ("dump", _S),
            ("partition", _I),
            ("page_id", _I),
            ("title", _S),
            ("stage", _S),
            ("reason", _S),
            ("message", _S),
        ]
    ),
    "previews": pa.schema(
        [
            ("title", _S),
            ("key", _S),
            ("page_id", _I),
            ("kind", _S),
            ("text", _S),
            ("truncated", pa.bool_()),
            ("markup", pa.bool_()),
        ]
    ),
    "redirects": pa.schema([("title", _S), ("key", _S), ("target", _S), ("target_key", _S)]),
    "links": pa.schema(
        [
            ("partition", _I),
            ("document", _S),
            ("position", _I),
            ("anchor", _S),
            ("target", _S),
            ("target_key", _S),
            ("start", _I),
            ("end", _I),
        ]
    ),
}
"""The tables stage 1 writes, one part file per partition each."""

TABLES = tuple(SCHEMAS)

LINK_PREVIEWS = "link_previews"
MANIFEST = "_dyad_spark.json"
_RECORD_TABLES = {"gloss": "glosses", "event": "events", "tenure": "tenures", "entity": "entities"}


def part_name(partition: int) -> str:
    return f"part-{partition:05d}.parquet"


def write_parts(
    out: Path,
    partition: int,
    rows: Mapping[str, Sequence[Record]],
    tables: Sequence[str] = TABLES,
) -> None:
    """Write one partition's rows of ``tables`` (an empty table still gets its part file, so
    that every table has a schema to read)."""
    for table in tables:
        schema = SCHEMAS[table]
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / part_name(partition)
        temporary = folder / f".{final.name}.{os.getpid()}.tmp"
        data = pa.Table.from_pylist(list(rows.get(table, ())), schema=schema)
        pq.write_table(data, temporary, compression="zstd")
        os.replace(temporary, final)


def read_part(out: Path, table: str, partition: int) -> list[Record]:
    """The rows of one partition's part file of ``table`` (none when it is missing)."""
    path = out / table / part_name(partition)
    rows: list[Record] = pq.read_table(path).to_pylist() if path.is_file() else []
    return rows


def record_rows(records: Iterable[Record], page_id: int | None) -> dict[str, list[Record]]:
    """One document's record stream as rows of the records tables."""
    rows: dict[str, list[Record]] = {table: [] for table in ("documents", *_RECORD_TABLES.values())}
    for record in records:
        kind = record["kind"]
        if kind == "document":
            rows["documents"].append(document_row(record, page_id))
        else:
            rows[_RECORD_TABLES[kind]].append({k: v for k, v in record.items() if k != "kind"})
    return rows


def document_row(record: Record, page_id: int | None) -> Record:
    structure = {k: (None if k in {"text", "anchors"} else v) for k, v in record.items()}
    return {
        "id": record["id"],
        "title": record["title"],
        "page_id": page_id,
        "format": record["format"],
        "source": record["source"],
        "dyad": record.get("dyad"),
        "subject": record.get("subject"),
        "content_hash": record.get("content_hash"),
        "text": record["text"],
        "anchors": record.get("anchors") or [],
        "record": json.dumps(structure, ensure_ascii=False),
    }


def document_record(row: Mapping[str, Any]) -> Record:
    """The document record a ``documents`` row was made from."""
    record: Record = json.loads(row["record"])
    record["text"] = row["text"]
    if "anchors" in record:
        record["anchors"] = [
            {"text": a["text"], "target": a["target"], "span": list(a["span"])}
            for a in row["anchors"] or ()
        ]
    return record


def kind_record(kind: str, row: Mapping[str, Any]) -> Record:
    """The ``gloss``, ``event``, ``tenure`` or ``entity`` record a row was made from."""
    record: Record = {"kind": kind, **row}
    quantity = record.get("quantity") if kind == "event" else None
    if quantity is not None:
        amount = quantity["amount"]
        if amount is not None and float(amount).is_integer():
            quantity["amount"] = int(amount)
    return record


def record_kinds() -> Mapping[str, str]:
    """Record kind -> the table that holds it."""
    return dict(_RECORD_TABLES)
