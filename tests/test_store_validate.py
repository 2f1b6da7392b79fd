"""Record streams that break the contract are refused whole, with a message naming the record
and field; the pair an event belongs to."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyad.store import InvalidRecordError, Store
from dyad.store.ingest import event_pair, tenure_pair
from store_helpers import DocBuilder, table_counts

Records = list[dict[str, Any]]


def _valid() -> Records:
    doc = DocBuilder("Doc")
    doc.event("visit", "2007", "A visit.", actors=["MNG", "PRK"], source="PRK", target="MNG")
    doc.tenure("Hong Gyu", "PRK", "MNG", "2013", "2017")
    doc.gloss("Kim", "Kim may refer to ...")
    doc.entity("Kim Il Sung", aliases=["Kim Il-sung"])
    return doc.records()


def _set(index: int, key: str, value: Any) -> Callable[[Records], None]:
    def change(records: Records) -> None:
        records[index][key] = value

    return change


def _evidence_moved(records: Records) -> None:
    records[2]["evidence"]["start"] += 1


CASES: dict[str, tuple[Callable[[Records], None], str]] = {
    "no document first": (lambda r: r.reverse(), "starts with its document"),
    "evidence off the text": (_evidence_moved, "is not the quoted text"),
    "another document's event": (_set(2, "document", "other"), "belongs to 'other'"),
    "unknown kind": (_set(1, "kind", "note"), "unknown kind"),
    "date not a string": (_set(2, "date", 1948), "date: expected str"),
    "confidence a boolean": (_set(2, "confidence", True), "got a boolean"),
    "actors not strings": (_set(2, "actors", ["MNG", 4]), "list of strings"),
    "newer schema": (_set(0, "schema", 99), "newer than this store"),
    "lone surrogate": (_set(3, "person", "Hong \ud800"), "not valid Unicode"),
    "gloss span outside": (_set(1, "span", [0, 10**6]), "inside the text"),
    "repeated event id": (lambda r: r.insert(3, copy.deepcopy(r[2])), "repeated"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_store_validate_refuses_whole_stream(tmp_path: Path, case: str) -> None:
    change, message = CASES[case]
    records = _valid()
    change(records)
    path = tmp_path / "kb.db"
    with Store(path) as store:
        empty = table_counts(path)
        with pytest.raises(InvalidRecordError, match=message):
            store.ingest(records)
        assert table_counts(path) == empty
        assert store.ingest(_valid()).status == "added"


def test_store_validate_event_pairs() -> None:
    assert event_pair({"source": "PRK", "target": "MNG", "actors": ["MNG", "PRK"]}, None) == (
        "MNG",
        "PRK",
    )
    assert event_pair({"actors": ["PRK", "MNG"]}, None) == ("MNG", "PRK")
    assert event_pair({"actors": ["MNG"]}, None) is None
    trilateral = {"actors": ["AUS", "PNG", "SLB"]}
    assert event_pair(trilateral, ["SLB", "AUS"]) == ("AUS", "SLB")
    assert event_pair(trilateral, None) == ("AUS", "PNG")
    assert tenure_pair({"sending": "PRK", "receiving": "MNG"}) == ("MNG", "PRK")
    assert tenure_pair({"sending": "PRK", "receiving": None}) is None
