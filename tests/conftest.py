"""Shared fixtures: where the project's own test data and the optional ../shared folder are.

Three corpus-wide results are built once per test run and shared by the tests that need them
(``make test`` runs the suite under pytest-xdist with ``--dist loadfile``: the first worker to
need one builds it under a file lock in the run's common temporary folder, and the others load
it from there instead of building it again):

- ``corpus_extractions``: the 205 "Foreign relations of X" pages read and extracted (on two
  cores), in file order;
- ``corpus_kb``: those extractions stored into one knowledge base;
- ``corpus_kb_all``: a copy of it with the bilateral articles ingested too.
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import pickle
import sqlite3
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings

from dyad.extract.pipeline import Extraction, extract
from dyad.ingest import ingest_paths
from dyad.ingest.pipeline import Outcome
from dyad.read import read_file
from dyad.records import extraction_records
from dyad.store import IngestSummary, Store

# Hypothesis' per-example deadline (200 ms) is a wall-clock assertion: on a loaded machine a fast
# example can miss it, and timings belong in bench/. Every test runs without it.
settings.register_profile("dyad", deadline=None)
settings.load_profile("dyad")

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
def corpus_kb(
    corpus_extractions: dict[Path, Extraction], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, IngestSummary]:
    """The wikitext corpus stored into a knowledge base, and the ingest's summary: the run's
    corpus extractions, stored as ``dyad ingest`` stores what it extracts (the same records of
    the same paths; extracting the 205 pages again would only take time). Tests only read it:
    open it with ``Store(path, readonly=True)``."""

    def build(folder: Path) -> tuple[Path, IngestSummary]:
        path = folder / "corpus.db"
        items = (
            Outcome(str(page), extraction_records(found), title=found.document.title)
            for page, found in corpus_extractions.items()
        )
        with Store(path) as store:
            summary = store.ingest_stream(items)
        return path, summary

    return _built_once(tmp_path_factory, "corpus-kb", build)


def _extracted(path: Path) -> Extraction:
    return extract(read_file(path))


@pytest.fixture(scope="session")
def corpus_extractions(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, Extraction]:
    """Each page of the wikitext corpus, read and extracted, by path (sorted), on two cores."""

    def build(_: Path) -> dict[Path, Extraction]:
        pages = sorted((shared / "corpus" / WIKITEXT_CORPUS).glob("*.wiki"))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            return dict(zip(pages, pool.map(_extracted, pages, chunksize=4), strict=True))

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
