"""Breaks told with their end (issues 8 and 9): "relations were suspended from 20 November 2013 to
7 January 2016" is a suspension in 2013 and a restoration in 2016, each with its own date, and the
pair's status over time follows both. Read from real articles kept in tests/data (the "Foreign
relations of" pages of the Sahrawi Arab Democratic Republic, Romania and the United Arab
Emirates), as `dyad extract`, `dyad ingest` and `dyad show` read them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from dyad.cli import main
from dyad.extract.pipeline import extract
from dyad.ingest import ingest_paths
from dyad.model import Document, Event
from dyad.read import read_file
from dyad.store import Store
from narrative_helpers import text_events

SADR = DATA / "wikitext-dev6" / "Foreign_relations_of_the_Sahrawi_Arab_Democratic_Republic.wiki"
ROMANIA = DATA / "wikitext-dev4" / "Foreign_relations_of_Romania.wiki"
UAE = DATA / "wikitext-dev6" / "Foreign_relations_of_the_United_Arab_Emirates.wiki"
BREAK_TYPES = ("relations.suspended", "relations.severed", "relations.restored")


def _read(path: Path) -> tuple[Document, list[Event]]:
    doc = read_file(path)
    return doc, list(extract(doc).events)


def _history(events: list[Event], pair: tuple[str, str], phrase: str) -> list[tuple[str, str]]:
    """(type, date) of the pair's breaks and restorations told by a sentence holding phrase."""
    return sorted(
        (e.type, str(e.date))
        for e in events
        if e.type in BREAK_TYPES and e.actors == pair and phrase in e.evidence.text
    )


@pytest.fixture(scope="module")
def sadr() -> tuple[Document, list[Event]]:
    return _read(SADR)


@pytest.mark.parametrize(
    ("partner", "phrase", "expected"),
    [
        (
            "PAN",
            "suspended from 20 November 2013 to 7 January 2016",
            [("relations.restored", "2016-01-07"), ("relations.suspended", "2013-11-20")],
        ),
        (
            "COL",
            "frozen from 20 December 2000 to 10 August 2022",
            [("relations.restored", "2022-08-10"), ("relations.suspended", "2000-12-20")],
        ),
        (
            "BOL",
            "suspended from 20 January 2020 to 16 September 2021",
            [("relations.restored", "2021-09-16"), ("relations.suspended", "2020-01-20")],
        ),
    ],
)
def test_breaks_an_interval_is_a_break_and_a_restoration_each_dated(
    sadr: tuple[Document, list[Event]], partner: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    doc, events = sadr
    pair = tuple(sorted(("ESH", partner)))
    assert _history(events, pair, phrase) == expected  # type: ignore[arg-type]
    for e in events:
        if e.actors == pair and phrase in e.evidence.text:
            assert doc.text[e.evidence.start : e.evidence.end] == e.evidence.text
            assert e.modality == "occurred"


def test_breaks_an_open_interval_has_no_restoration(sadr: tuple[Document, list[Event]]) -> None:
    """ "Relations were suspended from 22 October 2024" (Ecuador): suspended, nothing restored."""
    _, events = sadr
    phrase = "suspended from 22 October 2024"
    assert _history(events, ("ECU", "ESH"), phrase) == [("relations.suspended", "2024-10-22")]


def test_breaks_between_two_years_in_narrative_prose() -> None:
    """Romania: "The relations were severed between 1941 and 1946 and remained strained"."""
    _, events = _read(ROMANIA)
    phrase = "severed between 1941 and 1946"
    assert _history(events, ("ROU", "USA"), phrase) == [
        ("relations.restored", "1946"),
        ("relations.severed", "1941"),
    ]


def test_breaks_followed_by_their_own_restoration_are_not_told_twice() -> None:
    events = text_events(
        "Foreign relations of Hungary",
        "Diplomatic relations between Hungary and Mexico were suspended between 1941 and 1974"
        " and re-established on May 14, 1974.",
    )
    assert sorted((e.type, e.date) for e in events if e.type in BREAK_TYPES) == [
        ("relations.restored", "1974-05-14"),
        ("relations.suspended", "1941"),
    ]


def test_breaks_both_countries_reopened_their_embassies_one_event_each_way() -> None:
    _, events = _read(UAE)
    phrase = "both countries reopened their embassies"
    reopened = sorted(
        (e.source, e.target, e.date)
        for e in events
        if e.type == "mission.opened" and phrase in e.evidence.text
    )
    assert reopened == [("ARE", "QAT", "2023-06"), ("QAT", "ARE", "2023-06")]


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("breaks-kb") / "kb.db"
    with Store(path) as store:
        summary = ingest_paths(store, [SADR])
        assert summary.errors == ()
    return path


def test_breaks_status_over_time_follows_the_suspension_and_its_end(kb: Path) -> None:
    """Panama and the SADR: established 1979, suspended 2013-2016, suspended again in 2024."""
    with Store(kb) as store:
        spans = [(i.start, i.end, i.relations) for i in store.status("ESH", "PAN")]
    assert ("2013-11-20", "2016-01-07", "suspended") in spans
    assert ("2016-01-07", "2024-11-21", "relations") in spans
    assert spans[-1] == ("2024-11-21", None, "suspended")


def test_breaks_dyad_show_lists_the_break_and_the_restoration(kb: Path) -> None:
    result = CliRunner().invoke(
        main, ["show", "--db", str(kb), "panama", "sahrawi arab democratic republic"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("2013-11-20" in line and "relations.suspended" in line for line in lines)
    assert any("2016-01-07" in line and "relations.restored" in line for line in lines)
    assert "status now       suspended" in result.output
