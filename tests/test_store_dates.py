"""EDTF dates as integer day bounds, and agreement between dates."""

from __future__ import annotations

import pytest

from dyad.store.dates import OPEN_LOWER, OPEN_UPPER, Bounds, bounds, query_bound


@pytest.mark.parametrize(
    ("edtf", "lower", "upper"),
    [
        ("1948", 19480101, 19481231),
        ("1948-10", 19481001, 19481031),
        ("1948-10-15", 19481015, 19481015),
        ("2000-02", 20000201, 20000229),
        ("1900-02", 19000201, 19000228),
        ("1953?", 19530101, 19531231),
        ("1985~", 19850101, 19851231),
        ("2004-06%", 20040601, 20040630),
        ("1960/1979", 19600101, 19791231),
        ("1950-06-25/1953-07-27", 19500625, 19530727),
        ("2017/..", 20170101, OPEN_UPPER),
        ("../1953", OPEN_LOWER, 19531231),
        ("1985/", 19850101, OPEN_UPPER),
        ("19XX", 19000101, 19991231),
        ("2001-21", 20010301, 20010531),
        ("-0500", -4999899, -4998769),
    ],
)
def test_store_dates_bounds(edtf: str, lower: int, upper: int) -> None:
    assert bounds(edtf) == Bounds(lower, upper)


@pytest.mark.parametrize(
    "bad", [None, "", "sometime", "1948-13", "1948-02-30", "1990/1980", "../..", "1948/1949/1950"]
)
def test_store_dates_unreadable(bad: str | None) -> None:
    assert bounds(bad) is None


def test_store_dates_order_follows_days() -> None:
    values = ["-0500", "-0001", "0001", "1948", "1948-10-15", "1949-01"]
    lowers = [bounds(v).lower for v in values]  # type: ignore[union-attr]
    assert lowers == sorted(lowers)


@pytest.mark.parametrize(
    ("one", "other", "agree"),
    [
        ("1948", "1948-10-15", True),
        ("1948-10", "1948-10-15", True),
        ("1948", "1949", False),
        ("1948-10-15", "1948-10-16", False),
        ("1950/1953", "1952", True),
        ("1950/1953", "1952/1955", False),  # overlap is not agreement
        ("2017/..", "2019-05", True),
    ],
)
def test_store_dates_agreement(one: str, other: str, agree: bool) -> None:
    a, b = bounds(one), bounds(other)
    assert a is not None and b is not None
    assert a.agrees(b) is agree
    assert b.agrees(a) is agree


def test_store_dates_query_bounds() -> None:
    assert query_bound(1950, upper=False) == 19500101
    assert query_bound("1950-06", upper=True) == 19500630
    assert query_bound(None, upper=True) is None
    with pytest.raises(ValueError, match="EDTF"):
        query_bound("yesterday", upper=False)
