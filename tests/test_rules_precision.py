"""Precision families (issue 8, precision helper): who did what to whom in a narrative
sentence. Each case is a corpus sentence form (not one of the judged samples' sentences), with
cases where the mechanism must not fire."""

from __future__ import annotations

import pytest

from dyad.extract.dates import find_dates
from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text
from narrative_helpers import text_events

_events = text_events


def _facts(events: list[Event], type_: str) -> set[tuple[str | None, ...]]:
    out: set[tuple[str | None, ...]] = set()
    for e in events:
        if e.type != type_:
            continue
        if e.source is not None:
            out.add((e.source, e.target, e.date))
        else:
            out.add((*sorted(e.actors), e.date))
    return out


# ---- 1. coordinated clauses with subjects of their own


def test_each_coordinated_clause_has_its_own_subject_and_date() -> None:
    events = _events(
        "Foreign relations of Israel",
        "Israel came into being on 14 May 1948, and Cuba recognised the State of Israel de facto"
        " on 14 January 1949.",
    )
    assert _facts(events, "recognition.granted") == {("CUB", "ISR", "1949-01-14")}


def test_a_series_of_clauses_takes_the_page_as_partner_and_its_own_day() -> None:
    # "X closed its embassy on <day>, Y closed ..., and Z closed ...": each clause's subject
    # closes its own embassy on its own day, in the sentence's year.
    events = _events(
        "Foreign relations of Libya",
        "Italy closed its embassy on 2 March 2011, Malta closed its embassy on 5 March, and"
        " Greece closed its embassy on 9 March.",
    )
    facts = _facts(events, "mission.closed")
    assert ("MLT", "LBY", "2011-03-05") in facts
    assert ("GRC", "LBY", "2011-03-09") in facts
    assert not {f for f in facts if f[1] in {"ITA", "MLT", "GRC"}}


def test_a_list_of_subjects_stays_one_clause() -> None:
    events = _events(
        "Foreign relations of Israel",
        "France, Germany, and Italy signed an agreement with Israel in 1990.",
    )
    pairs = {tuple(sorted(e.actors)) for e in events if e.type == "agreement.signed"}
    assert pairs == {("FRA", "ISR"), ("DEU", "ISR"), ("ISR", "ITA")}


def test_a_clause_of_time_gives_the_main_clause_no_party() -> None:
    # the "when" clause is Netanyahu's; its talks are no meeting of Cyprus
    events = _events(
        "Foreign relations of Cyprus",
        "Israeli foreign minister Avigdor Lieberman visited Cyprus when Netanyahu was in"
        " Jerusalem for the direct talks with the Palestinian leader.",
    )
    assert not [e for e in events if e.type == "meeting" and "CYP" in e.actors]
    assert ("ISR", "CYP", None) in _facts(events, "visit")


def test_a_clause_of_time_still_dates_its_main_clause() -> None:
    events = _events(
        "Foreign relations of North Korea",
        "Nicaragua established relations with North Korea when the Sandinistas took power in 1979.",
    )
    assert [e.date_source for e in events if e.type == "relations.established"] == ["stated"]


# ---- lists of partners after "with its allies"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Philippines has expanded trade links with Indonesia, Malaysia, Singapore, and"
        " Thailand.",
        "It has been a supporter of Brunei since the latter's independence and has expanded trade"
        " links with its traditional allies Indonesia, Malaysia, Singapore, and Thailand.",
    ],
)
def test_a_list_of_partners_pairs_each_with_the_page(sentence: str) -> None:
    events = _events("Foreign relations of the Philippines", sentence)
    pairs = {tuple(sorted(e.actors)) for e in events if e.type == "cooperation.economic"}
    assert pairs == {("IDN", "PHL"), ("MYS", "PHL"), ("PHL", "SGP"), ("PHL", "THA")}


# ---- 2. a mediator's third parties


def test_a_dispute_a_third_party_mediates_is_the_two_sides() -> None:
    events = _events(
        "Foreign relations of Qatar",
        "In 2010 Qatar agreed to mediate a border dispute between Djibouti and Eritrea.",
    )
    assert _facts(events, "dispute.territorial") == {("DJI", "ERI", "2010")}


