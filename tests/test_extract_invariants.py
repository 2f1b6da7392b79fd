"""Invariants of extraction: exact evidence, valid codes and dates, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, SEED
from dyad.extract.dates import is_valid_edtf
from dyad.extract.pipeline import Extraction, extract
from dyad.gazetteer import default_gazetteer
from dyad.read import read_file, read_text
from dyad.records import dumps, extraction_records
from dyad.vocabulary import EVENT_TYPES

ARTICLES = sorted(
    [
        SEED,
        *(DATA / "wikitext").glob("*.wiki"),
        *(DATA / "text").glob("*.md"),
        *(DATA / "markdown").glob("*.md"),
    ]
)


def check(extraction: Extraction) -> None:
    text = extraction.document.text
    gazetteer = default_gazetteer()
    for event in extraction.events:
        evidence = event.evidence
        assert text[evidence.start : evidence.end] == evidence.text
        assert event.type in EVENT_TYPES
        assert event.date is None or is_valid_edtf(event.date), event.date
        assert list(event.actors) == sorted(set(event.actors))
        for code in (*event.actors, event.source, event.target):
            assert code is None or gazetteer.get(code) is not None, code
        if event.source and event.target:
            assert {event.source, event.target} <= set(event.actors)
        assert 0 <= event.confidence <= 1
    for tenure in extraction.tenures:
        assert text[tenure.evidence.start : tenure.evidence.end] == tenure.evidence.text
        for value in (tenure.start, tenure.end):
            assert value is None or is_valid_edtf(value)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_extract_invariants_on_project_articles(path: Path) -> None:
    check(extract(read_file(path)))


@pytest.mark.slow
def test_extract_invariants_on_the_whole_corpus(
    shared: Path, corpus_extractions: dict[Path, Extraction]
) -> None:
    # The wikitext pages' extractions are shared with the relations tables' corpus test.
    corpus = shared / "corpus"
    files = [
        *(corpus / "bilateral-text").glob("*.md"),
        *(corpus / "bilateral-markdown").glob("*.md"),
    ]
    assert len(corpus_extractions) + len(files) > 230
    for extraction in corpus_extractions.values():
        check(extraction)
    for path in files:
        check(extract(read_file(path)))


def _jsonl(path: Path) -> str:
    return "\n".join(dumps(r) for r in extraction_records(extract(read_file(path))))


def test_extract_is_deterministic_across_processes() -> None:
    # Same input, same bytes: also in a fresh interpreter with another hash seed.
    path = DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki"
    here = _jsonl(path)
    assert here == _jsonl(path)
    env = dict(os.environ, PYTHONHASHSEED="12345")
    other = subprocess.run(
        [sys.executable, "-m", "dyad.cli", "extract", "--jsonl", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout
    assert other.rstrip("\n") == here
    assert all(json.loads(line)["kind"] for line in other.splitlines())


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ.,;()–-0123456789\n\t")), max_size=400))
def test_extract_never_crashes_on_odd_text(noise: str) -> None:
    # Real sentences with noise around them: whatever is extracted keeps its invariants.
    seed_text = SEED.read_text(encoding="utf-8")
    middle = len(seed_text) // 2
    doc = read_text(
        seed_text[:middle] + noise + seed_text[middle:], format="infolist", source="<test>"
    )
    check(extract(doc))


def test_extract_prefilter_never_hides_a_match() -> None:
    # Patterns are only tried where one of their required words occurs: check that on every
    # tagged sentence of the project's articles, any pattern that matches has such a word,
    # and a word of each of its mandatory parts.
    from dyad.extract import pipeline
    from dyad.extract.learned import dating  # where the pipeline tags its sentences
    from dyad.extract.plan import required_parts, required_words
    from dyad.extract.rules import builtin_rules

    seen: list[tuple[str, str]] = []
    original = dating.tag_sentence

    def spy(text: str, start: int, end: int, **kwargs: object) -> object:
        tagged = original(text, start, end, **kwargs)  # type: ignore[arg-type]
        seen.append((text[start:end].casefold(), tagged.string.casefold()))
        return tagged

    from dyad.extract.events import EventEngine

    could_match = EventEngine.could_match
    dating.tag_sentence = spy  # type: ignore[assignment]
    EventEngine.could_match = lambda self, sentence: True  # type: ignore[method-assign]
    try:
        for path in ARTICLES:
            pipeline.extract(read_file(path))
    finally:
        dating.tag_sentence = original
        EventEngine.could_match = could_match  # type: ignore[method-assign]
    patterns = [p for rule in builtin_rules() for p in rule.patterns]
    checked = 0
    for raw, tagged in seen:
        for pattern in patterns:
            if pattern.search(tagged):
                words = required_words(pattern.pattern)
                assert not words or any(w in tagged and w in raw for w in words), pattern.pattern
                # ... and a word of each of its other mandatory parts (plan.required_parts).
                for part in required_parts(pattern.pattern):
                    assert any(w in tagged for w in part), (pattern.pattern, part)
                checked += 1
    assert checked > 100
