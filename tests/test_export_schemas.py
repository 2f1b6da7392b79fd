"""Every Parquet file Dyad writes has the schema its codebook states: the columns in the
codebook's order, each with the Arrow type of its declared kind (the table of
``dyad/export/columns.py``, restated here so that the test does not read the writer's own map)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyad.export import export
from dyad.export.columns import TABLES, Column
from dyad.export.frame import FRAME
from dyad.export.framefile import write_frame
from dyad.export.panel import PANEL, panel
from dyad.store import Store
from export_helpers import knowledge_base

PERSON = pa.struct([("name", pa.string()), ("state", pa.string()), ("role", pa.string())])
ARROW = {
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


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


def _check(path: Path, columns: tuple[Column, ...]) -> None:
    schema = pq.read_schema(path)
    assert schema.names == [c.name for c in columns], path.name
    for column in columns:
        found = schema.field(column.name).type
        wanted = ARROW[column.kind]
        if column.kind == "persons":  # field nullability aside, the same nested layout
            assert pa.types.is_list(found) and found.value_type.names == PERSON.names
            continue
        assert found == wanted, (path.name, column.name, column.kind, found)


def test_export_schemas_facts_evidence_tenures(store: Store, tmp_path: Path) -> None:
    export(store, "parquet", f"{tmp_path}/")
    written = {p.stem: p for p in tmp_path.glob("*.parquet")}
    assert set(written) == set(TABLES)
    for name, columns in TABLES.items():
        _check(written[name], columns)


@pytest.mark.parametrize("directed", [False, True])
def test_export_schemas_panel(store: Store, tmp_path: Path, directed: bool) -> None:
    panel(store, tmp_path / "p.parquet", format="parquet", directed=directed)
    _check(tmp_path / "p.parquet", PANEL)


def test_export_schemas_frame(store: Store, tmp_path: Path) -> None:
    write_frame(store, tmp_path / "f.parquet", mode="pairs", format="parquet")
    _check(tmp_path / "f.parquet", FRAME)
