"""``export``: the knowledge base's facts, evidences and terms of office as CSV, Parquet, JSON
Lines or RDF Turtle (layouts in ``codebook.py``), streamed pair by pair."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import Literal

from dyad import __version__
from dyad.export.codebook import export_codebook
from dyad.export.columns import EXPORT_SCHEMA, TABLES, VOCABULARY
from dyad.export.filters import Filters, filtered
from dyad.export.rows import Row, evidence_row, fact_row, tenure_row
from dyad.export.tables import TableFormat, label, open_table, place
from dyad.export.target import Out, Target, resolve, text_file
from dyad.gazetteer import Gazetteer
from dyad.store import Store
from dyad.store.exports import PairRecords, TenureRow

Format = Literal["jsonl", "csv", "parquet", "ttl"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet", "ttl")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What :func:`export` wrote."""

    format: Format
    files: tuple[str, ...]  # paths written ("-" or the stream's name for a stream)
    pairs: int
    facts: int
    evidence: int
    tenures: int
    triples: int | None = None  # Turtle only
    codebook: str | None = None  # the codebook's path, when one was written


def export(
    store: Store,
    format: Format,
    out: Out,
    dyad: tuple[str, str] | None = None,
    *,
    base: str | None = None,
    filters: Filters | None = None,
) -> ExportSummary:
    """Export ``store`` (or only the pair ``dyad``: two names or codes, any order) to ``out``:
    a directory (every table and ``codebook.md``), a file path, ``"-"`` (standard output) or an
    open stream (a binary one for Parquet). To a single file or stream, CSV and Parquet write
    the facts table only; JSON Lines and Turtle write everything.

    ``filters`` keep only some types, years or states (``filters.py``). ``base`` is the IRI
    Turtle names its resources under (default ``https://dyad.example/``).
    Raises ``UnknownCountryError`` for a pair the gazetteer does not know, ``ValueError`` for
    an unknown format, a base that is not an absolute IRI or a text stream given for Parquet.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    pairs: Iterable[PairRecords] = (
        store.export_pairs(*dyad) if dyad is not None else store.export_pairs()
    )
    unpaired: Iterable[TenureRow] = () if dyad is not None else store.unpaired_tenures()
    if filters is not None and not filters.empty:
        pairs = filtered(pairs, filters)
        unpaired = () if filters.states or filters.types else unpaired
    target = resolve(out)
    gazetteer = store.gazetteer
    filter_ = list(store.pair(*dyad)) if dyad is not None else None
    with ExitStack() as stack:
        if format == "csv" or format == "parquet":
            summary = _tables(stack, format, target, pairs, unpaired, gazetteer)
        elif format == "jsonl":
            summary = _jsonl(stack, target, pairs, unpaired, gazetteer, filter_)
        else:
            summary = _turtle(stack, target, pairs, unpaired, gazetteer, base)
    if target.directory is not None:
        codebook = target.directory / "codebook.md"
        codebook.write_text(export_codebook(), encoding="utf-8")
        return replace(summary, codebook=str(codebook), files=(*summary.files, str(codebook)))
    return summary


def _facts(records: PairRecords, gazetteer: Gazetteer) -> Iterator[tuple[Row, list[Row]]]:
    for fact in records.facts:
        yield fact_row(fact, gazetteer), [evidence_row(fact.id, e) for e in fact.evidence]


def _tables(
    stack: ExitStack,
    format: TableFormat,
    target: Target,
    pairs: Iterable[PairRecords],
    unpaired: Iterable[TenureRow],
    gazetteer: Gazetteer,
) -> ExportSummary:
    whole = target.directory is not None
    places = {name: place(target, f"{name}.{format}") for name in (TABLES if whole else ("facts",))}
    tables = {
        name: open_table(stack, format, where, TABLES[name], name) for name, where in places.items()
    }
    facts, evidence, tenures = tables["facts"], tables.get("evidence"), tables.get("tenures")
    count = 0
    evidences = 0
    for records in pairs:
        count += 1
        for row, evidence_rows in _facts(records, gazetteer):
            facts.write(row)
            evidences += len(evidence_rows)
            if evidence is not None:
                for one in evidence_rows:
                    evidence.write(one)
        if tenures is not None:
            for tenure in records.tenures:
                tenures.write(tenure_row(tenure))
    if tenures is not None:
        for tenure in unpaired:
            tenures.write(tenure_row(tenure))
    return ExportSummary(
        format=format,
        files=tuple(label(w) for w in places.values()),
        pairs=count,
        facts=facts.rows,
        evidence=evidences,
        tenures=tenures.rows if tenures is not None else 0,
    )


def _jsonl(
    stack: ExitStack,
    target: Target,
    pairs: Iterable[PairRecords],
    unpaired: Iterable[TenureRow],
    gazetteer: Gazetteer,
    dyad: list[str] | None,
) -> ExportSummary:
    from dyad.export.jsonl import JsonlStream

    where = place(target, "dyad.jsonl")
    stream = JsonlStream(stack.enter_context(text_file(where)))
    stream.write(
        {
            "kind": "export",
            "export_schema": EXPORT_SCHEMA,
            "vocabulary": VOCABULARY,
            "generator": f"dyad {__version__}",
            "dyad": dyad,
        }
    )
    count = facts = evidences = tenures = 0
    for records in pairs:
        count += 1
        for row, evidence_rows in _facts(records, gazetteer):
            for one in evidence_rows:
                del one["fact_id"]
            stream.write({"kind": "fact", **row, "evidence": evidence_rows})
            facts += 1
            evidences += len(evidence_rows)
        for tenure in records.tenures:
            stream.write({"kind": "tenure", **tenure_row(tenure)})
            tenures += 1
    for tenure in unpaired:
        stream.write({"kind": "tenure", **tenure_row(tenure)})
        tenures += 1
    return ExportSummary("jsonl", (label(where),), count, facts, evidences, tenures)


def _turtle(
    stack: ExitStack,
    target: Target,
    pairs: Iterable[PairRecords],
    unpaired: Iterable[TenureRow],
    gazetteer: Gazetteer,
    base: str | None,
) -> ExportSummary:
    from dyad.export.turtle import DEFAULT_BASE, TurtleStream

    where = place(target, "dyad.ttl")
    writer = TurtleStream(stack.enter_context(text_file(where)), gazetteer, base or DEFAULT_BASE)
    count = facts = evidences = tenures = 0
    for records in pairs:
        count += 1
        writer.pair(records)
        facts += len(records.facts)
        evidences += sum(len(f.evidence) for f in records.facts)
        tenures += len(records.tenures)
    for tenure in unpaired:
        writer.tenure(tenure)
        tenures += 1
    return ExportSummary(
        "ttl", (label(where),), count, facts, evidences, tenures, triples=writer.triples
    )
