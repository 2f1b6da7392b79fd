"""Record streams for the store's tests: built by hand, valid by construction (records.md)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyad.model import document_id
from dyad.store.validate import document_hash

Record = dict[str, Any]


class DocBuilder:
    """A document's text grows sentence by sentence; records cite the spans they come from."""

    def __init__(
        self,
        title: str,
        *,
        format: str = "text",
        dyad: tuple[str, str] | None = None,
        source: str | None = None,
    ) -> None:
        self.title = title
        self.format = format
        self.dyad = dyad
        self.source = source or f"tests/{title}.txt"
        self.text = ""
        self.events: list[Record] = []
        self.tenures: list[Record] = []
        self.glosses: list[Record] = []
        self.entities: list[Record] = []

    @property
    def id(self) -> str:
        return document_id(self.title, self.format)

    def sentence(self, text: str) -> dict[str, Any]:
        if self.text:
            self.text += "\n"
        start = len(self.text)
        self.text += text
        return {"text": text, "start": start, "end": len(self.text)}

    def event(
        self,
        type: str,
        date: str | None,
        text: str,
        *,
        actors: Sequence[str],
        source: str | None = None,
        target: str | None = None,
        modality: str = "occurred",
        persons: Sequence[Record] = (),
        subject: str | None = None,
        quantity: Record | None = None,
        confidence: float = 0.8,
    ) -> Record:
        evidence = self.sentence(text)
        digest = hashlib.sha1(
            f"{self.id}|{type}|{evidence['start']}|{len(self.events)}".encode()
        ).hexdigest()[:16]
        record = {
            "kind": "event",
            "document": self.id,
            "id": digest,
            "type": type,
            "date": date,
            "date_source": "stated" if date else None,
            "date_text": date,
            "modality": modality,
            "source": source,
            "target": target,
            "actors": sorted(actors),
            "persons": list(persons),
            "quantity": quantity,
            "subject": subject,
            "evidence": evidence,
            "rule": f"test.{type}",
            "confidence": confidence,
        }
        self.events.append(record)
        return record

    def tenure(
        self,
        person: str,
        sending: str,
        receiving: str,
        start: str | None,
        end: str | None,
        *,
        role: str = "ambassador",
    ) -> Record:
        evidence = self.sentence(f"{person} ({start or ''}–{end or ''})")
        record = {
            "kind": "tenure",
            "document": self.id,
            "role": role,
            "person": person,
            "sending": sending,
            "receiving": receiving,
            "start": start,
            "end": end,
            "evidence": evidence,
            "rule": "test.tenure",
        }
        self.tenures.append(record)
        return record

    def gloss(self, anchor: str, text: str, *, flags: Sequence[str] = ()) -> Record:
        span = self.sentence(anchor)
        record = {
            "kind": "gloss",
            "document": self.id,
            "anchor": anchor,
            "target": anchor,
            "span": [span["start"], span["end"]],
            "text": text,
            "truncated": False,
            "flags": list(flags),
        }
        self.glosses.append(record)
        return record

    def entity(self, name: str, type: str = "person", **fields: Any) -> Record:
        record = {
            "kind": "entity",
            "document": self.id,
            "name": name,
            "type": type,
            "state": fields.get("state"),
            "aliases": list(fields.get("aliases", ())),
            "gloss": fields.get("gloss"),
            "born": fields.get("born"),
            "died": fields.get("died"),
            "offices": list(fields.get("offices", ())),
            "target": fields.get("target"),
        }
        self.entities.append(record)
        return record

    def records(self) -> list[Record]:
        document = {
            "kind": "document",
            "schema": 1,
            "id": self.id,
            "title": self.title,
            "format": self.format,
            "source": self.source,
            "dyad": list(self.dyad) if self.dyad else None,
            "names": {},
            "sections": [],
            "see_also": [],
            "external_links": [],
            "lists": {},
            "categories": [],
            "infobox": {},
            "content_hash": document_hash(self.title, self.text),
            "text": self.text,
        }
        return [document, *self.glosses, *self.events, *self.tenures, *self.entities]


