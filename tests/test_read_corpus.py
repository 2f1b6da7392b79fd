"""Every article in ../shared/corpus reads, with its format detected from its content."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from conftest import WIKITEXT_CORPUS
from dyad.extract.pipeline import Extraction
from dyad.model import Document
from dyad.read import iter_documents, read_file
from reader_checks import check_spans

EXPECTED = {
    "foreign-relations-wikitext": ("*.wiki", "wikitext"),
    "bilateral-text": ("*.md", "text"),
    "bilateral-markdown": ("*.md", "markdown"),
}


def _sensible(path: Path, format: str, doc: Document | None = None) -> None:
    doc = doc or read_file(path)
    assert doc.format == format, path.name
    assert doc.title and doc.title != "Untitled", path.name
    assert "{{" not in doc.text and "[[" not in doc.text, path.name
    if len(doc.text) > 5000:
        assert doc.sections, path.name
    if format in {"wikitext", "markdown"}:
        assert doc.anchors, path.name
    check_spans(doc)


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(set(EXPECTED) - {WIKITEXT_CORPUS}))
def test_read_corpus_folder(shared: Path, folder: str) -> None:
    pattern, format = EXPECTED[folder]
    files = sorted((shared / "corpus" / folder).glob(pattern))
    assert files
    for path in files:
        _sensible(path, format)


@pytest.mark.slow
def test_read_corpus_folder_of_wikitext(corpus_extractions: dict[Path, Extraction]) -> None:
    # The pages as read for the run's corpus extractions (conftest), not read again.
    assert corpus_extractions
    for path, extraction in corpus_extractions.items():
        _sensible(path, "wikitext", extraction.document)


@pytest.mark.slow
def test_read_corpus_text_tarball(shared: Path, tmp_path: Path) -> None:
    with tarfile.open(shared / "corpus" / "foreign-relations-text-2019.tar.gz") as tar:
        tar.extractall(tmp_path, filter="data")
    files = sorted(tmp_path.rglob("*.md"))
    assert len(files) == 135
    for path in files:
        _sensible(path, "text")


@pytest.mark.slow
def test_read_corpus_dumps(shared: Path) -> None:
    dumps = [
        p
        for p in (shared / "corpus" / "dumps").rglob("*")
        if p.is_file() and p.name.endswith((".xml", ".xml.bz2")) and "index" not in p.name
    ]
    assert dumps
    for path in dumps:
        documents = list(iter_documents(path))
        assert documents, path.name
        for doc in documents:
            assert doc.format == "wikitext"
            check_spans(doc)
