"""A dump cut into partitions that Spark tasks read independently.

A multistream dump with an index is cut at bz2 stream starts into byte ranges of about equal
compressed size (:func:`dyad.read.multistream.stream_ranges`): a task decompresses only its
range. A dump without an index (plain ``.xml``, one-stream ``.bz2``, ``.gz``) cannot be cut
without reading it, so each such file is one partition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.read.dump import Page, iter_pages, iter_pages_in_range, load_index, stream_ranges
from dyad.read.dump_io import sniff
from dyad.read.multistream import find_index, read_site

# About this many compressed bytes a partition: 100-page streams of English Wikipedia weigh
# ~300 kB, so a partition holds ~30 streams; a task is a few seconds to a minute.
DEFAULT_PARTITION_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Partition:
    """Bytes ``start`` to ``end`` of a multistream dump, or (``end is None``) a whole file."""

    number: int
    dump: str
    start: int = 0
    end: int | None = None
    namespaces: tuple[tuple[int, str], ...] = ()

    def pages(self) -> Iterator[Page]:
        """The partition's pages, read by Dyad's dump reader."""
        if self.end is None:
            yield from iter_pages(self.dump)
        else:
            names = dict(self.namespaces) if self.namespaces else None
            yield from iter_pages_in_range(self.dump, self.start, self.end, names)


def plan(
    dump: str | Path,
    *,
    index: str | Path | None = None,
    partitions: int | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
) -> list[Partition]:
    """The partitions of ``dump``: byte ranges when it has a multistream index (given, or beside
    it), else one partition for the file.

    ``partitions`` fixes their number; otherwise there is one per ``partition_bytes`` of
    compressed dump. The namespaces of the dump's header travel with each partition, so that a
    task does not read the first stream again.
    """
    path = Path(dump)
    if index is None and sniff(path) == "bz2":
        index = find_index(path)
    if index is None:
        return [Partition(0, str(path))]
    streams = load_index(path, index)
    wanted = partitions or max(1, -(-streams.size // partition_bytes))
    names = tuple(sorted(read_site(path).namespaces.items()))
    return [
        Partition(number, str(path), start, end, names)
        for number, (start, end) in enumerate(stream_ranges(streams, wanted))
    ]
