"""Representation levels per side (export/levels.py), COW Diplomatic Exchange's 0-3, read from
facts as the store returns them; and ``dyad state X``."""

from __future__ import annotations

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
