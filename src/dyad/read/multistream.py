"""Wikimedia multistream dumps: the index, one page without the rest, byte ranges for parallel work.

A multistream dump (``*-pages-articles-multistream.xml.bz2``) is a series of independent bz2
streams: the first holds ``<mediawiki>`` and ``<siteinfo>``, each following one up to 100
``<page>`` elements with no root around them, the last ``</mediawiki>``. Its index
(``*-multistream-index.txt.bz2``, bz2-compressed or plain) has one line ``offset:page_id:title``
per page, ``offset`` being the byte where the page's stream starts; titles may contain colons.

With the index, one page costs one stream (a few hundred kilobytes decompressed) whatever the
size of the dump, and the file can be cut at stream boundaries into byte ranges that workers read
independently (:func:`stream_ranges`, :func:`iter_pages_in_range`), for instance on Spark::

    index = load_index(dump)
    ranges = stream_ranges(index, 64)
    pages = spark.sparkContext.parallelize(ranges, len(ranges)).flatMap(
        lambda r: iter_pages_in_range(dump, *r)
    )
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dyad.read.dump_io import BZ2_MAGIC, bz2_chunks, open_chunks, sniff
from dyad.read.dump_page import Page, SiteInfo, normalize_title, unknown_title
from dyad.read.dump_xml import PageParser
from dyad.read.errors import ReadError

__all__ = [
    "IndexEntry",
    "StreamIndex",
    "find_in_multistream",
    "find_index",
    "index_candidates",
    "iter_pages_in_range",
    "load_index",
    "read_index",
    "read_site",
    "stream_ranges",
]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of a multistream index: where the page's stream starts, its id and title."""

    offset: int
    page_id: int
    title: str


@dataclass(frozen=True, slots=True)
class StreamIndex:
    """Where the page streams of a multistream dump start (sorted), and the dump's size."""

    dump_path: Path
    index_path: Path
    offsets: tuple[int, ...]
    size: int


_WIKIMEDIA_NAME = re.compile(r"^(?P<stem>.*)-multistream(?P<n>\d*)\.xml(?P<part>-p\d+p\d+)?\.bz2$")


def index_candidates(dump_path: str | Path) -> list[Path]:
    """The names an index beside ``dump_path`` may have, most likely first.

    ``X-multistream.xml.bz2`` -> ``X-multistream-index.txt.bz2`` (and the numbered, split
    ``X-multistream3.xml-p1p41242.bz2`` -> ``X-multistream-index3.txt-p1p41242.bz2``), then
    ``.txt`` without compression.
    """
    path = Path(dump_path)
    names: list[str] = []
    match = _WIKIMEDIA_NAME.match(path.name)
    if match:
        stem, number, part = match.group("stem", "n", "part")
        names.append(f"{stem}-multistream-index{number}.txt{part or ''}.bz2")
        names.append(f"{stem}-multistream-index{number}.txt{part or ''}")
    base = path.name
    for suffix in (".bz2", ".xml"):
        base = base.removesuffix(suffix)
    names += [f"{base}-index.txt.bz2", f"{base}-index.txt"]
    return [path.with_name(name) for name in dict.fromkeys(names)]


def find_index(dump_path: str | Path) -> Path | None:
    """The index file beside ``dump_path``, or ``None`` when there is none."""
    return next((path for path in index_candidates(dump_path) if path.is_file()), None)


def read_index(index_path: str | Path) -> Iterator[IndexEntry]:
    """Each line of an index (plain, bz2 or gzip), in file order."""
    path = Path(index_path)
    rest = b""
    number = 0
    for chunk in open_chunks(path):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            number += 1
            if line.strip():
                yield _entry(path, number, line)
    if rest.strip():
        yield _entry(path, number + 1, rest)


