"""The Office of the Historian's relations-by-country files: read, and their entries as events.

Counts are checked against an independent walk of the XML (ElementTree, not the reader).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import DATA
from dyad.extract.historian import entries
from dyad.extract.historian_countries import country_code
from dyad.extract.pipeline import Extraction, extract
from dyad.gazetteer import default_gazetteer
from dyad.read import ReadError, detect_format, read_file, read_text

RDCR = DATA / "historyatstate-rdcr"
FILES = sorted(RDCR.glob("*.xml"))
TEI = "{http://www.tei-c.org/ns/1.0}"
YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


@cache
def _extraction(path: Path) -> Extraction:
    return extract(read_file(path), gazetteer=default_gazetteer())


def _dated_heads(path: Path) -> list[str]:
    """Heads of timeline entries that carry a date (a dated <date>, or a year in the head)."""
    heads = []
    for div in ET.parse(path).getroot().iter(f"{TEI}div"):
        head = div.find(f"{TEI}head")
        if div.get("type") == "timeline" and head is not None:
            text = " ".join("".join(head.itertext()).split())
            if YEAR.search(text) or any(d.get("when") or d.get("from") for d in head.iter()):
                heads.append(text)
    return heads


def test_historian_read_every_file_reads_with_one_entry_per_dated_head() -> None:
    assert len(FILES) == 228
    total = 0
    for path in FILES:
        doc = _extraction(path).document
        assert doc.format == "historian" and doc.curated
        found = entries(doc)
        heads = _dated_heads(path)
        assert [doc.text[e.start : e.head_end] for e in found] == heads, path.name
        total += len(found)
    assert total > 1100


def test_historian_read_entry_events_carry_date_and_exact_evidence() -> None:
    entries_seen = with_events = events = 0
    for path in FILES:
        extraction = _extraction(path)
        doc = extraction.document
        starts = {e.evidence.start for e in extraction.events}
        if extraction.dyad is not None:
            entries_seen += len(entries(doc))
            with_events += sum(1 for e in entries(doc) if e.start in starts)
        for event in extraction.events:
            events += 1
            evidence = event.evidence
            assert doc.text[evidence.start : evidence.end] == evidence.text
            assert event.date and event.date_source in {"stated", "sentence"}
            assert "USA" in event.actors and len(event.actors) == 2
            entry = next(e for e in entries(doc) if e.start == evidence.start)
            assert evidence.end <= entry.end
            if event.date_source == "sentence":  # made finer within the head's own date
                assert event.date.startswith(entry.date.value)
    # Entries the vocabulary has no type for (consular posts, embassies moved, wars) give none.
    assert events > 900
    assert with_events / entries_seen > 0.8


def test_historian_read_iran_severed_by_the_united_states_on_its_day() -> None:
    doc = read_file(RDCR / "iran.xml")
    events = extract(doc).events
    severed = [e for e in events if e.type == "relations.severed"]
    assert [(e.source, e.target, e.date) for e in severed] == [("USA", "IRN", "1980-04-07")]
    assert severed[0].evidence.text.startswith("Diplomatic Relations Severed, 1980.")
    assert "on April 7, 1980" in severed[0].evidence.text
    established = [e for e in events if e.type == "relations.established"]
    assert [e.date for e in established] == ["1883-06-11"]
    assert {"relations.established", "mission.opened"} <= {e.type for e in events}


def test_historian_read_country_names_map_to_codes_past_and_present() -> None:
    gaz = default_gazetteer()
    assert country_code(["Kingdom of Persia", "iran"], gaz) == "IRN"
    assert country_code(["Union of Soviet Socialist Republics*"], gaz) == "SUN"
    assert country_code(["czechoslovakia-1993"], gaz) == "CSK"
    assert country_code(["Benin (Dahomey)"], gaz) == "BEN"
    # The Duchy of Nassau is not the Bahamas, whose capital shares its name.
    assert country_code(["Nassau*", "nassau"], gaz) is None


def test_historian_read_unmapped_countries_give_no_events() -> None:
    gaz = default_gazetteer()
    for path in FILES:
        extraction = _extraction(path)
        if extraction.dyad is None:
            assert extraction.events == ()
            assert gaz.lookup(path.stem.replace("-", " ")) in {None, gaz.get("BHS")}


def test_historian_read_detects_tei_and_refuses_entities() -> None:
    text = (RDCR / "iran.xml").read_text(encoding="utf-8")
    assert detect_format(text) == "historian"
    bomb = '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">]>' + text.replace("Summary", "&a;", 1)
    with pytest.raises(ReadError, match="document type declaration"):
        read_text(bomb, format="historian", source="bomb.xml")
    with pytest.raises(ReadError, match="not well-formed"):
        read_text(text[:500], format="historian", source="cut.xml")


def test_historian_read_a_head_naming_another_state_gives_it_the_event() -> None:
    china = _extraction(RDCR / "china.xml").events
    ended = [e for e in china if e.type == "relations.severed" and e.date == "1979-01-01"]
    assert [e.actors for e in ended] == [("TWN", "USA")]
    assert "Republic of China" in ended[0].evidence.text
    cuba = _extraction(RDCR / "cuba.xml").events
    severed = [(e.source, e.target, e.date) for e in cuba if e.type == "relations.severed"]
    assert severed == [("USA", "CUB", "1961-01-03")]
    assert any(e.type == "relations.restored" and e.date.startswith("2015") for e in cuba)
