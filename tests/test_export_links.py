"""What exports link to: Wikidata items of states (``owl:sameAs``), the article of each evidence,
a chosen base IRI; and what they never carry: a local path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from conftest import DATA, SEED
from dyad.cli import main
from dyad.export import export
from dyad.export.sources import article_url, public_source
from dyad.export.wikidata import state_qids
from dyad.gazetteer import default_gazetteer
from dyad.store import Store
from export_helpers import knowledge_base

WD = "http://www.wikidata.org/entity/"
# Items checked by hand against independent tables (test data NOTICE of export/data)
KNOWN_ITEMS = {"MNG": "Q711", "PRK": "Q423", "KOR": "Q884", "RUS": "Q159", "USA": "Q30"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return knowledge_base(tmp_path_factory)


def _local_prefixes() -> list[str]:
    # every directory the test data was read from, as stored in the knowledge base
    return [str(DATA.resolve()), str(SEED.resolve().parent), "../shared", "/work/"]


@pytest.mark.parametrize("format", ["csv", "jsonl", "ttl", "parquet"])
def test_export_links_no_local_path_in_any_export(db: Path, tmp_path: Path, format: str) -> None:
    with Store(db, readonly=True) as store:
        export(store, format, f"{tmp_path}/")  # type: ignore[arg-type]
    for path in tmp_path.iterdir():
        if path.name == "codebook.md":
            continue
        data = path.read_bytes()
        for prefix in _local_prefixes():
            assert prefix.encode() not in data, (path.name, prefix)


def test_export_links_every_state_has_its_wikidata_item() -> None:
    qids = state_qids()
    gazetteer = default_gazetteer()
    states = [s.code for s in gazetteer if str(s.kind) == "state"]
    assert all(code in qids for code in states)
    assert all(qids[code] == item for code, item in KNOWN_ITEMS.items())
    assert len(set(qids.values())) == len(qids)  # no two states share an item


def test_export_links_turtle_same_as_and_base(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(
        main,
        [
            "export",
            "--db",
            str(db),
            "--format",
            "ttl",
            "--base",
            "https://example.org/kb/",
            "--out",
            str(tmp_path / "kb.ttl"),
        ],
    )
    assert done.exit_code == 0, done.output
    graph = Graph()
    graph.parse(tmp_path / "kb.ttl", format="turtle")
    mongolia = URIRef("https://example.org/kb/state/MNG")
    assert (mongolia, OWL.sameAs, URIRef(WD + "Q711")) in graph
    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef)}
    assert subjects and all(s.startswith("https://example.org/kb/") for s in subjects)
    bad = runner.invoke(
        main, ["export", "--db", str(db), "--format", "ttl", "--base", "not an iri"]
    )
    assert bad.exit_code == 1 and "absolute IRI" in bad.output


def test_export_links_evidence_names_its_article(db: Path) -> None:
    with Store(db, readonly=True) as store:
        out = io.StringIO()
        export(store, "jsonl", out)
    facts = [json.loads(x) for x in out.getvalue().splitlines()[1:]]
    evidence = [e for f in facts if f["kind"] == "fact" for e in f["evidence"]]
    wikitext = [e for e in evidence if e["document_format"] == "wikitext"]
    assert wikitext
    for one in wikitext:
        title = one["document_title"].replace(" ", "_")
        assert one["document_url"] == f"https://en.wikipedia.org/wiki/{title}"
        assert one["document_source"].endswith(".wiki") and "/" not in one["document_source"]


def test_export_links_public_source_and_article_url() -> None:
    assert public_source("/work/shared/corpus/x/Foreign_relations_of_Peru.wiki") == (
        "Foreign_relations_of_Peru.wiki"
    )
    assert public_source("..\\shared\\a.md") == "a.md"
    assert public_source("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert article_url("Mongolia–North Korea relations", "wikitext") == (
        "https://en.wikipedia.org/wiki/Mongolia%E2%80%93North_Korea_relations"
    )
    assert article_url("Some notes", "text") is None  # plain text of any origin: no guess


def test_export_links_csv_evidence_has_url_column(db: Path, tmp_path: Path) -> None:
    with Store(db, readonly=True) as store:
        export(store, "csv", f"{tmp_path}/")
    with (tmp_path / "evidence.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and "document_url" in rows[0]
    assert any(r["document_url"].startswith("https://en.wikipedia.org/wiki/") for r in rows)
