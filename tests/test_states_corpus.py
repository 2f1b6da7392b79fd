"""The gazetteer on the shared corpus: the names its flag templates use; find_mentions' speed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from dyad.gazetteer import Gazetteer, default_gazetteer
from dyad.read.source import title_from_filename

LISTS = Path(__file__).resolve().parent / "data" / "states"
_FLAG = re.compile(r"\{\{\s*[Ff]lag[a-z]*\s*\|\s*([^|}]*?)\s*[|}]")

# Flag arguments that resolve to something other than what Wikipedia means by them, and why.
KNOWN_MISREADINGS = {
    # Wikipedia's {{Country data AU}} is the African Union; as an ISO alpha-2 code, which is
    # how resolve() reads two capitals, AU is Australia.
    "AU": "AUS",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _flag_names() -> list[tuple[str, int, str]]:
    lines = (LISTS / "flag-names.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(name, int(count), code) for name, count, code in rows]


def test_states_corpus_flag_names_resolve(gaz: Gazetteer) -> None:
    rows = _flag_names()
    assert len(rows) == 330
    wrong = {}
    for name, _count, code in rows:
        state = gaz.resolve(name)
        got = state.code if state else None
        if name in KNOWN_MISREADINGS:
            assert got == KNOWN_MISREADINGS[name]
        elif got != code:
            wrong[name] = got
    assert wrong == {}
    # Coverage: 329 of 330 distinct names, 44,432 of 44,433 occurrences read as Wikipedia means.
    right = [(n, c) for n, c, _ in rows if n not in KNOWN_MISREADINGS]
    assert len(right) == 329
    assert sum(c for _, c in right) == 44432


@pytest.mark.slow
def test_states_corpus_flag_list_matches_the_shared_corpus(shared: Path) -> None:
    counts: Counter[str] = Counter()
    for path in (shared / "corpus" / "foreign-relations-wikitext").glob("*.wiki"):
        counts.update(_FLAG.findall(path.read_text(encoding="utf-8")))
    assert counts == Counter({name: count for name, count, _ in _flag_names()})


@pytest.mark.slow
def test_states_corpus_mentions_every_article_subject(shared: Path, gaz: Gazetteer) -> None:
    """Each "Foreign relations of X" article mentions X (its speed: bench/bench_linear.py)."""
    lines = (LISTS / "foreign-relations-titles.tsv").read_text(encoding="utf-8").splitlines()
    subjects = dict(line.split("\t") for line in lines if line and not line.startswith("#"))
    missing = []
    for path in sorted((shared / "corpus" / "foreign-relations-wikitext").glob("*.wiki")):
        text = path.read_text(encoding="utf-8")
        mentions = gaz.find_mentions(text)
        assert all(text[m.start : m.end] == m.text for m in mentions)
        code = subjects.get(title_from_filename(path.name))
        if code is None or code not in {m.code for m in mentions}:
            missing.append(path.name)
    assert missing == []
