"""A pair's facts read once, and what the separate queries of :mod:`dyad.store.queries` give
taken from them in Python, under the same conditions (the dyad page, ``dyadpage.py``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dyad.model import Pair
from dyad.store.status import STATUS_TYPES, StatusFact, status_intervals
from dyad.store.views import Fact, Interval


def family_of(event_type: str) -> str:
    """An event type's family as :func:`timeline`'s SQL takes it: the part before the first
    dot, nothing when there is none."""
    dot = event_type.find(".")
    return event_type[:dot] if dot >= 0 else ""


def select_timeline(
    facts: Sequence[Fact],
    *,
    lower: int | None,
    upper: int | None,
    types: Sequence[str] | None,
    limit: int,
    offset: int,
) -> list[Fact]:
    """What :func:`timeline` reads, taken from all of a pair's facts (in their order) instead
    of the database: the same conditions, in Python."""
    wanted = set(types) if types else None
    found = [
        f
        for f in facts
        if (wanted is None or f.type in wanted or family_of(f.type) in wanted)
        and (lower is None or (f.date_upper is not None and f.date_upper >= lower))
        and (upper is None or (f.date_lower is not None and f.date_lower <= upper))
    ]
    return found[offset : offset + limit]


def occurred_of_types(facts: Iterable[Fact], types: Iterable[str]) -> list[Fact]:
    """:func:`facts_of_types` taken from all of a pair's facts (in their order)."""
    wanted = frozenset(types)
    return [f for f in facts if f.type in wanted and f.modality == "occurred"]


def status_of(pair: Pair, facts: Iterable[Fact]) -> list[Interval]:
    """:func:`status` computed from all of a pair's facts (any order) instead of a query."""
    return status_intervals(
        pair[0],
        pair[1],
        (
            StatusFact(f.id, f.type, f.source, f.target, f.date, f.date_lower, f.conflict)
            for f in facts
            if f.type in _STATUS and f.modality == "occurred"
        ),
    )


_STATUS = frozenset(STATUS_TYPES)


def counts_of(facts: Iterable[Fact]) -> dict[str, int]:
    """:func:`counts_by_type` counted from all of a pair's facts: the occurred ones by type,
    in the order of the types (SQLite's binary order of UTF-8 is the code points')."""
    counts: dict[str, int] = {}
    for f in facts:
        if f.modality == "occurred":
            counts[f.type] = counts.get(f.type, 0) + 1
    return dict(sorted(counts.items()))
