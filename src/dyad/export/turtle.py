"""RDF Turtle written as text, one resource at a time: no graph is ever held in memory.

The vocabulary is that of ``rdf.py`` (Wikidata properties where Wikidata has them, Dyad's
``dv:`` otherwise; its docstring lists them); this module only writes it faster and in constant
memory. rdflib's serialiser built one small graph per pair and sorted it to print it (about
25,000 triples a second); here each subject's triples are formatted straight to the sink with
Turtle's escapes (``bench/bench_export.py --formats ttl`` measures both). The output parses in
rdflib (tests/test_export_turtle.py).

Resources live under a base IRI (``--base``, default ``https://dyad.example/``). Documents are
named by their id and carry only public locations: the URL they were read from, or the article's
URL on the English Wikipedia for the formats read from Wikipedia; never a local path. States
with a Wikidata item carry ``owl:sameAs wd:Q..`` (``data/wikidata-states.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO
from urllib.parse import quote

from dyad.export.rdf import PREFIXES, _ends, relation_spans
from dyad.export.scales import scale
from dyad.export.sources import article_url, public_source
from dyad.export.wikidata import state_qid
from dyad.gazetteer import Gazetteer
from dyad.store.exports import EvidenceRow, FactRow, PairRecords, TenureRow, pair_status
from dyad.vocabulary import EVENT_TYPES

DEFAULT_BASE = "https://dyad.example/"
_LOCAL = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile(r'[\\"\n\r\t\x00-\x1f\x7f]')
_DATE_TYPES = (
    (re.compile(r"-?\d{4}-\d{2}-\d{2}"), "xsd:date"),
    (re.compile(r"-?\d{4}-(0[1-9]|1[0-2])"), "xsd:gYearMonth"),
    (re.compile(r"-?\d{4}"), "xsd:gYear"),
)
Pairs = list[tuple[str, str]]


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def text(value: str, lang: str | None = None) -> str:
    """A string literal, escaped (``"..."``, with ``@lang``)."""
    body = '"' + _CONTROL.sub(_escape, value) + '"'
    return body + (f"@{lang}" if lang else "")


def integer(value: int) -> str:
    return str(int(value))


def decimal(value: float) -> str:
    return f'"{format(value, ".6g")}"^^xsd:decimal'


def iri(value: str) -> str:
    """An absolute IRI, its forbidden characters percent-encoded."""
    return "<" + quote(value, safe=":/?#[]@!$&'()*+,;=-._~%") + ">"


def time_value(edtf: str | None) -> str | None:
    if not edtf:
        return None
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(edtf):
            return f'"{edtf}"^^{datatype}'
    return None


def pairs_text(subject: str, pairs: Pairs) -> str:
    if not pairs:
        return ""
    body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
    return f"{subject} {body} .\n"


class TurtleStream:
    """Writes the knowledge base as Turtle: header, type concepts, then pair by pair."""

    def __init__(self, sink: IO[str], gazetteer: Gazetteer, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^[a-z][a-z0-9+.-]*://", base):
            raise ValueError(f"--base must be an absolute IRI (https://...), not {base!r}")
        self._sink = sink
        self._gazetteer = gazetteer
        self._base = base if base.endswith(("/", "#")) else base + "/"
        self._states: set[str] = set()
        self._documents: set[str] = set()
        self._blank = 0
        self.triples = 0
        self._header()

    # ---------------------------------------------------------------- output

    def _emit(self, subject: str, pairs: Pairs) -> None:
        if pairs:
            self._sink.write(pairs_text(subject, pairs))
            self.triples += len(pairs)

    def _bnode(self) -> str:
        self._blank += 1
        return f"_:b{self._blank}"

    def _header(self) -> None:
        own = {
            "dv": "vocab#",
            "state": "state/",
            "fact": "fact/",
            "evidence": "evidence/",
            "document": "document/",
            "tenure": "tenure/",
            "relation": "relation/",
            "dtype": "type/",
            "conflict": "conflict/",
        }
        lines = [f"@prefix {k}: <{self._base}{v}> ." for k, v in own.items()]
        lines += [f"@prefix {k}: <{v}> ." for k, v in PREFIXES.items() if k not in own]
        lines.append("@prefix owl: <http://www.w3.org/2002/07/owl#> .")
        self._sink.write("\n".join(lines) + "\n\n")
        for t in EVENT_TYPES.values():
            scales = scale(t.name)
            pairs: Pairs = [
                ("a", "skos:Concept"),
                ("skos:prefLabel", text(t.label, "en")),
                ("skos:notation", text(t.name)),
                ("dv:family", text(t.family)),
                ("dv:direction", text(t.direction)),
            ]
            if t.cameo:
                pairs.append(("dv:cameo", text(t.cameo)))
            if scales.goldstein is not None:
                pairs.append(("dv:goldstein", decimal(scales.goldstein)))
            if scales.quad_class is not None:
                pairs.append(("dv:quadClass", integer(scales.quad_class)))
            if t.plover:
                pairs.append(("dv:plover", text(t.plover)))
            self._emit(self._name("dtype", t.name), pairs)

    def _name(self, prefix: str, local: str) -> str:
        """``prefix:local`` when the local part is plain, else the full IRI."""
        if _LOCAL.fullmatch(local):
            return f"{prefix}:{local}"
        return iri(self._base + _PATHS[prefix] + quote(local, safe="-._~"))

    # ---------------------------------------------------------------- resources

    def state(self, code: str) -> str:
        node = self._name("state", code)
        if code in self._states:
            return node
        self._states.add(code)
        known = self._gazetteer.get(code)
        pairs: Pairs = [("a", "dv:State"), ("dv:code", text(code))]
        if known is None:
            self._emit(node, [*pairs, ("rdfs:label", text(code))])
            return node
        pairs += [("rdfs:label", text(known.short_name, "en")), ("dv:kind", text(known.kind.value))]
        if known.code_source == "iso3166-1":
            pairs.append(("wdt:P298", text(code)))
        elif known.code_source == "iso3166-3":
            pairs.append(("wdt:P773", text(code)))
        if known.iso2:
            pairs.append(("wdt:P297", text(known.iso2)))
        if known.cow_code is not None:
            pairs.append(("dv:cowCode", integer(known.cow_code)))
        if known.cow_abb:
            pairs.append(("dv:cowAbb", text(known.cow_abb)))
        qid = state_qid(code)
        if qid is not None:
            pairs.append(("owl:sameAs", f"wd:{qid}"))
        self._emit(node, pairs)
        return node

    def document(self, document: str, title: str, source: str, fmt: str) -> str:
        node = self._name("document", document)
        if document in self._documents:
            return node
        self._documents.add(document)
        pairs: Pairs = [
            ("a", "schema:CreativeWork"),
            ("schema:identifier", text(document)),
            ("schema:name", text(title)),
        ]
        if fmt:
            pairs.append(("schema:encodingFormat", text(fmt)))
        public = public_source(source)
        if public:
            pairs.append(("dv:location", text(public)))
        url = article_url(title, fmt, source)
        if url:
            pairs.append(("schema:url", iri(url)))
        self._emit(node, pairs)
        return node

    def _reference(
        self, node: str, document: str, source: str, quote_: str, start: int, end: int
    ) -> Pairs:
        pairs: Pairs = [
            ("a", "wikibase:Reference"),
            ("pr:P248", document),
            ("pr:P1683", text(quote_, "en")),
        ]
        if source.startswith(("http://", "https://")):
            pairs.append(("pr:P854", iri(source)))
        return [*pairs, ("dv:start", integer(start)), ("dv:end", integer(end))]

    def evidence(self, evidence: EvidenceRow) -> str:
        node = self._name("evidence", str(evidence.mention))
        document = self.document(
            evidence.document, evidence.title, evidence.source, evidence.format
        )
        pairs = self._reference(
            node, document, evidence.source, evidence.text, evidence.start, evidence.end
        )
        pairs += [("dv:rule", text(evidence.rule)), ("dv:confidence", decimal(evidence.confidence))]
        if evidence.date:
            pairs.append(("dv:date", text(evidence.date)))
        self._emit(node, pairs)
        return node

    def _dates(self, pairs: Pairs, edtf: str) -> None:
        ends = _ends(edtf)
        if ends is None:
            value = time_value(edtf)
            if value is not None:
                pairs.append(("pq:P585", value))
            return
        for qualifier, end in zip(("pq:P580", "pq:P582"), ends, strict=True):
            value = time_value(end)
            if value is not None:
                pairs.append((qualifier, value))

    def fact(self, fact: FactRow, evidence: list[str]) -> None:
        node = self._name("fact", str(fact.id))
        pairs: Pairs = [
            ("a", "dv:Fact"),
            ("dv:eventType", self._name("dtype", fact.type)),
            ("dv:state", self._name("state", fact.a)),
            ("dv:state", self._name("state", fact.b)),
        ]
        for prop, code in (("dv:source", fact.source), ("dv:target", fact.target)):
            if code:
                pairs.append((prop, self.state(code)))
        if fact.date:
            pairs.append(("dv:date", text(fact.date)))
            self._dates(pairs, fact.date)
        scales = scale(fact.type)
        if scales.goldstein is not None:
            pairs.append(("dv:goldstein", decimal(scales.goldstein)))
        if scales.quad_class is not None:
            pairs.append(("dv:quadClass", integer(scales.quad_class)))
        pairs += [
            ("dv:modality", text(fact.modality)),
            ("dv:confidence", decimal(fact.confidence)),
            ("dv:mentions", integer(fact.mentions)),
            ("dv:documents", integer(fact.documents)),
        ]
        if fact.conflict is not None:
            pairs.append(("dv:conflict", self._name("conflict", str(fact.conflict))))
        if fact.subject:
            pairs.append(("dv:subject", text(fact.subject)))
        counted = [e for e in fact.evidence if e.quantity_amount is not None]
        if counted:
            best = max(counted, key=lambda e: (e.confidence, -e.mention))
            quantity = self._bnode()
            pairs.append(("dv:quantity", quantity))
            inner: Pairs = [("dv:amount", decimal(best.quantity_amount or 0))]
            if best.quantity_of:
                inner.append(("dv:of", text(best.quantity_of)))
            self._emit(quantity, inner)
        for person in fact.persons:
            who = self._bnode()
            pairs.append(("dv:person", who))
            inner = [("a", "schema:Person"), ("schema:name", text(person.name))]
            if person.role:
                inner.append(("schema:jobTitle", text(person.role)))
            if person.state:
                inner.append(("dv:state", self.state(person.state)))
            self._emit(who, inner)
        pairs += [("prov:wasDerivedFrom", reference) for reference in evidence]
        self._emit(node, pairs)

    def pair(self, records: PairRecords) -> None:
        """One pair: its states, facts with their evidences, relations and terms."""
        for code in (records.a, records.b):
            self.state(code)
        evidence_of: dict[int, list[str]] = {}
        for fact in records.facts:
            evidence_of[fact.id] = [self.evidence(e) for e in fact.evidence]
            self.fact(fact, evidence_of[fact.id])
        self._relations(records, evidence_of)
        for tenure in records.tenures:
            self.tenure(tenure)

    def _relations(self, records: PairRecords, evidence_of: dict[int, list[str]]) -> None:
        intervals = pair_status(records)
        a, b = self._name("state", records.a), self._name("state", records.b)
        if intervals[-1].relations == "relations":
            self._emit(a, [("wdt:P530", b)])
            self._emit(b, [("wdt:P530", a)])
        for n, span in enumerate(relation_spans(intervals), 1):
            for subject, other, first, second in (
                (a, b, records.a, records.b),
                (b, a, records.b, records.a),
            ):
                statement = self._name("relation", f"{first}-{second}-{n}")
                self._emit(subject, [("p:P530", statement)])
                pairs: Pairs = [("a", "wikibase:Statement"), ("ps:P530", other)]
                for qualifier, prop, edtf in (
                    ("pq:P580", "dv:start", span.start),
                    ("pq:P582", "dv:end", span.end),
                ):
                    if edtf:
                        pairs.append((prop, text(edtf)))
                        value = time_value(edtf)
                        if value is not None:
                            pairs.append((qualifier, value))
                for fact in span.opened_by:
                    pairs.append(("dv:openedBy", self._name("fact", str(fact))))
                    pairs += [("prov:wasDerivedFrom", r) for r in evidence_of.get(fact, ())]
                for fact in span.closed_by:
                    pairs.append(("dv:closedBy", self._name("fact", str(fact))))
                self._emit(statement, pairs)

    def tenure(self, tenure: TenureRow) -> None:
        node = self._name("tenure", str(tenure.id))
        pairs: Pairs = [
            ("a", "dv:Tenure"),
            ("dv:role", text(tenure.role)),
            ("dv:person", text(tenure.person)),
        ]
        if tenure.sending:
            pairs.append(("dv:sending", self.state(tenure.sending)))
        if tenure.receiving:
            pairs.append(("dv:receiving", self.state(tenure.receiving)))
        for prop, edtf, qualifier in (
            ("dv:start", tenure.start, "pq:P580"),
            ("dv:end", tenure.end, "pq:P582"),
        ):
            if edtf:
                pairs.append((prop, text(edtf)))
                value = time_value(edtf)
                if value is not None:
                    pairs.append((qualifier, value))
        reference = self._bnode()
        pairs.append(("prov:wasDerivedFrom", reference))
        document = self.document(tenure.document, tenure.title, tenure.source, tenure.format)
        inner = self._reference(
            reference,
            document,
            tenure.source,
            tenure.text,
            tenure.evidence_start,
            tenure.evidence_end,
        )
        self._emit(reference, [*inner, ("dv:rule", text(tenure.rule))])
        self._emit(node, pairs)

    def tenures(self, tenures: Iterable[TenureRow]) -> None:
        for tenure in tenures:
            self.tenure(tenure)


_PATHS = {
    "state": "state/",
    "fact": "fact/",
    "evidence": "evidence/",
    "document": "document/",
    "tenure": "tenure/",
    "relation": "relation/",
    "dtype": "type/",
    "conflict": "conflict/",
}