def test_a_claimant_named_as_a_side_keeps_its_direction() -> None:
    events = _events(
        "Foreign relations of China",
        "China claims the administration of Senkaku Islands (Diaoyutai Islands), currently held"
        " by Japan.",
    )
    assert _facts(events, "dispute.territorial") == {("CHN", "JPN", None)}


# ---- 3. the states of the clause: a short form in brackets, a heading in a table cell


def test_a_name_and_its_short_form_in_brackets_are_one_subject() -> None:
    events = _events(
        "Foreign relations of Singapore",
        "In 1975, the Democratic People's Republic of Korea (DPRK) and Singapore established"
        " diplomatic relations.",
    )
    assert _facts(events, "relations.established") == {("PRK", "SGP", "1975")}


def test_a_heading_inside_a_table_cell_is_a_paragraph_of_its_own() -> None:
    doc = read_text(
        '{| class="wikitable"\n|-\n| China || 1990 ||\n====Issue of Taiwanese independence====\n'
        "On 3 October 1990, China and Singapore established formal diplomatic relations.\n|}\n",
        format="wikitext",
        source="t.wiki",
        title="Foreign relations of Singapore",
    )
    events = [e for e in extract(doc).events if e.type == "relations.established"]
    assert events and all("Taiwanese" not in e.evidence.text for e in events)
    assert {tuple(sorted(e.actors)) for e in events} == {("CHN", "SGP")}


# ---- 5. the state of a titled visitor


def test_the_pope_is_the_holy_sees() -> None:
    events = _events(
        "Foreign relations of South Korea",
        "The Pope John Paul II visited the Republic of Korea in 1984.",
    )
    assert _facts(events, "visit") == {("VAT", "KOR", "1984")}


def test_a_title_takes_no_state_from_the_sentence_before() -> None:
    # "... in Singapore. Vice President Xi Jinping": Singapore is not his state (the leaders'
    # dictionary tells it)
    events = _events(
        "Foreign relations of Singapore",
        "Singapore and China signed a treaty in 2008 in Singapore. Vice President Xi Jinping"
        " visited Singapore in 2010.",
    )
    assert _facts(events, "visit") == {("CHN", "SGP", "2010")}


def test_a_title_still_takes_the_state_named_before_it() -> None:
    events = _events(
        "Foreign relations of Denmark",
        "On 10 January 2011, Afghan Foreign Minister Zalmai Rassoul visited Denmark.",
    )
    assert _facts(events, "visit") == {("AFG", "DNK", "2011-01-10")}


# ---- 6. dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("during the period from January to November 2010", "2010-01/2010-11"),
        ("between March and May 2003", "2003-03/2003-05"),
    ],
)
def test_a_range_of_months_is_an_interval(text: str, value: str) -> None:
    assert [d.edtf for d in find_dates(text)] == [value]


def test_months_out_of_order_are_no_range() -> None:
    assert [d.edtf for d in find_dates("from November to January 2010")] == ["2010-01"]


def test_a_day_without_its_year_is_no_quantity_and_takes_the_year_before() -> None:
    events = _events(
        "Foreign relations of Montenegro",
        "Russia gave official recognition on 11 June 2006. France and the People's Republic of"
        " China recognised the government of Montenegro on 14 June.",
    )
    assert ("CHN", "MNE", "2006-06-14") in _facts(events, "recognition.granted")


def test_a_day_range_without_its_year_still_infers_nothing() -> None:
    events = _events(
        "Foreign relations of Mongolia",
        "Mongolia signed a treaty with Russia in 1993. Russian President Vladimir Putin visited"
        " Mongolia on 21–22 May.",
    )
    assert [e.date for e in events if e.type == "visit"] == [None]


def test_a_date_that_completes_the_verb_before_is_not_the_next_verbs() -> None:
    events = _events(
        "Foreign relations of Cyprus",
        "Indonesia\tDiplomatic relations were established on December 4, 1987 Cyprus reopened its"
        " embassy in Jakarta in October 2023.",
    )
    assert _facts(events, "mission.opened") == {("CYP", "IDN", "2023-10")}


# ---- 7. a pledge is an intent; relations that have improved


