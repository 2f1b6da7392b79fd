"""A pair's summary (``dyad show``, the dyad page's head): its facts, headline and status."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from dyad.model import Pair
from dyad.store import headline, pagefacts, queries
from dyad.store.queries import MergedTerm
from dyad.store.views import DyadSummary, Fact, Interval

#: The facts the summary heads with: the establishments and the missions opened or closed.
HEAD_TYPES = ("relations.established", "mission.opened", "mission.closed")


def dyad_summary(
    conn: sqlite3.Connection,
    pair: Pair,
    name: Callable[[str], str],
    *,
    facts: Sequence[Fact] | None = None,
    intervals: Sequence[Interval] | None = None,
    terms: Sequence[MergedTerm] | None = None,
    row: tuple[int, int, int, int, int] | None = None,
) -> DyadSummary:
    """What the knowledge base says about ``pair``; run it inside one read snapshot.

    What the caller has read already is not read again: ``facts``, all of the pair's facts
    (``queries.pair_facts``), ``intervals``, its status, ``terms``, its merged terms,
    ``row``, its ``dyads`` row (``queries.dyad_row``)."""
    count, _, _, conflicts, _ = queries.dyad_row(conn, pair) if row is None else row
    if facts is None:  # the establishments and the missions opened or closed, in one query
        heads = queries.facts_of_types(conn, pair, HEAD_TYPES)
        counts = queries.counts_by_type(conn, pair)
    else:
        heads = pagefacts.occurred_of_types(facts, HEAD_TYPES)
        counts = pagefacts.counts_of(facts)
    began, support = headline.ranked(f for f in heads if f.type == "relations.established")
    if intervals is None:
        intervals = queries.status(conn, pair)
    ambassadors = (
        queries.ambassadors_now(conn, pair) if terms is None else queries.ambassadors_of(terms)
    )
    return DyadSummary(
        a=pair[0],
        b=pair[1],
        a_name=name(pair[0]),
        b_name=name(pair[1]),
        relations_began=began,
        relations_began_basis=headline.basis_of(began[0], support) if began else None,
        status_now=intervals[-1],
        missions=tuple(f for f in heads if f.type != "relations.established"),
        ambassadors_now=tuple(ambassadors),
        counts=counts,
        documents=tuple(queries.pair_documents(conn, pair)),
        conflicts=conflicts,
        facts=count,
    )
