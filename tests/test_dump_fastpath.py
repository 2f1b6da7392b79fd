"""The byte-level paths and ElementTree read every page the same way (dump_scan's invariant)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dump_helpers import MACBRE, MACBRE_BZ2, MULTISTREAM, MWXML, TINYWIKI, P, Rev, page_xml
from dyad.read import dump_scan, dump_xml
from dyad.read.dump import iter_pages, read_site
from dyad.read.dump_io import open_chunks
from dyad.read.dump_page import Page, SiteInfo
from dyad.read.dump_scan import parse_page

_PAGE = re.compile(rb"<page>.*?</page>", re.DOTALL)


def _page_bytes(path: Path) -> list[bytes]:
    return _PAGE.findall(b"".join(open_chunks(path)))


@pytest.mark.parametrize("path", [MULTISTREAM, TINYWIKI, MACBRE, MACBRE_BZ2, MWXML])
def test_dump_fastpath_agrees_with_elementtree_on_fixtures(path: Path) -> None:
    site = read_site(path)
    pages = _page_bytes(path)
    assert pages
    for data in pages:
        assert parse_page(data, site) == parse_page(data, site, fast=False)


def test_dump_fastpath_takes_every_smallwiki_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed depends on it: a real dump's pages take the one-match path, never ElementTree."""
    slow: list[str] = []
    original = dump_xml.page_from_element

    def counting(element: object, site: SiteInfo) -> Page:
        page = original(element, site)  # type: ignore[arg-type]
        slow.append(page.title)
        return page

    def flexible(*args: object) -> Page:
        raise AssertionError("a smallwiki page left the standard layout's path")

    monkeypatch.setattr(dump_xml, "page_from_element", counting)
    monkeypatch.setattr(dump_scan, "_flexible_page", flexible)
    assert sum(1 for _ in iter_pages(MULTISTREAM)) == 2004
    assert slow == []


def test_dump_fastpath_hands_unusual_markup_to_elementtree() -> None:
    cdata = b"<page><title>A</title><ns>0</ns><id>1</id><revision><id>2</id>"
    cdata += b"<text><![CDATA[x <y> & z]]></text></revision></page>"
    assert parse_page(cdata).text == "x <y> & z"
    attrs = b"<page><title>B</title><revision><text a='1'\n>t</text></revision></page>"
    assert parse_page(attrs).text == "t"
    with pytest.raises(ValueError, match="not well-formed"):
        parse_page(b"<page><title>C</title><revision><text>&nbsp;</text></revision></page>")


_XML_CHARS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="\x00\ufffe\uffff",
).filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20)
_TEXT = st.text(_XML_CHARS | st.sampled_from("<>&\"'\r\n#[]:"), max_size=60)
_TITLE = st.text(_XML_CHARS.filter(lambda c: c != "\r"), min_size=1, max_size=20).filter(
    lambda t: t.strip() == t
)
_MODEL = st.sampled_from(["wikitext", "css", None])
_STAMP = st.sampled_from(["2001-01-01T00:00:00Z", "2002-06-01T12:00:00Z", "2003-01-01T00:00:00Z"])


@st.composite
def _pages(draw: st.DrawFn) -> P:
    revisions = [
        Rev(
            draw(_TEXT),
            id=i + 1,
            timestamp=draw(_STAMP),
            model=draw(_MODEL),
            contributor=draw(st.sampled_from(["user", "ip", "deleted"])),
            comment=draw(st.one_of(st.none(), _TEXT)),
            minor=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    return P(
        draw(_TITLE),
        revisions,
        ns=draw(st.sampled_from([0, 1, 14, None])),
        id=draw(st.one_of(st.none(), st.integers(0, 10**12))),
        redirect=draw(st.one_of(st.none(), _TITLE)),
    )


@settings(max_examples=300, deadline=None)
@given(page=_pages(), version=st.sampled_from(["0.8", "0.10", "0.11"]))
def test_dump_fastpath_agrees_on_generated_pages(page: P, version: str) -> None:
    data = page_xml(page, version).strip().encode()
    site = SiteInfo({1: "Talk", 14: "Category"})
    fast = parse_page(data, site)
    assert fast == parse_page(data, site, fast=False)
    assert fast.title == page.title
    if page.revisions:
        latest = max(enumerate(page.revisions), key=lambda ir: (ir[1].timestamp, ir[0]))[1]
        assert fast.text == latest.text.replace("\r\n", "\n").replace("\r", "\n")
        assert fast.revision_id == latest.id
    if page.redirect:
        assert fast.redirect == page.redirect  # quoteattr wrote white space as references


_VALID = page_xml(P("Alpha", [Rev('Some "text" & <more>', id=2)], id=1, redirect="Beta")).strip()
_VALID_TWO = page_xml(P("Gamma", [Rev("old", id=3), Rev("new", id=4)], id=5)).strip()


@settings(max_examples=300, deadline=None)
@given(
    page=st.sampled_from([_VALID, _VALID_TWO]),
    edits=st.lists(
        st.tuples(st.integers(0, 400), st.text("<>/&;\"'= abcdeiprstx#\n", max_size=3)),
        min_size=1,
        max_size=4,
    ),
)
def test_dump_fastpath_never_accepts_what_xml_rejects(
    page: str, edits: list[tuple[int, str]]
) -> None:
    """Damaged pages: the byte paths give ElementTree's answer, or leave the page to it."""
    data = page
    for offset, replacement in edits:
        offset %= len(data)
        data = data[:offset] + replacement + data[offset + len(replacement) :]
    raw = data.encode()
    try:
        expected = parse_page(raw, fast=False)
    except ValueError:
        with pytest.raises(ValueError):
            parse_page(raw)
    else:
        assert parse_page(raw) == expected
