"""The timeline's geometry: dates drawn as what they denote, ambassadors as bars."""

from __future__ import annotations

from typing import Any

import pytest

from dyad.web.timeline import LEFT, Layout, end_qualities, layout, span_of


def _fact(id: int, type: str, date: str | None, **extra: Any) -> dict[str, Any]:
    return {"id": id, "type": type, "date": date, "href": f"#f-{id}", "title": type, **extra}


def _draw(*facts: dict[str, Any], terms: Any = (), status: Any = ()) -> Layout:
    found = layout(list(facts), list(terms), list(status), ("MNG", "PRK"), now_year=2025.5)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("date", "qualities"),
    [
        ("1948-10-15", ("exact", "exact")),
        ("1953?", ("fuzzy", "fuzzy")),
        ("196X", ("fuzzy", "fuzzy")),
        ("1960/1985~", ("exact", "fuzzy")),
        ("1985~/1990", ("fuzzy", "exact")),
        ("2017/..", ("exact", "open")),
        ("../1991", ("open", "exact")),
        ("1985/", ("exact", "open")),
    ],
)
def test_web_timeline_end_qualities(date: str, qualities: tuple[str, str]) -> None:
    assert end_qualities(date) == qualities


def test_web_timeline_spans() -> None:
    start, end, *_ = span_of("196X") or ()
    assert (start, round(end)) == (1960.0, 1970)
    assert span_of(None) is None and span_of("sometime") is None
    open_end = span_of("2017/..")
    assert open_end is not None and open_end[3] == "open"


def test_web_timeline_points_and_spans() -> None:
    drawn = _draw(
        _fact(1, "relations.established", "1948-10-15"),
        _fact(2, "relations.deteriorated", "1960/1985~"),
        _fact(3, "aid.provided", "196X"),
        _fact(4, "visit", "2018-10"),
        _fact(5, "diplomats.expelled", "1990/.."),
        _fact(6, "visit", None),
        _fact(7, "invitation", "2019", modality="planned", conflict=3),
    )
    marks = {m.id: m for m in drawn.marks}
    assert marks[1].point and marks[4].point  # a day, a month
    interval = marks[2]
    assert not interval.point and interval.x2 - interval.x1 > 50
    assert not interval.fade_start and interval.fade_end  # 1985~ is approximate
    decade = marks[3]
    assert not decade.point and decade.fade_start and decade.fade_end
    running = marks[5]
    assert running.open_end and running.x2 == pytest.approx(drawn.now_x)
    assert marks[7].hollow and marks[7].conflict
    assert drawn.undated == 1 and 6 not in marks
    assert drawn.first_year <= 1948 and drawn.last_year >= 2025
    assert all(LEFT <= m.x1 <= m.x2 <= drawn.plot_right for m in drawn.marks)
    lanes = [lane.label for lane in drawn.lanes]
    assert lanes[:2] == ["Relations", "Diplomats"]  # vocabulary order


def test_web_timeline_overlapping_marks_stack() -> None:
    drawn = _draw(_fact(1, "visit", "1985"), _fact(2, "visit", "1985"), _fact(3, "visit", "2000"))
    rows = {m.id: m.y for m in drawn.marks}
    assert rows[1] != rows[2] and rows[3] == rows[1]


def test_web_timeline_ambassadors() -> None:
    terms = [
        {"person": "Hong Gyu", "sending": "PRK", "start": "2013", "end": "2017", "href": "#"},
        {"person": "O Sung Ho", "sending": "PRK", "start": "2017", "end": None, "href": "#"},
        {"person": "Batyn Dorj", "sending": "MNG", "start": "1961", "end": "1963", "href": "#"},
    ]
    drawn = _draw(_fact(1, "visit", "1985"), terms=terms)
    bars = {b.title.split(",")[0]: b for b in drawn.bars}
    assert not bars["Hong Gyu"].open_end
    assert bars["O Sung Ho"].open_end and bars["O Sung Ho"].x2 == pytest.approx(drawn.now_x)
    assert [lane.label for lane in drawn.lanes][-2:] == ["MNG → PRK", "PRK → MNG"]


def test_web_timeline_status_band() -> None:
    status = [
        {"start": None, "end": "1948-10-15", "relations": "none", "label": "no relations"},
        {"start": "1948-10-15", "end": None, "relations": "relations", "label": "relations"},
    ]
    drawn = _draw(_fact(1, "relations.established", "1948-10-15"), status=status)
    assert [b.title.split(":")[0] for b in drawn.bands] == ["no relations", "relations"]
    assert drawn.bands[-1].x2 == pytest.approx(drawn.now_x)


def test_web_timeline_nothing_dated() -> None:
    assert layout([_fact(1, "visit", None)], [], [], ("A", "B"), now_year=2025) is None
