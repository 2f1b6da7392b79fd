"""ingest_paths: files and folders read, extracted and stored; a bad file is reported and
skipped, never half-ingested."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED
from dyad.ingest import ingest_paths
from dyad.store import IngestProgress, Store
from store_helpers import consistency_problems


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    shutil.copy(SEED, folder / SEED.name)
    (folder / "more" / "empty.txt").write_bytes(b"")
    (folder / "more" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / ".hidden.txt").write_text("ignored")
    (folder / "NOTICE").write_text("Text from Wikipedia, CC BY-SA.")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_store_paths_folder_with_bad_files(tmp_path: Path, folder: Path, workers: int) -> None:
    seen: list[IngestProgress] = []
    path = tmp_path / "kb.db"
    with Store(path) as store:
        summary = ingest_paths(store, [folder], progress=seen.append, workers=workers)
        assert (summary.documents, summary.added, summary.unchanged) == (1, 1, 0)
        assert summary.events > 0 and summary.tenures > 0
        assert sorted(Path(e.path).name for e in summary.errors) == ["binary.txt", "empty.txt"]
        assert all(e.message for e in summary.errors)
        assert [Path(p.path).name for p in seen] == [SEED.name, "binary.txt", "empty.txt"]
        assert seen[0].result is not None and seen[0].result.status == "added"
        assert seen[1].problem is not None
        assert store.counts().documents == 1
        again = ingest_paths(store, [folder / SEED.name])
        assert (again.unchanged, again.added, again.errors) == (1, 0, ())
    assert consistency_problems(path) == []


def test_store_paths_missing_file(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        summary = ingest_paths(store, [tmp_path / "nope.txt"])
        assert summary.documents == 0
        (error,) = summary.errors
        assert "nope.txt" in error.path
