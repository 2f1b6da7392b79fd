"""Writing reconciled facts: a pair's planned facts (``reconcile.plan``) and their conflicts
stored, stored facts kept under their ids when they continue, the pair counts refreshed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.model import Pair
from dyad.store.dates import Bounds
from dyad.store.reconcile import MentionRow, PlannedFact, Policy, plan

# Names compare like scoring.md's: case, hyphens and spaces aside ("Kim Il-sung" = "Kim Il Sung").
_PERSON_KEY = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True, slots=True)
class _Existing:
    id: int
    key: str
    date: str | None
    bounds: Bounds | None


def _match(planned: list[PlannedFact], existing: list[_Existing]) -> list[int | None]:
    """For each planned fact, the id of the stored fact it continues (or ``None``)."""
    by_key: dict[str, list[_Existing]] = {}
    for stored in existing:
        by_key.setdefault(stored.key, []).append(stored)
    used: set[int] = set()
    ids: list[int | None] = [None] * len(planned)
    order = sorted(range(len(planned)), key=lambda i: -len(planned[i].mentions))
    for i in order:
        fact = planned[i]
        best: tuple[int, bool, bool] | None = None
        for old in by_key.get(fact.key, ()):
            if old.id in used:
                continue
            shared = sum(1 for m in fact.mentions if m.fact == old.id)
            same = old.date == fact.date
            if old.bounds is None or fact.anchor is None:
                agrees = old.bounds is None and fact.anchor is None
            else:
                agrees = old.bounds.agrees(fact.anchor)
            if not (shared or same or agrees):
                continue
            score = (shared, same, agrees)
            if best is None or score > best:
                best = score
                ids[i] = old.id
        chosen = ids[i]
        if chosen is not None:
            used.add(chosen)
    return ids


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def _touch(conn: sqlite3.Connection, pairs: Iterable[Pair]) -> None:
    """Fill the temporary ``touched_pairs`` table that the batch queries join on."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched_pairs"
        " (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.touched_pairs")
    conn.executemany("INSERT OR IGNORE INTO temp.touched_pairs (a, b) VALUES (?, ?)", pairs)


def load_mentions(conn: sqlite3.Connection, pairs: Iterable[Pair]) -> dict[Pair, list[MentionRow]]:
    """The mentions of ``pairs``, by pair, in id order."""
    _touch(conn, pairs)
    out: dict[Pair, list[MentionRow]] = {}
    for r in conn.execute(
        "SELECT m.dyad_a, m.dyad_b, m.id, m.document, m.type, m.date, m.date_lower,"
        " m.date_upper, m.modality, m.source, m.target, m.subject, m.confidence, e.text, m.fact,"
        " (SELECT group_concat(lower(p.name), char(31)) FROM event_persons AS p"
        "  WHERE p.mention = m.id)"
        " FROM temp.touched_pairs AS t"
        " JOIN event_mentions AS m ON m.dyad_a = t.a AND m.dyad_b = t.b"
        " JOIN evidence AS e ON e.id = m.evidence ORDER BY m.dyad_a, m.dyad_b, m.id"
    ):
        out.setdefault((r[0], r[1]), []).append(
            MentionRow(
                id=r[2],
                document=r[3],
                type=r[4],
                date=r[5],
                bounds=None if r[6] is None else Bounds(r[6], r[7]),
                modality=r[8],
                source=r[9],
                target=r[10],
                subject=r[11],
                confidence=r[12],
                evidence=r[13],
                fact=r[14],
                persons=frozenset(
                    _PERSON_KEY.sub(" ", n) for n in (r[15] or "").split("\x1f") if n
                ),
            )
        )
    return out


_FACT_COLUMNS = (
    "key, type, dyad_a, dyad_b, source, target, modality, date, date_lower, date_upper,"
    " subject, mentions, documents, confidence, conflict"
)


@dataclass(slots=True)
class _Writes:
    """The rows one reconciliation writes, gathered pair by pair."""

    next_fact: int
    next_conflict: int
    conflict_rows: list[tuple[Any, ...]] = field(default_factory=list)
    conflict_updates: list[tuple[int, int]] = field(default_factory=list)
    inserts: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[tuple[Any, ...]] = field(default_factory=list)
    pointers: list[tuple[int, int]] = field(default_factory=list)
    kept: set[int] = field(default_factory=set)
    live_conflicts: set[str] = field(default_factory=set)


def _stored(
    conn: sqlite3.Connection,
) -> tuple[dict[Pair, list[_Existing]], dict[str, int]]:
    """The stored facts and conflicts of the touched pairs (``temp.touched_pairs``)."""
    existing: dict[Pair, list[_Existing]] = {}
    for r in conn.execute(
        "SELECT f.dyad_a, f.dyad_b, f.id, f.key, f.date, f.date_lower, f.date_upper"
        " FROM temp.touched_pairs AS t JOIN facts AS f ON f.dyad_a = t.a AND f.dyad_b = t.b"
    ):
        bounds = None if r[5] is None else Bounds(r[5], r[6])
        existing.setdefault((r[0], r[1]), []).append(_Existing(r[2], r[3], r[4], bounds))
    conflicts: dict[str, int] = dict(
        conn.execute(
            "SELECT c.key, c.id FROM temp.touched_pairs AS t"
            " JOIN conflicts AS c ON c.dyad_a = t.a AND c.dyad_b = t.b"
        ).fetchall()
    )
    return existing, conflicts


