"""Broken dumps raise one ReadError naming the file and where; arbitrary bytes never crash."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dump_helpers import MACBRE_7Z, MULTISTREAM, TINYWIKI, TINYWIKI_BZ2, P, dump_xml
from dyad.read.dump import Page, iter_pages
from dyad.read.errors import ReadError

TINY_PAGES = 8


def _read_until_error(path: Path) -> tuple[list[Page], ReadError]:
    pages: list[Page] = []
    with pytest.raises(ReadError) as info:
        for page in iter_pages(path):
            pages.append(page)
    assert info.value.path == str(path)
    assert "\n" not in str(info.value)
    return pages, info.value


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.999])
def test_dump_errors_truncated_xml(tmp_path: Path, fraction: float) -> None:
    data = TINYWIKI.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: int(len(data) * fraction)])
    pages, error = _read_until_error(cut)
    assert "truncated" in error.problem
    assert f"{int(len(data) * fraction):,}" in error.problem  # where the file ends
    assert pages == list(iter_pages(TINYWIKI))[: len(pages)]  # pages before the cut come first
    if pages:
        assert repr(pages[-1].title) in error.problem


def test_dump_errors_truncated_xml_after_the_last_page(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xml"
    cut.write_bytes(TINYWIKI.read_bytes().rstrip().removesuffix(b"</mediawiki>"))
    pages, error = _read_until_error(cut)
    assert len(pages) == TINY_PAGES
    assert "without </mediawiki>" in error.problem
    assert f"after page {TINY_PAGES}, 'Bodmin'" in error.problem


@pytest.mark.parametrize("source", [TINYWIKI_BZ2, MULTISTREAM])
def test_dump_errors_truncated_bz2(tmp_path: Path, source: Path) -> None:
    data = source.read_bytes()
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[: len(data) // 2])
    pages, error = _read_until_error(cut)
    assert "truncated bz2 data" in error.problem
    assert f"cut off at byte {len(data) // 2:,}" in error.problem
    assert pages == list(iter_pages(source))[: len(pages)]


def test_dump_errors_multistream_cut_between_streams(tmp_path: Path) -> None:
    """A cut at a stream boundary leaves whole bz2 streams: the XML is what is truncated."""
    data = MULTISTREAM.read_bytes()
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[:123526])  # the third stream starts here
    pages, error = _read_until_error(cut)
    assert len(pages) == 200
    assert "without </mediawiki>" in error.problem


def test_dump_errors_corrupt_bz2(tmp_path: Path) -> None:
    data = bytearray(TINYWIKI_BZ2.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    bad = tmp_path / "bad.xml.bz2"
    bad.write_bytes(bytes(data))
    _, error = _read_until_error(bad)
    assert "corrupt bz2 data in the stream that starts at byte 0" in error.problem


def test_dump_errors_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(TINYWIKI.read_bytes())
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(data[: len(data) // 2])
    _, error = _read_until_error(cut)
    assert "truncated gzip data" in error.problem


def test_dump_errors_bz2_that_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "words.bz2"
    path.write_bytes(bz2.compress(b"hello, this is not XML at all\n" * 10))
    _, error = _read_until_error(path)
    assert error.problem.startswith("not a MediaWiki XML export: the content starts with")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "root element is <rss>"),
        (b"<html><body><page>hi</page></body></html>", "root element is <html>"),
        (b"<page><title>A</title></page>", "a <page> comes before any <mediawiki>"),
        (b"<mediawiki><siteinfo></mediawiki>", "<siteinfo> is not closed before byte 21"),
        (b"<mediawiki><siteinfo></sitinfo>", "at line 1, column 24: mismatched tag"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><mediawiki/>', "only UTF-8 dumps"),
        (b"<!DOCTYPE x><mediawiki></mediawiki>", "DOCTYPE"),
        (b"   \n  ", "no XML"),
        (b"\x00\x01\x02binary", "not a MediaWiki XML export"),
    ],
)
def test_dump_errors_not_a_mediawiki_export(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "other.xml"
    path.write_bytes(content)
    _, error = _read_until_error(path)
    assert problem in error.problem


def test_dump_errors_broken_page_names_its_number(tmp_path: Path) -> None:
    data = dump_xml([P("One"), P("Two", id=2), P("Three", id=3)])
    path = tmp_path / "broken.xml"
    path.write_bytes(data.replace(b"<title>Two</title>", b"<title>Two</titel>"))
    pages, error = _read_until_error(path)
    assert [p.title for p in pages] == ["One"]
    assert "page 2 (starting at byte" in error.problem
    assert "not well-formed XML" in error.problem


def test_dump_errors_content_between_pages(tmp_path: Path) -> None:
    data = dump_xml([P("One"), P("Two", id=2)])
    path = tmp_path / "odd.xml"
    path.write_bytes(data.replace(b"</page>\n  <page>", b"</page>\n  <logitem/><page>", 1))
    pages, error = _read_until_error(path)
    assert [p.title for p in pages] == ["One"]
    assert "unexpected content where a <page> should start" in error.problem


def test_dump_errors_files_that_cannot_be_opened(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    for path, problem in [
        (tmp_path / "missing.xml", "no such file"),
        (tmp_path, "is a folder"),
        (empty, "file is empty"),
    ]:
        with pytest.raises(ReadError, match=problem):
            list(iter_pages(path))


def test_dump_errors_7z_is_refused_with_advice() -> None:
    with pytest.raises(ReadError, match=r"7z archive: decompress it first"):
        list(iter_pages(MACBRE_7Z))


def _outcome(path: Path) -> list[Page] | ReadError:
    try:
        return list(iter_pages(path))
    except ReadError as exc:
        return exc


_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(data=st.binary(max_size=2000))
def test_dump_errors_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.xml"
    path.write_bytes(data)
    _outcome(path)
    path.write_bytes(bz2.compress(data))
    _outcome(path)


_HEAD = dump_xml([]).removesuffix(b"</mediawiki>\n")


@_SETTINGS
@given(data=st.binary(max_size=500), prefix=st.sampled_from([b"", _HEAD, _HEAD + b"<page>"]))
def test_dump_errors_arbitrary_bytes_after_a_header(
    tmp_path: Path, data: bytes, prefix: bytes
) -> None:
    path = tmp_path / "any.xml"
    path.write_bytes(prefix + data)
    _outcome(path)


_TINY = TINYWIKI.read_bytes()


@_SETTINGS
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(_TINY) - 1), st.binary(min_size=1, max_size=4)),
        min_size=1,
        max_size=8,
    )
)
def test_dump_errors_damaged_real_dump(tmp_path: Path, edits: list[tuple[int, bytes]]) -> None:
    data = bytearray(_TINY)
    for offset, replacement in edits:
        data[offset : offset + len(replacement)] = replacement
    path = tmp_path / "damaged.xml"
    path.write_bytes(bytes(data))
    result = _outcome(path)
    if isinstance(result, list):
        assert len(result) <= TINY_PAGES + 1


@pytest.mark.parametrize("title", ["", "   "])
def test_dump_errors_page_without_title(tmp_path: Path, title: str) -> None:
    path = tmp_path / "untitled.xml"
    path.write_bytes(dump_xml([P("One"), P(title, id=2)]))
    pages, error = _read_until_error(path)
    assert [p.title for p in pages] == ["One"]
    assert "page 2 (starting at byte" in error.problem
    assert error.problem.endswith("has no title")
