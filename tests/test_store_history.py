"""Relations over time: status and panel of seven famous pairs, year by year, against the Office
of the Historian.

The knowledge base is built from the project's own data only (tests/data/history: the "Foreign
relations of" pages of the United States and of each partner), without the Historian's files;
tests/historian.py reads the Historian's TEI independently of Dyad and says, for each year,
whether relations ran on 31 December. Where both know, they must agree; the years Dyad says
"not known" (a renewal whose break no page dates) are counted, and most must be known.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from dyad.export import panel
from dyad.ingest import ingest_paths
from dyad.store import Store
from export_helpers import read_csv
from historian import relations_by_year

HISTORIAN = DATA / "historyatstate-rdcr"
FIRST, LAST = 1900, 2025
# (partner, Historian file, years whose Historian reading is not about the COW state, why)
PAIRS: tuple[tuple[str, str, range, str], ...] = (
    ("IRN", "iran", range(0), ""),
    ("CUB", "cuba", range(0), ""),
    # The China file follows the Republic of China's government to Taipei (1949) and speaks of
    # the PRC only from 1979; COW 710 (China) is the PRC from 1949, with which the United
    # States had no relations until 1979. The file has no entry that says so.
    ("CHN", "china", range(1949, 1979), "the file follows the ROC to Taiwan"),
    ("DEU", "germany", range(0), ""),
    ("JPN", "japan", range(0), ""),
    ("EST", "estonia", range(0), ""),
    ("RUS", "russia", range(0), ""),
)
# COW 365 is the Soviet Union's from 1922 to 1991 (export/cow.py): those years are SUN-USA's.
SOVIET = range(1922, 1992)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("history-kb") / "kb.db"
    with Store(path) as built:
        summary = ingest_paths(built, [DATA / "history"])
        assert summary.errors == () and summary.documents == 8
    return Store(path)


@pytest.fixture(scope="module")
def rows(store: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], str]:
    """The panel's ``relations`` value by (partner, year): "1", "0" or "" (not known)."""
    out: dict[tuple[str, int], str] = {}
    folder = tmp_path_factory.mktemp("history-panel")
    for partner in [p[0] for p in PAIRS] + ["SUN"]:
        path = folder / f"{partner}.csv"
        panel(store, path, years=(FIRST, LAST), dyad=(partner, "USA"))
        for row in read_csv(path):
            out[(partner, int(row["year"]))] = row["relations"]
    return out


def _dyad_value(rows: dict[tuple[str, int], str], partner: str, year: int) -> str | None:
    key = ("SUN", year) if partner == "RUS" and year in SOVIET else (partner, year)
    return rows.get(key)


def test_store_history_status_agrees_with_the_historian_year_by_year(
    rows: dict[tuple[str, int], str],
) -> None:
    wrong: list[tuple[str, int, str, bool]] = []
    known = checked = 0
    for partner, file, unchecked, _ in PAIRS:
        historian = relations_by_year(HISTORIAN / f"{file}.xml", FIRST, LAST, "German Democratic")
        for year, running in historian.items():
            if year in unchecked:
                continue
            checked += 1
            value = _dyad_value(rows, partner, year)
            if not value:
                continue  # "not known" is not wrong, but is counted
            known += 1
            if value != ("1" if running else "0"):
                wrong.append((partner, year, value, running))
    assert wrong == [], (known, checked)
    # Measured when written: Dyad knows the status in 511 of the 822 years the Historian decides
    # (the Wikipedia pages date few of the breaks before a renewal: 1912, 1917, 1941).
    assert known / checked >= 0.6, (known, checked)


def test_store_history_breaks_and_renewals(store: Store, rows: dict[tuple[str, int], str]) -> None:
    # a severance that still holds, a break and a renewal, a renewal after a suspension
    assert store.status_now("IRN", "USA").relations == "severed"
    assert [_dyad_value(rows, "CUB", y) for y in (1960, 1961, 2014, 2015)] == ["1", "0", "0", "1"]
    assert store.status_now("CUB", "USA").relations == "relations"
    # a renewal with no break known: relations since the first date are not known, then run
    assert [_dyad_value(rows, "JPN", y) for y in (1940, 1953)] == ["", "1"]
    assert [_dyad_value(rows, "EST", y) for y in (1930, 1991)] == ["", "1"]
    # the renewed relationship is not a conflict with the first one (Japan's 1854 and 1858 are
    # a real disagreement: the treaty of Kanagawa, or the treaty that opened relations)
    for partner in ("CUB", "CHN", "DEU", "EST", "RUS"):
        conflicts = store.conflicts(limit=10, a=partner, b="USA")
        assert [c for c in conflicts if c.type == "relations.established"] == [], partner


def test_store_history_panel_years_follow_the_states(rows: dict[tuple[str, int], str]) -> None:
    years = {p: sorted(y for q, y in rows if q == p) for p in {q for q, _ in rows}}
    assert all(y >= 1816 for found in years.values() for y in found)
    assert not set(years["RUS"]) & set(SOVIET)  # Russia's number is the Soviet Union's then
    assert set(years.get("SUN", [])) <= set(SOVIET)
    assert set(years["RUS"]) == set(range(FIRST, LAST + 1)) - set(SOVIET)


def test_store_history_headline_is_the_first_relationship(store: Store) -> None:
    began = {p: store.show(p, "USA").relations_began for p in ("CUB", "IRN", "JPN", "EST")}
    assert {p: f[0].date[:4] for p, f in began.items() if f and f[0].date} == {
        "CUB": "1902",
        "IRN": "1883",
        "JPN": "1858",
        "EST": "1922",
    }


def test_store_history_data_is_the_historians_unchanged() -> None:
    files = sorted(p.name for p in HISTORIAN.iterdir())
    assert "LICENSE.md" in files and len([f for f in files if f.endswith(".xml")]) == 228
    shared = Path(__file__).parents[2] / "shared" / "corpus" / "historyatstate-rdcr"
    if shared.is_dir():
        for name in files:
            assert (HISTORIAN / name).read_bytes() == (shared / name).read_bytes(), name
