"""Conflict, disputes, expulsions, sanctions and protests of untuned prose (issue 8,
recall-conflict): each case is a sentence of a corpus article outside the gold sets (the Foreign
relations pages of Cameroon, India, Singapore, Malawi, Yemen, Libya, Madagascar, Belarus,
Fiji, New Zealand ...), read and extracted as `dyad extract` would. The assertions are what a
reader checks: the type, the pair, the direction and the date, and that look-alikes give
nothing of the type.
"""

from __future__ import annotations

import pytest

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text


def _events(title: str, body: str) -> list[Event]:
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    return list(extract(doc).events)


def _pairs(events: list[Event], type_: str) -> set[tuple[str, ...]]:
    return {tuple(e.actors) for e in events if e.type == type_}


def _directed(events: list[Event], type_: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source, e.target, e.date) for e in events if e.type == type_}


# ---- disputes: a dispute (disagreement) with a state, territorial where the clause names land
DISPUTES = [
    (
        "Foreign relations of Cameroon",
        "Cameroon has a dispute with Equatorial Guinea over the exclusive maritime economic zone, "
        "which is currently before the ICJ.",
        "dispute.territorial",
        {("CMR", "GNQ")},
    ),
    (
        "Foreign relations of India",
        "India is also involved in minor territorial disputes with neighbouring Bangladesh, Nepal "
        "and Maldives.",
        "dispute.territorial",
        {("BGD", "IND"), ("IND", "NPL"), ("IND", "MDV")},
    ),
    (
        "Foreign relations of Singapore",
        "Singapore has several long-standing disputes with Malaysia over a number of issues.",
        "dispute.other",
        {("MYS", "SGP")},
    ),
    (
        "Foreign relations of Malawi",
        "Malawi has a dispute with Tanzania over the boundary in Lake Nyasa (Lake Malawi).",
        "dispute.territorial",
        {("MWI", "TZA")},
    ),
    (
        "Foreign relations of Yemen",
        "Yemen settled its dispute with Eritrea over the Hanish Islands in 1998.",
        "dispute.territorial",
        {("ERI", "YEM")},
    ),
    (
        "Foreign relations of Argentina",
        "Argentina has a dispute with neighboring Uruguay about two pulp mills on the Uruguay side "
        "of the shared river.",
        "dispute.other",
        {("ARG", "URY")},
    ),
]


@pytest.mark.parametrize(("title", "body", "type_", "pairs"), DISPUTES)
def test_a_dispute_with_a_state_is_read_with_its_kind(
    title: str, body: str, type_: str, pairs: set[tuple[str, ...]]
) -> None:
    assert _pairs(_events(title, body), type_) == pairs


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # a third state that sided with one party is no party to the dispute
        (
            "Iran–Qatar relations",
            "As the war ended, Iran sided with Qatar during the dispute with Bahrain over the "
            "Fasht a-Dibal Islands.",
        ),
        # the subject of "asked" is not a disputant
        (
            "Iran–Qatar relations",
            "On June 5, Iran asked the Arab nations to settle their dispute through dialogue.",
        ),
    ],
)
def test_a_state_outside_the_dispute_is_not_its_party(title: str, body: str) -> None:
    events = _events(title, body)
    disputes = [e for e in events if e.type.startswith("dispute.")]
    assert all("IRN" not in e.actors for e in disputes)
