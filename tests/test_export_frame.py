"""The full dyad-year frame (``dyad panel --frame``): every pair of COW system members over its
membership years, with Dyad's variables, loading with the right types in pandas, DuckDB and
Stata, and joining with COW's Diplomatic Exchange on (ccode1, ccode2, year)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import DATA
from dyad.cli import main
from dyad.export.codebook import pandas_dtypes
from dyad.export.comparecow import compare_cow, compare_rows, report
from dyad.export.frame import FRAME
from dyad.export.framefile import write_frame
from dyad.export.parquet import schema
from dyad.export.rows import Row
from dyad.store import IngestSummary, Store
from export_helpers import knowledge_base
from store_helpers import DocBuilder

COW = DATA / "cow"


def _members_by_year(first: int, last: int) -> dict[int, set[int]]:
    """System members per year, read here from COW's list (a member in any part of a year;
    memberships running at the list's end, 2016, run on)."""
    found: dict[int, set[int]] = {}
    with (COW / "states2016.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            end = int(row["endyear"])
            if (row["endyear"], row["endmonth"], row["endday"]) == ("2016", "12", "31"):
                end = last  # still a member at the list's end: runs on (export/cow.py)
            for year in range(max(int(row["styear"]), first), min(end, last) + 1):
                found.setdefault(year, set()).add(int(row["ccode"]))
    return found


@pytest.fixture(scope="module")
def full_frame(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frame") / "frame-all.parquet"
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        summary = write_frame(store, out, format="parquet")
    assert summary.first_year == 1816 and summary.last_year == 2016
    return out


@pytest.mark.slow
def test_export_frame_full_1816_2016_in_pandas_and_duckdb(full_frame: Path) -> None:
    pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    members = _members_by_year(1816, 2016)
    expected = sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    table = pq.read_table(full_frame)
    assert table.num_rows == expected
    # the file's schema is the codebook's
    assert table.schema.remove_metadata() == schema(FRAME, "frame").remove_metadata()
    frame = table.to_pandas()
    assert str(frame["ccode1"].dtype) == "int16" or str(frame["ccode1"].dtype) == "Int16"
    assert (frame["ccode1"] < frame["ccode2"]).all()
    assert not frame.duplicated(["ccode1", "ccode2", "year"]).any()
    # rows of pairs the knowledge base does not know carry no Dyad value, not zeros
    unknown = frame[frame["kb_pair"] == 0]
    assert len(unknown) > 0
    for column in ("relations", "level_1_in_2", "n_events", "n_visit"):
        assert unknown[column].isna().all(), column
    known = frame[frame["kb_pair"] == 1]
    assert len(known) > 0 and known["n_events"].notna().all()

    con = duckdb.connect()
    cow_file = str(COW / "diplomatic-exchange-2006-subset.csv")
    joined = con.execute(
        "SELECT count(*), count(f.year), sum(CASE WHEN f.kb_pair = 1 THEN 1 ELSE 0 END)"
        f" FROM read_csv_auto('{cow_file}') AS c LEFT JOIN read_parquet('{full_frame}') AS f"
        " ON f.ccode1 = c.ccode1 AND f.ccode2 = c.ccode2 AND f.year = c.year"
    ).fetchone()
    assert joined is not None
    rows, matched, known_pairs = joined
    # every COW dyad-year is a dyad-year of two system members: all match
    assert matched == rows and known_pairs > 0
    types = dict(
        con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM"
            f" read_parquet('{full_frame}'))"
        ).fetchall()
    )
    assert types["ccode1"] == "SMALLINT" and types["level_1_in_2"] == "TINYINT"
    assert types["n_events"] == "BIGINT" and types["fact_ids"] == "VARCHAR"


def test_export_frame_rows_of_a_known_pair_trace_to_facts(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        out = io.StringIO()
        write_frame(store, out, mode="pairs", dyad=("Mongolia", "North Korea"))
        facts = {f.id: f for records in store.export_pairs("MNG", "PRK") for f in records.facts}
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert rows and {(r["iso3c1"], r["iso3c2"]) for r in rows} == {("MNG", "PRK")}
    assert {(r["ccode1"], r["ccode2"]) for r in rows if r["ccode1"]} == {("712", "731")}
    counted = 0
    for row in rows:
        ids = [int(i) for i in row["fact_ids"].split()]
        assert len(ids) == int(row["n_events"])
        for i in ids:  # each counted fact is the pair's and dated in the row's year
            assert facts[i].date and facts[i].date.startswith(row["year"])
        counted += len(ids)
        for side in ("level_1_in_2", "level_2_in_1"):
            source = row[f"{side}_from"]
            assert (row[side] == "") == (source == "")
            kind, _, number = source.partition(":")
            if kind not in ("tenure", "relations", ""):  # a fact: its type and id
                assert facts[int(number)].type == kind
    assert counted > 0


def test_export_frame_stata_and_csv_load_with_their_types(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    pd = pytest.importorskip("pandas")
    folder = tmp_path_factory.mktemp("frame-files")
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        dta = write_frame(store, folder / "f.dta", years=(1990, 1992), format="dta")
        csv_ = write_frame(store, folder / "f.csv", years=(1990, 1992), format="csv")
    assert dta.rows == csv_.rows > 0
    stata = pd.read_stata(folder / "f.dta")
    assert len(stata) == dta.rows
    assert list(stata.columns) == [c.name for c in FRAME]
    assert set(stata["year"]) == {1990, 1991, 1992}
    from_csv = pd.read_csv(folder / "f.csv", dtype=pandas_dtypes(FRAME))
    assert str(from_csv["level_1_in_2"].dtype) == "Int8"
    assert from_csv["kb_pair"].isin([0, 1]).all()
    members = _members_by_year(1990, 1992)
    assert len(from_csv) == sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    assert Counter(from_csv["year"]) == {y: len(m) * (len(m) - 1) // 2 for y, m in members.items()}
    pairs = {frozenset(p) for m in members.values() for p in combinations(m, 2)}
    assert {
        frozenset((a, b)) for a, b in zip(from_csv["ccode1"], from_csv["ccode2"], strict=True)
    } == pairs


def test_export_frame_command_and_compare_cow(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = knowledge_base(tmp_path_factory)
    folder = tmp_path_factory.mktemp("frame-cli")
    runner = CliRunner()
    done = runner.invoke(
        main,
        [
            "panel",
            "--db",
            str(db),
            "--frame",
            "all",
            "--from",
            "2000",
            "--to",
            "2000",
            "--out",
            str(folder / "frame.parquet"),
        ],
    )
    assert done.exit_code == 0, done.output
    assert pq.read_table(folder / "frame.parquet").num_rows == sum(
        len(m) * (len(m) - 1) // 2 for m in _members_by_year(2000, 2000).values()
    )
    report_ = runner.invoke(
        main,
        ["compare-cow", "--db", str(db), "--cow", str(COW / "diplomatic-exchange-2006-subset.csv")],
    )
    assert report_.exit_code == 0, report_.output
    assert "COW dyad-years with a level on both sides" in report_.output
    assert "| 2000 |" in report_.output
    page = folder / "cow.html"
    done = runner.invoke(
        main,
        [
            "compare-cow",
            "--db",
            str(db),
            "--cow",
            str(COW / "diplomatic-exchange-2006-subset.csv"),
            "--out",
            str(page),
        ],
    )
    assert done.exit_code == 0, done.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<td>2000</td>" in html
    bad = runner.invoke(
        main, ["compare-cow", "--db", str(db), "--cow", str(COW / "states2016.csv")]
    )
    assert bad.exit_code == 1 and "not a COW Diplomatic Exchange file" in bad.output


@pytest.mark.slow
@pytest.mark.shared
def test_export_frame_levels_agree_with_cow_on_the_corpus(
    corpus_kb_all: tuple[Path, tuple[IngestSummary, IngestSummary]],
    shared: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The whole corpus: the wikitext pages, then the bilateral text and Markdown articles.
    path, summaries = corpus_kb_all
    assert all(summary.errors == () for summary in summaries)
    assert sum(summary.documents for summary in summaries) == 235
    with Store(path, readonly=True) as store:
        cow = shared / "corpus" / "cow" / "diplomatic-exchange-2006-dyad-subset.csv"
        result = compare_cow(store, cow)
    with capsys.disabled():
        print("\n" + report(result).split("## Year by year")[0])
    # When written: 647 of 793 side-years agree (81.6%); most of the rest: an embassy named
    # where COW has no or a lower representation, severances with no restoration read.
    # After the relations-over-time work read more severances (table histories, prose), 722 of
    # 953 (75.8%): 63 sides were 0 after a severance where COW records representation.
    # Levels read at the fact's own time and as COW defines them (levels.py: a 0 only where the
    # text says relations were broken, levels dated elsewhen or of one side's mission left out,
    # openings at the level they opened at), 637 of 797 (79.9%): the rest is mostly an embassy
    # named where COW has none or a chargé (COW's gaps, heads of lower rank, 19th-century
    # "embassies"), breaks the text states and COW does not, and extraction errors
    # (bench/README.md). After the narrative rules of the same day: 643 of 805 (79.88%). The
    # issue's bar is 80%; this floor is the level measured on 2026-12-07, not the bar.
    # Then (branch timeline) an "embassy" before 1914 of states not both great powers read as a
    # legation, openings dated by their closing left out, and sides whose level changed within
    # COW's own year counted beside the rest (compared all the same): on the whole corpus
    # (2026-12-07, main 92caafb), 644 of 782 sides agree (82.4%; 26 sides changed within COW's
    # year, 10 of them agreeing). The bar is 80%.
    assert result.total.sides_known >= 500
    assert result.agreement is not None and result.agreement >= 0.82


def test_export_frame_pairs_over_membership_years(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with Store(knowledge_base(tmp_path_factory), readonly=True) as store:
        every = io.StringIO()
        write_frame(store, every, mode="pairs", dyad=("MNG", "PRK"))
        members = io.StringIO()
        write_frame(store, members, mode="pairs", dyad=("MNG", "PRK"), system_members=True)
    all_years = list(csv.DictReader(io.StringIO(every.getvalue(), newline="")))
    member_years = list(csv.DictReader(io.StringIO(members.getvalue(), newline="")))
    joint = _members_by_year(1816, 2030)
    expected = {str(y) for y, m in joint.items() if {712, 731} <= m}
    assert {r["year"] for r in member_years} == {r["year"] for r in all_years} & expected
    assert all(r["ccode1"] == "712" and r["ccode2"] == "731" for r in member_years)
    assert member_years and len(member_years) <= len(all_years)


def test_export_frame_compare_cow_sets_apart_a_level_changed_within_the_year() -> None:
    def row(year: int, level: int, source: str) -> Row:
        return {
            "kb_pair": 1,
            "ccode1": 2,
            "ccode2": 20,
            "year": year,
            "relations": 1,
            "level_1_in_2": level,
            "level_2_in_1": None,
            "level_1_in_2_from": source,
            "level_2_in_1_from": None,
        }

    cow = {(2, 20, 1995): ("3", "0"), (2, 20, 2000): ("3", "3")}
    rows = [row(1995, 3, "mission.opened:7"), row(2000, 3, "mission.opened:7")]

    def opened_in_1995(r: Row, column: str) -> bool:
        return r["year"] == 1995 and r[f"{column}_from"] == "mission.opened:7"

    plain = compare_rows(rows, cow)
    assert (plain.total.sides_known, plain.total.sides_agree) == (2, 1)
    found = compare_rows(rows, cow, opened_in_1995)
    # every side is compared; the one set within COW's year is also counted apart
    assert (found.total.sides_known, found.total.sides_agree) == (2, 1)
    assert (found.total.sides_changed, found.total.changed_agree) == (1, 0)
    assert found.total.agreement == 0.5 and found.total.agreement_settled == 1.0
    assert "COW's own year set (COW does not say when in the year it reads): 1" in report(found)


def test_export_frame_compare_cow_reads_the_year_a_level_was_set_from_the_store(
    tmp_path: Path,
) -> None:
    page = DocBuilder("Foreign relations of Canada", format="wikitext")
    page.event(
        "mission.opened",
        "1995",
        "Canada opened an embassy in Washington in 1995.",
        actors=["CAN", "USA"],
        source="CAN",
        target="USA",
    )
    cow = tmp_path / "cow.csv"
    cow.write_text(
        "ccode1,ccode2,year,DR_at_1,DR_at_2\n2,20,1995,0,0\n2,20,2000,3,0\n", encoding="utf-8"
    )
    with Store(tmp_path / "kb.db") as store:
        store.ingest(page.records())
        result = compare_cow(store, cow)
    # Canada's level in the United States (COW's DR_at_1 of 2-20): opened in 1995, so 1995 is
    # counted as changed within the year (and disagrees with COW's 0), 2000 agrees
    assert (result.total.sides_changed, result.total.changed_agree) == (1, 0)
    assert (result.total.sides_known, result.total.sides_agree) == (2, 1)
    assert result.years[1995].sides_agree == 0 and result.years[2000].sides_agree == 1
    done = CliRunner().invoke(
        main, ["compare-cow", "--db", str(tmp_path / "kb.db"), "--cow", str(cow), "--json"]
    )
    assert done.exit_code == 0, done.output
    total = json.loads(done.output)["total"]
    assert (total["sides_known"], total["sides_changed"], total["changed_agree"]) == (2, 1, 0)
