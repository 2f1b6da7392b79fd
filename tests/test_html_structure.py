"""A saved Wikipedia page: the article inside the skin, its sections, tables, infobox, apparatus."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from dyad.model import Document, ExternalLink, Table
from dyad.read import html, read_file

PAGE = ROOT / "tests" / "golden" / "html" / "Mongolia–United_Kingdom_relations.html"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_file(PAGE)


def test_html_title_and_text(doc: Document) -> None:
    assert doc.format == "html"
    assert doc.title == "Mongolia–United Kingdom relations"
    assert doc.text.startswith("Mongolia–United Kingdom relations entail the diplomatic")
    assert "Both countries established diplomatic relations on 23 January 1963." in doc.text


def test_html_chrome_and_apparatus_are_not_text(doc: Document) -> None:
    assert not re.search(r"\[\d+\]", doc.text)
    for chrome in (
        "Jump to content", "Main page", "Search Wikipedia", "Contents", "(Top)", "6 languages",
        "From Wikipedia", "Bilateral relations\n", "[edit", "citation needed", "Main article",
        "Rabban Sawma", "Germany", "Retrieved", "Categories", "Hidden categories",
        "last edited", "Creative Commons", "NewPP", "display:none", "RLCONF", "[", "]",
    ):  # fmt: skip
        assert chrome not in doc.text, chrome


def test_html_sections(doc: Document) -> None:
    assert [(s.level, s.title) for s in doc.sections] == [
        (1, "History"),
        (2, "Visits"),
        (1, "Diplomatic missions"),
        (1, "See also"),
        (1, "References"),
        (1, "External links"),
    ]
    visits = next(s for s in doc.sections if s.title == "Visits")
    assert doc.text[visits.title_end : visits.end].strip().startswith("The Prime Minister")


def test_html_anchors(doc: Document) -> None:
    targets = {a.text: a.target for a in doc.anchors}
    assert targets["tackling climate change"] == "Climate change mitigation"
    assert targets["embassy"] == "Embassy of Mongolia, London"
    assert targets["Enkhsukh Battumur"] == "Enkhsukh Battumur"  # a red link
    assert "Gov.uk" not in targets.values()  # links inside references are not anchors
    for anchor in doc.anchors:
        assert doc.text[anchor.start : anchor.end] == anchor.text


def test_html_infobox_fields(doc: Document) -> None:
    assert dict(doc.infobox) == {
        "Diplomatic mission": "Embassy of Mongolia, London; British Embassy Ulaanbaatar",
        "Envoy": "Ambassador Enkhsukh Battumur; Ambassador Fiona Blyth",
        "Established": "23 January 1963",
    }


def test_html_wikitable(doc: Document) -> None:
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.title == "Ambassadors"
    cells = [[doc.text[c.start : c.end] for c in row.cells] for row in table.rows]
    assert cells == [
        ["Post", "Ambassador", "Since"],
        ["British Ambassador to Mongolia", "Fiona Blyth", "2023"],
        ["Mongolian Ambassador to the United Kingdom", "Enkhsukh Battumur", "2022"],
    ]
    assert [c.header for c in table.rows[0].cells] == [True, True, True]
    assert not any(c.header for c in table.rows[1].cells)


def test_html_appendices(doc: Document) -> None:
    assert doc.see_also == (
        "Foreign relations of Mongolia",
        "Foreign relations of the United Kingdom",
    )
    assert doc.categories == (
        "Mongolia–United Kingdom relations",
        "Bilateral relations of Mongolia",
        "Bilateral relations of the United Kingdom",
    )
    first = doc.references[0]
    assert first == ExternalLink(
        title="UK-Mongolia celebrating fifty years of diplomatic relations",
        url="https://www.gov.uk/government/news/uk-mongolia-celebrating-fifty-years-of-diplomatic-relations",
        author="British Embassy Ulaanbaatar",
        publisher="GOV.UK",
        date="2019-01-25",
    )
    assert (
        ExternalLink(
            title="Embassy of Mongolia in London", url="https://en.embassyofmongolia.co.uk/"
        )
        in doc.external_links
    )
    assert doc.lists["External links"] == [
        "British Embassy Ulaanbaatar",
        "Embassy of Mongolia in London",
    ]


def test_html_fragment_and_body_without_parser_output() -> None:
    page = "<html><head><title>X - Wikipedia</title></head><body><h2>A</h2><p>Hi <b>there</b>"
    doc = html.read(page + "<p>Two &amp; <a href='/wiki/New_York'>NY</a>", source="<test>")
    assert doc.title == "X"
    assert [(s.level, s.title) for s in doc.sections] == [(1, "A")]
    assert doc.text == "A\n\nHi there\n\nTwo & NY"
    assert doc.anchors[0].target == "New York"
    fragment = html.read("<ul><li>one<li>two</ul>", source="dir/Some_page.html")
    assert fragment.title == "Some page"
    assert fragment.lists == {"": ["one", "two"]}


def test_html_legacy_headings_and_parsoid_links() -> None:
    legacy = (
        '<div class="mw-parser-output"><p>Lead.</p><h2><span class="mw-headline" id="History">'
        'History</span><span class="mw-editsection">[<a href="/w/index.php?title=X&amp;'
        'action=edit&amp;section=1">edit</a>]</span></h2><p>Text<sup class="reference">'
        '<a href="#cite_note-1">[1]</a></sup> here.</p></div>'
    )
    doc = html.read(legacy, source="x")
    assert doc.text == "Lead.\n\nHistory\n\nText here."
    parsoid = (
        '<body><section><p>Met <a rel="mw:WikiLink" href="./Kim_Il_Sung">Kim</a>'
        '<sup typeof="mw:Extension/ref" class="mw-ref reference"><a href="./X#cite_note-1">'
        "[1]</a></sup>.</p></section><section><h2 id='Visits'>Visits</h2></section>"
        '<ol class="mw-references references"><li id="cite_note-1"><span class="mw-cite-'
        'backlink"><a href="./X#cite_ref-1">↑</a></span> <cite class="citation">Kim, A. '
        '(2 May 2001). "Visit to Ulaanbaatar". <i>The Times</i>.</cite></li></ol></body>'
    )
    doc = html.read(parsoid, source="x")
    assert doc.text == "Met Kim.\n\nVisits"
    assert doc.anchors[0].target == "Kim Il Sung"
    assert doc.references == (
        ExternalLink(
            title="Visit to Ulaanbaatar", author="Kim, A.", publisher="The Times", date="2001-05-02"
        ),
    )
