"""Readers: one module per input format, each turning an article into a Document.

``infolist`` (TheInfoList scrapes with inline link previews), ``wikitext`` (MediaWiki markup),
``markdown`` (articles rendered to Markdown with links), ``text`` (pandoc plain text),
``html`` (saved Wikipedia pages), ``historian`` and ``pocom`` (the US Office of the Historian's
relations-by-country TEI files and chiefs-of-mission files, curated sources) each expose
``read(text, *, source, title=None) -> Document``.
``dump`` streams MediaWiki XML dumps (plain, bz2, multistream) and reads each page with the
wikitext reader. This package's functions decode bytes, detect the format and dispatch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from dyad.model import Document
from dyad.read.detect import FORMATS, detect_format, is_dump
from dyad.read.errors import ReadError
from dyad.read.source import decode, read_bytes, title_from_filename

__all__ = [
    "FORMATS",
    "ReadError",
    "decode",
    "detect_format",
    "iter_documents",
    "read_file",
    "read_text",
    "title_from_filename",
]

Reader = Callable[..., Document]
_UNTITLED = frozenset({"wikitext", "text"})


def _reader(format: str) -> Reader:
    # Imported lazily: each reader pulls in its own dependencies (mwparserfromhell, ...).
    if format == "infolist":
        from dyad.read import infolist

        return infolist.read
    if format == "wikitext":
        from dyad.read import wikitext

        return wikitext.read
    if format == "markdown":
        from dyad.read import markdown

        return markdown.read
    if format == "text":
        from dyad.read import text

        return text.read
    if format == "html":
        from dyad.read import html

        return html.read
    if format == "historian":
        from dyad.read import historian

        return historian.read
    if format == "pocom":
        from dyad.read import pocom

        return pocom.read
    raise ReadError("<format>", f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def read_text(text: str, *, format: str, source: str, title: str | None = None) -> Document:
    """Read one article already decoded to text."""
    return _reader(format)(text, source=source, title=title)


def read_file(path: str | Path, format: str | None = None) -> Document:
    """Read one article file; the format is detected from its content unless given.

    Raises :class:`ReadError` naming the file and the problem (empty, binary, not UTF-8, a dump
    where one article was expected, ...).
    """
    path = Path(path)
    if format == "dump" or (format is None and is_dump(path)):
        raise ReadError(
            path, "this is a MediaWiki dump: give --title to read one page, or list its pages"
        )
    data = read_bytes(path)
    text = decode(data, path)
    chosen = format or detect_format(text, path.name)
    # Wikitext and pandoc text carry no reliable title: the file name is the title. The other
    # formats have their own (a title line, front matter, <title>) and fall back to it.
    named = title_from_filename(path.name)
    try:
        doc = read_text(
            text, format=chosen, source=str(path), title=named if chosen in _UNTITLED else None
        )
        if doc.title in {"", "Untitled"} and named:
            from dataclasses import replace

            doc = replace(doc, title=named)
        return doc
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError(path, f"too deeply nested to read as {chosen}") from exc


def iter_documents(
    path: str | Path,
    format: str | None = None,
    *,
    on_error: Callable[[object, ReadError], None] | None = None,
) -> Iterator[Document]:
    """Every article in ``path``: one for an article file, each article page for a dump.

    ``on_error(page, error)`` hears of each dump page that cannot be read (it is skipped); a
    break in the dump itself, or an unreadable article file, raises :class:`ReadError`.
    """
    path = Path(path)
    if format == "dump" or (format is None and is_dump(path)):
        from dyad.read import dump

        yield from dump.iter_documents(path, on_error=on_error)
        return
    yield read_file(path, format)
