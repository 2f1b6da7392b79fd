"""Blocks of rendered Markdown: title, relative heading levels, lists, tables, appendices."""

from __future__ import annotations

import pytest

from conftest import DATA
from dyad.model import Document, ExternalLink, Table
from dyad.read import markdown, read_file

ARTICLE = DATA / "markdown" / "Mongolia–United_Kingdom_relations.md"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_file(ARTICLE)


def test_markdown_title_from_front_matter(doc: Document) -> None:
    assert doc.format == "markdown"
    assert doc.title == "Mongolia–United Kingdom relations"
    assert "source:" not in doc.text and "---" not in doc.text


def test_markdown_title_fallbacks() -> None:
    assert markdown.read("# Page\n\n## A\n\nText.", source="x").title == "Page"
    assert markdown.read("Text.", source="dir/Iran–Qatar_relations.md").title == (
        "Iran–Qatar relations"
    )
    assert markdown.read("Text.", source="x", title="Given").title == "Given"


def test_markdown_sections_are_relative(doc: Document) -> None:
    assert [(s.level, s.title) for s in doc.sections] == [
        (1, "History"),
        (1, "Assistance and relationship"),
        (1, "Diplomatic missions"),
        (1, "See also"),
        (1, "References"),
    ]
    nested = markdown.read("# T\n\n### A\n\nx\n\n#### B\n\ny\n\n### C\n", source="t.md")
    assert [(s.level, s.title) for s in nested.sections] == [(1, "A"), (2, "B"), (1, "C")]


def test_markdown_lists_and_see_also(doc: Document) -> None:
    assert doc.lists["Diplomatic missions"] == [
        "Mongolia maintains an embassy in London.",
        "The United Kingdom is accredited to Mongolia through its embassy in Ulaanbaatar.",
    ]
    assert doc.see_also == (
        "Embassy of Mongolia, London",
        "Foreign relations of Mongolia",
        "Foreign relations of the United Kingdom",
    )


def test_markdown_references_are_parsed_apart_from_external_links(doc: Document) -> None:
    assert len(doc.references) == 17
    assert doc.references[0] == ExternalLink(
        title="UK-Mongolia celebrating fifty years of diplomatic relations",
        url="https://www.gov.uk/government/news/uk-mongolia-celebrating-fifty-years-of-diplomatic-relations",
        author="British Embassy Ulaanbaatar",
        publisher="GOV.UK",
        date="2019-01-25",
    )
    journal = doc.references[8]
    assert (journal.author, journal.date, journal.publisher) == (
        "Sanders, Alan J. K.",
        "1990",
        "Asian Survey",
    )
    references = next(s for s in doc.sections if s.title == "References")
    assert references.end == references.title_end  # the list is not running text
    assert "Retrieved" not in doc.text


def test_markdown_pipe_table_and_nested_list() -> None:
    source = "\n".join(
        [
            "## Visits",
            "",
            "| Guest | Date |",
            "|:------|-----:|",
            "| [Kim](/wiki/Kim_Yong-nam) | July 2007[[3]](#cite_note-3) |",
            "| a \\| b | 2010 |",
            "",
            "* one",
            "  continued",
            "    * nested",
            "1. first",
        ]
    )
    doc = markdown.read(source, source="t.md", title="T")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[doc.text[c.start : c.end] for c in row.cells] for row in table.rows]
    assert cells == [["Guest", "Date"], ["Kim", "July 2007"], ["a | b", "2010"]]
    assert [c.header for c in table.rows[0].cells] == [True, True]
    assert doc.anchors[0].target == "Kim Yong-nam"
    assert doc.lists["Visits"] == ["one continued", "nested", "first"]
