"""The dyad page read in one go (``Store.dyad_page``) says what the store's separate queries say.

The page reads a pair's facts once and takes its head, status, timeline and conflicts from
them in Python; these tests hold each part to the query it replaces, on the web tests' real
knowledge base (articles with conflicts, terms and a hostile document), for every pair and a
spread of filters, and on both of the page's paths (all facts read at once, or a pair with more
facts than the timeline's marks read in parts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyad.store import Store
from dyad.store import queries as q
from store_helpers import DocBuilder
from web_helpers import kb_path

FILTERS: list[dict[str, Any]] = [
    {},
    {"types": ["visit"]},
    {"types": ["relations", "mission.opened"]},  # a family and a type, as the SQL reads them
    {"from_": "1990"},
    {"to": "1960-05"},
    {"from_": "1950", "to": "2000"},
    {"types": ["agreement"], "from_": 1970},
]
PAGES = [(100, 0), (3, 2), (1, 0), (5, 40)]


@pytest.fixture(scope="module")
def store() -> Any:
    with Store(kb_path(), readonly=True) as store:
        yield store


def _pairs(store: Store) -> list[tuple[str, str]]:
    rows = store._conn.execute("SELECT dyad_a, dyad_b FROM dyads ORDER BY facts DESC, 1, 2")
    return [(a, b) for a, b in rows]


def _separately(
    store: Store, a: str, b: str, filters: dict[str, Any], marks: int, limit: int, offset: int
) -> dict[str, Any]:
    """The page as the separate queries give it (what the dyad page did before)."""
    with store.snapshot():
        filtered = store.timeline(a, b, **filters, limit=marks + 1)
        if offset + limit < len(filtered) or len(filtered) <= marks:
            events = filtered[offset : offset + limit + 1]
        else:
            events = store.timeline(a, b, **filters, limit=limit + 1, offset=offset)
        return {
            "summary": store.show(a, b),
            "status": tuple(store.status(a, b)),
            "marks": tuple(filtered),
            "events": tuple(events),
            "mission_ranks": tuple(store.mission_ranks(a, b)),
            "terms": tuple(store.terms(a, b)),
            "conflicts": tuple(store.conflicts(limit=100, a=a, b=b)),
        }


def _together(
    store: Store, a: str, b: str, filters: dict[str, Any], marks: int, limit: int, offset: int
) -> dict[str, Any]:
    page = store.dyad_page(a, b, **filters, marks=marks, limit=limit, offset=offset)
    return {name: getattr(page, name) for name in page.__slots__}


def test_store_dyadpage_is_the_separate_queries_for_every_pair(store: Store) -> None:
    pairs = _pairs(store)
    assert len(pairs) > 50
    compared = 0
    for a, b in pairs:
        for filters in FILTERS if compared < 400 else FILTERS[:1]:
            for limit, offset in PAGES:
                expected = _separately(store, a, b, filters, 1000, limit, offset)
                assert _together(store, a, b, filters, 1000, limit, offset) == expected, (
                    a,
                    b,
                    filters,
                    limit,
                    offset,
                )
                compared += 1
    assert compared > 400


@pytest.mark.parametrize("marks", [0, 1, 2, 5])
def test_store_dyadpage_reads_a_pair_with_more_facts_than_marks_in_parts(
    store: Store, marks: int
) -> None:
    """Past ``marks`` facts the page reads each part by its own query; same answers."""
    a, b = _pairs(store)[0]  # the most facts: more than the marks asked for
    assert store._conn.execute(
        "SELECT facts FROM dyads WHERE dyad_a = ? AND dyad_b = ?", (a, b)
    ).fetchone()[0] > max(marks, 2)
    for filters in FILTERS:
        for limit, offset in [(100, 0), (2, 1), (1, 6)]:
            together = _together(store, a, b, filters, marks, limit, offset)
            assert together == _separately(store, a, b, filters, marks, limit, offset)
            assert len(together["marks"]) <= marks + 1


def test_store_dyadpage_conflicts_have_every_value_of_the_pair(store: Store) -> None:
    with_conflicts = [
        (a, b)
        for a, b in _pairs(store)
        if store._conn.execute(
            "SELECT conflicts FROM dyads WHERE dyad_a = ? AND dyad_b = ?", (a, b)
        ).fetchone()[0]
    ]
    assert with_conflicts, "the web KB has conflicts (Foreign relations pages restate facts)"
    for a, b in with_conflicts:
        page = store.dyad_page(a, b)
        assert page.conflicts
        assert all(len(c.values) >= 2 for c in page.conflicts)
        assert page.conflicts == tuple(store.conflicts(a=a, b=b))


def test_store_dyadpage_ambassadors_match_sqlite_like(tmp_path: Path) -> None:
    """Ambassadors now are the terms whose role SQLite's LIKE '%ambassador%' finds: ASCII
    letters in any case, and no other letter that folds to one."""
    doc = DocBuilder("Fiji–Tonga relations", dyad=("FJI", "TON"))
    doc.event(
        "relations.established",
        "1970",
        "They established relations in 1970.",
        actors=["FJI", "TON"],
    )
    roles = [
        "ambassador",
        "Ambassador",
        "AMBASSADOR EXTRAORDINARY",
        "ambassador-designate",
        "high commissioner",
        "ambaſſador",  # long s: Python's casefold makes it "s", LIKE does not
        "\u0130mbassador",  # dotted capital I
        "chargé d'affaires",
    ]
    for i, role in enumerate(roles):
        doc.tenure(
            f"Envoy {i}",
            "FJI" if i % 2 else "TON",
            "TON" if i % 2 else "FJI",
            None,
            None,
            role=role,
        )
    path = tmp_path / "kb.db"
    with Store(path) as store:
        store.ingest(doc.records())
        conn = store._conn
        with store.snapshot():
            by_sql = q.ambassadors_now(conn, ("FJI", "TON"))
            by_page = q.ambassadors_of(q.merged_terms(conn, ("FJI", "TON")))
        assert by_page == by_sql
        assert {t.role for t in by_sql} == set(roles[:4])
        assert store.dyad_page("FJI", "TON").summary == store.show("FJI", "TON")


def test_store_dyadpage_curated_kb_ranks_and_terms(tmp_path: Path) -> None:
    """On the Office of the Historian's chiefs of mission (the ranks' source) and timelines,
    every pair's page is the separate queries' answers, mission ranks included."""
    from conftest import DATA
    from dyad.ingest import ingest_paths

    path = tmp_path / "kb.db"
    sources = [
        DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki",
        *(DATA / "historyatstate-rdcr" / f"{c}.xml" for c in ("cuba", "germany", "mongolia")),
        DATA / "historyatstate-pocom",
    ]
    with Store(path) as store:
        assert not ingest_paths(store, sources).errors
    with Store(path, readonly=True) as store:
        ranked = 0
        for a, b in _pairs(store):
            expected = _separately(store, a, b, {}, 1000, 100, 0)
            assert _together(store, a, b, {}, 1000, 100, 0) == expected, (a, b)
            ranked += bool(expected["mission_ranks"])
        assert ranked >= 3


def test_store_dyadpage_ranks_match_the_query_on_awkward_roles(tmp_path: Path) -> None:
    """Chiefs whose role ends in "ad interim" in any case are left out as the query's LIKE
    leaves them, chiefs without a start too, and the rest ordered as its ORDER BY orders."""
    doc = DocBuilder("Fiji–Tonga relations", dyad=("FJI", "TON"))
    chiefs = [
        ("Envoy A", "FJI", "TON", "1975", "1980", "Ambassador"),
        ("Envoy B", "FJI", "TON", "1981", None, "Chargé d'Affaires AD INTERIM"),
        ("Envoy C", "FJI", "TON", "1979", "1990", "ambassador"),
        ("Envoy D", "TON", "FJI", None, None, "Minister"),
        ("Envoy E", "TON", "FJI", "1970", "1972", "Minister"),
        ("Envoy F", "TON", "FJI", "1990", None, "ambassador ad interim "),  # not at the end
        ("Envoy G", "TON", "FJI", "1977", "1985", "Envoy ad ınterim"),  # dotless i: kept
        ("Envoy H", "FJI", "TON", "1975", "1976", "Ambassador"),  # same start as A
    ]
    for person, sending, receiving, start, end, role in chiefs:
        doc.tenure(person, sending, receiving, start, end, role=role)["rule"] = "pocom.chief"
    doc.tenure("Envoy Z", "FJI", "TON", "1960", None, role="Ambassador")  # not a chief
    with Store(tmp_path / "kb.db") as store:
        store.ingest(doc.records())
        page = store.dyad_page("FJI", "TON")
        assert page.mission_ranks == tuple(store.mission_ranks("FJI", "TON"))
        assert {r.rank for r in page.mission_ranks} == {
            "Ambassador",
            "ambassador",
            "Minister",
            "ambassador ad interim ",
            "Envoy ad ınterim",
        }
