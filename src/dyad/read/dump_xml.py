"""MediaWiki export XML, from decompressed bytes to :class:`Page` records, in constant memory.

How it parses, and why. The dump reader must keep within 1.5x of bz2 decompression alone. On
the 2,004-page Latgalian test dump (3.7 MB of XML; medians of 7 runs on the 2-core project
machine) decompression alone took 70-85 ms (multistream) and 105-120 ms (one stream); on top of
that mwxml spent about 270 ms (4.5x in all), ``ElementTree.iterparse`` clearing each page about
70 ms and ``xml.parsers.expat`` with the leanest handlers about 55 ms (1.7x): one Python
callback per start tag, end tag and piece of text, 16 elements a page. So the reader does not
hand every tag to Python. It cuts the byte stream at ``<page>`` ... ``</page>`` with
``bytes.find`` and takes each page's fields with a few anchored searches (the *fast path*); the
text, the bulk of the bytes, is unescaped with ``bytes.replace`` and decoded once.

The fast path understands the markup MediaWiki writes (``XmlDumpWriter``, export schema 0.3 to
0.11): elements, attributes, the five predefined entities and character references. Anything
else in a page (a comment, CDATA, a processing instruction, an unknown entity, invalid UTF-8,
an element where text belongs, a missing ``</title>``) sends that page to ElementTree, which
parses it as XML proper and either gives the same answer or raises the well-formedness error.
The header (``<mediawiki>`` and ``<siteinfo>``) is always parsed with ElementTree. Tests check
that both paths agree on every page of every fixture and on generated pages.

Which revision: a page with several revisions gives the text of its *latest* one, the one with
the greatest timestamp; among equal or missing timestamps the last one in the file wins (dumps
list revisions oldest first).
"""

from __future__ import annotations

import difflib
import functools
import heapq
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dyad.read.errors import ReadError

__all__ = [
    "Page",
    "PageParser",
    "SiteInfo",
    "closest_titles",
    "normalize_title",
    "parse_page",
    "redirect_target",
    "unknown_title",
]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a dump with its latest revision.

    ``ns`` is the namespace number (0 for articles); ``redirect`` is the title the page
    redirects to, from the ``<redirect>`` element or a ``#REDIRECT [[...]]`` first line.
    ``page_id``, ``revision_id``, ``timestamp``, ``model`` and ``format`` are ``None`` when
    the dump does not give them.
    """

    title: str
    ns: int
    page_id: int | None
    revision_id: int | None
    timestamp: str | None
    text: str
    redirect: str | None = None
    model: str | None = None
    format: str | None = None

    @property
    def is_redirect(self) -> bool:
        return self.redirect is not None

    @property
    def is_article(self) -> bool:
        """In the article namespace and not a redirect."""
        return self.ns == 0 and self.redirect is None


# Namespace names every MediaWiki knows, used for titles that come without <ns> when the
# dump's <siteinfo> does not list its own names.
_CANONICAL_NAMESPACES = {
    "media": -2,
    "special": -1,
    "talk": 1,
    "user": 2,
    "user talk": 3,
    "project": 4,
    "project talk": 5,
    "file": 6,
    "image": 6,
    "file talk": 7,
    "image talk": 7,
    "mediawiki": 8,
    "mediawiki talk": 9,
    "template": 10,
    "template talk": 11,
    "help": 12,
    "help talk": 13,
    "category": 14,
    "category talk": 15,
    "module": 828,
    "module talk": 829,
}


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What the dump's header says: its namespaces (number -> prefix) and schema version."""

    namespaces: Mapping[int, str] = field(default_factory=dict)
    version: str | None = None
    dbname: str | None = None

    def namespace_of(self, title: str) -> int:
        """The namespace a title's prefix names (``"Talk:Foo"`` -> 1); 0 when it names none."""
        prefix, colon, _ = title.partition(":")
        if not colon:
            return 0
        key = " ".join(prefix.replace("_", " ").split()).casefold()
        for number, name in self.namespaces.items():
            if name and name.casefold() == key:
                return number
        return _CANONICAL_NAMESPACES.get(key, 0)


def normalize_title(title: str) -> str:
    """The form MediaWiki compares titles in: underscores as spaces, one space, capital first."""
    title = " ".join(title.replace("_", " ").split())
    return title[:1].upper() + title[1:]


