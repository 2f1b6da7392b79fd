"""General causes of wrong narrative events (issue 8): who may be a party, joint actors,
private visitors. Each case is a corpus sentence form, not a sentence of the judged sample."""

from __future__ import annotations

import pytest

from dyad.extract.dates import find_dates
from narrative_helpers import text_events

_events = text_events


@pytest.mark.parametrize(
    "sentence",
    [
        "The Hong Kong Chief Executive Leung Chun-ying visited South Korea on 26 November 2014.",
        "On 4 August 2017, the newly elected Chief Executive of Hong Kong, Carrie Lam, visited"
        " Thailand.",
        "Greenland signed a fisheries agreement with Iceland in 2010.",
    ],
)
def test_a_dependent_territory_is_no_party_of_a_narrative_event(sentence: str) -> None:
    events = _events("Foreign relations of Thailand", sentence)
    assert not [e for e in events if {"HKG", "GRL"} & set(e.actors)]


@pytest.mark.parametrize(
    ("title", "sentence", "pair"),
    [
        (
            "Greenland–Iceland relations",
            "Greenland signed a fisheries agreement with Iceland in 2010.",
            ("GRL", "ISL"),
        ),
        (
            "Hong Kong–South Korea relations",
            "The Hong Kong Chief Executive Leung Chun-ying visited South Korea on 26 November"
            " 2014.",
            ("HKG", "KOR"),
        ),
    ],
)
def test_a_territory_the_document_is_about_stays_a_party(
    title: str, sentence: str, pair: tuple[str, str]
) -> None:
    # a "Hong Kong–X relations" article treats the territory as an actor, and so do its events
    events = _events(title, sentence)
    assert [tuple(sorted(e.actors)) for e in events] == [pair]


def test_a_state_in_the_same_form_is_still_a_party() -> None:
    events = _events(
        "Foreign relations of Japan", "Japan signed a fisheries agreement with Iceland in 2010."
    )
    assert [e.actors for e in events if e.type == "agreement.signed"] == [("ISL", "JPN")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # joint actors with no target named: no pair between them
        ("Iran was occupied after the British-Soviet invasion of 1941.", set()),
        ("The American-Soviet invasion of 1945 ended the war.", set()),
        # a target named after the noun: the first actor acts on it, never the two on each other
        (
            "Relations worsened after the British-French invasion of Egypt in 1956.",
            {("FRA", "EGY"), ("GBR", "EGY")},
        ),
    ],
)
def test_a_joint_adjective_of_a_directed_act_names_joint_actors(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    events = _events("Foreign relations of Egypt", sentence)
    found = {(e.source, e.target) for e in events if e.type == "conflict.intervention"}
    assert found == expected


def test_a_joint_adjective_of_an_agreement_is_still_its_pair() -> None:
    events = _events("Foreign relations of France", "The Franco-German treaty was signed in 1963.")
    assert {e.actors for e in events if e.type.startswith("agreement")} == {("DEU", "FRA")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2009, about 1,500 Kazakh tourists visited the Philippines.",
        "Some 200,000 US citizens visit Finland annually.",
        "Around 7,000 British citizens visit Mongolia each year.",
        "Students from Ghana visited Japan in 2015.",
    ],
)
def test_private_people_visiting_is_no_state_visit(sentence: str) -> None:
    events = _events("Foreign relations of Japan", sentence)
    assert not [e for e in events if e.type == "visit"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chinese premier visited Japan in 2015.",
        "A delegation from Ghana visited Japan in 2015.",
    ],
)
def test_an_official_or_a_delegation_visiting_is_a_visit(sentence: str) -> None:
    events = _events("Foreign relations of Japan", sentence)
    assert [e.date for e in events if e.type == "visit"] == ["2015"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("paid a state visit to India from 4 to 8 February 2008", "2008-02-04/2008-02-08"),
        ("visited Malaysia between 26 and 28 April 2014", "2014-04-26/2014-04-28"),
        ("Between September 1 and 2, 1999", "1999-09-01/1999-09-02"),
        ("from October 6 to 10, 2014", "2014-10-06/2014-10-10"),
        ("exchange of notes dated on 15 and 16 June 1970", "1970-06-15/1970-06-16"),
        # two days apart joined by "and" alone are two days, not the days between
        ("the Council, Moscow, 7 and 12 September 1998", "1998-09-12"),
    ],
)
def test_days_of_one_month_joined_by_a_word_are_an_interval(text: str, edtf: str) -> None:
    assert [d.edtf for d in find_dates(text)] == [edtf]


