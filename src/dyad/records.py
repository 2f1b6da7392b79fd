"""The contract's JSON records (``docs/spec/records.md``): the only place they are shaped.

Every command that prints records, the exports and the knowledge base go through these
functions, so a record looks the same wherever it is seen. Records are the serialisation of
the typed objects of :mod:`dyad.model`; the store parses them back into those objects, once,
at its edge (``store/validate.py``). Output is deterministic: the same
document gives byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

from dyad.model import (
    Document,
    Entity,
    Event,
    Evidence,
    ExternalLink,
    ExtractedDocument,
    Gloss,
    ListBlock,
    Paragraph,
    Table,
    Tenure,
)

SCHEMA = 1

Record = dict[str, Any]


def _link(link: ExternalLink) -> Record:
    return {
        "author": link.author,
        "title": link.title,
        "publisher": link.publisher,
        "date": link.date,
        "url": link.url,
    }


def _blocks(doc: Document) -> list[Record]:
    out: list[Record] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append({"kind": "paragraph", "span": [block.start, block.end]})
        elif isinstance(block, ListBlock):
            out.append(
                {
                    "kind": "list",
                    "title": block.title,
                    "span": [block.start, block.end],
                    "items": [[i.start, i.end] for i in block.items],
                }
            )
        elif isinstance(block, Table):
            out.append(
                {
                    "kind": "table",
                    "title": block.title,
                    "span": [block.start, block.end],
                    "rows": [
                        [
                            {"span": [c.start, c.end], "header": c.header}
                            | ({"text": doc.text[c.start : c.end]})
                            for c in row.cells
                        ]
                        for row in block.rows
                    ],
                }
            )
    return out


def document_record(
    doc: Document,
    *,
    dyad: tuple[str, str] | None = None,
    subject: str | None = None,
    inline: bool = False,
) -> Record:
    """The ``document`` record, with its anchors and blocks (what a reader needs to show it).

    With ``inline`` (``dyad read --json``) also its glosses and date marks, which the record
    stream of ``dyad extract`` carries as records of their own.
    """
    record: Record = {
        "kind": "document",
        "schema": SCHEMA,
        "id": doc.id,
        "title": doc.title,
        "format": doc.format,
        "source": doc.source,
        "dyad": list(dyad) if dyad else None,
        "subject": subject,
        "names": dict(doc.names),
        "sections": [
            {"level": s.level, "title": s.title, "span": [s.start, s.end]} for s in doc.sections
        ],
        "see_also": list(doc.see_also),
        "external_links": [_link(link) for link in doc.external_links],
        "references": [_link(link) for link in doc.references],
        "lists": doc.lists,
        "categories": list(doc.categories),
        "infobox": dict(doc.infobox),
        "curated": doc.curated,
        "content_hash": doc.content_hash,
        "text": doc.text,
        "anchors": [
            {"text": a.text, "target": a.target, "span": [a.start, a.end]} for a in doc.anchors
        ],
        "blocks": _blocks(doc),
    }
    if inline:
        record["glosses"] = [gloss_record(doc, g) for g in distinct_glosses(doc)]
        record["dates"] = [{"value": d.value, "span": [d.start, d.end]} for d in doc.dates]
    return record


def distinct_glosses(doc: Document) -> list[Gloss]:
    """One gloss per distinct anchor text (its first occurrence)."""
    seen: dict[str, Gloss] = {}
    for gloss in doc.glosses:
        seen.setdefault(gloss.anchor, gloss)
    return list(seen.values())


def gloss_record(doc: Document, gloss: Gloss) -> Record:
    return {
        "kind": "gloss",
        "document": doc.id,
        "anchor": gloss.anchor,
        "target": gloss.target,
        "span": None if gloss.start is None else [gloss.start, gloss.end],
        "text": gloss.text,
        "truncated": gloss.truncated,
        "flags": list(gloss.flags),
    }


def dumps(record: Record, *, indent: int | None = None) -> str:
    """Deterministic JSON (UTF-8 characters kept, keys in the record's own order)."""
    return json.dumps(record, ensure_ascii=False, indent=indent)


def event_record(event: Event) -> Record:
    return {
        "kind": "event",
        "document": event.document,
        "id": event.id,
        "type": event.type,
        "date": event.date,
        "date_source": event.date_source,
        "date_text": event.date_text,
        "modality": event.modality,
        "source": event.source,
        "target": event.target,
        "actors": list(event.actors),
        "persons": [{"name": p.name, "state": p.state, "role": p.role} for p in event.persons],
        "quantity": (
            None
            if event.quantity is None
            else {"amount": _number(event.quantity.amount), "of": event.quantity.of}
        ),
        "subject": event.subject,
        "evidence": _evidence(event.evidence),
        "rule": event.rule,
        "confidence": event.confidence,
    }


def tenure_record(tenure: Tenure) -> Record:
    return {
        "kind": "tenure",
        "document": tenure.document,
        "role": tenure.role,
        "person": tenure.person,
        "sending": tenure.sending,
        "receiving": tenure.receiving,
        "start": tenure.start,
        "end": tenure.end,
        "evidence": _evidence(tenure.evidence),
        "rule": tenure.rule,
    }


def entity_record(entity: Entity, document: str | None = None) -> Record:
    return {
        "kind": "entity",
        "document": document,
        "name": entity.name,
        "type": entity.type,
        "state": entity.state,
        "aliases": list(entity.aliases),
        "gloss": entity.gloss,
        "born": entity.born,
        "died": entity.died,
        "offices": [{"title": o.title, "start": o.start, "end": o.end} for o in entity.offices],
        "target": entity.target,
    }


def extraction_records(extraction: ExtractedDocument) -> list[Record]:
    """The record stream of one document, in the contract's order."""
    doc = extraction.document
    records: list[Record] = [document_record(doc, dyad=extraction.dyad, subject=extraction.subject)]
    records.extend(gloss_record(doc, g) for g in distinct_glosses(doc))
    records.extend(event_record(e) for e in extraction.events)
    records.extend(tenure_record(t) for t in extraction.tenures)
    records.extend(entity_record(e, doc.id) for e in extraction.entities)
    return records


def _evidence(evidence: Evidence) -> Record:
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
