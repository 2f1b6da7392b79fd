"""The command line as a new user meets it: mistakes get one clear line, never a traceback.

Each case is one a user tried (the hardening issue's list), run against a real knowledge base
built from real articles.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, SEED
from dyad.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "dyad.db"
    mongolia = DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki"
    code, output = run("ingest", "--db", str(path), str(SEED), str(mongolia))
    assert code == 0, output
    return path


def _one_line_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("dyad: "), output
    assert "Traceback" not in output
    return lines[0]


def test_cli_the_same_state_twice_is_a_clear_error(db: Path) -> None:
    code, output = run("show", "--db", str(db), "mongolia", "MNG")
    assert code == 1
    assert "same state" in _one_line_error(output)


def test_cli_a_date_that_is_none_is_a_clear_error(db: Path) -> None:
    code, output = run("timeline", "--db", str(db), "mongolia", "dprk", "--from", "yesterday")
    assert code == 1
    assert "'yesterday' is not a date" in _one_line_error(output)


def test_cli_a_file_that_is_not_a_knowledge_base_is_named(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a database, just notes\n" * 200, encoding="utf-8")
    code, output = run("dyads", "--db", str(other))
    assert code == 1
    line = _one_line_error(output)
    assert str(other) in line and "not a Dyad knowledge base" in line
    assert other.read_text(encoding="utf-8").startswith("not a database")  # left as it was


def test_cli_unicode_digits_are_not_cow_numbers(db: Path) -> None:
    for odd in ("²", "③", "٣"):
        code, output = run("show", "--db", str(db), odd, "PRK")
        assert code == 1
        assert "unknown state" in _one_line_error(output)
    code, output = run("show", "--db", str(db), "731", "mongolia")  # COW's number for PRK
    assert code == 0 and "1948-10-15" in output


def test_cli_ambiguous_names_offer_each_state(db: Path) -> None:
    code, output = run("show", "--db", str(db), "korea", "mongolia")
    assert code == 1
    line = _one_line_error(output)
    assert "ambiguous" in line and "(KOR)" in line and "(PRK)" in line
    code, output = run("show", "--db", str(db), "congo", "mongolia")
    line = _one_line_error(output)
    assert "(COG)" in line and "(COD)" in line


def test_cli_suggestions_for_an_unknown_state_are_said_once(db: Path) -> None:
    code, output = run("show", "--db", str(db), "mongolai", "PRK")
    assert code == 1
    line = _one_line_error(output)
    assert line.count("did you mean") == 1 and "Mongolia (MNG)" in line


def test_cli_search_keeps_the_matched_words(db: Path) -> None:
    code, output = run("search", "--db", str(db), "embassy Ulaanbaatar")
    assert code == 0
    assert "has an embassy in" in " ".join(output.split())


def test_cli_timeline_type_accepts_a_family(db: Path) -> None:
    code, output = run(
        "timeline", "--db", str(db), "mongolia", "north korea", "--type", "relations", "--json"
    )
    assert code == 0
    types = {fact["type"] for fact in json.loads(output)}
    assert "relations.established" in types
    assert all(t.startswith("relations.") for t in types)


def test_cli_pages_shows_where_a_redirect_leads() -> None:
    dump = DATA / "dumps" / "tinywiki-latest-pages-articles.xml"
    code, output = run("pages", "--all", str(dump))
    assert code == 0
    (line,) = [line for line in output.splitlines() if "Redirect page" in line]
    assert line.endswith("-> The Beatles")
    assert "True" not in output


def test_cli_extract_walks_a_folder_as_ingest_does(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "Mongolia–North_Korea_relations.txt").write_bytes(SEED.read_bytes())
    (folder / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    code, output = run("extract", "--jsonl", str(folder))
    assert code == 0, output
    kinds = {json.loads(line)["kind"] for line in output.splitlines()}
    assert {"document", "event"} <= kinds
    documents = [json.loads(line) for line in output.splitlines() if '"document"' in line]
    assert len([d for d in documents if d.get("kind") == "document"]) == 1  # no csv, no json


def test_cli_ingest_leaves_data_files_in_a_folder_alone(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "Mongolia–North_Korea_relations.txt").write_bytes(SEED.read_bytes())
    (folder / "counts.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, output = run("ingest", "--db", str(tmp_path / "kb.db"), "--json", str(folder))
    assert code == 0, output
    summary = json.loads(output)
    assert summary["added"] == 1 and summary["errors"] == []


def test_cli_serve_refuses_a_port_in_use_before_announcing(db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, output = run("serve", "--db", str(db), "--port", str(port))
    assert code == 1
    line = _one_line_error(output)
    assert f"127.0.0.1:{port}" in line and "Serving" not in output


def test_cli_piped_tables_are_wide_enough_to_read(db: Path) -> None:
    # Piped with no $COLUMNS: unset it for the call, as pytest-xdist's workers export COLUMNS=80.
    args = ["show", "--db", str(db), "mongolia", "dprk"]
    result = CliRunner().invoke(main, args, env={"COLUMNS": None})
    widest = max(len(line) for line in result.output.splitlines())
    assert widest > 100  # Rich's default of 80 squeezed each evidence into a dozen characters


def test_cli_control_characters_in_a_file_name_never_reach_the_terminal(tmp_path: Path) -> None:
    bad = tmp_path / "a\x1b[31mb.txt"
    bad.write_bytes(b"")
    code, output = run("read", str(bad))
    assert code == 1
    assert "\x1b" not in output and "\\x1b" in _one_line_error(output)
