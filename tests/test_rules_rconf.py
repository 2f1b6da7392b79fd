"""Conflict, disputes, expulsions, sanctions and protests of untuned prose (issue 8,
recall-conflict): each case is a sentence of a corpus article outside the gold sets (the Foreign
relations pages of Cameroon, India, Singapore, Malawi, Yemen, Libya, Madagascar, Belarus,
Fiji, New Zealand ...), read and extracted as `dyad extract` would. The assertions are what a
reader checks: the type, the pair, the direction and the date, and that look-alikes give
nothing of the type.
"""

from __future__ import annotations

import pytest

from dyad.model import Event
from narrative_helpers import text_events

_events = text_events


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
    # ("Yemen settled its dispute with Eritrea over the Hanish Islands in 1998" is read as the
    # settlement, relations.improved, by 90-diplomatic: tests/test_rules_recall_diplo.py.)
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


# ---- diplomats expelled: the envoys' state is the one that qualifies them
EXPULSIONS = [
    (
        "Foreign relations of Libya",
        "The UK also expelled the Libyan ambassador in London from the country.",
        ("GBR", "LBY", None),
    ),
    (
        "Foreign relations of Madagascar",
        "Traditionally warm relations suffered considerably during the 1970s, when Madagascar "
        "expelled the U.S. ambassador.",
        ("MDG", "USA", "197X"),
    ),
    (
        "Foreign relations of Fiji",
        "Australia's senior diplomat in Fiji was also expelled in the 2006 coup.",
        ("FJI", "AUS", "2006"),
    ),
    (
        "Foreign relations of New Zealand",
        "In 2007 New Zealand's High Commissioner for Fiji Michael Green was expelled from Fiji by "
        "Military leader Frank Banimarama.",
        ("FJI", "NZL", "2007"),
    ),
    (
        "Foreign relations of Qatar",
        "Qatar also expelled Comoran representatives in the country on 19 June 2017, giving them "
        "48 hours to leave the country.",
        ("QAT", "COM", "2017-06-19"),
    ),
    (
        "Foreign relations of Montenegro",
        "In September 2022, six more Russian diplomats were being expelled from Montenegro for "
        "alleged spying.",
        ("MNE", "RUS", "2022-09"),
    ),
]


@pytest.mark.parametrize(("title", "body", "fact"), EXPULSIONS)
def test_the_envoys_state_is_the_one_expelled(
    title: str, body: str, fact: tuple[str, str, str | None]
) -> None:
    assert fact in _directed(_events(title, body), "diplomats.expelled")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # workers and journalists are not envoys
        (
            "Foreign relations of Tunisia",
            "Libya's 1985 expulsion of Tunisian workers and military threats led Tunisia to "
            "sever relations.",
        ),
        (
            "Foreign relations of Belarus",
            "Several Polish journalists have been expelled from the country.",
        ),
    ],
)
def test_people_who_are_not_envoys_are_no_expelled_diplomats(title: str, body: str) -> None:
    assert not _directed(_events(title, body), "diplomats.expelled")


# ---- wars named by their sides (dated), and clashes of the two sides' forces
WARS = [
    (
        "Foreign relations of Libya",
        "The Chadian–Libyan conflict (1978–1987) ended in disaster for Libya in 1987 with the "
        "Toyota War.",
        ("LBY", "TCD"),
        "1978/1987",
    ),
    (
        "Foreign relations of Libya",
        "Following the 1977 Libyan–Egyptian War, relations were suspended for twelve years.",
        ("EGY", "LBY"),
        "1977",
    ),
    (
        "Foreign relations of Australia",
        "Australia vigorously supported Malaysia during the Indonesia-Malaysia confrontation "
        "during 1963–1966.",
        ("IDN", "MYS"),
        "1963/1966",
    ),
    (
        "Foreign relations of Syria",
        "Following the 1982 Israeli invasion of Lebanon, Syrian and Israeli forces clashed in "
        "eastern Lebanon.",
        ("ISR", "SYR"),
        "1982",
    ),
    (
        "Foreign relations of Ethiopia",
        "Ethiopian and Egyptian armies clashed in the early 19th century over control of "
        "territory in what is modern Sudan.",
        ("EGY", "ETH"),
        "18XX",
    ),
    (
        "Foreign relations of Armenia",
        "In 2008, in what became known as the 2008 Mardakert Skirmishes, Armenian forces and "
        "Azerbaijan clashed over Nagorno-Karabakh.",
        ("ARM", "AZE"),
        "2008",
    ),
]


