"""The query API on the real seed article and hand-made documents: show, terms, entity,
documents, dyads, counts."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from dyad.store import Store
from store_helpers import DocBuilder, established, seed_records


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("queries") / "kb.db")
    store.ingest(seed_records())
    page = DocBuilder("Foreign relations of Mongolia")
    page.event(
        "relations.established",
        "1948-10-15",
        "2\tNorth Korea\t15 October 1948",
        actors=["MNG", "PRK"],
    )
    page.event(
        "mission.opened",
        "1950",
        "Mongolia opened an embassy in Pyongyang in 1950.",
        actors=["MNG", "PRK"],
        source="MNG",
        target="PRK",
    )
    page.tenure("O Sung Ho", "PRK", "MNG", "2017", None)  # also in the seed
    page.entity("Kim Il Sung", state="PRK", aliases=["Kim Il-sung"], born="1912-04-15")
    store.ingest(page.records())
    store.ingest(established("Foreign relations of Russia", "RUS", "MNG", "1921-11-05"))
    return store


def test_store_queries_show(store: Store) -> None:
    summary = store.show("Mongolia", "North Korea")
    assert (summary.a, summary.b, summary.a_name, summary.b_name) == (
        "MNG",
        "PRK",
        "Mongolia",
        "North Korea",
    )
    (began,) = summary.relations_began
    assert began.date == "1948-10-15"
    assert len({s.document for s in began.sources}) == 2
    assert summary.status_now.relations == "relations"
    assert summary.status_now.mission_a == "open"
    assert [m.type for m in summary.missions] == ["mission.opened", "mission.closed"]
    ambassadors = {(t.person, t.sending) for t in summary.ambassadors_now}
    assert ("O Sung Ho", "PRK") in ambassadors
    (o_sung_ho,) = [t for t in summary.ambassadors_now if t.person == "O Sung Ho"]
    assert len(o_sung_ho.sources) == 2  # merged over the two documents
    assert summary.counts["visit"] >= 1
    assert sum(summary.counts.values()) == summary.facts
    assert {d.title for d in summary.documents} == {
        "Mongolia–North Korea relations",
        "Foreign relations of Mongolia",
    }
    # JSON-ready
    json.dumps(dataclasses.asdict(summary))


def test_store_queries_evidence_slices_the_document(store: Store) -> None:
    for fact in store.timeline("MNG", "PRK", limit=1000):
        for source in fact.sources:
            text = next(r for r in store.records(source.document) if r["kind"] == "document")[
                "text"
            ]
            assert text[source.start : source.end] == source.text


def test_store_queries_terms(store: Store) -> None:
    terms = store.terms("PRK", "MNG")
    people = [t.person for t in terms]
    assert "Jamsran Sambuu" in people
    assert people.count("O Sung Ho") == 1
    starts = [t.start for t in terms if t.start]
    assert starts == sorted(starts, key=lambda s: s[:4])


def test_store_queries_entity(store: Store) -> None:
    view = store.entity("kim il-sung")
    (kim,) = [e for e in view.entities if e.name == "Kim Il Sung" and e.born]
    assert kim.state == "PRK"
    assert store.entity("Nobody At All").entities == ()
    visits = store.entity("Kim Yong-nam").facts
    assert visits and all("Kim Yong-nam" in [p.name for p in f.persons] for f in visits)


def test_store_queries_lists(store: Store) -> None:
    dyads = store.dyads()
    assert [(d.a, d.b) for d in dyads][:1] == [("MNG", "PRK")]
    assert ("MNG", "RUS") in [(d.a, d.b) for d in dyads]
    assert dyads[0].a_name == "Mongolia"
    assert len(store.dyads(limit=1, offset=1)) == 1
    recent = store.documents(limit=2)
    assert [d.title for d in recent] == [
        "Foreign relations of Russia",
        "Foreign relations of Mongolia",
    ]
    assert recent[0].events == 1
    counts = store.counts()
    assert counts.documents == 3
    assert counts.event_mentions == counts.tables["event_mentions"]
    assert counts.dyads == len(store.dyads(limit=1000))


def test_store_queries_empty_pair(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as empty:
        summary = empty.show("MNG", "PRK")
        assert summary.facts == 0
        assert summary.relations_began == ()
        assert summary.status_now.relations == "none"
        assert empty.timeline("MNG", "PRK") == []
        assert empty.dyads() == []
