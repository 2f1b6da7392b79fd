"""TheInfoList scrapes as they really come: residue previews, short previews, hatnotes.

"Foreign relations of X" pages made by ``tests/scrape_maker.py`` from the corpus's
wikitext and the 2019 abstracts (``tests/data/scrapes/NOTICE``), each with its gold. A third
of their previews are infobox, template or image-caption residue, some without the `` ...``
of a cut preview. The reader must separate each link line into the right anchor and preview,
rebuild every paragraph exactly, keep residue out of the text, and flag residue previews.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA
from dyad.evaluate import score_document, score_glosses
from dyad.model import Document
from dyad.read import read_file
from dyad.records import distinct_glosses, document_record, gloss_record
from scrape_score import RESIDUE, separation

SCRAPES = DATA / "scrapes"
PAGES = sorted(SCRAPES.glob("*.infolist.txt"))
# Where the layout itself loses what the source had, no reader can be exact. The site prints a
# link on a line of its own and trims the text around it, so whether a space stood between a
# link and the text beside it is lost; the reader puts one where the corpus almost always has
# one (the 205 wikitext pages of the corpus: "• [[" 73 times on Brazil's page, "•[[" twice;
# "]] (" 448 times, "]](" before a lowercase word once, Egypt's "OAS(observer)").
AMBIGUOUS = {
    "Foreign_relations_of_Brazil": "no space between '•' and a link is not in the layout",
    "Foreign_relations_of_Egypt": "no space between a link and '(' is not in the layout",
    # "Latin Empire | |Armenian Kingdom of Cilicia |Vatican City}} | ethnicity = Latins": the
    # link is "Latin" (Latin's infobox lists the states that spoke it), but "Latin Empire" is a
    # state's name too, and the text after the link ("for 'Our Sea')") says neither.
    "Foreign_relations_of_Italy": "'Latin | Empire |' reads as well as 'Latin Empire |'",
}


def _pages(test: str) -> list[Any]:
    """The pages as parameters, the ambiguous ones expected to fail (strictly) in ``test``."""
    marked = {
        "paragraphs": AMBIGUOUS,
        "glosses": {k: v for k, v in AMBIGUOUS.items() if "reads as" in v},
    }
    params = []
    for page in PAGES:
        name = page.name.split(".")[0]
        reason = marked[test].get(name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(page, id=name, marks=marks))
    return params


def _gold(page: Path) -> dict[str, Any]:
    name = page.name.removesuffix(".infolist.txt")
    result: dict[str, Any] = json.loads((SCRAPES / f"{name}.gold.json").read_text(encoding="utf-8"))
    return result


@cache
def _read(page: Path) -> Document:
    return read_file(page)


def test_infolist_scrapes_are_many_and_full_of_residue() -> None:
    golds = [_gold(p) for p in PAGES]
    links = [link for g in golds for link in g["links"]]
    assert len(PAGES) >= 10
    assert sum(1 for _, _, markup in links if markup) >= len(links) // 5
    starts = [s for _, s, _ in links]
    assert any(s.startswith("|") for s in starts)
    assert any(s.startswith("{{") for s in starts)
    assert any(re.match(r"\S+\.(?:jpe?g|png|svg)", s, re.IGNORECASE) for s in starts)
    for g in golds:  # the truth has no residue, so any residue in a reading is the reader's
        assert not any(RESIDUE.search(p) for p in g["document"]["paragraphs"])


def test_infolist_scrapes_paragraphs_exact_nearly_everywhere() -> None:
    exact = total = 0
    for page in PAGES:
        gold = _gold(page)
        result = score_document(gold["document"], document_record(_read(page)))
        exact += result["paragraphs"]["correct"]
        total += len(gold["document"]["paragraphs"])
    assert total - exact <= len(AMBIGUOUS), (exact, total)


def test_infolist_scrapes_previews_are_separated_with_the_right_anchor() -> None:
    right = total = flagged = 0
    for page in PAGES:
        r, t, f = separation(_read(page), _gold(page))
        right, total, flagged = right + r, total + t, flagged + f
    assert right / total >= 0.98, (right, total)
    assert flagged == right, "a residue preview not flagged markup, or a clean one flagged"


@pytest.mark.parametrize("page", _pages("paragraphs"))
def test_infolist_scrapes_paragraphs_are_exact_and_free_of_residue(page: Path) -> None:
    document = _read(page)
    gold = _gold(page)
    result = score_document(gold["document"], document_record(document))
    assert result["paragraphs"]["missing"] == []
    assert result["list_items"]["missing"] == []
    assert result["chrome_removed"] and result["no_template_residue"]
    assert [title for _, title in gold["document"]["sections"]] == [
        s.title for s in document.sections
    ]
    assert RESIDUE.findall(document.text) == []


@pytest.mark.parametrize("page", _pages("glosses"))
def test_infolist_scrapes_glosses_match_gold(page: Path) -> None:
    document = _read(page)
    records = [gloss_record(document, g) for g in distinct_glosses(document)]
    result = score_glosses(_gold(page)["glosses"], records)
    assert result["wrong"] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name.split(".")[0])
def test_infolist_scrapes_hatnotes_start_no_sentence(page: Path) -> None:
    text = _read(page).text
    hatnote = re.compile(r"(?:^|[.!?]\s+)(?:Main articles?:|Further information:|See also:)", re.M)
    assert hatnote.findall(text) == []


@pytest.mark.shared
def test_infolist_scrapes_are_what_the_maker_makes(shared: Path, tmp_path: Path) -> None:
    from scrape_maker import main

    main(["--shared", str(shared / "corpus"), "--out", str(tmp_path)])
    for made in sorted(tmp_path.iterdir()):
        assert made.read_text(encoding="utf-8") == (SCRAPES / made.name).read_text(
            encoding="utf-8"
        ), made.name
