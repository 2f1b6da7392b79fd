"""Shared fixtures: where the project's own test data and the optional ../shared folder are.

Two corpus-wide results are built once per test process and shared by the tests that need them
(``make test`` runs the suite under pytest-xdist with ``--dist loadfile``; such tests also carry
one ``xdist_group`` mark, which puts them in one worker under ``--dist loadgroup`` once
pytest-xdist supports pytest 9's node ids; until then each worker builds what its tests need):

- ``corpus_kb``: the 205 "Foreign relations of X" pages ingested into one knowledge base;
- ``corpus_extractions``: the same pages read and extracted, in file order.
"""

from __future__ import annotations

from pathlib import Path

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

# xdist groups: the tests sharing one session-scoped corpus result run in one worker.
CORPUS_KB = pytest.mark.xdist_group("corpus_kb")
CORPUS_EXTRACTIONS = pytest.mark.xdist_group("corpus_extractions")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder; tests that need it are skipped on a machine without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


@pytest.fixture(scope="session")
def corpus_kb(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestSummary]:
    """The wikitext corpus ingested (two worker processes) into a knowledge base, and the
    ingest's summary. Tests only read it: open it with ``Store(path, readonly=True)``."""
    path = tmp_path_factory.mktemp("corpus-kb") / "corpus.db"
    with Store(path) as store:
        summary = ingest_paths(store, [shared / "corpus" / WIKITEXT_CORPUS], workers=2)
    return path, summary


@pytest.fixture(scope="session")
def corpus_extractions(shared: Path) -> dict[Path, Extraction]:
    """Each page of the wikitext corpus, read and extracted, by path (sorted)."""
    pages = sorted((shared / "corpus" / WIKITEXT_CORPUS).glob("*.wiki"))
    return {path: extract(read_file(path)) for path in pages}
