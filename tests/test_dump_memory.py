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
    """3.7 MB of XML whose largest page is 260 kB: the peak is that page's copies and a chunk."""
    pages, peak = _peak(lambda: sum(1 for _ in iter_pages(MULTISTREAM)))
    assert pages == 2004
    assert peak < 2.5 * MB


def test_dump_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    body = "Lorem ipsum dolor sit amet, [[consectetur]] &lt;adipiscing&gt; elit. " * 700
    with path.open("w", encoding="utf-8") as out:
        out.write(header())
        for number in range(1, 701):
            out.write(page_xml(P(f"Page {number}", [Rev(body, id=number)], id=number)))
        out.write("</mediawiki>\n")
    size = path.stat().st_size
    assert size > 32 * MB
    pages, peak = _peak(lambda: sum(1 for _ in iter_pages(path)))
    assert pages == 700
    assert peak < 2 * MB < size / 16
