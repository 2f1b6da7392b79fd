"""A relations-table cell read as a history (extract/table_history.py), cell by cell.

Each case is a cell as relations tables write it and the history the module docstring says it
holds: the kinds the words give, the renewals, the spans, and the dates dropped (another
polity's, an embassy's, an upgrade's). The property tests hold for any cell made of dates,
brackets and words: every date is evidenced by the cell's own text, wherever the cell is.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.extract.dates import is_valid_edtf
from dyad.extract.table_history import cell_history
from dyad.gazetteer import default_gazetteer

CASES = [
    # (cell, the two sides, [(kind, date, other state)])
    (
        "12 May 1960 (suspended 1975, restored 1990)",
        ("MNG", "PRK"),
        [
            ("established", "1960-05-12", None),
            ("suspended", "1975", None),
            ("restored", "1990", None),
        ],
    ),
    ("1954, 1992", ("MNG", "PRK"), [("established", "1954", None), ("restored", "1992", None)]),
    ("Diplomatic relations severed in 1980", ("MNG", "PRK"), [("severed", "1980", None)]),
    (
        "4 May 1980 – 23 July 2002",
        ("MNG", "PRK"),
        [("established", "1980-05-04", None), ("severed", "2002-07-23", None)],
    ),
    ("1961–present", ("MNG", "PRK"), [("established", "1961", None)]),
    ("1972 (embassy opened)", ("MNG", "PRK"), []),
    ("21 November 1972 upgraded to High Commission level", ("IND", "GBR"), []),
    (
        "1949 (East Germany) March 1, 2001",
        ("PRK", "DEU"),
        [("established", "1949", "DDR"), ("established", "2001-03-01", None)],
    ),
    ("1226 (Goryeo) 1948", ("PRK", "CHN"), [("established", "1948", None)]),
    ("1920; 1991", ("ARM", "USA"), [("established", "1991", None)]),
    ("1786", ("MAR", "USA"), [("established", "1786", None)]),
]


@pytest.mark.parametrize(("cell", "codes", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cell_history_reads_each_date_with_its_kind(
    cell: str, codes: tuple[str, str], expected: list[tuple[str, str, str | None]]
) -> None:
    gazetteer = default_gazetteer()
    sides = tuple(s for s in (gazetteer.get(c) for c in codes) if s is not None)
    assert len(sides) == 2
    found = cell_history(cell, 0, len(cell), sides, gazetteer)
    assert [(d.kind, d.edtf, d.other) for d in found] == expected


_PIECES = st.sampled_from(
    [
        "1954",
        "12 May 1960",
        "March 1, 2001",
        "1980–2002",
        "1961–present",
        "(suspended 1975)",
        "(restored)",
        "(East Germany)",
        "(Qing)",
        "(embassy)",
        "(unofficial)",
        "severed in",
        "restored in",
        "upgraded",
        "Before",
        "relations",
        ",",
        ";",
    ]
)
_CELLS = st.lists(_PIECES, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(cell=_CELLS, before=st.sampled_from(["", "China\n", "| 1900 || "]))
def test_cell_history_evidence_is_the_cells_own_text(cell: str, before: str) -> None:
    gazetteer = default_gazetteer()
    sides = (gazetteer.get("CHN"), gazetteer.get("USA"))
    assert sides[0] is not None and sides[1] is not None
    text = before + cell + "\n| 2020"
    start, end = len(before), len(before) + len(cell)
    found = cell_history(text, start, end, (sides[0], sides[1]), gazetteer)
    for date in found:
        assert start <= date.start < date.end <= end
        assert text[date.start : date.end] == date.text
        assert is_valid_edtf(date.edtf), date.edtf
    assert [d.start for d in found] == sorted(d.start for d in found)
    # Reading is the cell's own: the same cell alone reads the same, shifted.
    alone = cell_history(cell, 0, len(cell), (sides[0], sides[1]), gazetteer)
    assert [(d.kind, d.edtf, d.other, d.start + start) for d in alone] == [
        (d.kind, d.edtf, d.other, d.start) for d in found
    ]
