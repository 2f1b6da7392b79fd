"""Links become anchors with normalised targets; files, categories, interlanguage links do not."""

from __future__ import annotations

import pytest

from dyad.read.wikitext import normalise_target, read


def _anchors(source: str) -> list[tuple[str, str]]:
    return [(a.text, a.target) for a in read(source, source="t").anchors]


@pytest.mark.parametrize(
    ("source", "anchors"),
    [
        ("[[Kim Il Sung]]", [("Kim Il Sung", "Kim Il Sung")]),
        ("[[north_korea|DPRK]]", [("DPRK", "North korea")]),
        ("[[Soviet Union|Soviet]]-backed", [("Soviet", "Soviet Union")]),
        ("[[Russia]]n", [("Russian", "Russia")]),
        ("[[Sukarno|Sukarno's]] visit", [("Sukarno's", "Sukarno")]),
        ("[[History of Korea#Joseon|Joseon]]", [("Joseon", "History of Korea")]),
        ("[[Georgia (country)|]]", [("Georgia", "Georgia (country)")]),
        (
            "[[:Category:Foreign relations|the category]]",
            [("the category", "Category:Foreign relations")],
        ),
        ("[[Wikipedia:Manual of Style|style]]", [("style", "Wikipedia:Manual of Style")]),
        ("[[Nukuʻalofa|Nuku{{Okina}}alofa]]", [("Nukuʻalofa", "Nukuʻalofa")]),
        ("[[AT&amp;T]]", [("AT&T", "AT&T")]),
        ("[[ United  Nations ]]", [("United Nations", "United Nations")]),
    ],
)
def test_wikitext_links_become_anchors(source: str, anchors: list[tuple[str, str]]) -> None:
    assert _anchors(source) == anchors


def test_wikitext_anchor_text_is_what_shows() -> None:
    doc = read("Relations with [[Russia]]n and [[Soviet Union|Soviet]] leaders.", source="t")
    assert doc.text == "Relations with Russian and Soviet leaders."
    for anchor in doc.anchors:
        assert doc.text[anchor.start : anchor.end] == anchor.text


def test_wikitext_files_are_dropped_with_their_captions() -> None:
    doc = read(
        "[[File:Map.svg|thumb|The [[flag of Mongolia]] and a map]]Text. [[Image:X.png|left]]More.",
        source="t",
    )
    assert doc.text == "Text. More."
    assert doc.anchors == ()


def test_wikitext_categories_are_collected_not_shown() -> None:
    doc = read(
        "Text.\n[[Category:Foreign relations of Mongolia| ]]\n[[Category:Politics_of Mongolia]]",
        source="t",
    )
    assert doc.text == "Text."
    assert doc.categories == ("Foreign relations of Mongolia", "Politics of Mongolia")


def test_wikitext_interlanguage_links_are_dropped_interwiki_show_text() -> None:
    doc = read(
        "A [[fr:Politique étrangère]][[zh-yue:X]] b [[wikt:treaty|treaty]] c [[:fr:X|y]].",
        source="t",
    )
    assert doc.text == "A b treaty c y."
    assert doc.anchors == ()


def test_wikitext_same_page_section_links_are_text() -> None:
    doc = read("See [[#History|below]].", source="t")
    assert doc.text == "See below."
    assert doc.anchors == ()


def test_wikitext_external_links_show_their_title_only() -> None:
    doc = read("Read [http://example.org the report] or [http://example.org] here.", source="t")
    assert doc.text == "Read the report or here."
    assert doc.external_links == ()  # outside "External links" they are not collected


def test_wikitext_refs_comments_and_tags() -> None:
    doc = read(
        "A<ref>{{cite web|title=T}}</ref> b<ref name=x/> c<!-- hidden --> "
        "<small>small</small> <span style='x'>span</span><br>line<br/>"
        "<sup>sup</sup> <nowiki>[[not a link]]</nowiki> <math>x^2</math>end",
        source="t",
    )
    assert doc.text == "A b c small span line sup [[not a link]] end"


def test_wikitext_bold_italic_marks_vanish() -> None:
    doc = read("'''Mongolia''' is ''big'' and '''''very''''' '''Russia''''s neighbour.", source="t")
    assert doc.text == "Mongolia is big and very Russia's neighbour."


def test_wikitext_normalise_target() -> None:
    assert normalise_target("north_korea") == "North korea"
    assert normalise_target("  Kim   Jong-un ") == "Kim Jong-un"
    assert normalise_target("S%C3%A3o Tom%C3%A9") == "São Tomé"
    assert normalise_target("ÉTAT") == "ÉTAT"
