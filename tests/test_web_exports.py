"""One pair's exports (dyad.export) as downloads; the codebook; errors as elsewhere."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app
from web_helpers import kb_path


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(kb_path())) as client:
        yield client


def test_web_exports_facts(client: TestClient) -> None:
    reply = client.get("/dyad/PRK/MNG/export.csv")  # any order, any name
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == 'attachment; filename="MNG-PRK.csv"'
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    served = client.get("/dyad/MNG/PRK.json?limit=500").json()
    assert len(rows) == served["summary"]["facts"]
    assert "1948-10-15" in {r["date"] for r in rows}
    lines = client.get("/dyad/MNG/PRK/export.jsonl").text.splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert client.get("/dyad/MNG/PRK/export.ttl").headers["content-type"].startswith("text/turtle")
    parquet = client.get("/dyad/MNG/PRK/export.parquet")
    assert parquet.content[:4] == b"PAR1"


def test_web_exports_panel_and_codebook(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/dyad/MNG/PRK/panel.csv").text)))
    assert {r["year"] for r in rows} >= {"1948", "2018"}
    directed = list(
        csv.DictReader(io.StringIO(client.get("/dyad/MNG/PRK/panel.csv?directed=true").text))
    )
    assert len(directed) == 2 * len(rows)
    codebook = client.get("/export/codebook.md")
    assert codebook.status_code == 200 and "fact_id" in codebook.text
    assert 'href="/dyad/MNG/PRK/export.csv"' in client.get("/dyad/MNG/PRK").text


def test_web_exports_errors(client: TestClient) -> None:
    assert client.get("/dyad/MNG/PRK/export.xls").status_code == 422
    assert client.get("/dyad/MNG/PRK/panel.ttl").status_code == 422
    unknown = client.get("/dyad/Atlantis/PRK/export.csv", headers={"accept": "application/json"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_state"
    assert client.get("/dyad/MNG/MNG/export.csv").status_code == 404
