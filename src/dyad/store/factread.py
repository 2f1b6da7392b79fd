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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dyad.store.views import Fact, PersonRef, Source, from_row

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
    rows: Sequence[sqlite3.Row],
    mentions: str = BY_IDS,
    params: Sequence[Any] | None = None,
) -> list[Fact]:
    """Fact rows (:data:`FACT_COLUMNS`) with their evidences and persons, in the rows' order.

    ``mentions`` is the condition on the event mentions ``m`` that holds the rows' evidences
    (by default, those of the rows' ids); a fact's evidences are ordered by document id, then
    offset.
    """
    if not rows:
        return []
    if params is None:
        params = (ids_param(r["id"] for r in rows),)
    sources: dict[int, list[Source]] = {}
    for r in named(
        conn,
        f"SELECT m.fact, {SOURCE_COLUMNS} FROM event_mentions AS m"
        " JOIN evidence AS e ON e.id = m.evidence JOIN documents AS d ON d.pk = m.document"
        f" WHERE {mentions} ORDER BY m.fact, d.id, e.start, m.id",
        params,
    ):
        sources.setdefault(r["fact"], []).append(from_row(Source, r))
    persons: dict[int, list[PersonRef]] = {}
    for fact, name, state, role in conn.execute(
        "SELECT m.fact, p.name, p.state, p.role FROM event_persons AS p"
        f" JOIN event_mentions AS m ON m.id = p.mention WHERE {mentions}"
        " ORDER BY m.fact, m.id, p.position",
        params,
    ):
        person = PersonRef(name, state, role)
        found = persons.setdefault(fact, [])
        if person not in found:
            found.append(person)
    return [
        from_row(
            Fact,
            r,
            evidence=tuple(sources.get(r["id"], ())),
            persons=tuple(persons.get(r["id"], ())),
        )
        for r in rows
    ]