def established(
    title: str, a: str, b: str, date: str | None, *, format: str = "text"
) -> list[Record]:
    """A one-sentence document: ``a`` and ``b`` established relations on ``date``."""
    doc = DocBuilder(title, format=format)
    doc.event(
        "relations.established",
        date,
        f"{a} and {b} established diplomatic relations on {date}.",
        actors=[a, b],
    )
    return doc.records()


def table_counts(path: Path) -> dict[str, int]:
    """Rows of every table and every FTS index of the database at ``path``."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%_fts_%' ORDER BY name"
            )
        ]
        counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
        for fts in ("sentences_fts", "glosses_fts", "events_fts"):
            # rows the index itself holds (the docsize table has one per indexed row)
            counts[f"{fts}:indexed"] = conn.execute(
                f"SELECT count(*) FROM {fts}_docsize"
            ).fetchone()[0]
        return counts
    finally:
        conn.close()


def consistency_problems(path: Path) -> list[str]:
    """Integrity, foreign keys, FTS indexes and the facts' invariants of the database."""
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key {r}" for r in conn.execute("PRAGMA foreign_key_check")]
        for fts in ("sentences_fts", "glosses_fts", "events_fts"):
            try:
                conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{fts}: {exc}")
        checks = {
            "a mention of a pair without a fact": "SELECT count(*) FROM event_mentions"
            " WHERE dyad_a IS NOT NULL AND fact IS NULL",
            "a fact without a mention": "SELECT count(*) FROM facts AS f WHERE NOT EXISTS"
            " (SELECT 1 FROM event_mentions AS m WHERE m.fact = f.id)",
            "a fact counting other mentions than it has": "SELECT count(*) FROM facts AS f"
            " WHERE f.mentions != (SELECT count(*) FROM event_mentions AS m WHERE m.fact = f.id)",
            "a mention in another pair than its fact": "SELECT count(*) FROM event_mentions AS m"
            " JOIN facts AS f ON f.id = m.fact WHERE m.dyad_a != f.dyad_a OR m.dyad_b != f.dyad_b",
            "a conflict without two facts": "SELECT count(*) FROM conflicts AS c WHERE"
            " (SELECT count(*) FROM facts AS f WHERE f.conflict = c.id) < 2",
            "a sentence not indexed": "SELECT (SELECT count(*) FROM sentences)"
            " - (SELECT count(*) FROM sentences_fts_docsize)",
            "an event not indexed": "SELECT (SELECT count(*) FROM event_mentions)"
            " - (SELECT count(*) FROM events_fts_docsize)",
            "a dyad row without facts or terms": "SELECT count(*) FROM dyads WHERE facts = 0"
            " AND tenures = 0",
            "a dyad row with a wrong fact count": "SELECT count(*) FROM dyads AS d WHERE d.facts"
            " != (SELECT count(*) FROM facts AS f WHERE f.dyad_a = d.dyad_a AND"
            " f.dyad_b = d.dyad_b)",
            "evidence that does not slice its document": "SELECT count(*) FROM evidence AS e"
            " JOIN documents AS d ON d.pk = e.document"
            ' WHERE substr(d.text, e.start + 1, e."end" - e.start) != e.text',
        }
        for name, sql in checks.items():
            found = conn.execute(sql).fetchone()[0]
            if found:
                problems.append(f"{found}: {name}")
        return problems
    finally:
        conn.close()


_SEED_CACHE: list[list[Record]] = []


def seed_records() -> list[Record]:
    """The real extraction of the seed article (extracted once per test process)."""
    if not _SEED_CACHE:
        from conftest import SEED
        from dyad.extract.pipeline import extract
        from dyad.read import read_file
        from dyad.records import extraction_records

        _SEED_CACHE.append(extraction_records(extract(read_file(SEED))))
    return [dict(r) for r in _SEED_CACHE[0]]
