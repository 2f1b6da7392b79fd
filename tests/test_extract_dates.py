"""Temporal expressions to EDTF (dyad.extract.dates)."""

from __future__ import annotations

import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from dyad.extract.dates import find_dates, is_valid_edtf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "established diplomatic relations on October 15, 1948.",
            [("October 15, 1948", "1948-10-15")],
        ),
        ("on 23 January 1963", [("23 January 1963", "1963-01-23")]),
        ("in July 2007, when", [("July 2007", "2007-07")]),
        ("as of November 2006, X said", [("November 2006", "2006-11")]),
        ("In 1952, during", [("1952", "1952")]),
        ("signed at the end of 1953, the", [("the end of 1953", "1953")]),
        ("in the 1980s", [("1980s", "198X")]),
        ("From 1960 to the mid-1980s, the", [("From 1960 to the mid-1980s", "1960/1985~")]),
        ("in the early 1990s", [("early 1990s", "1990/1993")]),
        ("children in 1960-1970s.", [("1960-1970s", "1960/1979")]),
        ("Hong Gyu (2013–2017)", [("2013–2017", "2013/2017")]),
        ("O Sung Ho (2017–)", [("2017–", "2017/..")]),
        ("the post-1982 improvement", [("post-1982", "1982/..")]),
        ("Post-1990", [("Post-1990", "1990/..")]),
        ("until 1990", [("until 1990", "../1990")]),
        ("since 2001", [("since 2001", "2001/..")]),
        # The last time before a first, not a date of the act nor a state that holds.
        ("the first visit to Syria since 2011", []),
        ("In May 2023 it marked the highest-level visit since 1979.", [("May 2023", "2023-05")]),
        ("the first female ambassador, since 2018", [("since 2018", "2018/..")]),
        ("the first country that has had relations since 1933", [("since 1933", "1933/..")]),
        ("1950–52", [("1950–52", "1950/1952")]),
        ("1994-95", [("1994-95", "1994/1995")]),
        # A year and a month in a table's "Date started" cell (Belarus' Ethiopia "1994-05",
        # Austria's Japan "1869-10", Canada's Iraq "1961-02 to 1991–12"): no range runs back.
        ("1994-05", [("1994-05", "1994-05")]),
        ("1869-10", [("1869-10", "1869-10")]),
        ("2006-06", [("2006-06", "2006-06")]),
        ("1961-02 to 1991–12", [("1961-02", "1961-02"), ("1991–12", "1991-12")]),
        ("1994-13", [("1994", "1994")]),
        ("in 1985 and 1988.", [("1985", "1985"), ("1988", "1988")]),
        ("the late 13th century", [("late 13th century", "12XX")]),
        ("between 1231 and 1270", [("between 1231 and 1270", "1231/1270")]),
        ("2000–present", [("2000–present", "2000/..")]),
        ("after 2000, when the minister visited", [("2000", "2000")]),
        ("held on 4-9 May 2013 in", [("4-9 May 2013", "2013-05-04/2013-05-09")]),
        ("on May 4–9, 2013, the", [("May 4–9, 2013", "2013-05-04/2013-05-09")]),
        ("relations worsened after 1982", [("after 1982", "1982/")]),
        ("Egypt's Vision 2030 plan", []),
        ("the Expo 2020 pavilion", []),
        ("sent 1500 soldiers in 1950", [("1950", "1950")]),
        ("in 14 years", []),
        ("1.3 square kilometres", []),
    ],
)
def test_extract_dates_examples(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.edtf) for d in find_dates(text)] == expected


def _slow(value: str) -> bool:
    try:
        parse_edtf(value)
    except Exception:
        return False
    return True


@given(
    st.integers(1000, 2099),
    st.integers(0, 14),
    st.integers(0, 32),
    st.sampled_from(["", "~", "?"]),
    st.sampled_from(["", "/..", "../"]),
)
def test_extract_dates_fast_validation_agrees_with_edtf(
    year: int, month: int, day: int, mark: str, open_end: str
) -> None:
    value = (
        str(year) + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    )
    value += mark
    value = f"../{value}" if open_end == "../" else value + open_end
    # The edtf package accepts impossible calendar days (2001-02-29); Dyad does not.
    if _slow(value) and month and day and month <= 12:
        from datetime import date

        try:
            date(year, month, day)
        except ValueError:
            assert not is_valid_edtf(value)
            return
    assert is_valid_edtf(value) == _slow(value), value


@given(st.text(max_size=200))
def test_extract_dates_never_crash_and_values_are_valid(text: str) -> None:
    for found in find_dates(text):
        assert text[found.start : found.end] == found.text
        assert is_valid_edtf(found.edtf)


# Pieces of dates and what may stand around them, with long runs of white space: a match of a
# long pattern may reach far in characters but not in characters other than white space.
_PIECES = (
    "from between the beginning end of early mid- late spring September Sept. 15th 31 , 1990"
    " 1990s 2001 12013 2013-05-15 19th century CENTURY - – / ( ) present today now when since"
    " after until post- pre- up to and through x 05"
).split(" ")


@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "\n", "\t\t", " " * 60])),
        max_size=120,
    )
)
def test_extract_dates_windows_find_what_the_whole_text_gives(
    parts: list[tuple[str, str]],
) -> None:
    # Long texts are searched only around their years (dates._windows): the same dates as a
    # search of the whole text, and of any part of it.
    text = "".join(piece + space for piece, space in parts)
    whole = _whole_text_search(text, 0, len(text))
    assert find_dates(text) == whole
    third = len(text) // 3
    assert find_dates(text, third, len(text) - 5) == _whole_text_search(text, third, len(text) - 5)


def test_extract_dates_windows_on_real_articles() -> None:
    from conftest import EXAMPLES
    from dyad.read import read_file

    paths = [*sorted((EXAMPLES / "wikitext").iterdir()), *sorted(EXAMPLES.glob("*.txt"))]
    paths += sorted((EXAMPLES / "text").glob("*.md"))[:6]
    count = 0
    for path in paths:
        if path.name == "NOTICE":
            continue
        text = read_file(path).text
        found = find_dates(text)
        assert found == _whole_text_search(text, 0, len(text)), path.name
        count += len(found)
    assert count > 100


def _whole_text_search(text: str, start: int, end: int) -> list[object]:
    from dyad.extract import dates

    windows = dates._windows
    dates._windows = lambda text, start, end, anchors: [(start, end)]  # type: ignore[assignment]
    try:
        return list(find_dates(text, start, end))
    finally:
        dates._windows = windows


@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "\n", "-", "/", "c", "C"])),
        max_size=60,
    )
)
def test_extract_dates_anchors_match_as_the_plain_alternation(
    parts: list[tuple[str, str]],
) -> None:
    # dates._ANCHOR and _DASH_ANCHOR open with one class of first characters (so the engine
    # skips other positions): the same matches as the alternation written plainly.
    import re

    from dyad.extract import dates

    plain = re.compile(r"[0-9]{4}|[Cc][Ee][Nn][Tt][Uu][Rr][Yy]")
    plain_dash = re.compile(
        r"[0-9]{4}(?=\S{0,6}\s?[-–—‐/])|[Cc][Ee][Nn][Tt][Uu][Rr][Yy](?=\s?[-–—‐/])"
    )
    text = "".join(piece + joiner for piece, joiner in parts) + " 1990-2001 century– 19th Century"
    for fast, slow in ((dates._ANCHOR, plain), (dates._DASH_ANCHOR, plain_dash)):
        assert fast.pattern != slow.pattern
        found = [m.span() for m in fast.finditer(text)]
        assert found == [m.span() for m in slow.finditer(text)]
        assert found
