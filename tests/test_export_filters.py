"""Filters on ``dyad export`` and ``dyad panel`` (``--type``, ``--from``, ``--to``, ``--state``,
``--dyad``) and the same as query parameters of the web downloads, whole knowledge base too."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.cli import main
from dyad.export import export
from dyad.store import Store
from dyad.web import create_app
from export_helpers import csv_text_rows, knowledge_base


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return knowledge_base(tmp_path_factory)


@pytest.fixture(scope="module")
def all_facts(db: Path) -> list[dict[str, str]]:
    with Store(db, readonly=True) as store:
        out = io.StringIO()
        export(store, "csv", out)
    return csv_text_rows(out.getvalue())


def _run(args: list[str]) -> str:
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    return done.output


def _in_years(row: dict[str, str], first: int, last: int) -> bool:
    start = int(row["year_start"]) if row["year_start"] else None
    end = int(row["year_end"]) if row["year_end"] else None
    return (
        (end is None or end >= first)
        and (start is None or start <= last)
        and bool(start is not None or end is not None)
    )


def test_export_filters_type_years_state(db: Path, all_facts: list[dict[str, str]]) -> None:
    visits = csv_text_rows(_run(["export", "--db", str(db), "--format", "csv", "--type", "visit"]))
    assert visits and {r["type"] for r in visits} == {"visit"}
    assert len(visits) == sum(r["type"] == "visit" for r in all_facts)

    family = csv_text_rows(
        _run(["export", "--db", str(db), "--format", "csv", "--type", "relations"])
    )
    assert family and all(r["family"] == "relations" for r in family)

    spanned = csv_text_rows(
        _run(["export", "--db", str(db), "--format", "csv", "--from", "1990", "--to", "1999"])
    )
    expected = [r for r in all_facts if _in_years(r, 1990, 1999)]
    assert spanned and len(spanned) == len(expected) < len(all_facts)

    mongolia = csv_text_rows(
        _run(["export", "--db", str(db), "--format", "csv", "--state", "Mongolia"])
    )
    assert mongolia and all("MNG" in (r["iso3c_a"], r["iso3c_b"]) for r in mongolia)
    assert len(mongolia) == sum("MNG" in (r["iso3c_a"], r["iso3c_b"]) for r in all_facts)


def test_export_filters_bad_values_say_what_to_give(db: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "--type", "visits"])
    assert bad.exit_code == 1 and "unknown event type or family 'visits'" in bad.output
    bad = runner.invoke(
        main, ["export", "--db", str(db), "--format", "csv", "--from", "2000", "--to", "1990"]
    )
    assert bad.exit_code == 1 and "after the last" in bad.output


def test_export_filters_panel_state_and_type(db: Path) -> None:
    rows = csv_text_rows(_run(["panel", "--db", str(db), "--state", "PRK", "--type", "visit"]))
    assert rows and all("PRK" in (r["iso3c1"], r["iso3c2"]) for r in rows)
    assert all(r["n_agreement_signed"] == "0" for r in rows)  # only visits counted
    assert any(r["relations"] == "1" for r in rows)  # the status still read from every fact


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        yield client


def test_export_filters_web_whole_base_downloads(
    client: TestClient, all_facts: list[dict[str, str]]
) -> None:
    whole = client.get("/export.csv")
    assert whole.status_code == 200
    assert whole.headers["content-disposition"] == 'attachment; filename="dyad.csv"'
    assert len(list(csv.DictReader(io.StringIO(whole.text)))) == len(all_facts)
    visits = client.get("/export.csv?type=visit&from=1990&state=MNG")
    rows = list(csv.DictReader(io.StringIO(visits.text)))
    assert rows and all(
        r["type"] == "visit" and "MNG" in (r["iso3c_a"], r["iso3c_b"]) for r in rows
    )
    assert client.get("/export.ttl").headers["content-type"].startswith("text/turtle")
    assert client.get("/export.parquet").content[:4] == b"PAR1"
    panel = client.get("/panel.csv?state=PRK")
    assert panel.status_code == 200 and "PRK" in panel.text
    pair = client.get("/dyad/MNG/PRK/export.csv?type=visit")
    assert {r["type"] for r in csv.DictReader(io.StringIO(pair.text))} <= {"visit"}
    bad = client.get("/export.csv?type=visits")
    assert bad.status_code == 422 and "an event type or family" in bad.text
    unknown = client.get("/export.csv?state=Narnia")
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_state"
