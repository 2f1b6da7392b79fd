"""dyad eval --set: a folder of gold files scored per file and pooled, articles found by path."""

from __future__ import annotations

import json
import shutil
import tarfile
from pathlib import Path

from click.testing import CliRunner

from conftest import DATA
from dyad.cli import main
from dyad.evaluate import score
from dyad.extract.pipeline import extract
from dyad.read import read_file
from dyad.records import extraction_records

GOLD = DATA / "gold"
NAMES = ("albania-brazil-relations.gold.json", "iran-qatar-relations.gold.json")


def _single(name: str) -> dict[str, dict[str, int]]:
    gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
    article = DATA / "text" / Path(gold["path"]).name
    return score(gold, extraction_records(extract(read_file(article)))).events


def _gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dev"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(GOLD / name, folder / name)
    return folder


def test_cli_eval_set_pools_the_counts_of_each_file(tmp_path: Path) -> None:
    folder = _gold_folder(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", "--set", str(folder), "--search", str(DATA / "text"), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [Path(f["gold"]).name for f in report["files"]] == list(NAMES)
    singles = [_single(name) for name in NAMES]
    for measure in ("precision", "recall", "date", "direction"):
        pooled = report["pooled"][measure]
        assert pooled["correct"] == sum(s[measure]["correct"] for s in singles)
        assert pooled["total"] == sum(s[measure]["total"] for s in singles)
    for entry, single in zip(report["files"], singles, strict=True):
        assert entry["events"]["recall"] == single["recall"]
        assert entry["missed"] == single["missed"]


def test_cli_eval_set_table_shows_each_file_and_the_pool(tmp_path: Path) -> None:
    folder = _gold_folder(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", "--set", str(folder), "--search", str(DATA / "text")]
    )
    assert result.exit_code == 0, result.output
    assert "albania-brazil-relations" in result.output
    assert "iran-qatar-relations" in result.output
    pooled = next(line for line in result.output.splitlines() if "pooled" in line)
    recall = sum(_single(name)["recall"]["correct"] for name in NAMES)
    assert f" {recall}/" in pooled


def test_cli_eval_set_reads_articles_inside_a_corpus_archive(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    gold = json.loads((GOLD / NAMES[1]).read_text(encoding="utf-8"))
    gold["path"] = "packed-text/Iran–Qatar_relations.md"
    (folder / NAMES[1]).write_text(json.dumps(gold), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with tarfile.open(corpus / "packed-text.tar.gz", "w:gz") as tar:
        tar.add(DATA / "text" / "Iran–Qatar_relations.md", "pages/Iran–Qatar_relations.md")
    result = CliRunner().invoke(
        main, ["eval", "--set", str(folder), "--search", str(corpus), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["files"][0]["article"].endswith(":pages/Iran–Qatar_relations.md")
    assert report["pooled"]["recall"] == _single(NAMES[1])["recall"]


def test_cli_eval_set_names_a_missing_article_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "x.gold.json").write_text(
        json.dumps({"path": "bilateral-text/Nowhere–Else_relations.md", "events": []}),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "--set", str(folder), "--search", str(tmp_path)])
    assert result.exit_code == 1
    assert "Nowhere–Else_relations.md" in result.output
    assert "not found" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_eval_needs_files_or_a_set() -> None:
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 2
    assert "--set" in result.output
