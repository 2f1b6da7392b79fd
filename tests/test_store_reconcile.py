"""Reconciliation: one fact with several evidences when documents agree, facts side by side in
a conflict when they do not, and the identity policy (singular types, dated types, direction,
modality, first vs restored relations)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import Store
from dyad.store.dates import bounds
from dyad.store.reconcile import MentionRow, Policy, plan
from store_helpers import DocBuilder, consistency_problems, established, seed_records

POLICY = {
    "relations.established": Policy("singular", "unordered"),
    "recognition.granted": Policy("singular", "ordered"),
}


def _mention(
    id: int,
    type: str,
    date: str | None,
    *,
    source: str | None = None,
    target: str | None = None,
    modality: str = "occurred",
    evidence: str = "",
) -> MentionRow:
    return MentionRow(
        id=id,
        document=id,
        type=type,
        date=date,
        bounds=bounds(date),
        modality=modality,
        source=source,
        target=target,
        subject=None,
        confidence=0.5,
        evidence=evidence or f"sentence {id}",
    )


def _facts(*mentions: MentionRow) -> list[tuple[str | None, list[int], bool]]:
    return [
        (f.date, [m.id for m in f.mentions], f.conflict)
        for f in plan(mentions, ("MNG", "PRK"), POLICY)
    ]


def test_store_reconcile_plan_agreeing_dates_merge_to_the_most_precise() -> None:
    established = "relations.established"
    assert _facts(
        _mention(1, established, "1948"),
        _mention(2, established, "1948-10-15"),
        _mention(3, established, "1948-10"),
        _mention(4, established, None),
    ) == [("1948-10-15", [2, 3, 1, 4], False)]


def test_store_reconcile_plan_intervals_that_contain_each_other_agree() -> None:
    assert _facts(
        _mention(1, "relations.established", "1950/1953"),
        _mention(2, "relations.established", "1952"),
    ) == [("1952", [2, 1], False)]


def test_store_reconcile_plan_incompatible_dates_conflict() -> None:
    assert _facts(
        _mention(1, "relations.established", "1948-10-15"),
        _mention(2, "relations.established", "1949"),
        _mention(3, "relations.established", "1948"),
    ) == [("1948-10-15", [1, 3], True), ("1949", [2], True)]


def test_store_reconcile_plan_dated_types_stay_apart() -> None:
    """Two visits in different years are two facts, not a conflict; same year merges."""
    visit = {"source": "PRK", "target": "MNG"}
    assert _facts(
        _mention(1, "visit", "1988", **visit),
        _mention(2, "visit", "2007-07", **visit),
        _mention(3, "visit", "2007", **visit),
        _mention(4, "visit", "2007-07", source="MNG", target="PRK"),
    ) == [
        ("2007-07", [4], False),
        ("1988", [1], False),
        ("2007-07", [2, 3], False),
    ]


def test_store_reconcile_plan_undated_dated_types_key_on_the_evidence() -> None:
    """Undated visits or aid are told apart by their sentence (spacing aside)."""
    same = "Mongolia also contributed to the reconstruction of the DPRK."
    aid = {"source": "MNG", "target": "PRK"}
    facts = _facts(
        _mention(1, "aid.provided", None, evidence=same, **aid),
        _mention(2, "aid.provided", None, evidence=same.replace(" ", "  "), **aid),
        _mention(3, "aid.provided", None, evidence="Other aid.", **aid),
    )
    assert sorted(facts) == [(None, [1, 2], False), (None, [3], False)]


def test_store_reconcile_plan_direction_and_modality_are_identity() -> None:
    facts = _facts(
        _mention(1, "recognition.granted", "1948", source="MNG", target="PRK"),
        _mention(2, "recognition.granted", "1949", source="PRK", target="MNG"),
        _mention(3, "relations.established", "1948", modality="planned"),
        _mention(4, "relations.established", "1950"),
    )
    assert sorted(facts) == [
        ("1948", [1], False),
        ("1948", [3], False),
        ("1949", [2], False),
        ("1950", [4], False),
    ]


def test_store_reconcile_restored_is_not_established() -> None:
    assert _facts(
        _mention(1, "relations.established", "1797"),
        _mention(2, "relations.restored", "1951"),
    ) == [("1797", [1], False), ("1951", [2], False)]


def test_store_reconcile_same_fact_from_two_documents(tmp_path: Path) -> None:
    """The seed and X's page give the same date: one fact, two evidences."""
    page = DocBuilder("Foreign relations of Mongolia", format="wikitext")
    page.event(
        "relations.established",
        "1948-10-15",
        "2\tNorth Korea\t15 October 1948",
        actors=["MNG", "PRK"],
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(seed_records())
        store.ingest(page.records())
        (fact,) = store.show("MNG", "PRK").relations_began
        assert fact.date == "1948-10-15"
        assert fact.conflict is None
        titles = sorted({s.title for s in fact.sources})
        assert titles == ["Foreign relations of Mongolia", "Mongolia–North Korea relations"]
        assert store.conflicts() == []
    assert consistency_problems(tmp_path / "kb.db") == []


def test_store_reconcile_disagreeing_pages_make_a_conflict(tmp_path: Path) -> None:
    """X's page and Y's page disagree on the date: both kept, flagged, with their sources
    (1797 and 1951 would not be: Germany's gap in the state system makes 1951 a renewal)."""
    with Store(tmp_path / "kb.db") as store:
        store.ingest(established("Foreign relations of Germany", "DEU", "USA", "1797"))
        store.ingest(established("Foreign relations of the United States", "USA", "DEU", "1799"))
        (conflict,) = store.conflicts()
        assert (conflict.type, conflict.a, conflict.b) == ("relations.established", "DEU", "USA")
        values = {v.date: [s.title for s in v.sources] for v in conflict.values}
        assert values == {
            "1797": ["Foreign relations of Germany"],
            "1799": ["Foreign relations of the United States"],
        }
        began = store.show("germany", "united states").relations_began
        assert [f.date for f in began] == ["1799", "1797"]  # a tie: the later first
        assert {f.conflict for f in began} == {conflict.id}
        assert store.show("USA", "DEU").conflicts == 1
        assert [c.id for c in store.conflicts(a="USA", b="Germany")] == [conflict.id]
        assert store.conflicts(a="MNG", b="PRK") == []
        # the pair's status uses the earlier date and says it is disputed
        assert store.status_now("DEU", "USA").disputed
        assert store.status_now("DEU", "USA").start == "1797"
    assert consistency_problems(tmp_path / "kb.db") == []


def test_store_reconcile_pairs_meet_whatever_the_order(tmp_path: Path) -> None:
    one = DocBuilder("X's page")
    one.event(
        "visit", "2007", "PRK visited MNG.", actors=["PRK", "MNG"], source="PRK", target="MNG"
    )
    two = DocBuilder("Y's page")
    two.event(
        "visit", "2007-07", "MNG hosted PRK.", actors=["MNG", "PRK"], source="PRK", target="MNG"
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(one.records())
        store.ingest(two.records())
        (fact,) = store.timeline("PRK", "MNG")
        assert (fact.a, fact.b, fact.source, fact.target) == ("MNG", "PRK", "PRK", "MNG")
        assert fact.date == "2007-07"
        assert len(fact.sources) == 2


def test_store_reconcile_timeline_orders_and_filters(tmp_path: Path) -> None:
    doc = DocBuilder("Doc")
    doc.event(
        "aid.provided", None, "Undated aid.", actors=["MNG", "PRK"], source="MNG", target="PRK"
    )
    doc.event("visit", "2007-07", "A visit.", actors=["MNG", "PRK"], source="PRK", target="MNG")
    doc.event("relations.established", "1948-10-15", "Relations.", actors=["MNG", "PRK"])
    doc.event("agreement.signed", "1986", "A treaty.", actors=["MNG", "PRK"])
    doc.event("conflict.armed", "../1900", "Old wars.", actors=["MNG", "PRK"])
    with Store(tmp_path / "kb.db") as store:
        store.ingest(doc.records())
        dates = [f.date for f in store.timeline("MNG", "PRK")]
        assert dates == ["../1900", "1948-10-15", "1986", "2007-07", None]
        assert [f.date for f in store.timeline("MNG", "PRK", from_=1950)] == ["1986", "2007-07"]
        assert [f.date for f in store.timeline("MNG", "PRK", from_="1948-10", to=1986)] == [
            "1948-10-15",
            "1986",
        ]
        assert [f.date for f in store.timeline("MNG", "PRK", to=1900)] == ["../1900"]
        assert [f.type for f in store.timeline("MNG", "PRK", types=["visit"])] == ["visit"]
        assert [f.date for f in store.timeline("MNG", "PRK", limit=2, offset=1)] == [
            "1948-10-15",
            "1986",
        ]
        with pytest.raises(ValueError, match="not a date"):
            store.timeline("MNG", "PRK", from_="last spring")


@pytest.mark.usefixtures("shared")
def test_store_reconcile_seed_and_mongolia_page(tmp_path: Path, shared: Path) -> None:
    """The real example: the seed and "Foreign relations of Mongolia" agree on 1948-10-15."""
    from dyad.extract.pipeline import extract
    from dyad.read import read_file
    from dyad.records import extraction_records

    page = shared / "corpus" / "foreign-relations-wikitext" / "Foreign_relations_of_Mongolia.wiki"
    with Store(tmp_path / "kb.db") as store:
        store.ingest(seed_records())
        store.ingest(extraction_records(extract(read_file(page))))
        (fact,) = store.show("Mongolia", "DPRK").relations_began
        assert fact.date == "1948-10-15"
        titles = {s.title for s in fact.sources}
        assert titles == {"Mongolia–North Korea relations", "Foreign relations of Mongolia"}
    assert consistency_problems(tmp_path / "kb.db") == []


def test_store_reconcile_renewal_is_not_a_conflict(tmp_path: Path) -> None:
    """A later establishment date after a break, or beside a restoration, dates the renewal."""
    us = DocBuilder("Foreign relations of the United States", format="wikitext")
    us.event("relations.established", "1902", "Cuba\t1902; 2015", actors=["CUB", "USA"])
    us.event("relations.restored", "2015", "Cuba\t1902; 2015", actors=["CUB", "USA"])
    us.event("relations.established", "1797", "Germany\t1797", actors=["DEU", "USA"])
    cuba = DocBuilder("Foreign relations of Cuba", format="wikitext")
    cuba.event("relations.established", "2015-07-20", "2015-07-20 US", actors=["CUB", "USA"])
    cuba.event("relations.established", "1902-05-27", "1902-05-27 US", actors=["CUB", "USA"])
    germany = DocBuilder("Foreign relations of Germany", format="wikitext")
    # Germany was out of the state system 1946-1954: 1951 is a renewal, not a conflict
    germany.event("relations.established", "1951-07-02", "2 July 1951 US", actors=["DEU", "USA"])
    japan = DocBuilder("Foreign relations of Japan", format="wikitext")
    japan.event("relations.established", "1854", "US 1854", actors=["JPN", "USA"])
    japan.event("relations.established", "1858-07-29", "US 29 July 1858", actors=["JPN", "USA"])
    with Store(tmp_path / "kb.db") as store:
        for doc in (us, cuba, germany, japan):
            store.ingest(doc.records())
        cuba_began = store.show("CUB", "USA").relations_began
        assert [(f.date, f.conflict) for f in cuba_began] == [("1902-05-27", None)]
        restored = store.timeline("CUB", "USA", types=["relations.restored"])
        assert [(f.date, len(f.sources)) for f in restored] == [("2015-07-20", 2)]
        assert [f.date for f in store.show("DEU", "USA").relations_began] == ["1797"]
        # two dates of one first establishment, no break between: a real disagreement
        (conflict,) = store.conflicts(a="JPN", b="USA")
        assert {v.date for v in conflict.values} == {"1854", "1858-07-29"}
        assert "Foreign relations of Japan" in conflict.reason and "1854" in conflict.reason


def test_store_reconcile_headline_by_weight_of_evidence(tmp_path: Path) -> None:
    """The headline is the date most documents give at its precision, not the earliest."""
    one = DocBuilder("Foreign relations of Belgium", format="wikitext")
    one.event("relations.established", "1832-02-09", "9 February 1832", actors=["BEL", "USA"])
    two = DocBuilder("Foreign relations of the United States", format="wikitext")
    two.event("relations.established", "1832-06-18", "18 June 1832", actors=["BEL", "USA"])
    two.event("relations.established", "1832", "Belgium 1832", actors=["BEL", "USA"])
    three = DocBuilder("Belgium–United States relations")
    three.event("relations.established", "1832-06-18", "on 18 June 1832", actors=["BEL", "USA"])
    with Store(tmp_path / "kb.db") as store:
        for doc in (one, two, three):
            store.ingest(doc.records())
        summary = store.show("BEL", "USA")
        assert [f.date for f in summary.relations_began] == ["1832-06-18", "1832-02-09"]
        # the year-only "Belgium 1832" stands for its own page's 18 June 1832: a mention of that
        # day, not of 9 February
        assert summary.relations_began_basis == "2 documents, 3 mentions"


def test_store_reconcile_headline_year_mentions_decide_between_years(tmp_path: Path) -> None:
    """A year-only mention supports the days of its year: it decides between two days of
    different years, never between two days of one year; a day outweighs a year-only table."""
    own = DocBuilder("Foreign relations of Armenia", format="wikitext")
    own.event("relations.established", "1992-01-07", "7 January 1992", actors=["ARM", "USA"])
    own.event("relations.established", "1991", "1920 & 1991", actors=["ARM", "USA"])
    other = DocBuilder("Foreign relations of the United States", format="wikitext")
    other.event("relations.established", "1991-12-25", "25 December 1991", actors=["ARM", "USA"])
    # one year, two days, and a third page with the year only
    one = DocBuilder("Foreign relations of Belize", format="wikitext")
    one.event("relations.established", "1981-09-21", "21 September 1981", actors=["BLZ", "USA"])
    two = DocBuilder("Belize–United States relations")
    two.event("relations.established", "1981-10-29", "29 October 1981", actors=["BLZ", "USA"])
    three = DocBuilder("Foreign relations of the United States (years)", format="wikitext")
    three.event("relations.established", "1981", "Belize 1981", actors=["BLZ", "USA"])
    # a year in a relations table against a day in prose, one document each
    table = DocBuilder("Foreign relations of the United States (table)", format="wikitext")
    cell = table.event("relations.established", "1786", "Morocco 1786", actors=["MAR", "USA"])
    cell["rule"] = "table.relations-established"
    prose = DocBuilder("Foreign relations of Morocco", format="wikitext")
    prose.event("relations.established", "1905-03-08", "on March 8, 1905", actors=["MAR", "USA"])
    # a page's year beside its own day stands for that day, not for another page's day
    partner = DocBuilder("Foreign relations of Croatia", format="wikitext")
    partner.event("relations.established", "1992-08-11", "11 August 1992", actors=["HRV", "USA"])
    lists = DocBuilder("Foreign relations of the United States (lists)", format="wikitext")
    lists.event("relations.established", "1992-08-06", "6 August 1992", actors=["HRV", "USA"])
    lists.event("relations.established", "1992", "Croatia 1992", actors=["HRV", "USA"])
    with Store(tmp_path / "kb.db") as store:
        for doc in (own, other, one, two, three, table, prose, partner, lists):
            store.ingest(doc.records())
        armenia = store.show("ARM", "USA")
        assert [f.date for f in armenia.relations_began] == ["1991-12-25", "1992-01-07"]
        assert armenia.relations_began_basis == "2 documents, 2 mentions"
        # the year page supports both days: no decision, the earlier day of the year leads
        belize = store.show("BLZ", "USA")
        assert [f.date for f in belize.relations_began] == ["1981-09-21", "1981-10-29"]
        assert belize.relations_began_basis == "2 documents, 2 mentions"
        morocco = store.show("MAR", "USA")
        assert [f.date for f in morocco.relations_began] == ["1905-03-08", "1786"]
        croatia = store.show("HRV", "USA")
        assert [f.date for f in croatia.relations_began] == ["1992-08-06", "1992-08-11"]
        assert croatia.relations_began_basis == "1 document, 2 mentions"


def test_store_reconcile_headline_a_sentence_of_another_act_supports_no_date(
    tmp_path: Path,
) -> None:
    """A mention that dates a recognition, credentials, an entry into force or a move to
    establish relations, and does not say they were established, is not evidence of the day
    they began; one that says they were established on the day an envoy was accredited is."""
    page = DocBuilder("Foreign relations of Kenya", format="wikitext")
    page.event(
        "relations.established",
        "1963-12-12",
        "United States\t12 December 1963",
        actors=["KEN", "USA"],
    )
    page.event(
        "relations.established",
        "1963-12-12",
        "After Kenya's independence on 12 December 1963, the United States immediately recognized"
        " the new nation and moved to establish diplomatic relations.",
        actors=["KEN", "USA"],
    )
    page.event(
        "relations.established", "1964-03-02", "United States\t2 March 1964", actors=["KEN", "USA"]
    )
    credentials = DocBuilder("Foreign relations of Belgium", format="wikitext")
    credentials.event(
        "relations.established",
        "1832-02-09",
        "The first Belgian envoy, X, presented his credentials on 9 February 1832.",
        actors=["BEL", "USA"],
    )
    agreed = DocBuilder("Belgium–United States relations")
    agreed.event("relations.established", "1832-06-18", "on 18 June 1832", actors=["BEL", "USA"])
    when = DocBuilder("Foreign relations of Denmark", format="wikitext")
    when.event(
        "relations.established",
        "1962-02-01",
        "Both countries established diplomatic relations on 1 February 1962 when the first"
        " Ambassador was accredited.",
        actors=["DNK", "SAU"],
    )
    when.event("relations.established", "1975", "Saudi Arabia\t1975", actors=["DNK", "SAU"])
    with Store(tmp_path / "kb.db") as store:
        for doc in (page, credentials, agreed, when):
            store.ingest(doc.records())
        kenya = store.show("KEN", "USA")
        # one mention each: the later date of two years leads (module docstring)
        assert [f.date for f in kenya.relations_began] == ["1964-03-02", "1963-12-12"]
        assert kenya.relations_began_basis == "1 document, 1 mention"
        # the earlier day of one year would lead on a tie; the credentials' day is no support
        belgium = store.show("BEL", "USA")
        assert [f.date for f in belgium.relations_began] == ["1832-06-18", "1832-02-09"]
        assert belgium.relations_began_basis == "1 document, 1 mention"
        # "established ... when ... accredited" supports its day, which outweighs a bare year
        denmark = store.show("DNK", "SAU")
        assert [f.date for f in denmark.relations_began] == ["1962-02-01", "1975"]
        assert denmark.relations_began_basis == "1 document, 1 mention"


def test_store_reconcile_headline_a_predecessors_date_is_not_the_pairs(tmp_path: Path) -> None:
    """An establishment dated before the later state of the pair existed (Czechoslovakia's 1919
    on the Czech Republic's row) is no headline beside the pair's own at that state's birth,
    however many pages give it; without a date at the birth it stays (the state may have
    existed before the state system counted it: Liberia from 1847, COW from 1920)."""
    czech = DocBuilder("Foreign relations of the Czech Republic", format="wikitext")
    czech.event("relations.established", "1919-06-11", "11 June 1919", actors=["CZE", "USA"])
    us = DocBuilder("Foreign relations of the United States", format="wikitext")
    us.event(
        "relations.established", "1919-06-11", "Czech Republic 11 June 1919", actors=["CZE", "USA"]
    )
    us.event("relations.established", "1993", "Czech Republic 1993", actors=["CZE", "USA"])
    # a date decades after a state entered the state system dates no birth
    us.event(
        "relations.established", "1864-02-23", "Liberia 23 February 1864", actors=["LBR", "USA"]
    )
    us.event("relations.established", "1985", "Liberia 1985", actors=["LBR", "USA"])
    with Store(tmp_path / "kb.db") as store:
        for doc in (czech, us):
            store.ingest(doc.records())
        assert [f.date for f in store.show("CZE", "USA").relations_began] == ["1993", "1919-06-11"]
        # no conflict: reconciliation keys the predecessor's date apart
        assert store.conflicts(a="CZE", b="USA") == []
        assert store.show("LBR", "USA").relations_began[0].date == "1864-02-23"


def test_store_reconcile_headline_a_page_repeating_its_day_does_not_outweigh_the_earlier(
    tmp_path: Path,
) -> None:
    """Between two days of one year, one page each, the page that gives its day twice (a list
    and a sentence) does not outweigh the earlier day; between years its mentions still count,
    and so do more documents within a year."""
    own = DocBuilder("Foreign relations of Mali", format="wikitext")
    own.event(
        "relations.established",
        "1960-09-24",
        "United States\t24 September 1960",
        actors=["MLI", "USA"],
    )
    own.event(
        "relations.established",
        "1960-09-24",
        "Both countries established diplomatic relations on 24 September 1960.",
        actors=["MLI", "USA"],
    )
    us = DocBuilder("Foreign relations of the United States", format="wikitext")
    us.event("relations.established", "1960-06-20", "Mali\t20 June 1960", actors=["MLI", "USA"])
    # another year: the page that says it twice leads (the later year would on a tie)
    us.event("relations.established", "1992-08-06", "Bosnia\t6 August 1992", actors=["BIH", "USA"])
    us.event("relations.established", "1992", "Bosnia\t1992", actors=["BIH", "USA"])
    bosnia = DocBuilder("Foreign relations of Bosnia and Herzegovina", format="wikitext")
    bosnia.event(
        "relations.established", "1993-06-18", "United States\t18 June 1993", actors=["BIH", "USA"]
    )
    with Store(tmp_path / "kb.db") as store:
        for doc in (own, us, bosnia):
            store.ingest(doc.records())
        mali = store.show("MLI", "USA")
        assert [f.date for f in mali.relations_began] == ["1960-06-20", "1960-09-24"]
        # the basis still says what supports it
        assert mali.relations_began_basis == "1 document, 1 mention"
        assert [f.date for f in store.show("BIH", "USA").relations_began] == [
            "1992-08-06",
            "1993-06-18",
        ]
    # more documents still win within a year
    third = DocBuilder("Mali–United States relations")
    third.event(
        "relations.established", "1960-09-24", "on 24 September 1960", actors=["MLI", "USA"]
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(third.records())
        assert store.show("MLI", "USA").relations_began[0].date == "1960-09-24"
