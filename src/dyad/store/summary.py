"""A pair's summary (``dyad show``, the dyad page's head): its facts, headline and status."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from dyad.model import Pair
from dyad.store import headline, queries
from dyad.store.views import DyadSummary


def dyad_summary(conn: sqlite3.Connection, pair: Pair, name: Callable[[str], str]) -> DyadSummary:
    """What the knowledge base says about ``pair``; run it inside one read snapshot."""
    facts, _, _, conflicts, _ = queries.dyad_row(conn, pair)
    # the establishments and the missions opened or closed, in one query
    heads = queries.facts_of_types(
        conn, pair, ["relations.established", "mission.opened", "mission.closed"]
    )
    began = headline.by_weight(f for f in heads if f.type == "relations.established")
    return DyadSummary(
        a=pair[0],
        b=pair[1],
        a_name=name(pair[0]),
        b_name=name(pair[1]),
        relations_began=began,
        relations_began_basis=headline.basis(began[0], began) if began else None,
        status_now=queries.status(conn, pair)[-1],
        missions=tuple(f for f in heads if f.type != "relations.established"),
        ambassadors_now=tuple(queries.ambassadors_now(conn, pair)),
        counts=queries.counts_by_type(conn, pair),
        documents=tuple(queries.pair_documents(conn, pair)),
        conflicts=conflicts,
        facts=facts,
    )
