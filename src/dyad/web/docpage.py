"""The reader's page data (``/doc/{id}``): a stored article's clean text with its sections,
blocks and links, each link's preview, and the events and terms read from it.

Served like every page of ``data.py`` (which re-exports :func:`doc`); the reader's blocks are
built from this data by ``reader.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Path, Query

from dyad.records import Record
from dyad.store import Store, UnknownDocumentError
from dyad.web import shapes
from dyad.web.errors import NotFound
from dyad.web.palette import family, type_label

Names = Callable[[str], str]

#: What of the document record the page shows as it is.
META_KEYS = ("id", "title", "format", "source", "dyad", "subject", "names", "categories")


def doc(
    store: Store,
    id: Annotated[str, Path(min_length=1, max_length=200, description="The document id.")],
    hl: Annotated[
        str | None,
        Query(
            pattern=r"^\d{1,9}-\d{1,9}$",
            description="Highlight text[start:end] and scroll to it: hl=260-331 (a span"
            " outside the text highlights nothing).",
        ),
    ] = None,
) -> Record:
    """An article: its clean text with sections, blocks and links, each link's preview, the
    events and terms read from it; ``hl`` marks an exact span of the text."""
    try:
        records = store.records(id)
    except UnknownDocumentError:
        raise NotFound(
            f"no article with the id {id!r} is stored",
            [("All articles", "/documents"), ("Search", f"/search?q={shapes.seg(id)}")],
        ) from None
    document = records[0]
    text: str = document["text"]
    anchors, previews, residue = _links(document, records, store.name)
    meta = {k: document.get(k) for k in META_KEYS}
    meta["dyad_href"] = shapes.dyad_href(*document["dyad"]) if document.get("dyad") else None
    return {
        "title": document["title"],
        "document": meta,
        "see_also": document.get("see_also") or [],
        "external_links": document.get("external_links") or [],
        "text": text,
        "sections": [
            {**s, "id": f"s-{i}"}
            for i, s in enumerate(document.get("sections") or [])
            if s.get("span")
        ],
        "blocks": document.get("blocks") or [],
        "anchors": anchors,
        "previews": previews,
        "residue": residue,
        "events": [_event(r, id) for r in records if r["kind"] == "event"],
        "tenures": [
            {**r, "href": shapes.doc_href(id, r["evidence"]["start"], r["evidence"]["end"])}
            for r in records
            if r["kind"] == "tenure"
        ],
        "hl": _highlight(hl, text),
    }


def _highlight(hl: str | None, text: str) -> list[int] | None:
    """The span ``hl`` asks to highlight, if it fits the text.

    A span that does not fit (reversed, or from a link made before the article changed)
    highlights nothing: the article is still what was asked for.
    """
    if not hl:
        return None
    start, end = (int(v) for v in hl.split("-"))
    return [start, end] if 0 <= start <= end <= len(text) else None


def _links(
    document: Record, records: list[Record], names: Names
) -> tuple[list[Record], list[Record], list[Record]]:
    """The document's anchors, each with the index of its preview; the previews, one per
    target and gloss; and the residue: glosses of links the text no longer holds."""
    glosses = [r for r in records if r["kind"] == "gloss"]
    by_span = {tuple(g["span"]): g for g in glosses if g.get("span")}
    by_target: dict[str, Record] = {}
    for g in glosses:
        by_target.setdefault(g["target"], g)
    entity_of: dict[str, Record] = {}
    for e in records:
        if e["kind"] == "entity":
            for key in (e.get("target"), e["name"]):
                if key:
                    entity_of.setdefault(key, e)
    previews: list[Record] = []
    preview_of: dict[tuple[str, str | None], int] = {}
    anchors: list[Record] = []
    for anchor in document.get("anchors") or []:
        gloss = by_span.get(tuple(anchor["span"])) or by_target.get(anchor["target"])
        entity = entity_of.get(anchor["target"]) or entity_of.get(anchor["text"])
        key = (anchor["target"], gloss["text"] if gloss else None)
        if key not in preview_of:
            preview_of[key] = len(previews)
            previews.append(_preview(anchor["target"], gloss, entity, names))
        anchors.append({**anchor, "preview": preview_of[key]})
    residue = [
        {**_preview(g["target"], g, entity_of.get(g["target"]), names), "anchor": g["anchor"]}
        for g in glosses
        if not g.get("span")
    ]
    return anchors, previews, residue


def _preview(target: str, gloss: Record | None, entity: Record | None, names: Names) -> Record:
    state = entity.get("state") if entity else None
    return {
        "target": target,
        # the entity's gloss is the preview with the scrape's residue cleaned out
        "text": (entity or {}).get("gloss") or (gloss or {}).get("text"),
        "truncated": bool((gloss or {}).get("truncated")),
        "flags": list((gloss or {}).get("flags") or []),
        "type": entity.get("type") if entity else None,
        "state": state,
        "state_name": names(state) if state else None,
        "href": shapes.entity_href(target),
    }


def _event(r: Record, id: str) -> Record:
    """An event record as the reader lists it, with links to its evidence and its pair."""
    actors = r.get("actors") or []
    return {
        "id": r["id"],
        "type": r["type"],
        "label": type_label(r["type"]),
        "family": family(r["type"]),
        "date": r.get("date"),
        "modality": r.get("modality"),
        "source": r.get("source"),
        "target": r.get("target"),
        "actors": actors,
        "persons": r.get("persons") or [],
        "evidence": r["evidence"],
        "href": shapes.doc_href(id, r["evidence"]["start"], r["evidence"]["end"]),
        "dyad_href": shapes.dyad_href(*actors[:2]) if len(actors) >= 2 else None,
    }
