"""Full-text search over sentences, events and glosses: any user input is safe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.store import Store
from dyad.store.queries import fts_query
from store_helpers import DocBuilder

NASTY = [
    '"',
    '""',
    "'",
    "*",
    "AND",
    "OR NOT",
    "NEAR(",
    "(",
    ")",
    "a:b",
    "col:",
    "^start",
    'kim "yong',
    "relations*",
    "-",
    "+",
    "{a b}",
    "\\",
    "%",
    "_",
    "",
    "   ",
    "\x00",
    "🙂",
    "Kim Yong-nam",
    "O'Brien",
    'said "hello" AND (x OR y',
    "NEAR(a b, 3)",
    ":",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    doc = DocBuilder("Doc")
    doc.event(
        "visit",
        "2007-07",
        "Kim Yong-nam visited Ulaanbaatar in July 2007.",
        actors=["MNG", "PRK"],
        source="PRK",
        target="MNG",
        persons=[{"name": "Kim Yong-nam", "state": "PRK", "role": "Chairman"}],
        subject="state visit",
    )
    doc.gloss("Ulaanbaatar", "Ulaanbaatar is the capital of Mongolia.")
    doc.sentence('O\'Brien said "hello" (in Mongolian) to the ambassador.')
    store = Store(tmp_path_factory.mktemp("search") / "kb.db")
    store.ingest(doc.records())
    return store


@pytest.mark.parametrize("text", NASTY)
def test_store_search_special_characters_never_error(store: Store, text: str) -> None:
    store.search(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_store_search_arbitrary_text_never_errors(text: str) -> None:
    with Store(":memory:") as memory:
        memory.search(text)
    query = fts_query(text)
    assert query is None or query.startswith('"')


def test_store_search_finds_each_kind(store: Store) -> None:
    kinds = {h.kind for h in store.search("Ulaanbaatar")}
    assert kinds == {"sentence", "event", "gloss"}
    (hit,) = [h for h in store.search("Kim Yong-nam") if h.kind == "event"]
    assert hit.text == "Kim Yong-nam visited Ulaanbaatar in July 2007."
    assert "[" in hit.snippet
    quoted = store.search('said "hello"')
    assert [h.kind for h in quoted] == ["sentence"]
    assert store.search("O'Brien")[0].start is not None
    assert store.search("state visit")  # subject and type are indexed
    assert store.search("ulaanbaatar") == store.search("ULAANBAATAR")
    assert store.search("AND") == []
    assert len(store.search("Ulaanbaatar", limit=1)) == 1
