"""Filters shared by ``dyad export``, ``dyad panel`` and the web downloads: event types or
families, a span of years, states, one pair. Pure functions over :class:`PairRecords`.

* ``types``: facts of these types (a family name stands for all its types). In a panel or a
  frame the status facts (establishments, severances, missions) are always kept, so that
  relations and missions stay right; only the counts follow the filter.
* ``first``/``last``: facts whose date may fall in these years (undated facts are left out
  when a span is given); terms of office that overlap them.
* ``states``: pairs with at least one of these states.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from dyad.store.dates import OPEN_LOWER, OPEN_UPPER
from dyad.store.exports import FactRow, PairRecords, TenureRow
from dyad.store.status import STATUS_TYPES
from dyad.vocabulary import EVENT_TYPES, FAMILIES


@dataclass(frozen=True, slots=True)
class Filters:
    types: frozenset[str] | None = None
    first: int | None = None
    last: int | None = None
    states: frozenset[str] | None = None

    @property
    def empty(self) -> bool:
        return self.types is None and self.first is None and self.last is None and not self.states


def event_types(names: Iterable[str]) -> frozenset[str] | None:
    """Types and families as the set of types they stand for (``None`` for none given)."""
    wanted = [n.strip() for n in names if n and n.strip()]
    if not wanted:
        return None
    found: set[str] = set()
    for name in wanted:
        if name in EVENT_TYPES:
            found.add(name)
        elif name in FAMILIES:
            found.update(t for t in EVENT_TYPES if t.startswith(name + "."))
            found.update(t for t in EVENT_TYPES if t == name)
        else:
            raise ValueError(
                f"unknown event type or family {name!r}: choose among {', '.join(FAMILIES)}"
                " or their types (docs/spec/vocabulary.md)"
            )
    return frozenset(found)


def _overlaps(lower: int | None, upper: int | None, filters: Filters) -> bool:
    if filters.first is None and filters.last is None:
        return True
    if lower is None and upper is None:
        return False
    low = OPEN_LOWER if lower is None else lower
    high = OPEN_UPPER if upper is None else upper
    if filters.first is not None and high != OPEN_UPPER and high // 10000 < filters.first:
        return False
    return not (filters.last is not None and low != OPEN_LOWER and low // 10000 > filters.last)


def keep_fact(fact: FactRow, filters: Filters, *, status: bool = False) -> bool:
    """Whether a fact passes (``status``: keep status facts whatever the types)."""
    if status and fact.type in STATUS_TYPES:
        return True  # the status is read from all its facts
    if filters.types is not None and fact.type not in filters.types:
        return False
    return _overlaps(fact.date_lower, fact.date_upper, filters)


def keep_tenure(tenure: TenureRow, filters: Filters) -> bool:
    return _overlaps(tenure.start_lower, tenure.end_upper, filters)


def keep_pair(records: PairRecords, filters: Filters) -> bool:
    return not filters.states or bool({records.a, records.b} & filters.states)


def filtered(
    pairs: Iterable[PairRecords], filters: Filters, *, status: bool = False
) -> Iterator[PairRecords]:
    """The pairs that pass, each with only the facts and terms that pass."""
    for records in pairs:
        if not keep_pair(records, filters):
            continue
        if filters.empty:
            yield records
            continue
        yield replace(
            records,
            facts=tuple(f for f in records.facts if keep_fact(f, filters, status=status)),
            tenures=tuple(t for t in records.tenures if keep_tenure(t, filters)),
        )
