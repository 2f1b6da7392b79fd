"""How the panel reads a pair's facts, on hand-made documents: imprecise dates leave a year
unknown, unknown is never 0, directed counts, sides in COW order, COW numbers by year."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dyad.export import panel
from dyad.export.cow import ccode_in, stateabb_in
from dyad.gazetteer import default_gazetteer
from dyad.store import Store
from export_helpers import csv_text_rows
from store_helpers import DocBuilder

Rows = dict[int, dict[str, str]]


def _one(store: Store, a: str, b: str) -> Rows:
    """The undirected panel rows of one pair, by year."""
    text = io.StringIO()
    panel(store, text, dyad=(a, b))
    rows = csv_text_rows(text.getvalue())
    assert len({(r["iso3c1"], r["iso3c2"]) for r in rows}) == 1
    return {int(r["year"]): r for r in rows}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "kb.db")


def test_export_panel_rules_imprecise_change_is_unknown_until_certain(store: Store) -> None:
    doc = DocBuilder("France–Mongolia relations")
    doc.event(
        "relations.established", "1950/1953", "They established relations.", actors=["FRA", "MNG"]
    )
    doc.event("visit", "1948", "A visit.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    doc.event("visit", "1956", "A visit.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    store.ingest(doc.records())
    rows = _one(store, "FRA", "MNG")
    assert sorted(rows) == list(range(1948, 1957))
    # before any possible establishment: none; while it may or may not have happened: unknown
    assert [rows[y]["relations"] for y in range(1948, 1955)] == ["0", "0", "", "", "", "1", "1"]
    assert rows[1949]["relations_status"] == "none" and rows[1949]["severed"] == "0"
    assert rows[1951]["relations_status"] == rows[1951]["severed"] == ""


def test_export_panel_rules_severed_restored_and_no_establishment(store: Store) -> None:
    doc = DocBuilder("Relations")
    doc.event("relations.established", "1950", "Established.", actors=["FRA", "MNG"])
    doc.event("relations.severed", "1960-03", "Severed.", actors=["FRA", "MNG"])
    doc.event("relations.restored", "1970-06-01", "Restored.", actors=["FRA", "MNG"])
    doc.event("relations.severed", "1980", "Broke off relations.", actors=["ISR", "MNG"])
    doc.event("visit", "1975", "A visit.", actors=["ISR", "MNG"], source="ISR", target="MNG")
    doc.event("visit", "1990", "A visit.", actors=["JPN", "MNG"], source="JPN", target="MNG")
    doc.event("visit", "1995", "A visit.", actors=["JPN", "MNG"], source="JPN", target="MNG")
    store.ingest(doc.records())
    rows = _one(store, "FRA", "MNG")
    assert [rows[y]["relations"] for y in (1950, 1959, 1960, 1969, 1970)] == [
        "1",
        "1",
        "0",
        "0",
        "1",
    ]
    assert [rows[y]["severed"] for y in (1959, 1960, 1970)] == ["0", "1", "0"]
    assert rows[1965]["relations_status"] == "severed"
    # severed with no establishment known: before it, unknown (not "no relations")
    rows = _one(store, "ISR", "MNG")
    assert [rows[y]["relations"] for y in (1975, 1979, 1980)] == ["", "", "0"]
    assert rows[1980]["severed"] == "1"
    # no relations fact at all: unknown every year
    rows = _one(store, "JPN", "MNG")
    assert {r["relations"] for r in rows.values()} == {""}
    assert {r["severed"] for r in rows.values()} == {""}


def test_export_panel_rules_undated_establishment_is_unknown_in_time(store: Store) -> None:
    doc = DocBuilder("Relations")
    doc.event("relations.established", None, "They have relations.", actors=["FRA", "MNG"])
    doc.event("relations.severed", "1980", "Severed.", actors=["FRA", "MNG"])
    doc.event("visit", "1975", "A visit.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    store.ingest(doc.records())
    rows = _one(store, "FRA", "MNG")
    assert [rows[y]["relations"] for y in (1975, 1979, 1980)] == ["", "", "0"]


def test_export_panel_rules_conflicting_dates_are_disputed(store: Store) -> None:
    for title, date in (("Foreign relations of France", "1950"), ("Mongolia page", "1955")):
        doc = DocBuilder(title)
        doc.event("relations.established", date, f"Established in {date}.", actors=["FRA", "MNG"])
        store.ingest(doc.records())
    rows = _one(store, "FRA", "MNG")
    assert rows[1950]["relations"] == "1"  # the earliest date opens the span
    assert {r["relations_disputed"] for r in rows.values()} == {"1"}


def test_export_panel_rules_missions_and_ambassadors_each_way(store: Store) -> None:
    doc = DocBuilder("Relations")
    doc.event("relations.established", "1990", "Established.", actors=["KOR", "PRK"])
    doc.event(
        "mission.opened", "2001-05", "Opened.", actors=["KOR", "PRK"], source="KOR", target="PRK"
    )
    doc.event(
        "mission.closed", "2005", "Closed.", actors=["KOR", "PRK"], source="KOR", target="PRK"
    )
    doc.tenure("First Envoy", "PRK", "KOR", "1991", None)
    doc.tenure("Second Envoy", "PRK", "KOR", "1995", "1999")
    doc.event("visit", "2007", "A visit.", actors=["KOR", "PRK"], source="KOR", target="PRK")
    store.ingest(doc.records())
    rows = _one(store, "KOR", "PRK")
    first = rows[1990]
    # COW order: North Korea (731) before South Korea (732), though KOR < PRK
    assert (first["iso3c1"], first["iso3c2"], first["ccode1"], first["ccode2"]) == (
        "PRK",
        "KOR",
        "731",
        "732",
    )
    # South Korea's mission in the North is side 2's mission in side 1
    assert [rows[y]["mission_2_in_1"] for y in (2000, 2001, 2004, 2005)] == ["", "1", "1", "0"]
    assert {r["mission_1_in_2"] for r in rows.values()} == {""}
    # the open-ended term runs to the year before the next one starts
    assert [rows[y]["ambassador_1_to_2"] for y in (1990, 1991, 1994, 1995, 1999, 2000)] == [
        "",
        "1",
        "1",
        "1",
        "1",
        "",
    ]
    assert {r["ambassador_2_to_1"] for r in rows.values()} == {""}


def test_export_panel_rules_what_counts_and_where(store: Store) -> None:
    doc = DocBuilder("Relations")
    doc.event("visit", "2000-05", "A visit.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    doc.event("visit", "2000", "Another.", actors=["FRA", "MNG"], source="MNG", target="FRA")
    doc.event("meeting", "2000-07-01", "They met.", actors=["FRA", "MNG"])
    doc.event("visit", "2004/2006", "Visits.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    doc.event(
        "visit",
        "2003",
        "Planned.",
        actors=["FRA", "MNG"],
        source="FRA",
        target="MNG",
        modality="planned",
    )
    doc.event("visit", None, "Undated.", actors=["FRA", "MNG"], source="FRA", target="MNG")
    store.ingest(doc.records())
    text = io.StringIO()
    summary = panel(store, text)
    assert (summary.facts_counted, summary.facts_not_counted) == (3, 3)
    rows = {int(r["year"]): r for r in csv_text_rows(text.getvalue())}
    # the span of the 2004/2006 visits sets years, the planned 2008 visit does not
    assert sorted(rows) == list(range(2000, 2007))
    assert (rows[2000]["n_visit"], rows[2000]["n_meeting"], rows[2000]["n_events"]) == (
        "2",
        "1",
        "3",
    )
    assert rows[2000]["n_sources"] == "1"
    assert {rows[y]["n_events"] for y in range(2001, 2007)} == {"0"}
    text = io.StringIO()
    panel(store, text, directed=True)
    directed = {(r["iso3c1"], r["year"]): r for r in csv_text_rows(text.getvalue())}
    assert (directed[("FRA", "2000")]["n_visit"], directed[("MNG", "2000")]["n_visit"]) == (
        "1",
        "1",
    )
    assert directed[("FRA", "2000")]["n_meeting"] == directed[("MNG", "2000")]["n_meeting"] == "1"


def test_export_panel_rules_cow_numbers_by_year() -> None:
    gazetteer = default_gazetteer()

    def code(iso: str, year: int) -> tuple[int | None, str | None]:
        state = gazetteer.get(iso)
        return ccode_in(state, year), stateabb_in(state, year)

    assert code("DEU", 1938) == (255, "GMY")
    assert code("DEU", 1950) == (None, None)  # occupied: no member of the system
    assert code("DEU", 1970) == (260, "GFR")
    assert code("DEU", 2000) == (255, "GMY")
    assert code("DDR", 1970) == (265, "GDR") and code("DDR", 1995) == (None, None)
    assert code("PRK", 1947) == (None, None) and code("PRK", 1948) == (731, "PRK")
    assert code("MNG", 2024) == (712, "MON")  # membership running at the list's end goes on
    assert code("SUN", 1970) == (365, "RUS") and code("RUS", 1970) == (None, None)
    assert code("RUS", 1995) == (365, "RUS") and code("SUN", 1995) == (None, None)
    assert code("YUG", 1980) == (345, "YUG") and code("SRB", 1980) == (None, None)
    assert code("SCG", 2004) == (345, "YUG") and code("SRB", 2010) == (345, "YUG")
    assert code("YEM", 1980) == (678, "YAR") and code("YEM", 1995) == (679, "YEM")
    assert ccode_in(None, 2000) is None
