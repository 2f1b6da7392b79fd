"""The dyad-year panel on a real knowledge base: one row per key, contiguous years, COW order,
directed rows that add up to the undirected ones, unknown left empty, every column documented."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyad.export import panel, panel_codebook
from dyad.export.cow import exists_in
from dyad.export.dyadyears import COUNTED_TYPES, count_column
from dyad.export.panel import PANEL
from dyad.gazetteer import default_gazetteer
from dyad.store import Store
from export_helpers import knowledge_base, read_csv


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


@pytest.fixture(scope="module")
def undirected(store: Store, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("panel")
    summary = panel(store, f"{out}/")
    assert summary.files == (str(out / "panel.csv"), str(out / "panel-codebook.md"))
    rows = read_csv(out / "panel.csv")
    assert len(rows) == summary.rows
    assert summary.pairs + summary.pairs_without_years == store.counts().dyads
    return rows


@pytest.fixture(scope="module")
def directed(store: Store, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("panel-directed")
    summary = panel(store, f"{out}/", directed=True)
    assert summary.files == (str(out / "panel-directed.csv"), str(out / "panel-codebook.md"))
    rows = read_csv(out / "panel-directed.csv")
    assert len(rows) == summary.rows
    return rows


def test_export_panel_keys_unique_and_years_contiguous(undirected: list[dict[str, str]]) -> None:
    assert list(undirected[0]) == [c.name for c in PANEL]
    keys = Counter((r["iso3c1"], r["iso3c2"], r["year"]) for r in undirected)
    assert max(keys.values()) == 1
    cow_keys = Counter(
        (r["ccode1"], r["ccode2"], r["year"]) for r in undirected if r["ccode1"] and r["ccode2"]
    )
    assert max(cow_keys.values()) == 1  # joins on ccode1, ccode2, year never duplicate
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in undirected:
        years[(r["iso3c1"], r["iso3c2"])].append(int(r["year"]))
        if r["ccode1"] and r["ccode2"]:
            assert int(r["ccode1"]) < int(r["ccode2"]), r  # COW and peacesciencer order
    gazetteer = default_gazetteer()
    for (one, two), found in years.items():
        assert found[0] >= 1816  # the COW panel starts with the state system unless asked
        # contiguous but for the years a state did not exist as itself (Russia in 1922-1991)
        gaps = set(range(found[0], found[-1] + 1)) - set(found)
        assert all(
            not (exists_in(gazetteer.get(one), y) and exists_in(gazetteer.get(two), y))
            for y in gaps
        ), (one, two, sorted(gaps)[:5])
    assert len({tuple(sorted(pair)) for pair in years}) == len(years)  # one side order a pair


def test_export_panel_mongolia_north_korea(undirected: list[dict[str, str]]) -> None:
    rows = {int(r["year"]): r for r in undirected if (r["iso3c1"], r["iso3c2"]) == ("MNG", "PRK")}
    assert min(rows) == 1948  # relations and recognition, 1948
    assert rows[1948]["relations"] == "1"  # established 15 October 1948: so on 31 December
    assert (rows[1948]["ccode1"], rows[1948]["ccode2"]) == ("712", "731")
    assert (rows[1948]["stateabb1"], rows[1948]["name2"]) == ("MON", "North Korea")
    assert rows[1948]["n_relations_established"] == "1"
    assert rows[2007]["n_visit"] == "1"  # Kim Yong-nam, July 2007
    # North Korea closed its embassy in Ulaanbaatar in 1999: unknown before, 0 from then on
    assert rows[1998]["mission_2_in_1"] == "" and rows[1999]["mission_2_in_1"] == "0"
    assert {rows[y]["mission_1_in_2"] for y in rows} == {""}  # nothing said: unknown, not 0
    # Mongolian ambassadors to North Korea listed in the seed: 1950-1952, 1961-1963, ...
    assert [rows[y]["ambassador_1_to_2"] for y in (1949, 1950, 1952, 1953)] == ["", "1", "1", ""]
    for r in rows.values():
        assert r["relations_status"] == "relations" and r["severed"] == "0"
        assert int(r["n_events"]) == sum(int(r[count_column(t)]) for t in COUNTED_TYPES)
        assert int(r["n_sources"]) <= 3
        assert (int(r["n_sources"]) == 0) == (r["n_events"] == "0")


def test_export_panel_unknown_stays_empty(undirected: list[dict[str, str]]) -> None:
    flags = ("relations", "severed", "mission_1_in_2", "mission_2_in_1")
    for name in flags:
        assert {r[name] for r in undirected} <= {"", "0", "1"}
    for name in ("ambassador_1_to_2", "ambassador_2_to_1"):
        assert {r[name] for r in undirected} <= {"", "1"}  # never 0: no list is no evidence
    values = Counter(r["relations"] for r in undirected)
    assert values[""] > 0 and values["1"] > values["0"] > 0
    for r in undirected:
        if r["relations"] == "":
            assert r["relations_status"] == r["severed"] == ""
    for name in (count_column(t) for t in COUNTED_TYPES):
        assert all(r[name].isdigit() for r in undirected)  # counts are never empty


def test_export_panel_directed_rows_add_up(
    undirected: list[dict[str, str]], directed: list[dict[str, str]]
) -> None:
    assert len(directed) == 2 * len(undirected)
    flat = {(r["iso3c1"], r["iso3c2"], r["year"]): r for r in undirected}
    both = {(r["iso3c1"], r["iso3c2"], r["year"]): r for r in directed}
    for (one, two, year), row in flat.items():
        forth, back = both[(one, two, year)], both[(two, one, year)]
        for name in ("relations", "severed", "relations_status"):
            assert forth[name] == back[name] == row[name]
        assert forth["mission_1_in_2"] == back["mission_2_in_1"] == row["mission_1_in_2"]
        assert forth["ccode1"] == back["ccode2"] == row["ccode1"]
        # a directed fact counts once, in its source's row; a reciprocal one in both rows
        assert int(forth["n_visit"]) + int(back["n_visit"]) == int(row["n_visit"])
        assert forth["n_relations_established"] == back["n_relations_established"]
        assert forth["n_relations_established"] == row["n_relations_established"]
    # North Korean visits to Mongolia (Kim Il Sung 1988, Paek Nam Sun 2002, Kim Yong-nam 2007)
    assert all(int(both[("PRK", "MNG", str(y))]["n_visit"]) >= 1 for y in (1988, 2002, 2007))
    assert both[("MNG", "PRK", "2007")]["n_visit"] == "0"


def test_export_panel_years_and_one_pair(store: Store, tmp_path: Path) -> None:
    summary = panel(store, tmp_path / "p.csv", years=(1990, 1999), dyad=("PRK", "MNG"))
    rows = read_csv(tmp_path / "p.csv")
    assert [int(r["year"]) for r in rows] == list(range(1990, 2000))
    assert (summary.first_year, summary.last_year, summary.pairs) == (1990, 1999, 1)
    # with both years given every pair has every year, even one with only undated facts, but
    # for the years a state did not exist (the Soviet Union, the GDR; East Timor before 2001)
    text = io.StringIO()
    summary = panel(store, text, years=(2000, 2001))
    gazetteer = default_gazetteer()
    expected = sum(
        all(exists_in(gazetteer.get(c), year) for c in (d.a, d.b))
        for d in store.dyads(limit=100_000)
        for year in (2000, 2001)
    )
    assert 0.95 * 2 * store.counts().dyads < expected < 2 * store.counts().dyads
    assert summary.rows == expected and summary.pairs_without_years == 0
    # one end only: the pair's own years, cut there
    panel(store, tmp_path / "from.csv", years=(2010, None), dyad=("MNG", "PRK"))
    assert [r["year"] for r in read_csv(tmp_path / "from.csv")][:2] == ["2010", "2011"]
    with pytest.raises(ValueError, match="after"):
        panel(store, tmp_path / "bad.csv", years=(2000, 1990))


def test_export_panel_parquet_types(store: Store, tmp_path: Path) -> None:
    summary = panel(store, tmp_path / "p.parquet", format="parquet", directed=True)
    table = pq.read_table(tmp_path / "p.parquet")
    assert table.num_rows == summary.rows
    assert table.column_names == [c.name for c in PANEL]
    schema = table.schema
    assert schema.field("year").type == pa.int16()
    assert schema.field("ccode1").type == pa.int16()
    assert schema.field("relations").type == pa.int8()
    assert schema.field("iso3c1").type == pa.dictionary(pa.int32(), pa.string())
    assert schema.field("n_visit").type == pa.int64()
    assert schema.metadata[b"dyad.directed"] == b"true"
    assert table.column("n_visit").null_count == 0
    assert table.column("mission_1_in_2").null_count > 0  # unknown is null, not 0


def test_export_panel_codebook_names_every_column() -> None:
    codebook = panel_codebook()
    for column in PANEL:
        assert f"| `{column.name}` |" in codebook
    for word in ("peacesciencer", "countrycode", "ccode1", "31 December", "iso3c"):
        assert word in codebook
