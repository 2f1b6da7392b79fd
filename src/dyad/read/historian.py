"""The US Office of the Historian's "relations by country" files (TEI XML) -> Document.

Each file (``historyatstate-rdcr/<country>.xml``, history.state.gov's "A Guide to the United
States' History of Recognition, Diplomatic, and Consular Relations, by Country") has a summary
and sections (Recognition, Diplomatic Relations, Treaties, ...) of dated timeline entries:
``<div type="timeline">`` with a ``<head>`` ("Diplomatic Relations Severed, <date
when="1980">1980</date>.") and paragraphs.

The clean text keeps the layout every reader shares: each section's heading is a level-1
heading, the summary's paragraphs are paragraphs, and **each timeline entry is one paragraph**:
its head, then its paragraphs and list items, so that an entry's first sentence is its head. A
nested entry is a paragraph of its own after its parent (a section nested in an entry follows it
with a level-2 heading). The head's ``<date>`` becomes a
:class:`~dyad.model.DateMark` (``when``, or ``from/to`` as an EDTF interval; the year a head
only writes out, "Establishment of Diplomatic Relations, 1992.", is marked too), and only the
heads' dates are marked, so a paragraph holding a date mark is an entry; links to the
Historian's pages of people become anchors. Figures and the bibliography ("Resources") are left
out. The document is marked curated: a reference work edited by historians, not an article.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

from dyad.model import Document
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.xmlsafe import flat_text, local, parse_xml

FORMAT = "historian"
TITLE_PREFIX = "Office of the Historian: "
_SKIPPED = frozenset({"figure", "graphic", "note", "listBibl", "bibl", "teiHeader"})
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_EDTF_POINT = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one relations-by-country file; ``title`` defaults to the file's short title."""
    root = parse_xml(text, source)
    if local(root.tag) != "TEI":
        raise ReadError(source, "not a TEI file of the Office of the Historian")
    body = _first(root, "body")
    if body is None:
        raise ReadError(source, "a TEI file without a <body>")
    country = country_name(root) or Path(source).stem
    builder = DocumentBuilder(title=title or TITLE_PREFIX + country, format=FORMAT, source=source)
    for div in body:
        if local(div.tag) != "div" or div.get("type") == "appendix":
            continue
        if div.get("type") == "timeline":  # an entry outside any section (a few files)
            _entry(builder, div)
        else:
            _section(builder, div, level=1)
    return replace(builder.build(), curated=True)


def country_name(root: ET.Element) -> str | None:
    """The file's short title without the Historian's asterisk (marking a former state)."""
    for element in root.iter():
        if local(element.tag) == "title" and element.get("type") == "short":
            return flat_text(element).rstrip("*").strip() or None
    return None


def _first(root: ET.Element, name: str) -> ET.Element | None:
    return next((e for e in root.iter() if local(e.tag) == name), None)


def _section(builder: DocumentBuilder, div: ET.Element, level: int) -> None:
    """A section: its heading, then its paragraphs, lists, entries and subsections in order."""
    for child in div:
        tag = local(child.tag)
        if tag == "head":
            builder.heading(level, flat_text(child))
        elif tag == "div" and child.get("type") == "timeline":
            _entry(builder, child)
        elif tag == "div" and child.get("type") != "appendix":
            _section(builder, child, level + 1)
        elif tag in {"p", "quote"}:
            builder.end_block()
            _inline(builder, child, dates=False)
            builder.end_block()
        elif tag == "list":
            _list(builder, child)


def _entry(builder: DocumentBuilder, div: ET.Element) -> None:
    """One timeline entry as one paragraph; nested entries follow as paragraphs of their own."""
    builder.end_block()
    nested: list[ET.Element] = []
    for child in div:
        tag = local(child.tag)
        if tag == "div":
            if child.get("type") != "appendix":
                nested.append(child)
        elif tag not in _SKIPPED:
            builder.space()
            if tag == "head":
                _head(builder, child)
            elif tag == "list":
                _flatten(builder, child)
            else:
                _inline(builder, child, dates=False)
    builder.end_block()
    for child in nested:
        if child.get("type") == "timeline":
            _entry(builder, child)
        else:
            _section(builder, child, level=2)


def _flatten(builder: DocumentBuilder, element: ET.Element) -> None:
    """Paragraphs, list items and heads of ``element`` as running text of the open paragraph."""
    for child in element:
        if local(child.tag) in {"p", "item", "head", "quote"}:
            builder.space()
            _inline(builder, child, dates=False)
        elif local(child.tag) not in _SKIPPED:
            _flatten(builder, child)


def _list(builder: DocumentBuilder, element: ET.Element) -> None:
    builder.begin_list()
    for item in element:
        if local(item.tag) == "item":
            builder.item()
            _inline(builder, item, dates=False)
    builder.end_list()


def _head(builder: DocumentBuilder, head: ET.Element) -> None:
    """An entry's head with its date marked; a head that only writes its year gets it marked."""
    if any(local(e.tag) == "date" and date_value(e) for e in head.iter()):
        _inline(builder, head, dates=True)
        return
    text = flat_text(head)
    found = list(_YEAR.finditer(text))
    if not found:
        builder.text(text)
        return
    year = found[-1] if len(found) == 1 or not text[found[0].end() :].startswith("-") else found[0]
    builder.text(text[: year.start()])
    builder.date(year.group(), year.group())
    builder.text(text[year.end() :])


def _inline(builder: DocumentBuilder, element: ET.Element, *, dates: bool) -> None:
    """The text of ``element`` with its links kept as anchors and, if asked, its dates marked.

    Only the heads' dates are marked: a date mark is what tells an entry's head (and date)
    from the summary's and the entries' running text.
    """
    if element.text:
        builder.text(element.text)
    for child in element:
        tag = local(child.tag)
        if tag == "date" and dates:
            value = date_value(child)
            if value:
                builder.date("".join(child.itertext()), value)
            else:
                builder.text("".join(child.itertext()))
        elif tag == "ref" and child.get("target"):
            builder.anchor("".join(child.itertext()), child.get("target"))
        elif tag not in _SKIPPED:
            _inline(builder, child, dates=dates)
        if child.tail:
            builder.text(child.tail)


def date_value(element: ET.Element) -> str | None:
    """A ``<date>``'s EDTF value: ``when``, ``from/to``, else the year or date it spells out."""
    when = element.get("when")
    if when and _EDTF_POINT.fullmatch(when):
        return when
    start, end = element.get("from"), element.get("to")
    if start and end and _EDTF_POINT.fullmatch(start) and _EDTF_POINT.fullmatch(end):
        return f"{start}/{end}"
    written = flat_text(element)
    return written if _EDTF_POINT.fullmatch(written) else None
