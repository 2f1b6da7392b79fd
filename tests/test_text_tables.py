"""Pandoc grid and simple tables become table blocks with header cells and joined cell lines."""

from __future__ import annotations

from conftest import DATA
from dyad.model import Document, Table
from dyad.read import text

TEXT = DATA / "text"


def _read(name: str) -> Document:
    path = TEXT / name
    return text.read(path.read_text(encoding="utf-8"), source=str(path))


def _tables(doc: Document) -> list[list[list[str]]]:
    return [
        [[doc.text[c.start : c.end] for c in row.cells] for row in block.rows]
        for block in doc.blocks
        if isinstance(block, Table)
    ]


def test_text_high_level_visits_grid_table() -> None:
    doc = _read("Albania–Brazil_relations.md")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    header = table.rows[0]
    assert [doc.text[c.start : c.end] for c in header.cells] == [
        "Guest",
        "Host",
        "Place of visit",
        "Date of visit",
    ]
    assert all(c.header for c in header.cells)
    assert all(len(row.cells) == 4 for row in table.rows)
    assert not any(c.header for row in table.rows[1:] for c in row.cells)
    rows = [[doc.text[c.start : c.end] for c in row.cells] for row in table.rows[1:]]
    assert ["Prime Minister Sali Berisha", "United Nations Conference on Sustainable Development",
            "Rio de Janeiro", "June 20, 2012"] in rows  # fmt: skip
    # "November 4, 2013[5]": the citation marker is gone from the cell.
    assert rows[-1][-1] == "November 4, 2013"
    section = doc.section_at(table.start)
    assert section is not None and section.title == "High level visits"


def test_text_grid_cells_spanning_lines_are_joined() -> None:
    doc = _read("Iran–Qatar_relations.md")
    (table,) = _tables(doc)
    by_label = {row[0]: row[1:] for row in table}
    assert table[0] == ["", "QATAR", "IRAN"]  # the flag file names are residue, dropped
    leaders = "Ali Khamenei (Supreme Leader) Hassan Rohani (President)"
    assert by_label["CURRENT LEADER"][1] == leaders
    assert by_label["MAIN RELIGIONS"][0].endswith("3.1% Buddhist 1.6% other and none")


def test_text_grid_cell_lists_and_misaligned_rows() -> None:
    source = "\n".join(
        [
            "+---------+------------------+",
            "| Country | Notes            |",
            "+=========+==================+",
            "| Kuwait  | -   Kuwait has   |",
            "|         |     an embassy.  |",
            "|         | -   Mexico too.  |",
            "+---------+------------------+",
            "| 한국 | 세계 [3] |",
            "+---------+------------------+",
        ]
    )
    doc = text.read("Lead.\n\n" + source + "\n", source="t.md", title="T")
    assert _tables(doc) == [
        [
            ["Country", "Notes"],
            ["Kuwait", "Kuwait has an embassy. Mexico too."],
            ["한국", "세계"],
        ]
    ]


def test_text_simple_table_with_caption() -> None:
    # From "Foreign relations of Taiwan" (English Wikipedia, CC BY-SA 3.0), pandoc plain text.
    source = "\n".join(
        [
            "Since 1990, ROC has witnessed a net of 10 countries switch recognition to PRC.",
            "",
            "  Year   Recognition of ROC[83]   Recognition of PRC",
            "  ------ ------------------------ --------------------",
            "  1969   71                       48",
            "  2018   17                       178",
            "",
            "  : Number of countries recognizing ROC and PRC",
        ]
    )
    doc = text.read(source, source="t.md", title="Foreign relations of Taiwan")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.title == "Number of countries recognizing ROC and PRC"
    assert _tables(doc) == [
        [
            ["Year", "Recognition of ROC", "Recognition of PRC"],
            ["1969", "71", "48"],
            ["2018", "17", "178"],
        ]
    ]
    assert "Number of countries" not in doc.text


def test_text_cells_slice_back() -> None:
    doc = _read("Canada–United_States_relations.md")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                piece = doc.text[cell.start : cell.end]
                assert piece == piece.strip()
                assert "\t" not in piece and "\n" not in piece
