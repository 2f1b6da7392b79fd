"""The wikitext reader never crashes or hangs: a Document or a ReadError, spans always intact."""

from __future__ import annotations

import signal
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from dyad.read.errors import ReadError
from dyad.read.wikitext import Limits, read, read_wikitext
from reader_checks import check_spans

MARKUP = st.sampled_from(
    ["\n", "\n\n", "{{", "}}", "[[", "]]", "|", "||", "!", "!!", "{|", "|}", "|-", "|+", "* ", "# ",
     ";", ":", "== ", " ==", "'''", "''", "<ref>", "</ref>", "<ref name=a/>", "<!--", "-->", "<br>",
     "<span>", "</span>", "<nowiki>", "[http://x.org ", "]", "{{flag|", "{{dts|", "{{main|",
     "{{cite web|title=", "[[File:", "[[Category:", "&nbsp;", "&amp;", "{{{1|", "}}}", "__NOTOC__",
     "{{#invoke:dts|main|", "{{Infobox bilateral relations|", "{{lang|fr|", "=", "15 October 1948"]
)  # fmt: skip
LINES = sorted(
    {
        line
        for path in sorted((DATA / "wikitext").glob("*.wiki"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if len(line) < 400
    }
)


def _check(source: str) -> None:
    try:
        doc = read(source, source="<test>")
    except ReadError:
        return
    check_spans(doc)
    for mark in doc.dates:
        assert doc.text[mark.start : mark.end]


@given(st.text(max_size=2000))
def test_wikitext_arbitrary_text(source: str) -> None:
    _check(source)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKUP, st.text(max_size=10)), max_size=80))
def test_wikitext_arbitrary_markup(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=150))
def test_wikitext_reshuffled_corpus_lines(lines: list[str]) -> None:
    _check("\n".join(lines))


def _outcome(source: str) -> str:
    """ "document", or the problem of the ReadError: any other exception fails the test.

    How fast a page is read or refused is a speed goal, measured by bench/bench_linear.py; a
    test only asks that the call ends with one of these two answers.
    """
    try:
        read(source, source="<test>")
        return "document"
    except ReadError as exc:
        return exc.problem


def test_wikitext_refuses_a_50_megabyte_line_at_once() -> None:
    outcome = _outcome("x" * 50_000_000)
    assert "more than a wikitext page may have" in outcome


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("unclosed templates", "{{a|" * 16_000),
        ("unclosed templates with text", ("{{cite web|title=" + "word " * 10) * 4_000),
        ("unclosed refs", "<ref>" * 16_000),
        ("unclosed tables", "{|\n|a\n" * 16_000),
        ("unclosed attributes", '<span a="' * 4_000),
        ("mixed openers", "{{a|[[b|<ref>{|" * 4_000),
    ],
)
def test_wikitext_unbalanced_markup_is_refused_before_tokenizing(name: str, source: str) -> None:
    # The tokenizer would rescan the page for each opener: minutes. The guard refuses the page
    # before it is tokenized, so the problem names the unclosed markup, not the time budget.
    assert "unclosed" in _outcome(source), name


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("deeply nested templates", "{{a|" * 20_000 + "}}" * 20_000),
        ("deeply nested links", "[[a|" * 5_000 + "]]" * 5_000),
        ("deeply nested tags", "<span>" * 5_000 + "</span>" * 5_000),
        ("deeply nested tables", "{|\n|" * 2_000 + "\n|}" * 2_000),
        ("a few unclosed templates", "{{a|" * 1_500),
        ("a long list marker", "*" * 20_000),
        ("many headings", "== a ==\n" * 4_000),
    ],
)
def test_wikitext_deep_markup_reads_or_fails_cleanly(name: str, source: str) -> None:
    # A Document or a ReadError; a crash of any other kind, or a hang, fails.
    assert _outcome(source), name


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("a flood of headings", "== a ==\n" * 100_000),
        ("a flood of unclosed headings", "==a=\n" * 100_000),
        ("a flood of tables", "{|\n|a\n|}\n" * 40_000),
        ("a flood of links", "[[a]] " * 100_000),
        ("a flood of list lines", "* a\n" * 100_000),
    ],
)
def test_wikitext_flood_of_markup_is_refused_before_parsing(name: str, source: str) -> None:
    # Each node costs the tokenizer up to a millisecond: 100,000 of them would parse for minutes.
    assert "pieces of markup" in _outcome(source), name


def test_wikitext_time_budget_stops_a_slow_page() -> None:
    # Any page over its budget is refused; this one is well-formed but the budget is tiny.
    source = (DATA / "wikitext" / "Foreign_relations_of_Taiwan.wiki").read_text(encoding="utf-8")
    with pytest.raises(ReadError, match="took more than"):
        read_wikitext(source, source="<test>", limits=Limits(seconds=0.01, seconds_per_mib=0))


def test_wikitext_depth_limit_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="nested more than"):
        read_wikitext("{{nowrap|" * 50 + "}}" * 50, source="<test>", limits=Limits(max_depth=20))


def test_wikitext_size_limit_is_configurable() -> None:
    with pytest.raises(ReadError, match="more than a wikitext page may have"):
        read_wikitext("é" * 600, source="<test>", limits=Limits(max_bytes=1000))
    assert read_wikitext("é" * 400, source="<test>", limits=Limits(max_bytes=1000)).text


def test_wikitext_sets_no_timer() -> None:
    # The budget is kept by checking the clock, never by a signal that could land inside the
    # C tokenizer or a garbage-collection callback.
    handler = signal.getsignal(signal.SIGALRM)
    read("[[Mongolia]] and {{flag|Russia}}", source="<test>")
    with pytest.raises(ReadError):
        tiny = Limits(seconds=0.0001, seconds_per_mib=0)
        read_wikitext("{{nowrap|x}}" * 2000, source="<test>", limits=tiny)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == handler


def test_wikitext_reads_in_a_thread_with_the_walk_clock() -> None:
    # Off the main thread no signal is set; the walk's own clock still enforces the budget.
    source = (DATA / "wikitext" / "Foreign_relations_of_Nauru.wiki").read_text(encoding="utf-8")
    outcomes: list[str] = []

    def work() -> None:
        outcomes.append(read(source, source="<test>").title)
        try:
            read_wikitext(source, source="<test>", limits=Limits(seconds=0.0, seconds_per_mib=0))
        except ReadError as exc:
            outcomes.append(exc.problem)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert outcomes[0] == "Untitled"
    assert outcomes[1].startswith("took more than")
