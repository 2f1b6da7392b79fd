"""One ``<page>`` element's bytes to a :class:`~dyad.read.dump_page.Page`, three ways.

1. Pages laid out exactly as MediaWiki's ``XmlDumpWriter`` writes them, with one revision
   (every page of a pages-articles dump): one anchored regular expression up to ``<text>``,
   ``bytes.find`` for ``</text>``, one for the tail. No Python runs per element.
2. Any other order of elements, several revisions, export 0.8 with model and format after the
   text, 0.11 ``<content>`` slots: a few anchored searches per field.
3. Anything beyond elements, attributes, the predefined entities and character references (a
   comment, CDATA, a processing instruction, an unknown entity, invalid UTF-8, an element where
   text belongs, a missing end tag): ElementTree parses the page as XML proper
   (:mod:`dyad.read.dump_tree`), and either
   gives the same answer or raises the well-formedness error.

Paths 1 and 2 unescape text with ``bytes.replace`` (``&#...;`` references with a regular
expression) and decode it once. Tests check that all paths agree on every page of every fixture
and on generated pages. Which revision: the *latest*, the one with the greatest timestamp; among
equal or missing timestamps the last one in the file (dumps list revisions oldest first).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET

from dyad.read.dump_page import Page, SiteInfo, redirect_target
from dyad.read.dump_tree import local_name, page_from_element, to_int, xml_problem

__all__ = [
    "local_name",
    "page_from_element",
    "parse_page",
    "scan_page",
    "scan_standard_page",
    "to_int",
    "xml_problem",
]

_TITLE = re.compile(rb"<title>([^<]*)</title>")
_NS = re.compile(rb"<ns>[ \t\r\n]*(-?[0-9]{1,9})[ \t\r\n]*</ns>")
_ID = re.compile(rb"<id>[ \t\r\n]*([0-9]{1,18})[ \t\r\n]*</id>")
_TIMESTAMP = re.compile(rb"<timestamp>([^<]*)</timestamp>")
_MODEL = re.compile(rb"<model>([^<]*)</model>")
_FORMAT = re.compile(rb"<format>([^<]*)</format>")
_S = rb"[ \t\r\n]*"
# Names without namespace prefixes (but xml:space): a prefix would need its declaration.
_NAME = rb"[A-Za-z_][-A-Za-z0-9_.]*"
_ATTRIBUTE_LIST = (
    rb"(?:[ \t\r\n]+(?:xml:)?" + _NAME + _S + rb"=" + _S + rb"(?:\"[^\"<]*\"|'[^'<]*'))*" + _S
)
_ATTRIBUTES = re.compile(_ATTRIBUTE_LIST + rb"/?")
_TAG = re.compile(
    rb"<(?:/(" + _NAME + rb")[ \t\r\n]*|(" + _NAME + rb")" + _ATTRIBUTE_LIST + rb"(/?))>"
)
_STANDARD_HEAD = re.compile(
    _S + rb"<page>" + _S
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
_BAD_REFERENCE = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));")
_BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class _Unusual(Exception):
    """The fast path met markup it does not handle: ElementTree reads this page instead."""


def scan_page(buf: bytearray, start: int, end: int, site: SiteInfo) -> Page | None:
    """The page between ``buf[start]`` (``<page>``) and ``buf[end]`` (``</page>``), or ``None``
    when it needs ElementTree (path 3)."""
    try:
        return _fast_page_or_raise(buf, start, end, site)
    except _Unusual:
        return None


def scan_standard_page(buf: bytearray, pos: int) -> tuple[Page, int] | None:
    """Path 1 straight from the stream: the page that starts after white space at ``pos``, and
    where it ends; ``None`` if it is not laid out the standard way or not all in ``buf`` yet.

    It reads each byte of the text once (``find`` for its first ``<``, which must open
    ``</text>``), with no need to find ``</page>`` first.
    """
    head = _STANDARD_HEAD.match(buf, pos)
    if head is None:
        return None
    text_start = head.end()
    if head.group(9):  # <text ... />
        text_end = text_start
        tail = _STANDARD_TAIL.match(buf, text_start)
    else:
        text_end = buf.find(b"<", text_start)
        if text_end < 0 or not buf.startswith(b"</text>", text_end):
            return None
        tail = _STANDARD_TAIL.match(buf, text_end + len(b"</text>"))
    if (
        tail is None
        or not _references_ok(buf, pos, text_start)
        or not _references_ok(buf, tail.start(), tail.end())
    ):
        return None
    try:
        return _standard_page(head, bytes(buf[text_start:text_end])), tail.end()
    except _Unusual:
        return None


def _fast_page_or_raise(buf: bytearray, start: int, end: int, site: SiteInfo) -> Page:
    standard = scan_standard_page(buf, start)
    if standard is not None and standard[1] == end + len(b"</page>"):
        return standard[0]
    return _flexible_page(buf, start, end, site)


def _references_ok(buf: bytearray, start: int, end: int) -> bool:
    """No ``&`` in the span that does not start an entity or character reference."""
    return buf.find(b"&", start, end) < 0 or not _BAD_REFERENCE.search(buf, start, end)


def _standard_page(head: re.Match[bytes], text: bytes) -> Page:
    """A page laid out exactly as MediaWiki writes it, with one revision."""
    title, ns, page_id, redirect_title, revision_id, stamp, model, format_, _ = head.groups()
    redirect = _attribute(redirect_title) or None if redirect_title is not None else None
    content = _text(text)
    model_name = _name(model)
    first = content[:1]
    if redirect is None and (first == "#" or first.isspace()) and model_name in (None, "wikitext"):
        redirect = redirect_target(content)
    return Page(
        _text(title),
        int(ns),
        int(page_id),
        int(revision_id),
        _meta(stamp),
        content,
        redirect,
        model_name,
        _name(format_),
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
    _check_nesting(buf, start, end + len(b"</page>"))
    if _BAD_REFERENCE.search(buf, start, end):
        raise _Unusual
    first = buf.find(b"<revision", start, end)
    head_end = end if first < 0 else first
    title, ns, page_id, redirect = _page_head(buf, start, head_end, site)
    text = ""
    revision_id = model = format_ = timestamp = None
    if first >= 0:
        text, revision_id, timestamp, model, format_ = _revision(buf, first, end)
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


def _page_head(
    buf: bytearray, start: int, head_end: int, site: SiteInfo
) -> tuple[str, int, int | None, str | None]:
    """The title, namespace, id and redirect of a page, from its fields before the revisions."""
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
    return title, ns, page_id, redirect


_Revision = tuple[str, int | None, str | None, str | None, str | None]


def _revision(buf: bytearray, first: int, end: int) -> _Revision:
    """The latest revision's text, id, timestamp, model and format."""
    rev, rev_end = _latest_revision(buf, first, end)
    text, meta_end, after_text = _revision_text(buf, rev, rev_end)
    if buf.find(b"<content", rev, meta_end) >= 0:
        raise _Unusual  # export 0.11 slots with no main-slot <text> before them
    # Fields after the text (export 0.8 put model and format there) belong to the
    # revision, not to the 0.11 <content> slots that may follow it.
    slots = buf.find(b"<content", after_text, rev_end)
    tail_end = slots if slots >= 0 else rev_end
    revision_id: int | None
    timestamp: str | None
    model: str | None
    format_: str | None
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
    return text, revision_id, timestamp, model, format_


