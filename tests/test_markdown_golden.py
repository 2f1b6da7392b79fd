"""Golden files: tests/golden/markdown/<case>.md beside <case>.expected.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read import read_file
from golden_helpers import check_golden, snapshot

CASES = sorted((Path(__file__).parent / "golden" / "markdown").glob("*.md"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_markdown_golden(case: Path) -> None:
    doc = read_file(case)
    assert doc.format == "markdown"
    check_golden(case.with_name(case.stem + ".expected.json"), snapshot(doc))