def _pair_conflicts(
    pair: Pair, planned: list[PlannedFact], stored: dict[str, int], writes: _Writes
) -> dict[str, int]:
    """The conflict id of each conflicting key of one pair: kept when stored, else new."""
    conflict_ids: dict[str, int] = {}
    for key in sorted({f.key for f in planned if f.conflict}):
        members = [f for f in planned if f.key == key]
        if key in stored:
            conflict_ids[key] = stored[key]
            writes.conflict_updates.append((len(members), conflict_ids[key]))
            continue
        conflict_ids[key] = writes.next_conflict
        writes.next_conflict += 1
        first = members[0]
        writes.conflict_rows.append(
            (conflict_ids[key], key, first.type, *pair, first.source, first.target, len(members))
        )
    writes.live_conflicts |= conflict_ids.keys()
    return conflict_ids


def _pair_facts(
    pair: Pair,
    planned: list[PlannedFact],
    ids: list[int | None],
    conflict_ids: dict[str, int],
    writes: _Writes,
) -> None:
    """One pair's fact rows: an update where a stored fact continues, else an insert."""
    for fact, fact_id in zip(planned, ids, strict=True):
        rows = writes.updates
        if fact_id is None:
            fact_id, writes.next_fact, rows = writes.next_fact, writes.next_fact + 1, writes.inserts
        writes.kept.add(fact_id)
        rows.append(
            (
                fact.key,
                fact.type,
                *pair,
                fact.source,
                fact.target,
                fact.modality,
                fact.date,
                fact.anchor.lower if fact.anchor else None,
                fact.anchor.upper if fact.anchor else None,
                fact.subject,
                len(fact.mentions),
                len({m.document for m in fact.mentions}),
                max(m.confidence for m in fact.mentions),
                conflict_ids.get(fact.key),
                fact_id,
            )
        )
        writes.pointers.extend((fact_id, m.id) for m in fact.mentions if m.fact != fact_id)


def _apply(
    conn: sqlite3.Connection,
    writes: _Writes,
    existing: dict[Pair, list[_Existing]],
    stored_conflicts: dict[str, int],
) -> None:
    """Write the gathered rows: conflicts before the facts that refer to them, mentions
    re-pointed before old facts go."""
    conn.executemany(
        "INSERT INTO conflicts (id, key, type, dyad_a, dyad_b, source, target, facts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        writes.conflict_rows,
    )
    conn.executemany("UPDATE conflicts SET facts = ? WHERE id = ?", writes.conflict_updates)
    conn.executemany(
        f"INSERT INTO facts ({_FACT_COLUMNS}, id) VALUES ({', '.join('?' * 16)})", writes.inserts
    )
    sets = ", ".join(f"{c.strip()} = ?" for c in _FACT_COLUMNS.split(","))
    conn.executemany(f"UPDATE facts SET {sets} WHERE id = ?", writes.updates)
    conn.executemany("UPDATE event_mentions SET fact = ? WHERE id = ?", writes.pointers)
    conn.executemany(
        "DELETE FROM facts WHERE id = ?",
        [(f.id,) for found in existing.values() for f in found if f.id not in writes.kept],
    )
    conn.executemany(
        "DELETE FROM conflicts WHERE id = ?",
        [(c,) for key, c in stored_conflicts.items() if key not in writes.live_conflicts],
    )


def reconcile_pairs(
    conn: sqlite3.Connection, pairs: Iterable[Pair], policies: dict[str, Policy]
) -> dict[Pair, int]:
    """Recompute the facts, conflicts and counts of ``pairs``; return each pair's open
    conflicts. Runs inside the caller's write transaction, a few statements for any number of
    pairs."""
    pairs = sorted(set(pairs))
    if not pairs:
        return {}
    mentions = load_mentions(conn, pairs)  # fills temp.touched_pairs for the queries below
    existing, stored_conflicts = _stored(conn)
    writes = _Writes(_next_id(conn, "facts"), _next_id(conn, "conflicts"))
    open_conflicts: dict[Pair, int] = {}
    sizes: dict[Pair, tuple[int, int, int]] = {}
    for pair in pairs:
        planned = plan(mentions.get(pair, ()), pair, policies)
        ids = _match(planned, existing.get(pair, []))
        conflict_ids = _pair_conflicts(pair, planned, stored_conflicts, writes)
        open_conflicts[pair] = len(conflict_ids)
        _pair_facts(pair, planned, ids, conflict_ids, writes)
        sizes[pair] = (len(planned), len(mentions.get(pair, ())), len(conflict_ids))
    _apply(conn, writes, existing, stored_conflicts)
    _count_pairs(conn, sizes)
    return open_conflicts


def _count_pairs(conn: sqlite3.Connection, sizes: dict[Pair, tuple[int, int, int]]) -> None:
    """Refresh the ``dyads`` rows of the touched pairs (``sizes``: facts, mentions, conflicts)."""
    rows: list[tuple[Any, ...]] = []
    gone: list[Pair] = []
    for a, b, tenures, documents in conn.execute(
        "SELECT t.a, t.b, (SELECT count(*) FROM tenures WHERE dyad_a = t.a AND dyad_b = t.b),"
        " (SELECT count(*) FROM (SELECT document FROM event_mentions WHERE dyad_a = t.a AND"
        " dyad_b = t.b UNION SELECT document FROM tenures WHERE dyad_a = t.a AND dyad_b = t.b))"
        " FROM temp.touched_pairs AS t"
    ).fetchall():
        facts, mentions, conflicts = sizes[(a, b)]
        if not facts and not tenures:
            gone.append((a, b))
        else:
            rows.append((a, b, facts, mentions, documents, conflicts, tenures))
    conn.executemany("DELETE FROM dyads WHERE dyad_a = ? AND dyad_b = ?", gone)
    conn.executemany(
        "INSERT OR REPLACE INTO dyads (dyad_a, dyad_b, facts, mentions, documents, conflicts,"
        " tenures) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
