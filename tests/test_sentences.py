"""The sentence splitter: where evidence begins and ends."""

from __future__ import annotations

import re
from pathlib import Path

from dyad.read import read_file
from dyad.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Gen. Smith met David W. Jones in the U.S. capital. N. Korea protested."
    assert _sentences(text) == [
        "Gen. Smith met David W. Jones in the U.S. capital.",
        "N. Korea protested.",
    ]


def test_a_possessive_before_the_full_stop_ends_the_sentence() -> None:
    # Foreign relations of the United Kingdom (corpus): the "s" of "John's" is no initial.
    text = (
        "The UK is accredited to Antigua and Barbuda through its high commission in Saint "
        "John's. The UK governed Antigua and Barbuda from 1632 until 1981."
    )
    assert _sentences(text) == [
        "The UK is accredited to Antigua and Barbuda through its high commission in Saint John's.",
        "The UK governed Antigua and Barbuda from 1632 until 1981.",
    ]


def test_no_corpus_sentence_runs_past_a_possessive_full_stop(shared: Path) -> None:
    folder = shared / "corpus" / "foreign-relations-wikitext"
    pages = ["Antigua_and_Barbuda", "Canada", "Cuba", "Grenada", "Syria", "the_United_Kingdom"]
    merged = []
    for page in pages:
        doc = read_file(folder / f"Foreign_relations_of_{page}.wiki")
        merged += [s for s in _sentences(doc.text) if re.search(r"[a-z]['’]s\. [A-Z]", s)]
    assert merged == []


def test_an_abbreviation_that_closes_a_sentence_ends_it_before_an_opening_word() -> None:
    # Foreign relations of the United Kingdom (corpus): "D.C." closes the sentence.
    text = (
        "The United Kingdom is accredited to the United States through its embassy in "
        "Washington, D.C. The UK governed the United States from 1585 to 1783. The U.S. "
        "President visited London, Paris etc. in 1990."
    )
    assert _sentences(text) == [
        "The United Kingdom is accredited to the United States through its embassy in "
        "Washington, D.C.",
        "The UK governed the United States from 1585 to 1783.",
        "The U.S. President visited London, Paris etc. in 1990.",
    ]


def test_no_uk_page_sentence_runs_past_washington_dc(shared: Path) -> None:
    folder = shared / "corpus" / "foreign-relations-wikitext"
    doc = read_file(folder / "Foreign_relations_of_the_United_Kingdom.wiki")
    assert [s for s in _sentences(doc.text) if re.search(r"D\.C\. The\b", s)] == []
