"""Ingest is idempotent: the same documents twice leave every table exactly as once."""

from __future__ import annotations

from pathlib import Path

from dyad.store import Store
from store_helpers import DocBuilder, consistency_problems, established, seed_records, table_counts


def _corpus() -> list[list[dict[str, object]]]:
    other = DocBuilder("Foreign relations of Mongolia")
    other.event(
        "relations.established",
        "1948-10-15",
        "2\tNorth Korea\t15 October 1948",
        actors=["MNG", "PRK"],
    )
    other.event(
        "visit",
        "2007-07",
        "Kim Yong-nam visited Mongolia in July 2007.",
        actors=["MNG", "PRK"],
        source="PRK",
        target="MNG",
        persons=[{"name": "Kim Yong-nam", "state": "PRK", "role": "Chairman"}],
    )
    other.gloss("Kim Yong-nam", "Kim Yong-nam is a North Korean politician.")
    other.tenure("O Sung Ho", "PRK", "MNG", "2017", None)
    return [seed_records(), other.records(), established("Third", "MNG", "PRK", "1949")]


def test_store_idempotent_same_documents_twice(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    corpus = _corpus()
    with Store(path) as store:
        first = [store.ingest(records) for records in corpus]
        assert [r.status for r in first] == ["added", "added", "added"]
        once = table_counts(path)
        facts_once = [f.id for f in store.timeline("MNG", "PRK")]
        second = [store.ingest(records) for records in corpus]
        assert [r.status for r in second] == ["unchanged"] * 3
        assert table_counts(path) == once
        assert [f.id for f in store.timeline("MNG", "PRK")] == facts_once
    assert once["event_mentions"] == sum(
        1 for records in corpus for r in records if r["kind"] == "event"
    )
    assert consistency_problems(path) == []


def test_store_idempotent_bulk_path_matches_one_by_one(tmp_path: Path) -> None:
    corpus = _corpus()
    with Store(tmp_path / "one.db") as store:
        for records in corpus:
            store.ingest(records)
    with Store(tmp_path / "bulk.db") as store:
        results = store.ingest_many(corpus, batch=2)
        assert [r.status for r in results] == ["added"] * 3
        assert [r.status for r in store.ingest_many(corpus)] == ["unchanged"] * 3
    assert table_counts(tmp_path / "one.db") == table_counts(tmp_path / "bulk.db")


def test_store_idempotent_unchanged_ingest_takes_no_write_lock(tmp_path: Path) -> None:
    """Re-ingesting an unchanged document succeeds while another process holds the lock."""
    import sqlite3

    path = tmp_path / "kb.db"
    records = established("Doc", "MNG", "PRK", "1948")
    with Store(path) as store:
        store.ingest(records)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.1) as store:
            assert store.ingest(records).status == "unchanged"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_store_idempotent_new_extraction_of_same_text_replaces(tmp_path: Path) -> None:
    """Same text (same content hash) but other records, e.g. from improved rules: replaced."""
    doc = DocBuilder("Doc")
    doc.event("visit", "2007", "A visit.", actors=["MNG", "PRK"], source="PRK", target="MNG")
    records = doc.records()
    changed = [dict(r) for r in records]
    changed[1] = dict(changed[1], type="meeting", source=None, target=None)
    with Store(tmp_path / "kb.db") as store:
        store.ingest(records)
        assert store.ingest(changed).status == "replaced"
        assert [f.type for f in store.timeline("MNG", "PRK")] == ["meeting"]
