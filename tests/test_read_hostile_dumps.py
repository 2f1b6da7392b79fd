"""Hostile dumps are refused while streaming: a bomb page, an index pointing past the file."""

from __future__ import annotations

import bz2
import gzip
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dump_helpers import MULTISTREAM, MULTISTREAM_INDEX, header
from dyad.read.dump import find_page, iter_pages
from dyad.read.dump_xml import MAX_PAGE_BYTES, PageParser
from dyad.read.errors import ReadError

MIB = 2**20


def _bomb_chunks(fed: list[int]) -> Iterator[bytes]:
    """A dump whose one page never ends: the header, a page opening, then 'a' for ever."""
    yield (header() + "  <page>\n    <title>Bomb</title>\n    <ns>0</ns>\n").encode()
    yield b'    <revision>\n      <text xml:space="preserve">'
    while True:
        fed.append(MIB)
        yield b"a" * MIB


def test_dump_page_past_the_limit_is_refused_while_streaming() -> None:
    fed: list[int] = []
    parser = PageParser("bomb.xml")
    with pytest.raises(ReadError, match="larger than 16 MB") as info:
        list(parser.pages(_bomb_chunks(fed)))
    # Refused as soon as the page passed the limit: not one megabyte more than that was read.
    assert sum(fed) <= MAX_PAGE_BYTES + 2 * MIB
    assert "page 1" in info.value.problem


def _write_bomb(path: Path, opener: object, size: int) -> None:
    with opener(path, "wb") as out:  # type: ignore[operator]
        out.write(header().encode())
        out.write(b"  <page>\n    <title>Bomb</title>\n    <ns>0</ns>\n    <id>1</id>\n")
        out.write(b'    <revision>\n      <text xml:space="preserve">')
        block = b"a" * MIB
        for _ in range(size // MIB):
            out.write(block)
        out.write(b"</text>\n    </revision>\n  </page>\n</mediawiki>\n")


@pytest.mark.parametrize(("suffix", "opener"), [(".xml.gz", gzip.open), (".xml.bz2", bz2.open)])
def test_dump_compressed_bomb_page_is_refused_in_bounded_memory(
    tmp_path: Path, suffix: str, opener: object
) -> None:
    path = tmp_path / f"bomb{suffix}"
    _write_bomb(path, opener, 64 * MIB)
    # Python's own allocation peak: the process's ru_maxrss may already stand higher from
    # earlier tests in the same worker, which would hide any growth here.
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="larger than 16 MB") as info:
            list(iter_pages(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.path == str(path)
    assert peak < 200 * MIB  # the whole page would be 64 MB, its copies several times that


def test_dump_index_offset_past_the_file_is_a_clear_error(tmp_path: Path) -> None:
    index = tmp_path / "index.txt"
    lines = bz2.decompress(MULTISTREAM_INDEX.read_bytes()).decode().splitlines()
    _, page_id, title = lines[0].split(":", 2)
    index.write_text(f"{2**70}:{page_id}:{title}\n" + "\n".join(lines[1:]) + "\n")
    with pytest.raises(ReadError, match="past the end of the file") as info:
        find_page(MULTISTREAM, title, index)
    assert "\n" not in str(info.value)
