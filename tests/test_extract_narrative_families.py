"""Narrative families that untuned prose words differently (issue 8): each case is a sentence
shaped like those of several corpus articles (the Foreign relations pages of Chile, Finland,
Germany, Greece, Honduras, Italy, Bangladesh, Russia, Kiribati, Jamaica, Turkey, India ...),
read and extracted as `dyad extract` would. The assertions are what a reader checks: the type,
the pair, the direction and the date, and that look-alikes give nothing.
"""

from __future__ import annotations

import pytest

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text
from narrative_helpers import text_events

_events = text_events


def _of(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


def _facts(
    events: list[Event],
) -> list[tuple[str, str | None, str | None, tuple[str, ...], str | None]]:
    return [(e.type, e.source, e.target, e.actors, e.date) for e in events]


# ---------------------------------------------------------------- established, restored, broken


@pytest.mark.parametrize(
    ("title", "sentence", "pair", "date"),
    [
        (
            "Foreign relations of Kiribati",
            "Diplomatic relations between Kiribati and India were established on 6 August 1985.",
            ("IND", "KIR"),
            "1985-08-06",
        ),
        (
            "Foreign relations of Honduras",
            "Diplomatic relations between the USSR and Honduras established on 30 September 1990.",
            ("HND", "SUN"),
            "1990-09-30",
        ),
        (
            "Foreign relations of Malta",
            "The establishment of diplomatic relations between the Republic of Korea and Malta "
            "began on April 2, 1965.",
            ("KOR", "MLT"),
            "1965-04-02",
        ),
        (
            "Finland–Tunisia relations",
            "Diplomatic relations between them were established on 17 July 1959.",
            ("FIN", "TUN"),
            "1959-07-17",
        ),
        (
            "India–Yemen relations",
            "Diplomatic relations between these countries were established on 15 March 1962.",
            ("IND", "YEM"),
            "1962-03-15",
        ),
        (
            "Cyprus–Uganda relations",
            "Both countries established diplomatic relation on May 11, 2011.",
            ("CYP", "UGA"),
            "2011-05-11",
        ),
    ],
)
def test_narrative_families_established(
    title: str, sentence: str, pair: tuple[str, str], date: str
) -> None:
    events = _of(_events(title, sentence), "relations.established")
    assert [(e.actors, e.date, e.modality) for e in events] == [(pair, date, "occurred")]


@pytest.mark.parametrize(
    ("sentence", "type_", "date"),
    [
        (
            "Full diplomatic relations between both countries were re-established in August 1991.",
            "relations.restored",
            "1991-08",
        ),
        (
            "Diplomatic relations between the two nations were re-established in 1990.",
            "relations.restored",
            "1990",
        ),
        (
            "Diplomatic relations between Chile and Peru were severed in 1983 by the Governor "
            "General.",
            "relations.severed",
            "1983",
        ),
        (
            "Relations between Chile and Peru were broken off in 1939.",
            "relations.severed",
            "1939",
        ),
        ("Chilean-Peruvian ties were briefly suspended in 2007.", "relations.suspended", "2007"),
    ],
)
def test_narrative_families_history_with_the_pair_before_the_verb(
    sentence: str, type_: str, date: str
) -> None:
    events = _events("Chile–Peru relations", sentence)
    assert _facts(events) == [(type_, None, None, ("CHL", "PER"), date)]


def test_narrative_families_pair_named_before_the_verb_on_a_page_of_one_state() -> None:
    events = _events(
        "Foreign relations of Grenada",
        "Diplomatic relations between Grenada and the Soviet Union were severed in 1983 by the "
        "Governor General of Grenada.",
    )
    assert _facts(events) == [("relations.severed", None, None, ("GRD", "SUN"), "1983")]


# ---------------------------------------------------------------- recognitions


@pytest.mark.parametrize(
    ("title", "sentence", "source", "target", "date"),
    [
        (
            "Foreign relations of Italy",
            "In 1918, Italy was the first country in Europe to recognise Poland's sovereignty.",
            "ITA",
            "POL",
            "1918",
        ),
        (
            "Foreign relations of Germany",
            "After the independence of Bangladesh in 1971 East Germany was the third country in "
            "the world, and the first country in Europe, to officially recognise Bangladesh in "
            "1972.",
            "DDR",
            "BGD",
            "1972",
        ),
        (
            "Foreign relations of Egypt",
            "Egypt was one of the first countries to recognize Indonesia's independence in 1946.",
            "EGY",
            "IDN",
            "1946",
        ),
        (
            "Foreign relations of Finland",
            "Soviet Russia was the first to recognize Finland on 4 January 1918.",
            "RUS",
            "FIN",
            "1918-01-04",
        ),
        (
            "Foreign relations of Bangladesh",
            "Iraq was the first Arab nation to recognise the independence of Bangladesh in 1972.",
            "IRQ",
            "BGD",
            "1972",
        ),
        (
            "Foreign relations of Finland",
            "Japan was the second non-European state after the United States to recognise "
            "Finland's independence in 1919.",
            "JPN",
            "FIN",
            "1919",
        ),
        (
            "Foreign relations of Saudi Arabia",
            "Saudi Arabia recognized Ukraine's independence in 1992.",
            "SAU",
            "UKR",
            "1992",
        ),
        (
            "Foreign relations of Greece",
            "Greece recognized Bosnia and Herzegovina's independence in 1992.",
            "GRC",
            "BIH",
            "1992",
        ),
    ],
)
def test_narrative_families_recognition(
    title: str, sentence: str, source: str, target: str, date: str
) -> None:
    events = _of(_events(title, sentence), "recognition.granted")
    assert [(e.source, e.target, e.date) for e in events] == [(source, target, date)]


def test_narrative_families_recognition_of_a_backed_government_is_not_of_its_backer() -> None:
    events = _events(
        "Foreign relations of India",
        "India was the only South Asian country to recognise the Soviet-backed government in "
        "Kabul in the 1980s.",
    )
    assert not [e for e in _of(events, "recognition.granted") if "SUN" in e.actors]


def test_narrative_families_recognition_refused_stays_negated() -> None:
    events = _events(
        "Foreign relations of Spain", "Spain refused to recognize Kosovo's independence in 2008."
    )
    assert [(e.source, e.target, e.modality) for e in _of(events, "recognition.granted")] == [
        ("ESP", "XKX", "negated")
    ]


# ---------------------------------------------------------------- trade, migration


@pytest.mark.parametrize(
    ("title", "sentence", "pair", "date"),
    [
        (
            "Senegal–Turkey relations",
            "Trade volume between the two countries was US$292 million in 2019.",
            ("SEN", "TUR"),
            "2019",
        ),
        (
            "Foreign relations of Italy",
            "In 2017, the trade between Kazakhstan and Italy amounted to $9.6 billion, which is "
            "an increase of 13.5% compared to 2016.",
            ("ITA", "KAZ"),
            "2017",
        ),
        (
            "Foreign relations of Chile",
            "In 2007, trade between Estonia and Chile was valued at 6.3 million EUR.",
            ("CHL", "EST"),
            "2007",
        ),
        (
            "India–Kenya relations",
            "Bilateral trade amounted to $2.4 billion in 2010.",
            ("IND", "KEN"),
            "2010",
        ),
    ],
)
def test_narrative_families_trade_volume(
    title: str, sentence: str, pair: tuple[str, str], date: str
) -> None:
    events = _of(_events(title, sentence), "cooperation.economic")
    assert [(e.actors, e.date) for e in events] == [(pair, date)]


def test_narrative_families_trade_of_one_state_is_no_pair() -> None:
    events = _events("India–Kenya relations", "India's trade with the world reached $500 billion.")
    assert not _of(events, "cooperation.economic")


@pytest.mark.parametrize(
    ("sentence", "source", "target", "date"),
    [
        (
            "As of 2008, around 10,000 French nationals lived and worked in Gabon.",
            "FRA",
            "GAB",
            "2008",
        ),
        ("In 2022, 17,976 Filipino students studied in Australia.", "PHL", "AUS", "2022"),
    ],
)
def test_narrative_families_migrants_come_from_their_own_state_not_the_page_subject(
    sentence: str, source: str, target: str, date: str
) -> None:
    events = _of(_events("Foreign relations of Sweden", sentence), "migration")
    assert [(e.source, e.target, e.date) for e in events] == [(source, target, date)]


# ---------------------------------------------------------------- wars, climate, upgrades


def test_narrative_families_two_wars_fought_by_the_pair() -> None:
    events = _events(
        "Armenia–Azerbaijan relations",
        "The two nations have fought two wars in 1918–20 (Armenian–Azerbaijani War) and in "
        "1988–94 (Nagorno-Karabakh War).",
    )
    armed = _of(events, "conflict.armed")
    assert armed and {e.actors for e in armed} == {("ARM", "AZE")}
    assert armed[0].date == "1918/1920"


def test_narrative_families_a_verbal_clash_is_no_war() -> None:
    events = _events(
        "Foreign relations of Singapore",
        "In 2002, Indonesia and Singapore have clashed over the delivery of fresh water.",
    )
    assert not _of(events, "conflict.armed")


@pytest.mark.parametrize(
    ("title", "sentence", "pair", "date"),
    [
        (
            "Indonesia–Russia relations",
            "When Sukarno was overthrown, relations between the two states were significantly "
            "deteriorated in 1965.",
            ("IDN", "RUS"),
            "1965",
        ),
        (
            "Egypt–Turkey relations",
            "In 2013 the relations between Turkey and Egypt had quickly deteriorated.",
            ("EGY", "TUR"),
            "2013",
        ),
        (
            # A page about another pair: the states named are the pair, not the page's.
            "Australia–Indonesia relations",
            "The end of 2006 brought strained relations between Russia and Britain.",
            ("GBR", "RUS"),
            "2006",
        ),
    ],
)
def test_narrative_families_deteriorated(
    title: str, sentence: str, pair: tuple[str, str], date: str
) -> None:
    events = _of(_events(title, sentence), "relations.deteriorated")
    assert [(e.actors, e.date) for e in events] == [(pair, date)]


@pytest.mark.parametrize(
    ("title", "sentence", "source", "target", "date"),
    [
        (
            "Foreign relations of Jamaica",
            "In the fall of 1997, Jamaica upgraded its consulate in Havana to an embassy.",
            "JAM",
            "CUB",
            "1997",
        ),
        (
            "Foreign relations of Mauritania",
            "In 2018 the UK upgraded its office in Nouakchott to an embassy.",
            "GBR",
            "MRT",
            "2018",
        ),
    ],
)
def test_narrative_families_mission_upgraded_in_a_capital(
    title: str, sentence: str, source: str, target: str, date: str
) -> None:
    events = _of(_events(title, sentence), "relations.upgraded")
    assert [(e.source, e.target, (e.date or "")[:4]) for e in events] == [(source, target, date)]


@pytest.mark.parametrize(
    ("title", "sentence", "pair", "date"),
    [
        (
            "Foreign relations of Qatar",
            "In September 1992, tensions arose between Qatar and Saudi Arabia when Saudi forces "
            "allegedly attacked a Qatari border post.",
            ("QAT", "SAU"),
            "1992-09",
        ),
        (
            "Foreign relations of Mexico",
            "In the 1930s, diplomatic relations between Italy and Mexico began to deteriorate "
            "when Mussolini invaded Abyssinia.",
            ("ITA", "MEX"),
            "193X",
        ),
        (
            "Foreign relations of Germany",
            "Relations with Turkey significantly deteriorated after the 2016–17 Turkish purges.",
            ("DEU", "TUR"),
            "2016/2017",
        ),
    ],
)
def test_narrative_families_tensions_and_decline(
    title: str, sentence: str, pair: tuple[str, str], date: str
) -> None:
    events = _of(_events(title, sentence), "relations.deteriorated")
    assert [(e.actors, e.date, e.modality) for e in events] == [(pair, date, "occurred")]


def test_narrative_families_a_cancellation_in_a_clause_of_its_own_cancels_nothing_else() -> None:
    events = _events(
        "Argentina–Mexico relations",
        "In 2005, tensions between the two countries started when President Fox canceled the "
        "meeting.",
    )
    assert [(e.type, e.modality) for e in events] == [("relations.deteriorated", "occurred")]


@pytest.mark.parametrize(
    ("title", "sentence", "type_", "source", "target", "date"),
    [
        (
            "Foreign relations of Syria",
            "The German embassy in Damascus was reopened on 20 March 2025.",
            "mission.opened",
            "DEU",
            "SYR",
            "2025-03-20",
        ),
        (
            "Foreign relations of Iraq",
            "In May 2001 in Baghdad the Embassy of Ukraine in Iraq re-opened.",
            "mission.opened",
            "UKR",
            "IRQ",
            "2001-05",
        ),
        (
            "Foreign relations of Germany",
            "Following the closing of the German embassy in Bangui in 1997 Germany is "
            "represented through its embassy in Cameroon.",
            "mission.closed",
            "DEU",
            "CAF",
            "1997",
        ),
        (
            "Foreign relations of Germany",
            "On 6 May 1961 first Ambassador of Mauritania to FRG M. Mamadou Toure presented his "
            "credentials to President Lubke.",
            "envoy.accredited",
            "MRT",
            "DEU",
            "1961-05-06",
        ),
    ],
)
def test_narrative_families_missions_and_envoys(
    title: str, sentence: str, type_: str, source: str, target: str, date: str
) -> None:
    events = _of(_events(title, sentence), type_)
    assert [(e.source, e.target, e.date) for e in events] == [(source, target, date)]


def test_narrative_families_an_undated_reopening_in_passing_is_background() -> None:
    events = _events(
        "Foreign relations of Somalia",
        "He is the first such envoy after the reopening of the Chinese embassy in Mogadishu.",
    )
    assert not _of(events, "mission.opened")


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target", "date"),
    [
        (
            "The Vietnamese invasion of Cambodia in 1978 led to tensions.",
            "intervention",
            "VNM",
            "KHM",
            "1978",
        ),
        (
            "The 1990 Iraqi invasion and occupation of Kuwait were a shock.",
            "occupation",
            "IRQ",
            "KWT",
            "1990",
        ),
        (
            "Tanzania's invasion of Uganda in 1979 toppled Idi Amin.",
            "intervention",
            "TZA",
            "UGA",
            "1979",
        ),
    ],
)
def test_narrative_families_dated_invasion_named_by_its_invader(
    sentence: str, kind: str, source: str, target: str, date: str
) -> None:
    # an invasion is an armed entry (conflict.intervention); one told with its occupation is that
    events = [
        e for e in _events("Foreign relations of Laos", sentence) if e.type.startswith("conflict.")
    ]
    assert [(e.type, e.source, e.target, e.date) for e in events] == [
        (f"conflict.{kind}", source, target, date)
    ]


