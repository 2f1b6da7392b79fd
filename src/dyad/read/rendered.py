"""What rendered articles share, whether saved as HTML, Markdown or pandoc plain text.

A rendered Wikipedia page no longer says in markup what is apparatus and what is prose: the
citation markers (``[1]``, ``[citation needed]``) stand in the sentences, the reference list
is a list like any other, and links are URLs. The ``html``, ``markdown`` and ``text`` readers
use the helpers here to recognise those parts the same way: :func:`strip_citation_markers`,
:func:`appendix_kind` for "See also" / "External links" / "References", :func:`citation` to
turn a reference entry into an :class:`~dyad.model.ExternalLink`, and :func:`wiki_target` to
turn a link's URL into the title of the page it points to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

from dyad.model import ExternalLink
from dyad.read.citations import find_date

AppendixKind = Literal["see_also", "links", "references"]

# Headings of the apparatus at an article's end, by what their entries become.
_APPENDIX: dict[str, AppendixKind] = {
    "see also": "see_also",
    "external links": "links",
    "external link": "links",
    "further reading": "links",
    "bibliography": "links",
    "literature": "links",
    **{
        name: "references"
        for name in (
            "references",
            "reference",
            "notes",
            "footnotes",
            "citations",
            "sources",
            "endnotes",
            "works cited",
            "general references",
            "notes and references",
            "references and notes",
            "references and footnotes",
            "footnotes and references",
            "references and sources",
            "sources and references",
            "notes and sources",
            "references and further reading",
        )
    },
}

# Maintenance tags Wikipedia renders in brackets, as well as numbered and lettered notes.
_MAINTENANCE = (
    "citation needed|dead link|clarification needed|better source needed|failed verification"
    "|verification needed|page needed|pages needed|not in citation given|full citation needed"
    "|according to whom\\?|who\\?|when\\?|which\\?|where\\?|by whom\\?|why\\?|citation needed"
    "|unreliable source\\?|original research\\?|dubious(?: – discuss)?|disputed(?: – discuss)?"
    "|permanent dead link|non-primary source needed|third-party source needed|update|vague"
)
CITATION_MARKER = re.compile(rf"\[(?:\d{{1,4}}|[a-z]|note \d{{1,4}}|(?i:{_MAINTENANCE}))\]")

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_WS = re.compile(r"\s+")
_URL = re.compile(r"https?://[^\s<>\"]+")
_QUOTED = re.compile(r"\"([^\"\n]{2,300})\"|“([^”\n]{2,300})”")
_APPARATUS_TAIL = re.compile(r"\b(?:Archived|Retrieved|Accessed|Archived from)\b")
_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")
_YEAR = re.compile(r"^\(?(?P<year>\d{4})[a-z]?\)?$")


def strip_citation_markers(text: str) -> str:
    """Remove ``[12]``, ``[a]``, ``[note 3]`` and ``[citation needed]``-style markers.

    A marker glued between two words leaves a space so the words stay apart.
    """
    if "[" not in text:
        return text

    def replace(m: re.Match[str]) -> str:
        end = m.end()
        before = text[m.start() - 1] if m.start() else " "
        after = text[end] if end < len(text) else " "
        return " " if before.isalnum() and after.isalnum() else ""

    return CITATION_MARKER.sub(replace, text)


def appendix_kind(title: str) -> AppendixKind | None:
    """``see_also``, ``links`` or ``references`` for an apparatus heading, else ``None``."""
    key = " ".join(title.replace("&", "and").split()).casefold().strip(" :")
    return _APPENDIX.get(key)


def normalize_title(text: str) -> str:
    """A key to compare titles by: dashes unified, case folded, white space collapsed."""
    return " ".join(text.translate(_DASHES).replace("_", " ").split()).casefold().strip(" .,;:")


def wiki_target(href: str) -> str | None:
    """The page title a Wikipedia link points to, or ``None`` for anything else.

    ``/wiki/Mongolia%E2%80%93United_Kingdom_relations#History`` and
    ``https://en.wikipedia.org/wiki/...`` give ``Mongolia–United Kingdom relations``; a red link
    (``/w/index.php?title=X&action=edit&redlink=1``) gives ``X``; ``./X`` (Parsoid) gives ``X``.
    """
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and not parts.netloc.endswith("wikipedia.org"):
        return None
    path = parts.path
    if path.startswith("/wiki/"):
        raw = path[len("/wiki/") :]
    elif path.startswith("./") and not parts.netloc:
        raw = path[2:]
    elif path == "/w/index.php":
        titles = parse_qs(parts.query).get("title")
        if not titles or "redlink=1" not in parts.query:
            return None
        raw = titles[0]
    else:
        return None
    title = " ".join(unquote(raw).replace("_", " ").split())
    return title or None


def namespace(title: str) -> str | None:
    """The namespace of a page title (``Category``, ``File``, ``Wikipedia``...), if any."""
    head, colon, _ = title.partition(":")
    if colon and head in _NAMESPACES:
        return head
    return None


def words(text: str) -> frozenset[str]:
    """The set of white-space separated words of ``text`` (for constant vocabularies)."""
    return frozenset(text.split())


_NAMESPACES = words(
    "Category File Image Media Wikipedia WP Help Portal Template Special Talk User Module"
    " Draft MediaWiki Book TimedText User_talk Wikipedia_talk Template_talk"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a reference entry as a reader found it: its text, italics, link URL."""

    text: str
    italic: bool = False
    url: str | None = None


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO (``2019-01-25``, ``2019-01``), else ``None``."""
    found = find_date(text)
    return found[0] if found else None


def citation(pieces: Sequence[Piece]) -> ExternalLink | None:
    """Parse a reference entry rendered in Wikipedia's citation style into its parts.

    The shape is ``Author (Date). "Title". Work. Archived from ... Retrieved ...``: the quoted
    text (or the first external link, or the first italic run) is the title and its link the
    URL; before it stand author and date; after it the first italic run (or the first
    sentence) is the publisher. Archive and retrieval dates are never the date.
    """
    flat, italics, links = _flatten(pieces)
    if not flat or not any(c.isalnum() for c in flat):
        return None
    title_span = _title_span(flat, italics, links)
    bare = _URL.search(flat)
    if title_span is None:
        return _untitled(flat, links, bare)
    start, end = title_span
    title = flat[start:end].strip(' .,;:"“”')
    url = _title_url(title_span, links, bare)
    author, date = _author_and_date(flat[:start].rstrip(' "“'))
    tail = _APPARATUS_TAIL.search(flat, end)
    body_end = tail.start() if tail else len(flat)
    publisher = _publisher(flat, end, body_end, italics, title_span)
    if date is None:
        date = parse_date(flat[end:body_end])
    return ExternalLink(
        title=title or flat[:200], url=url, author=author, publisher=publisher, date=date
    )


def _flatten(
    pieces: Sequence[Piece],
) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    """The entry's text with white space collapsed, and the spans of its italic runs and of
    its links (with their URLs) in it."""
    text_parts: list[str] = []
    italics: list[tuple[int, int]] = []
    links: list[tuple[int, int, str]] = []
    length = 0
    for piece in pieces:
        chunk = _WS.sub(" ", piece.text)
        if not chunk:
            continue
        if piece.italic:
            italics.append((length, length + len(chunk)))
        if piece.url:
            links.append((length, length + len(chunk), piece.url))
        text_parts.append(chunk)
        length += len(chunk)
    return "".join(text_parts), italics, links


def _title_span(
    flat: str, italics: list[tuple[int, int]], links: list[tuple[int, int, str]]
) -> tuple[int, int] | None:
    """Where the title is: the quoted text, else the first external link that is not an
    archive's or apparatus, else the first italic run."""
    if m := _QUOTED.search(flat):
        group = 1 if m.group(1) is not None else 2
        return m.span(group)
    for start, end, href in links:
        words = flat[start:end].strip().casefold()
        if not href.startswith("https://web.archive.org") and words not in _LINK_NOISE:
            return (start, end)
    if italics:
        return italics[0]
    return None