@pytest.mark.parametrize(("title", "body", "pair", "date"), WARS)
def test_a_war_or_a_clash_of_the_two_sides_is_read(
    title: str, body: str, pair: tuple[str, str], date: str
) -> None:
    events = [e for e in _events(title, body) if e.type == "conflict.armed"]
    assert (pair, date) in {(e.actors, e.date) for e in events}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # a quarrel is no armed clash; a war named in passing, undated, is not read
        (
            "Foreign relations of Singapore",
            "Malaysia and Singapore have clashed over the delivery of fresh water to Singapore.",
        ),
        (
            "Foreign relations of Libya",
            "In October 1978, Gaddafi sent Libyan troops to aid Idi Amin in the Uganda–Tanzania "
            "War.",
        ),
        (
            "Foreign relations of Russia",
            "Between 1956 and 1990, Soviet–Palestinian relations were part of the then-ongoing "
            "Soviet–American confrontation.",
        ),
    ],
)
def test_a_quarrel_or_a_name_in_passing_is_no_war(title: str, body: str) -> None:
    assert not [e for e in _events(title, body) if e.type == "conflict.armed"]


# ---- sanctions lifted (the verb before or after the measure) and vetoes of a state's bid
SANCTIONS = [
    (
        "Foreign relations of Chad",
        "On April 10, 2018, the US Government lifted travel restrictions on Chad.",
        "sanctions.lifted",
        ("USA", "TCD", "2018-04-10"),
    ),
    (
        "Foreign relations of Syria",
        "In April 2019, Qatar Airways was granted a license to fly over Syrian airspace and a "
        "Syrian ban on Qatar's Al-Jazeera station was lifted.",
        "sanctions.lifted",
        ("SYR", "QAT", "2019-04"),
    ),
    (
        "Foreign relations of Mauritania",
        "Mauritania applied to join the United Nations in 1960 but was vetoed by the Soviet "
        "Union, who voted the next year for Mauritania's admission.",
        "sanctions.imposed",
        ("SUN", "MRT", "1960"),
    ),
    (
        "Foreign relations of Venezuela",
        "Venezuela vetoed Guyana's bid to become a member of the Organization of American States "
        "(OAS) in 1967.",
        "sanctions.imposed",
        ("VEN", "GUY", "1967"),
    ),
]


@pytest.mark.parametrize(("title", "body", "type_", "fact"), SANCTIONS)
def test_a_measure_lifted_or_a_bid_vetoed_is_read(
    title: str, body: str, type_: str, fact: tuple[str, str, str]
) -> None:
    assert fact in _directed(_events(title, body), type_)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # restrictions on a state's own aid, a veto of an idea: no measure against a state
        (
            "Foreign relations of Colombia",
            "In 2002 the United States Congress lifted restrictions on the use of military aid.",
        ),
        (
            "Foreign relations of Bulgaria",
            "In June 2016 Borisov and Plevneliev vetoed Romania's idea of forming a NATO flotilla "
            "in the Black Sea.",
        ),
    ],
)
def test_no_measure_against_a_state_is_no_sanction(title: str, body: str) -> None:
    events = _events(title, body)
    assert not [e for e in events if e.type.startswith("sanctions.")]


# ---- complaints: a protest against the state the complaint is about
@pytest.mark.parametrize(
    ("title", "body", "fact"),
    [
        (
            "Foreign relations of Bangladesh",
            "In recent years, India has complained that Bangladesh does not secure its border "
            "properly.",
            ("IND", "BGD"),
        ),
        (
            "Foreign relations of Iran",
            "Iran objected to Pakistan's attempts to draft anti-India resolutions at international "
            "organizations such as the OIC in 1994.",
            ("IRN", "PAK"),
        ),
        (
            "Foreign relations of Taiwan",
            "The Taiwanese government complained that Panama maliciously hid the switchover "
            "process until the last moment.",
            ("TWN", "PAN"),
        ),
    ],
)
def test_a_complaint_is_a_protest_against_the_state_it_names(
    title: str, body: str, fact: tuple[str, str]
) -> None:
    events = _events(title, body)
    assert fact in {(e.source, e.target) for e in events if e.type == "protest"}


def test_a_complaint_by_other_states_is_not_the_pages() -> None:
    # the complainers are "the other Central Asian republics", not Kyrgyzstan
    events = _events(
        "Foreign relations of Kyrgyzstan",
        "Whereas the other Central Asian republics have sometimes complained of Russian "
        "interference, Kyrgyzstan has more often wished for more attention.",
    )
    assert not [e for e in events if e.type == "protest"]


