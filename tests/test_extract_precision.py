"""General causes of wrong narrative events (issue 8): who may be a party, joint actors,
private visitors. Each case is a corpus sentence form, not a sentence of the judged sample."""

from __future__ import annotations

import pytest

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text


def _events(title: str, body: str) -> list[Event]:
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    return list(extract(doc).events)


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


def test_a_state_in_the_same_form_is_still_a_party() -> None:
    events = _events(
        "Foreign relations of Japan", "Japan signed a fisheries agreement with Iceland in 2010."
    )
    assert [e.actors for e in events if e.type == "agreement.signed"] == [("ISL", "JPN")]
