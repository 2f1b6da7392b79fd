"""Families of untuned prose read by rules/92-recall-a.toml (issue 8, recallA), found by the misses
of a blind sample of random sentences (bench/samples/recallA-501.json): a state's forces as the
subject of an intervention or an occupation, a participant in another's invasion, talks by
telephone, diplomatic links, deals signed or announced, an ordinal member to recognise, a
state's diplomats expelled without an expeller named, arms transfers and support as aid. Each
case is a corpus sentence, read as `dyad extract` would; the assertions are what a reader checks:
the type, the pair, the direction and the date, and that look-alikes give nothing.
"""

from __future__ import annotations

import pytest

from dyad.model import Event
from narrative_helpers import text_events


def _facts(events: list[Event], type_: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.source, e.target, e.date) for e in events if e.type == type_]


def _pairs(events: list[Event], type_: str) -> list[tuple[tuple[str, ...], str | None]]:
    return [(e.actors, e.date) for e in events if e.type == type_]


DIRECTED = [
    (
        "Foreign relations of Australia",
        "In 1999 Australian peace keeping forces intervened in East Timor following its "
        "referendum to secede from Indonesia.",
        "conflict.intervention",
        ("AUS", "TLS", "1999"),
    ),
    (
        "Foreign relations of Ethiopia",
        'In January 1941, the British army together with Arbegnoch ("the Patriots") and Gideon '
        "Force occupied Ethiopia.",
        "conflict.occupation",
        ("GBR", "ETH", "1941-01"),
    ),
    (
        "Foreign relations of Saint Lucia",
        "Saint Lucia participated in the American-led invasion of Grenada in 1983, sending "
        "members of its Special Services Unit into active duty.",
        "conflict.intervention",
        ("LCA", "GRD", "1983"),
    ),
    (
        "Foreign relations of Israel",
        "In October 2014, Sweden became the first European Union member to officially recognize "
        "the State of Palestine.",
        "recognition.granted",
        ("SWE", "PSE", "2014-10"),
    ),
    (
        "Foreign relations of Bulgaria",
        "Two Russian diplomats named Sergei Nikolashin and Vadim Bikov were expelled on "
        "22 March 2021.",
        "diplomats.expelled",
        ("BGR", "RUS", "2021-03-22"),
    ),
]


@pytest.mark.parametrize(("title", "sentence", "type_", "fact"), DIRECTED)
def test_recall_a_directed(
    title: str, sentence: str, type_: str, fact: tuple[str, str, str]
) -> None:
    assert fact in _facts(text_events(title, sentence), type_)


RECIPROCAL = [
    (
        "Foreign relations of Iraq",
        "In April 2023, the Iraqi and Ukrainian heads of state Mohammed al-Sudani and Volodymyr "
        "Zelenskyy spoke by telephone, while Ukraine has been for more than a year in war against "
        "Russia in which Baghdad, which maintains good relations with Kyiv and with Moscow, "
        "prefers to remain neutral.",
        "meeting",
        (("IRQ", "UKR"), "2023-04"),
    ),
    (
        "Foreign relations of India",
        "Independent India and Iran established diplomatic links on 15 March 1950.",
        "relations.established",
        (("IND", "IRN"), "1950-03-15"),
    ),
    (
        "Foreign relations of Australia",
        "However, in December 2021, Australia signed a defence procurement deal with South Korea "
        "worth $1billion AUD (US$720 million) for modern artillery, supply trucks and radars "
        "supplied by South Korean defense company Hanwha.",
        "agreement.signed",
        (("AUS", "KOR"), "2021-12"),
    ),
    (
        "Foreign relations of Iraq",
        "In August 2024, Turkey announced a military cooperation agreement with Iraq with the "
        "installation of joint command and training centers against PKK fighters.",
        "agreement.signed",
        (("IRQ", "TUR"), "2024-08"),
    ),
]


@pytest.mark.parametrize(("title", "sentence", "type_", "fact"), RECIPROCAL)
def test_recall_a_reciprocal(
    title: str, sentence: str, type_: str, fact: tuple[tuple[str, ...], str]
) -> None:
    assert fact in _pairs(text_events(title, sentence), type_)


def test_recall_a_arms_transfers_are_military_cooperation() -> None:
    events = text_events(
        "Foreign relations of Myanmar",
        "A UN report released on 1 February 2018 cited North Korean ballistic missile transfers "
        "to the Myanmar army.",
    )
    assert [e.actors for e in events if e.type == "cooperation.military"] == [("MMR", "PRK")]


def test_recall_a_sanctions_by_an_agent() -> None:
    events = text_events(
        "Foreign relations of India",
        "India carried out nuclear tests a few years later resulting in sanctions being imposed "
        "by the United States, further drifting the two countries apart.",
    )
    assert ("USA", "IND", None) in _facts(events, "sanctions.imposed")


def test_recall_a_a_list_of_sanctioning_states_gives_no_state_as_a_target() -> None:
    events = text_events(
        "Foreign relations of Russia",
        "On February 24, 2022, Russia launched an invasion of Ukraine, prompting the imposition "
        "of substantial economic and political sanctions by the European Union, the United "
        "Kingdom, the United States, Canada, Japan, and other countries.",
    )
    assert _facts(events, "sanctions.imposed") == []
    assert ("RUS", "UKR", "2022-02-24") in _facts(events, "conflict.intervention")


def test_recall_a_counted_people_of_a_passive_are_acted_on() -> None:
    """The state counted in "N Xian diplomats were expelled" is the one expelled, never the
    expeller (roles.py: a passive verb after the count)."""
    events = text_events(
        "Foreign relations of Bulgaria",
        "Two Russian diplomats named Sergei Nikolashin and Vadim Bikov were expelled on "
        "22 March 2021.",
    )
    assert [(e.source, e.target) for e in events if e.type == "diplomats.expelled"] == [
        ("BGR", "RUS")
    ]
