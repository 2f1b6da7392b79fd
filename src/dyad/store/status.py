"""A pair's relation status over time, derived from its facts.

The status has three parts: relations (``none`` before any establishment, ``relations``,
``severed``, ``suspended``), and the mission of each state in the other (``unknown`` until a
fact says, then ``open`` or ``closed``). Facts that move it, when their modality is
``occurred``:

=========================================  ========================================
``relations.established``, ``.restored``   relations
``relations.severed`` / ``.suspended``     severed / suspended
``mission.opened`` / ``mission.closed``    the source's mission in the target opens / closes
=========================================  ========================================

Facts are applied in date order (lower bound; on the same day in the order of the table).

**A renewal says relations were broken, not when.** A restoration that finds relations running
(no severance or suspension known since the last opening) closes an interval whose relations
were running at its start and broken at some unknown time before its end: that interval's
relations are ``unknown``, not ``relations``. A restoration that is the pair's first relations
fact likewise makes the time before it ``unknown``: there were relations once, then none, and
no source says when. Only an establishment makes the time before it ``none``.
Every change closes the current interval and opens the next, and each interval cites the fact
ids that opened and closed it. A fact that changes nothing (a second, conflicting
establishment date) opens nothing, but marks its interval ``disputed``. An undated fact is used
only when no dated fact speaks to the same part (relations, or that mission): openings are
placed before every dated fact, closings after them, with an unknown (``None``) date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import groupby

from dyad.store.views import Interval, MissionState, RelationsState

STATUS_TYPES = (
    "relations.established",
    "relations.restored",
    "mission.opened",
    "relations.severed",
    "relations.suspended",
    "mission.closed",
)
_ORDER = {t: i for i, t in enumerate(STATUS_TYPES)}
_RELATIONS: dict[str, RelationsState] = {
    "relations.established": "relations",
    "relations.restored": "relations",
    "relations.severed": "severed",
    "relations.suspended": "suspended",
}
_OPENINGS = frozenset({"relations.established", "relations.restored", "mission.opened"})


@dataclass(frozen=True, slots=True)
class StatusFact:
    id: int
    type: str
    source: str | None
    target: str | None
    date: str | None
    date_lower: int | None
    conflict: int | None


def _part(fact: StatusFact, a: str, b: str) -> str | None:
    if fact.type.startswith("relations."):
        return "relations"
    if fact.source == a and fact.target == b:
        return "mission_a"
    if fact.source == b and fact.target == a:
        return "mission_b"
    return None  # a mission whose owner is not known


def _apply(interval: Interval, fact: StatusFact, part: str) -> Interval:
    if part == "relations":
        return replace(interval, relations=_RELATIONS[fact.type])
    state: MissionState = "open" if fact.type == "mission.opened" else "closed"
    if part == "mission_a":
        return replace(interval, mission_a=state)
    return replace(interval, mission_b=state)


def _same(x: Interval, y: Interval) -> bool:
    return (x.relations, x.mission_a, x.mission_b) == (y.relations, y.mission_a, y.mission_b)


RESTORED = "relations.restored"


def _unknown_since_opening(intervals: list[Interval], current: Interval) -> None:
    """Mark the intervals of running relations back to the one relations opened (in place):
    a renewal says they were broken somewhere in that run."""
    if current.relations != "relations":
        return
    k = len(intervals) - 1
    while k >= 0 and intervals[k].relations == "relations":
        intervals[k] = replace(intervals[k], relations="unknown")
        k -= 1


def status_intervals(a: str, b: str, facts: Iterable[StatusFact]) -> list[Interval]:
    """The status intervals of pair ``a < b`` from its occurred status facts (any order)."""
    current = Interval(a, b, None, None, "none", "unknown", "unknown")
    intervals: list[Interval] = []
    seen_relations = False
    for date, group in _steps(a, b, facts):
        step, seen_relations = _take_step(current, group, seen_relations)
        current = step.before
        if step.renewed:
            _unknown_since_opening(intervals, current)
            current = replace(current, relations="unknown")
        if not step.movers:
            if step.disputed:
                current = replace(current, disputed=True)
            continue
        intervals.append(replace(current, end=date, closed_by=tuple(step.movers)))
        current = Interval(
            a,
            b,
            date,
            None,
            step.after.relations,
            step.after.mission_a,
            step.after.mission_b,
            opened_by=tuple(step.movers),
            disputed=step.disputed,
        )
    intervals.append(current)
    return intervals


Part = tuple[StatusFact, str]


def _steps(a: str, b: str, facts: Iterable[StatusFact]) -> list[tuple[str | None, list[Part]]]:
    """The facts grouped into steps, in order: undated openings, each day, undated closings.

    An undated fact is kept only when no dated fact speaks to the same part.
    """
    usable = [(f, p) for f in facts if f.type in _ORDER and (p := _part(f, a, b)) is not None]
    dated_parts = {p for f, p in usable if f.date_lower is not None}
    undated = [(f, p) for f, p in usable if f.date_lower is None and p not in dated_parts]
    dated = [(f, p) for f, p in usable if f.date_lower is not None]

    steps: list[tuple[str | None, list[Part]]] = []
    early = [x for x in undated if x[0].type in _OPENINGS]
    late = [x for x in undated if x[0].type not in _OPENINGS]
    if early:
        steps.append((None, sorted(early, key=lambda x: (_ORDER[x[0].type], x[0].id))))
    dated.sort(key=lambda x: (x[0].date_lower or 0, _ORDER[x[0].type], x[0].id))
    for _, same_day in groupby(dated, key=lambda x: x[0].date_lower):
        group = list(same_day)
        steps.append((group[0][0].date, group))
    if late:
        steps.append((None, sorted(late, key=lambda x: (_ORDER[x[0].type], x[0].id))))
    return steps


@dataclass
class _Step:
    """What one step's facts did: ``before`` is the current interval (its relations made
    ``unknown`` when a first restoration shows they were once broken), ``after`` the status
    they lead to, ``movers`` the facts that changed it."""

    before: Interval
    after: Interval
    movers: list[int] = field(default_factory=list)
    disputed: bool = False
    renewed: bool = False


def _take_step(current: Interval, group: list[Part], seen_relations: bool) -> tuple[_Step, bool]:
    """Apply one step's facts to ``current``; also return whether relations were seen yet."""
    step = _Step(current, current)
    for fact, part in group:
        after = _apply(step.after, fact, part)
        if not _same(after, step.after):
            step.movers.append(fact.id)
            if part == "relations" and not seen_relations and fact.type == RESTORED:
                step.before = replace(step.before, relations="unknown")
            seen_relations |= part == "relations"
            step.after = after
        elif fact.type == RESTORED and step.after.relations == "relations" and not step.renewed:
            step.movers.append(fact.id)  # relations were broken since the last opening
            step.renewed = True
        step.disputed |= fact.conflict is not None
    return step, seen_relations
