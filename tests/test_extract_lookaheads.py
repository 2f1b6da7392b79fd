"""Patterns searched over whole texts or every sentence open with a lookahead of the characters
a match can start with (the engine tries a pattern at every position; the lookahead turns the
others away at once): each finds what it found without it, groups included, on real articles
and on generated text (words of the patterns in any case, digits, letters whose case folds
oddly)."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.extract import event_dates, quantities, tagging

_LOOKAHEAD = re.compile(r"\(\?=\[[^\]]*\]\)")


def _pairs() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(name, the pattern, the pattern without its opening lookahead)."""
    pairs = []
    for name, fast in (
        ("coreference", tagging._COREF),
        ("quantity", quantities._QUANTITY),
        ("time shift", event_dates._TIME_SHIFT),
    ):
        plain = _LOOKAHEAD.sub("", fast.pattern, count=1)
        assert plain != fast.pattern, name
        pairs.append((name, fast, re.compile(plain, fast.flags)))
    return pairs


def _assert_same(text: str) -> int:
    count = 0
    for name, fast, plain in _pairs():
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], name
        count += len(found)
    return count


@cache
def _example_texts() -> tuple[str, ...]:
    from conftest import EXAMPLES
    from dyad.read import read_file

    return tuple(read_file(p).text for p in sorted((EXAMPLES / "wikitext").glob("*.wiki")))


def test_extract_lookaheads_same_matches_on_real_articles() -> None:
    texts = _example_texts()
    assert sum(len(t) for t in texts) > 100_000
    for text in texts:
        _assert_same(text)
    for name, fast, _ in _pairs():
        assert any(fast.search(t) for t in texts), name


_WORDS = (
    "The the THE Both both two countries nations he He she She SHE the North The South country"
    " more than over About around nearly almost some at least up to 1,500 3.5 12 ١٢ one Two"
    " dozen dozens a hundred thousand million soldiers workers and of the previously Earlier"
    " before since today now ever long always never there are is in past recent years Later"
    " ſome ſince K ſtates İn ıt x- $5 5% $ - , . ( )"
).split(" ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "", "\n", ", "]))))
def test_extract_lookaheads_same_matches_on_generated_text(
    parts: list[tuple[str, str]],
) -> None:
    _assert_same("".join(word + joiner for word, joiner in parts))


def test_extract_lookaheads_find_something_on_generated_text() -> None:
    text = "Both countries sent more than 1,500 soldiers; previously he said the two states"
    assert _assert_same(text) >= 4
