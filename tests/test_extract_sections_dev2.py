"""Narrative parts of "Foreign relations of X" pages: the partner named by the section heading,
roles found outside the clause, and the phrasings of ``rules/85-narrative-dev2.toml``.

Each case is a short wikitext page whose subject is the page's country; the sentences are
written in the manner of the corpus's pages, and the assertions are what a reader would check.
"""

from __future__ import annotations

from dyad.extract.context import Context
from dyad.extract.pipeline import extract
from dyad.gazetteer import default_gazetteer
from dyad.model import Document, Event
from dyad.read import read_text


def _page(subject: str, body: str) -> Document:
    return read_text(
        body,
        format="wikitext",
        source=f"Foreign_relations_of_{subject}.wiki",
        title=f"Foreign relations of {subject}",
    )


def _events(subject: str, body: str) -> list[Event]:
    return list(extract(_page(subject, body)).events)


def _of(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


def test_heading_naming_the_subject_and_partner_gives_the_partner() -> None:
    doc = _page("Poland", "Intro.\n\n== Poland–Ukraine relations ==\nText.\n")
    regions = Context(doc, default_gazetteer()).regions
    assert [(r.partner, r.kind) for r in regions] == [("UKR", "section")]


def test_heading_relations_with_a_state_gives_the_partner() -> None:
    doc = _page(
        "Poland",
        "Intro.\n\n== Relations with the United States ==\nText.\n\n"
        "== Relations with other countries ==\nMore.\n",
    )
    regions = Context(doc, default_gazetteer()).regions
    assert [r.partner for r in regions] == ["USA"]


def test_heading_naming_a_bloc_gives_no_partner() -> None:
    doc = _page("Poland", "Intro.\n\n== Poland–European Union relations ==\nText.\n")
    assert Context(doc, default_gazetteer()).regions == []


def test_relations_with_heading_gives_the_pair_to_an_unnamed_partner() -> None:
    events = _events(
        "Poland",
        "Intro.\n\n== Relations with Ukraine ==\n"
        "The two countries declared a strategic partnership in 2009.\n",
    )
    assert [(e.actors, e.date) for e in _of(events, "cooperation.other")] == [
        (("POL", "UKR"), "2009")
    ]


def test_subject_is_not_the_target_named_just_before_the_verb() -> None:
    events = _events(
        "Poland",
        "Intro.\n\n== Norway ==\nIn 2014 Poland expelled two Norwegian diplomats, including the "
        "Norwegian consul, and closed its consulate in Oslo.\n",
    )
    assert [(e.source, e.target) for e in _of(events, "mission.closed")] == [("POL", "NOR")]


def test_embassy_history_told_as_a_sequence_of_dates() -> None:
    events = _events(
        "Kenya",
        "Intro.\n\n== Japan ==\nThe Japanese embassy in Nairobi opened in 1964, was closed in "
        "1971, reopened in 1980 and closed again in 1993.\n",
    )
    closed = sorted(e.date for e in _of(events, "mission.closed") if e.date)
    opened = sorted(e.date for e in _of(events, "mission.opened") if e.date)
    assert closed == ["1971", "1993"]
    assert "1980" in opened
    assert all(set(e.actors) == {"JPN", "KEN"} for e in _of(events, "mission.closed"))


def test_reopened_without_a_named_state_takes_the_sections_pair() -> None:
    events = _events(
        "Kenya",
        "Intro.\n\n== Japan ==\nA Japanese consulate was set up in Mombasa. "
        "It was reopened in 1975.\n",
    )
    assert [(e.actors, e.date) for e in _of(events, "mission.opened") if e.date == "1975"] == [
        (("JPN", "KEN"), "1975")
    ]


def test_relations_with_a_state_began_to_thaw() -> None:
    events = _events(
        "Egypt",
        "Intro.\n\n== Israel ==\nAfter the 1979 treaty, relations with Israel began to thaw.\n",
    )
    assert [e.actors for e in _of(events, "relations.improved")] == [("EGY", "ISR")]


def test_standing_territorial_dispute_of_the_two_states() -> None:
    events = _events(
        "Chile",
        "Intro.\n\n== Bolivia ==\nSince 1904 the two countries have been involved in a dispute "
        "over the status of the coastal province.\n",
    )
    assert [e.actors for e in _of(events, "dispute.territorial")] == [("BOL", "CHL")]


def test_invasion_named_by_its_agent() -> None:
    events = _events(
        "Kuwait",
        "Intro.\n\n== Iraq ==\nThe 1990 Iraqi invasion of Kuwait ended relations.\n",
    )
    found = _of(events, "conflict.intervention")
    assert [(e.source, e.target, e.date) for e in found] == [("IRQ", "KWT", "1990")]


def test_troops_sent_to_support_a_state() -> None:
    events = _events(
        "Colombia",
        "Intro.\n\n== South Korea ==\nDuring the Korean War, Colombia was the only Latin "
        "American country sending troops to support South Korea.\n",
    )
    found = _of(events, "cooperation.military")
    assert [set(e.actors) for e in found] == [{"COL", "KOR"}]


def test_statement_describing_the_partner() -> None:
    events = _events(
        "Armenia",
        "Intro.\n\n== Iran ==\nIn 2016 the Armenian foreign minister described Iran as a "
        "reliable neighbour.\n",
    )
    found = _of(events, "statement")
    assert [(e.source, e.target, e.date) for e in found] == [("ARM", "IRN", "2016")]


def test_standing_bilateral_agreements_each_make_one_event() -> None:
    events = _events(
        "Kenya",
        "Intro.\n\n== United Kingdom ==\nBilaterally the two countries have a Double Taxation "
        "Convention, and an Investment Promotion Agreement.\n",
    )
    found = _of(events, "agreement.signed")
    assert len(found) == 2
    assert all(e.actors == ("GBR", "KEN") for e in found)


def test_biggest_trading_partner() -> None:
    events = _events(
        "Zambia",
        "Intro.\n\n== China ==\nChina is one of Zambia's largest trading partners.\n",
    )
    assert [e.actors for e in _of(events, "cooperation.economic")] == [("CHN", "ZMB")]


def test_a_said_with_no_partner_in_the_passage_is_no_event() -> None:
    events = _events("Zambia", "Intro.\n\nThe minister said that the economy grew.\n")
    assert not _of(events, "statement")


def test_visits_listed_by_visitor_and_date_are_one_visit_each() -> None:
    events = _events(
        "Ghana",
        "Intro.\n\n== United States ==\nSeveral American officials have made visits to Ghana, "
        "such as Secretary of State Colin Powell in May 2002, Secretary of Defense Robert Gates "
        "in March 2008, and Secretary of State John Kerry in June 2014.\n",
    )
    visits = _of(events, "visit")
    assert sorted(e.date for e in visits if e.date) == ["2002-05", "2008-03", "2014-06"]
    assert all(e.actors == ("GHA", "USA") for e in visits)


def test_each_named_agreement_of_a_list_with_its_year() -> None:
    events = _events(
        "Norway",
        "Intro.\n\n== Sweden ==\nThe Karlstad Treaty of 1905 and the Nordic Passport Union "
        "Agreement of 1952 shaped the border.\n",
    )
    found = _of(events, "agreement.signed")
    assert sorted((e.date, e.actors) for e in found) == [
        ("1905", ("NOR", "SWE")),
        ("1952", ("NOR", "SWE")),
    ]


def test_a_lone_named_agreement_in_passing_is_no_event_of_the_pair() -> None:
    events = _events(
        "Norway",
        "Intro.\n\n== Sweden ==\nAfter the Helsinki Final Act Accord of 1975, trade grew.\n",
    )
    assert not [e for e in _of(events, "agreement.signed") if e.rule.endswith("named-dated")]


def test_between_two_countries_and_these_two_countries_name_the_pair() -> None:
    events = _events(
        "Chile",
        "Intro.\n\n== Peru ==\nRelations between two countries were tense in the 1970s. "
        "These two countries signed a fisheries agreement in 1992.\n",
    )
    assert [e.actors for e in _of(events, "relations.deteriorated")] == [("CHL", "PER")]
    assert [(e.actors, e.date) for e in _of(events, "agreement.signed")] == [
        (("CHL", "PER"), "1992")
    ]