def closest_titles(wanted: str, titles: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` titles most like ``wanted`` (difflib ratio of at least 0.6), in one pass."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted.casefold())
    best: list[tuple[float, str]] = []
    cutoff = 0.6
    seen: set[str] = set()
    for title in titles:
        matcher.set_seq1(title.casefold())
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (score := matcher.ratio()) >= cutoff
            and title not in seen
        ):
            seen.add(title)
            heapq.heappush(best, (score, title))
            if len(best) > n:
                seen.discard(heapq.heappop(best)[1])
            if len(best) == n:
                cutoff = max(cutoff, best[0][0])
    return [title for _, title in sorted(best, reverse=True)]


def unknown_title(path: str | Path, title: str, titles: Iterable[str]) -> ReadError:
    """The error for a title the dump lacks, naming the closest of ``titles`` (read in one pass)."""
    close = closest_titles(title, titles)
    hint = "; did you mean " + ", ".join(repr(t) for t in close) + "?" if close else ""
    return ReadError(path, f"no page titled {title!r}{hint}")


# Redirect magic words: English and the commonest localised aliases (MediaWiki's
# MessagesXx.php files); matched case-insensitively at the start of the text.
_REDIRECT_WORDS = (
    "REDIRECT",
    "REDIRECTION",
    "REDIRECCIÓN",
    "REDIRECCION",
    "REDIRECIONAMENTO",
    "REDIRECT",
    "WEITERLEITUNG",
    "RINVIA",
    "RINVIO",
    "DOORVERWIJZING",
    "PATRZ",
    "PRZEKIERUJ",
    "PŘESMĚRUJ",
    "PRESMERUJ",
    "OMDIRIGERING",
    "OHJAUS",
    "UUDELLEENOHJAUS",
    "ÁTIRÁNYÍTÁS",
    "YÖNLENDİRME",
    "YÖNLENDİR",
    "PĀRADRESĀCIJA",
    "PĀRSŪTĪT",
    "NUKREIPIMAS",
    "ПЕРЕНАПРАВЛЕНИЕ",
    "ПЕРЕНАПР",
    "ПЕРЕНАПРАВЛЕННЯ",
    "ПЕРЕНАПРАВЯНЕ",
    "ПРЕУСМЕРИ",
    "ΑΝΑΚΑΤΕΥΘΥΝΣΗ",
    "הפניה",
    "تحويل",
    "تغییرمسیر",
    "अनुप्रेषित",
    "重定向",
    "転送",
    "リダイレクト",
    "넘겨주기",
)
_REDIRECT_TEXT = re.compile(
    r"\A\s*#(?:"
    + "|".join(sorted({re.escape(w) for w in _REDIRECT_WORDS}, key=len, reverse=True))
    + r")\s*:?\s*\[\[([^\[\]|\n]*)",
    re.IGNORECASE,
)


def redirect_target(text: str) -> str | None:
    """The target of a ``#REDIRECT [[Target]]`` text (any case, common languages), else ``None``."""
    match = _REDIRECT_TEXT.match(text)
    if match is None:
        return None
    target = match.group(1).partition("#")[0].lstrip(":")
    target = " ".join(target.replace("_", " ").split())
    return target or None


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
        fed = 0
        root_seen = False
        open_elements: list[str] = []
        namespaces: dict[int, str] = {}
        version: str | None = None
        dbname: str | None = None
        while True:
            end = _header_end(buf, max(0, fed - 16))
            stop = end if end >= 0 else len(buf)
            if buf.find(b"<!DOCTYPE", fed, stop) >= 0:
                raise self._error("the XML has a DOCTYPE: MediaWiki exports have none")
            try:
                parser.feed(bytes(buf[fed:stop]))
                fed = stop
                for item in parser.read_events():
                    event, element = item[0], item[-1]
                    if not isinstance(element, ET.Element):
                        continue
                    name = _local(element.tag)
                    if event == "start":
                        open_elements.append(name)
                    else:
                        open_elements.pop()
                    if event == "start" and not root_seen:
                        root_seen = True
                        if name != "mediawiki":
                            raise self._error(
                                f"not a MediaWiki export: the root element is <{name}>, "
                                "not <mediawiki>"
                            )
                        version = element.get("version")
                    elif event == "end" and name == "namespace":
                        key = _int(element.get("key", ""), signed=True)
                        if key is not None:
                            namespaces[key] = (element.text or "").strip()
                    elif event == "end" and name == "dbname":
                        dbname = (element.text or "").strip() or None
            except ET.ParseError as exc:
                line, column = exc.position
                raise self._error(
                    f"not well-formed XML at line {line:,}, column {column + 1}: "
                    f"{_parse_message(exc)}"
                ) from None
            if end >= 0:
                break
            if fed > _HEADER_LIMIT:
                raise self._error(
                    f"no <page> in the first {_HEADER_LIMIT // 2**20} MB: "
                    "not a MediaWiki page export"
                )
            if not self._fill():
                if not root_seen:
                    raise self._error("not a MediaWiki export: no root element")
                if self.fragment:  # the header stream of a multistream dump, alone
                    end = len(buf)
                    break
                raise self._error(
                    f"truncated: the file ends at byte {self._base + len(buf):,}, inside the "
                    "header, before any <page>"
                )
        if not root_seen:
            raise self._error("not a MediaWiki export: a <page> comes before any <mediawiki>")
        if len(open_elements) > 1:
            raise self._error(
                f"not well-formed XML: <{open_elements[-1]}> is not closed before byte "
                f"{self._base + end:,}"
            )
        self.site = SiteInfo(
            namespaces=namespaces or dict(self.site.namespaces),
            version=version,
            dbname=dbname,
        )
        return end

    def _body(self, pos: int) -> Iterator[Page]:
        buf = self._buf
        closed = False
        while True:
            # The common case first: white space, then a whole <page> already in the buffer.
            following = _NEXT_PAGE.match(buf, pos)
            if following is not None and not closed:
                start = following.end() - len(b"<page>")
                end = buf.find(b"</page>", start)
                if end >= 0:
                    page = self._page(start, end)
                    pos = end + len(b"</page>")
                    self.count += 1
                    self.last_title = page.title
                    yield page
                    if pos > 65536 and pos * 2 > len(buf):
                        del buf[:pos]
                        self._base += pos
                        pos = 0
                    continue
            pos = _skip_space(buf, pos)
            while pos >= len(buf) - 12 and not self._eof:
                self._fill()
                pos = _skip_space(buf, pos)
            if pos >= len(buf):
                if closed or self.fragment:
                    return
                raise self._error(
                    f"truncated: the file ends at byte {self._base + len(buf):,} without "
                    f"</mediawiki>{self._where()}"
                )
            if not closed and _is_tag(buf, pos, b"page"):
                end = self._find_page_end(pos)
                page = self._page(pos, end)
                pos = end + len(b"</page>")
                self.count += 1
                self.last_title = page.title
                yield page
                if pos > 65536 and pos * 2 > len(buf):
                    del buf[:pos]
                    self._base += pos
                    pos = 0
            elif not closed and buf.startswith(b"</mediawiki", pos):
                close = buf.find(b">", pos)
                if close < 0 or buf[pos + 11 : close].strip():
                    raise self._unexpected(pos)
                closed = True
                pos = close + 1
            elif buf.startswith(b"<!--", pos):
                pos = self._skip_to(pos, b"-->")
            elif buf.startswith(b"<?", pos) and not buf.startswith(b"<?xml", pos):
                pos = self._skip_to(pos, b"?>")
            else:
                raise self._unexpected(pos, closed)

    def _unexpected(self, pos: int, closed: bool = False) -> ReadError:
        where = "after </mediawiki>" if closed else "where a <page> should start"
        return self._error(
            f"unexpected content {where} at byte {self._base + pos:,}: "
            f"{bytes(self._buf[pos : pos + 40])!r}{self._where()}"
        )

    def _skip_to(self, pos: int, marker: bytes) -> int:
        found = self._buf.find(marker, pos)
        while found < 0 and self._fill():
            found = self._buf.find(marker, pos)
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
            if not self._fill():
                raise self._error(
                    f"truncated: page {self.count + 1:,} starts at byte {self._base + start:,} "
                    f"but the file ends at byte {self._base + len(buf):,} before its </page>"
                    + (f" (after {self.last_title!r})" if self.last_title is not None else "")
                )
        return end

    def _page(self, start: int, end: int) -> Page:
        page = _fast_page(self._buf, start, end, self.site) or self._slow_page(start, end)
        if not page.title or page.title.isspace():
            raise self._error(
                f"page {self.count + 1:,} (starting at byte {self._base + start:,}) has no title"
            )
        return page

    def _slow_page(self, start: int, end: int) -> Page:
        data = bytes(self._buf[start : end + len(b"</page>")])
        try:
            element = ET.fromstring(data)
        except ET.ParseError as exc:
            line, column = exc.position
            raise self._error(
                f"page {self.count + 1:,} (starting at byte {self._base + start:,}) is not "
                f"well-formed XML at its line {line}, column {column + 1}: {_parse_message(exc)}"
            ) from None
        return page_from_element(element, self.site)


# -- the fast path ----------------------------------------------------------------------

_HEADER_LIMIT = 16 * 2**20
_SPACE = b" \t\r\n"
_NOT_SPACE = re.compile(rb"[^ \t\r\n]")
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_NEXT_PAGE = re.compile(rb"[ \t\r\n]*<page>")
_HEADER_END = re.compile(rb"<page[\s>]|</mediawiki[\s>]")

_TITLE = re.compile(rb"<title>([^<]*)</title>")
_NS = re.compile(rb"<ns>[ \t\r\n]*(-?[0-9]{1,9})[ \t\r\n]*</ns>")
_ID = re.compile(rb"<id>[ \t\r\n]*([0-9]{1,18})[ \t\r\n]*</id>")
_TIMESTAMP = re.compile(rb"<timestamp>([^<]*)</timestamp>")
_MODEL = re.compile(rb"<model>([^<]*)</model>")
_FORMAT = re.compile(rb"<format>([^<]*)</format>")
_S = rb"[ \t\r\n]*"
_ATTRIBUTE_LIST = (
    rb"(?:[ \t\r\n]+[A-Za-z_:][-A-Za-z0-9_:.]*"
    + _S
    + rb"="
    + _S
    + rb"(?:\"[^\"<]*\"|'[^'<]*'))*"
    + _S
)
_ATTRIBUTES = re.compile(_ATTRIBUTE_LIST + rb"/?")
_STANDARD_HEAD = re.compile(
    rb"<page>" + _S
    + rb"<title>([^<]*)</title>" + _S
    + rb"<ns>(-?[0-9]{1,9})</ns>" + _S
    + rb"<id>([0-9]{1,18})</id>" + _S
    + rb"(?:<redirect[ \t\r\n]+title=\"([^\"<]*)\"" + _S + rb"/>" + _S + rb")?"
    + rb"(?:<restrictions>[^<]*</restrictions>" + _S + rb")?"
    + rb"<revision>" + _S
    + rb"<id>([0-9]{1,18})</id>" + _S
    + rb"(?:<parentid>[0-9]*</parentid>" + _S + rb")?"
    + rb"<timestamp>([^<]*)</timestamp>" + _S
    + rb"<contributor(?:" + _ATTRIBUTE_LIST + rb"/>|>(?:" + _S
    + rb"(?:<username>[^<]*</username>|<ip>[^<]*</ip>|<id>[0-9]*</id>))*" + _S
    + rb"</contributor>)" + _S
    + rb"(?:<minor" + _S + rb"/>" + _S + rb")?"
    + rb"(?:<comment(?:" + _ATTRIBUTE_LIST + rb"/>|>[^<]*</comment>)" + _S + rb")?"
    + rb"(?:<origin>[0-9]*</origin>" + _S + rb")?"
    + rb"(?:<model>([^<]*)</model>" + _S + rb")?"
    + rb"(?:<format>([^<]*)</format>" + _S + rb")?"
    + rb"<text" + _ATTRIBUTE_LIST + rb"(/?)>"
)  # fmt: skip
# After the text (found with bytes.find, much faster than a regular expression over it).
_STANDARD_TAIL = re.compile(
    _S + rb"(?:<sha1>[^<]*</sha1>" + _S + rb"|<sha1" + _S + rb"/>" + _S + rb")?"
    + rb"</revision>" + _S + rb"</page>"
)  # fmt: skip
_HEAD = re.compile(
    rb"[ \t\r\n]*<title>([^<]*)</title>[ \t\r\n]*<ns>(-?[0-9]{1,9})</ns>[ \t\r\n]*"
    rb"<id>([0-9]{1,18})</id>"
)
_REVISION_HEAD = re.compile(
    rb"<revision>[ \t\r\n]*<id>([0-9]{1,18})</id>[ \t\r\n]*"
    rb"(?:<parentid>[0-9]*</parentid>[ \t\r\n]*)?<timestamp>([^<]*)</timestamp>"
)
_MODEL_FORMAT = re.compile(rb"<model>([^<]*)</model>[ \t\r\n]*<format>([^<]*)</format>[ \t\r\n]*\Z")
_REDIRECT = re.compile(rb"""<redirect\s+title\s*=\s*(?:"([^"<]*)"|'([^'<]*)')\s*/>""")
_ODD_AMPERSAND = re.compile(rb"&(?!(?:lt|gt|amp|quot);)")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));")
_BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


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


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse_message(exc: ET.ParseError) -> str:
    return str(exc).split(":")[0]


class _Unusual(Exception):
    """The fast path met markup it does not handle: ElementTree reads this page instead."""


def _fast_page(buf: bytearray, start: int, end: int, site: SiteInfo) -> Page | None:
    try:
        return _fast_page_or_raise(buf, start, end, site)
    except _Unusual:
        return None


def _fast_page_or_raise(buf: bytearray, start: int, end: int, site: SiteInfo) -> Page:
    head = _STANDARD_HEAD.match(buf, start, end)
    if head is not None:
        text_start = head.end()
        if head.group(9):  # <text ... />
            text_end = tail_start = text_start
        else:
            text_end = buf.find(b"</text>", text_start, end)
            tail_start = text_end + len(b"</text>")
        if (
            text_end >= 0
            and buf.find(b"<", text_start, text_end) < 0
            and _STANDARD_TAIL.match(buf, tail_start, end + len(b"</page>"))
        ):
            return _standard_page(head, bytes(buf[text_start:text_end]))
    return _flexible_page(buf, start, end, site)


def _standard_page(head: re.Match[bytes], text: bytes) -> Page:
    """A page laid out exactly as MediaWiki writes it, with one revision."""
    title, ns, page_id, redirect_title, revision_id, stamp, model, format_, _ = head.groups()
    redirect = _attribute(redirect_title) or None if redirect_title is not None else None
    content = _text(text)
    model_name = _name(model)
    if redirect is None and model_name in (None, "wikitext"):
        redirect = redirect_target(content)
    return Page(
        title=_text(title),
        ns=int(ns),
        page_id=int(page_id),
        revision_id=int(revision_id),
        timestamp=_meta(stamp),
        text=content,
        redirect=redirect,
        model=model_name,
        format=_name(format_),
    )


@functools.lru_cache(maxsize=256)
def _name(raw: bytes | None) -> str | None:
    """A model or format name: a handful of values in a whole dump, so decoded once each."""
    return None if raw is None else _meta(raw)


def _flexible_page(buf: bytearray, start: int, end: int, site: SiteInfo) -> Page:
    """Any element order, several revisions; markup beyond elements and attributes is unusual."""
    if (
        buf[start + 5] != ord(">")  # <page> with attributes
        or buf.find(b"<!", start, end) >= 0  # a comment, CDATA or DOCTYPE
        or buf.find(b"<?", start, end) >= 0  # a processing instruction
    ):
        raise _Unusual
    first = buf.find(b"<revision", start, end)
    head_end = end if first < 0 else first
    # The layout MediaWiki writes takes one search; any other order takes one per field.
    head = _HEAD.match(buf, start + 6, head_end)
    if head:
        title = _text(head.group(1))
        ns = int(head.group(2))
        page_id: int | None = int(head.group(3))
    else:
        title = _text(_required(_TITLE.search(buf, start, head_end)).group(1))
        ns_match = _NS.search(buf, start, head_end)
        ns = int(ns_match.group(1)) if ns_match else site.namespace_of(title)
        id_match = _ID.search(buf, start, head_end)
        page_id = int(id_match.group(1)) if id_match else None
    redirect: str | None = None
    if buf.find(b"<redirect", start, head_end) >= 0:
        match = _required(_REDIRECT.search(buf, start, head_end))
        value = match.group(1) if match.group(1) is not None else match.group(2)
        redirect = _attribute(value) or None

    text = ""
    revision_id = model = format_ = timestamp = None
    if first >= 0:
        rev, rev_end = _latest_revision(buf, first, end)
        text_at = buf.find(b"<text", rev, rev_end)
        if text_at < 0:
            meta_end = after_text = rev_end
        else:
            meta_end = text_at
            attributes = _ATTRIBUTES.match(buf, text_at + len(b"<text"), rev_end)
            if attributes is None or buf[attributes.end()] != ord(">"):
                raise _Unusual
            close = attributes.end()
            if buf[close - 1] == ord("/"):
                after_text = close + 1
            else:
                text_end = buf.find(b"</text>", close, rev_end)
                if text_end < 0 or buf.find(b"<", close + 1, text_end) >= 0:
                    raise _Unusual  # an element inside the text
                text = _text(bytes(buf[close + 1 : text_end]))
                after_text = text_end + len(b"</text>")
        if buf.find(b"<content", rev, meta_end) >= 0:
            raise _Unusual  # export 0.11 slots with no main-slot <text> before them
        # Fields after the text (export 0.8 put model and format there) belong to the
        # revision, not to the 0.11 <content> slots that may follow it.
        slots = buf.find(b"<content", after_text, rev_end)
        tail_end = slots if slots >= 0 else rev_end
        opening = _REVISION_HEAD.match(buf, rev, meta_end)
        if opening:
            revision_id = int(opening.group(1))
            timestamp = _meta(opening.group(2))
        else:
            contributor = buf.find(b"<contributor", rev, meta_end)
            rev_id = _ID.search(buf, rev, contributor if contributor >= 0 else meta_end)
            revision_id = int(rev_id.group(1)) if rev_id else None
            timestamp = _optional(_TIMESTAMP, buf, rev, meta_end, after_text, tail_end)
        closing = _MODEL_FORMAT.search(buf, rev, meta_end)
        if closing:
            model, format_ = _meta(closing.group(1)), _meta(closing.group(2))
        else:
            model = _optional(_MODEL, buf, rev, meta_end, after_text, tail_end)
            format_ = _optional(_FORMAT, buf, rev, meta_end, after_text, tail_end)
    if redirect is None and model in (None, "wikitext"):
        redirect = redirect_target(text)
    return Page(
        title=title,
        ns=ns,
        page_id=page_id,
        revision_id=revision_id,
        timestamp=timestamp,
        text=text,
        redirect=redirect,
        model=model,
        format=format_,
    )


def _latest_revision(buf: bytearray, first: int, end: int) -> tuple[int, int]:
    """Start and end of the revision with the greatest timestamp (the last one on ties)."""
    chosen = (first, first)
    chosen_stamp: bytes | None = None
    rev = first
    while rev >= 0:
        if buf[rev + 9] != ord(">"):
            raise _Unusual  # attributes, or another element named <revision...>
        rev_end = buf.find(b"</revision>", rev, end)
        if rev_end < 0:
            raise _Unusual
        following = buf.find(b"<revision", rev_end, end)
        if rev == first and following < 0:
            return rev, rev_end  # the only one
        text_at = buf.find(b"<text", rev, rev_end)
        match = _TIMESTAMP.search(buf, rev, text_at if text_at >= 0 else rev_end)
        if match is None and text_at >= 0:
            match = _TIMESTAMP.search(buf, buf.rfind(b"</text>", text_at, rev_end), rev_end)
        stamp = bytes(match.group(1)).strip() if match else None
        if rev == first or stamp is None or chosen_stamp is None or stamp >= chosen_stamp:
            chosen, chosen_stamp = (rev, rev_end), stamp
        rev = following
    return chosen


def _required(match: re.Match[bytes] | None) -> re.Match[bytes]:
    if match is None:
        raise _Unusual
    return match


def _optional(
    pattern: re.Pattern[bytes], buf: bytearray, a: int, b: int, c: int, d: int
) -> str | None:
    match = pattern.search(buf, a, b) or pattern.search(buf, c, d)
    return _meta(match.group(1)) if match else None


def _meta(raw: bytes | bytearray) -> str:
    """A short field (timestamp, model, format): stripped character data."""
    # find() rather than ``in``: ``bytes in bytes`` first tries the needle as an integer and
    # builds a TypeError message each time, a tenth of the parsing time on a real dump.
    if raw.find(b"&") >= 0 or raw.find(b"\r") >= 0:
        return _text(raw).strip()
    try:
        return raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise _Unusual from None


def _text(raw: bytes | bytearray) -> str:
    """Character data as XML defines it: line ends folded to ``\\n``, references replaced."""
    if raw.find(b"\r") >= 0:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    general = False
    if raw.find(b"&") >= 0:
        if _ODD_AMPERSAND.search(raw):
            general = True
        else:
            raw = (
                raw.replace(b"&lt;", b"<")
                .replace(b"&gt;", b">")
                .replace(b"&quot;", b'"')
                .replace(b"&amp;", b"&")
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unusual from None
    return _references(text) if general else text


def _attribute(raw: bytes | bytearray) -> str:
    """An attribute value as XML defines it: white space characters become spaces."""
    for space in (b"\r\n", b"\r", b"\n", b"\t"):
        raw = raw.replace(space, b" ")
    return _text(raw)


def _references(text: str) -> str:
    if _BAD_AMPERSAND.search(text):
        raise _Unusual

    def replace(match: re.Match[str]) -> str:
        name, decimal, hexadecimal = match.groups()
        if name:
            return _NAMED[name]
        code = int(decimal) if decimal else int(hexadecimal, 16)
        if not _is_xml_char(code):
            raise _Unusual
        return chr(code)

    return _ENTITY.sub(replace, text)


def _is_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def parse_page(data: bytes, site: SiteInfo | None = None, *, fast: bool = True) -> Page:
    """One ``<page>`` element's bytes as a :class:`Page`; ``fast=False`` forces ElementTree.

    Raises :class:`ValueError` for bytes that are not one well-formed page.
    """
    site = site or SiteInfo()
    if fast and data.startswith(b"<page") and data.endswith(b"</page>"):
        page = _fast_page(bytearray(data), 0, len(data) - len(b"</page>"), site)
        if page is not None:
            return page
    try:
        element = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from None
    if _local(element.tag) != "page":
        raise ValueError(f"not a <page> element: <{_local(element.tag)}>")
    return page_from_element(element, site)


# -- the ElementTree path ---------------------------------------------------------------


def page_from_element(page: ET.Element, site: SiteInfo) -> Page:
    """A :class:`Page` from a parsed ``<page>`` element (any export version, namespaced or not)."""
    fields: dict[str, ET.Element] = {}
    revisions: list[ET.Element] = []
    for child in page:
        name = _local(child.tag) if isinstance(child.tag, str) else ""
        if name == "revision":
            revisions.append(child)
        else:
            fields.setdefault(name, child)
    title = _element_text(fields.get("title")) or ""
    ns = _int(_element_text(fields.get("ns")), signed=True)
    redirect_element = fields.get("redirect")
    redirect = (redirect_element.get("title") or None) if redirect_element is not None else None

    chosen: ET.Element | None = None
    chosen_stamp: str | None = None
    for revision in revisions:
        stamp = _child_text(revision, "timestamp")
        stamp = stamp.strip() if stamp is not None else None
        if chosen is None or stamp is None or chosen_stamp is None or stamp >= chosen_stamp:
            chosen, chosen_stamp = revision, stamp
    text = ""
    revision_id = model = format_ = None
    if chosen is not None:
        text = _child_text(chosen, "text", strip=False) or ""
        revision_id = _int(_child_text(chosen, "id"))
        model = _child_text(chosen, "model")
        format_ = _child_text(chosen, "format")
    if redirect is None and model in (None, "wikitext"):
        redirect = redirect_target(text)
    return Page(
        title=title,
        ns=ns if ns is not None else site.namespace_of(title),
        page_id=_int(_element_text(fields.get("id"))),
        revision_id=revision_id,
        timestamp=chosen_stamp.strip() if chosen_stamp else None,
        text=text,
        redirect=redirect,
        model=model,
        format=format_,
    )


def _element_text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return "".join(element.itertext())


def _child_text(parent: ET.Element, name: str, *, strip: bool = True) -> str | None:
    for child in parent:
        if isinstance(child.tag, str) and _local(child.tag) == name:
            text = "".join(child.itertext())
            return text.strip() if strip else text
    return None


_NUMBER = re.compile(r"[ \t\r\n]*([0-9]{1,18})[ \t\r\n]*")
_SIGNED = re.compile(r"[ \t\r\n]*(-?[0-9]{1,9})[ \t\r\n]*")


def _int(text: str | None, *, signed: bool = False) -> int | None:
    if text is None:
        return None
    match = (_SIGNED if signed else _NUMBER).fullmatch(text)
    return int(match.group(1)) if match else None
