"""The headline counts documents by article: two files of one article (a 2019 revision of a page
beside the current one) are one document, however many of its sentences they repeat."""

from __future__ import annotations

from pathlib import Path

from dyad.store import Store
from store_helpers import DocBuilder

# The sentence as the corpus gives it: in the 2019 revision of "Foreign relations of Russia"
# (plain text), and in the current wikitext of the Russia and the Zimbabwe pages, which both
# take it into a per-partner table cell.
SENTENCE = "Russia-Zimbabwe relations date back to January 1979, during the Rhodesian Bush War."
CELL = (
    "Russia has a mission in Harare Zimbabwe has an embassy in Moscow: Embassy of Zimbabwe,"
    " Moscow " + SENTENCE
)
PAIR = ["RUS", "ZWE"]


def _cell(page: DocBuilder, date: str, text: str, actors: list[str] = PAIR) -> None:
    """A row of a "Diplomatic relations" table."""
    page.event("relations.established", date, text, actors=actors)["rule"] = (
        "table.relations-established"
    )


def _pages(*, with_revision: bool) -> list[DocBuilder]:
    russia = DocBuilder("Foreign relations of Russia", format="wikitext")
    russia.event("relations.established", "1979-01", CELL, actors=PAIR)
    _cell(russia, "1981-02-18", "Zimbabwe\t1981-02-18")
    zimbabwe = DocBuilder("Foreign relations of Zimbabwe", format="wikitext")
    zimbabwe.event("relations.established", "1979-01", CELL, actors=PAIR)
    _cell(zimbabwe, "1981-02-18", "48\tRussia\t18 February 1981")
    _cell(zimbabwe, "1981-02-18", "Russia\t1981-02-18")
    pages = [russia, zimbabwe]
    if with_revision:
        revision = DocBuilder("Foreign relations of Russia", format="text")
        revision.event("relations.established", "1979-01", SENTENCE, actors=PAIR)
        pages.append(revision)
    return pages


def test_store_headline_two_revisions_of_one_page_are_one_document(tmp_path: Path) -> None:
    headlines = []
    for with_revision in (False, True):
        with Store(tmp_path / f"kb-{with_revision}.db") as store:
            for page in _pages(with_revision=with_revision):
                store.ingest(page.records())
            summary = store.show("RUS", "ZWE")
            # the revision is kept as a document of its own, under its own id
            assert len(summary.documents) == 2 + with_revision
            headlines.append((summary.relations_began[0].date, summary.relations_began_basis))
    # two pages each give both dates; the day (finer, and the tables' three mentions against
    # the sentence's) leads, and the old revision's copy of the sentence changes nothing
    assert headlines == [
        ("1981-02-18", "2 documents, 3 mentions, a relations table"),
        ("1981-02-18", "2 documents, 3 mentions, a relations table"),
    ]


def test_store_headline_a_revision_still_adds_what_only_it_says(tmp_path: Path) -> None:
    """A revision counts as its article: a date only the revision gives is supported by that
    article (one document), as it would be by the current page."""
    current = DocBuilder("Foreign relations of Qatar", format="wikitext")
    _cell(current, "1974-02-03", "39\tSomalia\t3 February 1974", ["QAT", "SOM"])
    revision = DocBuilder("Foreign relations of Qatar", format="text")
    revision.event(
        "relations.established",
        "1970",
        "The two countries formally established diplomatic ties in 1970.",
        actors=["QAT", "SOM"],
    )
    with Store(tmp_path / "kb.db") as store:
        for page in (current, revision):
            store.ingest(page.records())
        began = store.show("QAT", "SOM").relations_began
        # one article, two dates of two years: the later year on a tie, the day finer
        assert [f.date for f in began] == ["1974-02-03", "1970"]
