"""Parquet export: pyarrow reads the files back with the declared types, dictionary-encoded
categories, field descriptions and the vocabulary version in the metadata."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyad.export import export
from dyad.export.columns import EVIDENCE, FACTS, TENURES, VOCABULARY
from dyad.store import Store
from export_helpers import knowledge_base, read_csv


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


@pytest.fixture(scope="module")
def exported(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "out"
    export(store, "parquet", f"{out}/")
    return out


def test_export_parquet_reads_back_with_the_schema_types(store: Store, exported: Path) -> None:
    facts = pq.read_table(exported / "facts.parquet")
    evidence = pq.read_table(exported / "evidence.parquet")
    tenures = pq.read_table(exported / "tenures.parquet")
    counts = store.counts()
    assert facts.num_rows == counts.facts
    assert tenures.num_rows == counts.tenures
    assert evidence.num_rows == pa.compute.sum(facts["n_mentions"]).as_py()
    assert facts.column_names == [c.name for c in FACTS]
    assert evidence.column_names == [c.name for c in EVIDENCE]
    assert tenures.column_names == [c.name for c in TENURES]
    schema = facts.schema
    assert schema.field("fact_id").type == pa.int64()
    assert schema.field("ccode_a").type == pa.int16()
    assert schema.field("year_start").type == pa.int16()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("type").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("iso3c_a").type == pa.dictionary(pa.int32(), pa.string())
    persons = schema.field("persons").type
    assert pa.types.is_list(persons)
    assert [f.name for f in persons.value_type] == ["name", "state", "role"]
    meta = schema.metadata
    assert meta[b"dyad.vocabulary"] == VOCABULARY.encode()
    assert meta[b"dyad.table"] == b"facts"
    assert schema.field("conflict_id").metadata[b"description"].startswith(b"set when sources")


def test_export_parquet_values_match_the_csv(store: Store, exported: Path, tmp_path: Path) -> None:
    export(store, "csv", f"{tmp_path}/")
    rows = {r["fact_id"]: r for r in read_csv(tmp_path / "facts.csv")}
    table = pq.read_table(exported / "facts.parquet").to_pylist()
    assert len(table) == len(rows)
    for fact in table:
        row = rows[str(fact["fact_id"])]
        assert fact["type"] == row["type"]
        assert (fact["iso3c_a"], fact["iso3c_b"]) == (row["iso3c_a"], row["iso3c_b"])
        assert (fact["date"] or "") == row["date"]
        assert ("" if fact["ccode_a"] is None else str(fact["ccode_a"])) == row["ccode_a"]
        assert "; ".join(p["name"] for p in fact["persons"]) == row["persons"]
        if fact["date_start"] is not None:
            assert fact["date_start"].isoformat() == row["date_start"]
    (established,) = [
        f
        for f in table
        if (f["iso3c_a"], f["iso3c_b"], f["type"]) == ("MNG", "PRK", "relations.established")
    ]
    assert established["date_start"] == datetime.date(1948, 10, 15)
    assert established["ccode_b"] == 731


def test_export_parquet_single_file_and_streams(store: Store, tmp_path: Path) -> None:
    summary = export(store, "parquet", tmp_path / "facts.parquet", dyad=("PRK", "MNG"))
    assert summary.files == (str(tmp_path / "facts.parquet"),)
    table = pq.read_table(tmp_path / "facts.parquet")
    assert table.num_rows == summary.facts > 0
    buffer = io.BytesIO()
    export(store, "parquet", buffer, dyad=("PRK", "MNG"))
    assert pq.read_table(io.BytesIO(buffer.getvalue())).equals(table)
    with pytest.raises(ValueError, match="binary"):
        export(store, "parquet", io.StringIO(), dyad=("PRK", "MNG"))


def test_export_parquet_dash_writes_bytes_to_standard_output(
    store: Store, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    summary = export(store, "parquet", "-", dyad=("MNG", "PRK"))
    table = pq.read_table(io.BytesIO(capsysbinary.readouterr().out))
    assert table.num_rows == summary.facts > 0
