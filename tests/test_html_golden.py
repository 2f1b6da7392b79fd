"""Golden files: tests/golden/html/<case>.html beside <case>.expected.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read import read_file
from golden_helpers import check_golden, snapshot

CASES = sorted((Path(__file__).parent / "golden" / "html").glob("*.html"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_html_golden(case: Path) -> None:
    doc = read_file(case)
    assert doc.format == "html"
    check_golden(case.with_name(case.stem + ".expected.json"), snapshot(doc))
