"""Heading levels from pandoc's blank lines: two before a top section, one before a deeper one."""

from __future__ import annotations

from conftest import DATA
from dyad.model import Document
from dyad.read import text

TEXT = DATA / "text"


def _read(name: str) -> Document:
    path = TEXT / name
    return text.read(path.read_text(encoding="utf-8"), source=str(path))


def _outline(doc: Document) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in doc.sections]


def test_text_two_blank_lines_make_a_top_section() -> None:
    doc = _read("Albania–Brazil_relations.md")
    assert _outline(doc) == [
        (1, "History"),
        (1, "Cooperation"),
        (1, "High level visits"),
        (1, "See also"),
        (1, "External links"),
        (1, "References"),
    ]


def test_text_one_blank_line_before_a_short_line_makes_a_subsection() -> None:
    doc = _read("Iran–Qatar_relations.md")
    outline = _outline(doc)
    assert outline[:3] == [(1, "Bilateral relations"), (2, "Cooperation"), (2, "Tensions")]
    assert (2, "1980s: Iraqi Invasion of Iran") in outline
    assert (1, "Country comparison") in outline
    # A one-line paragraph that ends a sentence is not a heading.
    assert all(not title.endswith(".") for _, title in outline)


def test_text_sections_hold_their_paragraphs() -> None:
    doc = _read("Iran–Qatar_relations.md")
    at = doc.text.index("On 11 January 2009, representatives")
    assert [s.title for s in doc.section_path(at)] == ["Bilateral relations", "Cooperation"]
    for section in doc.sections:
        assert doc.text[section.start : section.title_end] == section.title
        assert section.title_end <= section.end


def test_text_country_subsections_of_foreign_relations() -> None:
    doc = _read("Foreign_relations_of_North_Korea.md")
    outline = _outline(doc)
    top = [title for level, title in outline if level == 1]
    assert top[:5] == [
        "Principles and practice",
        "History",
        "Inter-Korean relations",
        "Nuclear weapons program",
        "Bilateral relations",
    ]
    assert (2, "Mongolia") in outline
    assert (2, "Africa") in outline
    mongolia = next(s for s in doc.sections if s.title == "Mongolia")
    parent = doc.section_path(mongolia.start)
    assert [s.title for s in parent] == ["Bilateral relations", "Mongolia"]


def test_text_no_subsection_in_the_lead_or_from_sentences() -> None:
    source = "\n".join(
        [
            "SOME–THING RELATIONS are old.",
            "",
            "Short lead line",
            "",
            "",
            "History",
            "",
            "A sentence that ends here.",
            "",
            "Later years",
            "",
            "More text.",
        ]
    )
    doc = text.read(source, source="Some–Thing_relations.md")
    assert _outline(doc) == [(1, "History"), (2, "Later years")]
    assert "Short lead line" in doc.text
