"""Bytes in, text out: decoding with errors that say where the input went wrong."""

from __future__ import annotations

import codecs
import stat
import unicodedata
from pathlib import Path

from dyad.read.errors import ReadError

# A whole article is a few hundred kilobytes (the largest in the corpus, Foreign relations of the
# United Kingdom, is 642 kB of wikitext; a saved HTML page of it a few MB). Anything far larger is
# not one article, and reading it would cost time and memory in proportion: every reader holds
# the bytes, the text and the document (a 50 MB file took 1.2 GB), so the limit is checked on
# the file's size before a byte is read.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
# The longest paragraph of a real article is well under 100,000 characters: a line past this is
# a dump, a minified page or garbage, not an article.
MAX_LINE_CHARS = 2 * 1024 * 1024


def check_regular(path: Path) -> int:
    """The size of ``path`` if it is a regular file; else a :class:`ReadError` saying what it is.

    A FIFO would block a reader forever and a device (``/dev/zero``) never ends: both are
    refused before anything opens them.
    """
    try:
        mode = path.stat().st_mode
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise ReadError(path, "is a folder, not an article file")
    if stat.S_ISFIFO(mode):
        raise ReadError(path, "is a named pipe (FIFO), not a file: save its content to a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise ReadError(path, "is a device, not a file")
    if stat.S_ISSOCK(mode):
        raise ReadError(path, "is a socket, not a file")
    return size


def read_bytes(path: Path) -> bytes:
    size = check_regular(path)
    if size > MAX_ARTICLE_BYTES:
        raise ReadError(path, _too_large(size))
    try:
        with path.open("rb") as fh:
            # The size can change between stat and read (a file still being written):
            # never read more than the limit and one byte to notice.
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ReadError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ReadError(path, _too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return (
        f"{size:,} bytes is more than one article can be (limit {MAX_ARTICLE_BYTES // 2**20} MiB; "
        "the largest real articles are under 1 MB): split it or check it is an article"
    )


def decode(data: bytes, path: str | Path) -> str:
    """Decode UTF-8 (a byte-order mark is allowed); refuse empty, binary and non-UTF-8 input."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), path)
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"invalid UTF-16 at byte {exc.start}") from None
    if not data.strip():
        raise ReadError(path, "file is empty")
    if b"\0" in data[:8192]:
        raise ReadError(path, "binary data (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}); "
            "convert the file to UTF-8",
        ) from None
    return _checked(text, path)


def _checked(text: str, path: str | Path) -> str:
    if not text.strip():
        raise ReadError(path, "file is empty")
    if "\0" in text:
        raise ReadError(path, "binary data (NUL characters), not a text article")
    sample = text[:8192]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > len(sample) // 20:
        raise ReadError(path, "binary data (control characters), not a text article")
    # One line ending convention for every reader.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_LINE_CHARS:
        start = 0
        number = 1
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if end - start > MAX_LINE_CHARS:
                raise ReadError(
                    path,
                    f"line {number} is {end - start:,} characters long, longer than any "
                    f"article's paragraph (limit {MAX_LINE_CHARS:,}): not an article",
                )
            start = end + 1
            number += 1
    return text


def title_from_filename(name: str) -> str:
    """``Foreign_relations_of_Georgia__country_.wiki`` -> "Foreign relations of Georgia (country)".

    Underscores are spaces; the extension (and a format tag such as ``.infolist``) is dropped;
    the double underscore some dumps use for parentheses is undone.
    """
    stem = Path(name).name
    for _ in range(2):
        head, dot, ext = stem.rpartition(".")
        if dot and head and 1 <= len(ext) <= 9 and ext.isalnum() and not ext.isdigit():
            stem = head
    if stem.endswith("_") and "__" in stem:
        before, _, inner = stem[:-1].rpartition("__")
        stem = f"{before} ({inner})"
    return " ".join(stem.replace("_", " ").split())
