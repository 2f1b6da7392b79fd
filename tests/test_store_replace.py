"""A changed document (same id, new content) replaces its own records, in one transaction;
facts of the pairs it touched, before or after, are recomputed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import Store, UnknownDocumentError
from store_helpers import DocBuilder, consistency_problems, established, table_counts


def _version(date: str, extra_pair: tuple[str, str] | None) -> list[dict[str, object]]:
    doc = DocBuilder("Foreign relations of Mongolia")
    doc.event(
        "relations.established",
        date,
        f"Mongolia and North Korea: relations since {date}.",
        actors=["MNG", "PRK"],
    )
    if extra_pair:
        doc.event(
            "visit",
            "1990",
            "A visit in 1990.",
            actors=list(extra_pair),
            source=extra_pair[0],
            target=extra_pair[1],
        )
    doc.gloss("Ulaanbaatar", f"Ulaanbaatar, the capital (version {date}).")
    doc.tenure("Jamsran Sambuu", "MNG", "PRK", "1950", "1952")
    return doc.records()


def test_store_replace_changed_document(tmp_path: Path) -> None:
    old = _version("1948", ("CHN", "MNG"))
    new = _version("1948-10-15", ("MNG", "RUS"))
    with Store(tmp_path / "kb.db") as store:
        store.ingest(old)
        assert store.ingest(new).status == "replaced"
        assert store.records(new[0]["id"]) == new  # type: ignore[arg-type]
        # the pair only the old version touched has nothing left
        assert store.timeline("CHN", "MNG") == []
        assert store.show("CHN", "MNG").facts == 0
        assert [f.date for f in store.timeline("MNG", "RUS")] == ["1990"]
        began = store.show("MNG", "PRK").relations_began
        assert [(f.date, len(f.sources)) for f in began] == [("1948-10-15", 1)]
        # full-text search forgot the old text
        assert store.search("version 1948-10-15")
        assert not [h for h in store.search("CHN") if h.kind == "event"]
        assert store.counts().documents == 1
    with Store(tmp_path / "fresh.db") as fresh:
        fresh.ingest(new)
    assert table_counts(tmp_path / "kb.db") == table_counts(tmp_path / "fresh.db")
    assert consistency_problems(tmp_path / "kb.db") == []


def test_store_replace_keeps_fact_ids_of_other_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.ingest(established("Seed", "MNG", "PRK", "1948-10-15"))
        store.ingest(_version("1948", None))
        (fact,) = store.show("MNG", "PRK").relations_began
        assert len(fact.sources) == 2
        store.ingest(_version("1948-10", None))
        (again,) = store.show("MNG", "PRK").relations_began
        assert again.id == fact.id
        assert again.date == "1948-10-15"
        assert sorted(s.date for s in again.sources) == ["1948-10", "1948-10-15"]


def test_store_replace_that_creates_and_resolves_a_conflict(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.ingest(established("Seed", "MNG", "PRK", "1948-10-15"))
        store.ingest(_version("1950", None))
        assert len(store.conflicts()) == 1
        store.ingest(_version("1948", None))
        assert store.conflicts() == []
        assert store.show("MNG", "PRK").conflicts == 0
    assert consistency_problems(tmp_path / "kb.db") == []


def test_store_replace_delete_document(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with Store(path) as store:
        seed = established("Seed", "MNG", "PRK", "1948-10-15")
        store.ingest(seed)
        store.ingest(_version("1950", None))
        assert store.delete(seed[0]["id"])  # type: ignore[arg-type]
        assert not store.delete(seed[0]["id"])  # type: ignore[arg-type]
        assert store.conflicts() == []
        assert [f.date for f in store.show("MNG", "PRK").relations_began] == ["1950"]
        with pytest.raises(UnknownDocumentError):
            store.records(seed[0]["id"])  # type: ignore[arg-type]
    assert consistency_problems(path) == []
