"""Which pair of states each part of a document is about.

An "X–Y relations" article is about X and Y throughout. A "Foreign relations of X" page is
about X and a different partner in each part: a section titled with the partner's name, a
table row whose first cells name it (``{{flag|North Korea}}``), a list item that opens with
it. :class:`Context` answers ``dyad_at(offset)`` for any position, so that "the two
countries", "the country" and a missing partner can be resolved where they are read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from dyad.extract.dyad import dyad_from_title, subject_of_title
from dyad.gazetteer import Gazetteer, StateKind
from dyad.model import Document, ListBlock, Pair, Table


@dataclass(frozen=True, slots=True)
class Region:
    """A span of the text about one pair; ``partner`` is the subject's partner there."""

    start: int
    end: int
    dyad: Pair
    partner: str
    kind: str


def pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def _state_of_label(label: str, gazetteer: Gazetteer) -> str | None:
    """A cell, heading or item opening that names a state ("North Korea", "Mongolia–Japan")."""
    label = label.strip().strip("*:–-— ").strip()
    if not label or len(label) > 80:
        return None
    state = gazetteer.lookup(label)
    if state is not None:
        return state.code
    m = re.match(r"^(.{2,60}?)\s*(?:\(|\[|–|—| - |:)", label)
    if m:
        state = gazetteer.lookup(m.group(1))
        if state is not None:
            return state.code
    return None


_HATNOTE = re.compile(
    r"\b(?:See(?:\s+also)?|Main\s+articles?:?|Further\s+information:?)\s+"
    r"([^\n|.;]{3,80}?\s+relations)\b"
)


def _hatnote_partner(text: str, subject: str, gazetteer: Gazetteer) -> str | None:
    """The partner named by the first "See X–Y relations" hatnote of a part, if it names the
    subject: a row or section whose own label was lost still says which pair it is about."""
    m = _HATNOTE.search(text)
    if m is None:
        return None
    titled = dyad_from_title(m.group(1), gazetteer)
    if titled is None or subject not in titled:
        return None
    return titled[0] if titled[1] == subject else titled[1]


# A part of a "Foreign relations of" page headed by a continent, beside "Africa", "Asia" and
# "Europe", is about every partner in it: "America" there is not the United States.
_CONTINENT = re.compile(r"^\s*(?:the\s+)?americas?\s*$", re.IGNORECASE)

_RELATIONS_WITH = re.compile(
    r"^(?:(?:bilateral|diplomatic|foreign)\s+)?relations\s+with\s+(?:the\s+)?(?P<partner>.{2,60})$",
    re.IGNORECASE,
)


def _titled_partner(title: str, subject: str, gazetteer: Gazetteer) -> str | None:
    """The partner of a heading that names a pair with the subject ("Belarus–Russia
    relations", "Russia") or the partner alone after "Relations with" ("Relations with the
    United States"); ``None`` for anything else ("Relations with other countries")."""
    partner: str | None = None
    titled = dyad_from_title(title if "relations" in title.casefold() else f"{title} relations")
    if titled is not None and subject in titled:
        partner = titled[0] if titled[1] == subject else titled[1]
    elif (m := _RELATIONS_WITH.match(title.strip())) is not None:
        state = gazetteer.lookup(m.group("partner").strip())
        partner = state.code if state is not None else None
    found = gazetteer.get(partner) if partner else None
    # A bloc ("Belarus–European Union relations") is no partner state.
    return partner if found is not None and found.kind != StateKind.ORGANISATION else None


class Context:
    """The document's own pair (if any), its subject (if any), and per-part regions."""

    def __init__(self, doc: Document, gazetteer: Gazetteer) -> None:
        self.document_dyad: Pair | None = dyad_from_title(doc.title, gazetteer)
        self.subject: str | None = None
        if self.document_dyad is None:
            self.subject = subject_of_title(doc.title, gazetteer)
        self.regions: list[Region] = []
        if self.subject is not None:
            self._find_regions(doc, gazetteer, self.subject)
        self.regions.sort(key=lambda r: (r.start, -r.end))
        self._starts = [r.start for r in self.regions]

    def _add(self, start: int, end: int, partner: str | None, kind: str, subject: str) -> None:
        if partner is None or partner == subject:
            return
        self.regions.append(Region(start, end, pair(subject, partner), partner, kind))

    def _find_regions(self, doc: Document, gazetteer: Gazetteer, subject: str) -> None:
        text = doc.text
        for section in doc.sections:
            title = section.title
            if _CONTINENT.match(title):
                continue
            partner = _state_of_label(title, gazetteer)
            if partner is None or partner == subject:
                partner = _titled_partner(title, subject, gazetteer)
            self._add(section.start, section.end, partner, "section", subject)
        for block in doc.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    if not row.cells:
                        continue
                    partner = None
                    for cell in row.cells[:3]:
                        if cell.header:
                            break
                        partner = _state_of_label(text[cell.start : cell.end], gazetteer)
                        if partner is not None:
                            break
                    if partner is None:
                        # A row whose flag cell was lost ("See Malawi–South Africa relations").
                        start, end = row.cells[0].start, row.cells[-1].end
                        partner = _hatnote_partner(text[start:end], subject, gazetteer)
                    self._add(row.cells[0].start, row.cells[-1].end, partner, "row", subject)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    opening = text[item.start : min(item.end, item.start + 80)]
                    m = re.match(r"^([^–—:(\[]{2,60}?)\s*(?:–|—|:| - |\(|$)", opening)
                    if m:
                        partner = _state_of_label(m.group(1), gazetteer)
                        self._add(item.start, item.end, partner, "item", subject)

    def region_at(self, offset: int) -> Region | None:
        """The innermost region containing ``offset``."""
        best: Region | None = None
        i = bisect_right(self._starts, offset)
        for region in reversed(self.regions[:i]):
            if region.start <= offset < region.end and (
                best is None or region.end - region.start < best.end - best.start
            ):
                best = region
        return best

    def dyad_at(self, offset: int) -> Pair | None:
        if self.document_dyad is not None:
            return self.document_dyad
        region = self.region_at(offset)
        return region.dyad if region else None
