"""The causes of the errors of the seed-15 precision sample (bench/samples/precision-seed15.md),
each on the corpus sentence that showed it and on others of the corpus that share the cause."""

from __future__ import annotations

from dyad.model import Event
from narrative_helpers import text_events


def _one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.actors, e.date) for e in events]
    return found[0]


def test_recognised_a_states_independence_names_that_state() -> None:
    # Foreign relations of Australia: the target was the Soviet Union named after "upon".
    for name, code in (("Turkmenistan's", "TKM"), ("Belarus'", "BLR")):
        events = text_events(
            "Foreign relations of Australia",
            f"Australia recognised {name} independence on 26 December 1991 upon the dissolution"
            " of the Union of Soviet Socialist Republics and established diplomatic relations"
            " the following year.",
        )
        recognition = _one(events, "recognition.granted")
        assert (recognition.source, recognition.target) == ("AUS", code)
        assert recognition.date == "1991-12-26"


def test_the_following_year_counts_from_the_date_before() -> None:
    events = text_events(
        "Australia–Uzbekistan relations",
        "Australia recognised Uzbekistan's independence on 26 December 1991 upon the dissolution"
        " of the Union of Soviet Socialist Republics and established diplomatic relations the"
        " following year.",
    )
    established = _one(events, "relations.established")
    assert established.date == "1992"
    assert established.date_text == "the following year"
    assert _one(events, "recognition.granted").date == "1991-12-26"


def test_years_later_opening_a_conjunct_dates_its_verb() -> None:
    # Foreign relations of Ethiopia and of Kenya.
    events = text_events(
        "Ethiopia–Kenya relations",
        "In 1961, prior to Kenya's independence, Ethiopia appointed its first ambassador to"
        " Kenya, and six years later Kenya opened an embassy in Addis Ababa.",
    )
    opened = _one(events, "mission.opened")
    assert (opened.source, opened.date) == ("KEN", "1967")
    assert _one(events, "envoy.accredited").date == "1961"
    # Foreign relations of Iran: "three years later" after the verb.
    events = text_events(
        "Foreign relations of Iran",
        "In 1947, Iran voted against the United Nations Partition Plan for Palestine and"
        " recognized Israel three years later.",
    )
    assert _one(events, "recognition.granted").date == "1950"


def test_a_later_year_of_another_clause_or_verb_is_not_the_triggers() -> None:
    # Foreign relations of Mauritania: "the next year" is the relative clause's.
    events = text_events(
        "Foreign relations of Mauritania",
        "Mauritania applied to join the United Nations in 1960 but was vetoed by the Soviet"
        " Union, who voted the next year for Mauritania's admission in exchange for the"
        " admission of Mongolia.",
    )
    assert [e.date for e in events] == ["1960"] * len(events) and events
    # Foreign relations of Switzerland: the opening has its own date.
    events = text_events(
        "Foreign relations of Switzerland",
        "Switzerland opened a consulate in Saint Petersburg in 1816, upgrading it to a legation"
        " 90 years later.",
    )
    assert _one(events, "mission.opened").date == "1816"


def test_a_date_opening_the_next_coordinated_clause_is_that_clauses() -> None:
    # Foreign relations of Senegal.
    events = text_events(
        "Iran–Senegal relations",
        "In 1971, formal diplomatic relations were established, and, by 1973, the Shah was"
        " providing $2.4 million in developmental loans for Senegal (Steele 180–1).",
    )
    assert _one(events, "relations.established").date == "1971"


def test_a_habit_in_the_present_takes_no_date_from_the_sentence_before() -> None:
    # Foreign relations of Australia: the year of the students' enrolment is not the date of
    # the cooperation told in the present.
    events = text_events(
        "Australia–Bangladesh relations",
        "In 2018, just under 7,000 Bangladeshi students enrolled to study in Australia."
        " Australia and Bangladesh work closely on a range of common strategic interests in"
        " regional and global forums, including as members of the Indian Ocean Rim"
        " Association.",
    )
    cooperation = _one(events, "cooperation.other")
    assert cooperation.date is None


def test_a_title_takes_no_state_across_a_date_and_a_clause() -> None:
    # Foreign relations of Australia: King Birendra is not Australian.
    events = text_events(
        "Australia–Nepal relations",
        "King Mahendra of Nepal made a state visit to Australia in April 1971 and his son King"
        " Birendra made a state visit to Australia in September 1985.",
    )
    visits = sorted((e.date, e.source, e.target) for e in events if e.type == "visit")
    assert visits == [("1971-04", "NPL", "AUS"), ("1985-09", "NPL", "AUS")]
    birendra = [p for e in events for p in e.persons if p.name == "Birendra"]
    assert birendra and all(p.state != "AUS" for p in birendra)


def test_a_title_keeps_the_state_of_its_office_words() -> None:
    # Foreign relations of Nauru and of Cuba: two offices joined by "and" are one state's.
    events = text_events(
        "Cuba–Nauru relations",
        "In October 2007, Nauruan Foreign Minister and Trade Minister David Adeang travelled to"
        " Cuba to strengthen relations between the two island nations.",
    )
    visit = _one(events, "visit")
    assert (visit.source, visit.target) == ("NRU", "CUB")
    assert [(p.name, p.state) for p in visit.persons] == [("David Adeang", "NRU")]


def test_an_envoy_resident_elsewhere_is_his_own_states() -> None:
    # Foreign relations of Iran, Australia, Haiti and Honduras: the city of residence is no side.
    cases = [
        (
            "Iran–Portugal relations",
            "Both countries established diplomatic relations on 15 October 1956 when Envoy"
            " Extraordinary and Minister Plenipotentiary of Portugal with residence in Ankara, Luís"
            " Norton de Mato, presented his credentials as non resident to Iran.",
            ("PRT", "IRN"),
        ),
        (
            "Australia–Mozambique relations",
            "Diplomatic relations were established in April 1982 when the first Ambassador of"
            " Australia to Mozambique with residence in Harare presented his credentials to"
            " President Samora Machel.",
            ("AUS", "MOZ"),
        ),
        (
            "Honduras–Israel relations",
            "Both countries established diplomatic relations on 24 April 1955 when Mr. Joseph"
            " Kessary, Envoy Extraordinary and Minister Plenipotentiary of Israel (resident in"
            " Mexico) presented his credentials to President of Honduras.",
            ("ISR", "HND"),
        ),
    ]
    for title, body, direction in cases:
        envoy = _one(text_events(title, body), "envoy.accredited")
        assert (envoy.source, envoy.target) == direction, body
