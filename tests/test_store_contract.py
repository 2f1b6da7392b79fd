"""One typed contract after extraction: the store takes what extraction made as it is, or its
JSON records parsed at the edge, and both store the same; read-back gives one Fact and one
Source, the same to the exports and the queries; the command line's ``--json`` and the web's
``.json`` shape a fact the same way."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import SEED
from dyad.cli import main
from dyad.extract.pipeline import Extraction, extract
from dyad.ingest import Outcome
from dyad.model import Evidence
from dyad.read import read_file
from dyad.records import extraction_records
from dyad.store import InvalidRecordError, Store
from dyad.web import create_app


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract(read_file(SEED))


@pytest.fixture(scope="module")
def typed_db(tmp_path_factory: pytest.TempPathFactory, extraction: Extraction) -> Path:
    path = tmp_path_factory.mktemp("contract") / "typed.db"
    with Store(path) as store:
        assert store.ingest(extraction).status == "added"
    return path


def test_store_contract_typed_and_records_store_the_same(
    typed_db: Path, tmp_path: Path, extraction: Extraction
) -> None:
    records = json.loads(json.dumps(extraction_records(extraction)))  # as read from a file
    with Store(tmp_path / "records.db") as other:
        assert other.ingest(records).status == "added"
        with Store(typed_db, readonly=True) as typed:
            doc_id = extraction.document.id
            assert typed.records(doc_id) == other.records(doc_id) == records
            assert typed.timeline("MNG", "PRK", limit=500) == other.timeline(
                "MNG", "PRK", limit=500
            )
            assert typed.terms("MNG", "PRK") == other.terms("MNG", "PRK")
            assert typed.counts() == other.counts()
    with Store(typed_db) as typed:  # the same extraction's records: nothing new to store
        assert typed.ingest(records).status == "unchanged"


def test_store_contract_stream_items_hold_the_extraction(
    tmp_path: Path, extraction: Extraction
) -> None:
    """What the ingest pipeline hands the store is the extraction itself; its records are made
    from it when asked for (a Spark job's outcome holds records, and is stored the same)."""
    typed = Outcome("seed.txt", extraction, title=extraction.document.title)
    assert typed.records == extraction_records(extraction)
    as_records = Outcome("seed.txt", typed.records, title=extraction.document.title)
    with Store(tmp_path / "a.db") as one, Store(tmp_path / "b.db") as two:
        first, second = one.ingest_stream([typed]), two.ingest_stream([as_records])
        assert (first.added, first.events, first.errors) == (1, len(extraction.events), ())
        assert (second.added, second.events, second.tenures) == (1, first.events, first.tenures)
        doc_id = extraction.document.id
        assert one.records(doc_id) == two.records(doc_id)


def test_store_contract_typed_evidence_off_the_text_is_refused(
    tmp_path: Path, extraction: Extraction
) -> None:
    first = extraction.events[0]
    moved = Evidence(first.evidence.text, first.evidence.start + 1, first.evidence.end + 1)
    broken = dataclasses.replace(
        extraction,
        events=(dataclasses.replace(first, evidence=moved), *extraction.events[1:]),
    )
    with Store(tmp_path / "kb.db") as store:
        with pytest.raises(InvalidRecordError, match="is not the quoted text"):
            store.ingest(broken)
        assert store.counts().documents == 0


def test_store_contract_one_fact_for_queries_and_exports(typed_db: Path) -> None:
    with Store(typed_db, readonly=True) as store:
        exported = store.pair_records("MNG", "PRK")
        assert exported is not None
        timeline = store.timeline("MNG", "PRK", limit=500)
        # the exports' facts and the timeline's are the same objects: same class, same values
        assert list(exported.facts) == timeline
        text = store.records(timeline[0].evidence[0].document)[0]["text"]
        for fact in timeline:
            assert fact.mentions == len(fact.evidence) > 0
            assert fact.documents == len({s.document for s in fact.evidence})
            for source in fact.evidence:
                assert text[source.start : source.end] == source.text
                assert source.format == "infolist"


def test_store_contract_cli_json_is_the_web_json(typed_db: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", "MNG", "PRK", "--db", str(typed_db), "--json"])
    assert result.exit_code == 0, result.output
    cli = {f["id"]: f for f in json.loads(result.output)}
    with TestClient(create_app(typed_db)) as client:
        response = client.get("/dyad/MNG/PRK.json", params={"limit": 500})
    assert response.status_code == 200
    web = {f["id"]: f for f in response.json()["events"]}
    assert cli.keys() == web.keys() and cli
    for fact_id, fact in cli.items():
        shown = web[fact_id]
        # the page lists the pair's own article first; otherwise the facts are the same
        key = ("document", "start", "mention")
        assert sorted(fact["sources"], key=lambda s: [s[k] for k in key]) == sorted(
            shown["sources"], key=lambda s: [s[k] for k in key]
        )
        assert {k: v for k, v in fact.items() if k != "sources"} == {
            k: v for k, v in shown.items() if k != "sources"
        }
        assert fact["href"] == f"/dyad/MNG/PRK#f-{fact_id}"
        assert {"family", "label", "cameo", "mentions", "documents"} <= fact.keys()


def test_store_contract_json_shaping_loads_no_web_server() -> None:
    """``--json`` shapes with ``web/shapes.py``; importing it must not load FastAPI (the
    application loads when asked for), so the command line stays quick."""
    code = "import sys, dyad.web.shapes; print(sorted(m for m in sys.modules if '.' not in m))"
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "PATH": ""},
    )
    loaded = run.stdout
    assert "'dyad'" in loaded
    assert "'fastapi'" not in loaded and "'starlette'" not in loaded
