"""Gazetteer.find_mentions on real sentences, and its invariants under arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.gazetteer import FormKind, Gazetteer, Mention, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _codes(gaz: Gazetteer, text: str) -> list[str]:
    return [m.code for m in gaz.find_mentions(text)]


def _texts(gaz: Gazetteer, text: str) -> list[str]:
    return [m.text for m in gaz.find_mentions(text)]


# Sentences from the seed article (Mongolia–North Korea relations) and the shared corpus.
REAL = [
    (
        "The People's Republic of Mongolia was the second country to recognize North Korea "
        "after the Soviet Union.",
        ["MNG", "PRK", "SUN"],
    ),
    (
        "– in which Mongolia adopted a consistently pro-Soviet stance, whereas the DPRK's "
        "standpoint was usually closer to the Chinese position than to the Soviet one – "
        "considerably hindered Mongolian-North Korean cooperation.",
        ["MNG", "SUN", "PRK", "CHN", "SUN", "MNG", "PRK"],
    ),
    (
        "On several occasions, these disagreements led to various forms of low-intensity "
        "friction in Mongolian-DPRK relations.",
        ["MNG", "PRK"],
    ),
    (
        "North Korea, officially the Democratic People's Republic of Korea (DPRK), is a country "
        "in East Asia.",
        ["PRK", "PRK", "PRK"],
    ),
    (
        "SOUTH KOREAN–TURKISH RELATIONS are foreign relations between South Korea and Turkey. "
        "Turkey has an embassy in Seoul, while South Korea has an embassy in Ankara.",
        ["KOR", "TUR", "KOR", "TUR", "TUR", "KOR", "KOR", "TUR"],
    ),
    (
        "Turkey, namely the Turkish Brigade, had supported South Koreans against North Korean "
        "forces at the Korean War.",
        ["TUR", "TUR", "KOR", "PRK"],
    ),
    (
        "In 1991, following the end of the Persian Gulf War, former emir of Qatar Hamad bin "
        "Khalifa welcomed Iranian participation in Persian Gulf security arrangements.",
        ["QAT", "IRN"],
    ),
    (
        "IRAN–QATAR RELATIONS refer to the bilateral relations between the Islamic Republic of "
        "Iran and the State of Qatar.",
        ["IRN", "QAT", "IRN", "QAT"],
    ),
    (
        "[[Austria-Hungary]] supported the [[Albanian Declaration of Independence]] in 1912.",
        ["XAH", "ALB"],
    ),
    (
        "Relations between Mexico and the Holy See were interrupted following Independence. "
        "The Holy See recognized the new country in 1836.",
        ["MEX", "VAT", "VAT"],
    ),
]


@pytest.mark.parametrize(("text", "codes"), REAL)
def test_states_mentions_real_sentences(gaz: Gazetteer, text: str, codes: list[str]) -> None:
    assert _codes(gaz, text) == codes


def test_states_mentions_longest_name_wins(gaz: Gazetteer) -> None:
    (mention,) = gaz.find_mentions("the Democratic People's Republic of Korea")
    assert (mention.text, mention.code, mention.kind) == (
        "Democratic People's Republic of Korea",
        "PRK",
        FormKind.NAME,
    )
    (mention,) = gaz.find_mentions("a North Korean delegation")
    assert (mention.text, mention.code, mention.kind) == ("North Korean", "PRK", FormKind.DEMONYM)
    assert _codes(gaz, "The South Korean president") == ["KOR"]
    assert _texts(gaz, "Guinea-Bissau, Papua New Guinea, Equatorial Guinea and Guinea") == [
        "Guinea-Bissau",
        "Papua New Guinea",
        "Equatorial Guinea",
        "Guinea",
    ]
    assert _codes(gaz, "South Sudan and Sudan; Niger and Nigeria") == ["SSD", "SDN", "NER", "NGA"]
    assert _codes(gaz, "Northern Cyprus and Cyprus") == ["XNC", "CYP"]
    assert _codes(gaz, "Mexico City") == ["MEX"]


def test_states_mentions_respect_word_boundaries(gaz: Gazetteer) -> None:
    assert _codes(gaz, "Chadwick met Omani officials in Romania") == ["OMN", "ROU"]
    assert _codes(gaz, "the Somali coast") == ["SOM"]  # not Mali inside Somali
    assert _codes(gaz, "Chad's capital; Chad.") == ["TCD", "TCD"]
    assert _codes(gaz, "Iranians, Americans and Mongolians") == ["IRN", "USA", "MNG"]
    assert _codes(gaz, "pro-Soviet and anti-American") == ["SUN", "USA"]
    assert _codes(gaz, "x_Chad Chad2") == []


def test_states_mentions_need_the_capitals(gaz: Gazetteer) -> None:
    assert _codes(gaz, "turkey and china for dinner, a chad from the ballot") == []
    assert _codes(gaz, "Turkey and China") == ["TUR", "CHN"]
    assert _codes(gaz, "NORTH KOREA AND MONGOLIA") == ["PRK", "MNG"]
    assert _codes(gaz, "Republic Of Korea") == ["KOR"]


def test_states_mentions_skip_names_that_only_contain_a_state(gaz: Gazetteer) -> None:
    text = "New Mexico, Inner Mongolia, the Niger River, Northern Ireland, the Persian Gulf"
    assert _codes(gaz, text) == []
    assert _codes(gaz, "Georgia and South Georgia") == ["GEO"]


def test_states_mentions_a_currency_names_no_state(gaz: Gazetteer) -> None:
    # Foreign relations of South Korea / Somalia (corpus): the trade figures' currency is no
    # third party to the pair.
    assert _codes(gaz, "Bilateral Trade in 2014 was about 163 million US dollars.") == []
    text = "Total trade volume in 2002 was US$3.39 million, with Somalia exporting to China"
    assert _codes(gaz, text) == ["SOM", "CHN"]
    assert _codes(gaz, "worth US $5 million and 4.2 billion U.S. dollars") == []
    assert _codes(gaz, "the Australian dollar, the US-led coalition, U.S. troops") == ["USA", "USA"]


def test_states_mentions_fold_accents_dashes_and_apostrophes(gaz: Gazetteer) -> None:
    mentions = gaz.find_mentions(
        "Côte d’Ivoire, Cote d'Ivoire, São Tomé and Príncipe, Guinea‑Bissau"
    )
    assert [m.code for m in mentions] == ["CIV", "CIV", "STP", "GNB"]
    assert mentions[1].text == "Cote d'Ivoire"
    # Line breaks inside a name, as pandoc wraps text.
    assert _codes(gaz, "the Democratic People's\nRepublic of Korea") == ["PRK"]


def test_states_mentions_mark_kind_and_ambiguity(gaz: Gazetteer) -> None:
    by_text = {m.text: m for m in gaz.find_mentions("American and Pyongyang; Georgia; Burma; USSR")}
    assert by_text["American"].kind is FormKind.DEMONYM and by_text["American"].ambiguous
    assert by_text["Pyongyang"].kind is FormKind.CAPITAL and not by_text["Pyongyang"].ambiguous
    assert by_text["Georgia"].ambiguous
    assert by_text["Burma"].kind is FormKind.FORMER_NAME and by_text["Burma"].code == "MMR"
    assert by_text["USSR"].kind is FormKind.VARIANT
    assert by_text["Burma"].form == "Burma"


def test_states_mentions_leave_lookup_only_names_alone(gaz: Gazetteer) -> None:
    # "Korea, North" would misread "Korea, North Korean troops"; "CAR" is a car.
    assert _codes(gaz, "in Korea, North Korean troops") == ["KOR", "PRK"]
    assert _codes(gaz, "A CAR BOMB") == []


def test_states_mentions_of_the_netherlands_leave_out_the_article(gaz: Gazetteer) -> None:
    assert _texts(gaz, "the Netherlands and The Hague") == ["Netherlands", "The Hague"]


def _check(text: str, mentions: list[Mention]) -> None:
    end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= end, "mentions overlap or are out of order"
        assert m.start < m.end
        end = m.end


# Text made of pieces of names, separators and noise, so that the matcher is exercised hard.
_PIECES = st.sampled_from(
    [
        "North", "Korea", "Korean", "Mongolia", "n", "-", "–", " ", "\n", "'", "’", "the ",
        "Guinea", "Bissau", "Chad", "wick", "é", "É", "Côte d", "Ivoire", "New ", "Mexico",
        "DPRK", "U.S.", "ı", "İ", "ß", "_", "0", "People's Republic of ", "Soviet", "s",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=3), max_size=30).map("".join))
def test_states_mentions_spans_slice_back(text: str) -> None:
    gaz = default_gazetteer()
    _check(text, gaz.find_mentions(text))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_states_mentions_never_crash_on_any_text(text: str) -> None:
    gaz = default_gazetteer()
    _check(text, gaz.find_mentions(text))


def test_states_mentions_find_every_name_alone(gaz: Gazetteer) -> None:
    """Each short and official name is found whole, except where a longer name or a
    not_states entry is meant to take it."""
    missed = []
    for state in gaz:
        for name in {state.short_name, state.official_name}:
            if name in state.lookup_only or any(c in name for c in ",()"):
                continue
            found = [(m.text, m.code) for m in gaz.find_mentions(f"({name})")]
            expected = name[4:] if name.startswith("The ") and name != "The Hague" else name
            if found != [(expected, state.code)]:
                missed.append((name, found))
    assert missed == []
