"""People to states with dates, from PETRARCH2's actor dictionary (data/leaders.tsv)."""

from __future__ import annotations

from conftest import DATA
from dyad.extract.cameo.leaders import leaders, normal_name, with_leaders
from dyad.extract.dates import find_dates
from dyad.extract.pipeline import extract
from dyad.gazetteer import default_gazetteer
from dyad.read import read_file, read_text

NORTH_KOREA = DATA / "text" / "Foreign_relations_of_North_Korea.md"


def test_cameo_leaders_pick_the_state_whose_role_covers_the_date() -> None:
    table = leaders()
    assert table.state_of("Saddam Hussein", "1990") == "IRQ"
    assert table.state_of("Saddam Hussein") == "IRQ"  # the only state he served
    # CAMEO's RUS before the end of 1991 is the Soviet Union.
    assert table.state_of("Vladimir Putin", "1985-06") == "SUN"
    assert table.state_of("Vladimir Putin", "2005") == "RUS"
    assert table.state_of("Kim Il-sung", "1960") == "PRK"
    assert table.state_of("Nobody Inparticular", "1960") is None


def test_cameo_leaders_compare_names_without_accents_or_hyphens() -> None:
    assert normal_name("Nicolae Ceaușescu") == "NICOLAE CEAUSESCU"
    assert normal_name("Kim Il-sung") == normal_name("KIM IL SUNG")


def test_cameo_leaders_find_names_only_where_capitalised() -> None:
    table = leaders()
    text = "Kim Il-sung met Saddam Hussein, and saddam hussein did not."
    assert [m.name for m in table.find(text)] == ["Kim Il-sung", "Saddam Hussein"]


def test_cameo_leaders_give_a_state_to_a_leader_named_without_link_or_title() -> None:
    # Real sentences of the article: Kim Il-sung is named with neither.
    text = (
        "During the Korean War from 1950–53, China assisted the DPRK, sending as many as"
        " 500,000 soldiers to support DPRK forces. In 1975, Kim Il-sung visited Beijing in a"
        " failed attempt to solicit support from China for a military invasion of South Korea."
    )
    gazetteer = default_gazetteer()
    people = with_leaders(text, [], gazetteer.find_mentions(text), find_dates(text))
    assert [(p.name, p.state) for p in people] == [("Kim Il-sung", "PRK")]


def test_cameo_leaders_need_the_text_to_name_the_leaders_state() -> None:
    # The list files Mauritania's first president under Mauritius (MUS); a text about
    # Mauritania that never names Mauritius does not take that state.
    text = "Mauritania and the DPRK established relations. Moktar Ould Daddah visited Pyongyang."
    gazetteer = default_gazetteer()
    assert leaders().state_of("Moktar Ould Daddah") == "MUS"
    assert with_leaders(text, [], gazetteer.find_mentions(text), find_dates(text)) == []


def test_cameo_leaders_make_the_visitor_of_a_real_sentence_a_person_of_his_state() -> None:
    extraction = extract(read_file(NORTH_KOREA))
    visits = [
        e
        for e in extraction.events
        if e.type == "visit" and "Kim Il-sung visited Beijing" in e.evidence.text
    ]
    assert [(e.source, e.target, e.date) for e in visits] == [("PRK", "CHN", "1975")]
    assert ("Kim Il-sung", "PRK") in {(p.name, p.state) for p in visits[0].persons}


def test_cameo_leaders_never_replace_a_state_the_text_gave() -> None:
    doc = read_text(
        "The Mongolian President Saddam Hussein visited Mexico.", format="text", source="test"
    )
    people = extract(doc).people
    assert [(p.name, p.state) for p in people] == [("Saddam Hussein", "MNG")]
