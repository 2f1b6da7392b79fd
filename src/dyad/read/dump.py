"""MediaWiki XML dumps: stream their pages, find one page, list titles, read articles as Documents.

Reads plain ``.xml``, ``.xml.bz2`` (one stream or Wikimedia multistream) and ``.xml.gz``,
export schema 0.3 to 0.11, in constant memory: the file is decompressed a megabyte at a time
(:mod:`dyad.read.dump_io`), cut into pages as it goes (:mod:`dyad.read.dump_xml`) and each page
read into a :class:`Page` (:mod:`dyad.read.dump_scan`). ``.7z``, ``.xz`` and ``.zst`` files are
refused with a message saying to decompress them first.

- :func:`iter_pages` every page, with its latest revision (the greatest timestamp, the last
  one on ties);
- :func:`list_pages` titles, ids and namespaces, from a multistream index when there is one;
- :func:`find_page` one page, reading a single bz2 stream when the dump has an index;
- :func:`iter_documents` each article (namespace 0, not a redirect) read by the wikitext reader;
  a page whose wikitext cannot be read is reported to ``on_error`` and skipped;
- :func:`document_for_title` one article, following redirects;
- :func:`stream_ranges` and :func:`iter_pages_in_range` (from :mod:`dyad.read.multistream`)
  split a multistream dump into byte ranges that workers read independently.

How it parses, and why. The project prefers well-kept libraries, and mwxml (MIT) reads these
dumps, but this reader must stay within 1.5x of bz2 decompression alone. On the 2,004-page
Latgalian dump (3.7 MB of XML; medians of 11 interleaved runs on the 2-core project machine;
``bench/bench_dump.py``), against ``bz2.open`` read alone (85.6 ms for the one-stream file,
69.8 ms for the multistream one), streaming every page's fields and text took:

==============================================  ==========  ===========
                                                one stream  multistream
==============================================  ==========  ===========
mwxml (pages, revisions, text)                  5.1x        4.8x
``ElementTree.iterparse``, clearing each page   2.0x        2.0x
``xml.parsers.expat``, leanest handlers         1.6x        1.6x
this reader                                     1.37x       1.40x
==============================================  ==========  ===========

The reader gives 31.6 and 37.6 MB/s of XML (5.9 and 7.9 MB/s of compressed file; 122 MB/s from
plain XML). Expat costs a Python call per tag and per piece of text, 16 elements a page; this
reader gives Python no tag at all for a page laid out as MediaWiki writes it: one anchored
regular expression up to ``<text>``, one ``find`` through the text, ``bytes.replace`` for its
entities. ElementTree still judges every page that holds anything unusual, and tests check that
the paths agree (:mod:`dyad.read.dump_scan`).

Errors are :class:`~dyad.read.errors.ReadError`: a truncated file, damaged compression, content
that is not a MediaWiki export, an unknown title, a missing index. Each names the file and
where the problem is (a byte offset, a page number and title). Pages before a break are yielded
before the error is raised, so a caller may keep what it got.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from dyad.model import Document
from dyad.read.dump_io import open_chunks, sniff
from dyad.read.dump_page import Page, SiteInfo, normalize_title, unknown_title
from dyad.read.dump_xml import PageParser
from dyad.read.errors import ReadError
from dyad.read.multistream import (
    IndexEntry,
    StreamIndex,
    find_in_multistream,
    find_index,
    iter_pages_in_range,
    load_index,
    read_index,
    read_site,
    stream_ranges,
)

__all__ = [
    "IndexEntry",
    "OnError",
    "Page",
    "PageInfo",
    "SiteInfo",
    "StreamIndex",
    "document_for_title",
    "find_page",
    "iter_documents",
    "iter_pages",
    "iter_pages_in_range",
    "list_pages",
    "load_index",
    "read_index",
    "read_site",
    "stream_ranges",
]

logger = logging.getLogger(__name__)

OnError = Callable[[Page, ReadError], None]
"""Called with a page whose wikitext could not be read and the error; may raise to stop."""

_MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page's identity without its text.

    ``redirect`` is ``None`` when the listing came from a multistream index, which does not
    say which pages are redirects; ``target`` is the title a redirect leads to.
    """

    title: str
    ns: int
    page_id: int | None
    redirect: bool | None
    target: str | None = None


