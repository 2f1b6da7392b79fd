"""The causes of the errors of the seed-16 and seed-17 precision samples
(bench/samples/precision-seed16.md, precision-seed17.md), each on the corpus sentence that
showed it and on others of the corpus that share the cause."""

from __future__ import annotations

from dyad.extract.dates import find_dates
from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text
from narrative_helpers import text_events


def _one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.actors, e.date) for e in events]
    return found[0]


def _under_heading(heading: str, body: str) -> list[Event]:
    title = "Foreign relations of Afghanistan"
    page = f"# {title}\n\n## {heading}\n\n{body}\n"
    doc = read_text(page, format="markdown", source="t.md", title=title)
    return list(extract(doc).events)


def test_a_heading_that_names_a_bound_dates_no_event() -> None:
    # Foreign relations of Afghanistan, "Bilateral relations prior to 2021"; headings such as
    # "Foreign policy since 1969" (Foreign relations of Libya) and "Position in the Middle East
    # since 2003" name a bound too.
    body = "Denmark provided aid to Afghanistan."
    for heading in ("Bilateral relations prior to 2021", "Foreign policy since 1969"):
        aid = _one(_under_heading(heading, body), "aid.provided")
        assert (aid.source, aid.target, aid.date) == ("DNK", "AFG", None)
    # A heading that names the time itself still dates what it holds.
    for heading, value in (("Relations in 2010", "2010"), ("Cold War (1947–1991)", "1947/1991")):
        aid = _one(_under_heading(heading, body), "aid.provided")
        assert (aid.date, aid.date_source) == (value, "heading")


def test_however_opens_a_clause_of_its_own() -> None:
    # Foreign relations of Albania: 1979 is the closure's, the opening came "shortly" after 1974.
    events = text_events(
        "Foreign relations of Albania",
        "Mexico recognized and established diplomatic relations with Albania on 15 October 1974."
        " Shortly thereafter Mexico opened a resident embassy in Tirana, however the embassy was"
        " closed in 1979.",
    )
    assert _one(events, "mission.opened").date == "1974-10"
    assert _one(events, "mission.closed").date == "1979"
    # Foreign relations of North Korea: the delegation after "however" is the visitor.
    events = text_events(
        "Foreign relations of North Korea",
        "The Federal Republic of Germany (West Germany) remained in a rather hostile position"
        " towards the DPRK during the Cold War and only maintained basic diplomatic contact,"
        " however in 1981 a delegation of DPRK officials visited Bonn.",
    )
    visit = _one(events, "visit")
    assert (visit.source, visit.target, visit.date) == ("PRK", "DEU", "1981")


def test_a_summits_city_is_no_party() -> None:
    # Foreign relations of Albania: NATO invited, not Romania.
    events = text_events(
        "Foreign relations of Albania",
        "At the 2008 Bucharest summit, NATO invited Albania to join the alliance.",
    )
    assert not [e for e in events if "ROU" in e.actors]


def test_agreed_to_establish_relations_is_the_establishment() -> None:
    # Foreign relations of Myanmar, of Jordan, of Qatar: the formula of a joint communiqué.
    for title, sentence, type_, pair in (
        (
            "Foreign relations of Myanmar",
            "On January 10, 1955, Burma and Cambodia agreed to establish diplomatic relations,"
            " which were maintained with the Lon Nol government after the deposition of Norodom"
            " Sihanouk in March 1970.",
            "relations.established",
            ("KHM", "MMR"),
        ),
        (
            "Foreign relations of Jordan",
            "The Philippines and Jordan agreed to establish formal diplomatic relations and to"
            " exchange ambassadors on March 1, 1976.",
            "relations.established",
            ("JOR", "PHL"),
        ),
        (
            "Foreign relations of Qatar",
            "In January 2021, UAE and Qatar agreed to resume diplomatic relations.",
            "relations.restored",
            ("ARE", "QAT"),
        ),
    ):
        event = _one(text_events(title, sentence), type_)
        assert (event.actors, event.modality) == (pair, "occurred")


def test_an_act_said_to_be_proposed_is_planned() -> None:
    # Foreign relations of the Philippines: the establishment was proposed, a year before.
    events = text_events(
        "Barbados–Philippines relations",
        "The establishment of relations was proposed by Barbados the year before.",
    )
    assert _one(events, "relations.established").modality == "planned"


def test_a_sentence_with_a_time_of_its_own_takes_none_from_the_one_before() -> None:
    # Foreign relations of Afghanistan: the deterioration is the invasion's (1979), not 1920's.
    events = text_events(
        "Foreign relations of Afghanistan",
        "In May 1920 Afghanistan and Iran signed a friendship treaty. Following the Soviet"
        " invasion of Afghanistan and the Iranian Revolution, relations deteriorated.",
    )
    assert _one(events, "relations.deteriorated").date is None
    # Foreign relations of Indonesia and of Nepal: a present state or habit.
    events = text_events(
        "Foreign relations of Indonesia",
        "Indonesia and Venezuela established relations in 1959. Indonesia supports Venezuela in"
        " the Guyana–Venezuela territorial dispute.",
    )
    assert _one(events, "dispute.territorial").date is None
    events = text_events(
        "Foreign relations of Nepal",
        "Norway gave aid to Nepal in 2017. Norwegian aid prioritizes education, good governance"
        " and energy.",
    )
    assert [e.date for e in events if e.type == "aid.provided"] == ["2017", None]


def test_days_of_two_months_are_one_interval() -> None:
    # Foreign relations of Japan (both versions of the page).
    events = text_events(
        "Foreign relations of Japan",
        "Minister of Foreign Affairs of the Republic of Moldova, Nicolae Tăbăcaru paid a visit to"
        " Japan from 31 January to 4 February 1999.",
    )
    assert _one(events, "visit").date == "1999-01-31/1999-02-04"
    # Foreign relations of South Korea, of Qatar, of the United Nations conference pages.
    for text, value in (
        ("visited Moscow from June 2 to June 10, 1989", "1989-06-02/1989-06-10"),
        ("visited Costa Rica from January 24 to January 25, 2010", "2010-01-24/2010-01-25"),
        ("at San Francisco from 25 April to 26 June 1945", "1945-04-25/1945-06-26"),
        ("between 30 April and 2 May 2014", "2014-04-30/2014-05-02"),
    ):
        assert [d.edtf for d in find_dates(text)] == [value]
    # Two days named with "and" (no "between") are two days, not the days between.
    assert [d.edtf for d in find_dates("on 31 January and 4 February 1999")] == ["1999-02-04"]
