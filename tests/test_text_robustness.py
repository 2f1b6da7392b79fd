"""The plain-text reader never crashes, keeps its spans, and reads a huge line.

How fast it reads that line (linear in its size) is measured by bench/bench_linear.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from dyad.read import text
from dyad.read.errors import ReadError
from reader_checks import check_spans

LINES = sorted(
    {
        line
        for path in sorted((DATA / "text").glob("*.md"))
        for line in path.read_text(encoding="utf-8").split("\n")
    }
)
MARKUP = st.sampled_from(
    ["\n", "\n\n", "\n\n\n", "-   ", "1.  ", "+---+---+", "+===+===+", "| a | b |", "[1]", "_",
     "]]", "[[", "{{cite web", "}}", "  ---- ----", ": cap", "Category:", "x_y.jpg", "IRAN ", "–"]
)  # fmt: skip


def _check(source: str) -> None:
    try:
        doc = text.read(source, source="<test>")
    except ReadError:
        assert not source.strip()
        return
    check_spans(doc)


@given(st.text(max_size=2000))
def test_text_arbitrary_text(source: str) -> None:
    _check(source)


@given(st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=60))
def test_text_arbitrary_markup(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=60)
@given(st.lists(st.sampled_from(LINES), max_size=120))
def test_text_reshuffled_corpus_lines(lines: list[str]) -> None:
    _check("\n".join(lines))


@pytest.mark.parametrize(
    "unit", ["word ", "{{", "a. b]] ", "_a ", "[1]", "]]", "x.jpg ", "Category:", "+-", "IRAN "]
)
def test_text_huge_single_line_reads_in_linear_time(unit: str) -> None:
    # A megabyte on one line: a quadratic step would take hours, a linear one a second.
    source = unit * (1_000_000 // len(unit))
    # A completed call with sound spans; its speed (linear in the size) is bench/bench_linear.py's.
    doc = text.read(source, source="<test>", title="T")
    check_spans(doc)
