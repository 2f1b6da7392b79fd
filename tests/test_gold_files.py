"""Every hand annotation is well formed: its types are the vocabulary's, its states are codes,
its scope and every evidence phrase are in the article's clean text (normalised as the scorer
normalises). Only the reader runs here, never extraction: checking a gold file must not show
what Dyad extracts from a held-out article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA
from dyad.evaluate import normalize, scope_spans
from dyad.read import read_file
from dyad.vocabulary import EVENT_TYPES

GOLD = DATA / "gold"
FOLDERS_OF_GOLD = (
    GOLD,
    GOLD / "dev",
    GOLD / "dev2",
    GOLD / "dev3",
    GOLD / "dev4",
    GOLD / "dev5",
    GOLD / "dev6",
    GOLD / "train7a",
    GOLD / "train7b",
    GOLD / "train8a",
    GOLD / "train8b",
    GOLD / "test2",
    GOLD / "test",
)
FILES = sorted(p for folder in FOLDERS_OF_GOLD for p in folder.glob("*.json"))
# Where the gold files' articles are kept (their "path" is relative to ../shared/corpus).
FOLDERS = [
    DATA / "text",
    DATA / "markdown",
    DATA / "wikitext",
    DATA / "wikitext-dev2",
    DATA / "wikitext-dev3",
    DATA / "wikitext-dev4",
    DATA / "wikitext-dev5",
    DATA / "wikitext-dev6",
    DATA / "wikitext-train7a",
    DATA / "wikitext-train7b",
    DATA / "wikitext-train8a",
    DATA / "wikitext-train8b",
]
CODE = re.compile(r"^[A-Z]{3}$")
MODALITIES = {"occurred", "planned", "cancelled", "negated", "hypothetical"}


def _problems(event: dict[str, Any]) -> list[str]:
    problems = []
    for kind in [event.get("type"), *event.get("alt_types", [])]:
        if kind not in EVENT_TYPES:
            problems.append(f"unknown type {kind!r}")
    if event.get("modality", "occurred") not in MODALITIES:
        problems.append(f"unknown modality {event.get('modality')!r}")
    if "source" in event or "target" in event:  # directed; one side may be unknown (null)
        sides = [event.get("source"), event.get("target")]
        known = [s for s in sides if s is not None]
        if not known or not all(CODE.match(str(s)) for s in known):
            problems.append("bad source/target")
    elif not event.get("actors") or not all(CODE.match(a) for a in event["actors"]):
        problems.append("reciprocal event without valid actors")
    return problems


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_gold_files_are_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    if "path" in gold:
        name = gold["path"].split("/", 1)[1]
        article = next((f / name for f in FOLDERS if (f / name).is_file()), None)
        assert article is not None, f"{name} is not kept in tests/data"
    else:
        article = DATA.parent.parent / "examples" / "Mongolia–North_Korea_relations.infolist.txt"
    text = read_file(article).text
    spans = scope_spans(gold, text) or [(0, len(text))]
    scoped = [normalize(text[start:end]) for start, end in spans]
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for event in gold["events"]:
        assert not _problems(event), (event["id"], _problems(event))
        phrase = normalize(event["evidence"])
        assert phrase and any(phrase in part for part in scoped), (event["id"], event["evidence"])