def test_narrative_families_an_undated_invasion_in_passing_takes_no_date() -> None:
    events = _events(
        "Foreign relations of Albania",
        "The war began in 2014. Since the Russian invasion of Ukraine, relations have been frozen.",
    )
    conflicts = [e for e in events if e.type.startswith("conflict.")]
    assert [(e.type, e.source, e.target, e.date) for e in conflicts] == [
        ("conflict.intervention", "RUS", "UKR", None)
    ]


def test_narrative_families_a_condemned_invasion_is_both_a_protest_and_an_invasion() -> None:
    events = _events(
        "Foreign relations of Mexico",
        "Years later, Mexico condemned the U.S. invasion of Panama in 1989.",
    )
    assert sorted(_facts(events)) == [
        ("conflict.intervention", "USA", "PAN", ("PAN", "USA"), "1989"),
        ("protest", "MEX", "USA", ("MEX", "USA"), "1989"),
    ]


def test_narrative_families_in_recent_years_takes_no_date_from_the_sentence_before() -> None:
    events = _events(
        "Poland–Russia relations",
        "The war began in 1939. In recent years, relations with Russia have worsened considerably.",
    )
    assert [(e.actors, e.date) for e in _of(events, "relations.deteriorated")] == [
        (("POL", "RUS"), None)
    ]


