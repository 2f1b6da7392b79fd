"""The gazetteer against the Correlates of War files (copies in tests/data/cow, see its NOTICE)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dyad.gazetteer import Gazetteer, State, default_gazetteer

COW = Path(__file__).resolve().parent / "data" / "cow"

# COW names that deliberately resolve to a row without that COW number, and why.
DELIBERATE_DIFFERENCES = {
    # COW 730 "Korea" is the Korean Empire (1887-1905), row XKE, which the code 730 and the names
    # "Korean Empire" and "Joseon" reach. The bare name "Korea" means the Republic of Korea in
    # nearly all modern text, so it resolves to KOR (COW 732), marked ambiguous.
    "Korea": "KOR",
}


def _cow_states() -> dict[int, str]:
    """COW number -> COW name, from the state system membership list v2016."""
    with (COW / "states2016.csv").open(newline="", encoding="utf-8") as f:
        return {int(row["ccode"]): row["statenme"] for row in csv.DictReader(f)}


def _holds(state: State | None, cow_code: int) -> bool:
    return state is not None and (
        state.cow_code == cow_code or cow_code in {c.code for c in state.cow_other}
    )


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_states_cow_every_state_resolves_by_its_number(gaz: Gazetteer) -> None:
    states = _cow_states()
    assert len(states) == 217
    missing = [
        (code, name) for code, name in states.items() if not _holds(gaz.resolve(str(code)), code)
    ]
    assert missing == []


def test_states_cow_every_state_resolves_by_its_name(gaz: Gazetteer) -> None:
    wrong = {}
    for code, name in _cow_states().items():
        state = gaz.resolve(name)
        if name in DELIBERATE_DIFFERENCES:
            assert state is not None and state.code == DELIBERATE_DIFFERENCES[name]
        elif not _holds(state, code):
            wrong[name] = state.code if state else None
    assert wrong == {}
    agreed = len(_cow_states()) - len(DELIBERATE_DIFFERENCES)
    assert agreed == 216  # of 217: all but "Korea"


def test_states_cow_country_codes_file_agrees(gaz: Gazetteer) -> None:
    with (COW / "COW-country-codes.csv").open(newline="", encoding="utf-8") as f:
        rows = {(row["StateAbb"], int(row["CCode"]), row["StateNme"]) for row in csv.DictReader(f)}
    for abb, code, name in rows:
        assert _holds(gaz.by_cow(abb), code), abb
        assert _holds(gaz.by_cow(code), code), code
        if name not in DELIBERATE_DIFFERENCES:
            assert _holds(gaz.resolve(name), code), name


def test_states_cow_shared_numbers_resolve_to_the_current_state(gaz: Gazetteer) -> None:
    """345 is Serbia (and Yugoslavia before it), 365 Russia (and the Soviet Union)."""
    resolved = [gaz.resolve(number) for number in ("345", "365", "255", "260", "730")]
    assert [s.code if s else None for s in resolved] == ["SRB", "RUS", "DEU", "DEU", "XKE"]
    for name, code, cow in [
        ("Yugoslavia", "YUG", 345),
        ("Serbia and Montenegro", "SCG", 345),
        ("Soviet Union", "SUN", 365),
        ("East Germany", "DDR", 265),
        ("South Vietnam", "XSV", 817),
        ("South Yemen", "YMD", 680),
        ("Czechoslovakia", "CSK", 315),
        ("Austria-Hungary", "XAH", 300),
    ]:
        state = gaz.resolve(name)
        assert state is not None and (state.code, state.cow_code) == (code, cow), name


def test_states_cow_number_follows_the_year(gaz: Gazetteer) -> None:
    germany, yemen = gaz.get("DEU"), gaz.get("YEM")
    assert germany is not None and yemen is not None
    assert [germany.cow_code_in(y) for y in (1900, 1970, 1990, 2000)] == [255, 260, 260, 255]
    assert [yemen.cow_code_in(y) for y in (1980, 1990, 1991)] == [678, 678, 679]
    # The COW files agree about when 260 and 678 were in the system.
    with (COW / "states2016.csv").open(newline="", encoding="utf-8") as f:
        spans = {(int(r["ccode"]), int(r["styear"]), int(r["endyear"])) for r in csv.DictReader(f)}
    assert (260, 1955, 1990) in spans
    assert (678, 1926, 1990) in spans


def test_states_cow_diplomatic_exchange_codes_all_resolve(gaz: Gazetteer) -> None:
    """Every state of the Diplomatic Exchange subset joins back to a row."""
    with (COW / "diplomatic-exchange-2006-subset.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    codes = {int(r["ccode1"]) for r in rows} | {int(r["ccode2"]) for r in rows}
    assert len(codes) == 212
    assert [c for c in sorted(codes) if not _holds(gaz.by_cow(c), c)] == []
    # Mongolia and North Korea, the founding dyad: COW 712 and 731, not ISO's MNG and PRK order.
    mng_prk = [r for r in rows if {r["ccode1"], r["ccode2"]} == {"712", "731"}]
    assert mng_prk
    assert [gaz.by_cow(c) for c in (712, 731)] == [gaz.get("MNG"), gaz.get("PRK")]
