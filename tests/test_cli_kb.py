"""The knowledge-base commands on a real database built from real articles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, SEED
from dyad.cli import main

ARTICLES = [
    SEED,
    DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki",
    DATA / "wikitext" / "Foreign_relations_of_North_Korea.wiki",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "dyad.db"
    code, output = run("ingest", "--db", str(path), *map(str, ARTICLES))
    assert code == 0, output
    assert "documents" in output and "errors" in output
    return path


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_cli_kb_ingest_twice_changes_nothing(db: Path) -> None:
    before = _counts(db)
    code, output = run("ingest", "--db", str(db), "--json", *map(str, ARTICLES))
    assert code == 0
    summary = json.loads(output)
    assert summary["unchanged"] == len(ARTICLES) and summary["added"] == 0
    assert _counts(db) == before


def test_cli_kb_show_mongolia_north_korea(db: Path) -> None:
    code, output = run("show", "--db", str(db), "mongolia", "north korea")
    assert code == 0, output
    assert "1948-10-15" in output
    # The date is backed by the seed and by "Foreign relations of Mongolia".
    code, output = run("show", "--db", str(db), "--json", "MNG", "DPRK")
    data = json.loads(output)
    (began,) = data["relations_began"]
    assert began["date"] == "1948-10-15"
    titles = {s["title"] for s in began["sources"]}
    assert {"Mongolia–North Korea relations", "Foreign relations of Mongolia"} <= titles
    assert data["counts"]["visit"] >= 4
    assert {t["person"] for t in data["ambassadors_now"]} >= {"O Sung Ho", "Surengiin Tsoggerel"}


def test_cli_kb_country_arguments_accept_names_variants_and_codes(db: Path) -> None:
    outputs = [
        run("show", "--db", str(db), "--json", "mongolia", name)[1]
        for name in (
            "north korea",
            "DPRK",
            "PRK",
            "Korea, North",
            "Democratic People's Republic of Korea",
        )
    ]
    assert len({json.dumps(json.loads(o)["relations_began"]) for o in outputs}) == 1


def test_cli_kb_unknown_country_suggests(db: Path) -> None:
    code, output = run("show", "--db", str(db), "mongolia", "north koreaa")
    assert code == 1
    assert output.startswith("dyad: ") and "North Korea" in output


def test_cli_kb_timeline_filters(db: Path) -> None:
    code, output = run("timeline", "--db", str(db), "--json", "MNG", "PRK")
    assert code == 0
    facts = json.loads(output)
    dated = [f["date_lower"] for f in facts if f["date_lower"] is not None]
    assert dated == sorted(dated)
    code, output = run(
        "timeline", "--db", str(db), "--json", "MNG", "PRK", "--type", "visit", "--from", "2000"
    )
    visits = json.loads(output)
    assert visits and all(f["type"] == "visit" for f in visits)
    assert all(f["date_upper"] >= 20000101 for f in visits)
    for fact in visits:
        for source in fact["sources"]:
            assert source["text"]


def test_cli_kb_terms_entity_search_conflicts_dyads(db: Path) -> None:
    code, output = run("terms", "--db", str(db), "--json", "mongolia", "north korea")
    assert code == 0 and len(json.loads(output)) >= 9
    code, output = run("entity", "--db", str(db), "--json", "Kim Il Sung")
    assert code == 0 and json.loads(output)["entities"]
    code, output = run("search", "--db", str(db), "--json", "war orphans")
    assert code == 0 and json.loads(output)
    code, output = run("search", "--db", str(db), 'orphans" OR (')
    assert code == 0
    code, output = run("conflicts", "--db", str(db), "--json", "--limit", "5")
    assert code == 0 and isinstance(json.loads(output), list)
    code, output = run("dyads", "--db", str(db), "--json", "--limit", "3")
    assert code == 0 and len(json.loads(output)) == 3


def test_cli_kb_missing_database_says_how_to_build_one(tmp_path: Path) -> None:
    code, output = run("show", "--db", str(tmp_path / "none.db"), "MNG", "PRK")
    assert code == 1 and "dyad ingest" in output


def test_cli_kb_limits_are_bounded(db: Path) -> None:
    code, _ = run("dyads", "--db", str(db), "--limit", "1000000")
    assert code == 2


def test_cli_kb_ingest_reports_and_skips_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"PK\x03\x04\x00\x00binary zip content\x00\x01")
    path = tmp_path / "kb.db"
    code, output = run("ingest", "--db", str(path), "--json", str(SEED), str(bad))
    assert code == 1
    summary = json.loads(output[output.index("{") :])
    assert summary["added"] == 1 and len(summary["errors"]) == 1
    assert summary["errors"][0]["path"] == str(bad)


def test_cli_kb_export_and_panel(db: Path, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    code, output = run("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path) + "/")
    assert code == 0, output
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["type"] == "relations.established" and r["date"] == "1948-10-15" for r in rows)
    assert (tmp_path / "codebook.md").exists()
    out = tmp_path / "panel.parquet"
    code, output = run("panel", "--db", str(db), "--dyad", "MNG", "PRK", "--out", str(out))
    assert code == 0, output
    table = pq.read_table(out).to_pylist()
    first = min(table, key=lambda r: r["year"])
    assert first["year"] == 1948 and first["relations"] == 1
    assert {first["ccode1"], first["ccode2"]} == {712, 731}
    code, output = run("panel", "--codebook")
    assert code == 0 and "ccode1" in output


def test_cli_kb_serve_answers_json(db: Path) -> None:
    import json as jsonlib
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dyad.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line, line
        url = f"http://127.0.0.1:{port}/dyad/MNG/PRK.json"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as reply:
                    data = jsonlib.loads(reply.read())
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not answer")
        assert "1948-10-15" in jsonlib.dumps(data)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_cli_kb_serve_without_database(tmp_path: Path) -> None:
    code, output = run("serve", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "dyad ingest" in output


def test_cli_kb_show_lists_the_seed_events_and_terms_with_sources(db: Path) -> None:
    code, output = run("show", "--db", str(db), "--json", "mongolia", "north korea")
    assert code == 0
    data = json.loads(output)
    seed = "Mongolia–North Korea relations"
    quoted = {s["text"]: s["title"] for fact in data["events"] for s in fact["sources"]}
    for sentence in (
        "The two countries established diplomatic relations on October 15, 1948.",
        "Kim Il Sung also paid a visit to the country in 1988.",
        "In 1952, during the Korean War, North Korea sent 200 war orphans to Mongolia.",
    ):
        assert quoted.get(sentence) == seed
    terms = {t["person"]: t for t in data["terms"]}
    assert len(terms) >= 9
    assert terms["Jamsran Sambuu"]["start"] == "1950"
    assert terms["Jamsran Sambuu"]["sources"][0]["title"] == seed
    code, text = run("show", "--db", str(db), "mongolia", "north korea")
    assert "Events" in text and "Terms of office" in text and "Jamsran Sambuu" in text
