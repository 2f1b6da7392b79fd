"""Hatnotes ("Main article: X–Y relations", "See X–Y relations", "Further information: ...")
are navigation above a section's text: in no reader do they become the start of the sentence
after them, so no evidence of the knowledge base built from the corpus begins with one."""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import DATA, SEED
from dyad.extract.pipeline import Extraction, extract
from dyad.read import html, markdown, read_file, text, wikitext
from dyad.read.hatnotes import is_hatnote, leading_hatnote

HATNOTE = re.compile(
    r"^\W*(?:Main articles?|Further information|See also|For more information)\s*:"
    r"|^\W*See [^\W\d_a-z][^.!?]{0,80}? relations\b"
)
CASES = {
    "text": (
        text.read,
        "Canada\n\nSee Canada–Ireland relations\nBoth countries established diplomatic"
        " relations in 1929.\n",
    ),
    "markdown": (
        markdown.read,
        "# Canada\n\n## Ireland\n\nMain article: [Canada–Ireland relations](/wiki/Canada–Ireland"
        "_relations)\n\nBoth countries established diplomatic relations in 1929.\n",
    ),
    "html": (
        html.read,
        '<h2>Ireland</h2><div class="hatnote">Main article: <a href="/wiki/Canada–Ireland_'
        'relations">Canada–Ireland relations</a></div><p>Both countries established diplomatic'
        " relations in 1929.</p>",
    ),
    "wikitext": (
        wikitext.read,
        "== Ireland ==\n{{main|Canada–Ireland relations}}\nBoth countries established"
        " diplomatic relations in 1929.\n",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_hatnotes_start_no_sentence(name: str) -> None:
    read, source = CASES[name]
    document = read(source, source=f"hatnote.{name}", title="Foreign relations of Canada")
    sentences = [
        sentence
        for line in document.text.split("\n")
        for sentence in re.split(r"(?<=[.!?])\s+", line)
        if "established diplomatic relations" in sentence
    ]
    assert sentences == ["Both countries established diplomatic relations in 1929."], name


def _corpus(shared: Path, scratch: Path) -> Iterator[Path]:
    corpus = shared / "corpus"
    yield from sorted((corpus / "bilateral-text").glob("*.md"))
    yield from sorted((corpus / "bilateral-markdown").glob("*.md"))
    with tarfile.open(corpus / "foreign-relations-text-2019.tar.gz") as archive:
        archive.extractall(scratch, filter="data")
    yield from sorted(scratch.rglob("*.md"))
    yield SEED
    yield from sorted((DATA / "scrapes").glob("*.infolist.txt"))


@pytest.mark.slow
def test_read_hatnotes_begin_no_evidence_of_the_corpus(
    shared: Path, tmp_path: Path, corpus_extractions: dict[Path, Extraction]
) -> None:
    evidences = 0
    starting = []
    # The wikitext pages as extracted once for the run (conftest), then every other article.
    extractions = [*corpus_extractions.items()]
    extractions += [(path, extract(read_file(path))) for path in _corpus(shared, tmp_path)]
    for path, extraction in extractions:
        for event in extraction.events:
            evidences += 1
            if HATNOTE.match(event.evidence.text):
                starting.append((path.name, event.evidence.text[:100]))
    assert evidences > 10_000
    assert starting == []


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "See Chile–Poland relations The two countries established relations in 1923.",
            "The two countries established relations in 1923.",
        ),
        (
            "See Foreign relations of Costa Rica Costa Rica closed its embassy in 1999.",
            "Costa Rica closed its embassy in 1999.",
        ),
        (
            "See Foreign relations of the Dominican Republic In 1996, Chile opened a consulate.",
            "In 1996, Chile opened a consulate.",
        ),
        (
            "See Chile–Peru relations and Foreign relations of Peru Peru opened a consulate.",
            "Peru opened a consulate.",
        ),
        (
            "See Philippines–Turkey relations, Filipinos in Turkey Turkey established its"
            " resident embassy in Manila in 1990.",
            "Turkey established its resident embassy in Manila in 1990.",
        ),
        (
            "See Armenia–Azerbaijan relations, Nagorno-Karabakh War, Baku pogrom, Khachkar"
            " destruction in Nakhichevan The two nations have fought two wars.",
            "The two nations have fought two wars.",
        ),
        (
            "See Belarus–Russia relations or Foreign relations of Russia towards Belarus The"
            " introduction of free trade.",
            "The introduction of free trade.",
        ),
        ("See Armenia–Azerbaijan relations, Nagorno-Karabakh War", None),
        ("See Hungary–Iraq relations, Hungary–Kurdistan Region relations", None),
        ("See Ireland–United Kingdom relations, The Troubles", None),
        ("See Foreign relations of Costa Rica", None),
        ("See Chile–Poland relations", None),
    ],
)
def test_read_hatnotes_run_into_a_sentence_are_cut_off(line: str, sentence: str | None) -> None:
    # A table cell of the pandoc text holds the hatnote and the note on one line: the hatnote
    # is a paragraph of its own (it names the row's partner), the sentence starts after it.
    cut = leading_hatnote(line)
    if sentence is None:
        assert is_hatnote(line) and cut == 0
    else:
        assert not is_hatnote(line) and line[cut:] == sentence
