"""The converted CAMEO verb patterns in extraction: what they find, and where they never fire."""

from __future__ import annotations

from functools import cache

from conftest import DATA
from dyad.extract.cameo.verbs import NO_VERB_PATTERNS, VerbPatterns, all_verb_patterns
from dyad.extract.pipeline import Extraction, extract
from dyad.model import Event
from dyad.read import read_file, read_text

NORTH_KOREA = DATA / "text" / "Foreign_relations_of_North_Korea.md"


@cache
def _north_korea(verbs: VerbPatterns) -> Extraction:
    return extract(read_file(NORTH_KOREA), verbs=verbs)


def _events(sentence: str, verbs: VerbPatterns | None = None) -> list[Event]:
    doc = read_text(sentence, format="text", source="test")
    return list(extract(doc, verbs=all_verb_patterns() if verbs is None else verbs).events)


def _in_sentence(extraction: Extraction, words: str) -> list[Event]:
    return [e for e in extraction.events if words in e.evidence.text]


def test_cameo_verbs_find_an_event_no_hand_rule_finds() -> None:
    # ("Malaysia gradually withdrew its ambassador", the example before, is now read by a
    # hand rule too: envoy.recalled.withdrew)
    words = "earlier conflicts between the United States and Korea"
    with_patterns = _in_sentence(_north_korea(all_verb_patterns()), words)
    conflicts = [e for e in with_patterns if e.type == "conflict.armed"]
    assert [e.actors for e in conflicts] == [("KOR", "USA")]
    assert conflicts[0].rule.startswith("cameo.")
    without = _in_sentence(_north_korea(NO_VERB_PATTERNS), words)
    assert not [e for e in without if e.type == "conflict.armed"]


def test_cameo_verbs_take_coordinated_subjects_for_a_reciprocal_type() -> None:
    found = _in_sentence(_north_korea(all_verb_patterns()), "The DPRK and Mauritania established")
    established = [e for e in found if e.type == "relations.established"]
    assert [(e.actors, e.date) for e in established] == [(("MRT", "PRK"), "1964")]


def test_cameo_verbs_read_direction_from_the_pattern_and_the_voice() -> None:
    hosted = [
        e for e in _events("Mexico hosted the Estonian president in 2010.") if e.type == "visit"
    ]
    assert [(e.source, e.target) for e in hosted] == [("EST", "MEX")]
    passive = [e for e in _events("Estonia was hosted by Mexico in 2010.") if e.type == "visit"]
    assert [(e.source, e.target) for e in passive] == [("EST", "MEX")]


def test_cameo_verbs_never_fire_where_the_states_are_not_arguments_of_the_verb() -> None:
    sentences = [
        # the state is a modifier of the subject, not the subject
        "Canadian tourists visited Mexico in 2004.",
        # the state is the object of a preposition before the verb
        "Trade with Mexico expanded, and the ministers criticized the plan.",
        # the object is owned by the state, it is not the state
        "Cairo currently hosts Mongolia's only embassy on the African continent.",
        # a verb used as a noun, a gerund, a negated verb
        "Mexico's main export to Tanzania is petroleum.",
        "Qatar generally refrains from criticising Iran's policy.",
        "Qatar did not criticize Iran.",
        # the second state is in another clause
        "Qatar criticized the plan; Iran agreed.",
    ]
    for sentence in sentences:
        made = [e for e in _events(sentence) if e.rule.startswith("cameo.")]
        assert made == [], sentence


def test_cameo_verbs_tell_an_ally_from_an_opponent() -> None:
    alongside = {e.type for e in _events("Turkey fought alongside Mexico.")}
    against = {e.type for e in _events("Turkey fought against Mexico.")}
    assert "conflict.armed" not in alongside
    assert "conflict.armed" in against


def test_cameo_verbs_lose_to_a_hand_rule_on_the_same_words() -> None:
    events = _events("In 1992, Estonia established diplomatic relations with Mexico.")
    assert [(e.type, e.rule.startswith("cameo.")) for e in events] == [
        ("relations.established", False)
    ]