def test_a_visit_on_two_days_is_dated_by_both() -> None:
    events = _events(
        "Foreign relations of Cyprus",
        "The Greek president visited Cyprus on 15 and 16 June 1970.",
    )
    assert [e.date for e in events if e.type == "visit"] == ["1970-06-15/1970-06-16"]


@pytest.mark.parametrize(
    "sentence",
    ["Ghana has received aid for health projects.", "Ghana received aid for health projects."],
)
def test_aid_received_with_no_donor_named_is_no_aid_event(sentence: str) -> None:
    events = _events("Foreign relations of Senegal", sentence)
    assert not [e for e in events if e.type == "aid.provided"]


def test_aid_received_from_a_donor_named_is_the_donors() -> None:
    events = _events("Foreign relations of Senegal", "Ghana received aid from Japan in 2010.")
    assert [(e.source, e.target) for e in events if e.type == "aid.provided"] == [("JPN", "GHA")]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021 Mali asked France to recall its ambassador.",
        "In 2020 Iran urged Iraq to expel the American ambassador.",
    ],
)
def test_a_recall_or_expulsion_asked_of_another_is_not_the_askers(sentence: str) -> None:
    events = _events("Foreign relations of Mali", sentence)
    assert not [e for e in events if e.type in {"envoy.recalled", "diplomats.expelled"}]


def test_a_recall_itself_is_still_a_recall() -> None:
    events = _events(
        "Foreign relations of Mali", "In 2021 Mali recalled its ambassador from France."
    )
    assert [(e.source, e.target) for e in events if e.type == "envoy.recalled"] == [("MLI", "FRA")]


def test_a_state_in_free_association_is_a_party() -> None:
    events = _events(
        "Foreign relations of Indonesia",
        "Indonesia established diplomatic relations with Niue on 12 July 2019.",
    )
    assert [e.actors for e in events if e.type == "relations.established"] == [("IDN", "NIU")]


@pytest.mark.parametrize(
    ("sentence", "type_", "modality"),
    [
        # the "not" governs the verb before the subordinator, not the trigger after it
        (
            "In 1950 Japan did not abide by the treaty when it recognized Palau.",
            "recognition.granted",
            "occurred",
        ),
        ("In 2001 Japan did not say when it recognized Palau.", "recognition.granted", "occurred"),
        (
            "In 1939 the Soviet Union did not abide by the pact when it blockaded Finland.",
            "sanctions.imposed",
            "occurred",
        ),
    ],
)
def test_a_negation_does_not_reach_across_a_subordinator(
    sentence: str, type_: str, modality: str
) -> None:
    events = _events("Foreign relations of Finland", sentence)
    assert [e.modality for e in events if e.type == type_] == [modality]


@pytest.mark.parametrize(
    "period",
    ["During the presidency of Jacques Chirac", "During Pompidou's presidency", "During his reign"],
)
def test_a_sentence_naming_its_own_period_takes_no_date_from_the_sentence_before(
    period: str,
) -> None:
    events = _events(
        "Foreign relations of France",
        f"France and Malaysia signed a treaty in 1959. {period}, France signed a trade agreement"
        " with Malaysia.",
    )
    dates = [e.date for e in events if e.type == "agreement.signed"]
    assert dates == ["1959", None]


def test_a_sentence_without_its_own_time_still_takes_the_year_before() -> None:
    events = _events(
        "Foreign relations of France",
        "France and Malaysia signed a treaty in 1959. France also signed a trade agreement with"
        " Malaysia.",
    )
    assert [e.date for e in events if e.type == "agreement.signed"] == ["1959", "1959"]


def test_a_sentence_after_days_of_one_month_takes_that_month() -> None:
    events = _events(
        "Denmark–India relations",
        "The Prime Minister of Denmark paid a state visit to India from 4 to 8 February 2008."
        " The two countries signed an Agreement for the establishment of a Joint Commission.",
    )
    assert [e.date for e in events if e.type == "agreement.signed"] == ["2008-02"]
