"""EDTF dates said the way a reader says them."""

from __future__ import annotations

import pytest

from dyad.web.humane import humane_date


@pytest.mark.parametrize(
    ("date", "said"),
    [
        ("1948-10-15", "15 Oct 1948"),
        ("2018-10", "Oct 2018"),
        ("1952", "1952"),
        ("1985~", "c. 1985"),
        ("1953?", "1953?"),
        ("196X", "1960s"),
        ("19XX", "1900s"),
        ("1950-06-25/1953-07-27", "25 Jun 1950 – 27 Jul 1953"),
        ("1960/1985~", "1960 – c. 1985"),
        ("2017/..", "2017 – ongoing"),
        ("1985/", "1985 – ?"),
        ("../1991", "until 1991"),
        ("-0499", "499 BCE"),
        (None, "undated"),
        ("2001-21", "2001"),  # a season: the year, not a month
        ("garbage", "garbage"),
        ("1990/xyz", "1990/xyz"),
    ],
)
def test_web_humane_dates(date: str | None, said: str) -> None:
    assert humane_date(date) == said
