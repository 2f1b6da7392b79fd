"""The scrape reader never crashes, and its spans always slice back, whatever it is given."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from dyad.read import infolist
from dyad.read.errors import ReadError
from dyad.read.infolist_blocks import clean

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")


def _check(text: str) -> None:
    try:
        doc = infolist.read(text, source="<test>")
    except ReadError:
        return
    for anchor in doc.anchors:
        assert doc.text[anchor.start : anchor.end] == anchor.text
    for section in doc.sections:
        assert doc.text[section.start : section.title_end] == section.title
        assert section.start <= section.title_end <= section.end <= len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
    assert "{{" not in doc.text


@given(st.text(max_size=2000))
def test_infolist_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=60)
@given(st.lists(st.sampled_from(SEED_LINES), max_size=80))
def test_infolist_reshuffled_seed_lines(lines: list[str]) -> None:
    # Real scrape lines in any order and number: headings, link lines, list lines, residue.
    _check("\n".join(lines))


@given(st.lists(st.sampled_from(SEED_LINES), max_size=40), st.integers(0, 5000))
def test_infolist_truncated_seed(lines: list[str], cut: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    _check(text[:cut] + "\n".join(lines))


def test_infolist_long_single_line_reads() -> None:
    # Two megabytes on one line that looks like a link line: read, not hung on.
    _check("Title\nHOME\nTheInfoList\nOR:\n" + ("word " * 400_000) + "...")


def test_infolist_link_line_after_a_word_longer_than_the_part_read() -> None:
    # A line of text whose one word outruns the part of a line the preview scorer reads, then a
    # link line: scoring the pair (the other layout) once indexed past the words it had read.
    _check("Title\n\n" + ("x" * 500 + " ...\n") * 3 + "\nend.\n")


_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKILINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")


def _clean_by_substitution(text: str) -> str:
    """Wiki residue removed as the regexes do it, substituted until nothing changes (slow on
    floods: the reader's own cleaning must agree with it in linear time)."""
    previous = None
    while previous != text:
        previous, text = text, _TEMPLATE.sub("", text)
    if "{{" in text:
        text = text[: text.index("{{")]
    return re.sub(r"'{2,}", "", _WIKILINK.sub(r"\1", text))


@settings(max_examples=400)
@given(st.text(alphabet="{}[]|a '", max_size=60))
def test_infolist_wiki_residue_cleaned_as_substitution_would(text: str) -> None:
    assert clean(text) == _clean_by_substitution(text)


def test_infolist_wiki_residue_cleaned_examples() -> None:
    assert clean("x {{a|{{b}}c}} y [[p|q]] [[r]] z") == "x  y q r z"
    assert clean("See [[a|b [[c]] d") == "See b [[c d"  # a link runs to the first "]]"
    assert clean("''Pravda'' {{unclosed") == "Pravda "
