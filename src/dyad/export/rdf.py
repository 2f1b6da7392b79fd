"""RDF Turtle through rdflib, Wikidata-style where Wikidata has the property: the vocabulary,
and the first writer (one rdflib graph per pair), which ``dyad export --format ttl`` replaced
by the streamed text writer of ``turtle.py`` (40x faster); it stays as the reference that
``bench/bench_turtle.py`` measures against. What follows describes this writer; ``turtle.py``
adds a ``--base``, ``owl:sameAs`` Wikidata items of states and drops local paths.

Resources are this knowledge base's own IRIs under ``https://dyad.example/`` (we hold no
Wikidata QIDs offline; the ISO codes on every state let a user link them): ``state:MNG``,
``fact:18``, ``evidence:29`` (one event mention), ``document:<id>``, ``tenure:3``,
``relation:MNG-PRK-1`` (a relations statement), ``dtype:visit`` (an event type). Fact, evidence
and tenure numbers are the store's ids, stable within one knowledge base only.

Wikidata vocabulary (prefixes as the Wikidata Query Service binds them):

* ``wdt:P530`` (diplomatic relation) between two states, both ways, when the knowledge base
  says they have relations now (the last status interval is ``relations``);
* every span of relations (``Store.status``) as a statement in Wikidata's reified form:
  ``state:MNG p:P530 relation:MNG-PRK-1``, ``relation:MNG-PRK-1 ps:P530 state:PRK``, qualifiers
  ``pq:P580`` (start time) and ``pq:P582`` (end time) when known, ``prov:wasDerivedFrom`` the
  evidences of the facts that opened it; the same again from the other state's side;
* facts carry ``pq:P585`` (point in time) for a single date, ``pq:P580``/``pq:P582`` for an
  interval; dates are ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` literals (Wikidata's
  time values need a precision node: a plain typed literal says the same more simply); the EDTF
  string is always there too (``dv:date``, ``dv:start``, ``dv:end``);
* evidences are Wikidata reference nodes (``wikibase:Reference``): ``pr:P248`` (stated in) the
  document, ``pr:P1683`` (quote) the exact sentence, ``pr:P854`` (reference URL) when the
  document was read from a URL; facts and statements point to them with ``prov:wasDerivedFrom``;
* states carry ``wdt:P298`` (ISO 3166-1 alpha-3), ``wdt:P773`` (ISO 3166-3, former states),
  ``wdt:P297`` (ISO 3166-1 alpha-2) and ``rdfs:label``.

The rest is Dyad's small vocabulary ``dv:`` (``https://dyad.example/vocab#``): classes
``dv:State``, ``dv:Fact``, ``dv:Tenure``, event types as ``skos:Concept`` with ``dv:cameo`` and
``dv:plover``; properties listed in the codebook. Documents are ``schema:CreativeWork`` with
``schema:name``; persons are blank ``schema:Person`` nodes (``schema:name``,
``schema:jobTitle``, ``dv:state``).

The file is written pair by pair (one small graph each, serialised under one prefix header),
so the whole knowledge base is never one graph in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import IO
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from dyad.gazetteer import Gazetteer
from dyad.store.exports import EvidenceRow, FactRow, PairRecords, TenureRow, pair_status
from dyad.store.views import Interval
from dyad.vocabulary import EVENT_TYPES

BASE = "https://dyad.example/"
DV = Namespace(BASE + "vocab#")
STATE = Namespace(BASE + "state/")
FACT = Namespace(BASE + "fact/")
EVIDENCE = Namespace(BASE + "evidence/")
DOCUMENT = Namespace(BASE + "document/")
TENURE = Namespace(BASE + "tenure/")
RELATION = Namespace(BASE + "relation/")
DTYPE = Namespace(BASE + "type/")
CONFLICT = Namespace(BASE + "conflict/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
PR = Namespace("http://www.wikidata.org/prop/reference/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("http://schema.org/")

PREFIXES: dict[str, Namespace] = {
    "dv": DV,
    "state": STATE,
    "fact": FACT,
    "evidence": EVIDENCE,
    "document": DOCUMENT,
    "tenure": TENURE,
    "relation": RELATION,
    "dtype": DTYPE,
    "conflict": CONFLICT,
    "wd": WD,
    "wdt": WDT,
    "p": P,
    "ps": PS,
    "pq": PQ,
    "pr": PR,
    "wikibase": WIKIBASE,
    "prov": PROV,
    "schema": SCHEMA,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
}

_PLAIN = {
    re.compile(r"-?\d{4}-\d{2}-\d{2}"): XSD.date,
    re.compile(r"-?\d{4}-(0[1-9]|1[0-2])"): XSD.gYearMonth,
    re.compile(r"-?\d{4}"): XSD.gYear,
}


def _decimal(value: float) -> Literal:
    return Literal(format(value, ".6g"), datatype=XSD.decimal)


def header() -> str:
    return "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items()) + "\n"


def time_value(edtf: str | None) -> Literal | None:
    """A plain EDTF date (day, month or year, no qualifier) as a typed XSD literal."""
    if not edtf:
        return None
    for pattern, datatype in _PLAIN.items():
        if pattern.fullmatch(edtf):
            return Literal(edtf, datatype=datatype)
    return None


def _ends(edtf: str | None) -> tuple[str | None, str | None] | None:
    """The two ends of an EDTF interval (``None`` for an open or unknown end)."""
    if not edtf or "/" not in edtf:
        return None
    head, _, tail = edtf.partition("/")
    return (None if head in ("", "..") else head, None if tail in ("", "..") else tail)


def relation_spans(intervals: list[Interval]) -> list[Interval]:
    """Runs of status intervals with relations, merged: a mission opening or closing splits a
    status interval but not a span of relations."""
    spans: list[Interval] = []
    previous: Interval | None = None
    for interval in intervals:
        if interval.relations == "relations":
            if previous is not None and previous.relations == "relations" and spans:
                spans[-1] = replace(spans[-1], end=interval.end, closed_by=interval.closed_by)
            else:
                spans.append(interval)
        previous = interval
    return spans


def document_iri(document_id: str) -> URIRef:
    return DOCUMENT[quote(document_id, safe="-._~")]


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


class TurtleWriter:
    """Writes graphs one after another under one prefix header; states, documents and types
    are described once, when first met."""

    def __init__(self, sink: IO[str], gazetteer: Gazetteer) -> None:
        self._sink = sink
        self._gazetteer = gazetteer
        self._states: set[str] = set()
        self._documents: set[str] = set()
        self.triples = 0
        sink.write(header())
        graph = new_graph()
        for event_type in EVENT_TYPES.values():
            node = DTYPE[event_type.name]
            graph.add((node, RDF.type, SKOS.Concept))
            graph.add((node, SKOS.prefLabel, Literal(event_type.label, lang="en")))
            graph.add((node, SKOS.notation, Literal(event_type.name)))
            graph.add((node, DV.family, Literal(event_type.family)))
            graph.add((node, DV.direction, Literal(event_type.direction)))
            if event_type.cameo:
                graph.add((node, DV.cameo, Literal(event_type.cameo)))
            if event_type.plover:
                graph.add((node, DV.plover, Literal(event_type.plover)))
        self._flush(graph)

    # ------------------------------------------------------------------ writing

    def _flush(self, graph: Graph) -> None:
        if not len(graph):
            return
        text = graph.serialize(format="turtle")
        body: list[str] = []
        for row in text.splitlines(keepends=True):
            if row.startswith("@prefix "):
                prefix = row.split()[1].rstrip(":")
                if prefix not in PREFIXES:  # a namespace rdflib bound on its own
                    raise RuntimeError(f"unexpected prefix {prefix!r} in the Turtle output")
                continue
            body.append(row)
        self._sink.write("".join(body).lstrip("\n"))
        self.triples += len(graph)

    def pair(self, records: PairRecords) -> None:
        graph = new_graph()
        for code in (records.a, records.b):
            self._state(graph, code)
        evidence_of: dict[int, list[URIRef]] = {}
        for fact in records.facts:
            evidence_of[fact.id] = [self._evidence(graph, e) for e in fact.evidence]
            self._fact(graph, fact, evidence_of[fact.id])
        self._relations(graph, records, evidence_of)
        for tenure in records.tenures:
            self.tenure(tenure, graph)
        self._flush(graph)

    def tenures(self, tenures: Iterable[TenureRow]) -> None:
        graph = new_graph()
        for tenure in tenures:
            self.tenure(tenure, graph)
        self._flush(graph)

    # ------------------------------------------------------------------ resources

    def _state(self, graph: Graph, code: str) -> URIRef:
        node = STATE[code]
        if code in self._states:
            return node
        self._states.add(code)
        state = self._gazetteer.get(code)
        graph.add((node, RDF.type, DV.State))
        graph.add((node, DV.code, Literal(code)))
        if state is None:
            graph.add((node, RDFS.label, Literal(code)))
            return node
        graph.add((node, RDFS.label, Literal(state.short_name, lang="en")))
        graph.add((node, DV.kind, Literal(state.kind.value)))
        if state.code_source == "iso3166-1":
            graph.add((node, WDT.P298, Literal(code)))
        elif state.code_source == "iso3166-3":
            graph.add((node, WDT.P773, Literal(code)))
        if state.iso2:
            graph.add((node, WDT.P297, Literal(state.iso2)))
        if state.cow_code is not None:
            graph.add((node, DV.cowCode, Literal(state.cow_code)))
        if state.cow_abb:
            graph.add((node, DV.cowAbb, Literal(state.cow_abb)))
        return node

    def _document(self, graph: Graph, document: str, title: str, source: str, fmt: str) -> URIRef:
        node = document_iri(document)
        if document in self._documents:
            return node
        self._documents.add(document)
        graph.add((node, RDF.type, SCHEMA.CreativeWork))
        graph.add((node, SCHEMA.identifier, Literal(document)))
        graph.add((node, SCHEMA.name, Literal(title)))
        graph.add((node, DV.location, Literal(source)))
        if fmt:
            graph.add((node, SCHEMA.encodingFormat, Literal(fmt)))
        return node

    def _reference(
        self,
        graph: Graph,
        node: Node,
        document: URIRef,
        source: str,
        text: str,
        start: int,
        end: int,
    ) -> None:
        graph.add((node, RDF.type, WIKIBASE.Reference))
        graph.add((node, PR.P248, document))
        graph.add((node, PR.P1683, Literal(text, lang="en")))
        if source.startswith(("http://", "https://")):
            graph.add((node, PR.P854, URIRef(source)))
        graph.add((node, DV.start, Literal(start)))
        graph.add((node, DV.end, Literal(end)))

    def _evidence(self, graph: Graph, evidence: EvidenceRow) -> URIRef:
        node = EVIDENCE[str(evidence.mention)]
        document = self._document(
            graph, evidence.document, evidence.title, evidence.source, evidence.format
        )
        self._reference(
            graph, node, document, evidence.source, evidence.text, evidence.start, evidence.end
        )
        graph.add((node, DV.rule, Literal(evidence.rule)))
        graph.add((node, DV.confidence, _decimal(evidence.confidence)))
        if evidence.date:
            graph.add((node, DV.date, Literal(evidence.date)))
        return node

    def _dates(self, graph: Graph, node: Node, edtf: str) -> None:
        """``pq:P580``/``pq:P582`` for an interval's plain ends, else ``pq:P585`` for a plain
        date; qualified and other EDTF forms only keep their ``dv:date`` string."""
        ends = _ends(edtf)
        if ends is None:
            value = time_value(edtf)
            if value is not None:
                graph.add((node, PQ.P585, value))
            return
        for qualifier, end in zip((PQ.P580, PQ.P582), ends, strict=True):
            value = time_value(end)
            if value is not None:
                graph.add((node, qualifier, value))

    def _fact(self, graph: Graph, fact: FactRow, evidence: list[URIRef]) -> None:
        node = FACT[str(fact.id)]
        graph.add((node, RDF.type, DV.Fact))
        graph.add((node, DV.eventType, DTYPE[fact.type]))
        graph.add((node, DV.state, STATE[fact.a]))
        graph.add((node, DV.state, STATE[fact.b]))
        if fact.source:
            graph.add((node, DV.source, self._state(graph, fact.source)))
        if fact.target:
            graph.add((node, DV.target, self._state(graph, fact.target)))
        if fact.date:
            graph.add((node, DV.date, Literal(fact.date)))
            self._dates(graph, node, fact.date)
        graph.add((node, DV.modality, Literal(fact.modality)))
        graph.add((node, DV.confidence, _decimal(fact.confidence)))
        graph.add((node, DV.mentions, Literal(fact.mentions)))
        graph.add((node, DV.documents, Literal(fact.documents)))
        if fact.conflict is not None:
            graph.add((node, DV.conflict, CONFLICT[str(fact.conflict)]))
        if fact.subject:
            graph.add((node, DV.subject, Literal(fact.subject)))
        counted = [e for e in fact.evidence if e.quantity_amount is not None]
        if counted:
            best = max(counted, key=lambda e: (e.confidence, -e.mention))
            quantity = BNode()
            graph.add((node, DV.quantity, quantity))
            graph.add((quantity, DV.amount, Literal(best.quantity_amount)))
            if best.quantity_of:
                graph.add((quantity, DV["of"], Literal(best.quantity_of)))
        for person in fact.persons:
            who = BNode()
            graph.add((node, DV.person, who))
            graph.add((who, RDF.type, SCHEMA.Person))
            graph.add((who, SCHEMA.name, Literal(person.name)))
            if person.role:
                graph.add((who, SCHEMA.jobTitle, Literal(person.role)))
            if person.state:
                graph.add((who, DV.state, self._state(graph, person.state)))
        for reference in evidence:
            graph.add((node, PROV.wasDerivedFrom, reference))

    def _relations(
        self, graph: Graph, records: PairRecords, evidence_of: dict[int, list[URIRef]]
    ) -> None:
        intervals = pair_status(records)
        a, b = STATE[records.a], STATE[records.b]
        if intervals[-1].relations == "relations":
            graph.add((a, WDT.P530, b))
            graph.add((b, WDT.P530, a))
        for n, span in enumerate(relation_spans(intervals), 1):
            for subject, other, first, second in (
                (a, b, records.a, records.b),
                (b, a, records.b, records.a),
            ):
                statement = RELATION[f"{first}-{second}-{n}"]
                graph.add((subject, P.P530, statement))
                graph.add((statement, RDF.type, WIKIBASE.Statement))
                graph.add((statement, PS.P530, other))
                for qualifier, prop, edtf in (
                    (PQ.P580, DV.start, span.start),
                    (PQ.P582, DV.end, span.end),
                ):
                    if edtf:
                        graph.add((statement, prop, Literal(edtf)))
                        value = time_value(edtf)
                        if value is not None:
                            graph.add((statement, qualifier, value))
                for fact in span.opened_by:
                    graph.add((statement, DV.openedBy, FACT[str(fact)]))
                    for reference in evidence_of.get(fact, ()):
                        graph.add((statement, PROV.wasDerivedFrom, reference))
                for fact in span.closed_by:
                    graph.add((statement, DV.closedBy, FACT[str(fact)]))

    def tenure(self, tenure: TenureRow, graph: Graph) -> None:
        node = TENURE[str(tenure.id)]
        graph.add((node, RDF.type, DV.Tenure))
        graph.add((node, DV.role, Literal(tenure.role)))
        graph.add((node, DV.person, Literal(tenure.person)))
        if tenure.sending:
            graph.add((node, DV.sending, self._state(graph, tenure.sending)))
        if tenure.receiving:
            graph.add((node, DV.receiving, self._state(graph, tenure.receiving)))
        for prop, edtf, qualifier in (
            (DV.start, tenure.start, PQ.P580),
            (DV.end, tenure.end, PQ.P582),
        ):
            if edtf:
                graph.add((node, prop, Literal(edtf)))
                value = time_value(edtf)
                if value is not None:
                    graph.add((node, qualifier, value))
        reference = BNode()
        graph.add((node, PROV.wasDerivedFrom, reference))
        document = self._document(
            graph, tenure.document, tenure.title, tenure.source, tenure.format
        )
        self._reference(
            graph,
            reference,
            document,
            tenure.source,
            tenure.text,
            tenure.evidence_start,
            tenure.evidence_end,
        )
        graph.add((reference, DV.rule, Literal(tenure.rule)))
