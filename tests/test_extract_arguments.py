"""The trigger lexicon and its arguments found by clause syntax (issue 8), on real sentences of
the corpus's "Foreign relations of" pages (South Korea, Taiwan, Singapore, Syria, Lebanon,
Saudi Arabia, Somalia, Canada–United States relations, India–Kenya relations), read and
extracted as ``dyad extract`` would. A reader checks the type, the pair, the direction, the
date, and that look-alikes (a status, a plan, a partner that is no state) give nothing.
"""

from __future__ import annotations

import pytest

from dyad.extract.cameo.matching import TOKEN, token
from dyad.extract.pipeline import extract
from dyad.extract.tagging import tag_sentence
from dyad.extract.triggers import LEXICON, NO_TRIGGERS, trigger_lexicon
from dyad.gazetteer import default_gazetteer
from dyad.model import Event
from dyad.read import read_text


def _events(title: str, body: str, **kw: object) -> list[Event]:
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    return list(extract(doc, **kw).events)  # type: ignore[arg-type]


def _lexicon(events: list[Event]) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    return [(e.type, e.source, e.target, e.actors) for e in events if e.rule.startswith("lexicon.")]


@pytest.mark.parametrize(
    ("title", "sentence", "fact", "date"),
    [
        (  # a noun with a possessor and a "with" partner, a sum and a year
            "Foreign relations of South Korea",
            "South Korea's trade with Japan was US$892.1 million in 2008, with a surplus of "
            "nearly US$327.1 million on the Japanese side.",
            ("cooperation.economic", None, None, ("JPN", "KOR")),
            "2008",
        ),
        (  # people of one state counted as living in another
            "Foreign relations of South Korea",
            "There are about 900 people of Korean descent living in Peru.",
            ("migration", "KOR", "PER", ("KOR", "PER")),
            None,
        ),
        (  # what the governing verb makes of "ties": a break, dated by its own clause
            "Foreign relations of Taiwan",
            "On 20 August 2018, El Salvador broke ties with Taiwan and established them with "
            "the PRC.",
            ("relations.severed", "SLV", "TWN", ("SLV", "TWN")),
            "2018-08-20",
        ),
        (  # a beginning of relations, second clause of its sentence
            "Foreign relations of South Korea",
            "Bangladesh has diplomatic relations with both North Korea and South Korea; North "
            "Korea commenced diplomatic relations with Bangladesh in 1973.",
            ("relations.established", None, None, ("BGD", "PRK")),
            "1973",
        ),
        (  # "received ... from X": X gives
            "Foreign relations of Somalia",
            "In January 2016, Somalia received a pledge of aid for $50 million from Saudi Arabia.",
            ("aid.provided", "SAU", "SOM", ("SAU", "SOM")),
            "2016-01",
        ),
        (  # a verb's passive agent ("invasion by X") acts
            "Foreign relations of South Korea",
            "Upon the onset of the Korean War, U.S. forces were sent to defend South Korea "
            "against invasion by North Korea.",
            ("conflict.intervention", "PRK", "KOR", ("KOR", "PRK")),
            None,
        ),
    ],
)
def test_lexicon_trigger_finds_its_states_in_its_clause(
    title: str,
    sentence: str,
    fact: tuple[str, str | None, str | None, tuple[str, ...]],
    date: str | None,
) -> None:
    events = _events(title, sentence)
    found = [e for e in events if (e.type, e.source, e.target, e.actors) == fact]
    assert found, [(e.type, e.source, e.target, e.actors, e.rule) for e in events]
    if date is not None:
        assert found[0].date == date
    # the same text without the lexicon does not tell it: the lexicon is what reads it
    without = _events(title, sentence, triggers=NO_TRIGGERS)
    assert fact not in [(e.type, e.source, e.target, e.actors) for e in without]


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # a trade partner that is no state: no pair with the page's other state
        ("India–Kenya relations", "India's trade with the world reached $500 billion."),
        # a standing embassy after an establishment in the same run of text: no opening
        (
            "Foreign relations of Lebanon",
            "Both countries established diplomatic relations on 13 November 1945 Brazil has an "
            "embassy in Beirut.",
        ),
        # a beginning that is an auxiliary: no relations established
        (
            "Foreign relations of Taiwan",
            "In the late 2000s, Nauru began to strengthen its relations with Cuba.",
        ),
        # part of a name, not a trigger
        (
            "Foreign relations of Mexico",
            "Mexico has a liaison office in Taipei known as the Mexican Trade Services Office.",
        ),
        # trade told without a number or a change: a status, not an event
        ("Foreign relations of Estonia", "Estonia's main exports to Mexico include machinery."),
    ],
)
def test_lexicon_look_alikes_give_nothing(title: str, sentence: str) -> None:
    assert _lexicon(_events(title, sentence)) == []


