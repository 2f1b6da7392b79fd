"""Read queries: library functions over a connection, returning the dataclasses of views.py.

The :class:`~dyad.store.Store` resolves country arguments and opens a read snapshot; these
functions take sorted code pairs. Lists of ids go to SQLite as one JSON parameter
(``IN (SELECT value FROM json_each(?))``), whatever their length.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dyad.store.dates import OPEN_UPPER
from dyad.store.headline import conflict_reason
from dyad.store.status import STATUS_TYPES, StatusFact, status_intervals
from dyad.store.views import (
    Conflict,
    DocumentRef,
    DyadCount,
    EntityRecord,
    EntityView,
    Fact,
    HitKind,
    Interval,
    Pair,
    PersonRef,
    SearchHit,
    Source,
    Term,
)
from dyad.vocabulary import EVENT_TYPES

Names = Callable[[str], str]

_FACT_COLUMNS = (
    "f.id, f.type, f.dyad_a, f.dyad_b, f.source, f.target, f.modality, f.date, f.date_lower,"
    " f.date_upper, f.subject, f.confidence, f.conflict"
)
_ORDER = "ORDER BY f.date_lower IS NULL, f.date_lower, f.id"


def _ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


def facts_with_sources(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> list[Fact]:
    """Fact rows (``_FACT_COLUMNS``) with their evidences and persons, in the rows' order."""
    if not rows:
        return []
    ids = _ids(r[0] for r in rows)
    sources: dict[int, list[Source]] = {}
    for r in conn.execute(
        'SELECT m.fact, m.id, d.id, d.title, e.text, e.start, e."end", m.date, m.date_text,'
        " m.rule, m.confidence, m.record_id FROM event_mentions AS m"
        " JOIN evidence AS e ON e.id = m.evidence JOIN documents AS d ON d.pk = m.document"
        " WHERE m.fact IN (SELECT value FROM json_each(?)) ORDER BY m.fact, d.id, e.start",
        (ids,),
    ):
        sources.setdefault(r[0], []).append(Source(*r[1:]))
    persons: dict[int, list[PersonRef]] = {}
    for fact, name, state, role in conn.execute(
        "SELECT m.fact, p.name, p.state, p.role FROM event_persons AS p"
        " JOIN event_mentions AS m ON m.id = p.mention"
        " WHERE m.fact IN (SELECT value FROM json_each(?)) ORDER BY m.fact, m.id, p.position",
        (ids,),
    ):
        person = PersonRef(name, state, role)
        found = persons.setdefault(fact, [])
        if person not in found:
            found.append(person)
    return [_fact(r, tuple(sources.get(r[0], ())), tuple(persons.get(r[0], ()))) for r in rows]


def _fact(r: Sequence[Any], sources: tuple[Source, ...], persons: tuple[PersonRef, ...]) -> Fact:
    return Fact(
        id=r[0],
        type=r[1],
        a=r[2],
        b=r[3],
        source=r[4],
        target=r[5],
        modality=r[6],
        date=r[7],
        date_lower=r[8],
        date_upper=r[9],
        subject=r[10],
        confidence=r[11],
        conflict=r[12],
        sources=sources,
        persons=persons,
    )


