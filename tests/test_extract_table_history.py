"""Relations tables read as histories (extract/table_history.py), on real pages: every date of
a cell with its own kind, predecessors' dates left out, tables of other things not read."""

from __future__ import annotations

from functools import cache

from conftest import DATA
from dyad.extract.context import Context
from dyad.extract.tables import table_events
from dyad.gazetteer import default_gazetteer
from dyad.read import read_file

US_PAGE = DATA / "history" / "Foreign_relations_of_the_United_States.wiki"


@cache
def _history(path_name: str) -> dict[tuple[str, ...], list[tuple[str, str | None, str]]]:
    """The page's table events by pair: (type, date, row) in document order."""
    gazetteer = default_gazetteer()
    path = DATA / path_name
    doc = read_file(path)
    found: dict[tuple[str, ...], list[tuple[str, str | None, str]]] = {}
    for event in table_events(doc, Context(doc, gazetteer), gazetteer):
        assert doc.text[event.evidence.start : event.evidence.end] == event.evidence.text
        found.setdefault(event.actors, []).append((event.type, event.date, event.evidence.text))
    return found


def _cell(pair: tuple[str, str], fragment: str, page: str = "history/" + US_PAGE.name) -> list:
    """(type, date) of the events of the row whose text holds ``fragment``."""
    return [(t, d) for t, d, row in _history(page)[pair] if fragment in row]


def test_extract_table_history_every_date_of_a_cell_with_its_kind() -> None:
    # "1844 (Qing) 1979 (PRC)": the first relationship, then the renewed one
    assert _cell(("CHN", "USA"), "1844") == [
        ("relations.established", "1844"),
        ("relations.restored", "1979"),
    ]
    assert _cell(("JPN", "USA"), "1854, 1952") == [
        ("relations.established", "1854"),
        ("relations.restored", "1952"),
    ]
    assert _cell(("EST", "USA"), "1922; 1991") == [
        ("relations.established", "1922"),
        ("relations.restored", "1991"),
    ]
    assert _cell(("IRN", "USA"), "severed in 1980") == [("relations.severed", "1980")]


def test_extract_table_history_predecessors_are_not_the_modern_pair() -> None:
    # "1882 (Joseon); 1949 (Republic)": Joseon Korea's relations, then the Republic's
    assert _cell(("KOR", "USA"), "Joseon") == [("relations.established", "1949")]
    # "1886; 1972": the Kingdom's treaty, then the independent state's relations (Tonga was a
    # protectorate from 1900 to 1970 and is a COW member only from 1999)
    assert _cell(("TON", "USA"), "1886; 1972") == [("relations.established", "1972")]
    # North Korea: only Joseon's date, and "Only Informal Relations"
    assert ("PRK", "USA") not in _history("history/" + US_PAGE.name)
    # Taiwan: not the Qing's 1844; the ROC's relations ended in 1979; the Taiwan Relations Act
    # and the Travel Act are not diplomatic relations
    taiwan = _cell(("TWN", "USA"), "Qing")
    assert ("relations.severed", "1979") in taiwan
    assert not any(d in ("1844", "2018") for _, d in taiwan)
    # Vietnam's page: "1226 (Goryeo)" is Goryeo's, not North or South Korea's
    vietnam = _history("tables/Foreign_relations_of_Vietnam.wiki")
    assert all(
        d != "1226" for pair in [("PRK", "VNM"), ("KOR", "VNM")] for _, d, _ in vietnam[pair]
    )
    # The Holy See's page: the Order's and Sicily's dates before 1816 are not Malta's
    malta = _history("tables/Foreign_relations_of_the_Holy_See.wiki")[("MLT", "VAT")]
    assert malta and all(d and d >= "1964" for _, d, _ in malta)


def test_extract_table_history_reads_only_tables_of_relations() -> None:
    # India's "Partnership agreements" table ("Year of Agreement signed") dates agreements
    india = _history("tables/Foreign_relations_of_India.wiki")
    rows = [row for events in india.values() for _, _, row in events]
    assert rows  # the page's diplomatic relations tables are read
    assert not any("1997" in row and "France" in row for row in rows)


def test_extract_table_history_the_relations_column_not_the_recognition_column() -> None:
    # Abkhazia's partners recognised it on one day and established relations on another:
    # "Nauru | 15 December 2009 | 29 September 2016" under "Date of diplomatic recognition" and
    # "Diplomatic relations established"; the recognition is no establishment.
    page = "wikitext-dev5/Foreign_relations_of_Abkhazia.wiki"
    assert _cell(("NRU", "XAB"), "Nauru", page) == [("relations.established", "2016-09-29")]
    assert _cell(("RUS", "XAB"), "Russia", page) == [("relations.established", "2008-09-09")]
