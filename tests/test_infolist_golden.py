"""Golden files: tests/golden/infolist/<case>.txt beside <case>.expected.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read import read_file
from golden_helpers import check_golden, snapshot

CASES = sorted((Path(__file__).parent / "golden" / "infolist").glob("*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_infolist_golden(case: Path) -> None:
    doc = read_file(case)
    assert doc.format == "infolist"
    check_golden(case.with_suffix(".expected.json"), snapshot(doc))
