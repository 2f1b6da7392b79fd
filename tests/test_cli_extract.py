"""dyad extract and dyad eval from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import DATA, SEED
from dyad.cli import main


def test_cli_extract_jsonl_then_eval(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "--jsonl", str(SEED)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    kinds = {r["kind"] for r in records}
    assert kinds == {"document", "gloss", "event", "tenure", "entity"}
    predicted = tmp_path / "seed.jsonl"
    predicted.write_text(result.output, encoding="utf-8")

    scored = runner.invoke(
        main, ["eval", str(DATA / "gold" / "seed.gold.json"), str(predicted), "--json"]
    )
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    assert report["events"]["recall"]["value"] >= 0.9
    assert report["glosses"]["correct"] == 24

    table = runner.invoke(main, ["eval", str(DATA / "gold" / "seed.gold.json"), str(predicted)])
    assert "precision" in table.output and "recall" in table.output


def test_cli_extract_summary_shows_events() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "relations.established" in result.output or "relations." in result.output
    assert "Jamsran Sambuu" in result.output


def test_cli_extract_reads_dumps() -> None:
    dump = DATA / "dumps" / "tinywiki-latest-pages-articles.xml.bz2"
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(dump)])
    assert result.exit_code == 0, result.output
    documents = [
        json.loads(line)
        for line in result.output.splitlines()
        if json.loads(line)["kind"] == "document"
    ]
    assert len(documents) >= 2


def test_cli_extract_with_a_user_rule(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text(
        '[[rule]]\nid = "mine.friendship"\ntype = "relations.improved"\n'
        'patterns = ["\\\\bfellow\\\\s+non-Western\\\\s+country\\\\b"]\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", "--jsonl", "--rules", str(rules), str(SEED)])
    assert result.exit_code == 0, result.output
    rules_used = {json.loads(line).get("rule") for line in result.output.splitlines()}
    assert "mine.friendship" in rules_used


def test_cli_extract_bad_rule_file_is_a_clear_error(tmp_path: Path) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text('[[rule]]\nid = "x"\ntype = "visit.maybe"\npatterns = ["a"]\n')
    result = CliRunner().invoke(main, ["extract", "--rules", str(rules), str(SEED)])
    assert result.exit_code == 1
    assert "unknown type" in result.output and "bad.toml" in result.output


def test_cli_help_for_every_command() -> None:
    runner = CliRunner()
    for command in main.commands:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage" in result.output
