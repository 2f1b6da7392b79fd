"""The dyad page's timeline as SVG geometry, computed on the server from the page's data.

Time runs left to right by year. Each family of events has a lane (``palette.py`` colours);
facts that overlap in a lane stack in rows. A date is drawn as what it denotes: a day or a
month is a point, a year or an interval (``1960/1985~``, ``196X``, ``2017/..``) a bar across
its span. An approximate, uncertain or unspecified end fades out; an open end runs on to the
present as a dashed line with an arrow; an unknown start begins faded at the left edge.
Facts that are not known to have happened (planned, cancelled) are hollow; facts in conflict
carry a red ring. Below, each side's ambassadors are bars, and a band on top shows the status
of relations. The template (``templates/_timeline.html``) draws what :func:`layout` returns;
every mark is a link to its row in the event table, with a ``<title>`` for hover and readers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from dyad.store.dates import OPEN_LOWER, OPEN_UPPER, bounds
from dyad.web.palette import (
    FAMILY_COLOURS,
    FAMILY_LABELS,
    STATUS_COLOURS,
    colour,
    family,
    family_order,
)

Quality = Literal["exact", "fuzzy", "open"]

WIDTH = 1000
LEFT = 150  # lane labels
RIGHT = 24
ROW = 16  # one row of marks in a lane
LANE_GAP = 8
POINT_R = 5
MIN_SPAN_PX = 7  # narrower than this, a date is drawn as a point
FADE_PX = 18
TOP = 30  # the status band
AXIS = 28
FUZZY = "~?%Xx"


@dataclass(frozen=True, slots=True)
class Lane:
    label: str
    sublabel: str
    y: float
    height: float
    shaded: bool
    sublabel_below: bool = False  # a word under the label, not a count beside it


@dataclass(slots=True)
class Mark:
    """One fact: a point (``cx``) or a bar (``x1``..``x2``), optionally faded or open."""

    id: int
    href: str
    title: str
    family: str
    colour: str
    y: float
    point: bool
    cx: float = 0.0
    x1: float = 0.0
    x2: float = 0.0
    core1: float = 0.0  # the bar's solid part; fuzzy ends fade outside it
    core2: float = 0.0
    fade_start: bool = False
    fade_end: bool = False
    open_start: bool = False
    open_end: bool = False
    hollow: bool = False
    conflict: bool = False


@dataclass(slots=True)
class Bar:
    """A term of office."""

    href: str
    title: str
    label: str
    x1: float
    x2: float
    y: float
    colour: str
    open_end: bool
    fuzzy_start: bool


@dataclass(frozen=True, slots=True)
class Band:
    x1: float
    x2: float
    colour: str
    title: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Layout:
    width: int
    height: float
    plot_left: float
    plot_right: float
    axis_y: float
    now_x: float
    first_year: int
    last_year: int
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    bars: tuple[Bar, ...]
    bands: tuple[Band, ...]
    ticks: tuple[Tick, ...]
    gradients: tuple[tuple[str, str], ...]  # (family, colour) used by fading ends
    undated: int
    legend: tuple[tuple[str, str, str], ...] = field(default=())  # (family, label, colour)


def _year(day: int, *, end: bool) -> float:
    """A ``YYYYMMDD`` bound as a fractional year (the end of the day for an upper bound)."""
    sign = -1 if day < 0 else 1
    day = abs(day)
    year, month, dom = sign * (day // 10000), day // 100 % 100, day % 100
    return year + (month - 1) / 12 + (dom - (0 if end else 1)) / 372


def end_qualities(date: str) -> tuple[Quality, Quality]:
    """How exact each end of an EDTF date is: ``1960/1985~`` -> (exact, fuzzy)."""
    parts = date.strip().split("/")
    if len(parts) == 1:
        quality: Quality = "fuzzy" if any(c in parts[0] for c in FUZZY) else "exact"
        return quality, quality

    def one(part: str) -> Quality:
        if part in ("", ".."):
            return "open"
        return "fuzzy" if any(c in part for c in FUZZY) else "exact"

    return one(parts[0]), one(parts[-1])


def span_of(date: str | None) -> tuple[float, float, Quality, Quality] | None:
    """The fractional years a date covers and the quality of each end (None: undated)."""
    if not date:
        return None
    found = bounds(date)
    if found is None:
        return None
    start_q, end_q = end_qualities(date)
    start = None if found.lower == OPEN_LOWER else _year(found.lower, end=False)
    end = None if found.upper == OPEN_UPPER else _year(found.upper, end=True)
    if start is None:
        start_q = "open"
    if end is None:
        end_q = "open"
    if start is None and end is None:
        return None
    return (
        start if start is not None else math.nan,
        end if end is not None else math.nan,
        start_q,
        end_q,
    )


def _axis(years: Sequence[float], now_year: float) -> tuple[int, int, int]:
    """The axis' first and last years and its step between ticks, in whole years."""
    low, high = min(years), max(max(years), now_year)
    step = _step(high - low)
    return math.floor(low / step) * step, math.ceil((high + 0.01) / step) * step, step


