"""The title: given by the caller, else the file name, else the upper-cased opening words."""

from __future__ import annotations

from conftest import DATA
from dyad.read import read_file, text

TEXT = DATA / "text"


def test_text_title_from_the_caller_restores_the_opening() -> None:
    source = (TEXT / "Iran–Qatar_relations.md").read_text(encoding="utf-8")
    doc = text.read(source, source="<memory>", title="Iran–Qatar relations")
    assert doc.title == "Iran–Qatar relations"
    assert doc.text.startswith("Iran–Qatar relations refer to the bilateral relations between")
    assert "IRAN–QATAR" not in doc.text


def test_text_title_from_the_file_name() -> None:
    doc = read_file(TEXT / "Albania–Brazil_relations.md")
    assert doc.format == "text"
    assert doc.title == "Albania–Brazil relations"
    # The opening is upper-cased with an em dash; it still matches, and takes the title's case.
    assert doc.text.startswith("Albania–Brazil relations refer to the bilateral relations")


def test_text_title_from_the_opening_without_a_file_name() -> None:
    source = (TEXT / "Estonia–Mexico_relations.md").read_text(encoding="utf-8")
    doc = text.read(source, source="<stdin>")
    assert doc.title == "Estonia–Mexico relations"
    assert doc.text.startswith("Estonia–Mexico relations refers to the diplomatic relations")


def test_text_title_opening_after_the_article() -> None:
    doc = text.read(
        "The FOREIGN RELATIONS OF ROMANIA are conducted by the Ministry.", source="<stdin>"
    )
    assert doc.title == "Foreign relations of Romania"
    assert doc.text == "The Foreign relations of Romania are conducted by the Ministry."


def test_text_opening_that_is_not_the_title_is_left_alone() -> None:
    doc = text.read(
        "Since 1961, Kuwait maintained strong INTERNATIONAL RELATIONS with most countries.",
        source="Foreign_relations_of_Kuwait.md",
    )
    assert doc.title == "Foreign relations of Kuwait"
    assert "strong INTERNATIONAL RELATIONS with" in doc.text


def test_text_opening_after_a_caption_residue() -> None:
    doc = read_file(TEXT / "Canada–United_States_relations.md")
    assert doc.title == "Canada–United States relations"
    first = next(doc.paragraphs())
    assert doc.text[first.start : first.end].startswith("Canada–United States relations refers")
