"""Narrative sentences to events: arguments inside the clause, modality, dates (issue 8).

Each case is a short article in the pandoc text format, read and extracted as `dyad extract`
would; the assertions are what a reader of the sentence would check.
"""

from __future__ import annotations

import pytest

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text


def _events(title: str, body: str) -> list[Event]:
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    return [e for e in extract(doc).events]


def _of(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Diplomatic relations between Chile and Peru were established on 19 December 1950.",
            "1950-12-19",
        ),
        ("Relations between the two countries started on 30 June 1973.", "1973-06-30"),
        ("Chile and Peru first established bilateral relations in 1962.", "1962"),
        ("The two countries have maintained diplomatic relations since 1963.", "1963"),
    ],
)
def test_extract_narrative_establishment_forms(sentence: str, date: str) -> None:
    events = _of(_events("Chile–Peru relations", sentence), "relations.established")
    assert [(e.date, e.actors) for e in events] == [(date, ("CHL", "PER"))]


def test_extract_narrative_re_established_is_not_established() -> None:
    events = _events("Chile–Peru relations", "Relations were re-established on 3 March 1981.")
    assert not _of(events, "relations.established")


def test_extract_narrative_third_party_gets_its_own_pair() -> None:
    events = _events(
        "Chad–Taiwan relations",
        "In 1972 Chad switched recognition from the Republic of China to the People's Republic "
        "of China.",
    )
    withdrawn = _of(events, "recognition.withdrawn")
    granted = _of(events, "recognition.granted")
    assert [(e.source, e.target, e.date) for e in withdrawn] == [("TCD", "TWN", "1972")]
    assert [(e.source, e.target, e.date) for e in granted] == [("TCD", "CHN", "1972")]


def test_extract_narrative_second_country_after_another_names_two_recognitions() -> None:
    events = _events(
        "Estonia–Latvia relations",
        "In 1991 Latvia was the second country, after Iceland, to recognise Estonia.",
    )
    granted = {(e.source, e.target) for e in _of(events, "recognition.granted")}
    assert granted == {("LVA", "EST"), ("ISL", "EST")}


def test_extract_narrative_recognition_inside_another_clause() -> None:
    events = _events(
        "Estonia–Russia relations",
        "The treaty was signed in January 1991, with Russia recognizing Estonia's sovereignty.",
    )
    assert [(e.source, e.target) for e in _of(events, "recognition.granted")] == [("RUS", "EST")]


def test_extract_narrative_companies_are_not_states() -> None:
    events = _events(
        "Iraq–United Kingdom relations",
        "In 2009 BP signed an agreement with Iraq to develop the Rumaila oil field. In 2010 "
        "British Petroleum Corporation signed a contract with Iraq.",
    )
    assert not _of(events, "agreement.signed")


def test_extract_narrative_currency_is_not_a_state() -> None:
    events = _events(
        "India–Tajikistan relations",
        "In 2008 India gave US$2 million worth of emergency aid to Tajikistan.",
    )
    assert [(e.source, e.target) for e in _of(events, "aid.provided")] == [("IND", "TJK")]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("In 2010 Chile sought to open an embassy in Peru.", "planned"),
        ("In 2010 Chile did not open an embassy in Peru.", "negated"),
        ("Chile's state visit to Peru was deferred until 2011.", "cancelled"),
        ("Chile refused to recognize Peru in 1830.", "negated"),
        ("Chile opened an embassy in Peru in 2010.", "occurred"),
    ],
)
def test_extract_narrative_modality(sentence: str, modality: str) -> None:
    events = _events("Chile–Peru relations", sentence)
    assert events and {e.modality for e in events} == {modality}


def test_extract_narrative_would_have_is_hypothetical_and_would_later_occurred() -> None:
    events = _events(
        "China–United States relations",
        "An invasion would have led to a war between China and the United States. "
        "China would later establish diplomatic relations with the United States in 1979.",
    )
    assert {e.type: e.modality for e in events} == {
        "conflict.armed": "hypothetical",
        "relations.established": "occurred",
    }


def test_extract_narrative_date_from_the_trigger_clause() -> None:
    events = _events(
        "Chad–Taiwan relations",
        "Chad and the Republic of China established bilateral relations in 1962, before Chad "
        "chose to switch recognition from the Republic of China to the People's Republic of "
        "China in 1972.",
    )
    assert [e.date for e in _of(events, "relations.established")] == ["1962"]
    assert [e.date for e in _of(events, "recognition.withdrawn")] == ["1972"]


def test_extract_narrative_each_date_and_each_time_is_an_event() -> None:
    events = _events(
        "China–Nigeria relations",
        "In 2004 and again in 2006, Chinese President Hu Jintao made state visits to Nigeria. "
        "The Nigerian president visited China three times in 2010.",
    )
    visits = [(e.source, e.date) for e in _of(events, "visit")]
    assert sorted(visits) == [
        ("CHN", "2004"),
        ("CHN", "2006"),
        ("NGA", "2010"),
        ("NGA", "2010"),
        ("NGA", "2010"),
    ]
    assert len({e.id for e in _of(events, "visit")}) == 5


def test_extract_narrative_no_event_dated_after_today() -> None:
    events = _events(
        "Egypt–Saudi Arabia relations",
        "Egypt and Saudi Arabia signed an agreement on the Vision 2030 projects. "
        "Egypt and Saudi Arabia will sign a treaty in 2099.",
    )
    assert {e.date for e in _of(events, "agreement.signed")} == {None}


def test_extract_narrative_new_vocabulary() -> None:
    events = _events(
        "Japan–South Korea relations",
        "Japan occupied Korea in 1910. Japan ratified the treaty in 1965. The treaty entered "
        "into force in 1965. Japan claims the Liancourt Rocks, which are administered by "
        "South Korea.",
    )
    types = {e.type for e in events}
    assert {
        "conflict.occupation",
        "agreement.ratified",
        "agreement.in-force",
        "dispute.territorial",
    } <= types
    occupation = _of(events, "conflict.occupation")[0]
    assert (occupation.source, occupation.target, occupation.date) == ("JPN", "KOR", "1910")


def test_extract_narrative_row_without_flag_takes_its_pair_from_the_hatnote() -> None:
    from conftest import DATA
    from dyad.read import read_file

    doc = read_file(DATA / "text" / "Foreign_relations_of_Malawi.md")
    events = [e for e in extract(doc).events if "the two governments signed" in e.evidence.text]
    assert [(e.type, e.actors, e.date) for e in events] == [
        ("agreement.signed", ("MWI", "ZAF"), "2008")
    ]


@pytest.mark.parametrize(
    ("title", "sentence", "pairs"),
    [
        (
            "France–Germany relations",
            "In 2014 France and Germany signed agreements with Ukraine.",
            [("DEU", "UKR"), ("FRA", "UKR")],
        ),
        (
            "Chile–Peru relations",
            "In 2010 Chile signed agreements with Peru and Bolivia.",
            [("BOL", "CHL"), ("CHL", "PER")],
        ),
        (
            "Kiribati–Taiwan relations",
            "In 2003 Kiribati established diplomatic relations with Taiwan and China severed "
            "its relations with the country.",
            [("KIR", "TWN")],
        ),
    ],
)
def test_extract_narrative_coordinated_parties_each_get_their_pair(
    title: str, sentence: str, pairs: list[tuple[str, str]]
) -> None:
    events = [e for e in _events(title, sentence) if e.type != "relations.severed"]
    assert sorted(e.actors for e in events) == pairs
