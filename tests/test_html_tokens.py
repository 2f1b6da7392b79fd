"""The HTML tokenizer: tags, attributes and text, in linear time on any input."""

from __future__ import annotations

import pytest

from dyad.read.html_tokens import Tag, tokenize


def test_html_tokens_tags_attributes_and_text() -> None:
    source = '<p class="a b" data-x=1 hidden>R&amp;D &#91;1&#93;<br/>'
    tokens = list(tokenize(source + "<A HREF='/wiki/X?a=1&amp;b=2'>x</A></p>"))
    assert tokens == [
        Tag("p", {"class": "a b", "data-x": "1", "hidden": ""}),
        "R&D [1]",
        Tag("br", {}, self_closing=True),
        Tag("a", {"href": "/wiki/X?a=1&b=2"}),
        "x",
        Tag("a", {}, end=True),
        Tag("p", {}, end=True),
    ]
    assert tokens[0].classes() == frozenset({"a", "b"})  # type: ignore[union-attr]


def test_html_tokens_skip_comments_declarations_and_raw_text() -> None:
    source = "<!DOCTYPE html><!-- a <p> -->x<script>if (a<b) {}</script><style>p>a{}</STYLE>y<?pi?>"
    assert list(tokenize(source)) == [
        "x",
        Tag("script", {}),
        Tag("script", {}, end=True),
        Tag("style", {}),
        Tag("style", {}, end=True),
        "y",
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a < b", ["a ", "< b"]),
        ("<a <b>", ["<a ", Tag("b", {})]),
        ("x <!-- never closed", ["x "]),
        ("<3 and <", ["<3 and ", "<"]),
        ('<a title="x', ['<a title="x']),
    ],
)
def test_html_tokens_literal_less_than(source: str, expected: list[object]) -> None:
    assert list(tokenize(source)) == expected


@pytest.mark.parametrize("unit", ["<a ", "<", "<!--", "</", "<?", "<!", "&", "<a b='", "<p>"])
def test_html_tokens_read_a_megabyte_of_one_unit(unit: str) -> None:
    # html.parser needs over a minute for 80 kB of "<a "; a quadratic step here would not end.
    # How fast a megabyte reads is a speed goal: bench/bench_linear.py measures it.
    source = unit * (1_000_000 // len(unit))
    tokens = list(tokenize(source))
    assert len(tokens) <= len(source) // len(unit) + 1


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # html5lib tokenizer cases (test1/test2.test) that a reader of links depends on.
        ('<a title="a>b">link</a>', [Tag("a", {"title": "a>b"}), "link", Tag("a", {}, end=True)]),
        ("<a title='a>b'>x", [Tag("a", {"title": "a>b"}), "x"]),
        ('<a title="x<y" href="/w">z', [Tag("a", {"title": "x<y", "href": "/w"}), "z"]),
        ('<a b="c"d>e', [Tag("a", {"b": "c", "d": ""}), "e"]),
        ("<a b=c>d", [Tag("a", {"b": "c"}), "d"]),
    ],
)
def test_html_tokens_quoted_attribute_values_hold_any_character(
    source: str, expected: list[object]
) -> None:
    assert list(tokenize(source)) == expected


def test_html_tokens_quoted_greater_than_stays_out_of_the_text() -> None:
    from dyad.read import html

    page = '<p>Relations with <a href="/wiki/Mongolia" title="a>b">Mongolia</a> began.</p>'
    document = html.read(page, source="quoted.html")
    assert document.text == "Relations with Mongolia began."
    assert [a.text for a in document.anchors] == ["Mongolia"]
