"""JSON Lines export: every line parses, the kinds come in order, facts carry their evidences;
and the pair filter of every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rdflib import Graph, URIRef

from dyad.export import FORMATS, export
from dyad.export.columns import EVIDENCE, FACTS, TENURES
from dyad.store import Store, UnknownCountryError
from export_helpers import csv_text_rows, knowledge_base


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


def test_export_jsonl_every_line_parses(store: Store, tmp_path: Path) -> None:
    summary = export(store, "jsonl", f"{tmp_path}/")
    assert summary.files == (str(tmp_path / "dyad.jsonl"), str(tmp_path / "codebook.md"))
    lines = (tmp_path / "dyad.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    records = [json.loads(line) for line in lines[:-1]]
    header, *rest = records
    assert header["kind"] == "export" and header["vocabulary"] == "v1" and header["dyad"] is None
    kinds = [r["kind"] for r in rest]
    counts = store.counts()
    assert kinds.count("fact") == counts.facts == summary.facts
    assert kinds.count("tenure") == counts.tenures == summary.tenures
    for record in rest:
        if record["kind"] == "fact":
            assert list(record) == ["kind", *(c.name for c in FACTS), "evidence"]
            assert len(record["evidence"]) == record["n_mentions"]
            for evidence in record["evidence"]:
                assert list(evidence) == [c.name for c in EVIDENCE if c.name != "fact_id"]
            for person in record["persons"]:
                assert set(person) == {"name", "state", "role"}
        else:
            assert list(record) == ["kind", *(c.name for c in TENURES)]
    assert sum(len(r["evidence"]) for r in rest if r["kind"] == "fact") == summary.evidence


def test_export_jsonl_escapes_line_separators() -> None:
    from dyad.export.jsonl import line

    text = line({"text": "a\u2028b\u2029c\nd"})
    assert text.count("\n") == 1 and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"text": "a\u2028b\u2029c\nd"}


def _pairs_in(format: str, path: Path) -> set[tuple[str, str]]:
    if format == "csv":
        rows = csv_text_rows(path.read_text(encoding="utf-8"))
        return {(r["iso3c_a"], r["iso3c_b"]) for r in rows}
    if format == "parquet":
        table = pq.read_table(path).to_pylist()
        return {(r["iso3c_a"], r["iso3c_b"]) for r in table}
    if format == "jsonl":
        records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        assert records[0]["dyad"] == ["MNG", "PRK"]
        return {(r["iso3c_a"], r["iso3c_b"]) for r in records if r["kind"] != "export"}
    graph = Graph().parse(path, format="turtle")
    state = URIRef("https://dyad.example/vocab#state")
    facts = {f for f in graph.subjects(state, None) if str(f).startswith(FACT_IRI)}
    assert facts
    return {
        (first, second)
        for first, second in (
            sorted(str(o).rsplit("/", 1)[1] for o in graph.objects(fact, state)) for fact in facts
        )
    }


FACT_IRI = "https://dyad.example/fact/"


@pytest.mark.parametrize("format", FORMATS)
def test_export_dyad_filter_keeps_one_pair(store: Store, tmp_path: Path, format: str) -> None:
    path = tmp_path / f"one.{format}"
    summary = export(store, format, path, dyad=("North Korea", "mng"))  # type: ignore[arg-type]
    (pair,) = store.export_pairs("MNG", "PRK")
    assert summary.pairs == 1
    assert summary.facts == len(pair.facts)
    assert summary.tenures == (0 if format in ("csv", "parquet") else len(pair.tenures))
    assert _pairs_in(format, path) == {("MNG", "PRK")}


def test_export_dyad_filter_errors_and_empty_pairs(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UnknownCountryError):
        export(store, "csv", tmp_path / "x.csv", dyad=("MNG", "Atlantis"))
    with pytest.raises(ValueError, match="same state"):
        export(store, "csv", tmp_path / "x.csv", dyad=("MNG", "Mongolia"))
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "x.xlsx")  # type: ignore[arg-type]
    assert not (tmp_path / "x.csv").exists()
    # a pair with nothing stored: the tables are there, with their headers and no rows
    summary = export(store, "csv", f"{tmp_path}/empty/", dyad=("Iceland", "Tuvalu"))
    assert (summary.pairs, summary.facts) == (0, 0)
    text = io.StringIO((tmp_path / "empty" / "facts.csv").read_text(encoding="utf-8"))
    assert text.read().strip() == ",".join(c.name for c in FACTS)
