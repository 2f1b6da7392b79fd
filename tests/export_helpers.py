"""A real knowledge base for the export tests: the seed article and the "Foreign relations" pages
of tests/data/wikitext, read, extracted and stored once per test process (about 15 s)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from conftest import DATA, SEED
from dyad.ingest import ingest_paths
from dyad.store import Store

_BUILT: list[Path] = []


def knowledge_base(factory: pytest.TempPathFactory) -> Path:
    """The path of the shared knowledge base (open it read-only: tests share it)."""
    if not _BUILT:
        path = factory.mktemp("export-kb") / "kb.db"
        with Store(path) as store:
            summary = ingest_paths(store, [SEED, DATA / "wikitext"])
            assert summary.errors == ()
            assert summary.documents == 7
        _BUILT.append(path)
    return _BUILT[0]


def copy_of(factory: pytest.TempPathFactory) -> Path:
    """A private copy, for a test that writes."""
    source = knowledge_base(factory)
    target = factory.mktemp("export-kb-copy") / "kb.db"
    shutil.copy(source, target)
    return target


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as the csv module reads them (RFC 4180, newline='')."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def csv_text_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))