@pytest.mark.parametrize(
    "sentence",
    [
        "On 22 March 2013 Djibouti and Kosovo established diplomatic relations and vowed to"
        " strengthen bilateral co-operation with one another.",
        "President Mahmoud Ahmadinejad and his Senegalese counterpart Abdoulaye Wade pledged to"
        " expand bilateral ties.",
    ],
)
def test_a_pledge_to_strengthen_relations_is_planned(sentence: str) -> None:
    events = _events("Foreign relations of Kosovo", sentence)
    improved = [e for e in events if e.type == "relations.improved"]
    assert improved and all(e.modality == "planned" for e in improved)


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        (
            "Relations between Bolivia and Nicaragua have improved since the election of Daniel"
            " Ortega.",
            ("BOL", "NIC"),
        ),
        ("Ties between Iraq and Sudan have since improved.", ("IRQ", "SDN")),
        (
            "Relations between Pakistan and Vietnam in recent years have considerably improved.",
            ("PAK", "VNM"),
        ),
    ],
)
def test_relations_that_have_improved(sentence: str, pair: tuple[str, str]) -> None:
    events = _events("Foreign relations of Nicaragua", sentence)
    assert [tuple(sorted(e.actors)) for e in events if e.type == "relations.improved"] == [pair]


def test_relations_that_have_not_improved() -> None:
    events = _events(
        "Foreign relations of Nicaragua",
        "Relations between Bolivia and Nicaragua have not improved.",
    )
    assert all(e.modality != "occurred" for e in events if e.type == "relations.improved")


# ---- from the seed 13 sample: a negation at the head, a capital in a name, a purpose


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Syria has not recognized Israel since the 1948 Arab–Israeli War.", ("SYR", "ISR")),
        (
            "Malaysia has never recognised Israel and has no diplomatic ties with it.",
            ("MYS", "ISR"),
        ),
    ],
)
def test_a_negation_at_the_head_of_the_match_negates(sentence: str, fact: tuple[str, str]) -> None:
    events = [
        e
        for e in _events("Foreign relations of Syria", sentence)
        if e.type == "recognition.granted"
    ]
    assert [(e.source, e.target, e.modality) for e in events] == [(*fact, "negated")]


def test_a_recognition_without_negation_occurred() -> None:
    events = _events("Foreign relations of Syria", "Syria has recognized Israel since 1948.")
    assert [e.modality for e in events if e.type == "recognition.granted"] == ["occurred"]


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("In 1944, Australia and New Zealand signed the Canberra Pact.", ("AUS", "NZL")),
        ("In 1783 the United States and Great Britain signed the Treaty of Paris.", ("GBR", "USA")),
        # capitalised words between the capital and the agreement's noun
        (
            "In 1922, Japan and the United Kingdom signed the Washington Naval Treaty.",
            ("GBR", "JPN"),
        ),
    ],
)
def test_a_capital_that_names_an_agreement_is_no_party(
    sentence: str, pair: tuple[str, str]
) -> None:
    events = _events("Foreign relations of Australia", sentence)
    assert {tuple(sorted(e.actors)) for e in events if e.type == "agreement.signed"} == {pair}


def test_a_capital_naming_a_summit_leaves_the_visit_to_its_state() -> None:
    events = _events(
        "Foreign relations of South Korea",
        "The Italian Prime Minister Mario Monti has visited to attend Seoul Nuclear Security "
        "Summit in March 2012.",
    )
    assert ("ITA", "KOR", "2012-03") in _facts(events, "visit")


def test_a_capital_as_a_place_is_still_read() -> None:
    events = _events(
        "Foreign relations of Syria", "In 2008 the Syrian President Bashar al-Assad visited Paris."
    )
    assert ("SYR", "FRA", "2008") in _facts(events, "visit")


@pytest.mark.parametrize(
    "sentence",
    [
        "In a statement, Qatar expressed its willingness to improve bilateral ties with Iran.",
        "Lately however China has made efforts to improve relations with Bangladesh.",
    ],
)
def test_to_improve_relations_is_a_purpose(sentence: str) -> None:
    events = _events("Foreign relations of Qatar", sentence)
    improved = [e for e in events if e.type == "relations.improved"]
    assert improved and all(e.modality == "planned" for e in improved)


