"""Turtle export: rdflib parses the file, and SPARQL finds the Wikidata-style statements (the
MNG–PRK diplomatic relation from 1948-10-15, with its sources quoted exactly)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from dyad.export import export
from dyad.export.rdf import PREFIXES, relation_spans
from dyad.store import Store
from dyad.store.exports import pair_status
from export_helpers import knowledge_base

PREFIX = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())
XSD_ = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA_P530 = URIRef("http://www.wikidata.org/prop/P530")
WIKIDATA_PS530 = URIRef("http://www.wikidata.org/prop/statement/P530")


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=URIRef(XSD_ + datatype))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


@pytest.fixture(scope="module")
def graph(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("ttl") / "out"
    summary = export(store, "ttl", f"{out}/")
    graph = Graph()
    graph.parse(out / "dyad.ttl", format="turtle")
    assert len(graph) == summary.triples
    return graph


def _select(graph: Graph, query: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in graph.query(f"{PREFIX}\n{query}")]  # type: ignore[arg-type]


def test_export_turtle_mng_prk_relation_from_1948(graph: Graph) -> None:
    assert (
        URIRef("https://dyad.example/state/MNG"),
        URIRef("http://www.wikidata.org/prop/direct/P530"),
        URIRef("https://dyad.example/state/PRK"),
    ) in graph
    assert (
        URIRef("https://dyad.example/state/PRK"),
        URIRef("http://www.wikidata.org/prop/direct/P530"),
        URIRef("https://dyad.example/state/MNG"),
    ) in graph
    rows = _select(
        graph,
        """SELECT ?start ?end WHERE {
             state:MNG p:P530 ?st . ?st ps:P530 state:PRK ; pq:P580 ?start .
             OPTIONAL { ?st pq:P582 ?end }
           }""",
    )
    # one span of relations: the 1999 closing of North Korea's embassy does not end it
    assert rows == [(_typed("1948-10-15", "date"), None)]
    quotes = {
        str(row[0])
        for row in _select(
            graph,
            """SELECT ?quote ?title WHERE {
                 state:PRK p:P530 ?st . ?st ps:P530 state:MNG ; prov:wasDerivedFrom ?ref .
                 ?ref pr:P1683 ?quote ; pr:P248 ?doc . ?doc schema:name ?title }""",
        )
    }
    assert "The two countries established diplomatic relations on October 15, 1948." in quotes


def test_export_turtle_every_fact_with_its_evidence(store: Store, graph: Graph) -> None:
    ((facts,),) = _select(graph, "SELECT (COUNT(?f) AS ?n) WHERE { ?f a dv:Fact }")
    assert int(str(facts)) == store.counts().facts
    # every fact is derived from a reference whose quote is its exact evidence sentence
    ((orphans,),) = _select(
        graph,
        """SELECT (COUNT(?f) AS ?n) WHERE { ?f a dv:Fact
             FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?r . ?r pr:P1683 ?q ; pr:P248 ?d } }""",
    )
    assert int(str(orphans)) == 0
    visits = _select(
        graph,
        """SELECT ?date WHERE { ?f dv:eventType dtype:visit ; dv:source state:PRK ;
             dv:target state:MNG ; pq:P585 ?date }""",
    )
    assert (_typed("2007-07", "gYearMonth"),) in visits
    ((cameo, plover),) = _select(
        graph, "SELECT ?c ?p WHERE { dtype:visit dv:cameo ?c ; dv:plover ?p }"
    )
    assert (str(cameo), str(plover)) == ("042", "CONSULT")
    codes = _select(graph, "SELECT ?iso ?cow WHERE { state:PRK wdt:P298 ?iso ; dv:cowCode ?cow }")
    assert [(str(a), int(str(b))) for a, b in codes] == [("PRK", 731)]


def test_export_turtle_relations_statements_follow_the_status(store: Store, graph: Graph) -> None:
    checked = 0
    for pair in store.export_pairs():
        spans = relation_spans(pair_status(pair))
        a = URIRef(f"https://dyad.example/state/{pair.a}")
        b = URIRef(f"https://dyad.example/state/{pair.b}")
        found = [st for st in graph.objects(a, WIKIDATA_P530) if (st, WIKIDATA_PS530, b) in graph]
        assert len(found) == len(spans), (pair.a, pair.b)
        checked += len(spans)
    assert checked > 500


def test_export_turtle_tenures_with_start_and_end(graph: Graph) -> None:
    rows = _select(
        graph,
        """SELECT ?start ?end WHERE { ?t a dv:Tenure ; dv:person "Jamsran Sambuu" ;
             dv:sending state:MNG ; dv:receiving state:PRK ; pq:P580 ?start ; pq:P582 ?end }""",
    )
    assert rows == [(_typed("1950", "gYear"), _typed("1952", "gYear"))]


def test_export_turtle_one_pair_parses_alone(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "one.ttl"
    summary = export(store, "ttl", path, dyad=("North Korea", "Mongolia"))
    graph = Graph().parse(path, format="turtle")
    assert len(graph) == summary.triples
    subjects = {str(s) for s in graph.subjects() if str(s).startswith("https://dyad.example/fact/")}
    assert len(subjects) == summary.facts
