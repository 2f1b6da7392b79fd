"""The rule plan's word index (dyad.extract.plan): what it finds is what a plain alternation of
the rules' words, longest first, finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dyad.extract.plan import plan_rules
from dyad.extract.rules import builtin_rules

_PLAN = plan_rules(tuple(sorted(builtin_rules(), key=lambda r: -r.priority)))
_WORDS = sorted({w for _, _, words in _PLAN[0] for w in words}, key=len, reverse=True)
_PLAIN = re.compile("|".join(map(re.escape, _WORDS)))


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(_WORDS).map(lambda w: w[: len(w) // 2 + 1]),
            st.text(alphabet="abcdeilnorst -.", max_size=6),
        ),
        max_size=40,
    )
)
def test_extract_plan_word_tree_finds_what_the_alternation_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    index = _PLAN[1]
    assert index is not None
    found = [(m.start(), m.group()) for m in index.finditer(text)]
    assert found == [(m.start(), m.group()) for m in _PLAIN.finditer(text)]
    assert (index.search(text) is None) == (_PLAIN.search(text) is None)


def test_extract_plan_word_tree_on_sentences() -> None:
    index = _PLAN[1]
    assert index is not None
    sentence = "diplomatic relations were re-established and embassies reopened in 1990"
    found = [m.group() for m in index.finditer(sentence)]
    assert found == [m.group() for m in _PLAIN.finditer(sentence)]
    assert found