def test_relations_that_began_to_improve_did() -> None:
    events = _events(
        "Foreign relations of Vanuatu",
        "In the late 2000s, Vanuatu began to strengthen its relations with Cuba.",
    )
    assert [(tuple(sorted(e.actors)), e.modality) for e in events] == [(("CUB", "VUT"), "occurred")]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("On 5 March 2014, Bahrain withdrew its ambassadors from Qatar.", ("BHR", "QAT")),
        ("In 2006, Venezuela withdrew its ambassador to Israel.", ("VEN", "ISR")),
        (
            "In 2011, Qatar announced that it was withdrawing its ambassador from Syria.",
            ("QAT", "SYR"),
        ),
    ],
)
def test_a_withdrawn_ambassador_is_a_recall_not_a_statement(
    sentence: str, fact: tuple[str, str]
) -> None:
    events = _events("Foreign relations of Qatar", sentence)
    assert [(e.type, e.source, e.target) for e in events] == [("envoy.recalled", *fact)]


def test_a_withdrawn_recognition_is_no_recall() -> None:
    events = _events(
        "Foreign relations of India", "In 2000 India withdrew its recognition of the SADR."
    )
    assert not [e for e in events if e.type == "envoy.recalled"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "Along with Egypt, as of 2009 Jordan was one of only two Arab nations to have signed"
            " peace treaties with Israel.",
            "../2009",
        ),
        (
            "As of 2011, Australia had established formal diplomatic relations with Tonga.",
            "../2011",
        ),
        ("In 2009 Jordan had recognised Kosovo.", "2009"),
    ],
)
def test_a_date_of_a_state_of_things_bounds_an_act_in_the_perfect(
    sentence: str, value: str
) -> None:
    events = [e for e in _events("Foreign relations of Jordan", sentence) if e.type != "statement"]
    assert [e.date for e in events] == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Upon Singapore's declaration of independence in August 1965, the Netherlands recognized"
        " Singapore and established diplomatic relations.",
        "Jordan recognised Palestine's statehood following its declaration on 18 November 1988,"
        " and established relations with it.",
    ],
)
def test_a_unilateral_declaration_is_no_agreement(sentence: str) -> None:
    events = _events("Foreign relations of Jordan", sentence)
    assert not [e for e in events if e.type == "agreement.signed"]


def test_a_joint_declaration_is_still_an_agreement() -> None:
    events = _events(
        "Foreign relations of India",
        "India and Russia signed a trade agreement in 1990 and a joint declaration on 5 May 1993.",
    )
    assert _facts(events, "agreement.signed") == {
        ("IND", "RUS", "1990"),
        ("IND", "RUS", "1993-05-05"),
    }


@pytest.mark.parametrize(
    "second",
    [
        "Kuwait–Syria relations became somewhat strained due to the Syrian civil war.",
        "North Korea provided military aid to Syria during the Ogaden War.",
    ],
)
def test_a_named_war_is_a_time_of_its_own(second: str) -> None:
    events = _events(
        "Foreign relations of Syria", f"In October 1963 Kuwait recognised Syria. {second}"
    )
    assert [e.date for e in events if e.type != "recognition.granted"] == [None]


def test_a_sentence_without_a_time_of_its_own_still_takes_the_one_before() -> None:
    events = _events(
        "Foreign relations of Syria",
        "In October 1963 Kuwait recognised Syria. Kuwait opened an embassy in Damascus.",
    )
    assert [e.date for e in events if e.type == "mission.opened"] == ["1963-10"]


def test_a_voiced_concern_needs_a_state_it_is_about() -> None:
    # in the United States row, no protest of the United States
    doc = read_text(
        '{| class="wikitable"\n|-\n! Country !! Formal relations began !! Notes\n|-\n'
        "| United States || 1984 || Pope Francis has also publicly expressed concern over the"
        " issue of climate change.\n|}\n",
        format="wikitext",
        source="t.wiki",
        title="Foreign relations of the Holy See",
    )
    assert not [e for e in extract(doc).events if e.type == "protest"]


def test_a_voiced_protest_with_a_state_is_read() -> None:
    events = _events(
        "Foreign relations of Japan",
        "In 2010 Japan lodged a formal protest with China over the incident.",
    )
    assert ("JPN", "CHN", "2010") in _facts(events, "protest")
