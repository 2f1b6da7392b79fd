"""Several events in one sentence, each dated from its own clause or conjunct, and the actors of
shapes that are not the passage's pair. The sentences are shaped like those of several corpus
articles (Foreign relations of Rwanda, Iran, Mexico, South Korea, Belarus, Denmark, Chile,
Liberia ...), read and extracted as `dyad extract` would; the assertions are what a reader
checks: the type, the pair, the date, and that look-alikes give nothing.
"""

from __future__ import annotations

import pytest

from dyad.model import Event
from narrative_helpers import text_events

_events = text_events


def _facts(events: list[Event]) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(e.type, e.actors, e.date) for e in events}


# ---------------------------------------------------------------- two verbs, one sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Relations between Libya and Tunisia were severed and restored in October 1994.",
            {
                ("relations.severed", ("LBY", "TUN"), "1994-10"),
                ("relations.restored", ("LBY", "TUN"), "1994-10"),
            },
        ),
        (
            "Relations between Libya and Tunisia were severed in 1979 and restored in 2001.",
            {
                ("relations.severed", ("LBY", "TUN"), "1979"),
                ("relations.restored", ("LBY", "TUN"), "2001"),
            },
        ),
        (
            "Diplomatic relations between Libya and Tunisia were established in 1982 after "
            "having been suspended since the revolution in 1976.",
            {
                ("relations.established", ("LBY", "TUN"), "1982"),
                ("relations.suspended", ("LBY", "TUN"), "1976"),
            },
        ),
        (
            "Relations were established on 2 May 1962 but severed 16 September 1974 and "
            "re-established on 23 January 1991.",
            {
                ("relations.established", ("LBY", "TUN"), "1962-05-02"),
                ("relations.severed", ("LBY", "TUN"), "1974-09-16"),
                ("relations.restored", ("LBY", "TUN"), "1991-01-23"),
            },
        ),
    ],
)
def test_coordinated_verbs_each_make_an_event(
    sentence: str, expected: set[tuple[str, tuple[str, ...], str | None]]
) -> None:
    facts = _facts(_events("Libya–Tunisia relations", sentence))
    assert expected <= facts
    # No event takes the other conjunct's date.
    types = {t for t, _, _ in expected}
    assert {f for f in facts if f[0] in types} == expected


def test_active_voice_restored_them() -> None:
    events = _events(
        "Foreign relations of Tunisia",
        "Tunisia severed relations with Libya in 1976 and restored them in 1977.",
    )
    facts = _facts(events)
    assert ("relations.severed", ("LBY", "TUN"), "1976") in facts
    assert ("relations.restored", ("LBY", "TUN"), "1977") in facts
    assert ("relations.restored", ("LBY", "TUN"), "1976") not in facts


def test_mission_closed_in_protest_is_also_a_protest() -> None:
    events = _events(
        "Iran–Denmark relations",
        "In 2006 Iran closed its embassy in Copenhagen as a protest against the cartoons "
        "controversy.",
    )
    closed = [e for e in events if e.type == "mission.closed"]
    protest = [e for e in events if e.type == "protest"]
    assert [(e.source, e.target, e.date) for e in closed] == [("IRN", "DNK", "2006")]
    assert [(e.source, e.target, e.date) for e in protest] == [("IRN", "DNK", "2006")]


def test_no_second_event_without_a_second_verb() -> None:
    # "restored relations" is the plain rule's: no twin, no severance invented.
    events = _events(
        "Libya–Tunisia relations",
        "Relations between Libya and Tunisia were restored in 1988.",
    )
    assert _facts(events) == {("relations.restored", ("LBY", "TUN"), "1988")}


# ---------------------------------------------------------------- the date of the verb's clause


def test_relative_clause_date_is_not_the_main_verbs() -> None:
    events = _events(
        "Belarus–Ethiopia relations",
        "Belarus opened an embassy in Addis Ababa, which it closed in 2018.",
    )
    by_type = {e.type: e.date for e in events}
    assert by_type.get("mission.closed") == "2018"
    assert by_type.get("mission.opened") != "2018"


def test_each_verb_keeps_its_own_date_around_a_relative_clause() -> None:
    events = _events(
        "Belarus–Ethiopia relations",
        "Belarus opened an embassy in Addis Ababa in 2013, which it closed in 2018.",
    )
    by_type = {e.type: e.date for e in events}
    assert by_type == {"mission.opened": "2013", "mission.closed": "2018"}


def test_a_relative_clause_that_retells_the_act_dates_it() -> None:
    events = _events(
        "Solomon Islands–Taiwan relations",
        "Taiwan's president invited the prime minister of Solomon Islands to visit Taiwan, "
        "which he did in March 2008.",
    )
    assert [e.date for e in events if e.type == "visit"] == ["2008-03"]


# ---------------------------------------------------------------- exceptions


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        (
            "Foreign relations of Libya",
            "Libya cut relations with all countries in 1980 with the exception of China.",
        ),
        (
            "Chile–China relations",
            "Under the military junta, diplomatic relations were cut between Chile and all "
            "Communist nations, with the exception of China and Romania.",
        ),
        (
            "Foreign relations of Israel",
            "In 1967 all Eastern Bloc states except Romania broke off relations with Israel.",
        ),
    ],
)
def test_a_state_set_apart_is_no_party_to_the_act(title: str, sentence: str) -> None:
    events = [e for e in _events(title, sentence) if e.type == "relations.severed"]
    assert not [e for e in events if {"CHN", "ROU"} & set(e.actors)]


def test_the_act_of_the_others_still_stands() -> None:
    events = _events(
        "Foreign relations of Israel",
        "The Soviet Union and the other communist states of Eastern Europe (with the exception "
        "of Romania) cut diplomatic ties with Israel in 1967.",
    )
    severed = [(e.source, e.target, e.date) for e in events if e.type == "relations.severed"]
    assert severed == [("SUN", "ISR", "1967")]


# ---------------------------------------------------------------- a possessor as the subject


@pytest.mark.parametrize(
    ("title", "sentence", "pair", "date"),
    [
        (
            "Liberia–United States relations",
            "Liberia and the United States enjoyed very close ties until strains in the 1970s "
            "due to Liberia's establishment of diplomatic relations with the Soviet Union.",
            ("LBR", "SUN"),
            "197X",
        ),
        (
            "Foreign relations of South Korea",
            "Relations with Taiwan lasted until South Korea's establishment of diplomatic "
            "relations with the People's Republic of China on 22 August 1992.",
            ("CHN", "KOR"),
            "1992-08-22",
        ),
    ],
)
def test_the_possessor_establishes_relations_with_the_object(
    title: str, sentence: str, pair: tuple[str, str], date: str
) -> None:
    established = [e for e in _events(title, sentence) if e.type == "relations.established"]
    assert [(e.actors, e.date) for e in established] == [(pair, date)]
