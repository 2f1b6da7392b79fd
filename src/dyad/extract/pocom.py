"""Chiefs of mission (:mod:`dyad.read.pocom`) -> terms of office, and the curated dispatch.

Each row of a chiefs-of-mission table is one :class:`~dyad.model.Tenure`: sending the United
States, receiving the state the Historian says the chief was accredited to (its contemporary
territory: Czechoslovakia until 1993, then the Czech Republic), the role from the title's rank
(:func:`rank_of`), start when the chief presented credentials (else arrived, else was
appointed: a chargé d'affaires presents no credentials), end when the chief left post; the row
is the evidence. :func:`extract_curated` routes the Office of the Historian's two formats to
their extractors, so that the pipeline needs one line for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dyad.extract.historian import country_of, historian_events
from dyad.extract.historian_countries import USA, country_code
from dyad.gazetteer import Gazetteer
from dyad.model import Cell, DateMark, Document, Event, Evidence, Table, Tenure

if TYPE_CHECKING:
    from dyad.extract.pipeline import Extraction

RULE = "pocom.chief"
CURATED_FORMATS = frozenset({"historian", "pocom"})
_COLUMNS = 8


def rank_of(title: str) -> str:
    """A title's rank: ambassador, minister or chargé d'affaires (ad interim: standing in for
    an absent chief); other titles as written."""
    folded = " ".join(title.casefold().replace("’", "'").split())
    if "ambassador" in folded and "deputy" not in folded:
        return "ambassador"
    if "chargé" in folded or "charge d'affaires" in folded:
        return "chargé d'affaires ad interim" if "ad interim" in folded else "chargé d'affaires"
    if "minister" in folded:
        return "minister"
    return folded


def pocom_tenures(doc: Document, gazetteer: Gazetteer) -> list[Tenure]:
    """One term of office per chief of mission in the document's table."""
    file_country = country_code([Path(doc.source).stem], gazetteer)
    tenures: list[Tenure] = []
    for block in doc.blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            cells = row.cells
            if len(cells) != _COLUMNS or cells[0].header:
                continue
            tenures.append(_tenure(doc, cells, file_country, gazetteer))
    return tenures


def _tenure(
    doc: Document, cells: tuple[Cell, ...], file_country: str | None, gaz: Gazetteer
) -> Tenure:
    text = doc.text
    person, title, territory = (text[c.start : c.end] for c in cells[:3])
    appointed, arrived, credentials, left = (_date_in(doc, c) for c in cells[3:7])
    start, end = cells[0].start, cells[-1].end
    while end > start and text[end - 1] in "\t ":
        end -= 1
    return Tenure(
        document=doc.id,
        role=rank_of(title),
        person=person,
        sending=USA,
        receiving=country_code([territory], gaz) or file_country,
        start=credentials or arrived or appointed,
        end=left,
        evidence=Evidence(text[start:end], start, end),
        rule=RULE,
    )


def _date_in(doc: Document, cell: Cell) -> str | None:
    mark: DateMark | None = next(
        (d for d in doc.dates if cell.start <= d.start and d.end <= cell.end), None
    )
    return mark.value if mark else None


def extract_curated(doc: Document, gazetteer: Gazetteer) -> Extraction:
    """The events or terms of office of an Office of the Historian document.

    Its pair is the United States and the file's country (none when the country is unmapped).
    """
    from dyad.extract.pipeline import Extraction

    if doc.format == "pocom":
        country = country_code([Path(doc.source).stem], gazetteer)
        events: list[Event] = []
        tenures = pocom_tenures(doc, gazetteer)
    else:
        country = country_of(doc, gazetteer)
        events = historian_events(doc, gazetteer)
        tenures = []
    pair = (min(USA, country), max(USA, country)) if country and country != USA else None
    events.sort(key=lambda e: (e.evidence.start, e.id))
    return Extraction(
        document=doc,
        dyad=pair,
        subject=None,
        events=tuple(events),
        tenures=tuple(tenures),
        entities=(),
        people=(),
        facts={},
    )
