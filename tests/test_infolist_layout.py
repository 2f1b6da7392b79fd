"""What the layout of a TheInfoList scrape decides, on excerpts of the built scrapes.

Each case is a run of lines cut from a page of ``tests/data/scrapes`` (real text and real 2019
previews, ``tests/scrape_maker.py``) and read on its own, behind the site's chrome.
"""

from __future__ import annotations

from conftest import DATA
from dyad.model import Document
from dyad.read import infolist
from dyad.read.previews import split_anchor

SCRAPES = DATA / "scrapes"
CHROME = "Title\n   HOME\n\nTheInfoList\n\n\n\nOR:\n\n"


def _excerpt(page: str, first: str, last: str) -> str:
    """The lines of a built scrape from the one starting with ``first`` to the one with ``last``."""
    lines = (SCRAPES / f"Foreign_relations_of_{page}.infolist.txt").read_text("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(last))
    return "\n".join(lines[start : end + 1]) + "\n"


def _read(page: str, first: str, last: str) -> Document:
    return infolist.read(CHROME + _excerpt(page, first, last), source="<test>")


def test_infolist_layout_a_short_line_before_a_heading_is_a_paragraph() -> None:
    # A section that held only a table keeps the line above the table; the headings after it
    # are still headings ("Americas", "Asia"), and the line is text of its section.
    document = _read("South_Sudan", "Uganda", "Bangladesh")
    assert [s.title for s in document.sections] == ["Uganda", "Americas", "Asia", "Bangladesh"]
    assert document.text.count("No formal diplomatic relations") == 2
    paragraphs = [document.text[p.start : p.end] for p in document.paragraphs()]
    assert "No formal diplomatic relations" in paragraphs


def test_infolist_layout_a_hatnote_before_a_list() -> None:
    # "Main article: ..." then the list on the next line: the items are a list, and the hatnote
    # is not one of them.
    document = _read("Turkey", "International organizations", "* Community of Portuguese")
    items = next(iter(document.lists.values()))
    assert items[:3] == ["ASEAN (Sectoral Dialogue Partner)", "ACD", "ADB"]
    assert "CE" in items
    assert "Main article" not in document.text


def test_infolist_layout_a_line_between_two_lines_of_text_is_a_link() -> None:
    # The site breaks text only at links: "Relations between" / "Ghana Mande" / "and India are
    # ..." is a link to Ghana whose whole 2019 abstract is "Mande".
    document = _read("India", "Relations between", "and India are")
    assert document.text.startswith("Relations between Ghana and India are")
    assert [(g.anchor, g.text) for g in document.glosses] == [("Ghana", "Mande")]


def test_infolist_layout_a_list_marker_is_never_in_an_anchor() -> None:
    # "(SAR of the PRC) * (SAR of the PRC) *": text repeated inside a list (Macau's name was a
    # flag), not a link whose preview repeats its anchor.
    document = _read("Taiwan", "* Bahrain *", "India | leader_title4")
    items = next(iter(document.lists.values()))
    assert items[-3:] == ["Hong Kong (SAR of the PRC)", "(SAR of the PRC)", "India"]
    assert [g.anchor for g in document.glosses] == ["Brunei", "China", "Hong Kong", "India"]


def test_infolist_layout_previews_opening_with_an_italic_title_or_after_a_footnote() -> None:
    # The 2019 abstracts print an italic title between underscores (one abstract in ten opens
    # so); a footnote's mark ends a field's value, never a link's text; a state's name is the
    # anchor before a citation's residue.
    lines = {
        "Nicaragua": "Nicaragua v. United States _THE",
        "Mozambique": "Malawi Chichewa[1] |",
        "Taiwan": "Brazil IBGE ::",
    }
    splits = [split_anchor(_excerpt(page, first, first)) for page, first in lines.items()]
    assert [(s.anchor, s.preview[:12]) for s in splits if s is not None] == [
        ("Nicaragua v. United States", "_THE REPUBLI"),
        ("Malawi", "Chichewa[1] "),
        ("Brazil", "IBGE :: Inst"),
    ]


def test_infolist_layout_see_also_without_its_colon_is_a_hatnote() -> None:
    # An italic "''See also'' [[...]]" in the article prints as "See also X": navigation, and
    # the paragraph after it is text, not a link line.
    document = _read("Bangladesh", "Main article: OIC", "In 1974, then Prime Minister")
    assert document.text.startswith("In 1974, then Prime Minister Sheikh Mujibur Rahman")
    assert not document.glosses


def test_infolist_layout_a_name_the_page_uses_stays_within_a_sentence() -> None:
    # "... with Germany and Austria." then the heading "World War I": the page does not use
    # "Austria World War I", so the link before the residue is "Austria".
    document = infolist.read(
        (SCRAPES / "Foreign_relations_of_Italy.infolist.txt").read_text("utf-8"), source="<test>"
    )
    glosses = {g.anchor: g.text for g in document.glosses}
    assert glosses["Austria"].startswith("World War I |event_start = Austro-Hungarian")
    assert "Austria World War I" not in glosses


def test_infolist_layout_a_preview_opening_with_a_dash() -> None:
    # The Kosovo War's whole 2019 abstract is "- KLA veterans join the UÇPMB, ...": the link
    # is the whole of "Kosovo War", and the sentence reads on through it.
    document = _read("Albania", "The government of Albania was concerned", "in 1999 as well")
    assert "During the Kosovo War in 1999 as well" in document.text
    glosses = [(g.anchor, g.text[:14], g.flags) for g in document.glosses]
    assert glosses == [("Kosovo War", "- KLA veterans", ("mismatch",))]