def _step(span: float) -> int:
    for limit, step in ((12, 1), (30, 5), (90, 10), (250, 25), (600, 50)):
        if span <= limit:
            return step
    return 100


Span = tuple[float, float, Quality, Quality]
Scale = Callable[[float], float]


def layout(
    marks: Sequence[Mapping[str, Any]],
    terms: Sequence[Mapping[str, Any]],
    status: Sequence[Mapping[str, Any]],
    pair: tuple[str, str],
    *,
    now_year: float,
) -> Layout | None:
    """Geometry for the facts ``marks`` (dicts with ``id``, ``type``, ``date``, ``title``,
    ``href``, ``modality``, ``conflict``), the ``terms`` (``person``, ``sending``, ``start``,
    ``end``, ``href``) and the status ``intervals``; ``None`` when nothing is dated."""
    spans = [(m, span_of(m.get("date"))) for m in marks]
    dated = [(m, s) for m, s in spans if s is not None]
    term_spans = [(t, span_of(t.get("start")), span_of(t.get("end"))) for t in terms]
    years = _years([s for _, s in dated], [x for _, s, e in term_spans for x in (s, e)])
    if not years:
        return None
    first, last, step = _axis(years, now_year)
    plot_right = WIDTH - RIGHT

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * (plot_right - LEFT)

    now_x = x(now_year)
    by_family: dict[str, list[tuple[Mapping[str, Any], Span]]] = {}
    for m, s in dated:
        by_family.setdefault(family(str(m["type"])), []).append((m, s))
    families = sorted(by_family, key=family_order)
    lanes: list[Lane] = []
    out: list[Mark] = []
    y = float(TOP)
    for shaded, name in enumerate(families):
        y = _fact_lane(name, by_family[name], x, first, now_x, y, shaded % 2 == 0, lanes, out)
    used_fades = {m.family for m in out if m.fade_start or m.fade_end}
    bars: list[Bar] = []
    a, b = pair
    for side in ((a, b, "#455a64"), (b, a, "#7b5e7b")):
        y = _term_lane(side, term_spans, x, now_year, y, lanes, bars)
    ticks = tuple(Tick(x(v), str(v)) for v in range(first, last + 1, step))
    return Layout(
        width=WIDTH,
        height=y + AXIS,
        plot_left=LEFT,
        plot_right=plot_right,
        axis_y=y + 4,
        now_x=now_x,
        first_year=first,
        last_year=last,
        lanes=tuple(lanes),
        marks=tuple(out),
        bars=tuple(bars),
        bands=_bands(status, x, first, now_x),
        ticks=ticks,
        gradients=tuple((f, FAMILY_COLOURS.get(f, "#757575")) for f in sorted(used_fades)),
        undated=len(spans) - len(dated),
        legend=tuple(
            (f, FAMILY_LABELS.get(f, f), FAMILY_COLOURS.get(f, "#757575")) for f in families
        ),
    )


def _fact_lane(
    name: str,
    facts: list[tuple[Mapping[str, Any], Span]],
    x: Scale,
    first: float,
    now_x: float,
    y: float,
    shaded: bool,
    lanes: list[Lane],
    out: list[Mark],
) -> float:
    """One family's lane at ``y``: its facts stacked in rows, added to ``lanes`` and
    ``out``; returns the next lane's ``y``."""
    rows: list[float] = []  # the right edge of each row
    free: list[tuple[float, int]] = []  # (right edge, row): a heap, the leftmost first
    placed: list[tuple[int, Mark]] = []
    items = sorted(facts, key=lambda ms: _left(ms[1], first))
    for m, span in items:
        mark = _mark(m, name, span, x, now_x)
        left, right = (mark.cx - POINT_R, mark.cx + POINT_R) if mark.point else (mark.x1, mark.x2)
        placed.append((_row(rows, free, left, right, gap=3), mark))
    height = len(rows) * ROW + 6
    lanes.append(Lane(FAMILY_LABELS.get(name, name), str(len(items)), y, height, shaded))
    for row, mark in placed:
        mark.y = y + 3 + row * ROW + ROW / 2  # the lane's height is known only now
        out.append(mark)
    return y + height + 2


def _mark(m: Mapping[str, Any], name: str, span: Span, x: Scale, now_x: float) -> Mark:
    """A fact's mark, placed on the time axis (its ``y`` is set by its lane)."""
    start, end, start_q, end_q = span
    x1 = LEFT if math.isnan(start) else x(start)
    x2 = now_x if math.isnan(end) else x(end)
    point = x2 - x1 < MIN_SPAN_PX and start_q != "open" and end_q != "open"
    fade = min(FADE_PX, (x2 - x1) * 0.3)
    fade_start = not point and start_q != "exact"
    fade_end = not point and end_q == "fuzzy"
    return Mark(
        id=int(m["id"]),
        href=str(m["href"]),
        title=str(m["title"]),
        family=name,
        colour=colour(str(m["type"])),
        y=0.0,
        point=point,
        cx=(x1 + x2) / 2,
        x1=x1,
        x2=x2,
        core1=x1 + fade if fade_start else x1,
        core2=x2 - fade if fade_end else x2,
        fade_start=fade_start,
        fade_end=fade_end,
        open_start=start_q == "open",
        open_end=end_q == "open",
        hollow=m.get("modality", "occurred") != "occurred",
        conflict=m.get("conflict") is not None,
    )