def iter_pages(path: str | Path) -> Iterator[Page]:
    """Every page of the dump in file order, in constant memory."""
    path = Path(path)
    parser = PageParser(path)
    yield from parser.pages(open_chunks(path))


def list_pages(
    path: str | Path, *, index_path: str | Path | None = None, use_index: bool = True
) -> Iterator[PageInfo]:
    """Every page's title, namespace and id.

    From the multistream index when there is one (given, or beside the dump) and ``use_index``
    is true: fast, but an index does not say which pages are redirects (``redirect`` is
    ``None``). Otherwise by streaming the whole dump, which does.
    """
    path = Path(path)
    if not use_index:
        index_path = None
    elif index_path is None and sniff(path) == "bz2":
        index_path = find_index(path)
    if index_path is not None:
        site = read_site(path)
        for entry in read_index(index_path):
            yield PageInfo(entry.title, site.namespace_of(entry.title), entry.page_id, None)
        return
    for page in iter_pages(path):
        yield PageInfo(page.title, page.ns, page.page_id, page.redirect is not None, page.redirect)


def find_page(dump_path: str | Path, title: str, index_path: str | Path | None = None) -> Page:
    """The page titled ``title`` (compared as MediaWiki does: ``_`` = space, first letter in
    any case); the first one when several pages share the title.

    With a multistream index (``index_path``, or found beside the dump under its usual name)
    only the bz2 stream holding the page is decompressed. Without one the dump is scanned from
    the start up to the page, which takes as long as reading that much of the file. An unknown
    title raises :class:`ReadError` naming the closest titles.
    """
    path = Path(dump_path)
    if index_path is None and sniff(path) == "bz2":
        index_path = find_index(path)
    if index_path is not None:
        return find_in_multistream(path, title, index_path)
    wanted = normalize_title(title)
    found: list[Page] = []

    def titles() -> Iterator[str]:
        for page in iter_pages(path):
            if page.title == title or normalize_title(page.title) == wanted:
                found.append(page)
                return
            yield page.title

    error = unknown_title(path, title, titles())
    if found:
        return found[0]
    raise error


def iter_documents(
    path: str | Path,
    *,
    include_redirects: bool = False,
    on_error: OnError | None = None,
) -> Iterator[Document]:
    """Each article of the dump (namespace 0; redirects only if asked) as a :class:`Document`.

    Each page is read with :func:`dyad.read.wikitext.read`, its source ``"<path>#<title>"``. A
    page whose wikitext raises :class:`ReadError` does not stop the stream: it is passed with
    its error to ``on_error`` (which may count, collect or raise to stop) and skipped; without
    ``on_error`` it is logged as a warning. A broken *dump* (truncation, damage) still raises,
    after the articles before the break.
    """
    read = _wikitext_reader()
    for page in iter_pages(path):
        if page.ns != 0 or (page.redirect is not None and not include_redirects):
            continue
        source = f"{path}#{page.title}"
        try:
            document = read(page.text, source=source, title=page.title)
        except ReadError as exc:
            _report(page, exc, on_error)
            continue
        except RecursionError:
            _report(page, ReadError(source, "too deeply nested to read as wikitext"), on_error)
            continue
        yield document


def _report(page: Page, error: ReadError, on_error: OnError | None) -> None:
    if on_error is None:
        logger.warning("skipped a page: %s", error)
    else:
        on_error(page, error)


def document_for_title(
    path: str | Path, title: str, *, index_path: str | Path | None = None
) -> Document:
    """The article titled ``title`` read as a :class:`Document`, following up to five redirects."""
    read = _wikitext_reader()
    page = find_page(path, title, index_path)
    seen = {normalize_title(page.title)}
    while page.redirect is not None:
        target = normalize_title(page.redirect)
        if target in seen or len(seen) > _MAX_REDIRECTS:
            raise ReadError(path, f"{title!r} redirects in a loop or too often ({page.redirect!r})")
        seen.add(target)
        page = find_page(path, page.redirect, index_path)
    return read(page.text, source=f"{path}#{page.title}", title=page.title)


class _WikitextRead(Protocol):
    def __call__(self, text: str, *, source: str, title: str | None) -> Document: ...


def _wikitext_reader() -> _WikitextRead:
    # Imported when used: the wikitext reader pulls in mwparserfromhell.
    module = importlib.import_module("dyad.read.wikitext")
    return cast(_WikitextRead, module.read)
