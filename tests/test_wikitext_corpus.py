"""The 205 "Foreign relations of X" wikitext pages in ../shared: every page reads, sensibly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.extract.pipeline import Extraction
from dyad.model import Table
from dyad.read import read_file
from reader_checks import check_spans

pytestmark = pytest.mark.slow

RESIDUE = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref|\{\||<!--")


def test_wikitext_reads_the_whole_corpus(corpus_extractions: dict[Path, Extraction]) -> None:
    # Each page as the wikitext reader read it for the run's corpus extractions (conftest); a
    # page the reader refused would have failed that fixture with its ReadError.
    assert len(corpus_extractions) == 205
    totals = {"tables": 0, "anchors": 0, "dates": 0, "see_also": 0, "external_links": 0}
    for path, extraction in corpus_extractions.items():
        doc = extraction.document
        assert doc.format == "wikitext", path.name
        check_spans(doc)
        assert doc.title.startswith("Foreign relations of"), path.name
        assert not RESIDUE.search(doc.text), path.name
        if path.name == "Foreign_relations_of_Korea.wiki":  # a disambiguation page
            assert len(doc.anchors) == 3
            continue
        assert doc.categories, path.name
        assert doc.sections and all(0 < len(s.title) < 200 for s in doc.sections), path.name
        assert len(doc.anchors) >= 20, path.name
        totals["tables"] += sum(1 for b in doc.blocks if isinstance(b, Table))
        totals["anchors"] += len(doc.anchors)
        totals["dates"] += len(doc.dates)
        totals["see_also"] += len(doc.see_also)
        totals["external_links"] += len(doc.external_links)
    # What the reader found on 2025-11 pages; a sharp drop means a regression.
    assert totals["tables"] > 900
    assert totals["anchors"] > 100_000
    assert totals["dates"] > 30_000
    assert totals["see_also"] > 800
    assert totals["external_links"] > 300


def test_wikitext_mongolia_and_north_korea_agree_on_1948(shared: Path) -> None:
    corpus = shared / "corpus" / "foreign-relations-wikitext"
    for page, partner in (("Mongolia", "North Korea"), ("North_Korea", "Mongolia")):
        doc = read_file(corpus / f"Foreign_relations_of_{page}.wiki", format="wikitext")
        rows = [
            [doc.text[c.start : c.end] for c in row.cells]
            for block in doc.blocks
            if isinstance(block, Table)
            for row in block.rows
        ]
        assert any(r[1:] == [partner, "15 October 1948"] for r in rows if len(r) == 3), page
        assert any(d.value == "1948-10-15" for d in doc.dates), page
