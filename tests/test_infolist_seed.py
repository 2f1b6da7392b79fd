"""The founding example must come apart perfectly (docs/spec/scoring.md, document and glosses)."""

from __future__ import annotations

import json

import pytest

from conftest import DATA, SEED
from dyad.evaluate import score_document, score_glosses
from dyad.read import read_file
from dyad.records import distinct_glosses, document_record, gloss_record

GOLD = json.loads((DATA / "gold" / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return read_file(SEED)


def test_infolist_seed_is_detected_and_titled(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.format == "infolist"
    assert seed.title == "Mongolia–North Korea relations"
    assert seed.names == GOLD["document"]["names"]


def test_infolist_seed_document_matches_gold(seed) -> None:  # type: ignore[no-untyped-def]
    from dyad.extract.dyad import dyad_from_title

    record = document_record(seed, dyad=dyad_from_title(seed.title))
    result = score_document(GOLD["document"], record)
    assert result["paragraphs"]["missing"] == []
    assert result["list_items"]["missing"] == []
    assert result["sections"], record["sections"]
    assert result["see_also"] and result["external_links"] and result["title"]
    assert result["chrome_removed"] and result["no_template_residue"]
    assert result["dyad"]
    assert result["all_exact"]


def test_infolist_seed_glosses_match_gold(seed) -> None:  # type: ignore[no-untyped-def]
    records = [gloss_record(seed, g) for g in distinct_glosses(seed)]
    result = score_glosses(GOLD["glosses"], records)
    assert result["wrong"] == []
    assert result["correct"] == len(GOLD["glosses"]) == 24


def test_infolist_seed_spans_slice_back(seed) -> None:  # type: ignore[no-untyped-def]
    text = seed.text
    for anchor in seed.anchors:
        assert text[anchor.start : anchor.end] == anchor.text
    for gloss in seed.glosses:
        if gloss.start is not None:
            assert text[gloss.start : gloss.end] == gloss.anchor
    for section in seed.sections:
        assert text[section.start : section.title_end] == section.title


def test_infolist_seed_categories_and_residue(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.categories == ("Bilateral relations of North Korea",)
    assert "DEFAULTSORT" not in seed.text
    detached = [g for g in seed.glosses if g.start is None]
    assert [g.anchor for g in detached] == ["Korea, North"]
