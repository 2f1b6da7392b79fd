"""Golden snapshots of extraction: every event and tenure of a set of real articles, one line each.

A change to the rules, the engine or a reader shows here as a diff of readable lines even when
no gold score moves. The inputs are the articles already kept for the readers' golden files and
the extraction tests; the snapshots live in ``tests/golden/extract/<case>.expected.json``.
Regenerate with ``DYAD_REGEN_GOLDEN=1`` and review the diff before committing: each line is a
claim Dyad makes about a text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, SEED
from dyad.extract.pipeline import extract
from dyad.model import Event, Tenure
from dyad.read import read_file
from golden_helpers import check_golden

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SNAPSHOTS = GOLDEN / "extract"
# The held-out test set's articles are never snapshotted: nobody tuning rules should read what
# Dyad extracts from them (tests/data/gold/test/README.md, tests/data/gold/test2/README.md).
HELD_OUT = {
    json.loads(gold.read_text(encoding="utf-8"))["source"]
    for folder in ("test", "test2")
    for gold in (DATA / "gold" / folder).glob("*.gold.json")
}
CASES: dict[str, Path] = {"seed": SEED}
for folder in ("html", "infolist", "markdown", "text", "wikitext"):
    for path in sorted((GOLDEN / folder).iterdir()):
        if path.name != "NOTICE" and not path.name.endswith(".expected.json"):
            CASES.setdefault(f"{folder}-{path.stem}", path)
for folder in ("text", "wikitext"):
    for path in sorted((DATA / folder).iterdir()):
        if path.is_file() and path.name != "NOTICE" and path.name not in HELD_OUT:
            CASES.setdefault(f"{folder}-{path.stem}", path)


def _event_line(event: Event) -> str:
    who = (
        f"{event.source}->{event.target}"
        if event.source or event.target
        else "+".join(event.actors)
    )
    extras = []
    if event.persons:
        extras.append("persons=" + ",".join(f"{p.name}/{p.state}" for p in event.persons))
    if event.quantity:
        extras.append(f"qty={event.quantity.amount:g} {event.quantity.of}")
    if event.subject:
        extras.append(f"subject={event.subject}")
    if event.modality != "occurred":
        extras.append(f"modality={event.modality}")
    head = f"{event.type} | {event.date} ({event.date_source}) | {who} | {event.rule}"
    tail = " | ".join(extras)
    return f"{head}{' | ' + tail if tail else ''} | {event.evidence.text[:160]}"


def _tenure_line(tenure: Tenure) -> str:
    return (
        f"{tenure.role} | {tenure.person} | {tenure.sending}->{tenure.receiving}"
        f" | {tenure.start}/{tenure.end} | {tenure.rule}"
    )


def extraction_snapshot(path: Path) -> dict[str, Any]:
    """What a reviewer reads of one article's extraction, in document order."""
    result = extract(read_file(path))
    events = sorted(result.events, key=lambda e: (e.evidence.start, e.type, e.id))
    return {
        "dyad": list(result.dyad) if result.dyad else None,
        "events": [_event_line(e) for e in events],
        "tenures": [_tenure_line(t) for t in result.tenures],
    }


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_extract_golden(case: str) -> None:
    check_golden(SNAPSHOTS / f"{case}.expected.json", extraction_snapshot(CASES[case]))
