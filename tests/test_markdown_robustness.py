"""The Markdown reader never crashes, keeps its spans, and reads a huge line.

How fast it reads that line (linear in its size) is measured by bench/bench_linear.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from dyad.read import markdown
from dyad.read.errors import ReadError
from reader_checks import check_spans

LINES = (
    (DATA / "markdown" / "Mongolia–United_Kingdom_relations.md")
    .read_text(encoding="utf-8")
    .split("\n")
)
MARKUP = st.sampled_from(
    ["\n", "\n\n", "[", "]", "(", ")", "](", "[[1]](#cite_note-1)", "](/wiki/A_b)", "*", "**",
     "_", "\\", "`", "![", "<https://x>", "<b>", "## ", "* ", "1. ", "| a |", "|---|", "---\n",
     'title: "T"\n', "&amp;", "[[edit](/w/index.php?action=edit)]", " "]
)  # fmt: skip


def _check(source: str) -> None:
    try:
        doc = markdown.read(source, source="<test>")
    except ReadError:
        assert not source.strip()
        return
    check_spans(doc)


@given(st.text(max_size=2000))
def test_markdown_arbitrary_text(source: str) -> None:
    _check(source)


@given(st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=80))
def test_markdown_arbitrary_markup(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=60)
@given(st.lists(st.sampled_from(LINES), max_size=80))
def test_markdown_reshuffled_article_lines(lines: list[str]) -> None:
    _check("\n".join(lines))


@pytest.mark.parametrize(
    "unit", ["word ", "[", "[x](", "](", "_a ", "**a", "\\", "[1]", "![", "<a ", "[[", "# "]
)
def test_markdown_huge_single_line_reads_in_linear_time(unit: str) -> None:
    source = unit * (1_000_000 // len(unit))
    # A completed call with sound spans; its speed (linear in the size) is bench/bench_linear.py's.
    doc = markdown.read(source, source="<test>", title="T")
    check_spans(doc)
