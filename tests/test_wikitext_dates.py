"""Date templates: the argument shapes the corpus uses, the text they show, the EDTF value."""

from __future__ import annotations

import pytest

from dyad.read.wikidates import DateParts, parse_date, parse_date_text, render_date
from dyad.read.wikitext import read


@pytest.mark.parametrize(
    ("source", "shown", "value"),
    [
        ("{{dts|15 October 1948}}", "15 October 1948", "1948-10-15"),
        ("{{dts|October 15, 1948}}", "October 15, 1948", "1948-10-15"),
        ("{{dts|1948|10|15}}", "October 15, 1948", "1948-10-15"),
        ("{{dts|1948|Oct|15}}", "October 15, 1948", "1948-10-15"),
        ("{{dts|format=dmy|1948|10|15}}", "15 October 1948", "1948-10-15"),
        ("{{dts|1948-10-15}}", "October 15, 1948", "1948-10-15"),
        ("{{dts|1963-01-18|format=dmy}}", "18 January 1963", "1963-01-18"),
        ("{{dts|format=dmy|1991-09}}", "September 1991", "1991-09"),
        ("{{dts|1948}}", "1948", "1948"),
        ("{{dts|May 1971}}", "May 1971", "1971-05"),
        ("{{dts|31 August  1957}}", "31 August 1957", "1957-08-31"),
        ("{{dts|format=dmy|1996||}}", "1996", "1996"),
        ("{{dts|15 October 1948|abbr=on}}", "15 Oct 1948", "1948-10-15"),
        ("{{DTS|25 November 1975|format=dmy}}", "25 November 1975", "1975-11-25"),
        ("{{Date table sorting|15 October 1948}}", "15 October 1948", "1948-10-15"),
        ("{{date_table_sorting|1940-04}}", "April 1940", "1940-04"),
        ("{{Date table sorting|1992|6|10|format=dmy}}", "10 June 1992", "1992-06-10"),
        ("{{#invoke:dts|main|9 May 1386}}", "9 May 1386", "1386-05-09"),
        ("{{#invoke:dts|main|1908|4|9|format=dmy}}", "9 April 1908", "1908-04-09"),
        ("{{Start date|1977|09|02|df=y}}", "2 September 1977", "1977-09-02"),
        ("{{start date|1898|2|3}}", "February 3, 1898", "1898-02-03"),
        ("{{Start date and age|1992|1|8|df=yes}}", "8 January 1992", "1992-01-08"),
        ("{{date|2006-01-15}}", "15 January 2006", "2006-01-15"),
        ("{{date|2006-01-15|mdy}}", "January 15, 2006", "2006-01-15"),
        ("{{dts|44 BC}}", "44 BC", "-0043"),
    ],
)
def test_wikitext_date_templates_show_text_and_record_value(
    source: str, shown: str, value: str
) -> None:
    doc = read(f"Since {source}.", source="t")
    assert doc.text == f"Since {shown}."
    assert [(doc.text[d.start : d.end], d.value) for d in doc.dates] == [(shown, value)]


@pytest.mark.parametrize(
    "source",
    ["{{dts|TBA}}", "{{dts|c. 1950}}", "{{dts|1984–1997, 2007}}", "{{dts|31 February 1950}}"],
)
def test_wikitext_undatable_arguments_stay_text_without_a_mark(source: str) -> None:
    doc = read(f"On {source}.", source="t")
    assert "{{" not in doc.text and doc.text.startswith("On ")
    assert doc.dates == ()


def test_wikitext_empty_date_templates_show_nothing() -> None:
    doc = read("A {{dts|}} B {{dts|format=dmy|}} C", source="t")
    assert doc.text == "A B C"
    assert doc.dates == ()


def test_wikitext_as_of_and_daterange_mark_their_dates() -> None:
    doc = read("{{As of|2024|January|post=,}} ties hold; allies {{daterange|1992|}}.", source="t")
    assert doc.text == "As of January 2024, ties hold; allies 1992–present."
    assert [d.value for d in doc.dates] == ["2024-01", "1992"]


def test_wikitext_parse_date_shapes() -> None:
    assert parse_date(["1948", "10", "15"]) == DateParts(1948, 10, 15)
    assert parse_date(["1948", "October"]) == DateParts(1948, 10)
    assert parse_date(["5", "bc"]) == DateParts(-4)
    assert parse_date(["1948", "13", "1"]) is None
    assert parse_date(["", ""]) is None
    assert parse_date_text("Sept. 3, 1939") == DateParts(1939, 9, 3, "mdy")
    assert parse_date_text("3rd September 1939") == DateParts(1939, 9, 3, "dmy")
    assert parse_date_text("29 February 1900") is None
    assert parse_date_text("29 February") == DateParts(None, 2, 29, "dmy")


def test_wikitext_render_and_edtf() -> None:
    date = DateParts(1948, 10, 15)
    assert render_date(date, "dmy") == "15 October 1948"
    assert render_date(date, "mdy") == "October 15, 1948"
    assert render_date(date, "my") == "October 1948"
    assert render_date(date, "y") == "1948"
    assert render_date(date, "hide") == ""
    assert render_date(date, "iso") == "1948-10-15"
    assert DateParts(800).edtf == "0800"
    assert DateParts(0).edtf == "0000"
    assert DateParts(None, 2, 29).edtf is None
