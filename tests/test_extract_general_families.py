"""General narrative families of untuned prose (issue 8, rules/87-narrative-general.toml): each
case is a sentence of a corpus article (the Foreign relations pages of Montenegro, Sri Lanka,
Guyana, Seychelles, Iceland, Ethiopia, Chad, Namibia, Mali, Switzerland, Liberia, China,
Australia, Fiji, Somalia, North Korea, Kiribati, Libya ...), read and extracted as
`dyad extract` would. The assertions are what a reader checks: the type, the pair, the direction
and the date, and that look-alikes give nothing.
"""

from __future__ import annotations

import pytest

from dyad.model import Event
from narrative_helpers import text_events

_events = text_events


def _facts(events: list[Event], type_: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.source, e.target, e.date) for e in events if e.type == type_]


CASES = [
    # ---- a mission that becomes an embassy
    (
        "Foreign relations of Montenegro",
        "China transformed its consulate into an embassy in Podgorica on July 7, 2006.",
        "relations.upgraded",
        ("CHN", "MNE", "2006-07-07"),
    ),
    (
        "Foreign relations of Sri Lanka",
        "In 1970, North Korea trade delegation's office in Colombo became an embassy.",
        "relations.upgraded",
        ("PRK", "LKA", "1970"),
    ),
    (
        "Foreign relations of Guyana",
        "In 1964 Canada opened the Commission of Canada in Georgetown, Guyana. "
        "In 1966 it became a Canadian High Commission.",
        "relations.upgraded",
        ("CAN", "GUY", "1966"),
    ),
    (
        "Foreign relations of Seychelles",
        "A U.S. consulate was opened in May 1976 and became an embassy after Seychelles' "
        "independence in June 1976.",
        "relations.upgraded",
        ("USA", "SYC", "1976-06"),
    ),
    # ---- envoys assigned, appointed, accredited
    (
        "Foreign relations of Iceland",
        "In May 1972, China assigned the first resident ambassador to Iceland.",
        "envoy.accredited",
        ("CHN", "ISL", "1972-05"),
    ),
    (
        "Foreign relations of Ethiopia",
        "In 1961, prior to Kenya's independence, Ethiopia appointed its first ambassador to Kenya.",
        "envoy.accredited",
        ("ETH", "KEN", "1961"),
    ),
    (
        "Foreign relations of Chad",
        "Both countries established diplomatic relations on 16 December 1963 when appointed "
        "first Ambassador of Switzerland to Chad (resident in Lagos) Mr. Giovanni Enrico Bucher.",
        "envoy.accredited",
        ("CHE", "TCD", "1963-12-16"),
    ),
    (
        "Foreign relations of Namibia",
        "Both countries established diplomatic relations on 13 July 2005 when has been "
        "accredited ambassador of Madagascar to Namibia with residence in Pretoria Mr. Yvan "
        "Randriasandratriniony.",
        "envoy.accredited",
        ("MDG", "NAM", "2005-07-13"),
    ),
    (
        "Foreign relations of Mali",
        "Both countries established diplomatic relations on 14 March 1963 when M. Gerard "
        "Walravens, first Ambassador of Belgium, presented his letters of credentials to "
        "President Modibo Keita.",
        "envoy.accredited",
        ("BEL", "MLI", "1963-03-14"),
    ),
    # ---- "since DATE, X has an embassy in Y", "which was opened in DATE": opened then
    (
        "Foreign relations of Vietnam",
        "Since 1 April 1994, Denmark has an embassy in Hanoi.",
        "mission.opened",
        ("DNK", "VNM", "1994-04-01"),
    ),
    (
        "Foreign relations of Indonesia",
        "Greece has an embassy in Jakarta which was opened in 1997.",
        "mission.opened",
        ("GRC", "IDN", "1997"),
    ),
    (
        "Foreign relations of Ghana",
        "Guinea has an embassy in Accra, which was opened in 1958.",
        "mission.opened",
        ("GIN", "GHA", "1958"),
    ),
    # ---- relations strained, tense, bad (the partner after "with")
    (
        "Foreign relations of Bolivia",
        "On 30 July 2014, Bolivian relations with Israel were further strained.",
        "relations.deteriorated",
        (None, None, "2014-07-30"),
    ),
    (
        "Foreign relations of South Korea",
        "As of early 2009, relationships between North Korea and South Korea were very tense.",
        "relations.deteriorated",
        (None, None, "2009"),
    ),
    # ---- sanctions joined, travel bans
    (
        "Foreign relations of Switzerland",
        "Though not a member at the time, Switzerland had joined UN sanctions against Iraq "
        "after the invasion of Kuwait.",
        "sanctions.imposed",
        ("CHE", "IRQ", None),
    ),
    (
        "Foreign relations of Liberia",
        "The United States withdrew Peace Corps operations and imposed a travel ban on senior "
        "Liberian Government officials.",
        "sanctions.imposed",
        ("USA", "LBR", None),
    ),
    # ---- accusations, concerns, criticism
    (
        "Foreign relations of Japan",
        "In the early 2010s, relations cooled once more, with Japan accusing China of "
        "withholding its reserves of valuable rare earth elements.",
        "protest",
        ("JPN", "CHN", "2010/2013"),
    ),
    (
        "Foreign relations of Australia",
        "In 2019, Australia, like most Western countries, expressed concerns about Iran's "
        "human-rights record and its nuclear-weapons program.",
        "protest",
        ("AUS", "IRN", "2019"),
    ),
    (
        "Foreign relations of Fiji",
        "Before the 2006 coup, the US government was highly critical of Fiji, causing tensions "
        "between the two countries.",
        "protest",
        ("USA", "FJI", "2006"),
    ),
    # ---- statements: welcomed, called
    (
        "Foreign relations of Somalia",
        "The subsequent establishment of the Federal Government of Somalia in August 2012 was "
        "welcomed by the Danish authorities, who re-affirmed Denmark's continued support.",
        "statement",
        ("DNK", "SOM", "2012-08"),
    ),
]


