"""The Office of the Historian's chiefs of mission as terms of office.

Each chief of mission is counted and dated from the XML independently of the reader (a regular
expression over the ``<chiefs>`` part, and ElementTree for the dates).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import DATA
from dyad.extract.pipeline import extract
from dyad.extract.pocom import rank_of
from dyad.ingest import files
from dyad.read import ReadError, read_file, read_text

POCOM = DATA / "historyatstate-pocom"
CHIEF = re.compile(r"<chief>")


def _chiefs_in(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    part = re.search(r"<chiefs>(.*?)</chiefs>", text, re.DOTALL)
    return len(CHIEF.findall(part.group(1))) if part else 0


def _expected_dates(path: Path) -> list[tuple[str | None, str | None]]:
    chiefs = ET.parse(path).getroot().find("chiefs")
    out = []
    for chief in chiefs.iter("chief") if chiefs is not None else ():
        started = (
            chief.findtext("started/date")
            or chief.findtext("arrived/date")
            or chief.findtext("appointed/date")
            or None
        )
        out.append((started, chief.findtext("ended/date") or None))
    return out


def _check_folder(folder: Path) -> int:
    missions = sorted((folder / "missions-countries").glob("*.xml"))
    assert list(files([folder])) == missions  # people, roles and code tables are not documents
    total = 0
    for path in missions:
        doc = read_file(path)
        assert doc.format == "pocom" and doc.curated
        tenures = extract(doc).tenures
        assert len(tenures) == _chiefs_in(path), path.name
        assert [(t.start, t.end) for t in tenures] == _expected_dates(path), path.name
        for tenure in tenures:
            assert doc.text[tenure.evidence.start : tenure.evidence.end] == tenure.evidence.text
            assert tenure.person in tenure.evidence.text
            assert tenure.sending == "USA"
        total += len(tenures)
    return total


def test_pocom_read_every_chief_becomes_a_dated_term_of_office() -> None:
    assert _check_folder(POCOM) > 300


@pytest.mark.shared
@pytest.mark.slow
def test_pocom_read_the_whole_shared_folder(shared: Path) -> None:
    folder = shared / "corpus" / "historyatstate-pocom"
    expected = sum(_chiefs_in(p) for p in (folder / "missions-countries").glob("*.xml"))
    assert _check_folder(folder) == expected


def test_pocom_read_roles_and_receiving_states() -> None:
    tenures = extract(read_file(POCOM / "missions-countries" / "czech-republic.xml")).tenures
    assert {t.receiving for t in tenures} == {"CZE"}
    assert rank_of("Envoy Extraordinary and Minister Plenipotentiary") == "minister"
    assert rank_of("Ambassador Extraordinary and Plenipotentiary") == "ambassador"
    assert rank_of("Chargé d’Affaires ad interim") == "chargé d'affaires ad interim"
    assert rank_of("Chargé d’Affaires/Consul General") == "chargé d'affaires"
    ranks = {"ambassador", "minister", "chargé d'affaires", "chargé d'affaires ad interim"}
    assert {t.role for t in tenures} <= ranks


def test_pocom_read_without_its_people_folder_says_so(tmp_path: Path) -> None:
    lone = tmp_path / "missions-countries" / "iran.xml"
    lone.parent.mkdir()
    lone.write_bytes((POCOM / "missions-countries" / "iran.xml").read_bytes())
    with pytest.raises(ReadError, match="give the whole pocom folder"):
        read_file(lone)
    with pytest.raises(ReadError, match="not a chiefs-of-mission file"):
        read_text("<mission/>", format="pocom", source=str(lone))
