"""Gazetteer.lookup, resolve, by_cow, suggest and require."""

from __future__ import annotations

import doctest
import importlib

import pytest

from dyad.gazetteer import Gazetteer, UnknownStateError, default_gazetteer
from dyad.gazetteer.names import name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _code(gaz: Gazetteer, query: str) -> str | None:
    state = gaz.resolve(query)
    return state.code if state else None


@pytest.mark.parametrize(
    "query",
    [
        "North Korea",
        "north korea",
        "NORTH KOREA",
        "DPRK",
        "D.P.R.K.",
        "PRK",
        "prk",
        "KP",
        "Korea, North",
        "Korea, Democratic People's Republic of",
        "Democratic People's Republic of Korea",
        "Democratic People’s Republic of Korea",
        "the Democratic People's Republic of Korea",
        "Korea DPR",
        "DPR Korea",
        "731",
        "North Korean",
        "Pyongyang",
        "  North   Korea ",
    ],
)
def test_states_lookup_resolves_every_spelling_of_north_korea(gaz: Gazetteer, query: str) -> None:
    assert _code(gaz, query) == "PRK"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        # predecessor regimes the state system treats as the same state
        ("People's Republic of Mongolia", "MNG"),
        ("Mongolian People's Republic", "MNG"),
        ("Kampuchea", "KHM"),
        ("Democratic Kampuchea", "KHM"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("Zaïre", "COD"),
        ("Ceylon", "LKA"),
        ("Siam", "THA"),
        ("Persia", "IRN"),
        ("Kingdom of Prussia", "DEU"),
        ("West Germany", "DEU"),
        ("Ottoman Empire", "TUR"),
        ("Dahomey", "BEN"),
        ("Upper Volta", "BFA"),
        ("Rhodesia", "ZWE"),
        ("North Vietnam", "VNM"),
        ("North Yemen", "YEM"),
        ("Papal States", "VAT"),
        # former states of their own
        ("Soviet Union", "SUN"),
        ("USSR", "SUN"),
        ("Yugoslavia", "YUG"),
        ("Czechoslovakia", "CSK"),
        ("East Germany", "DDR"),
        ("German Democratic Republic", "DDR"),
        ("South Vietnam", "XSV"),
        ("Republic of Vietnam", "XSV"),
        ("South Yemen", "YMD"),
        ("Austria-Hungary", "XAH"),
        ("Austria–Hungary", "XAH"),
        # partially recognised, territories, organisations
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Republic of China", "TWN"),
        ("State of Palestine", "PSE"),
        ("Sahrawi Arab Democratic Republic", "ESH"),
        ("Holy See", "VAT"),
        ("Vatican City", "VAT"),
        ("Hong Kong", "HKG"),
        ("Iraqi Kurdistan", "XIK"),
        ("Rojava", "XRJ"),
        ("European Union", "QME"),
        # the, dashes, accents, apostrophes, St., &, inverted names, qualifiers
        ("the Netherlands", "NLD"),
        ("The Gambia", "GMB"),
        ("Democratic Republic of Congo", "COD"),
        ("Congo, Democratic Republic of the", "COD"),
        ("Guinea Bissau", "GNB"),
        ("Timor Leste", "TLS"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("São Tomé and Príncipe", "STP"),
        ("Sao Tome & Principe", "STP"),
        ("St. Vincent and the Grenadines", "VCT"),
        ("St Kitts and Nevis", "KNA"),
        ("Bahamas, The", "BHS"),
        ("Georgia (country)", "GEO"),
        ("Mongolia (1911–1924)", "MNG"),
        # demonyms and capitals
        ("Mongolian", "MNG"),
        ("South Korean", "KOR"),
        ("Soviet", "SUN"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Ulaanbaatar", "MNG"),
        ("Ulan Bator", "MNG"),
        ("Seoul", "KOR"),
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        # codes: alpha-3, alpha-2, ISO 3166-3 codes of renamings, COW numbers
        ("USA", "USA"),
        ("GB", "GBR"),
        ("ZAR", "COD"),
        ("BUR", "MMR"),
        ("VDR", "VNM"),
        ("SUN", "SUN"),
        ("2", "USA"),
        ("712", "MNG"),
        ("732", "KOR"),
        ("817", "XSV"),
    ],
)
def test_states_lookup_resolves(gaz: Gazetteer, query: str, code: str) -> None:
    assert _code(gaz, query) == code


def test_states_lookup_iso_codes_win_over_cow_abbreviations(gaz: Gazetteer) -> None:
    """COW's MNG is Montenegro and its AUS Austria; resolve() reads codes as ISO."""
    assert _code(gaz, "MNG") == "MNG"
    assert _code(gaz, "AUS") == "AUS"
    montenegro, austria = gaz.by_cow("MNG"), gaz.by_cow("AUS")
    assert montenegro is not None and montenegro.code == "MNE"
    assert austria is not None and austria.code == "AUT"
    korea = gaz.by_cow("ROK")
    assert korea is not None and korea.code == "KOR"
    assert gaz.by_cow(731) == gaz.by_cow("731") == gaz.get("PRK")


def test_states_lookup_does_not_read_codes_as_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("PRK") is None  # lookup() is for names; resolve() takes codes
    assert gaz.lookup("731") is None


@pytest.mark.parametrize("query", ["", "   ", "Atlantis", "999", "ZZZ", "Korea, East", "(1955)"])
def test_states_lookup_unknown_gives_none(gaz: Gazetteer, query: str) -> None:
    assert gaz.resolve(query) is None


def test_states_lookup_suggests_close_names(gaz: Gazetteer) -> None:
    assert [s.code for s in gaz.suggest("Nort Korea", n=2)] == ["PRK", "KOR"]
    assert gaz.suggest("Mongolai")[0].code == "MNG"
    assert gaz.suggest("Xyzzy") == []
    assert len(gaz.suggest("Guinea", n=3)) == 3


def test_states_lookup_require_names_the_error(gaz: Gazetteer) -> None:
    assert gaz.require("DPRK").code == "PRK"
    with pytest.raises(UnknownStateError, match=r"did you mean Mongolia \(MNG\)") as info:
        gaz.require("Mongolai")
    assert info.value.query == "Mongolai"
    with pytest.raises(UnknownStateError, match=r"add it to states\.tsv"):
        gaz.require("Xyzzy")


def test_states_lookup_state_fields(gaz: Gazetteer) -> None:
    state = gaz.get("PRK")
    assert state is not None
    assert (state.iso2, state.cow_code, state.cow_abb) == ("KP", 731, "PRK")
    assert state.short_name == "North Korea"
    assert state.official_name == "Democratic People's Republic of Korea"
    assert "North Korean" in state.demonyms and "Pyongyang" in state.capitals
    assert gaz.get("prk") is None  # get() takes the exact code
    assert "PRK" in gaz and "prk" not in gaz
    assert len(gaz) == len(list(gaz))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Guinea–Bissau", "Guinea-Bissau"),
        ("St. Lucia", "Saint Lucia"),
        ("Antigua & Barbuda", "Antigua and Barbuda"),
    ],
)
def test_states_lookup_keys_ignore_the_usual_variation(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("module", ["dyad.gazetteer", "dyad.extract.dyad"])
def test_states_lookup_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