@pytest.mark.parametrize(("title", "sentence", "type_", "fact"), CASES)
def test_general_family_is_read(
    title: str, sentence: str, type_: str, fact: tuple[str, str, str | None]
) -> None:
    assert fact in _facts(_events(title, sentence), type_)


@pytest.mark.parametrize(
    ("title", "sentence", "type_"),
    [
        # the receiving state of "the latter has accredited" is not read as the sender
        (
            "Foreign relations of North Korea",
            "North Korea maintains an embassy in Singapore while the latter has accredited a "
            "non-resident ambassador to Pyongyang from Beijing since 1990.",
            "envoy.accredited",
        ),
        # a politician's reply is not his state's protest
        (
            "Foreign relations of Kiribati",
            "His brother and main political opponent, Harry Tong, responded by accusing Taiwan "
            "of excessive influence on Kiribati.",
            "protest",
        ),
        # a named leader of unknown state calling a state names is no statement of the page
        (
            "Foreign relations of Switzerland",
            'At the 35th G8 summit in July 2009, Muammar Gaddafi called Switzerland a "world '
            'mafia".',
            "statement",
        ),
        # an ordinance enforcing sanctions on a movement is no sanction on a state
        (
            "Foreign relations of Switzerland",
            "Switzerland in October 2000 implemented an ordinance to enforce UN sanctions "
            "against the Taliban.",
            "sanctions.imposed",
        ),
        # a table's run-on "Date started: 1960 Canada has a high commission" is no opening date
        (
            "Foreign relations of Nigeria",
            "Date started: 1960 Canada has a high commission in Abuja and a deputy high "
            "commission in Lagos.",
            "mission.opened",
        ),
        # welcoming a visitor is not a statement
        (
            "Foreign relations of Serbia",
            "In 2024 minister Dacic welcomes President of Central African Republic in Belgrade.",
            "statement",
        ),
    ],
)
def test_look_alike_gives_nothing(title: str, sentence: str, type_: str) -> None:
    assert _facts(_events(title, sentence), type_) == []


def test_residence_city_is_not_the_receiver() -> None:
    events = _events(
        "Foreign relations of Mongolia",
        "In March 1989, Mongolia accredited its first ambassador resident in Beijing to Laos.",
    )
    assert _facts(events, "envoy.accredited") == [("MNG", "LAO", "1989-03")]


@pytest.mark.parametrize(
    ("title", "sentence", "pair"),
    [
        (
            "Foreign relations of Bolivia",
            "On 30 July 2014, Bolivian relations with Israel were further strained.",
            ("BOL", "ISR"),
        ),
        (
            "Foreign relations of Papua New Guinea",
            "As of November 2005, relations with Pacific neighbor Fiji have been strained.",
            ("FJI", "PNG"),
        ),
        (
            "Foreign relations of South Korea",
            "As of early 2009, relationships between North Korea and South Korea were very tense.",
            ("KOR", "PRK"),
        ),
    ],
)
def test_strained_relations_name_their_pair(
    title: str, sentence: str, pair: tuple[str, str]
) -> None:
    events = [e for e in _events(title, sentence) if e.type == "relations.deteriorated"]
    assert [e.actors for e in events] == [pair]