def timeline(
    conn: sqlite3.Connection,
    pair: Pair,
    *,
    lower: int | None,
    upper: int | None,
    types: Sequence[str] | None,
    limit: int,
    offset: int,
) -> list[Fact]:
    where = ["f.dyad_a = ?", "f.dyad_b = ?"]
    params: list[Any] = [*pair]
    if types:
        # A family ("relations") stands for every type in it ("relations.established", ...).
        where.append(
            "(f.type IN (SELECT value FROM json_each(?))"
            " OR substr(f.type, 1, instr(f.type, '.') - 1) IN (SELECT value FROM json_each(?)))"
        )
        params.extend([json.dumps(list(types))] * 2)
    if lower is not None:
        where.append("f.date_upper >= ?")
        params.append(lower)
    if upper is not None:
        where.append("f.date_lower <= ?")
        params.append(upper)
    rows = conn.execute(
        f"SELECT {_FACT_COLUMNS} FROM facts AS f WHERE {' AND '.join(where)} {_ORDER}"
        " LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return facts_with_sources(conn, rows)


def facts_of_types(conn: sqlite3.Connection, pair: Pair, types: Sequence[str]) -> list[Fact]:
    rows = conn.execute(
        f"SELECT {_FACT_COLUMNS} FROM facts AS f WHERE f.dyad_a = ? AND f.dyad_b = ?"
        f" AND f.type IN (SELECT value FROM json_each(?)) AND f.modality = 'occurred' {_ORDER}",
        (*pair, json.dumps(list(types))),
    ).fetchall()
    return facts_with_sources(conn, rows)


def status(conn: sqlite3.Connection, pair: Pair) -> list[Interval]:
    facts = [
        StatusFact(*r)
        for r in conn.execute(
            "SELECT id, type, source, target, date, date_lower, conflict FROM facts"
            " WHERE dyad_a = ? AND dyad_b = ? AND type IN (SELECT value FROM json_each(?))"
            " AND modality = 'occurred'",
            (*pair, json.dumps(STATUS_TYPES)),
        )
    ]
    return status_intervals(pair[0], pair[1], facts)


def counts_by_type(conn: sqlite3.Connection, pair: Pair) -> dict[str, int]:
    return dict(
        conn.execute(
            "SELECT type, count(*) FROM facts WHERE dyad_a = ? AND dyad_b = ?"
            " AND modality = 'occurred' GROUP BY type ORDER BY type",
            pair,
        ).fetchall()
    )


def dyad_row(conn: sqlite3.Connection, pair: Pair) -> tuple[int, int, int, int, int]:
    row = conn.execute(
        "SELECT facts, mentions, documents, conflicts, tenures FROM dyads"
        " WHERE dyad_a = ? AND dyad_b = ?",
        pair,
    ).fetchone()
    if row is None:
        return (0, 0, 0, 0, 0)
    return (row[0], row[1], row[2], row[3], row[4])


def dyads(conn: sqlite3.Connection, names: Names, *, limit: int, offset: int) -> list[DyadCount]:
    return [
        DyadCount(a, b, names(a), names(b), *rest)
        for a, b, *rest in conn.execute(
            "SELECT dyad_a, dyad_b, facts, mentions, documents, conflicts, tenures FROM dyads"
            " ORDER BY facts DESC, dyad_a, dyad_b LIMIT ? OFFSET ?",
            (limit, offset),
        )
    ]


def state_dyads(
    conn: sqlite3.Connection, code: str, names: Names, *, limit: int, offset: int
) -> list[DyadCount]:
    """The pairs one state is part of, the most facts first (as :func:`dyads`)."""
    return [
        DyadCount(a, b, names(a), names(b), *rest)
        for a, b, *rest in conn.execute(
            "SELECT dyad_a, dyad_b, facts, mentions, documents, conflicts, tenures FROM dyads"
            " WHERE dyad_a = ?1 OR dyad_b = ?1 ORDER BY facts DESC, dyad_a, dyad_b"
            " LIMIT ?2 OFFSET ?3",
            (code, limit, offset),
        )
    ]


def pair_documents(conn: sqlite3.Connection, pair: Pair) -> list[DocumentRef]:
    rows = conn.execute(
        "SELECT d.id, d.title, d.format, d.source, d.content_hash, d.ingested_at, d.dyad_a,"
        " d.dyad_b, (SELECT count(*) FROM event_mentions AS m WHERE m.document = d.pk"
        " AND m.dyad_a = ?1 AND m.dyad_b = ?2), (SELECT count(*) FROM tenures AS t"
        " WHERE t.document = d.pk AND t.dyad_a = ?1 AND t.dyad_b = ?2), d.curated"
        " FROM documents AS d WHERE d.pk IN (SELECT document FROM event_mentions"
        " WHERE dyad_a = ?1 AND dyad_b = ?2 UNION SELECT document FROM tenures"
        " WHERE dyad_a = ?1 AND dyad_b = ?2) ORDER BY d.title, d.id",
        pair,
    )
    return [_document(r) for r in rows]


def _document(r: Sequence[Any]) -> DocumentRef:
    dyad = (r[6], r[7]) if r[6] is not None else None
    return DocumentRef(r[0], r[1], r[2], r[3], r[4], r[5], dyad, r[8], r[9], bool(r[10]))


def documents(conn: sqlite3.Connection, *, limit: int, offset: int = 0) -> list[DocumentRef]:
    rows = conn.execute(
        "SELECT d.id, d.title, d.format, d.source, d.content_hash, d.ingested_at, d.dyad_a,"
        " d.dyad_b, (SELECT count(*) FROM event_mentions AS m WHERE m.document = d.pk),"
        " (SELECT count(*) FROM tenures AS t WHERE t.document = d.pk), d.curated"
        " FROM documents AS d ORDER BY d.ingested_at DESC, d.pk DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [_document(r) for r in rows]


# ------------------------------------------------------------------------- terms of office

_TERM_SQL = (
    'SELECT t.role, t.person, t.sending, t.receiving, t.start, t."end", t.start_lower,'
    ' t.end_upper, t.id, d.id, d.title, e.text, e.start, e."end", t.rule'
    " FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence"
    " JOIN documents AS d ON d.pk = t.document"
)


def _terms(rows: Iterable[Sequence[Any]]) -> list[tuple[Term, int | None, int | None]]:
    """Tenure rows merged over documents: (term, start lower bound, end upper bound)."""
    merged: dict[tuple[Any, ...], tuple[Term, int | None, int | None]] = {}
    for r in rows:
        key = (r[0], r[1], r[2], r[3], r[4], r[5])
        source = Source(r[8], r[9], r[10], r[11], r[12], r[13], None, None, r[14], 1.0, "")
        if key in merged:
            term, lo, hi = merged[key]
            merged[key] = (
                Term(*key, sources=(*term.sources, source)),
                lo,
                hi,
            )
        else:
            merged[key] = (Term(*key, sources=(source,)), r[6], r[7])
    return sorted(
        merged.values(),
        key=lambda t: (t[1] is None, t[1] or 0, t[0].person),
    )


def terms(conn: sqlite3.Connection, pair: Pair) -> list[Term]:
    rows = conn.execute(
        f"{_TERM_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ? ORDER BY t.start_lower, t.id", pair
    )
    return [t for t, _, _ in _terms(rows)]


def ambassadors_now(conn: sqlite3.Connection, pair: Pair) -> list[Term]:
    """Open-ended ambassadors' terms not followed by a later term in the same direction."""
    rows = conn.execute(
        f"{_TERM_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ? AND t.role LIKE '%ambassador%'"
        " ORDER BY t.start_lower, t.id",
        pair,
    )
    merged = _terms(rows)
    now: list[Term] = []
    for term, lower, upper in merged:
        if upper is not None and upper != OPEN_UPPER:
            continue
        later = any(
            (other.sending, other.receiving, other.role)
            == (term.sending, term.receiving, term.role)
            and other_lower is not None
            and (lower is None or other_lower > lower)
            for other, other_lower, _ in merged
        )
        if not later:
            now.append(term)
    return now


# ------------------------------------------------------------------------- conflicts


def conflicts(
    conn: sqlite3.Connection, *, limit: int, offset: int, pair: Pair | None = None
) -> list[Conflict]:
    where, params = ("WHERE dyad_a = ? AND dyad_b = ?", [*pair]) if pair else ("", [])
    heads = conn.execute(
        f"SELECT id, type, dyad_a, dyad_b, source, target FROM conflicts {where}"
        " ORDER BY dyad_a, dyad_b, type, id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    if not heads:
        return []
    rows = conn.execute(
        f"SELECT {_FACT_COLUMNS} FROM facts AS f"
        f" WHERE f.conflict IN (SELECT value FROM json_each(?)) {_ORDER}",
        (_ids(h[0] for h in heads),),
    ).fetchall()
    by_conflict: dict[int, list[Fact]] = {}
    for fact in facts_with_sources(conn, rows):
        assert fact.conflict is not None
        by_conflict.setdefault(fact.conflict, []).append(fact)
    found = []
    for h in heads:
        values = tuple(by_conflict.get(h[0], ()))
        label = EVENT_TYPES[h[1]].label if h[1] in EVENT_TYPES else h[1]
        reason = conflict_reason(label, h[2], h[3], values)
        found.append(Conflict(h[0], h[1], h[2], h[3], h[4], h[5], values, reason))
    return found


# ------------------------------------------------------------------------- entities


def entity(conn: sqlite3.Connection, name: str, *, limit: int) -> EntityView:
    rows = conn.execute(
        "SELECT e.name, e.type, e.state, e.aliases, e.gloss, e.born, e.died, e.offices,"
        " e.target, d.id FROM entity_names AS n JOIN entities AS e ON e.id = n.entity"
        " JOIN documents AS d ON d.pk = e.document WHERE n.name = ? ORDER BY e.id",
        (name,),
    ).fetchall()
    merged: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        key = (r[0], r[1], r[2])
        found = merged.setdefault(
            key,
            {
                "aliases": [],
                "gloss": None,
                "born": None,
                "died": None,
                "offices": [],
                "target": None,
                "documents": [],
            },
        )
        for alias in json.loads(r[3]):
            if alias not in found["aliases"]:
                found["aliases"].append(alias)
        for office in json.loads(r[7]):
            if office not in found["offices"]:
                found["offices"].append(office)
        for field, value in (("gloss", r[4]), ("born", r[5]), ("died", r[6]), ("target", r[8])):
            found[field] = found[field] or value
        if r[9] not in found["documents"]:
            found["documents"].append(r[9])
    records = tuple(
        EntityRecord(
            name=k[0],
            type=k[1],
            state=k[2],
            aliases=tuple(v["aliases"]),
            gloss=v["gloss"],
            born=v["born"],
            died=v["died"],
            offices=tuple(v["offices"]),
            target=v["target"],
            documents=tuple(v["documents"]),
        )
        for k, v in merged.items()
    )
    names = sorted({name, *(r.name for r in records), *(a for r in records for a in r.aliases)})
    fact_rows = conn.execute(
        f"SELECT {_FACT_COLUMNS} FROM facts AS f WHERE f.id IN (SELECT m.fact FROM event_persons"
        " AS p JOIN event_mentions AS m ON m.id = p.mention WHERE p.name COLLATE NOCASE IN"
        f" (SELECT value FROM json_each(?))) {_ORDER} LIMIT ?",
        (json.dumps(names), limit),
    ).fetchall()
    term_rows = conn.execute(
        f"{_TERM_SQL} WHERE t.person COLLATE NOCASE IN (SELECT value FROM json_each(?))"
        " ORDER BY t.start_lower, t.id LIMIT ?",
        (json.dumps(names), limit),
    )
    return EntityView(
        query=name,
        entities=records,
        facts=tuple(facts_with_sources(conn, fact_rows)),
        terms=tuple(t for t, _, _ in _terms(term_rows)),
    )


# ------------------------------------------------------------------------- search

_TOKEN = re.compile(r"\S+")


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: each word a quoted string (quotes doubled), all required.

    Operators, parentheses, column filters and stray quotes in the input lose their meaning,
    so no input is a syntax error. ``None`` when nothing searchable is left.
    """
    # FTS5 reads a NUL as the end of the query: control characters become spaces
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    words = [w for w in _TOKEN.findall(text) if any(c.isalnum() for c in w)]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


_SEARCHES: dict[HitKind, str] = {
    "sentence": (
        "SELECT s.id, d.id, d.title, s.text, snippet(sentences_fts, 0, '[', ']', '…', 16),"
        ' s.start, s."end", bm25(sentences_fts) FROM sentences_fts'
        " JOIN sentences AS s ON s.id = sentences_fts.rowid"
        " JOIN documents AS d ON d.pk = s.document"
        " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?"
    ),
    "event": (
        "SELECT m.id, d.id, d.title, e.text, snippet(events_fts, 3, '[', ']', '…', 16),"
        ' e.start, e."end", bm25(events_fts) FROM events_fts'
        " JOIN event_mentions AS m ON m.id = events_fts.rowid"
        " JOIN evidence AS e ON e.id = m.evidence JOIN documents AS d ON d.pk = m.document"
        " WHERE events_fts MATCH ? ORDER BY rank LIMIT ?"
    ),
    "gloss": (
        "SELECT g.id, d.id, d.title, g.text, snippet(glosses_fts, 1, '[', ']', '…', 16),"
        ' g.start, g."end", bm25(glosses_fts) FROM glosses_fts'
        " JOIN glosses AS g ON g.id = glosses_fts.rowid"
        " JOIN documents AS d ON d.pk = g.document"
        " WHERE glosses_fts MATCH ? ORDER BY rank LIMIT ?"
    ),
}


def search(conn: sqlite3.Connection, text: str, *, limit: int) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    hits: list[SearchHit] = []
    for kind, sql in _SEARCHES.items():
        for ref, doc, title, full, snippet, start, end, rank in conn.execute(sql, (query, limit)):
            hits.append(SearchHit(kind, doc, title, full, snippet, start, end, rank, ref))
    hits.sort(key=lambda h: (h.rank, h.kind, h.ref))  # bm25: lower is better
    return hits[:limit]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = (
        "documents",
        "anchors",
        "glosses",
        "sentences",
        "evidence",
        "event_mentions",
        "event_actors",
        "event_persons",
        "tenures",
        "entities",
        "facts",
        "conflicts",
        "dyads",
    )
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
