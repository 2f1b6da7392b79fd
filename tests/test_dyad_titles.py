"""dyad_from_title and subject_of_title."""

from __future__ import annotations

import pytest

from dyad.extract.dyad import dyad_from_title, subject_of_title
from dyad.gazetteer import Gazetteer, State, StateKind


@pytest.mark.parametrize(
    ("title", "dyad"),
    [
        ("Mongolia–North Korea relations", ("MNG", "PRK")),
        ("North Korea–Mongolia relations", ("MNG", "PRK")),
        ("Mongolia—North Korea relations", ("MNG", "PRK")),  # em dash
        ("Mongolia−North Korea relations", ("MNG", "PRK")),  # minus sign
        ("Mongolia-North Korea relations", ("MNG", "PRK")),  # hyphen
        ("Mongolia – North Korea relations", ("MNG", "PRK")),
        ("Mongolia–North_Korea_relations", ("MNG", "PRK")),
        ("IRAN–QATAR RELATIONS", ("IRN", "QAT")),
        ("SOUTH KOREA–TURKEY RELATIONS", ("KOR", "TUR")),
        ("Guinea-Bissau–Portugal relations", ("GNB", "PRT")),
        ("Guinea-Bissau-Portugal relations", ("GNB", "PRT")),
        ("Indonesia–Timor-Leste relations", ("IDN", "TLS")),
        ("Austria-Hungary–Serbia relations", ("SRB", "XAH")),
        ("Austria–Hungary relations", ("AUT", "HUN")),  # Austria and Hungary, not the empire
        ("Austria-Hungary–Ottoman Empire relations", ("TUR", "XAH")),
        ("Bilateral relations between Mexico and the Holy See (1821–1855)", ("MEX", "VAT")),
        ("Relations between Mexico and the Holy See", ("MEX", "VAT")),
        ("RELATIONS BETWEEN MEXICO AND THE HOLY SEE", ("MEX", "VAT")),
        ("Mexico–Holy See relations (1821–1855)", ("MEX", "VAT")),
        ("Bosnia and Herzegovina–Serbia relations", ("BIH", "SRB")),
        ("Relations between Trinidad and Tobago and Venezuela", ("TTO", "VEN")),
        ("Relations between Serbia and Montenegro and Bosnia and Herzegovina", ("BIH", "SCG")),
        ("Georgia (country)–Russia relations", ("GEO", "RUS")),
        ("Democratic Republic of the Congo–Republic of the Congo relations", ("COD", "COG")),
        ("Soviet Union–Yugoslavia relations", ("SUN", "YUG")),
        ("East Germany–West Germany relations", ("DDR", "DEU")),
        ("Hong Kong–Israel relations", ("HKG", "ISR")),
        ("Iraqi Kurdistan–Rojava relations", ("XIK", "XRJ")),
        ("Kosovo–Serbia relations", ("SRB", "XKX")),
        ("China–Taiwan relations", ("CHN", "TWN")),
        ("United Kingdom–United States relations", ("GBR", "USA")),
        ("US–UK relations", ("GBR", "USA")),
        ("European Union–Mongolia relations", ("MNG", "QME")),
        ("Côte d'Ivoire–Mexico relations", ("CIV", "MEX")),
        ("Saint Vincent and the Grenadines–Taiwan relations", ("TWN", "VCT")),
    ],
)
def test_dyad_titles_name_two_states(title: str, dyad: tuple[str, str]) -> None:
    assert dyad_from_title(title) == dyad


@pytest.mark.parametrize(
    "title",
    [
        "Foreign relations of Mongolia",
        "Mongolia relations",
        "China–Japan–South Korea relations",  # three parties
        "Mongolia–Mongolia relations",
        "Mongolia–Atlantis relations",
        "Mongolia–North Korea border",
        "History of Mongolia–North Korea relations in film",
        "",
        "relations",
    ],
)
def test_dyad_titles_without_a_dyad(title: str) -> None:
    assert dyad_from_title(title) is None


def test_dyad_titles_that_split_two_ways_are_refused() -> None:
    """A gazetteer in which both cuts of the title are known states."""
    rows = [
        State("AAA", StateKind.STATE, "Upper", "Upper"),
        State("AAB", StateKind.STATE, "Upper-Lower", "Upper-Lower"),
        State("AAC", StateKind.STATE, "Lower-Middle", "Lower-Middle"),
        State("AAD", StateKind.STATE, "Middle", "Middle"),
    ]
    gaz = Gazetteer(rows)
    assert dyad_from_title("Upper-Lower-Middle relations", gaz) is None
    assert dyad_from_title("Upper–Lower-Middle relations", gaz) == ("AAA", "AAC")


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Foreign relations of Mongolia", "MNG"),
        ("Foreign relations of the Netherlands", "NLD"),
        ("Foreign relations of Georgia (country)", "GEO"),
        ("Foreign_relations_of_the_Holy_See", "VAT"),
        ("FOREIGN RELATIONS OF NORTH KOREA", "PRK"),
        ("Foreign relations of the Sovereign Military Order of Malta", "XOM"),
        ("Foreign relations of the Sahrawi Arab Democratic Republic", "ESH"),
        ("Foreign relations of Timor-Leste", "TLS"),
        ("Foreign relations of São Tomé and Príncipe", "STP"),
        ("Foreign relations of the Soviet Union", "SUN"),
        ("Foreign relations of Mongolia (1911–1924)", "MNG"),
        ("Foreign policy of the United States", "USA"),
    ],
)
def test_dyad_titles_subject(title: str, code: str) -> None:
    assert subject_of_title(title) == code


@pytest.mark.parametrize(
    "title", ["Foreign relations of Atlantis", "Mongolia–North Korea relations", "Mongolia", ""]
)
def test_dyad_titles_without_a_subject(title: str) -> None:
    assert subject_of_title(title) is None
