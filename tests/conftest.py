"""Shared fixtures: where the project's own test data and the optional ../shared folder are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = EXAMPLES / "Mongolia–North_Korea_relations.infolist.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder; tests that need it are skipped on a machine without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
