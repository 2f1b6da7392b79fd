"""Wikitables become table blocks: rows, cells (headers flagged), cell text with its anchors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from dyad.model import Document, Table
from dyad.read.source import title_from_filename
from dyad.read.wikitext import read

PAGES = DATA / "wikitext"


def _page(name: str) -> Document:
    path = PAGES / f"{name}.wiki"
    return read(
        path.read_text(encoding="utf-8"), source=str(path), title=title_from_filename(path.name)
    )


@pytest.fixture(scope="module")
def mongolia() -> Document:
    return _page("Foreign_relations_of_Mongolia")


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _rows(doc: Document, table: Table) -> list[list[str]]:
    return [[doc.text[c.start : c.end] for c in row.cells] for row in table.rows]


def _lines(doc: Document, table: Table) -> list[str]:
    return doc.text[table.start : table.end].split("\n")


def test_wikitext_diplomatic_relations_row_has_country_and_dated_date(mongolia: Document) -> None:
    table = _tables(mongolia)[0]
    assert _lines(mongolia, table)[:3] == [
        "#\tCountry\tDate",
        "1\tRussia\t5 November 1921",
        "2\tNorth Korea\t15 October 1948",
    ]
    row = next(
        r for r in table.rows if mongolia.text[r.cells[1].start : r.cells[1].end] == "North Korea"
    )
    date_cell = row.cells[2]
    marks = [d for d in mongolia.dates if d.start == date_cell.start and d.end == date_cell.end]
    assert [(mongolia.text[d.start : d.end], d.value) for d in marks] == [
        ("15 October 1948", "1948-10-15")
    ]
    country = row.cells[1]
    assert [(a.text, a.target) for a in mongolia.anchors if a.start == country.start] == [
        ("North Korea", "North Korea")
    ]


def test_wikitext_header_cells_are_flagged_and_image_rows_vanish(mongolia: Document) -> None:
    table = _tables(mongolia)[0]
    header = table.rows[0]
    assert [c.header for c in header.cells] == [True, True, True]
    assert not any(c.header for c in table.rows[1].cells)
    # The first wiki row holds only a [[File:]] map: an empty row, dropped.
    assert _rows(mongolia, table)[0] == ["#", "Country", "Date"]


def test_wikitext_diplomatic_table_lists_every_partner(mongolia: Document) -> None:
    rows = _rows(mongolia, _tables(mongolia)[0])
    countries = [r[1] for r in rows[1:]]
    assert len(countries) > 190
    assert {"Russia", "North Korea", "South Korea", "United States", "State of Palestine"} <= set(
        countries
    )
    assert all(len(r) == 3 for r in rows)


def test_wikitext_prose_cells_keep_hatnote_links_and_long_text(mongolia: Document) -> None:
    east_asia = next(
        t for t in _tables(mongolia) if any(r[0] == "Japan" for r in _rows(mongolia, t))
    )
    japan = next(
        r for r in east_asia.rows if mongolia.text[r.cells[0].start : r.cells[0].end] == "Japan"
    )
    notes = japan.cells[2]
    text = mongolia.text[notes.start : notes.end]
    # The hatnote ends with a full stop so that it does not run into the cell's first sentence.
    # The hatnote is a line of its own in the cell: it must not run into the first sentence.
    assert text.startswith("Main article: Japan–Mongolia relations.\nJapan has been a major ally")
    assert "Toshiki Kaifu visited Mongolia" in text
    assert len(text) > 1000
    inside = [(a.text, a.target) for a in mongolia.anchors if notes.start <= a.start < notes.end]
    assert ("Japan–Mongolia relations", "Japan–Mongolia relations") in inside
    assert ("Toshiki Kaifu", "Toshiki Kaifu") in inside


def test_wikitext_cell_attributes_are_not_text(mongolia: Document) -> None:
    assert "style=" not in mongolia.text
    assert "valign" not in mongolia.text
    assert "colspan" not in mongolia.text


def test_wikitext_captions_title_tables() -> None:
    doc = read(
        '{| class="wikitable"\n|+ style="x"|Results of [[Some poll]]\n!A!!B\n|-\n|1||2\n|}',
        source="t",
    )
    (table,) = _tables(doc)
    assert table.title == "Results of Some poll"
    assert _rows(doc, table) == [["A", "B"], ["1", "2"]]


def test_wikitext_nested_tables_flatten_into_their_cell() -> None:
    doc = read("{|\n|outer\n{|\n|in1||in2\n|-\n|in3\n|}\n|last\n|}", source="t")
    (table,) = _tables(doc)
    assert _rows(doc, table) == [["outer\nin1\nin2\nin3", "last"]]


def test_wikitext_lists_and_paragraphs_inside_cells_stay_in_the_cell() -> None:
    doc = read("{|\n|a\n* one\n* two\n\npara {{pb}} after\n|}\nAfter.", source="t")
    (table,) = _tables(doc)
    # Paragraphs inside a cell are lines of the cell; list items stay inline.
    assert _rows(doc, table) == [["a one two para\nafter"]]
    assert doc.text.endswith("\n\nAfter.")


def test_wikitext_taiwan_tables_read_with_captions_and_row_headers() -> None:
    doc = _page("Foreign_relations_of_Taiwan")
    tables = _tables(doc)
    first = tables[0]
    assert (
        first.title == "States with full diplomatic relations with the Republic of China (Taiwan)"
    )
    rows = _rows(doc, first)
    assert rows[0] == ["State", "UN region", "UN subregion", "Relations established"]
    assert ["Belize", "Americas", "Central America", "1989–present"] in rows
    belize = next(r for r in first.rows if doc.text[r.cells[0].start : r.cells[0].end] == "Belize")
    assert [d.value for d in doc.dates if d.start == belize.cells[3].start] == ["1989"]


@pytest.mark.parametrize(
    "name", ["Foreign_relations_of_North_Korea", "Foreign_relations_of_South_Korea"]
)
def test_wikitext_korean_diplomatic_tables(name: str) -> None:
    doc = _page(name)
    table = next(t for t in _tables(doc) if _rows(doc, t)[0] == ["#", "Country", "Date"])
    rows = _rows(doc, table)
    assert len(rows) > 150
    dated = sum(1 for row in table.rows if any(d.start == row.cells[-1].start for d in doc.dates))
    assert dated > 150
    if name.endswith("North_Korea"):
        assert ["2", "Mongolia", "15 October 1948"] in rows


def test_wikitext_headings_inside_cells_are_cell_text() -> None:
    doc = _page("Foreign_relations_of_Singapore")
    cells = [doc.text[c.start : c.end] for t in _tables(doc) for r in t.rows for c in r.cells]
    assert any("Strategic Relations" in c for c in cells)
    assert "Strategic Relations" not in [s.title for s in doc.sections]


def test_wikitext_pages_copy_is_present() -> None:
    assert sorted(p.name for p in Path(PAGES).glob("*.wiki")) == [
        "Foreign_relations_of_Mongolia.wiki",
        "Foreign_relations_of_Nauru.wiki",
        "Foreign_relations_of_North_Korea.wiki",
        "Foreign_relations_of_Singapore.wiki",
        "Foreign_relations_of_South_Korea.wiki",
        "Foreign_relations_of_Taiwan.wiki",
    ]