def test_narrative_families_a_standing_agreement_takes_no_date_from_the_sentence_before() -> None:
    events = _events(
        "Mongolia–United Kingdom relations",
        "Relations were established in 1963. Bilaterally the two countries have a Double"
        " Taxation Agreement, and an Investment Agreement.",
    )
    signed = _of(events, "agreement.signed")
    assert signed and all(e.date is None for e in signed)


def test_narrative_families_later_that_year_is_the_year_before() -> None:
    events = _events(
        "Foreign relations of Luxembourg",
        "In January 2007, the Prime Minister visited Poland. Later that year, Luxembourg and"
        " Poland signed an agreement on police cooperation.",
    )
    assert [(e.date, e.date_source) for e in _of(events, "agreement.signed")] == [
        ("2007", "inferred")
    ]


def test_narrative_families_a_bloc_named_by_the_section_is_no_party() -> None:
    text = (
        "== CARICOM ==\nIn 2017 Cuba and the Caribbean Community (CARICOM) bloc signed a trade"
        " and economic cooperation agreement.\n"
    )
    doc = read_text(text, format="wikitext", source="t.wiki", title="Foreign relations of Cuba")
    assert _of(list(extract(doc).events), "agreement.signed") == []


def test_narrative_families_an_invasion_told_by_its_verb_is_an_intervention() -> None:
    events = _events(
        "Foreign relations of Cuba", "In December 1979, the Soviet Union invaded Afghanistan."
    )
    assert [(e.type, e.source, e.target, e.date) for e in events] == [
        ("conflict.intervention", "SUN", "AFG", "1979-12")
    ]
