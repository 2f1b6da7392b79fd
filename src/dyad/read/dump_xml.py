"""MediaWiki export XML to a stream of :class:`~dyad.read.dump_page.Page` records.

:class:`PageParser` takes the decompressed bytes a chunk at a time. It parses the header
(``<mediawiki>``, ``<siteinfo>``: namespaces, schema version) with ElementTree, then cuts the
stream at ``<page>`` ... ``</page>`` with ``bytes.find`` and hands each page's bytes to
:mod:`dyad.read.dump_scan`; between pages only white space, comments and the closing
``</mediawiki>`` may stand. It holds the current chunk and page, never the file: buffered bytes
are dropped once their pages are out. Every problem is a :class:`~dyad.read.errors.ReadError`
saying where: the decompressed byte offset, the page's number, the last good title.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.read.dump_io import CHUNK
from dyad.read.dump_page import Page, SiteInfo
from dyad.read.dump_scan import (
    local_name,
    page_from_element,
    scan_page,
    scan_standard_page,
    to_int,
    xml_problem,
)
from dyad.read.errors import ReadError

__all__ = ["MAX_PAGE_BYTES", "PageParser"]


@dataclass
class _Header:
    """What a dump's header says so far, as the pull parser reports its elements."""

    root_seen: bool = False
    open_elements: list[str] = field(default_factory=list)
    namespaces: dict[int, str] = field(default_factory=dict)
    version: str | None = None
    dbname: str | None = None

    def take(self, event: str, element: ET.Element) -> str | None:
        """Record one ``start`` or ``end`` event; the root element's name at its start."""
        name = local_name(element.tag)
        if event == "start":
            self.open_elements.append(name)
        else:
            self.open_elements.pop()
        if event == "start" and not self.root_seen:
            self.root_seen = True
            self.version = element.get("version")
            return name
        if event == "end" and name == "namespace":
            key = to_int(element.get("key", ""), signed=True)
            if key is not None:
                self.namespaces[key] = (element.text or "").strip()
        elif event == "end" and name == "dbname":
            self.dbname = (element.text or "").strip() or None
        return None


