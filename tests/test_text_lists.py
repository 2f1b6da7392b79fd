"""Bulleted and numbered lists, their continuation lines, and the lead lines that name them."""

from __future__ import annotations

from conftest import DATA
from dyad.model import Document, ListBlock
from dyad.read import text

TEXT = DATA / "text"


def _read(name: str) -> Document:
    path = TEXT / name
    return text.read(path.read_text(encoding="utf-8"), source=str(path))


def test_text_upper_case_lead_line_names_the_list() -> None:
    doc = _read("Estonia–Mexico_relations.md")
    lists = doc.lists
    visits = lists["HIGH-LEVEL VISITS FROM ESTONIA TO MEXICO"]
    assert "Prime Minister Juhan Parts (2004)" in visits
    assert visits == [
        "Prime Minister Juhan Parts (2004)",
        "Foreign Minister Urmas Paet (2012)",
        "Foreign Undersecretary Väino Reinart (2015)",
    ]
    assert lists["FOREIGN MINISTERIAL VISITS FROM MEXICO TO ESTONIA"][0] == (
        "Foreign Undersecretary Lourdes Aranda Bezaury (2005)"
    )
    # The lead line is the list's title, not running text.
    assert "HIGH-LEVEL VISITS" not in doc.text


def test_text_list_items_slice_back() -> None:
    doc = _read("Estonia–Mexico_relations.md")
    for block in doc.blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                line = doc.text[item.start : item.end]
                assert line and line == line.strip() and "\n" not in line
                assert not line.startswith("-")


def test_text_untitled_list_takes_its_section_title() -> None:
    doc = _read("Estonia–Mexico_relations.md")
    missions = doc.lists["Diplomatic missions"]
    assert missions[1] == (
        "Mexico is accredited to Estonia from its embassy in Helsinki, Finland and maintains "
        "an honorary consulate in Tallinn."
    )


def test_text_loose_numbered_list_is_one_list() -> None:
    doc = _read("Foreign_relations_of_the_Marshall_Islands.md")
    # "List of countries with diplomatic relations with the Marshall Islands:[2][3]" leads
    # "1.  – 21 October 1986", a blank line, "2.  – 26 February 1987", ... (the flags are gone).
    items = doc.lists["List of countries with diplomatic relations with the Marshall Islands"]
    assert len(items) > 90
    assert items[:2] == ["– 21 October 1986", "– 26 February 1987"]


def test_text_continuation_and_nested_items() -> None:
    source = "\n".join(
        [
            "Intro:",
            "",
            "-   First item that pandoc",
            "    wrapped onto a second line.[4]",
            "-   Second item",
            "    -   Nested item",
            "-   Third _item_",
        ]
    )
    doc = text.read(source, source="t.md", title="T")
    assert doc.lists == {
        "Intro": [
            "First item that pandoc wrapped onto a second line.",
            "Second item",
            "Nested item",
            "Third item",
        ]
    }
    assert doc.text.startswith("Intro:\n\n")


def test_text_see_also_items() -> None:
    doc = _read("Albania–Brazil_relations.md")
    assert doc.see_also == ("Foreign relations of Albania", "Foreign relations of Brazil")
    assert doc.lists["See also"] == list(doc.see_also)
