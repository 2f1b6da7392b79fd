"""People found by their cues (extract/people.find_people) in any text made of names, titles,
states and predicates: each mention is the text's own words, and mentions of one place merge
into one (the state and role of a later cue only fill in what the first lacked)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.extract.people import find_people
from dyad.gazetteer import default_gazetteer

_PIECES = st.sampled_from(
    [
        "President",
        "the Prime Minister of Albania,",
        "foreign minister",
        "Mongolia's",
        "North Korean",
        "Chairman",
        "Kim Jong Un",
        "Sali Berisha",
        "Miyeegombyn Enkhbold,",
        "Paek Nam Sun",
        "became the first",
        "was",
        "prime minister.",
        "Mongolia",
        "visited",
        "in 1990.",
        "and",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map(" ".join))
def test_extract_people_cues_mentions_are_the_texts_own_and_apart(text: str) -> None:
    gazetteer = default_gazetteer()
    mentions = gazetteer.find_mentions(text)
    people = find_people(text, [], {}, mentions, gazetteer)
    assert [p.start for p in people] == sorted(p.start for p in people)
    for before, after in itertools.pairwise(people):
        assert before.end <= after.start, (before, after)
    for person in people:
        assert person.name == " ".join(text[person.start : person.end].split())
        assert person.via in {"title", "apposition", "predicate"}
        assert gazetteer.lookup(person.name) is None
        assert person.state is None or gazetteer.get(person.state) is not None


def test_extract_people_cues_a_later_cue_fills_in_the_state() -> None:
    # The title gives the role; the apposition on the same name gives the state.
    text = "Foreign minister Paek Nam Sun, North Korea's foreign minister, visited Seoul."
    gazetteer = default_gazetteer()
    people = find_people(text, [], {}, gazetteer.find_mentions(text), gazetteer)
    assert [(p.name, p.state, p.role, p.via) for p in people] == [
        ("Paek Nam Sun", "PRK", "Foreign minister", "title")
    ]


def test_people_role_tree_matches_as_the_plain_alternation() -> None:
    # The roles are one pattern written as a tree of their letters (people._role_pattern): the
    # same matches, groups included, as a plain alternation of them longest first.
    import re

    from conftest import EXAMPLES
    from dyad.extract import people
    from dyad.read import read_file

    plain = "(?i:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in people.roles()) + ")"
    tree = people._role_pattern()
    assert tree != plain
    texts = [read_file(p).text for p in sorted((EXAMPLES / "wikitext").glob("*.wiki"))[:3]]
    texts.append(
        "the Vice-President  Kim Yong-nam; Vice President of Mongolia, Sali Berisha met PRIME"
        "\tMINISTER Enkhbold and the Deputy Prime Minister and Chargé d'affaires X Y, then"
        " Secretary-General Ban Ki-moon and the Secretary General of the UN, Kofi Annan."
    )
    kinds = ("titled", "apposition", "predicate")
    for kind, fast in zip(kinds, people._patterns(), strict=True):
        slow = re.compile(fast.pattern.replace(tree, plain))
        assert slow.pattern != fast.pattern
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in slow.finditer(text)], kind
    assert any(people._patterns()[0].finditer(texts[-1]))


def _greedy_cues() -> tuple[re.Pattern[str], ...]:
    """The cue patterns as they were written before: names' letters greedy (``*``, not ``*+``)
    and no lookahead for where a name starts."""
    from dyad.extract import people

    return tuple(
        re.compile(fast.pattern.replace(people._NAME_START, "").replace("-]*+", "-]*"), fast.flags)
        for fast in people._patterns()
    )


def _same_cues(text: str) -> None:
    from dyad.extract import people

    for fast, slow in zip(people._patterns(), _greedy_cues(), strict=True):
        assert slow.pattern != fast.pattern
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in slow.finditer(text)], text


def test_people_cues_possessive_names_match_as_greedy_ones_on_examples() -> None:
    # people._NAME_TOKEN's letters are possessive and the apposition and predicate cues open
    # with a lookahead (_NAME_START): the same matches, groups included, as before.
    from conftest import EXAMPLES
    from dyad.read import read_file

    texts = [read_file(p).text for p in sorted((EXAMPLES / "wikitext").glob("*.wiki"))]
    assert sum(len(t) for t in texts) > 100_000
    for text in texts:
        _same_cues(text)
    assert all(any(p.finditer("".join(texts))) for p in _greedy_cues())


_NAME_PIECES = st.sampled_from(
    [
        "President",
        "Bashar al-Assad",
        "al-Assad",
        "Mohammed bin Salman",
        "Jean-Yves Le Drian",
        "Charles de Gaulle",
        "McCain",
        "O'Neill",
        "Ban Ki-moon",
        "J. F. Kennedy",
        "Élisabeth Borne",
        "the foreign minister",
        "Vice-President",
        "became",
        "was",
        "is",
        "served as",
        "remained",
        "the first",
        "former",
        "ambassador",
        "of the United Kingdom",
        "de",
        "von",
        "1990",
    ]
)
_JOINERS = st.sampled_from([" ", "  ", "\u00a0", ", ", ",\n", "\t", ". ", "-", ";", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_NAME_PIECES, _JOINERS), min_size=1, max_size=10))
def test_people_cues_possessive_names_match_as_greedy_ones_on_generated_text(
    pieces: list[tuple[str, str]],
) -> None:
    _same_cues("".join(piece + joiner for piece, joiner in pieces))