def _untitled(
    flat: str, links: list[tuple[int, int, str]], bare: re.Match[str] | None
) -> ExternalLink | None:
    """An entry with no title found: its whole text (else its bare URL) is the title."""
    stripped = _trim(_URL.sub("", flat))
    if not stripped:
        if bare is None:
            return None
        only = bare.group().rstrip(".,;)")
        return ExternalLink(title=only, url=only)
    some = links[0][2] if links else (bare.group().rstrip(".,;)") if bare else None)
    return ExternalLink(title=" ".join(stripped.split()), url=some)


def _title_url(
    title_span: tuple[int, int], links: list[tuple[int, int, str]], bare: re.Match[str] | None
) -> str | None:
    """The link over the title, else the entry's first link, else its bare URL."""
    start, end = title_span
    url: str | None = next((u for s, e, u in links if s < end and e > start), None)
    if url is None and links:
        url = links[0][2]
    if url is None and bare is not None:
        url = bare.group().rstrip(".,;)")
    return url


_LINK_NOISE = frozenset({"archived", "the original", "doi", "issn", "isbn", "jstor", "pmid"})


def _author_and_date(before: str) -> tuple[str | None, str | None]:
    text = before.strip(" .,")
    date = None
    if text.endswith(")") and "(" in text:
        open_at = text.rfind("(")
        inside = text[open_at + 1 : -1]
        date = parse_date(inside)
        if date is None and (m := _YEAR.match(inside.strip())):
            date = m.group("year")
        if date is not None:
            text = _trim(text[:open_at])
    text = _trim(_URL.sub("", text))
    return (" ".join(text.split()) or None), date


def _trim(text: str) -> str:
    """Strip white space and punctuation from both ends, but keep an initial's full stop."""
    text = text.strip(" ,;:").lstrip(". ")
    while text.endswith(".") and not _INITIAL.search(text):
        text = text[:-1].rstrip(" ,;:")
    return text


def _publisher(
    flat: str, start: int, end: int, italics: list[tuple[int, int]], title: tuple[int, int]
) -> str | None:
    """The work after the title: its first italic run, else its first short sentence."""
    for run in italics:
        if start <= run[0] < end and run != title:
            return flat[run[0] : run[1]].strip(" .,;:") or None
    first = flat[start:end].strip(' .,;:"”').split(". ")[0].strip(" .,;:")
    if not first or len(first) > 80 or parse_date(first) or not any(c.isalpha() for c in first):
        return None
    return first
