"""Shared fixtures: where the project's own test data and the optional ../shared folder are.

Two corpus-wide results are built once per test run and shared by the tests that need them
(``make test`` runs the suite under pytest-xdist with ``--dist loadfile``: the first worker to
need one builds it under a file lock in the run's common temporary folder, and the others load
it from there instead of building it again):

- ``corpus_kb``: the 205 "Foreign relations of X" pages ingested into one knowledge base;
- ``corpus_extractions``: the same pages read and extracted, in file order.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from dyad.extract.pipeline import Extraction, extract
from dyad.ingest import ingest_paths
from dyad.read import read_file
from dyad.store import IngestSummary, Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = EXAMPLES / "Mongolia–North_Korea_relations.infolist.txt"
WIKITEXT_CORPUS = "foreign-relations-wikitext"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder; tests that need it are skipped on a machine without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


T = TypeVar("T")


def _built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """``build(folder)`` run by the first test process of the run that asks, under a lock; every
    other process (xdist worker) loads its pickled result from the same folder."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the folder all workers of this run share
    folder = root / f"built-once-{name}"
    folder.mkdir(exist_ok=True)
    result = folder / "result.pickle"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if result.exists():
            with result.open("rb") as fh:
                loaded: T = pickle.load(fh)
            return loaded
        built = build(folder)
        partial = folder / "result.partial"
        with partial.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(result)
        return built


@pytest.fixture(scope="session")
def corpus_kb(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestSummary]:
    """The wikitext corpus ingested (two worker processes) into a knowledge base, and the
    ingest's summary. Tests only read it: open it with ``Store(path, readonly=True)``."""

    def build(folder: Path) -> tuple[Path, IngestSummary]:
        path = folder / "corpus.db"
        with Store(path) as store:
            summary = ingest_paths(store, [shared / "corpus" / WIKITEXT_CORPUS], workers=2)
        return path, summary

    return _built_once(tmp_path_factory, "corpus-kb", build)


@pytest.fixture(scope="session")
def corpus_extractions(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, Extraction]:
    """Each page of the wikitext corpus, read and extracted, by path (sorted)."""

    def build(_: Path) -> dict[Path, Extraction]:
        pages = sorted((shared / "corpus" / WIKITEXT_CORPUS).glob("*.wiki"))
        return {path: extract(read_file(path)) for path in pages}

    return _built_once(tmp_path_factory, "corpus-extractions", build)


@pytest.fixture(scope="session")
def corpus_kb_all(
    corpus_kb: tuple[Path, IngestSummary], shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, tuple[IngestSummary, IngestSummary]]:
    """``corpus_kb`` copied, then the bilateral articles (text and Markdown) ingested into the
    copy: the whole corpus in one knowledge base, and both ingests' summaries."""

    def build(folder: Path) -> tuple[Path, tuple[IngestSummary, IngestSummary]]:
        path = folder / "corpus-all.db"
        source = sqlite3.connect(corpus_kb[0])
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        bilateral = [shared / "corpus" / "bilateral-text", shared / "corpus" / "bilateral-markdown"]
        with Store(path) as store:
            summary = ingest_paths(store, bilateral)
        return path, (corpus_kb[1], summary)

    return _built_once(tmp_path_factory, "corpus-kb-all", build)
