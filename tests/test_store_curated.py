"""The Office of the Historian in a knowledge base: curated sources, ambassadors now, mission
ranks, idempotent ingest of both folders, and `dyad compare` against Wikipedia."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from conftest import DATA
from dyad.cli import main
from dyad.extract.historian_countries import country_code
from dyad.gazetteer import default_gazetteer
from dyad.store import Store
from store_helpers import table_counts

RDCR = DATA / "historyatstate-rdcr"
POCOM = DATA / "historyatstate-pocom"
COUNTRIES = ("iran", "cuba", "germany", "japan", "mongolia", "singapore")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two Wikipedia articles, six Historian timelines and the chiefs-of-mission subset."""
    path = tmp_path_factory.mktemp("curated") / "kb.db"
    sources = [
        str(DATA / "wikitext" / "Foreign_relations_of_Singapore.wiki"),
        str(DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki"),
        *(str(RDCR / f"{c}.xml") for c in COUNTRIES),
        str(POCOM),
    ]
    code, output = _run("ingest", "--db", str(path), "--json", *sources)
    assert code == 0, output
    return path


def test_store_curated_ingest_is_idempotent(kb: Path) -> None:
    once = table_counts(kb)
    code, output = _run("ingest", "--db", str(kb), "--json", str(POCOM), str(RDCR / "iran.xml"))
    assert code == 0
    summary = json.loads(output)
    assert summary["unchanged"] == summary["documents"] == 9 and summary["added"] == 0
    assert table_counts(kb) == once


def test_store_curated_sources_are_marked(kb: Path) -> None:
    code, output = _run("show", "usa", "iran", "--db", str(kb), "--json")
    assert code == 0
    documents = json.loads(output)["documents"]
    assert {d["format"] for d in documents} == {"historian", "pocom"}
    assert all(d["curated"] for d in documents)
    code, text = _run("show", "usa", "iran", "--db", str(kb))
    assert "(historian, curated)" in " ".join(text.split())


def _latest_open_ambassadors() -> dict[str, str]:
    """Per country of the subset: the surname of its last chief, if an ambassador still in post."""
    gaz = default_gazetteer()
    found: dict[str, str] = {}
    for path in sorted((POCOM / "missions-countries").glob("*.xml")):
        listed = ET.parse(path).getroot().find("chiefs")  # not the nominees who never served
        chiefs = list(listed.iter("chief")) if listed is not None else []
        last = chiefs[-1] if chiefs else None
        ambassador = last is not None and last.findtext("role-title-id") == "ambassador-e-p"
        if last is None or not ambassador or last.findtext("ended/date"):
            continue
        person = last.findtext("person-id") or ""
        root = ET.parse(POCOM / "people" / person[0] / f"{person}.xml").getroot()
        code = country_code([path.stem], gaz)
        assert code is not None
        found[code] = root.findtext("persName/surname") or ""
    return found


def test_store_curated_ambassadors_now_name_the_latest_chief(kb: Path) -> None:
    expected = _latest_open_ambassadors()
    assert len(expected) >= 3
    with Store(kb, readonly=True) as store:
        for code, surname in expected.items():
            now = store.show("USA", code).ambassadors_now
            ours = [t for t in now if t.sending == "USA"]
            assert len(ours) == 1 and surname in ours[0].person, (code, now)


def test_store_curated_mission_ranks_follow_the_chiefs(kb: Path) -> None:
    _, output = _run("show", "usa", "cuba", "--db", str(kb), "--json")
    ranks = json.loads(output)["mission_ranks"]
    assert ranks and all(r["sending"] == "USA" and r["receiving"] == "CUB" for r in ranks)
    starts = [r["start"] for r in ranks]
    assert starts == sorted(starts)
    # No chief between the break of 1961 and the interests section: no rank in 1965.
    assert not any(r["start"] <= "1965" <= (r["end"] or "9999") for r in ranks)
    with Store(kb, readonly=True) as store:
        germany = store.mission_ranks("USA", "DEU")
    assert germany[-1].rank == "ambassador" and germany[-1].level == 3
    assert germany[-1].end is None


def test_store_curated_compare_against_wikipedia(kb: Path) -> None:
    code, output = _run("compare", "--db", str(kb), "--json")
    assert code == 0, output
    found = json.loads(output)
    assert found["source"] == "historian" and found["against"] == "wikipedia"
    assert found["pairs"] >= 2
    for match in found["matches"]:
        assert match["date"] and match["evidence"]
        others = match["against_dates"]
        assert (match["verdict"] == "none") == (not others)
        if match["verdict"] == "exact":
            assert match["against"] in others
        if match["verdict"] == "year":
            assert match["against"][:4] == match["date"][:4]
    established = found["summary"]["established"]
    assert established["exact"] >= 1
    assert sum(found["summary"][k][v] for k in found["summary"] for v in found["summary"][k]) == (
        len(found["matches"])
    )
    code, text = _run("compare", "--db", str(kb))
    assert code == 0 and "historian against wikipedia" in text
    code, text = _run("compare", "--db", str(kb), "--against", "nowhere")
    assert code == 1 and "no source 'nowhere'" in text


def test_store_curated_web_pair_page_shows_curated_sources_and_ranks(kb: Path) -> None:
    from fastapi.testclient import TestClient

    from dyad.web.app import create_app

    with TestClient(create_app(kb)) as client:
        page = client.get("/dyad/CUB/USA")
        assert page.status_code == 200
        assert "curated" in page.text and "rank of the mission" in page.text
        data = client.get("/dyad/CUB/USA.json").json()
    assert data["mission_ranks"] and {r["sending"] for r in data["mission_ranks"]} == {"USA"}
    assert all(d["curated"] for d in data["summary"]["documents"])
