"""Streaming a dump holds a chunk and the current page, never the file: tracemalloc's peak says."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

from dump_helpers import MULTISTREAM, P, Rev, header, page_xml
from dyad.read.dump import iter_pages

MB = 2**20


def _peak(count: Callable[[], int]) -> tuple[int, int]:
    tracemalloc.start()
    try:
        pages = count()
        return pages, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_dump_memory_smallwiki_peak() -> None:
    """3.7 MB of XML whose largest page is 260 kB: the peak is a chunk and that page's copies."""
    pages, peak = _peak(lambda: sum(1 for _ in iter_pages(MULTISTREAM)))
    assert pages == 2004
    assert peak < 3 * MB


def _write_dump(path: Path, pages: int) -> int:
    body = "Lorem ipsum dolor sit amet, [[consectetur]] &lt;adipiscing&gt; elit. " * 700
    with path.open("w", encoding="utf-8") as out:
        out.write(header())
        for number in range(1, pages + 1):
            out.write(page_xml(P(f"Page {number}", [Rev(body, id=number)], id=number)))
        out.write("</mediawiki>\n")
    return path.stat().st_size


def test_dump_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    """Four times the pages, the same peak: a few MB however large the dump."""
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    _write_dump(small, 200)
    size = _write_dump(large, 800)
    assert size > 36 * MB
    pages, small_peak = _peak(lambda: sum(1 for _ in iter_pages(small)))
    assert pages == 200
    pages, large_peak = _peak(lambda: sum(1 for _ in iter_pages(large)))
    assert pages == 800
    assert large_peak < small_peak * 1.25
    assert large_peak < 4 * MB < size / 9
