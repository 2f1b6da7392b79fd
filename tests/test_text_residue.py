"""What pandoc left that is not prose: markers, notes, categories, captions, templates."""

from __future__ import annotations

import re

import pytest

from conftest import DATA
from dyad.model import Document, ExternalLink
from dyad.read import text
from dyad.read.text_residue import category_names, clean_inline

TEXT = DATA / "text"
ALL = sorted(p.name for p in TEXT.glob("*.md"))


def _read(name: str) -> Document:
    path = TEXT / name
    return text.read(path.read_text(encoding="utf-8"), source=str(path))


@pytest.mark.parametrize("name", ALL)
def test_text_no_markup_residue(name: str) -> None:
    doc = _read(name)
    assert not re.search(r"\[\d+\]", doc.text)
    for residue in ("]]", "[[", "{{", "}}", "Category:", ".jpg", ".svg", "ImageSize", "PlotData"):
        assert residue not in doc.text, residue
    assert not re.search(r"(?<!\w)_\w|\w_(?!\w)", doc.text)  # italics markers, file names


def test_text_category_line_goes_to_categories() -> None:
    doc = _read("Iran–Qatar_relations.md")
    assert doc.categories == (
        "Bilateral relations of Qatar",
        "Relations of colonizer and former colony",
    )
    assert "qatar Category" not in doc.text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Albania–Brazil_relations Brazil Category:Bilateral relations of Brazil",
         ["Bilateral relations of Brazil"]),
        ("Category:Government of Greenland Greenland Foreign_relations_of_Greenland",
         ["Government of Greenland"]),
        ("Ecuador–United_States_relations Category:Bilateral relations of the United States "
         "United States", ["Bilateral relations of the United States"]),
        ("Foreign_relations_of_Tajikistan Tajikistan", []),
        ("Both countries joined the Category:Test club.", None),
        ("An ordinary line", None),
    ],
)  # fmt: skip
def test_text_category_names(line: str, names: list[str] | None) -> None:
    parties = ("Ecuador", "United States", "Greenland")
    assert category_names(line, parties) == names


def test_text_reference_list_becomes_references() -> None:
    doc = _read("Albania–Brazil_relations.md")
    url = "http://www.itamaraty.gov.br/en/ficha-pais/5941-republic-of-albania"
    assert ExternalLink(title=url, url=url) in doc.references
    assert ExternalLink(title=url, url=url) not in doc.external_links
    assert "itamaraty" not in doc.text
    # The "External links" list is kept in the text and among the links.
    assert ExternalLink(title="Brazilian Embassy in Tirana") in doc.external_links
    assert doc.lists["External links"] == [
        "Albanian Embassy in Brasília",
        "Brazilian Embassy in Tirana",
    ]


def test_text_image_caption_tails_are_dropped() -> None:
    doc = _read("Estonia–Mexico_relations.md")
    history = next(p for p in doc.paragraphs() if "28 January 1937" in doc.text[p.start : p.end])
    assert doc.text[history.start : history.end].startswith(
        "Estonia and Mexico established diplomatic relations on 28 January 1937 in New York City."
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("South_Pars.gif The world's largest gas field.", "The world's largest gas field."),
        ("Since 1991 it grew. and Bush, in Estonia 2006.]] The two", "Since 1991 it grew. The two"),
        ("with Putin. India and Russia enjoy ties.]] India and Singapore", "India and Singapore"),
        ("Visited Camp Bastion.{{cite web |url= http://jp.dk/x |title=y", "Visited Camp Bastion."),
        ("Both share {{Convert|679|km border", "Both share border"),
        ("a _Friendship Agreement_ took effect.[1][2]", "a Friendship Agreement took effect."),
        ("An article in __The Telegraph__ read", "An article in The Telegraph read"),
        ("Foreign_relations_of_X stays", "Foreign_relations_of_X stays"),
    ],
)  # fmt: skip
def test_text_clean_inline(raw: str, clean: str) -> None:
    assert " ".join(clean_inline(raw).split()) == clean


def test_text_timeline_source_is_dropped() -> None:
    doc = _read("Canada–United_States_relations.md")
    assert "from: 04/11/2015" not in doc.text
    assert "bar:ca" not in doc.text
    assert "Colonial wars" in [s.title for s in doc.sections]
