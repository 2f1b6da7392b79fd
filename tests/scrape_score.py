"""How a reading of a built scrape (``tests/scrape_maker.py``) compares with its gold.

Shared by the scrape tests (``tests/test_infolist_scrapes.py``) and the blind measure on pages
never used (``bench/scrape_blind.py``), so both count the same way: each link line split into
the right anchor and preview opening (and flagged markup or not as the gold says), each
paragraph exact, no residue in the text, the section titles in order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dyad.evaluate import normalize, score_document
from dyad.model import Document
from dyad.records import document_record

# What only residue looks like in running text (the articles' own text has none of it).
RESIDUE = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|\s\|\s|\|\w|\w+_\w+\.(?:jpe?g|png|svg|gif)|\b[a-z]+_[a-z_]+ ?=",
    re.IGNORECASE,
)


def separation(document: Document, gold: dict[str, Any]) -> tuple[int, int, int]:
    """Link lines split right (anchor and preview start), of all; and right ones flagged right."""
    right, total, flagged, _ = separation_misses(document, gold)
    return right, total, flagged


def separation_misses(
    document: Document, gold: dict[str, Any]
) -> tuple[int, int, int, list[tuple[str, str]]]:
    """:func:`separation`, with the gold links not found as (anchor, preview opening)."""
    found = Counter((normalize(g.anchor), normalize(g.text)[:30]) for g in document.glosses)
    markup = {
        (normalize(g.anchor), normalize(g.text)[:30]): "markup" in g.flags for g in document.glosses
    }
    right = flagged = 0
    misses = []
    for anchor, starts, is_markup in gold["links"]:
        key = (normalize(anchor), normalize(starts)[:30])
        if found[key] > 0:
            found[key] -= 1
            right += 1
            flagged += markup[key] == is_markup
        else:
            misses.append((anchor, starts))
    return right, len(gold["links"]), flagged, misses


@dataclass
class PageScore:
    """One page's figures against its gold."""

    links_right: int = 0
    links: int = 0
    flagged_right: int = 0
    paragraphs_exact: int = 0
    paragraphs: int = 0
    items_missing: list[str] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    sections_right: bool = True
    link_misses: list[tuple[str, str]] = field(default_factory=list)
    paragraph_misses: list[str] = field(default_factory=list)


def score_page(document: Document, gold: dict[str, Any]) -> PageScore:
    right, total, flagged, misses = separation_misses(document, gold)
    result = score_document(gold["document"], document_record(document))
    titles = [title for _, title in gold["document"]["sections"]]
    return PageScore(
        links_right=right,
        links=total,
        flagged_right=flagged,
        paragraphs_exact=result["paragraphs"]["correct"],
        paragraphs=len(gold["document"]["paragraphs"]),
        items_missing=list(result["list_items"]["missing"]),
        residue=RESIDUE.findall(document.text),
        sections_right=titles == [s.title for s in document.sections],
        link_misses=misses,
        paragraph_misses=list(result["paragraphs"]["missing"]),
    )