TermSpan = tuple[Mapping[str, Any], Span | None, Span | None]


def _years(spans: Sequence[Span], term_spans: Sequence[Span | None]) -> list[float]:
    """Every known year of the facts' and the terms' spans."""
    years = [v for s in spans for v in s[:2] if not math.isnan(v)]
    years += [v for s in term_spans if s for v in s[:2] if not math.isnan(v)]
    return years


def _term_lane(
    side: tuple[str, str, str],
    term_spans: Sequence[TermSpan],
    x: Scale,
    now_year: float,
    y: float,
    lanes: list[Lane],
    bars: list[Bar],
) -> float:
    """The lane of one side's (code, other code, colour) ambassadors after ``y``, added to
    ``lanes`` and ``bars``; returns the next lane's ``y`` (``y`` itself when the side sent
    no ambassador)."""
    code, other, _ = side
    mine = [(t, s, e) for t, s, e in term_spans if t.get("sending") == code]
    if not mine:
        return y
    y += LANE_GAP
    rows: list[float] = []  # as in _fact_lane
    free: list[tuple[float, int]] = []
    placed: list[tuple[int, Bar]] = []
    starts = sorted(s[0] for _, s, _ in mine if s and not math.isnan(s[0]))
    for term, begun, ended in sorted(mine, key=lambda t: t[1][0] if t[1] else math.inf):
        if begun is None and ended is None:
            continue
        bar = _bar(side, term, begun, ended, starts, x, now_year)
        placed.append((_row(rows, free, bar.x1, bar.x2, gap=2), bar))
    height = max(2, len(rows)) * ROW + 6
    lanes.append(Lane(f"{code} → {other}", "ambassadors", y, height, False, True))
    for row, bar in placed:
        bar.y = y + 3 + row * ROW + 2
        bars.append(bar)
    return y + height + 2


def _bar(
    side: tuple[str, str, str],
    term: Mapping[str, Any],
    begun: Span | None,
    ended: Span | None,
    starts: list[float],
    x: Scale,
    now_year: float,
) -> Bar:
    """A term of office's bar (its ``y`` is set by its lane)."""
    code, other, side_colour = side
    s0 = begun[0] if begun and not math.isnan(begun[0]) else None
    if ended is not None and not math.isnan(ended[1]):
        e1, open_end = ended[1], False
    else:  # no end: until the next ambassador's arrival, or still serving
        later = [v for v in starts if s0 is not None and v > s0]
        e1, open_end = (later[0], False) if later else (now_year, True)
    if s0 is None:
        s0 = e1 - 1
    x1, x2 = x(s0), max(x(e1), x(s0) + 4)
    person = str(term.get("person", ""))
    dates = f"{term.get('start') or '?'}–{term.get('end') or ''}"
    return Bar(
        href=str(term.get("href", "#")),
        title=f"{person}, ambassador of {code} to {other} ({dates})",
        label=person if len(person) * 5.6 < x2 - x1 - 6 else "",
        x1=x1,
        x2=x2,
        y=0.0,
        colour=side_colour,
        open_end=open_end,
        fuzzy_start=begun is None or begun[2] != "exact",
    )


def _row(
    rows: list[float], free: list[tuple[float, int]], left: float, right: float, *, gap: float
) -> int:
    """The row for an item from ``left`` to ``right`` (items come by their left edge): the
    row that ended first if it ended before ``left``, else a new row. Interval partitioning:
    as few rows as overlaps require, in O(log rows)."""
    if free and free[0][0] + gap <= left:
        _, row = heapq.heappop(free)
    else:
        row = len(rows)
        rows.append(right)
    rows[row] = right
    heapq.heappush(free, (right, row))
    return row


def _left(span: tuple[float, float, Quality, Quality], first: float) -> float:
    return first if math.isnan(span[0]) else span[0]


def _bands(
    status: Sequence[Mapping[str, Any]], x: Any, first: int, now_x: float
) -> tuple[Band, ...]:
    bands: list[Band] = []
    for interval in status:
        start, end = span_of(interval.get("start")), span_of(interval.get("end"))
        x1 = x(start[0]) if start and not math.isnan(start[0]) else x(first)
        x2 = x(end[0]) if end and not math.isnan(end[0]) else now_x
        if x2 <= x1:
            continue
        since = interval.get("start") or "the first record"
        until = interval.get("end") or "now"
        bands.append(
            Band(
                x1,
                x2,
                STATUS_COLOURS.get(str(interval.get("relations")), "#e0e0e0"),
                f"{interval.get('label', interval.get('relations'))}: {since} to {until}",
            )
        )
    return tuple(bands)
