"""Aid, cooperation, trade, migration and agreements in untuned prose (issue 8, recall-coop:
rules/89-cooperation-aid.toml and the amounts of :mod:`dyad.extract.quantities`). Each case is a
sentence of a corpus article outside the gold sets (the Foreign relations pages of Australia,
Zimbabwe, Venezuela, Namibia, Kuwait ... and the bilateral texts), read and extracted as
`dyad extract` would. The assertions are what a reader checks: the type, the pair, the
direction, the amount; and that look-alikes give nothing.
"""

from __future__ import annotations

import pytest

from dyad.extract.quantities import find_money
from dyad.model import Event
from narrative_helpers import text_events

_events = text_events


def _of_type(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


# ---------------------------------------------------------------- sums of money as amounts

MONEY = [
    (  # Foreign relations of Zimbabwe
        "Canada–Zimbabwe relations",
        "Bilateral trade totalled C$16 million in 2011, down from C$430 million in 1999.",
        "cooperation.economic",
        16e6,
    ),
    (  # Foreign relations of Australia
        "Australia–Dominica relations",
        "The Australian Government provided A$1.5 million in humanitarian assistance to "
        "Dominica after Hurricane Maria in 2017.",
        "aid.provided",
        1.5e6,
    ),
    (  # Foreign relations of Venezuela
        "Foreign relations of Venezuela",
        "In 2009 Antigua and Barbuda received US$50 million from Venezuela because of the "
        "country's membership in this alliance.",
        "aid.provided",
        50e6,
    ),
    (  # Foreign relations of Australia: the sum nearest the trigger, not the later part
        "Australia–South Sudan relations",
        "Australia has contributed almost $113 million in humanitarian assistance to South "
        "Sudan since the outbreak of conflict in December 2013, including over $60 million "
        "since 2017.",
        "aid.provided",
        113e6,
    ),
    (  # Foreign relations of Mongolia: the currency after the number
        "Mongolia–Turkey relations",
        "Trade volume between the two countries was 39.7 million US$ in 2019 (Mongolian "
        "exports/imports: 0.5/39.2 million USD.",
        "cooperation.economic",
        39.7e6,
    ),
]


@pytest.mark.parametrize(("title", "body", "type_", "amount"), MONEY)
def test_a_sum_of_money_is_the_amount(title: str, body: str, type_: str, amount: float) -> None:
    found = _of_type(_events(title, body), type_)
    assert found, f"no {type_} in {body!r}"
    assert found[0].quantity is not None
    assert found[0].quantity.amount == pytest.approx(amount)


def test_numbers_without_a_currency_are_no_money() -> None:
    text = "In 2013, 83% of 500 students and 7,700 tonnes of opium; 12 per cent in 1990."
    assert find_money(text) == []


def test_money_is_read_in_every_usual_writing() -> None:
    amounts = [
        q.amount
        for q in find_money(
            "US$2,035,000; €42.7 million; 112 million DKK; 25.278 billion yen; $6bn; "
            "CAD $13 mil; 309,000 USD"
        )
    ]
    assert amounts == pytest.approx([2_035_000, 42.7e6, 112e6, 25.278e9, 6e9, 13e6, 309_000])


def test_a_visit_takes_no_sum_of_money() -> None:
    events = _events(
        "Australia–Peru relations",
        "In 2019 the Australian Prime Minister visited Peru and announced $5 million for mining.",
    )
    assert all(e.quantity is None for e in events if e.type == "visit")


# ---------------------------------------------------------------- ranked economic partners

RANKED = [
    (
        "Foreign relations of Iran",
        "Italy was Iran's top European Union trading partner in early 2006.",
        {"IRN", "ITA"},
    ),
    (
        "Foreign relations of India",
        "Britain is also one of the largest investors in India.",
        {"GBR", "IND"},
    ),
    (
        "Foreign relations of Bangladesh",
        "Germany is the second largest export market of Bangladesh after the US.",
        {"BGD", "DEU"},
    ),
    (
        "Foreign relations of Ethiopia",
        "Despite these border tensions, Sudan remains a major economic partner of Ethiopia.",
        {"ETH", "SDN"},
    ),
    (
        "Foreign relations of Finland",
        "From 1975 onwards, the Soviet Union became Finland’s largest export market, "
        "overtaking the United Kingdom.",
        {"FIN", "SUN"},
    ),
    (
        "Foreign relations of Mexico",
        "As a result, in 2007 Mexico became Japan's largest trading partner in Latin America.",
        {"JPN", "MEX"},
    ),
    (
        "Foreign relations of Malaysia",
        "India has remained one of its biggest trading partners.",
        {"IND", "MYS"},
    ),
]


@pytest.mark.parametrize(("title", "body", "pair"), RANKED)
def test_a_ranked_trading_partner_is_economic_cooperation(
    title: str, body: str, pair: set[str]
) -> None:
    found = _of_type(_events(title, body), "cooperation.economic")
    assert [set(e.actors) for e in found] == [pair]


def test_the_state_replaced_as_partner_is_none() -> None:
    # Foreign relations of Canada: China replaced Japan; Japan is not the partner here.
    body = "China replaced Japan as Canada's third-largest export market in 2007."
    found = _of_type(_events("Foreign relations of Canada", body), "cooperation.economic")
    assert all("JPN" not in e.actors for e in found)


def test_a_partner_in_politics_is_no_trade() -> None:
    body = "Japan is Australia's most important strategic partner in Asia."
    assert not _of_type(_events("Foreign relations of Australia", body), "cooperation.economic")


# ---- aid: rankings, passives, going acts

AID = [
    (
        "Foreign relations of Palau",
        "Japan is currently the second largest donor to Palau after the United States.",
        ("JPN", "PLW"),
    ),
    ("Foreign relations of Sweden", "Sweden is one of Moldova's top donors.", ("SWE", "MDA")),
    (
        "Foreign relations of Indonesia",
        "In 2008–09, Indonesia is the largest recipient of Australian aid at a value of AUD462 "
        "million.",
        ("AUS", "IDN"),
    ),
    (
        "Foreign relations of Armenia",
        "According to the Armenian government, an unspecified amount of medicines, tents and fire-"
        "fighting equipment was allocated to Lebanese authorities on 27 July 2006.",
        ("ARM", "LBN"),
    ),
    (
        "Foreign relations of Albania",
        "Radar systems for the surveillance of Albanian airspace in addition to telecommunication "
        "equipment have been supplied by Turkey to Albania.",
        ("TUR", "ALB"),
    ),
    (
        "Foreign relations of Haiti",
        "Canada continues to provide substantial aid to Haiti, the second poorest country.",
        ("CAN", "HTI"),
    ),
    (
        "Foreign relations of Taiwan",
        "The ROC began providing economic aid to Kiribati.",
        ("TWN", "KIR"),
    ),
]


@pytest.mark.parametrize(("title", "body", "roles"), AID)
def test_aid_by_ranking_passive_or_going_act(title: str, body: str, roles: tuple[str, str]) -> None:
    found = _of_type(_events(title, body), "aid.provided")
    assert [(e.source, e.target) for e in found] == [roles]


def test_an_aid_amount_in_a_ranking() -> None:
    body = (
        "In 2008–09, Indonesia is the largest recipient of Australian aid at a value of AUD462 "
        "million."
    )
    (event,) = _of_type(_events("Foreign relations of Indonesia", body), "aid.provided")
    assert event.quantity is not None and event.quantity.amount == 462e6


def test_a_bribe_given_is_no_aid() -> None:
    body = (
        "The president asked police to investigate a US$2 million bribe given to Maldivian "
        "officials."
    )
    assert not _of_type(_events("Foreign relations of Kosovo", body), "aid.provided")


def test_a_donor_to_a_fund_is_no_aid_to_a_state() -> None:
    body = "The United Kingdom is the largest bilateral donor to the Global Fund."
    assert not _of_type(_events("Foreign relations of Eswatini", body), "aid.provided")


# ---- the arms trade

ARMS = [
    (
        "Foreign relations of France",
        "France sold weapons to Taiwan, angering the Beijing government.",
        {"FRA", "TWN"},
    ),
    (
        "Foreign relations of Sudan",
        "Belarus exports weapons and military hardware to Sudan since 1996.",
        {"BLR", "SDN"},
    ),
    (
        "Foreign relations of Mexico",
        "Due to its good relations with Russia, Mexico has often purchased military equipment from"
        " Russia.",
        {"MEX", "RUS"},
    ),
    (
        "Foreign relations of India",
        "Russia is the largest supplier of military equipment to India, followed by Israel and "
        "France.",
        {"IND", "RUS"},
    ),
    (
        "Foreign relations of Israel",
        "Germany is a prime supplier of arms to Israel, including Dolphin submarines.",
        {"DEU", "ISR"},
    ),
    (
        "Foreign relations of China",
        "Russia has again become an important source of military technology for China.",
        {"CHN", "RUS"},
    ),
]


@pytest.mark.parametrize(("title", "body", "pair"), ARMS)
def test_the_arms_trade_is_military_cooperation(title: str, body: str, pair: set[str]) -> None:
    found = _of_type(_events(title, body), "cooperation.military")
    assert [set(e.actors) for e in found] == [pair]


@pytest.mark.parametrize(
    "body",
    [
        "Germany's Chancellor Angela Merkel halted the sale of weapons to Saudi Arabia.",
        "France eventually agreed to prohibit local companies from selling arms to Taiwan.",
    ],
)
def test_a_sale_stopped_or_forbidden_is_no_cooperation(body: str) -> None:
    events = _events("Foreign relations of France", body)
    assert not _of_type(events, "cooperation.military")


# ---- agreements beyond "signed": nominalisations, "entered into", "came to", signatories

AGREEMENTS = [
    (
        "Bangladesh–Sudan relations",  # Foreign relations of Bangladesh, its Sudan section
        "In March 2008, both governments came to an agreement which would primarily allow "
        "Bangladesh to export semi-skilled and skilled workers.",
        {"BGD", "SDN"},
        "2008-03",
    ),
    (
        "Foreign relations of Monaco",
        "In 1982, following the July 1981 signing of a new convention between Monaco and the "
        "Holy See reaffirming the close Catholic friendship, relations improved.",
        {"MCO", "VAT"},
        "1981-07",
    ),
    (
        "Foreign relations of Pakistan",
        "Nepal and Pakistan are signatories to the South Asia Free Trade Agreement (SAFTA).",
        {"NPL", "PAK"},
        None,
    ),
    (
        "Foreign relations of Egypt",
        "Contentious issues include Egypt's signing of the Camp David Accords with Israel in 1979.",
        {"EGY", "ISR"},
        "1979",
    ),
    (
        "Foreign relations of Latvia",
        "Relations were first established in 1920, following the conclusion of a Soviet-Latvian "
        "peace treaty on August 11, 1920.",
        {"LVA", "SUN"},
        "1920-08-11",
    ),
]


@pytest.mark.parametrize(("title", "body", "pair", "date"), AGREEMENTS)
def test_an_agreement_told_without_signed(
    title: str, body: str, pair: set[str], date: str | None
) -> None:
    found = _of_type(_events(title, body), "agreement.signed")
    assert [(set(e.actors), e.date) for e in found] == [(pair, date)]


@pytest.mark.parametrize(
    "body",
    [
        "Spain along Great Britain soon withdrew after the signing of the Treaty of La Soledad.",
        "However, the parties were unable to come to an agreement due to the president's failure.",
    ],
)
def test_no_agreement_of_these_two(body: str) -> None:
    assert not _of_type(_events("Foreign relations of Mexico", body), "agreement.signed")


# ---- visa-free travel

VISA = [
    (
        "Foreign relations of Israel",
        "Bolivia originally granted visa free access to Israeli citizens.",
        {"BOL", "ISR"},
    ),
    (
        "Foreign relations of Taiwan",
        "Today bilateral relations between Latvia and Taiwan are positive, with established "
        "economic ties, a visa-free travel regime in place between the two nations.",
        {"LVA", "TWN"},
    ),
    (
        "Foreign relations of Belarus",
        "In 2019, Belarus abolished visas for citizens of Ecuador.",
        {"BLR", "ECU"},
    ),
]


@pytest.mark.parametrize(("title", "body", "pair"), VISA)
def test_visa_free_travel_is_cooperation(title: str, body: str, pair: set[str]) -> None:
    found = _of_type(_events(title, body), "cooperation.other")
    assert [set(e.actors) for e in found] == [pair]


def test_a_visa_refused_is_no_cooperation() -> None:
    body = "In 2019, Belarus refused visas to two journalists from Ecuador."
    assert not _of_type(_events("Foreign relations of Belarus", body), "cooperation.other")


# ---- people moving: workers sent, an influx of refugees

MOVES = [
    (
        "Foreign relations of Bangladesh",
        "Bangladesh like other South Asian countries also send workers to Lebanon to work in "
        "domestic and manual jobs.",
        ("BGD", "LBN"),
    ),
    (
        "Foreign relations of Indonesia",
        "Indonesia resumed sending migrant workers to Malaysia in May 2011.",
        ("IDN", "MYS"),
    ),
    (
        "Foreign relations of Zimbabwe",
        "Such problems include the fact that Botswana has seen an influx of refugees from "
        "Zimbabwe.",
        ("ZWE", "BWA"),
    ),
    (
        "Foreign relations of Albania",
        "A wave of Albanian illegal economic migrants to Greece exacerbated tensions.",
        ("ALB", "GRC"),
    ),
]


@pytest.mark.parametrize(("title", "body", "roles"), MOVES)
def test_people_moving_is_migration(title: str, body: str, roles: tuple[str, str]) -> None:
    found = _of_type(_events(title, body), "migration")
    assert [(e.source, e.target) for e in found] == [roles]


def test_workers_no_longer_sent_is_no_migration() -> None:
    body = (
        "Since 2009 Indonesia has temporarily stop sending domestic workers to Malaysia until "
        "both countries agree on ways to protect them."
    )
    assert not _of_type(_events("Foreign relations of Indonesia", body), "migration")


# ---- agreements ended in the passive or by refusal

ENDED = [
    (
        "Iran–Japan relations",  # Foreign relations of Iran
        "Iran and Japan signed a visa-free travel arrangement in 1974, but it was terminated in "
        "April 1992 due to large-scale illegal Iranian immigration.",
        {"IRN", "JPN"},
        "1992-04",
    ),
    (
        "Guyana–Venezuela relations",  # Foreign relations of Venezuela
        "In 1981, Venezuela refused to renew the protocol.",
        {"GUY", "VEN"},
        "1981",
    ),
    (
        "New Zealand–United States relations",  # Foreign relations of the United States
        "In 1986 the United States suspended its mutual defense obligations to New Zealand "
        "because of the state's non-nuclear policies.",
        {"NZL", "USA"},
        "1986",
    ),
]


@pytest.mark.parametrize(("title", "body", "pair", "date"), ENDED)
def test_an_agreement_ended(title: str, body: str, pair: set[str], date: str) -> None:
    found = _of_type(_events(title, body), "agreement.terminated")
    assert [(set(e.actors), e.date) for e in found] == [(pair, date)]


def test_an_agreement_kept_is_not_ended() -> None:
    body = "In 1981, Venezuela agreed to renew the protocol for twelve more years."
    events = _events("Guyana–Venezuela relations", body)
    assert not _of_type(events, "agreement.terminated")


# ---- a list of agreements: one event each

LISTS = [
    (
        "Mexico–Senegal relations",
        "During his visit to Mexico, both nations signed agreements on cultural and scientific "
        "cooperation and an agreement on technical cooperation.",
        2,
    ),
    (
        "India–Qatar relations",  # Foreign relations of Qatar
        "Both countries signed a maritime defence agreement and an information-sharing agreement "
        "in November 2008.",
        2,
    ),
    (
        "Libya–United Kingdom relations",  # Foreign relations of Libya
        "Bilaterally the two countries have a Double Taxation Agreement, and have signed an "
        "Investment Agreement.",
        2,
    ),
    (
        "Canada–Poland relations",  # Foreign relations of Canada: an apposition, one agreement
        "The relationship goes back to the first bilateral agreement, a Convention on Merchant "
        "Shipping, which was signed in 1935.",
        1,
    ),
]


@pytest.mark.parametrize(("title", "body", "count"), LISTS)
def test_each_agreement_of_a_list_is_an_event(title: str, body: str, count: int) -> None:
    found = _of_type(_events(title, body), "agreement.signed")
    assert len(found) == count
    assert len({e.subject for e in found}) == count
