"""The whole pandoc plain-text corpus in ../shared: every article reads, with sensible sections."""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.model import Document
from dyad.read import read_text

pytestmark = pytest.mark.slow


def _two_blank_headings(source: str) -> int:
    """Lone lines after two blank lines: pandoc's top-level headings."""
    return len(re.findall(r"(?<=\n\n\n)[^\n]+(?=\n)", source.replace("\r\n", "\n")))


def _corpus(shared: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((shared / "corpus" / "bilateral-text").glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")
    with tarfile.open(shared / "corpus" / "foreign-relations-text-2019.tar.gz") as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is not None and member.name.endswith(".md"):
                yield Path(member.name).name, handle.read().decode("utf-8")


def _check(name: str, source: str, doc: Document) -> None:
    assert doc.sections, name
    levels = {s.level for s in doc.sections}
    assert levels <= {1, 2}, name
    assert sum(1 for s in doc.sections if s.level == 1) == _two_blank_headings(source), name
    for section in doc.sections:
        assert doc.text[section.start : section.title_end] == section.title
        assert 0 < len(section.title) <= 150 and not section.title.endswith("."), name
    assert not re.search(r"\[\d+\]", doc.text), name
    # Category lines are residue; a "See also" item may still name a category page.
    assert not any("Category:" in doc.text[p.start : p.end] for p in doc.paragraphs()), name


def test_text_reads_the_whole_corpus(shared: Path) -> None:
    counts = {"bilateral": 0, "foreign": 0}
    titles = set()
    for name, source in _corpus(shared):
        doc = read_text(source, format="text", source=name)
        _check(name, source, doc)
        titles.add(doc.title)
        counts["foreign" if name.startswith("Foreign_relations_of") else "bilateral"] += 1
    assert counts == {"bilateral": 29, "foreign": 135}
    assert "Foreign relations of North Korea" in titles
    assert "Iran–Qatar relations" in titles
