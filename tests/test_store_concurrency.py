"""Readers and writers at once: a reader queries while a writer holds a long transaction
(WAL, separate connections); a second writer waits for the lock or fails with a named error,
never corrupting anything."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from dyad.store import Store, StoreBusyError
from store_helpers import DocBuilder, consistency_problems, established


def _big(number: int) -> list[dict[str, object]]:
    doc = DocBuilder(f"Big {number}")
    for i in range(400):
        doc.event(
            "visit",
            f"{1950 + i % 70}",
            f"Visit {i} of {number}.",
            actors=["MNG", "PRK"],
            source="MNG",
            target="PRK",
        )
    return doc.records()


def test_store_concurrency_reader_during_long_write(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with Store(path) as store:
        store.ingest(established("Seed", "MNG", "PRK", "1948-10-15"))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM event_mentions")  # uncommitted: readers must not see it
    writer.execute("UPDATE facts SET date = 'garbage'")
    try:
        with Store(path, timeout=0.2) as reader:
            began = reader.show("mongolia", "north korea").relations_began
            assert [f.date for f in began] == ["1948-10-15"]
            assert len(began[0].sources) == 1
            assert reader.timeline("MNG", "PRK")[0].date == "1948-10-15"
            assert reader.search("established")
            assert reader.counts().event_mentions == 1
            # and a second writer gives up after its busy timeout, with a clear error
            with pytest.raises(StoreBusyError, match="another process is writing"):
                reader.ingest(established("Other", "MNG", "PRK", "1948"))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert consistency_problems(path) == []


def test_store_concurrency_second_writer_waits(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store(path).close()
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    released = threading.Event()

    def release() -> None:
        time.sleep(0.5)
        # Set before the commit: once the lock is free the store may finish before this thread
        # runs again, and the check below is only that the store finished after the wait began.
        released.set()
        writer.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    try:
        with Store(path, timeout=10) as store:
            result = store.ingest(established("Doc", "MNG", "PRK", "1948"))
            assert released.is_set()  # it waited for the lock instead of failing
            assert result.status == "added"
    finally:
        thread.join()
        writer.close()


def test_store_concurrency_readers_while_writer_ingests(tmp_path: Path) -> None:
    """A thread ingests big documents while the main thread queries without a failure."""
    path = tmp_path / "kb.db"
    Store(path).close()
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with Store(path) as store:
                for number in range(6):
                    store.ingest(_big(number))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    seen: set[int] = set()
    with Store(path, readonly=True) as reader:
        while not done.is_set():
            timeline = reader.timeline("MNG", "PRK", limit=1000)
            # never half a document: each one adds 400 evidences
            evidences = sum(len(f.sources) for f in timeline)
            assert evidences % 400 == 0
            seen.add(evidences // 400)
            summary = reader.show("MNG", "PRK")
            assert summary.facts == sum(summary.counts.values())
    thread.join()
    assert errors == []
    assert len(seen) >= 2  # the reader saw the knowledge base grow
    assert consistency_problems(path) == []


def test_store_concurrency_snapshot_is_one_state(tmp_path: Path) -> None:
    # A page made of several queries (the dyad page) reads them in one snapshot: what
    # another connection commits in between is seen by none of them, and by the next page.
    path = tmp_path / "kb.db"
    with Store(path) as store:
        store.ingest(established("Seed", "MNG", "PRK", "1948-10-15"))
    with Store(path, readonly=True) as reader, Store(path) as writer:
        with reader.snapshot():
            before = reader.show("MNG", "PRK")
            writer.ingest(established("Other", "MNG", "PRK", "1949-02-01"))
            after = reader.timeline("MNG", "PRK")
            assert [f.date for f in after] == [f.date for f in before.relations_began]
            assert reader.counts().documents == 1
            assert reader.show("MNG", "PRK").facts == before.facts
        assert reader.counts().documents == 2
        assert reader.show("MNG", "PRK").facts > before.facts
