"""One data function per page: each takes the store and the page's parameters and returns a
plain JSON-ready dict. ``pages.py`` serves it twice: rendered by the page's template at
``/path`` and as it is at ``/path.json``. The reader's (``doc``) is in ``docpage.py``.

Parameters are declared here, with their bounds, so that FastAPI validates them (a ``limit``
above :data:`MAX_LIMIT` is a 422) and the OpenAPI schema describes them. A function raises
:class:`~dyad.web.errors.NotFound` (404 with suggestions), :class:`~dyad.web.errors.Redirect`
(to the canonical address) or :class:`~dyad.web.errors.BadParameter` (422).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import StringConstraints

from dyad.records import Record
from dyad.store import DyadSummary, Interval, Store
from dyad.store.dates import query_bound
from dyad.vocabulary import EVENT_TYPES, FAMILIES
from dyad.web import shapes
from dyad.web.docpage import doc as doc  # the reader's page, served with the others
from dyad.web.errors import BadParameter, NotFound, Redirect
from dyad.web.palette import FAMILY_LABELS, family, family_order, type_label

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MARKS = 1000  # facts drawn on a dyad's timeline at most

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (1..{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Country = Annotated[
    str,
    Path(
        min_length=1,
        max_length=80,
        description="A state: ISO code (MNG) or any name.",
        examples=["MNG", "north korea"],
    ),
]


def pair_of(store: Store, a: str, b: str) -> tuple[str, str]:
    """Two country arguments as the sorted pair of codes; the same state twice is a 404."""
    try:
        return store.pair(a, b)
    except ValueError as exc:  # the store names the state: "give two states"
        raise NotFound(str(exc), [("All pairs", "/dyads")]) from None


def _pagination(limit: int, offset: int, rows: int, more: bool) -> Record:
    # the addresses of the next and previous pages are filled in by pages.py, which knows
    # the address and the rendering asked for
    return {
        "limit": limit,
        "offset": offset,
        "count": rows,
        "more": more,
        "next": None,
        "previous": None,
    }


def _page(rows: list[Any], limit: int) -> tuple[list[Any], bool]:
    return rows[:limit], len(rows) > limit


# ------------------------------------------------------------------------- home and lists


def home(store: Store) -> Record:
    """The home page: the pairs with the most facts, recent articles, the network of pairs."""
    top = store.dyads(limit=120)
    return {
        "title": "Dyad",
        "dyads": [shapes.dyad_count(d) for d in top[:12]],
        "documents": [shapes.document(d) for d in store.documents(limit=8)],
        "network": [
            {"a": d.a, "b": d.b, "a_name": d.a_name, "b_name": d.b_name, "facts": d.facts}
            for d in top
            if d.facts > 0
        ],
    }


def dyads(store: Store, limit: Limit = 100, offset: Offset = 0) -> Record:
    """Every pair with anything stored, the most facts first."""
    rows, more = _page(store.dyads(limit=limit + 1, offset=offset), limit)
    return {
        "title": "Pairs of states",
        "dyads": [shapes.dyad_count(d) for d in rows],
        "pagination": _pagination(limit, offset, len(rows), more),
    }


def documents(store: Store, limit: Limit = 50, offset: Offset = 0) -> Record:
    """The stored articles, the most recently ingested first."""
    rows, more = _page(store.documents(limit=limit + 1, offset=offset), limit)
    return {
        "title": "Articles",
        "documents": [shapes.document(d) for d in rows],
        "pagination": _pagination(limit, offset, len(rows), more),
    }


def conflicts(store: Store, limit: Limit = 50, offset: Offset = 0) -> Record:
    """Facts whose sources disagree, each with every value and where it was read."""
    rows, more = _page(store.conflicts(limit=limit + 1, offset=offset), limit)
    return {
        "title": "Conflicts",
        "conflicts": [shapes.conflict(c) for c in rows],
        "pagination": _pagination(limit, offset, len(rows), more),
    }


def state(store: Store, code: Country, limit: Limit = 100, offset: Offset = 0) -> Record:
    """One state: the pairs it is part of, the most facts first."""
    canonical = store.resolve(code)
    if canonical != code:
        raise Redirect(shapes.state_href(canonical))
    rows, more = _page(store.state_dyads(canonical, limit=limit + 1, offset=offset), limit)
    known = store.gazetteer.get(canonical)
    return {
        "title": store.name(canonical),
        "code": canonical,
        "name": store.name(canonical),
        "official_name": known.official_name if known else None,
        "kind": str(known.kind) if known else None,
        "dyads": [shapes.dyad_count(d) for d in rows],
        "pagination": _pagination(limit, offset, len(rows), more),
    }


# ------------------------------------------------------------------------- the dyad page


def _types(wanted: list[str] | None) -> list[str] | None:
    """Event types and families (``visit``, ``agreement``) as the types they stand for."""
    wanted = [name for name in wanted or [] if name]  # a form may send type= empty
    if not wanted:
        return None
    out: list[str] = []
    for name in wanted:
        if name in EVENT_TYPES:
            out.append(name)
        elif name in FAMILIES:
            out.extend(t for t in EVENT_TYPES if family(t) == name)
        else:
            raise BadParameter(
                "type",
                f"unknown event type or family {name!r}; known families:"
                f" {', '.join(FAMILIES)} (types: docs/spec/vocabulary.md)",
            )
    return list(dict.fromkeys(out))


#: A year, month or day as the schema declares them: what a person types into the form.
DAY_PATTERN = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
#: An event type or family, or nothing (a form sends ``type=`` empty).
TYPE_PATTERN = "^(" + "|".join(re.escape(n) for n in (*FAMILIES, *EVENT_TYPES)) + ")?$"
#: What a parameter whose pattern a value missed takes, in words (for the 422's message).
PATTERN_HINTS = {
    "type": f"an event type or family; known families: {', '.join(FAMILIES)}"
    " (types: docs/spec/vocabulary.md)",
    "from": "a year, month or day: 1948, 1948-10 or 1948-10-15",
    "to": "a year, month or day: 1948, 1948-10 or 1948-10-15",
    "hl": "a span start-end: hl=260-331",
}


EventTypes = Annotated[
    list[Annotated[str, StringConstraints(pattern=TYPE_PATTERN)]] | None,
    Query(
        max_length=40,
        description="Event types or families to keep (repeat: type=visit&type=agreement).",
    ),
]
FromDay = Annotated[
    str | None,
    Query(
        alias="from",
        pattern=DAY_PATTERN,
        description="Facts from this year, month or day on (1948, 1948-10, 1948-10-15).",
    ),
]
ToDay = Annotated[
    str | None,
    Query(
        pattern=DAY_PATTERN,
        description="Facts up to this year, month or day (1948, 1948-10, 1948-10-15).",
    ),
]


def _bound(value: str | None) -> str | None:
    """A ``from``/``to`` of the declared shape as a date the store reads.

    A day the calendar does not have (1948-02-31) matches the pattern: it stands for its
    month, as a person who typed it would mean, rather than a refusal of a valid request.
    """
    if not value:
        return None
    for candidate in (value, value[:7], value[:4]):
        try:
            query_bound(candidate, upper=False)
        except ValueError:
            continue
        return candidate
    raise BadParameter("from", f"{value!r} is not a date")  # the pattern excludes this


def _own_first(fact: Record, own: set[str]) -> Record:
    fact["sources"].sort(key=lambda s: (s["document"] not in own, -s["confidence"]))
    return fact


def dyad(
    store: Store,
    a: Country,
    b: Country,
    type: EventTypes = None,
    from_: FromDay = None,
    to: ToDay = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Record:
    """A pair of states: headline facts, status over time, the events with their evidence,
    the terms of office of each side's ambassadors and the conflicts between sources."""
    pair = pair_of(store, a, b)
    if (a, b) != pair:
        raise Redirect(shapes.dyad_href(*pair))
    type = [name for name in type or [] if name]
    types = _types(type)
    from_ = _bound(from_)
    to = _bound(to)
    page = store.dyad_page(
        *pair, from_=from_, to=to, types=types, marks=MARKS, limit=limit, offset=offset
    )
    summary, intervals, filtered = page.summary, page.status, page.marks
    marks_truncated = len(filtered) > MARKS
    rows, more = _page(list(page.events), limit)
    own = _own(summary, pair)
    now = {(t.person, t.sending, t.start) for t in summary.ambassadors_now}
    present = {family(t) for t in summary.counts}
    return {
        "title": f"{summary.a_name} – {summary.b_name}",
        "a": {"code": pair[0], "name": summary.a_name, "href": shapes.state_href(pair[0])},
        "b": {"code": pair[1], "name": summary.b_name, "href": shapes.state_href(pair[1])},
        "summary": _summary(summary, intervals, own),
        "status": [shapes.interval(i) for i in intervals],
        # the rank of each side's mission over time, from the Office of the Historian's chiefs
        "mission_ranks": [asdict(r) for r in page.mission_ranks],
        "filters": {
            "type": type or [],
            "from": from_,
            "to": to,
            "families": [
                {"family": f, "label": FAMILY_LABELS.get(f, f)} for f in FAMILIES if f in present
            ],
        },
        "marks": [shapes.mark(f) for f in filtered[:MARKS]],
        "marks_truncated": marks_truncated,
        "events": [_own_first(shapes.fact(f), own) for f in rows],
        "pagination": _pagination(limit, offset, len(rows), more),
        "terms": [
            shapes.term(t, current=(t.person, t.sending, t.start) in now) for t in page.terms
        ],
        "conflicts": [shapes.conflict(c) for c in page.conflicts],
    }


