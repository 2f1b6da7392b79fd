"""Golden files: tests/golden/wikitext/<case>.wiki beside <case>.expected.json.

Regenerate with ``DYAD_REGEN_GOLDEN=1`` and review the diff: the expected file is the spec.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read.source import title_from_filename
from dyad.read.wikitext import read
from golden_helpers import check_golden, snapshot
from reader_checks import check_spans

CASES = sorted((Path(__file__).parent / "golden" / "wikitext").glob("*.wiki"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_wikitext_golden(case: Path) -> None:
    # The hand-written case names itself with {{DISPLAYTITLE}}; real pages by their file name.
    title = None if case.stem == "kitchen_sink" else title_from_filename(case.name)
    doc = read(case.read_text(encoding="utf-8"), source=case.name, title=title)
    assert doc.format == "wikitext"
    check_spans(doc)
    check_golden(case.with_name(case.stem + ".expected.json"), snapshot(doc))
