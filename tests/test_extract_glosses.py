"""What a link preview (gloss) says of its subject (extract/glossinfo.describe): its kind, the
state it belongs to, life dates and offices, as the gloss's first words state them."""

from __future__ import annotations

import pytest

from dyad.extract.glossinfo import describe
from dyad.gazetteer import default_gazetteer

CASES = [
    # (gloss, (type, state, born, died), offices as (title, start, end))
    (
        "Kim Il-sung (15 April 1912 – 8 July 1994) was a North Korean politician and the"
        " founder of North Korea.",
        ("person", "PRK", "1912-04-15", "1994-07-08"),
        [],
    ),
    (
        "Tsakhiagiin Elbegdorj (born 30 March 1963) is a Mongolian politician who served as"
        " President of Mongolia from 2009 to 2017.",
        ("person", "MNG", "1963-03-30", None),
        [("President of Mongolia", "2009", "2017")],
    ),
    ("John Smith (died 1850) was a British diplomat.", ("person", "GBR", None, "1850"), []),
    ("Ulaanbaatar is the capital of Mongolia.", ("place", "MNG", None, None), []),
    (
        "The Treaty of Kyakhta is a treaty signed by Russia and China.",
        ("work", "RUS", None, None),
        [],
    ),
    ("Mercury may refer to:", (None, None, None, None), []),
]


@pytest.mark.parametrize(("gloss", "expected", "offices"), CASES, ids=[c[0][:30] for c in CASES])
def test_extract_glosses_kind_state_life_and_offices(
    gloss: str,
    expected: tuple[str | None, str | None, str | None, str | None],
    offices: list[tuple[str, str | None, str | None]],
) -> None:
    facts = describe(gloss, default_gazetteer())
    assert (facts.type, facts.state, facts.born, facts.died) == expected
    assert [(o.title, o.start, o.end) for o in facts.offices] == offices
    assert facts.clean == gloss


def test_extract_glosses_markup_says_nothing_of_its_subject() -> None:
    facts = describe(
        "Kim Il-sung (1912 – 1994) was a North Korean politician.", default_gazetteer(), markup=True
    )
    assert (facts.type, facts.state, facts.born, facts.died, facts.offices) == (
        None,
        None,
        None,
        None,
        (),
    )