class PageParser:
    """Turns the decompressed bytes of a dump into pages, one ``<page>`` element at a time.

    ``fragment`` parses a piece of a multistream dump: ``<page>`` elements without the
    ``<mediawiki>`` root around them (a header and a closing tag are accepted where present).
    After :meth:`pages` has started, :attr:`site` holds what the header said and
    :attr:`count` how many pages were yielded. Offsets in errors count decompressed bytes.
    """

    def __init__(
        self, path: str | Path, *, fragment: bool = False, site: SiteInfo | None = None
    ) -> None:
        self.path = str(path)
        self.fragment = fragment
        self.site = site or SiteInfo()
        self.count = 0
        self.last_title: str | None = None
        self._buf = bytearray()
        self._base = 0  # offset of _buf[0] in the decompressed stream
        self._chunks: Iterator[bytes] = iter(())
        self._eof = False

    def pages(self, chunks: Iterable[bytes]) -> Iterator[Page]:
        """Each page of the stream in order; raises :class:`ReadError` where the stream breaks.

        Pages before the break are yielded before the error is raised.
        """
        self._chunks = iter(chunks)
        self._fill()
        pos = self._start()
        yield from self._body(pos)

    def header(self, chunks: Iterable[bytes]) -> SiteInfo:
        """Read only the header (``<mediawiki>``, ``<siteinfo>``) and return what it says."""
        self._chunks = iter(chunks)
        self._fill()
        self._start()
        return self.site

    # -- reading ------------------------------------------------------------------------

    def _fill(self) -> bool:
        """Append the next chunk to the buffer; ``False`` at the end of the stream."""
        if self._eof:
            return False
        try:
            chunk = next(self._chunks, None)
        except ReadError as exc:
            raise ReadError(exc.path, exc.problem + self._where()) from None
        if chunk is None:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _where(self) -> str:
        if self.last_title is None:
            return " (before the first page)"
        return f" (after page {self.count:,}, {self.last_title!r})"

    def _error(self, problem: str) -> ReadError:
        return ReadError(self.path, problem)

    def _start(self) -> int:
        """Check the stream opens a MediaWiki export, read its header; where the pages begin."""
        buf = self._buf
        while len(buf) < 64 and self._fill():
            pass
        start = _skip_space(buf, 0)
        if buf.startswith(b"\xef\xbb\xbf"):
            start = _skip_space(buf, 3)
        if start >= len(buf):
            raise self._error("no XML: the content is empty or only white space")
        if buf[start] != ord("<"):
            raise self._error(
                f"not a MediaWiki XML export: the content starts with {bytes(buf[:24])!r}"
            )
        if self.fragment and (
            _is_tag(buf, start, b"page") or buf.startswith(b"</mediawiki", start)
        ):
            return start
        return self._header(start)

    def _header(self, start: int) -> int:
        buf = self._buf
        declaration = _DECLARATION.match(buf, start)
        if declaration and declaration.group(1).lower() not in (b"utf-8", b"utf8"):
            raise self._error(
                f"the XML is encoded as {declaration.group(1).decode('ascii', 'replace')}; "
                "only UTF-8 dumps are read"
            )
        parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
        header = _Header()
        fed = 0
        while True:
            end = _header_end(buf, max(0, fed - 16))
            stop = end if end >= 0 else len(buf)
            if buf.find(b"<!DOCTYPE", max(0, fed - 8), stop) >= 0:
                raise self._error("the XML has a DOCTYPE: MediaWiki exports have none")
            self._feed_header(parser, bytes(buf[fed:stop]), header)
            fed = stop
            if end >= 0:
                break
            if not self._more_header(fed, header.root_seen):
                end = len(buf)  # the header stream of a multistream dump, alone
                break
        if not header.root_seen:
            raise self._error("not a MediaWiki export: a <page> comes before any <mediawiki>")
        if len(header.open_elements) > 1:
            raise self._error(
                f"not well-formed XML: <{header.open_elements[-1]}> is not closed before byte "
                f"{self._base + end:,}"
            )
        self.site = SiteInfo(
            namespaces=header.namespaces or dict(self.site.namespaces),
            version=header.version,
            dbname=header.dbname,
        )
        return end

    def _feed_header(
        self, parser: ET.XMLPullParser[ET.Element], data: bytes, header: _Header
    ) -> None:
        """Parse more of the header into ``header``; errors for ill-formed XML or a root
        element other than ``<mediawiki>``."""
        try:
            parser.feed(data)
            for item in parser.read_events():
                event, element = item[0], item[-1]
                if isinstance(element, ET.Element):
                    root = header.take(event, element)
                    if root is not None and root != "mediawiki":
                        raise self._error(
                            f"not a MediaWiki export: the root element is <{root}>, not <mediawiki>"
                        )
        except ET.ParseError as exc:
            line, column = exc.position
            raise self._error(
                f"not well-formed XML at line {line:,}, column {column + 1}: {xml_problem(exc)}"
            ) from None

    def _more_header(self, fed: int, root_seen: bool) -> bool:
        """Read another chunk of the header: ``False`` when a fragment's header ends with its
        stream; errors for a header too long or a stream ending inside it."""
        if fed > _HEADER_LIMIT:
            raise self._error(
                f"no <page> in the first {_HEADER_LIMIT // 2**20} MB: not a MediaWiki page export"
            )
        if self._fill():
            return True
        if not root_seen:
            raise self._error("not a MediaWiki export: no root element")
        if self.fragment:
            return False
        raise self._error(
            f"truncated: the file ends at byte {self._base + len(self._buf):,}, "
            "inside the header, before any <page>"
        )

    def _body(self, pos: int) -> Iterator[Page]:
        buf = self._buf
        closed = False
        while True:
            # The common case first: white space, then a whole page as MediaWiki lays it out.
            standard = None if closed else scan_standard_page(buf, pos)
            if standard is not None:
                page, end = standard
                yield self._counted(page, pos)
                pos = self._compact(end)
                continue
            # Then a whole page laid out otherwise.
            following = None if closed else _NEXT_PAGE.match(buf, pos)
            start = following.end() - len(b"<page>") if following else -1
            end = buf.find(b"</page>", start) if following else -1
            if end < 0:
                pos = self._next_markup(pos, closed)
                if pos >= len(buf):
                    return
                if not closed and _is_tag(buf, pos, b"page"):
                    start, end = pos, self._find_page_end(pos)
                elif not closed and buf.startswith(b"</mediawiki", pos):
                    close = buf.find(b">", pos)
                    if close < 0 or buf[pos + len(b"</mediawiki") : close].strip():
                        raise self._unexpected(pos)
                    closed = True
                    pos = close + 1
                    continue
                elif buf.startswith(b"<!--", pos):
                    pos = self._skip_to(pos, b"-->")
                    continue
                elif buf.startswith(b"<?", pos) and not buf.startswith(b"<?xml", pos):
                    pos = self._skip_to(pos, b"?>")
                    continue
                else:
                    raise self._unexpected(pos, closed)
            yield self._counted(self._page(start, end), start)
            pos = self._compact(end + len(b"</page>"))

    def _counted(self, page: Page, start: int) -> Page:
        if not page.title or page.title.isspace():
            raise self._error(
                f"page {self.count + 1:,} (starting at byte {self._base + start:,}) has no title"
            )
        self.count += 1
        self.last_title = page.title
        return page

    def _compact(self, pos: int) -> int:
        """Drop the buffered bytes before ``pos`` once they are most of the buffer."""
        if pos > 65536 and pos * 2 > len(self._buf):
            del self._buf[:pos]
            self._base += pos
            return 0
        return pos

    def _next_markup(self, pos: int, closed: bool) -> int:
        """Where the next markup starts, reading on as needed; ``len(buf)`` at a proper end."""
        buf = self._buf
        pos = _skip_space(buf, pos)
        while pos >= len(buf) - len(b"</mediawiki>") and not self._eof:
            self._fill()
            pos = _skip_space(buf, pos)
        if pos >= len(buf) and not (closed or self.fragment):
            raise self._error(
                f"truncated: the file ends at byte {self._base + len(buf):,} without "
                f"</mediawiki>{self._where()}"
            )
        return pos

    def _unexpected(self, pos: int, closed: bool = False) -> ReadError:
        where = "after </mediawiki>" if closed else "where a <page> should start"
        return self._error(
            f"unexpected content {where} at byte {self._base + pos:,}: "
            f"{bytes(self._buf[pos : pos + 40])!r}{self._where()}"
        )

    def _skip_to(self, pos: int, marker: bytes) -> int:
        found = self._buf.find(marker, pos)
        while found < 0 and len(self._buf) - pos <= MAX_PAGE_BYTES and self._fill():
            found = self._buf.find(marker, max(pos, len(self._buf) - CHUNK - len(marker)))
        if found < 0 and len(self._buf) - pos > MAX_PAGE_BYTES:
            raise self._error(
                f"markup that starts at byte {self._base + pos:,} runs on for more than "
                f"{MAX_PAGE_BYTES // 2**20} MB without closing: the dump is damaged"
            )
        if found < 0:
            raise self._error(
                f"truncated: the file ends inside markup that starts at byte {self._base + pos:,}"
            )
        return found + len(marker)

    def _find_page_end(self, start: int) -> int:
        buf = self._buf
        search = start
        while (end := buf.find(b"</page>", search)) < 0:
            search = max(start, len(buf) - len(b"</page>"))
            if len(buf) - start > MAX_PAGE_BYTES:
                raise self._error(
                    f"page {self.count + 1:,} (starting at byte {self._base + start:,}) is "
                    f"larger than {MAX_PAGE_BYTES // 2**20} MB, far more than any article: "
                    "the dump is damaged or hostile" + self._where()
                )
            if not self._fill():
                raise self._error(
                    f"truncated: page {self.count + 1:,} starts at byte {self._base + start:,} "
                    f"but the file ends at byte {self._base + len(buf):,} before its </page>"
                    + (f" (after {self.last_title!r})" if self.last_title is not None else "")
                )
        return end

    def _page(self, start: int, end: int) -> Page:
        return scan_page(self._buf, start, end, self.site) or self._slow_page(start, end)

    def _slow_page(self, start: int, end: int) -> Page:
        data = bytes(self._buf[start : end + len(b"</page>")])
        try:
            element = ET.fromstring(data)
        except ET.ParseError as exc:
            line, column = exc.position
            raise self._error(
                f"page {self.count + 1:,} (starting at byte {self._base + start:,}) is not "
                f"well-formed XML at its line {line}, column {column + 1}: {xml_problem(exc)}"
            ) from None
        return page_from_element(element, self.site)


_HEADER_LIMIT = 16 * 2**20
MAX_PAGE_BYTES = 16 * 2**20
"""The most XML one ``<page>`` may hold: four times the largest wikitext page the reader accepts
(its escaping can double it), and refused as soon as it is passed, while streaming."""
_NOT_SPACE = re.compile(rb"[^ \t\r\n]")
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_NEXT_PAGE = re.compile(rb"[ \t\r\n]*<page>")
_HEADER_END = re.compile(rb"<page[\s>]|</mediawiki[\s>]")


def _skip_space(buf: bytearray, pos: int) -> int:
    match = _NOT_SPACE.search(buf, pos)
    return match.start() if match else len(buf)


def _is_tag(buf: bytearray, pos: int, name: bytes) -> bool:
    after = pos + 1 + len(name)
    return (
        buf.startswith(name, pos + 1)
        and buf[pos] == ord("<")
        and (after >= len(buf) or buf[after] in b" \t\r\n>/")
    )


def _header_end(buf: bytearray, pos: int) -> int:
    match = _HEADER_END.search(buf, pos)
    return match.start() if match else -1
