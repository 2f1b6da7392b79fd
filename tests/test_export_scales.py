"""Goldstein scores, quad classes and PLOVER categories of the event types (export/scales.py)."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import DATA
from dyad.export import export
from dyad.export.codebook import pandas_dtypes
from dyad.export.columns import FACTS
from dyad.export.scales import cameo_table, quad_class, scale
from dyad.store import Store
from dyad.vocabulary import EVENT_TYPES
from export_helpers import csv_text_rows, knowledge_base


def _published() -> dict[str, float]:
    with (DATA / "cameo" / "goldstein-published.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(f)}


def test_export_scales_goldstein_matches_the_published_table_for_every_code_used() -> None:
    published = _published()
    used = {t.cameo for t in EVENT_TYPES.values() if t.cameo}
    assert used, "the vocabulary names CAMEO codes"
    missing = used - published.keys()
    assert not missing, f"add the published rows of {sorted(missing)} to tests/data/cameo"
    for name, event_type in EVENT_TYPES.items():
        if event_type.cameo:
            assert scale(name).goldstein == published[event_type.cameo], name


def test_export_scales_table_covers_every_cameo_code_and_keeps_leading_zeros() -> None:
    table = cameo_table()
    assert len(table) == 312  # every code of CAMEO 1.1b3, roots included
    assert "010" in table and "10" in table and table["010"] != table["10"]
    assert all(-10 <= row.goldstein <= 10 for row in table.values())
    for code in ("192", "1382", "057", "0874"):  # codes new vocabulary types may take
        assert code in table


def test_export_scales_quad_class_from_the_root_code() -> None:
    assert [quad_class(c) for c in ("042", "057", "073", "111", "130", "161", "190")] == [
        1,
        1,
        2,
        3,
        3,
        4,
        4,
    ]
    assert quad_class(None) is None and quad_class("") is None and quad_class("99") is None


def test_export_scales_unknown_types_and_types_without_cameo_have_no_scale() -> None:
    assert scale("dispute.territorial-not-yet-in-vocabulary").goldstein is None
    assert scale("migration").goldstein is None and scale("migration").quad_class is None
    assert scale("visit").goldstein == 1.9 and scale("visit").plover == "CONSULT"


def test_export_scales_in_every_fact_export(tmp_path_factory: pytest.TempPathFactory) -> None:
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        text = io.StringIO()
        export(store, "csv", text)
        lines = io.StringIO()
        export(store, "jsonl", lines)
    rows = csv_text_rows(text.getvalue())
    assert rows
    for row in rows:
        expected = scale(row["type"])
        assert row["goldstein"] == ("" if expected.goldstein is None else f"{expected.goldstein:g}")
        assert row["quad_class"] == (
            "" if expected.quad_class is None else str(expected.quad_class)
        )
    import json

    facts = [json.loads(x) for x in lines.getvalue().splitlines()[1:]]
    facts = [f for f in facts if f["kind"] == "fact"]
    assert facts and all(f["goldstein"] == scale(f["type"]).goldstein for f in facts)


def test_export_scales_pandas_reads_cameo_as_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    pd = pytest.importorskip("pandas")
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        text = io.StringIO()
        export(store, "csv", text)
    frame = pd.read_csv(io.StringIO(text.getvalue()), dtype=pandas_dtypes(FACTS))
    codes = set(frame["cameo"].dropna())
    assert codes and all(len(c) == 3 and c.isdigit() for c in codes)
    assert "054" in codes  # a leading zero kept
    assert str(frame["goldstein"].dtype) == "Float64"


def test_export_scales_in_the_json_api() -> None:
    from fastapi.testclient import TestClient

    from dyad.web import create_app
    from web_helpers import kb_path

    with TestClient(create_app(kb_path())) as client:
        events = client.get("/dyad/MNG/PRK.json").json()["events"]
    assert events
    for event in events:
        expected = scale(event["type"])
        assert event["goldstein"] == expected.goldstein
        assert event["quad_class"] == expected.quad_class
        assert event["cameo"] == expected.cameo and event["plover"] == expected.plover
