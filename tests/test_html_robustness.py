"""The HTML reader never crashes, keeps its spans, and reads a huge line.

How fast it reads that line (linear in its size) is measured by bench/bench_linear.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from dyad.read import html
from dyad.read.errors import ReadError
from reader_checks import check_spans

LINES = (
    (ROOT / "tests" / "golden" / "html" / "Mongolia–United_Kingdom_relations.html")
    .read_text(encoding="utf-8")
    .split("\n")
)
MARKUP = st.sampled_from(
    ["<p>", "</p>", "<div class=\"mw-parser-output\">", "</div>", "<h2>", "</h2>", "<h3>", "<ul>",
     "<ol>", "</ul>", "<li>", "</li>", "<table class=\"wikitable\">", "<table class=\"infobox\">",
     "</table>", "<tr>", "<th>", "<td>", "</td>", "<caption>", "<a href=\"/wiki/A_b\">", "</a>",
     "<a href=\"https://x\">", "<i>", "</i>", "<br>", "<sup class=\"reference\">", "</sup>",
     "<ol class=\"references\">", "<style>", "</style>", "<!--", "-->", "&amp;", "&#91;1&#93;",
     "<div id=\"catlinks\">", "<a href=\"/wiki/Category:C\">", "<span class=\"mw-editsection\">",
     "<", ">", "\"", " ", "See also", "References", "x"]
)  # fmt: skip


def _check(source: str) -> None:
    try:
        doc = html.read(source, source="<test>")
    except ReadError:
        assert not source.strip()
        return
    check_spans(doc)


@given(st.text(max_size=2000))
def test_html_arbitrary_text(source: str) -> None:
    _check(source)


@given(st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=100))
def test_html_arbitrary_markup(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=60)
@given(st.lists(st.sampled_from(LINES), max_size=80))
def test_html_reshuffled_page_lines(lines: list[str]) -> None:
    _check("\n".join(lines))


def test_html_deep_nesting_reads() -> None:
    doc = html.read("<div>" * 100_000 + "deep" + "</div>" * 100_000 + "<p>after</p>", source="x")
    check_spans(doc)
    assert "after" in doc.text


@pytest.mark.parametrize("unit", ["word ", "<a ", "<p>x", "<li>", "<td>", "[1]", "&", "<!--"])
def test_html_huge_single_line_reads_in_linear_time(unit: str) -> None:
    source = unit * (1_000_000 // len(unit))
    # A completed call with sound spans; its speed (linear in the size) is bench/bench_linear.py's.
    doc = html.read(source, source="<test>", title="T")
    check_spans(doc)