def _own(summary: DyadSummary, pair: tuple[str, str]) -> set[str]:
    """The pair's own articles: listed first among a fact's sources, as their sentence reads
    better than a table row elsewhere."""
    return {d.id for d in summary.documents if d.dyad and set(d.dyad) == set(pair)}


def _summary(summary: DyadSummary, intervals: Sequence[Interval], own: set[str]) -> Record:
    """The head of a dyad page: counts, when relations began, the status since when, the
    missions, the ambassadors now, the facts by type and the articles."""
    since = len(intervals) - 1  # the first interval of the current run of the same relations
    while since > 0 and intervals[since - 1].relations == intervals[-1].relations:
        since -= 1
    return {
        "facts": summary.facts,
        "conflicts": summary.conflicts,
        "relations_began": [_own_first(shapes.fact(f), own) for f in summary.relations_began],
        "relations_began_basis": summary.relations_began_basis,
        "status_now": shapes.interval(summary.status_now),
        "status_since": intervals[since].start,
        "missions": [shapes.fact(f) for f in summary.missions],
        "ambassadors_now": [shapes.term(t, current=True) for t in summary.ambassadors_now],
        "counts": [
            {"type": t, "label": type_label(t), "family": family(t), "count": n}
            for t, n in sorted(
                summary.counts.items(), key=lambda i: (family_order(family(i[0])), i[0])
            )
        ],
        "documents": [shapes.document(d) for d in summary.documents],
    }