def _entry(path: Path, number: int, line: bytes) -> IndexEntry:
    offset, _, rest = line.partition(b":")
    page_id, colon, title = rest.partition(b":")
    if not (colon and offset.isdigit() and page_id.isdigit()):
        raise ReadError(path, f"line {number:,} is not offset:page_id:title: {bytes(line[:80])!r}")
    try:
        text = title.rstrip(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError(path, f"line {number:,}: the title is not valid UTF-8") from None
    return IndexEntry(int(offset), int(page_id), text)


def load_index(dump_path: str | Path, index_path: str | Path | None = None) -> StreamIndex:
    """The stream offsets of a multistream dump, from ``index_path`` or the index beside it."""
    dump = Path(dump_path)
    index = _index_path(dump, index_path)
    size = dump.stat().st_size if dump.is_file() else None
    if size is None:
        raise ReadError(dump, "no such file")
    offsets = sorted({entry.offset for entry in read_index(index)})
    if not offsets:
        raise ReadError(index, "the index is empty")
    if offsets[-1] >= size:
        raise ReadError(
            index,
            f"the index points at byte {offsets[-1]:,} but {dump.name} has {size:,} bytes: "
            "it is not this dump's index",
        )
    return StreamIndex(dump, index, tuple(offsets), size)


def _index_path(dump: Path, index_path: str | Path | None) -> Path:
    if index_path is not None:
        index = Path(index_path)
        if not index.is_file():
            raise ReadError(index, "no such index file")
        return index
    found = find_index(dump)
    if found is None:
        names = ", ".join(path.name for path in index_candidates(dump)[:2])
        raise ReadError(
            dump, f"no multistream index beside the dump (looked for {names}); give its path"
        )
    return found


def stream_ranges(index: StreamIndex, n: int) -> list[tuple[int, int]]:
    """At most ``n`` byte ranges ``(start, end)`` covering the whole dump, cut at stream starts.

    The ranges are contiguous and about equal in compressed bytes; the first also holds the
    header stream and the last the closing one. Reading every range with
    :func:`iter_pages_in_range` gives the pages of the whole file.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    # The header stream stays with the first page stream: a range of its own would hold no page.
    candidates = index.offsets[1:]
    wanted = min(n - 1, len(candidates))
    cuts: list[int] = []
    low = 0  # the first candidate still free
    for k in range(1, wanted + 1):
        target = index.size * k / n
        high = len(candidates) - (wanted - k)  # leave one candidate for each cut still to make
        i = min(max(bisect.bisect_left(candidates, target, low, high), low), high - 1)
        if i > low and target - candidates[i - 1] < candidates[i] - target:
            i -= 1
        cuts.append(candidates[i])
        low = i + 1
    bounds = [0, *cuts, index.size]
    return list(itertools.pairwise(bounds))


def iter_pages_in_range(
    dump_path: str | Path,
    start: int,
    end: int,
    namespaces: Mapping[int, str] | None = None,
) -> Iterator[Page]:
    """The pages of the bz2 streams that fill bytes ``start`` to ``end`` of a multistream dump.

    ``start`` and ``end`` must be stream boundaries (see :func:`stream_ranges`). Only that part
    of the file is read; ``namespaces`` (number -> prefix, as in ``<siteinfo>``) is needed only
    for pages that lack ``<ns>``: when not given it is read from the dump's first stream.
    """
    path = Path(dump_path)
    if not 0 <= start < end:
        raise ValueError(f"not a byte range: {start}..{end}")
    site: SiteInfo | None = None
    if namespaces is not None:
        site = SiteInfo(namespaces=dict(namespaces))
    elif start > 0:
        site = read_site(path)
    with path.open("rb") as fh:
        _seek_stream(fh, path, start, "the range start")
        parser = PageParser(path, fragment=True, site=site)
        yield from parser.pages(bz2_chunks(fh, path, start=start, end=end))


def read_site(dump_path: str | Path) -> SiteInfo:
    """The ``<siteinfo>`` of a dump (namespaces, version), reading only its beginning."""
    path = Path(dump_path)
    parser = PageParser(path)
    chunks = open_chunks(path)
    try:
        return parser.header(chunks)
    finally:
        chunks.close()


def find_in_multistream(dump_path: str | Path, title: str, index_path: str | Path) -> Page:
    """The page titled ``title``, decompressing only the stream the index places it in."""
    dump = Path(dump_path)
    index = _index_path(dump, index_path)
    wanted = normalize_title(title)
    entry = next(
        (e for e in read_index(index) if e.title == title or normalize_title(e.title) == wanted),
        None,
    )
    if entry is None:
        raise unknown_title(dump, title, (e.title for e in read_index(index)))
    if sniff(dump) != "bz2":
        raise ReadError(dump, "has a multistream index but is not bz2-compressed")
    with dump.open("rb") as fh:
        _seek_stream(fh, dump, entry.offset, f"the index's offset for {entry.title!r}")
        parser = PageParser(dump, fragment=True)
        for page in parser.pages(bz2_chunks(fh, dump, start=entry.offset, max_streams=1)):
            if page.page_id == entry.page_id and normalize_title(page.title) == wanted:
                return page
    raise ReadError(
        dump,
        f"the index places {entry.title!r} (page id {entry.page_id}) in the stream at byte "
        f"{entry.offset:,}, but that stream has no such page: the index does not match the dump",
    )


def _seek_stream(fh: BinaryIO, path: Path, offset: int, what: str) -> None:
    # An index written for another file can hold offsets past this one's end (or past what
    # seek() accepts at all): that is a mismatch to name, not an OverflowError to show.
    size = os.fstat(fh.fileno()).st_size
    if not 0 <= offset < size:
        raise ReadError(
            path,
            f"{what} (byte {offset:,}) is past the end of the file ({size:,} bytes): "
            "the index does not match the dump",
        )
    fh.seek(offset)
    if fh.read(len(BZ2_MAGIC)) != BZ2_MAGIC:
        raise ReadError(path, f"{what} (byte {offset:,}) is not the start of a bz2 stream")
    fh.seek(offset)
