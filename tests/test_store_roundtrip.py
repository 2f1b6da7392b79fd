"""Round trip: any valid record stream goes into the store and comes back out unchanged
(arbitrary text, names and EDTF dates), and every date a record gives gets day bounds."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.model import document_id
from dyad.store import Store
from dyad.store.dates import bounds
from dyad.store.validate import document_hash

Record = dict[str, Any]

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NAME = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
CODES = st.sampled_from(["MNG", "PRK", "KOR", "CHN", "RUS", "SUN", "USA", "XKX"])
OPT = st.none() | TEXT


@st.composite
def day(draw: st.DrawFn) -> str:
    year = draw(st.integers(1, 2100))
    form = draw(st.sampled_from(["y", "ym", "ymd", "neg"]))
    if form == "neg":
        return f"-{draw(st.integers(1, 3000)):04d}"
    if form == "y":
        return f"{year:04d}"
    month = draw(st.integers(1, 12))
    if form == "ym":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{draw(st.integers(1, 28)):02d}"


@st.composite
def edtf(draw: st.DrawFn) -> str:
    """Valid EDTF forms the extraction writes: days, months, years, qualified, intervals,
    open and unknown ends, seasons, unspecified digits."""
    kind = draw(st.sampled_from(["day", "qualified", "interval", "open", "season", "x"]))
    if kind == "day":
        return draw(day())
    if kind == "qualified":
        return draw(day().filter(lambda d: not d.startswith("-"))) + draw(st.sampled_from("?~%"))
    if kind == "interval":
        one, two = sorted(draw(st.lists(st.integers(1000, 2100), min_size=2, max_size=2)))
        return f"{one}/{two}"
    if kind == "open":
        year = f"{draw(st.integers(1000, 2100))}"
        return draw(st.sampled_from([f"{year}/..", f"../{year}", f"{year}/"]))
    if kind == "season":
        return f"{draw(st.integers(1000, 2100))}-{draw(st.integers(21, 24))}"
    return f"{draw(st.integers(10, 20))}XX"


DATE = st.none() | edtf()


@st.composite
def span_of(draw: st.DrawFn, text: str) -> dict[str, Any]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return {"text": text[start:end], "start": start, "end": end}


@st.composite
def streams(draw: st.DrawFn) -> list[Record]:
    title = draw(NAME)
    format_ = draw(st.sampled_from(["text", "wikitext", "infolist", "markdown", "html"]))
    doc_id = document_id(title, format_)
    text = draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
    document: Record = {
        "kind": "document",
        "schema": 1,
        "id": doc_id,
        "title": title,
        "format": format_,
        "source": draw(TEXT),
        "dyad": draw(st.none() | st.lists(CODES, min_size=2, max_size=2, unique=True)),
        "names": draw(st.dictionaries(st.sampled_from(["mn", "ko", "en"]), TEXT)),
        "sections": draw(
            st.lists(st.fixed_dictionaries({"level": st.integers(1, 4), "title": TEXT}), max_size=3)
        ),
        "see_also": draw(st.lists(TEXT, max_size=3)),
        "external_links": [],
        "lists": draw(st.dictionaries(TEXT, st.lists(TEXT, max_size=3), max_size=2)),
        "categories": draw(st.lists(TEXT, max_size=3)),
        "infobox": draw(st.dictionaries(TEXT, TEXT, max_size=2)),
        "content_hash": document_hash(title, text),
        "text": text,
    }
    glosses = [
        {
            "kind": "gloss",
            "document": doc_id,
            "anchor": draw(NAME),
            "target": draw(NAME),
            "span": draw(st.none() | span_of(text).map(lambda s: [s["start"], s["end"]])),
            "text": draw(TEXT),
            "truncated": draw(st.booleans()),
            "flags": draw(
                st.lists(st.sampled_from(["disambiguation", "markup", "mismatch"]), unique=True)
            ),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    events = []
    for number in range(draw(st.integers(0, 5))):
        actors = draw(st.lists(CODES, min_size=0, max_size=3, unique=True))
        directed = len(actors) >= 2 and draw(st.booleans())
        amount = draw(
            st.integers(0, 10**9) | st.floats(0.5, 1e6).filter(lambda f: not f.is_integer())
        )
        events.append(
            {
                "kind": "event",
                "document": doc_id,
                "id": f"{number:016x}",
                "type": draw(
                    st.sampled_from(
                        [
                            "visit",
                            "relations.established",
                            "recognition.granted",
                            "aid.provided",
                            "mission.opened",
                            "relations.severed",
                            "x.custom",
                        ]
                    )
                ),
                "date": draw(DATE),
                "date_source": draw(st.none() | st.sampled_from(["stated", "sentence"])),
                "date_text": draw(OPT),
                "modality": draw(st.sampled_from(["occurred", "planned", "negated"])),
                "source": actors[0] if directed else None,
                "target": actors[1] if directed else None,
                "actors": sorted(actors),
                "persons": draw(
                    st.lists(
                        st.fixed_dictionaries(
                            {"name": NAME, "state": st.none() | CODES, "role": OPT}
                        ),
                        max_size=2,
                    )
                ),
                "quantity": draw(
                    st.none() | st.fixed_dictionaries({"amount": st.just(amount), "of": TEXT})
                ),
                "subject": draw(OPT),
                "evidence": draw(span_of(text)),
                "rule": draw(NAME),
                "confidence": draw(st.floats(0, 1)),
            }
        )
    tenures = [
        {
            "kind": "tenure",
            "document": doc_id,
            "role": draw(st.sampled_from(["ambassador", "chargé d'affaires"])),
            "person": draw(NAME),
            "sending": draw(st.none() | CODES),
            "receiving": draw(st.none() | CODES),
            "start": draw(DATE),
            "end": draw(DATE),
            "evidence": draw(span_of(text)),
            "rule": "tenure.list",
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    entities = [
        {
            "kind": "entity",
            "document": doc_id,
            "name": draw(NAME),
            "type": draw(st.sampled_from(["person", "state", "organisation"])),
            "state": draw(st.none() | CODES),
            "aliases": draw(st.lists(NAME, max_size=3)),
            "gloss": draw(OPT),
            "born": draw(DATE),
            "died": draw(DATE),
            "offices": draw(
                st.lists(
                    st.fixed_dictionaries({"title": NAME, "start": DATE, "end": DATE}), max_size=2
                )
            ),
            "target": draw(OPT),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return [document, *glosses, *events, *tenures, *entities]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=streams(), second=streams())
def test_store_roundtrip_records(first: list[Record], second: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kb.db"
        with Store(path) as store:
            store.ingest(first)
            assert store.records(first[0]["id"]) == first
            # a second stream under the same id replaces the first; otherwise both are kept
            store.ingest(second)
            assert store.records(second[0]["id"]) == second
            if second[0]["id"] != first[0]["id"]:
                assert store.records(first[0]["id"]) == first
            assert store.check() == []
            store.timeline("MNG", "PRK")
            store.conflicts()


@given(edtf())
def test_store_roundtrip_every_valid_date_has_bounds(value: str) -> None:
    found = bounds(value)
    assert found is not None, value
    assert found.lower <= found.upper


def test_store_roundtrip_stored_bounds(tmp_path: Path) -> None:
    from store_helpers import DocBuilder

    doc = DocBuilder("Dates")
    doc.event("visit", "1988-05~", "A visit.", actors=["MNG", "PRK"])
    doc.tenure("Someone", "MNG", "PRK", "2017", None)
    with Store(tmp_path / "kb.db") as store:
        store.ingest(doc.records())
    conn = sqlite3.connect(tmp_path / "kb.db")
    assert conn.execute("SELECT date_lower, date_upper FROM event_mentions").fetchone() == (
        19880501,
        19880531,
    )
    assert conn.execute("SELECT start_lower, end_upper FROM tenures").fetchone() == (
        20170101,
        None,
    )