def _revision_text(buf: bytearray, rev: int, rev_end: int) -> tuple[str, int, int]:
    """A revision's text, where its fields before the text end, and where those after begin."""
    text_at = buf.find(b"<text", rev, rev_end)
    if text_at < 0:
        return "", rev_end, rev_end
    attributes = _ATTRIBUTES.match(buf, text_at + len(b"<text"), rev_end)
    if attributes is None or buf[attributes.end()] != ord(">"):
        raise _Unusual
    close = attributes.end()
    if buf[close - 1] == ord("/"):
        return "", text_at, close + 1
    text_end = buf.find(b"</text>", close, rev_end)
    if text_end < 0 or buf.find(b"<", close + 1, text_end) >= 0:
        raise _Unusual  # an element inside the text
    return _text(bytes(buf[close + 1 : text_end])), text_at, text_end + len(b"</text>")


def _check_nesting(buf: bytearray, start: int, stop: int) -> None:
    """Raise :class:`_Unusual` unless every ``<`` opens a tag and the tags nest properly.

    The searches of this path take fields wherever they are; this keeps them from reading a
    damaged page (a lost end tag, a stray ``<``) as if it were whole.
    """
    names: list[bytes] = []
    tags = 0
    for match in _TAG.finditer(buf, start, stop):
        tags += 1
        closing, opening, empty = match.groups()
        if closing is not None:
            if not names or names.pop() != closing:
                raise _Unusual
        elif not empty:
            names.append(opening)
    if names or tags != buf.count(b"<", start, stop):
        raise _Unusual


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
        # Replacing these first cannot make a new reference: each '&' left is its own.
        raw = raw.replace(b"&lt;", b"<").replace(b"&gt;", b">").replace(b"&quot;", b'"')
        if raw.count(b"&") == raw.count(b"&amp;"):
            raw = raw.replace(b"&amp;", b"&")
        else:  # character references, &apos; or a stray '&': the regular expression decides
            general = True
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
        page = scan_page(bytearray(data), 0, len(data) - len(b"</page>"), site)
        if page is not None:
            return page
    try:
        element = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from None
    if local_name(element.tag) != "page":
        raise ValueError(f"not a <page> element: <{local_name(element.tag)}>")
    return page_from_element(element, site)
