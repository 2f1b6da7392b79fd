"""The shipped gazetteer data: complete, consistent, packaged."""

from __future__ import annotations

import importlib.resources
import re
from collections import Counter

import pytest

from dyad.gazetteer import (
    Gazetteer,
    GazetteerError,
    State,
    StateKind,
    default_gazetteer,
    parse_states,
)

# The 193 member states of the United Nations (2011 onwards), by ISO 3166-1 alpha-3.
_UN_MEMBERS = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK
DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY
QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD
TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB
ZWE
"""
UN_MEMBERS = _UN_MEMBERS.split()
UN_OBSERVERS = {"VAT": StateKind.STATE, "PSE": StateKind.PARTIAL}
PARTIALLY_RECOGNISED = ["TWN", "XKX", "ESH", "XAB", "XSO", "XTR", "XNC", "XSL"]
FORMER = ["SUN", "YUG", "CSK", "DDR", "SCG", "YMD", "XSV", "XAH", "XKE", "XZN"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_states_data_covers_every_un_member_and_observer(gaz: Gazetteer) -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    for code in UN_MEMBERS:
        state = gaz.get(code)
        assert state is not None, code
        assert state.kind is StateKind.STATE, code
        assert state.cow_code is not None, f"{code} has no COW number"
        assert state.iso2 is not None and len(state.iso2) == 2, code
    for code, kind in UN_OBSERVERS.items():
        state = gaz.get(code)
        assert state is not None and state.kind is kind


@pytest.mark.parametrize("code", PARTIALLY_RECOGNISED)
def test_states_data_has_the_partially_recognised_states(gaz: Gazetteer, code: str) -> None:
    state = gaz.get(code)
    assert state is not None and state.kind is StateKind.PARTIAL


@pytest.mark.parametrize("code", FORMER)
def test_states_data_has_the_former_states(gaz: Gazetteer, code: str) -> None:
    state = gaz.get(code)
    assert state is not None and state.kind is StateKind.FORMER


def test_states_data_counts_by_kind(gaz: Gazetteer) -> None:
    """A change here is a change of coverage: update the numbers on purpose."""
    counts = Counter(state.kind for state in gaz)
    assert counts[StateKind.STATE] == 194  # 193 UN members and the Holy See
    assert counts[StateKind.PARTIAL] >= 9
    assert counts[StateKind.FORMER] >= 28
    assert counts[StateKind.ASSOCIATED] == 2  # the Cook Islands and Niue
    assert counts[StateKind.TERRITORY] >= 40
    assert counts[StateKind.ORGANISATION] >= 20


def _user_assigned(code: str) -> bool:
    """ISO 3166-1 leaves AAA-AAZ, QMA-QZZ, XAA-XZZ and ZZA-ZZZ to users."""
    return code[:2] in {"AA", "ZZ"} or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


def test_states_data_codes_follow_the_documented_convention(gaz: Gazetteer) -> None:
    for state in gaz:
        assert state.code_source in {"iso3166-1", "iso3166-3", "user"}, state.code
        assert _user_assigned(state.code) == (state.code_source == "user"), state.code
        if state.code_source == "user":
            # X.. for polities, QM. for organisations
            is_organisation = state.code.startswith("QM")
            assert is_organisation == (state.kind is StateKind.ORGANISATION) or (
                state.code == "XOM"  # the Order of Malta: a sovereign entity, not a polity
            ), state.code
        if state.kind is StateKind.FORMER and state.code_source != "user":
            assert state.iso2 is None, f"{state.code}: alpha-2 of withdrawn codes were reused"
        assert state.short_name and state.official_name, state.code


def test_states_data_rows_explain_user_codes(gaz: Gazetteer) -> None:
    for state in gaz:
        if state.code_source == "user" and state.kind is not StateKind.ORGANISATION:
            assert state.notes, f"{state.code}: a user-assigned code needs a note saying why"


def test_states_data_cow_abbreviations_are_not_taken_for_iso_codes(gaz: Gazetteer) -> None:
    """COW's MNG is Montenegro, AUS Austria, CZE Czechoslovakia: the notes must not mislead."""
    clashes = {
        s.cow_abb: s.code for s in gaz if s.cow_abb and s.cow_abb != s.code and gaz.get(s.cow_abb)
    }
    assert clashes["MNG"] == "MNE"
    assert clashes["AUS"] == "AUT"
    assert clashes["CZE"] == "CSK"
    for abb, code in clashes.items():
        resolved = gaz.resolve(abb)
        assert resolved is not None and resolved.code == abb, f"{abb} must stay the ISO code"
        by_cow = gaz.by_cow(abb)
        assert by_cow is not None and by_cow.cow_abb == abb, code


def test_states_data_file_is_packaged() -> None:
    data = importlib.resources.files("dyad.gazetteer") / "data"
    assert (data / "states.tsv").is_file()
    assert (data / "not_states.txt").is_file()
    assert (data / "NOTICE").is_file()
    header = (data / "states.tsv").read_text(encoding="utf-8")
    assert "Correlates of War Project. 2017." in header
    assert "ISO 3166" in header


def test_states_data_rejects_a_name_of_two_states() -> None:
    a = State(code="AAA", kind=StateKind.STATE, short_name="Freedonia", official_name="Freedonia")
    b = State(code="AAB", kind=StateKind.STATE, short_name="Sylvania", official_name="Freedonia")
    with pytest.raises(GazetteerError, match="Freedonia"):
        Gazetteer([a, b])


def test_states_data_rejects_a_name_that_is_another_states_code() -> None:
    a = State(code="AAA", kind=StateKind.STATE, short_name="Freedonia", official_name="Freedonia")
    b = State(code="AAB", kind=StateKind.STATE, short_name="Sylvania", official_name="AAA")
    with pytest.raises(GazetteerError, match="code of AAA"):
        Gazetteer([a, b])


def test_states_data_reports_the_line_of_a_bad_row() -> None:
    text = (importlib.resources.files("dyad.gazetteer") / "data" / "states.tsv").read_text("utf-8")
    header = next(line for line in text.splitlines() if line.startswith("code\t"))
    bad = "\t".join(["ABC", "user", "", "nation", *[""] * 3, "A", "A", *[""] * 6])
    with pytest.raises(GazetteerError, match=r"line 3: 'nation'"):
        parse_states(f"# comment\n{header}\n{bad}\n")


def test_states_data_markers_are_read() -> None:
    state = default_gazetteer().get("GEO")
    assert state is not None
    assert "Georgia" in state.ambiguous
    car = default_gazetteer().get("CAF")
    assert car is not None and "CAR" in car.lookup_only
    assert all(not re.match(r"[~!]", name) for s in default_gazetteer() for name, _ in s.forms())