# ------------------------------------------------------------------------- entities, search


def entity(
    store: Store,
    name: Annotated[str, Path(min_length=1, max_length=300, description="A name or alias.")],
    limit: Limit = 200,
) -> Record:
    """What the store knows under a name: what it is, its gloss and state, the events and
    terms that name it."""
    view = store.entity(name, limit=limit)
    if not view.entities and not view.facts and not view.terms:
        raise NotFound(
            f"nothing is stored under the name {name!r}",
            [("Search for it", f"/search?q={shapes.seg(name)}")],
        )
    entities = []
    for record in view.entities:
        entities.append(
            {
                "name": record.name,
                "type": record.type,
                "state": record.state,
                "state_name": store.name(record.state) if record.state else None,
                "state_href": shapes.state_href(record.state) if record.state else None,
                "aliases": list(record.aliases),
                "gloss": record.gloss,
                "born": record.born,
                "died": record.died,
                "offices": list(record.offices),
                "target": record.target,
                "documents": [{"id": d, "href": shapes.doc_href(d)} for d in record.documents],
            }
        )
    return {
        "title": view.entities[0].name if view.entities else name,
        "query": name,
        "entities": entities,
        "events": [shapes.fact(f) for f in view.facts],
        "terms": [shapes.term(t) for t in view.terms],
    }


def search(
    store: Store,
    q: Annotated[
        str, Query(max_length=200, description="States, people or words of the text.")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=100, description="Text hits at most (1..100).")] = 20,
) -> Record:
    """Search: states by name or code, people and things by name, sentences, events and
    link previews by their words."""
    q = q.strip()
    out: Record = {"title": f"Search: {q}" if q else "Search", "q": q}
    if not q:
        return {**out, "states": [], "entities": [], "hits": []}
    gazetteer = store.gazetteer
    found = gazetteer.resolve(q)
    states = [found] if found else gazetteer.suggest(q, n=5)
    view = store.entity(q, limit=20)
    return {
        **out,
        "states": [
            {"code": s.code, "name": s.short_name, "href": shapes.state_href(s.code)}
            for s in states[:6]
        ],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "state": e.state,
                "gloss": e.gloss,
                "href": shapes.entity_href(e.name),
            }
            for e in view.entities
        ],
        "hits": [shapes.hit(h) for h in store.search(q, limit=limit)],
    }
