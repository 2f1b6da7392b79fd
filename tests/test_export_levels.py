"""Representation levels per side (export/levels.py), COW Diplomatic Exchange's 0-3, read from
facts as the store returns them; and ``dyad state X``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.export.levels import STALE_AFTER, levels_by_year, named_levels, severance_years
from dyad.store.exports import EvidenceRow, FactRow, PairRecords
from export_helpers import knowledge_base


def _fact(id: int, type: str, year: int | None, text: str, source: str | None = None) -> FactRow:
    day = None if year is None else year * 10000 + 101
    evidence = EvidenceRow(
        id,
        f"r{id}",
        "doc",
        "Doc",
        "doc.wiki",
        "wikitext",
        text,
        0,
        len(text),
        None,
        None,
        None,
        "rule",
        0.9,
        None,
        None,
    )
    return FactRow(
        id=id,
        type=type,
        a="AAA",
        b="BBB",
        source=source,
        target=None if source is None else ("BBB" if source == "AAA" else "AAA"),
        modality="occurred",
        date=None if year is None else str(year),
        date_lower=day,
        date_upper=None if day is None else day + 1130,
        subject=None,
        confidence=0.9,
        conflict=None,
        mentions=1,
        documents=1,
        evidence=(evidence,),
    )


def _pair(*facts: FactRow) -> PairRecords:
    return PairRecords("AAA", "BBB", facts, ())


def test_export_levels_words() -> None:
    assert named_levels("opened an embassy in Ulaanbaatar") == {3}
    assert named_levels("the legation was headed by a chargé d'affaires") == {1, 2}
    assert named_levels("a consulate-general in Thessaloniki") == set()


def test_export_levels_mission_sets_its_side_only() -> None:
    levels = levels_by_year(
        _pair(_fact(1, "mission.opened", 1990, "AAA opened an embassy in BBB.", "AAA")),
        1989,
        1995,
    )
    assert (("AAA", 1989) in levels) is False
    assert all(levels[("AAA", y)].level == 3 for y in range(1990, 1996))
    assert levels[("AAA", 1990)].source == "mission.opened:1"
    assert not any(side == "BBB" for side, _ in levels)


def test_export_levels_establishment_needs_the_level_of_relations() -> None:
    named = _fact(1, "relations.established", 1972, "relations at ambassadorial level")
    levels = levels_by_year(_pair(named), 1972, 1973)
    assert levels[("AAA", 1973)].level == levels[("BBB", 1973)].level == 3
    one_side = _fact(2, "relations.established", 1972, "AAA has an embassy in BBB's capital")
    assert all(v.level is None for v in levels_by_year(_pair(one_side), 1972, 1973).values())


def test_export_levels_a_legation_goes_stale() -> None:
    legation = _fact(1, "mission.opened", 1950, "AAA opened a legation in BBB.", "AAA")
    levels = levels_by_year(_pair(legation), 1950, 1950 + STALE_AFTER + 5)
    assert levels[("AAA", 1950 + STALE_AFTER)].level == 2
    assert ("AAA", 1950 + STALE_AFTER + 1) not in levels


def test_export_levels_severance_years() -> None:
    severed = _fact(1, "relations.severed", 1963, "severed diplomatic relations")
    restored = _fact(2, "relations.restored", 1967, "restored relations")
    assert severance_years(_pair(severed, restored)) == set(range(1963, 1967))
    undated = _fact(3, "relations.restored", None, "restored relations")
    assert severance_years(_pair(severed, undated)) == {1963}
    alone = severance_years(_pair(severed))
    assert alone == set(range(1963, 1963 + STALE_AFTER + 1))


def test_export_levels_a_severance_must_say_relations_were_broken() -> None:
    # the end of a span of relations in a table cell: relations with a state that ended (the GDR)
    ended = _fact(1, "relations.severed", 1990, "Germany\t1952 with FRG (1972 – 1990 with GDR)")
    assert severance_years(_pair(ended)) == set()
    broken = _fact(2, "relations.severed", 1990, "Germany\t1952, relations broken off 1990")
    assert 1990 in severance_years(_pair(broken))
    switched = _fact(3, "relations.severed", 1971, "Taiwan\tStarted in 1934, Ended in 1971")
    assert 1971 in severance_years(_pair(switched))


def test_export_levels_a_severance_and_a_restoration_on_one_day() -> None:
    day = 19711102
    severed = replace(
        _fact(1, "relations.severed", 1971, "China (ROC)\t1874, broken 2 November 1971"),
        date_lower=day,
        date_upper=day,
    )
    restored = replace(_fact(2, "relations.restored", 1971, "China\t2 November 1971"))
    restored = replace(restored, date_lower=day, date_upper=day)
    assert severance_years(_pair(severed, restored)) == set()
    assert severance_years(_pair(severed)) == set(range(1971, 1971 + STALE_AFTER + 1))


def test_export_levels_a_break_written_as_a_span() -> None:
    text = "United States\t26 March 1884, broken 26 August 1960 - 6 January 1962"
    start, end = (_fact(k, "relations.severed", y, text) for k, y in ((1, 1960), (2, 1962)))
    start, end = (
        replace(f, evidence=(replace(f.evidence[0], date_text="26 August 1960 - 6 January 1962"),))
        for f in (start, end)
    )
    assert severance_years(_pair(start, end)) == {1960, 1961}


def test_export_levels_read_at_the_facts_own_time() -> None:
    def levels(fact_type: str, year: int, text: str, source: str | None = None) -> set[int | None]:
        found = levels_by_year(_pair(_fact(1, fact_type, year, text, source)), year, year)
        return {v.level for v in found.values()}

    # a level dated to another year or time is not the level the fact set
    later = "relations were established in the 1880s and upgraded to embassies in 1927"
    assert levels("relations.established", 1888, later) == {None}
    assert levels("relations.established", 1927, later) == {3}
    assert (
        levels(
            "relations.upgraded", 1933, "a consulate was set up, and later upgraded to an embassy"
        )
        == set()
    )
    # one side's mission raised is not the level of the relations
    one = "established relations when the consulate-general in Muscat was upgraded to an embassy"
    assert levels("relations.established", 1971, one) == {None}
    # an opening's level is the level it opened at; a mission decided on is not open
    two = "a German Legation was opened in Addis Ababa in 1907, and an Ethiopian embassy in Berlin"
    assert levels("mission.opened", 1907, two, "AAA") == {2}
    assert (
        levels("mission.opened", 1960, "AAA had decided to open an embassy in BBB", "AAA") == set()
    )
    # COW codes the rank of the head of mission
    head = "AAA's consulate was upgraded to Embassy level with Mr. X as Chargé d'Affaires"
    assert levels("relations.upgraded", 1961, head, "AAA") == {1}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return knowledge_base(tmp_path_factory)


def test_export_levels_state_command_lists_partners(db: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(main, ["state", "mongolia", "--db", str(db), "--json"])
    assert done.exit_code == 0, done.output
    import json

    found = json.loads(done.output)
    assert found["code"] == "MNG"
    partners = {p["code"]: p for p in found["partners"]}
    assert partners["PRK"]["relations_began"] == "1948-10-15"
    assert partners["PRK"]["relations_now"] == "relations"
    assert all(p["facts"] > 0 for p in partners.values())
    bad = runner.invoke(main, ["state", "Atlantis", "--db", str(db)])
    assert bad.exit_code == 1 and "Atlantis" in bad.output


def _between(fact: FactRow, a: str, b: str) -> PairRecords:
    return PairRecords(a, b, (replace(fact, a=a, b=b, source=a, target=b),), ())


def test_export_levels_an_embassy_before_1914_is_a_legation_unless_ambassadors_were_exchanged() -> (
    None
):
    text = "The first Greek Embassy in Berlin was established in 1834."
    opened = _fact(1, "mission.opened", 1834, text, "AAA")
    assert levels_by_year(_pair(opened), 1834, 1834)[("AAA", 1834)].level == 2
    # it then goes stale as any legation read from a fact
    assert ("AAA", 1834 + STALE_AFTER + 1) not in levels_by_year(_pair(opened), 1834, 1850)
    # two great powers exchanged ambassadors; after 1914 an embassy is an embassy
    great = levels_by_year(_between(opened, "FRA", "GBR"), 1834, 1834)
    assert great[("FRA", 1834)].level == 3
    later = _fact(2, "mission.opened", 1920, text, "AAA")
    assert levels_by_year(_pair(later), 1920, 1920)[("AAA", 1920)].level == 3
    # the United States sent and received ambassadors from 1893: not yet in 1834
    assert levels_by_year(_between(opened, "GBR", "USA"), 1834, 1834)[("GBR", 1834)].level == 2
    in_1900 = replace(opened, date_lower=19000101, date_upper=19001231)
    assert levels_by_year(_between(in_1900, "GBR", "USA"), 1900, 1900)[("GBR", 1900)].level == 3


def test_export_levels_an_opening_dated_by_its_closing_sets_nothing() -> None:
    text = "Shortly thereafter AAA opened a resident embassy in BBB, however it was closed in 1979."
    opened = _fact(1, "mission.opened", 1979, text, "AAA")
    closed = replace(opened, evidence=(replace(opened.evidence[0], date_text="1979"),))
    assert levels_by_year(_pair(closed), 1979, 1980) == {}
    dated = "AAA opened an embassy in BBB in 1979, and it was closed in 1990."
    own = _fact(2, "mission.opened", 1979, dated, "AAA")
    own = replace(own, evidence=(replace(own.evidence[0], date_text="1979"),))
    assert levels_by_year(_pair(own), 1979, 1979)[("AAA", 1979)].level == 3
    # a mission to be reopened is not open
    again = _fact(3, "mission.opened", 2023, "AAA decided to reopen their embassy in BBB", "AAA")
    assert levels_by_year(_pair(again), 2023, 2023) == {}
