"""Real pages read clean: no markup residue, every span slices back to its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA
from dyad.model import Document
from dyad.read.source import title_from_filename
from dyad.read.wikitext import read
from reader_checks import check_spans

PAGES = sorted((DATA / "wikitext").glob("*.wiki"))
RESIDUE = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref|</ref|\{\||\|\}|<!--|''|__[A-Z]+__|\[https?:")


def _read(path: Path) -> Document:
    return read(
        path.read_text(encoding="utf-8"), source=str(path), title=title_from_filename(path.name)
    )


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def page(request: pytest.FixtureRequest) -> Document:
    return _read(request.param)


def test_wikitext_no_markup_residue(page: Document) -> None:
    found = [page.text[max(0, m.start() - 40) : m.end() + 40] for m in RESIDUE.finditer(page.text)]
    assert found == []
    for anchor in page.anchors:
        assert not RESIDUE.search(anchor.text) and not RESIDUE.search(anchor.target)
    assert not any(RESIDUE.search(s.title) for s in page.sections)


def test_wikitext_every_span_slices_back(page: Document) -> None:
    check_spans(page)
    for mark in page.dates:
        assert page.text[mark.start : mark.end] and mark.value[:1] in "-0123456789"
    for section in page.sections:
        assert page.text[section.start : section.title_end] == section.title


def test_wikitext_pages_have_structure(page: Document) -> None:
    assert len(page.sections) >= 5
    assert len(page.anchors) >= 100
    assert page.categories
    assert any(b.kind == "table" for b in page.blocks)
