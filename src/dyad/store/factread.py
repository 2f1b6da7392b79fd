"""Reading facts back: rows by column name into the one :class:`~dyad.store.views.Fact`, with
its evidences (:class:`~dyad.store.views.Source`) and persons.

The queries (``queries.py``: a page, ``dyad show``) and the exports (``exports.py``: a whole
pair) read facts through :func:`facts_with_sources`, so a fact is the same object wherever it
is read. Columns are named in the SQL (``dyad_a AS a``) as the dataclasses name their fields,
and :func:`~dyad.store.views.from_row` builds each object by name, never by position.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any

from dyad.store.views import Fact, PersonRef, Source

#: The columns of a :class:`Fact` from the facts table ``f``.
FACT_COLUMNS = (
    "f.id, f.type, f.dyad_a AS a, f.dyad_b AS b, f.source, f.target, f.modality, f.date,"
    " f.date_lower, f.date_upper, f.subject, f.confidence, f.conflict, f.mentions, f.documents"
)
#: Facts by date, undated last.
FACT_ORDER = "ORDER BY f.date_lower IS NULL, f.date_lower, f.id"
#: The columns of a :class:`Source` from an event mention ``m``, its evidence ``e`` and its
#: document ``d``.
SOURCE_COLUMNS = (
    "m.id AS mention, m.record_id, d.id AS document, d.title, d.source, d.format, e.text,"
    ' e.start, e."end", m.date, m.date_text, m.date_source, m.rule, m.confidence,'
    " m.quantity_amount, m.quantity_of"
)
#: The facts of these ids (one JSON list parameter, whatever its length).
BY_IDS = "m.fact IN (SELECT value FROM json_each(?))"


def named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
    """The rows of a query, each readable by column name."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return iter(cursor.execute(sql, params))


def ids_param(ids: Iterable[int]) -> str:
    """Ids as the one JSON parameter of ``IN (SELECT value FROM json_each(?))``."""
    return json.dumps(sorted(set(ids)))


def facts_with_sources(
    conn: sqlite3.Connection,
    rows: Sequence[Sequence[Any]],
    mentions: str = BY_IDS,
    params: Sequence[Any] | None = None,
) -> list[Fact]:
    """Fact rows (:data:`FACT_COLUMNS`, tuples or ``sqlite3.Row``) with their evidences and
    persons, in the rows' order.

    ``mentions`` is the condition on the event mentions ``m`` that holds the rows' evidences
    (by default, those of the rows' ids); a fact's evidences are ordered by document id, then
    offset.
    """
    if not rows:
        return []
    if params is None:
        params = (ids_param(r[0] for r in rows),)
    sources: dict[int, list[Source]] = {}
    # rows as tuples, each object built by position: the columns are the fields, in order
    # (checked below), cheaper than by name from ``sqlite3.Row``
    for r in conn.execute(
        f"SELECT m.fact, {SOURCE_COLUMNS} FROM event_mentions AS m"
        " JOIN evidence AS e ON e.id = m.evidence JOIN documents AS d ON d.pk = m.document"
        f" WHERE {mentions} ORDER BY m.fact, d.id, e.start, m.id",
        params,
    ):
        found = sources.get(r[0])
        if found is None:
            found = sources[r[0]] = []
        found.append(Source(*r[1:]))
    return _with_persons(conn, rows, sources, mentions, params)


def pair_facts(conn: sqlite3.Connection, pair: tuple[str, str]) -> list[Fact]:
    """All of a pair's facts with their evidences and persons, in the order of
    :data:`FACT_ORDER`, as :func:`facts_with_sources` reads them: the facts and their
    evidences in one statement (a fact's columns repeat on each of its evidences: a pair has
    about one evidence a fact), the persons in another."""
    width = len(_FACT_FIELDS)
    rows = conn.execute(
        f"SELECT {FACT_COLUMNS}, {SOURCE_COLUMNS} FROM facts AS f"
        " LEFT JOIN event_mentions AS m ON m.fact = f.id"
        " LEFT JOIN evidence AS e ON e.id = m.evidence"
        " LEFT JOIN documents AS d ON d.pk = m.document"
        f" WHERE f.dyad_a = ? AND f.dyad_b = ? {FACT_ORDER}, d.id, e.start, m.id",
        pair,
    ).fetchall()
    heads: list[Sequence[Any]] = []
    sources: dict[int, list[Source]] = {}
    for r in rows:
        if not heads or heads[-1][0] != r[0]:
            heads.append(r[:width])
            sources[r[0]] = []
        # an evidence as the inner joins of facts_with_sources find it: a mention, its
        # evidence (whose text is never NULL) and its document
        if r[width] is not None and r[width + 2] is not None and r[width + 6] is not None:
            sources[r[0]].append(Source(*r[width:]))
    if not heads:
        return []
    return _with_persons(conn, heads, sources, BY_IDS, (ids_param(r[0] for r in heads),))


def _with_persons(
    conn: sqlite3.Connection,
    rows: Sequence[Sequence[Any]],
    sources: dict[int, list[Source]],
    mentions: str,
    params: Sequence[Any],
) -> list[Fact]:
    """Fact rows with their sources (by fact id) and persons (read here, of the mentions
    ``mentions`` selects) as facts."""
    persons: dict[int, list[PersonRef]] = {}
    for fact, name, state, role in conn.execute(
        "SELECT m.fact, p.name, p.state, p.role FROM event_persons AS p"
        f" JOIN event_mentions AS m ON m.id = p.mention WHERE {mentions}"
        " ORDER BY m.fact, m.id, p.position",
        params,
    ):
        person = PersonRef(name, state, role)
        known = persons.setdefault(fact, [])
        if person not in known:
            known.append(person)
    none: tuple[Any, ...] = ()
    return [
        _fact(
            *r,
            evidence=tuple(sources.get(r[0], none)),
            persons=tuple(persons.get(r[0], none)),
        )
        for r in rows
    ]


_FACT_FIELDS = tuple(f.name for f in fields(Fact))[:-2]


def _columns(sql: str) -> tuple[str, ...]:
    """The names a column list gives its columns (``f.dyad_a AS a`` is ``a``)."""
    return tuple(c.split(" AS ")[-1].split(".")[-1].strip('" ') for c in sql.split(","))


# Facts and sources are built by position: their columns must be their fields, in order.
if _columns(FACT_COLUMNS) != _FACT_FIELDS:  # pragma: no cover
    raise AssertionError(f"FACT_COLUMNS are not Fact's fields: {FACT_COLUMNS}")
if _columns(SOURCE_COLUMNS) != tuple(f.name for f in fields(Source)):  # pragma: no cover
    raise AssertionError(f"SOURCE_COLUMNS are not Source's fields: {SOURCE_COLUMNS}")

#: A fact from its row (all of FACT_COLUMNS, by position), its evidence and persons.
_fact: Callable[..., Fact] = Fact
