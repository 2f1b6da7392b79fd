"""The document model every reader produces and every later stage consumes.

All offsets are Python string indices into :attr:`Document.text`, the clean text of the
article: ``doc.text[anchor.start:anchor.end] == anchor.text`` holds for every anchor, and the
same for every section, block, cell and date mark. Objects are frozen: a stage that wants to
change a document builds a new one.

Layout of the clean text (the same for every reader, so that later stages need not care where
a document came from): blocks are separated by a blank line; a section heading is a block of
its own; list items are lines of their own; table rows are lines and their cells are separated
by a tab (a cell holding several paragraphs has them on lines of their own within the row).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol

GlossFlag = Literal["disambiguation", "markup", "mismatch"]
GLOSS_FLAGS: tuple[GlossFlag, ...] = ("disambiguation", "markup", "mismatch")


# Two states' codes: a dyad, undirected ("MNG", "PRK") or directed (source, target) as the
# context says. Declared once here; every layer uses this one.
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A link in the text: the linked words, the page they point to, where they are."""

    text: str
    target: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Gloss:
    """The preview of a linked article, as a scrape put it beside its anchor.

    ``start``/``end`` locate the anchor in the clean text; they are ``None`` for an anchor that
    stood in residue the reader removed from the text (a category link after ``DEFAULTSORT``).
    """

    anchor: str
    target: str
    text: str
    truncated: bool
    flags: tuple[GlossFlag, ...]
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level.

    ``level`` 1 is a top-level section (``==`` in wikitext, ``##`` in rendered Markdown).
    ``start`` is where the heading line starts, ``title_end`` where it ends, ``end`` where the
    section ends.
    """

    level: int
    title: str
    start: int
    title_end: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, slots=True)
class ListItem:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; ``title`` is its lead line or its section's title."""

    items: tuple[ListItem, ...]
    start: int
    end: int
    title: str | None = None
    ordered: bool = False
    kind: Literal["list"] = "list"


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    header: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]
    start: int
    end: int
    title: str | None = None
    kind: Literal["table"] = "table"


Block = Paragraph | ListBlock | Table


@dataclass(frozen=True, slots=True)
class DateMark:
    """A date whose machine-readable value the source gave (``{{dts|...}}``, ``{{Start date}}``).

    ``value`` is an EDTF string; the span covers the rendered text.
    """

    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExternalLink:
    """An entry of "External links" or of the references, parsed into its parts.

    A document keeps the two apart: ``external_links`` are the article's "External links"
    section, ``references`` its cited sources (footnotes, "References").
    """

    title: str
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article, read from any format into the same shape."""

    title: str
    format: str
    source: str
    text: str
    sections: tuple[Section, ...] = ()
    blocks: tuple[Block, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    glosses: tuple[Gloss, ...] = ()
    dates: tuple[DateMark, ...] = ()
    see_also: tuple[str, ...] = ()
    external_links: tuple[ExternalLink, ...] = ()
    references: tuple[ExternalLink, ...] = ()
    categories: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)
    infobox: Mapping[str, str] = field(default_factory=dict)
    # A reference work edited by specialists (the Office of the Historian), not an article.
    curated: bool = False

    @property
    def id(self) -> str:
        """A stable, readable identifier: the title's slug and a short hash of format and title."""
        return document_id(self.title, self.format)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the clean text and title: changes exactly when the document's content does."""
        digest = hashlib.sha256()
        digest.update(self.title.encode("utf-8"))
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def paragraphs(self) -> Iterator[Paragraph]:
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``, or ``None`` before the first heading."""
        found: Section | None = None
        for section in self.sections:
            if section.start <= offset < section.end and (
                found is None or section.level >= found.level
            ):
                found = section
        return found

    def section_path(self, offset: int) -> tuple[Section, ...]:
        """The sections containing ``offset``, outermost first."""
        return tuple(s for s in self.sections if s.start <= offset < s.end)

    @property
    def lists(self) -> dict[str, list[str]]:
        """Every list's items by its title (its lead line, else its section's title)."""
        result: dict[str, list[str]] = {}
        for block in self.blocks:
            if not isinstance(block, ListBlock):
                continue
            title = block.title
            if title is None:
                section = self.section_at(block.start)
                title = section.title if section else ""
            items = [self.text[item.start : item.end] for item in block.items]
            result.setdefault(title, []).extend(items)
        return result


_SLUG_DROP = re.compile(r"[^\w\s-]")
_SLUG_SPACE = re.compile(r"[\s_–—-]+")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Mongolia–North Korea relations" -> mongolia-north-korea-relations."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _SLUG_SPACE.sub("-", folded.lower())
    return _SLUG_DROP.sub("", folded).strip("-")[:80] or "untitled"


@lru_cache(maxsize=4096)
def document_id(title: str, format: str) -> str:
    digest = hashlib.sha1(f"{format}\0{title}".encode()).hexdigest()[:8]
    return f"{slugify(title)}-{digest}"


# --------------------------------------------------------------------------- extracted records

DateSource = Literal["stated", "sentence", "heading", "inferred"]
Modality = Literal["occurred", "planned", "cancelled", "negated", "hypothetical"]
EntityType = Literal["person", "state", "place", "organisation", "event", "work", "concept"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact text a fact came from: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named as taking part in an event."""

    name: str
    state: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """What the text counts: ``10,000 horses`` -> ``Quantity(10000, "horses")``."""

    amount: float
    of: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event between two states (``docs/spec/vocabulary.md``)."""

    id: str
    document: str
    type: str
    date: str | None
    date_source: DateSource | None
    modality: Modality
    source: str | None
    target: str | None
    actors: tuple[str, ...]
    persons: tuple[Person, ...]
    quantity: Quantity | None
    subject: str | None
    evidence: Evidence
    rule: str
    confidence: float
    date_text: str | None = None

    @property
    def dyad(self) -> tuple[str, str] | None:
        """The pair of states the event belongs to (sorted), when it has two."""
        if len(self.actors) >= 2:
            return (self.actors[0], self.actors[1])
        return None


@dataclass(frozen=True, slots=True)
class Tenure:
    """A term of office, such as an ambassador's, with sending and receiving state."""

    document: str
    role: str
    person: str
    sending: str | None
    receiving: str | None
    start: str | None
    end: str | None
    evidence: Evidence
    rule: str


@dataclass(frozen=True, slots=True)
class Office:
    """An office a gloss says someone held: "President of Mongolia from 2009 to 2017"."""

    title: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, state, place or thing the document mentions, with what its gloss says."""

    name: str
    type: EntityType
    state: str | None = None
    aliases: tuple[str, ...] = ()
    gloss: str | None = None
    born: str | None = None
    died: str | None = None
    offices: tuple[Office, ...] = ()
    target: str | None = None


class ExtractedDocument(Protocol):
    """A document and what extraction found in it: what the store ingests.

    :class:`dyad.extract.pipeline.Extraction` is one; ``dyad.records.extraction_records``
    serialises one as the JSON records of ``docs/spec/records.md``.
    """

    @property
    def document(self) -> Document: ...
    @property
    def dyad(self) -> tuple[str, str] | None: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def events(self) -> Sequence[Event]: ...
    @property
    def tenures(self) -> Sequence[Tenure]: ...
    @property
    def entities(self) -> Sequence[Entity]: ...