def test_coordinated_parties_are_events_of_their_own() -> None:
    # Foreign relations of Taiwan: two states that ended their relations, each its own event
    events = _events(
        "Foreign relations of Taiwan",
        "In 2019, Kiribati and the Solomon Islands ended their relations with Taiwan.",
    )
    severed = {(e.source, e.target, e.date) for e in events if e.type == "relations.severed"}
    assert {("KIR", "TWN", "2019"), ("SLB", "TWN", "2019")} <= severed


def test_comma_before_a_new_subject_is_no_coordination() -> None:
    # Foreign relations of China: "..., China fought" is not a second invaded state
    events = _events(
        "Foreign relations of China",
        "In response to the Vietnamese invasion of Cambodia, China fought a border war with "
        "Vietnam in 1979.",
    )
    invasions = {(e.source, e.target) for e in events if e.type == "conflict.intervention"}
    assert ("VNM", "KHM") in invasions
    assert ("VNM", "CHN") not in invasions


def test_possessor_before_a_dated_noun_acts() -> None:
    # Foreign relations of Serbia: the invader is Russia, not Serbia who condemned it
    events = _events(
        "Foreign relations of Serbia",
        "Serbia condemned Russia's 2022 invasion of Ukraine.",
    )
    invasions = [(e.source, e.target, e.date) for e in events if e.type == "conflict.intervention"]
    assert invasions == [("RUS", "UKR", "2022")]


def test_feared_invasion_is_hypothetical() -> None:
    events = _events(
        "Canada–United States relations",
        "Fearing a Japanese invasion of Canada's vulnerable coast, American officials urged "
        "the creation of a united military command.",
    )
    invasions = [e for e in events if e.type == "conflict.intervention"]
    assert invasions
    assert all(e.modality == "hypothetical" for e in invasions)


def test_lexicon_words_are_general_and_typed() -> None:
    """Every entry is one lower-case word of a type the vocabulary has."""
    from dyad.vocabulary import EVENT_TYPES

    assert len(LEXICON) > 40
    assert "invasion" in LEXICON and LEXICON["invasion"].type == "conflict.intervention"
    for word, entry in LEXICON.items():
        assert word == word.casefold() and " " not in word
        assert entry.type in EVENT_TYPES


def test_matches_name_the_trigger_and_roles() -> None:
    text = "On 20 August 2018, El Salvador broke ties with Taiwan."
    gaz = default_gazetteer()
    mentions = list(gaz.find_mentions(text))
    tagged = tag_sentence(
        text, 0, len(text), states=mentions, people=[], quantities=[], dates=[], periods=[]
    )
    found = trigger_lexicon().matches(tagged)
    assert [(rule.type, m.group("trigger")) for rule, m in found] == [("relations.severed", "ties")]
    _, m = found[0]
    roles = {name: tagged.tag_of(m.group(name)) for name in ("source", "target")}
    assert {name: tag.state for name, tag in roles.items() if tag} == {
        "source": "SLV",
        "target": "TWN",
    }
    tokens = [token(t) for t in TOKEN.finditer(tagged.string)]
    assert any(t.text == "ties" for t in tokens)
