"""Every title of the shared corpus resolves: from the copied lists, and from the corpus itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.extract.dyad import dyad_from_title, subject_of_title
from dyad.read.source import title_from_filename

LISTS = Path(__file__).resolve().parent / "data" / "states"


def _rows(name: str) -> list[list[str]]:
    lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_dyad_corpus_foreign_relations_titles_resolve() -> None:
    rows = _rows("foreign-relations-titles.tsv")
    assert len(rows) == 205
    # "Foreign relations of Korea" is a disambiguation page; bare Korea is taken to be KOR.
    assert [(title, subject_of_title(title)) for title, _ in rows] == [tuple(r) for r in rows]


def test_dyad_corpus_bilateral_titles_resolve() -> None:
    rows = _rows("bilateral-titles.tsv")
    assert len(rows) == 29
    assert [(t, dyad_from_title(t)) for t, _, _ in rows] == [(t, (a, b)) for t, a, b in rows]


@pytest.mark.slow
def test_dyad_corpus_lists_match_the_shared_corpus(shared: Path) -> None:
    corpus = shared / "corpus"
    subjects = {
        title_from_filename(p.name): subject_of_title(title_from_filename(p.name))
        for p in (corpus / "foreign-relations-wikitext").glob("*.wiki")
    }
    assert len(subjects) == 205
    assert None not in subjects.values()
    assert subjects == {title: code for title, code in _rows("foreign-relations-titles.tsv")}
    dyads = {
        title_from_filename(p.name): dyad_from_title(title_from_filename(p.name))
        for p in (corpus / "bilateral-text").glob("*.md")
    }
    assert dyads == {title: (a, b) for title, a, b in _rows("bilateral-titles.tsv")}


_CAPS_TITLE = re.compile(r"(?<![\w.])[A-ZÀ-Þ][A-ZÀ-Þ ,'’.&–—-]*? RELATIONS")


@pytest.mark.slow
def test_dyad_corpus_pandoc_openings_name_the_dyad(shared: Path) -> None:
    """The upper-cased words that open most pandoc articles: "IRAN–QATAR RELATIONS refer to"."""
    expected = {title: (a, b) for title, a, b in _rows("bilateral-titles.tsv")}
    found = {}
    for path in (shared / "corpus" / "bilateral-text").glob("*.md"):
        opening = _CAPS_TITLE.search(path.read_text(encoding="utf-8")[:400])
        if opening is not None:
            found[title_from_filename(path.name)] = dyad_from_title(opening.group())
    # Some articles open with image residue or plain prose instead ("Ecuador and the United
    # States maintained close ties"); every upper-cased opening found must resolve.
    assert len(found) >= 25
    assert {t: found[t] for t in found} == {t: expected[t] for t in found}
