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

from dyad.model import Pair
from dyad.store.dates import OPEN_UPPER
from dyad.store.factread import (
    FACT_COLUMNS,
    FACT_ORDER,
    facts_with_sources,
    ids_param,
    named,
)
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
    SearchHit,
    Source,
    Term,
    from_row,
)
from dyad.vocabulary import EVENT_TYPES

Names = Callable[[str], str]


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
        f"SELECT {FACT_COLUMNS} FROM facts AS f WHERE {' AND '.join(where)} {FACT_ORDER}"
        " LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return facts_with_sources(conn, rows)


def facts_of_types(conn: sqlite3.Connection, pair: Pair, types: Sequence[str]) -> list[Fact]:
    rows = conn.execute(
        f"SELECT {FACT_COLUMNS} FROM facts AS f WHERE f.dyad_a = ? AND f.dyad_b = ?"
        " AND f.type IN (SELECT value FROM json_each(?)) AND f.modality = 'occurred'"
        f" {FACT_ORDER}",
        (*pair, json.dumps(list(types))),
    ).fetchall()
    return facts_with_sources(conn, rows)


def status(conn: sqlite3.Connection, pair: Pair) -> list[Interval]:
    facts = [
        from_row(StatusFact, r)
        for r in named(
            conn,
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
    return _dyad_counts(
        named(
            conn,
            f"{_DYAD_SQL} ORDER BY facts DESC, dyad_a, dyad_b LIMIT ? OFFSET ?",
            (limit, offset),
        ),
        names,
    )


def state_dyads(
    conn: sqlite3.Connection, code: str, names: Names, *, limit: int, offset: int
) -> list[DyadCount]:
    """The pairs one state is part of, the most facts first (as :func:`dyads`)."""
    return _dyad_counts(
        named(
            conn,
            f"{_DYAD_SQL} WHERE dyad_a = ?1 OR dyad_b = ?1 ORDER BY facts DESC, dyad_a, dyad_b"
            " LIMIT ?2 OFFSET ?3",
            (code, limit, offset),
        ),
        names,
    )


_DYAD_SQL = (
    "SELECT dyad_a AS a, dyad_b AS b, facts, mentions, documents, conflicts, tenures FROM dyads"
)


def _dyad_counts(rows: Iterable[sqlite3.Row], names: Names) -> list[DyadCount]:
    return [from_row(DyadCount, r, a_name=names(r["a"]), b_name=names(r["b"])) for r in rows]


def pair_documents(conn: sqlite3.Connection, pair: Pair) -> list[DocumentRef]:
    rows = named(
        conn,
        f"{_DOCUMENT_COLUMNS}, (SELECT count(*) FROM event_mentions AS m WHERE m.document = d.pk"
        " AND m.dyad_a = ?1 AND m.dyad_b = ?2) AS events, (SELECT count(*) FROM tenures AS t"
        " WHERE t.document = d.pk AND t.dyad_a = ?1 AND t.dyad_b = ?2) AS tenures"
        " FROM documents AS d WHERE d.pk IN (SELECT document FROM event_mentions"
        " WHERE dyad_a = ?1 AND dyad_b = ?2 UNION SELECT document FROM tenures"
        " WHERE dyad_a = ?1 AND dyad_b = ?2) ORDER BY d.title, d.id",
        pair,
    )
    return [_document(r) for r in rows]


_DOCUMENT_COLUMNS = (
    "SELECT d.id, d.title, d.format, d.source, d.content_hash, d.ingested_at, d.dyad_a,"
    " d.dyad_b, d.curated"
)


def _document(r: sqlite3.Row) -> DocumentRef:
    dyad = (r["dyad_a"], r["dyad_b"]) if r["dyad_a"] is not None else None
    return from_row(DocumentRef, r, dyad=dyad, curated=bool(r["curated"]))


def documents(conn: sqlite3.Connection, *, limit: int, offset: int = 0) -> list[DocumentRef]:
    rows = named(
        conn,
        f"{_DOCUMENT_COLUMNS}, (SELECT count(*) FROM event_mentions AS m"
        " WHERE m.document = d.pk) AS events, (SELECT count(*) FROM tenures AS t"
        " WHERE t.document = d.pk) AS tenures"
        " FROM documents AS d ORDER BY d.ingested_at DESC, d.pk DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [_document(r) for r in rows]


# ------------------------------------------------------------------------- terms of office

MergedTerm = tuple[Term, int | None, int | None]

_TERM_SQL = (
    'SELECT t.role, t.person, t.sending, t.receiving, t.start, t."end", t.start_lower,'
    " t.end_upper, t.id AS mention, '' AS record_id, d.id AS document, d.title, d.source,"
    ' d.format, e.text, e.start AS ev_start, e."end" AS ev_end, NULL AS date,'
    " NULL AS date_text, NULL AS date_source, t.rule, 1.0 AS confidence,"
    " NULL AS quantity_amount, NULL AS quantity_of"
    " FROM tenures AS t JOIN evidence AS e ON e.id = t.evidence"
    " JOIN documents AS d ON d.pk = t.document"
)


def _terms(rows: Iterable[sqlite3.Row]) -> list[MergedTerm]:
    """Tenure rows (``_TERM_SQL``, by name) merged over documents: (term, start lower bound,
    end upper bound)."""
    merged: dict[tuple[Any, ...], tuple[Term, int | None, int | None]] = {}
    for r in rows:
        key = (r["role"], r["person"], r["sending"], r["receiving"], r["start"], r["end"])
        source = from_row(Source, r, start=r["ev_start"], end=r["ev_end"])
        if key in merged:
            term, lo, hi = merged[key]
            merged[key] = (
                Term(*key, sources=(*term.sources, source)),
                lo,
                hi,
            )
        else:
            merged[key] = (Term(*key, sources=(source,)), r["start_lower"], r["end_upper"])
    return sorted(
        merged.values(),
        key=lambda t: (t[1] is None, t[1] or 0, t[0].person),
    )


def term_rows(conn: sqlite3.Connection, pair: Pair) -> list[sqlite3.Row]:
    """The pair's tenure rows (``_TERM_SQL``, by name), as :func:`terms` reads them."""
    return list(
        named(
            conn,
            f"{_TERM_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ? ORDER BY t.start_lower, t.id",
            pair,
        )
    )


def merged_terms(conn: sqlite3.Connection, pair: Pair) -> list[MergedTerm]:
    """The pair's terms merged over documents, with their bounds (``_terms``)."""
    return merge_terms(term_rows(conn, pair))


def merge_terms(rows: Iterable[sqlite3.Row]) -> list[MergedTerm]:
    """Tenure rows (:func:`term_rows`) merged over documents, with their bounds."""
    return _terms(rows)


def terms(conn: sqlite3.Connection, pair: Pair) -> list[Term]:
    return [t for t, _, _ in merged_terms(conn, pair)]


def ambassadors_now(conn: sqlite3.Connection, pair: Pair) -> list[Term]:
    """Open-ended ambassadors' terms not followed by a later term in the same direction."""
    rows = named(
        conn,
        f"{_TERM_SQL} WHERE t.dyad_a = ? AND t.dyad_b = ? AND t.role LIKE '%ambassador%'"
        " ORDER BY t.start_lower, t.id",
        pair,
    )
    return current_ambassadors(_terms(rows))


#: ``role LIKE '%ambassador%'``: SQLite's LIKE folds the case of ASCII letters only.
AMBASSADOR = re.compile("ambassador", re.IGNORECASE | re.ASCII)


def ambassadors_of(merged: Sequence[MergedTerm]) -> list[Term]:
    """:func:`ambassadors_now` from all of the pair's merged terms (:func:`merged_terms`):
    merging keys on the role, so keeping the ambassadors' rows before or after it is one."""
    return current_ambassadors([m for m in merged if AMBASSADOR.search(m[0].role)])


def current_ambassadors(merged: Sequence[MergedTerm]) -> list[Term]:
    """The open-ended terms of ``merged`` (ambassadors') not followed by a later term in the
    same direction."""
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
    conn: sqlite3.Connection,
    *,
    limit: int,
    offset: int,
    pair: Pair | None = None,
    facts: Sequence[Fact] | None = None,
) -> list[Conflict]:
    """Conflicts with their values; the values are taken from ``facts`` when given (all of
    ``pair``'s facts: a conflict's values are facts of its pair, as its key holds the pair)."""
    where, params = ("WHERE dyad_a = ? AND dyad_b = ?", [*pair]) if pair else ("", [])
    heads = list(
        named(
            conn,
            f"SELECT id, type, dyad_a AS a, dyad_b AS b, source, target FROM conflicts {where}"
            " ORDER BY dyad_a, dyad_b, type, id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    )
    if not heads:
        return []
    if facts is None:
        rows = conn.execute(
            f"SELECT {FACT_COLUMNS} FROM facts AS f"
            f" WHERE f.conflict IN (SELECT value FROM json_each(?)) {FACT_ORDER}",
            (ids_param(h["id"] for h in heads),),
        ).fetchall()
        facts = facts_with_sources(conn, rows)
    by_conflict: dict[int, list[Fact]] = {}
    for fact in facts:
        if fact.conflict is not None:
            by_conflict.setdefault(fact.conflict, []).append(fact)
    found = []
    for h in heads:
        values = tuple(by_conflict.get(h["id"], ()))
        label = EVENT_TYPES[h["type"]].label if h["type"] in EVENT_TYPES else h["type"]
        reason = conflict_reason(label, h["a"], h["b"], values)
        found.append(from_row(Conflict, h, values=values, reason=reason))
    return found


# ------------------------------------------------------------------------- entities


def entity(conn: sqlite3.Connection, name: str, *, limit: int) -> EntityView:
    rows = named(
        conn,
        "SELECT e.name, e.type, e.state, e.aliases, e.gloss, e.born, e.died, e.offices,"
        " e.target, d.id AS document FROM entity_names AS n JOIN entities AS e"
        " ON e.id = n.entity JOIN documents AS d ON d.pk = e.document WHERE n.name = ?"
        " ORDER BY e.id",
        (name,),
    )
    merged: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        key = (r["name"], r["type"], r["state"])
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
        for alias in json.loads(r["aliases"]):
            if alias not in found["aliases"]:
                found["aliases"].append(alias)
        for office in json.loads(r["offices"]):
            if office not in found["offices"]:
                found["offices"].append(office)
        for field in ("gloss", "born", "died", "target"):
            found[field] = found[field] or r[field]
        if r["document"] not in found["documents"]:
            found["documents"].append(r["document"])
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
        f"SELECT {FACT_COLUMNS} FROM facts AS f WHERE f.id IN (SELECT m.fact FROM"
        " event_persons AS p JOIN event_mentions AS m ON m.id = p.mention WHERE p.name"
        f" COLLATE NOCASE IN (SELECT value FROM json_each(?))) {FACT_ORDER} LIMIT ?",
        (json.dumps(names), limit),
    ).fetchall()
    term_rows = named(
        conn,
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
