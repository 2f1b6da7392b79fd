"""Parse XML from a file we did not write, the way defusedxml does: no DTD, no entities.

The standard library's expat never fetches external entities, but it expands internal ones,
so a document type declaration could still define an entity that grows exponentially (the
"billion laughs"). The Office of the Historian's files need no DTD at all, so any declaration
is refused with a one-line :class:`~dyad.read.errors.ReadError` before an entity is expanded.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree as ET
from xml.parsers import expat

from dyad.read.errors import ReadError


def parse_xml(text: str, source: str | Path) -> ET.Element:
    """The root element of ``text``; a DTD, an entity declaration or broken XML is refused.

    A first pass with expat's declaration handlers set (ElementTree's C parser does not expose
    them) stops at the first declaration; only then does ElementTree build the tree.
    """

    def refuse(*_: object) -> NoReturn:
        raise ReadError(source, "XML with a document type declaration or entities is refused")

    check = expat.ParserCreate()
    check.StartDoctypeDeclHandler = refuse
    check.EntityDeclHandler = refuse
    check.UnparsedEntityDeclHandler = refuse
    check.ExternalEntityRefHandler = refuse
    try:
        check.Parse(text, True)
        return ET.fromstring(text)
    except (expat.ExpatError, ET.ParseError) as exc:
        raise ReadError(source, f"not well-formed XML ({exc})") from exc


def local(tag: object) -> str:
    """An element's tag without its namespace: ``{http://www.tei-c.org/ns/1.0}div`` -> div."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def flat_text(element: ET.Element) -> str:
    """All the text inside ``element``, white space collapsed."""
    return " ".join("".join(element.itertext()).split())
