"""Several events in one sentence (issue 8, multi8): states coordinated with a directed act's
role each make an event of their own, a count of agreements signed makes one event per
agreement, and an opening of a mission or a first envoy told beside an establishment of
relations is an event of its own. Each case is a corpus sentence (Foreign relations of
Montenegro, Mauritania, Samoa, Abkhazia, Peru, the Maldives, Equatorial Guinea, Trinidad and
Tobago, Luxembourg, Burundi), read as `dyad extract` would; the assertions are what a reader
checks: the type, the direction, the date, how many events, and that the coordinated states are
never made each other's partners.
"""

from __future__ import annotations

import pytest

from dyad.model import Event
from narrative_helpers import text_events


def _directed(events: list[Event], type_: str) -> list[tuple[str | None, str | None, str | None]]:
    return sorted((e.source, e.target, e.date) for e in events if e.type == type_)


def _count(events: list[Event], type_: str) -> int:
    return sum(e.type == type_ for e in events)


# ---------------------------------------------------------------- coordinated roles


@pytest.mark.parametrize(
    ("title", "sentence", "type_", "expected"),
    [
        (
            "Foreign relations of Montenegro",
            "The last two permanent members of the United Nations Security Council, France and "
            "the People's Republic of China recognised the government of Montenegro on 14 June "
            "2006.",
            "recognition.granted",
            [("CHN", "MNE", "2006-06-14"), ("FRA", "MNE", "2006-06-14")],
        ),
        (
            "Foreign relations of Mauritania",
            "In 1976 Algeria and Morocco responded by withdrawing their ambassadors from "
            "Mauritania.",
            "envoy.recalled",
            [("DZA", "MRT", "1976"), ("MAR", "MRT", "1976")],
        ),
        (
            "Foreign relations of Samoa",
            "In January 2009, Samoa opened embassies in the Republic of Korea, China and Japan.",
            "mission.opened",
            [("WSM", "CHN", "2009-01"), ("WSM", "JPN", "2009-01"), ("WSM", "KOR", "2009-01")],
        ),
        (
            "Foreign relations of Abkhazia",
            "In November 2009, Belarusian lawmakers visited Tbilisi, Sukhumi, and Tskhinvali on "
            "simultaneous fact-finding missions.",
            "visit",
            [("BLR", "GEO", "2009-11"), ("BLR", "XAB", "2009-11"), ("BLR", "XSO", "2009-11")],
        ),
    ],
)
def test_extract_coordinated_roles_make_an_event_each(
    title: str, sentence: str, type_: str, expected: list[tuple[str, str, str]]
) -> None:
    events = text_events(title, sentence)
    assert _directed(events, type_) == expected


def test_extract_coordinated_sources_are_not_each_others_partners() -> None:
    events = text_events(
        "Foreign relations of Mauritania",
        "In 1976 Algeria and Morocco responded by withdrawing their ambassadors from Mauritania.",
    )
    assert all({"DZA", "MAR"} != set(e.actors) for e in events)


def test_extract_a_list_of_commas_without_and_is_one_event() -> None:
    # No closing "and": the states are not read as coordinated with the source.
    events = text_events(
        "Foreign relations of Montenegro",
        "France, China recognised the government of Montenegro on 14 June 2006.",
    )
    assert _directed(events, "recognition.granted") == [("CHN", "MNE", "2006-06-14")]


# ---------------------------------------------------------------- agreements counted


@pytest.mark.parametrize(
    ("title", "sentence", "count"),
    [
        (
            "Foreign relations of Peru",
            "In November 1999, Peru and Chile signed three agreements which put to rest the "
            "remaining obstacles holding up implementation of the 1929 Treaty of Lima.",
            3,
        ),
        (
            "Comoros–Morocco relations",
            "The two countries signed 11 agreements in 2022.",
            11,
        ),
        (
            "Foreign relations of the Maldives",
            "In 2009, under president Mohamed Nasheed, the Maldives signed cooperation "
            "agreements with Israel on tourism, health, and education and culture.",
            3,
        ),
        (
            "Equatorial Guinea–Spain relations",
            "The two countries signed permanent agreements for economic and technical "
            "cooperation, private concessions, and trade relations.",
            3,
        ),
        # One subject, not a list of agreements; more than a dozen; no named partner.
        ("Chile–Peru relations", "The two countries signed agreements on trade and investment.", 1),
        (
            "Chile–Peru relations",
            "The two countries signed agreements on cooperation in the spheres of transport, "
            "customs, trade, and economic relations.",
            1,
        ),
        ("Chile–Peru relations", "The two countries signed 24 agreements in 2022.", 1),
        (
            "Foreign relations of Hong Kong",
            "With the authorisation of the Central People's Government of the PRC, Hong Kong "
            "also concluded 12 bilateral agreements with foreign states on air services, "
            "investment promotion and protection, mutual legal assistance and visa abolition "
            "during the year.",
            0,
        ),
    ],
)
def test_extract_agreements_counted_make_one_event_each(
    title: str, sentence: str, count: int
) -> None:
    events = text_events(title, sentence)
    # "the 1929 Treaty of Lima" is another agreement, of its own date
    signed = [e for e in events if e.type == "agreement.signed" and e.date != "1929"]
    assert len(signed) == count
    assert len({e.id for e in signed}) == count  # distinct records, one per agreement
    assert len({e.actors for e in signed}) == min(count, 1)


# ---------------------------------------------------------------- a second type, one pair


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (
            "Foreign relations of Trinidad and Tobago",
            "The establishment of diplomatic relations between Brazil and Trinidad and Tobago "
            "started in 1942 with the establishment of a Brazilian Vice-Consulate in "
            "Port-of-Spain.",
            {
                ("relations.established", None, None, "1942"),
                ("mission.opened", "BRA", "TTO", "1942"),
            },
        ),
        (
            "Luxembourg–Turkey relations",
            "Bilateral relations between the Republic of Turkey and the Grand Duchy of "
            "Luxembourg gained momentum with the opening of a Turkish Embassy in Luxembourg in "
            "1987.",
            {("mission.opened", "TUR", "LUX", "1987")},
        ),
        (
            "Foreign relations of Burundi",
            "Angola and Burundi established diplomatic relations on 21 December 1988 when "
            "Angola's first Ambassador to Burundi, Miguel Gaspar Neto presented his credentials.",
            {
                ("relations.established", None, None, "1988-12-21"),
                ("envoy.accredited", "AGO", "BDI", "1988-12-21"),
            },
        ),
    ],
)
def test_extract_second_act_beside_an_establishment(
    title: str, sentence: str, expected: set[tuple[str, str | None, str | None, str]]
) -> None:
    events = text_events(title, sentence)
    told = {(e.type, e.source, e.target, e.date) for e in events}
    assert expected <= told