# ---- relations at a low point, or adversely affected
@pytest.mark.parametrize(
    ("title", "body", "pair"),
    [
        (
            "Foreign relations of India",
            "Relations between India and the United States came to an all-time low during the "
            "early 1970s.",
            ("IND", "USA"),
        ),
        (
            "Foreign relations of Russia",
            "Russia's relationships with Georgia are at their lowest point in modern history due "
            "to the Georgian-Russian espionage controversy.",
            ("GEO", "RUS"),
        ),
        (
            "Foreign relations of Sudan",
            "Sudan's support for Iraq adversely affected its relations with Saudi Arabia.",
            ("SAU", "SDN"),
        ),
        (
            "Colombia–Venezuela relations",
            "The relationship between the two countries once again reached a low point in "
            "November 2007 after a failed effort to achieve a humanitarian exchange.",
            ("COL", "VEN"),
        ),
    ],
)
def test_relations_at_a_low_point_have_deteriorated(
    title: str, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(_events(title, body), "relations.deteriorated")


def test_relations_not_adversely_affected_have_not_deteriorated() -> None:
    events = _events(
        "Foreign relations of India",
        "This has not adversely affected India's improved relations with Israel.",
    )
    assert not [
        e for e in events if e.type == "relations.deteriorated" and e.modality == "occurred"
    ]


# ---- relations downgraded: the passive and the level of representation
@pytest.mark.parametrize(
    ("title", "body", "pair"),
    [
        (
            "Thailand–Saudi Arabia relations",
            "In 1990, diplomatic missions were downgraded to the chargé d'affaires level.",
            ("SAU", "THA"),
        ),
        (
            "Foreign relations of Myanmar",
            "In 1988, the United States downgraded its level of representation in Myanmar from "
            "Ambassador to Chargé d'Affaires after the crackdown.",
            ("MMR", "USA"),
        ),
    ],
)
def test_relations_downgraded_in_the_passive_or_by_level(
    title: str, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(_events(title, body), "relations.downgraded")


def test_an_office_downgraded_is_no_relations_downgraded() -> None:
    events = _events(
        "Foreign relations of Morocco",
        "The Minister at Tangier was downgraded to the status of Diplomatic Agent.",
    )
    assert not [e for e in events if e.type == "relations.downgraded"]


# ---- territorial claims on a state named in the claim's object
@pytest.mark.parametrize(
    ("title", "body", "fact"),
    [
        (
            "Foreign relations of Iraq",
            "Iraq has claimed several times its sovereignty over Kuwait (1937, 1961, and 1990).",
            ("IRQ", "KWT"),
        ),
        (
            "Foreign relations of Suriname",
            "Suriname also claims an area in Guyana between New (Upper Courantyne) and "
            "Courantyne/Koetari Rivers.",
            ("SUR", "GUY"),
        ),
        (
            "Foreign relations of Taiwan",
            "Until 1945, Nationalist China claimed sovereignty over Mongolia, but under Soviet "
            "pressure it recognized Mongolian independence.",
            ("CHN", "MNG"),
        ),
    ],
)
def test_a_claim_on_a_states_land_is_a_territorial_dispute_with_it(
    title: str, body: str, fact: tuple[str, str]
) -> None:
    events = _events(title, body)
    assert fact in {(e.source, e.target) for e in events if e.type == "dispute.territorial"}


def test_a_claim_that_an_area_belongs_to_a_state_is_no_claim_on_it() -> None:
    events = _events(
        "Foreign relations of Syria",
        "Israel did not withdraw from Shebaa Farms, which Syria now claimed was part of Lebanon.",
    )
    assert not [e for e in events if e.type == "dispute.territorial" and "LBN" in e.actors]


# ---- a ban on a state's goods
@pytest.mark.parametrize(
    ("title", "body", "type_", "fact"),
    [
        (
            "Foreign relations of India",
            "India banned more than 250 Chinese apps, and on 16 October 2020, it banned the "
            "import of ACs, Refrigerators and Coolers from China.",
            "sanctions.imposed",
            ("IND", "CHN", "2020-10-16"),
        ),
        (
            "Foreign relations of Bangladesh",
            "In 2007, Malaysia banned imports of Bangladeshi workers into the country.",
            "sanctions.imposed",
            ("MYS", "BGD", "2007"),
        ),
    ],
)
def test_a_ban_on_a_states_goods_is_a_sanction_on_it(
    title: str, body: str, type_: str, fact: tuple[str, str, str]
) -> None:
    assert fact in _directed(_events(title, body), type_)
