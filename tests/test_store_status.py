"""Relation status over time: intervals derived from facts, each citing the facts that open
and close it."""

from __future__ import annotations

from pathlib import Path

from dyad.store import Store
from dyad.store.dates import bounds
from dyad.store.status import StatusFact, status_intervals
from store_helpers import DocBuilder


def _fact(
    id: int,
    type: str,
    date: str | None,
    source: str | None = None,
    target: str | None = None,
    conflict: int | None = None,
) -> StatusFact:
    found = bounds(date)
    return StatusFact(id, type, source, target, date, found.lower if found else None, conflict)


def _summary(intervals: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (i.start, i.end, i.relations, i.mission_a, i.mission_b, i.opened_by, i.closed_by)
        for i in intervals
    ]


def test_store_status_no_facts_no_relations() -> None:
    (only,) = status_intervals("MNG", "PRK", [])
    assert (only.start, only.end, only.relations) == (None, None, "none")
    assert only.label == "no relations"


def test_store_status_lifecycle() -> None:
    facts = [
        _fact(5, "mission.closed", "1999", "PRK", "MNG"),
        _fact(1, "relations.established", "1948-10-15"),
        _fact(2, "mission.opened", "1950", "MNG", "PRK"),
        _fact(3, "mission.opened", "1950", "PRK", "MNG"),
        _fact(4, "relations.severed", "1980"),
        _fact(6, "relations.restored", "1985-06"),
        _fact(7, "visit", "1988"),  # not a status fact
    ]
    assert _summary(status_intervals("MNG", "PRK", facts)) == [
        (None, "1948-10-15", "none", "unknown", "unknown", (), (1,)),
        ("1948-10-15", "1950", "relations", "unknown", "unknown", (1,), (2, 3)),
        ("1950", "1980", "relations", "open", "open", (2, 3), (4,)),
        ("1980", "1985-06", "severed", "open", "open", (4,), (6,)),
        ("1985-06", "1999", "relations", "open", "open", (6,), (5,)),
        ("1999", None, "relations", "open", "closed", (5,), ()),
    ]


def test_store_status_conflicting_establishment_is_disputed_not_doubled() -> None:
    facts = [
        _fact(1, "relations.established", "1797", conflict=9),
        _fact(2, "relations.established", "1951", conflict=9),
    ]
    intervals = status_intervals("DEU", "USA", facts)
    assert _summary(intervals) == [
        (None, "1797", "none", "unknown", "unknown", (), (1,)),
        ("1797", None, "relations", "unknown", "unknown", (1,), ()),
    ]
    assert intervals[-1].disputed


def test_store_status_undated_facts() -> None:
    """Undated openings come first, undated closings last, only for parts without dates."""
    facts = [
        _fact(1, "relations.established", None),
        _fact(2, "mission.opened", "1960", "MNG", "PRK"),
        _fact(3, "mission.closed", None, "PRK", "MNG"),
        _fact(4, "mission.opened", None, "MNG", "PRK"),  # the dated one wins
    ]
    assert _summary(status_intervals("MNG", "PRK", facts)) == [
        (None, None, "none", "unknown", "unknown", (), (1,)),
        (None, "1960", "relations", "unknown", "unknown", (1,), (2,)),
        ("1960", None, "relations", "open", "unknown", (2,), (3,)),
        (None, None, "relations", "open", "closed", (3,), ()),
    ]


def test_store_status_from_the_store(tmp_path: Path) -> None:
    doc = DocBuilder("Doc")
    doc.event("relations.established", "1948-10-15", "Relations.", actors=["MNG", "PRK"])
    doc.event(
        "mission.closed",
        "1999",
        "North Korea closed its embassy in Ulaanbaatar.",
        actors=["MNG", "PRK"],
        source="PRK",
        target="MNG",
    )
    doc.event(
        "relations.severed", "2030", "Planned break.", actors=["MNG", "PRK"], modality="planned"
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(doc.records())
        intervals = store.status("north korea", "mongolia")
        assert [i.relations for i in intervals] == ["none", "relations", "relations"]
        now = store.status_now("PRK", "MNG")
        assert (now.a, now.b, now.mission_b, now.start) == ("MNG", "PRK", "closed", "1999")
        assert now.label == "relations; PRK mission in MNG closed"
        facts = {f.id: f for f in store.timeline("MNG", "PRK")}
        assert [facts[i].type for i in now.opened_by] == ["mission.closed"]
        assert store.show("MNG", "PRK").status_now == now


def test_store_status_renewal_without_a_known_break_is_not_known_before_it() -> None:
    # "1854, 1952": relations began, were broken at a time no fact gives, and were renewed
    facts = [
        _fact(1, "relations.established", "1854"),
        _fact(2, "mission.opened", "1859", "USA", "JPN"),
        _fact(3, "relations.restored", "1952"),
    ]
    assert [(i.start, i.end, i.relations) for i in status_intervals("JPN", "USA", facts)] == [
        (None, "1854", "none"),
        ("1854", "1859", "unknown"),  # the whole run since the opening
        ("1859", "1952", "unknown"),
        ("1952", None, "relations"),
    ]
    # with the break known, the run is known
    facts.append(_fact(4, "relations.suspended", "1941-12-08"))
    assert [i.relations for i in status_intervals("JPN", "USA", facts)] == [
        "none",
        "relations",
        "relations",
        "suspended",
        "relations",
    ]


def test_store_status_first_fact_a_restoration_is_not_known_before_it() -> None:
    intervals = status_intervals("EST", "USA", [_fact(1, "relations.restored", "1991-09-04")])
    assert [(i.start, i.relations) for i in intervals] == [
        (None, "unknown"),
        ("1991-09-04", "relations"),
    ]
    assert intervals[0].label == "relations not known"


def test_store_status_only_occurred_facts_open_or_close(tmp_path: Path) -> None:
    page = DocBuilder("Foreign relations of Mexico", format="wikitext")
    page.event("relations.established", "1902-05-20", "Cuba 1902", actors=["CUB", "USA"])
    page.event(
        "relations.severed",
        "1964",
        "In 1964 the OAS required all member countries to break off diplomatic ties with Cuba.",
        actors=["CUB", "USA"],
        modality="hypothetical",
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(page.records())
        assert [i.relations for i in store.status("CUB", "USA")] == ["none", "relations"]
