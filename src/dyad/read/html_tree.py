"""HTML tokens from a real parser: lxml's libxml2 HTML parser, walked as start and end tags.

The ``html`` reader consumes a stream of :class:`~dyad.read.html_tokens.Tag` and text tokens.
:mod:`dyad.read.html_tokens` produces it with a small hand-written tokenizer; this module
produces the same stream from lxml's tree, which parses the way browsers do (a ``>`` inside a
quoted attribute, unclosed ``<p>``, entities), in C: on a 1 MB page, parsing and walking take
31 ms against the tokenizer's 148 ms (``bench/README.md``). lxml is linear on the malformed
inputs that make :mod:`html.parser` quadratic; on a page nested deeper than libxml2 builds,
the tokenizer takes over.
"""

from __future__ import annotations

from collections.abc import Iterator

import lxml.etree
import lxml.html

from dyad.read.html_tokens import Tag, Token
from dyad.read.html_tokens import tokenize as fallback

_RESOURCE_LIMIT = lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT
_SKIPPED = frozenset({"script", "style", "template", "noscript"})
# Characters libxml2 refuses in text (C0 controls other than tab, newline, carriage return).
_CONTROLS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)])


def tokenize(text: str) -> Iterator[Token]:
    """Text runs (entities decoded) and tags, in document order, as the tree holds them.

    libxml2 stops building below 2,048 open elements and drops the rest of the page; such a
    page (only ever a malformed one) is read by the hand-written tokenizer instead.
    """
    clean = text.translate(_CONTROLS)
    if not clean.strip():
        return
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(clean, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        yield from fallback(text)
        return
    if any(e.type == _RESOURCE_LIMIT for e in parser.error_log):
        yield from fallback(text)
        return
    skipping = 0
    ends: dict[str, Tag] = {}  # one end tag per name: tags are read, never changed
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction: only its tail
            if event == "start" and element.tail and not skipping:
                yield element.tail
            continue
        name = tag.lower()
        if event == "start":
            if not skipping:
                yield Tag(name, dict(element.attrib) if len(element.attrib) else {})
            if name in _SKIPPED:
                skipping += 1
            elif element.text and not skipping:
                yield element.text
        else:
            if name in _SKIPPED:
                skipping -= 1
            if not skipping:
                end = ends.get(name)
                if end is None:
                    end = ends[name] = Tag(name, {}, end=True)
                yield end
                if element.tail:
                    yield element.tail
