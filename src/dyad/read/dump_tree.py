"""Path 3 of :mod:`dyad.read.dump_scan`: a ``<page>`` element ElementTree has parsed, to a
:class:`~dyad.read.dump_page.Page` (any export version, namespaced or not), and the small XML
helpers the dump reader shares."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dyad.read.dump_page import Page, SiteInfo, redirect_target

__all__ = ["local_name", "page_from_element", "to_int", "xml_problem"]


def local_name(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rpartition("}")[2]


def xml_problem(exc: ET.ParseError) -> str:
    """What expat says is wrong, without its own line and column."""
    return str(exc).split(":")[0]


def page_from_element(page: ET.Element, site: SiteInfo) -> Page:
    """A :class:`Page` from a parsed ``<page>`` element (any export version, namespaced or not)."""
    fields: dict[str, ET.Element] = {}
    revisions: list[ET.Element] = []
    for child in page:
        name = local_name(child.tag) if isinstance(child.tag, str) else ""
        if name == "revision":
            revisions.append(child)
        else:
            fields.setdefault(name, child)
    title = _element_text(fields.get("title")) or ""
    ns = to_int(_element_text(fields.get("ns")), signed=True)
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
        revision_id = to_int(_child_text(chosen, "id"))
        model = _child_text(chosen, "model")
        format_ = _child_text(chosen, "format")
    if redirect is None and model in (None, "wikitext"):
        redirect = redirect_target(text)
    return Page(
        title=title,
        ns=ns if ns is not None else site.namespace_of(title),
        page_id=to_int(_element_text(fields.get("id"))),
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
        if isinstance(child.tag, str) and local_name(child.tag) == name:
            text = "".join(child.itertext())
            return text.strip() if strip else text
    return None


_NUMBER = re.compile(r"[ \t\r\n]*([0-9]{1,18})[ \t\r\n]*")
_SIGNED = re.compile(r"[ \t\r\n]*(-?[0-9]{1,9})[ \t\r\n]*")


def to_int(text: str | None, *, signed: bool = False) -> int | None:
    """A decimal number with XML white space around it, else ``None``."""
    if text is None:
        return None
    match = (_SIGNED if signed else _NUMBER).fullmatch(text)
    return int(match.group(1)) if match else None
