"""A dump file's bytes, decompressed in bounded chunks: plain XML, bz2 (one or many streams), gzip.

Every function here yields the decompressed bytes a chunk at a time, never more than
:data:`CHUNK` bytes per chunk whatever the compression ratio, so a reader holds at most a chunk
and the page it is working on. The compression is recognised from the file's first bytes, not
its name. Damaged input raises :class:`~dyad.read.errors.ReadError` naming the byte offset in the
compressed file where the damage was found.
"""

from __future__ import annotations

import bz2
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from dyad.read.errors import ReadError

CHUNK = 1024 * 1024
"""Most decompressed bytes yielded at once."""

_READ = 64 * 1024
"""Compressed bytes read from the file at once."""

Compression = Literal["plain", "bz2", "gzip"]

BZ2_MAGIC = b"BZh"
_GZIP_MAGIC = b"\x1f\x8b"
_REFUSED = {
    b"7z\xbc\xaf\x27\x1c": "a 7z archive: decompress it first (`7z x FILE`) or use the .bz2 dump",
    b"\xfd7zXZ\x00": "an xz file: decompress it first (`xz -d FILE`) or use the .bz2 dump",
    b"\x28\xb5\x2f\xfd": "a zstd file: decompress it first (`zstd -d FILE`) or use the .bz2 dump",
    b"PK\x03\x04": "a zip archive: extract the dump from it first",
}


def sniff(path: Path) -> Compression:
    """How ``path`` is compressed, from its first bytes; refuses formats this reader cannot open."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a folder, not a dump file") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read: {exc.strerror or exc}") from None
    if not head:
        raise ReadError(path, "file is empty")
    if head.startswith(BZ2_MAGIC):
        return "bz2"
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    for magic, problem in _REFUSED.items():
        if head.startswith(magic):
            raise ReadError(path, f"this is {problem}")
    return "plain"


def open_chunks(path: Path) -> Generator[bytes, None, None]:
    """The decompressed content of the whole file, a chunk at a time."""
    compression = sniff(path)
    with path.open("rb") as fh:
        if compression == "bz2":
            yield from bz2_chunks(fh, path)
        elif compression == "gzip":
            yield from _gzip_chunks(fh, path)
        else:
            while block := fh.read(CHUNK):
                yield block


def bz2_chunks(
    fh: BinaryIO,
    path: Path,
    *,
    start: int = 0,
    end: int | None = None,
    max_streams: int | None = None,
) -> Iterator[bytes]:
    """Decompress the bz2 streams found from byte ``start`` (where ``fh`` stands) up to ``end``.

    A multistream file is a series of complete bz2 streams; each gets its own decompressor. At
    most ``max_streams`` streams are read, and no compressed byte past the last of them (or past
    ``end``) is read. ``end`` must fall on a stream boundary.
    """
    pos = start  # file offset of the next byte to read
    streams = 0
    stream_start = start
    pending = b""
    decompressor = bz2.BZ2Decompressor()
    while True:
        if decompressor.eof:
            streams += 1
            pending = decompressor.unused_data
            if max_streams is not None and streams >= max_streams:
                return
            stream_start = pos - len(pending)
            if not pending:
                pending = _read(fh, path, pos, end)
                pos += len(pending)
                if not pending:
                    return
            decompressor = bz2.BZ2Decompressor()
        if decompressor.needs_input:
            if not pending:
                pending = _read(fh, path, pos, end)
                pos += len(pending)
                if not pending:
                    if end is not None and pos >= end and fh.read(1):
                        raise ReadError(
                            path,
                            f"the byte range ends at byte {end:,}, inside the bz2 stream that "
                            f"starts at byte {stream_start:,}: ranges must end at stream "
                            "boundaries",
                        )
                    raise ReadError(
                        path,
                        f"truncated bz2 data: the stream that starts at byte {stream_start:,} "
                        f"is cut off at byte {pos:,} (end of file)",
                    )
            data, pending = pending, b""
        else:
            data = b""
        try:
            out = decompressor.decompress(data, CHUNK)
        except (OSError, ValueError) as exc:
            what = "not bz2 data" if stream_start > start or streams else "corrupt bz2 data"
            raise ReadError(
                path, f"{what} in the stream that starts at byte {stream_start:,} ({exc})"
            ) from None
        if out:
            yield out


def _gzip_chunks(fh: BinaryIO, path: Path) -> Iterator[bytes]:
    pos = 0  # file offset of the next byte to read
    member_start = 0
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    while True:
        if decompressor.eof:
            data = decompressor.unused_data
            member_start = pos - len(data)
            decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            if not data:
                data = fh.read(_READ)
                pos += len(data)
                if not data:
                    return
        elif decompressor.unconsumed_tail:
            data = decompressor.unconsumed_tail
        else:
            data = fh.read(_READ)
            pos += len(data)
            if not data:
                # Output zlib still holds for lack of room comes out before the verdict.
                while out := decompressor.decompress(b"", CHUNK):
                    yield out
                if decompressor.eof:
                    continue
                raise ReadError(
                    path,
                    f"truncated gzip data: the member that starts at byte {member_start:,} is "
                    f"cut off at byte {pos:,} (end of file)",
                )
        try:
            out = decompressor.decompress(data, CHUNK)
        except zlib.error as exc:
            raise ReadError(
                path,
                f"corrupt gzip data in the member that starts at byte {member_start:,} ({exc})",
            ) from None
        if out:
            yield out


def _read(fh: BinaryIO, path: Path, pos: int, end: int | None) -> bytes:
    size = _READ if end is None else min(_READ, end - pos)
    if size <= 0:
        return b""
    try:
        return fh.read(size)
    except OSError as exc:
        raise ReadError(path, f"cannot read at byte {pos:,}: {exc.strerror or exc}") from None
