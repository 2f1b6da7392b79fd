"""The store's dataclasses as JSON-ready dicts: the one JSON shaping of the knowledge base.

The pages and their ``.json`` (``data.py``) and the command line's ``--json``
(``cli/display.to_json``, through :func:`data`) shape the store's answers here, so a fact looks
the same wherever it is read: its fields, its sources and persons, its family and scales, and
the links between pages (``href``) that the API carries too, as datasette's JSON does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from operator import attrgetter
from typing import Any
from urllib.parse import quote

from dyad.export.scales import scale
from dyad.records import Record
from dyad.store.views import Conflict, DocumentRef, DyadCount, Fact, Interval, SearchHit, Term
from dyad.web.palette import family, type_label

_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _getter(kind: type) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    """A dataclass' field names and one getter of all their values as a tuple."""
    found = _GETTERS.get(kind)
    if found is None:
        names = tuple(f.name for f in fields(kind))
        get = attrgetter(*names)
        found = _GETTERS[kind] = (names, get if len(names) > 1 else lambda v: (get(v),))
    return found


def plain(value: Any) -> Record:
    """A view dataclass as a dict, one level deep (``dataclasses.asdict`` deep-copies every
    field, which made it the largest cost of a page)."""
    names, get = _getter(type(value))
    return {
        name: list(field) if isinstance(field, tuple) else field
        for name, field in zip(names, get(value), strict=True)
    }


def asdict(value: Any) -> Record:
    """A view dataclass with its nested dataclasses (sources, persons) as dicts."""
    out = plain(value)
    for name, field in out.items():
        if isinstance(field, list) and field and hasattr(field[0], "__dataclass_fields__"):
            out[name] = [asdict(item) for item in field]
    return out


@cache
def seg(value: str) -> str:
    """One path segment, percent-encoded (names may hold slashes, question marks, ...)."""
    return quote(value, safe="")


def dyad_href(a: str, b: str) -> str:
    return f"/dyad/{seg(a)}/{seg(b)}"


def state_href(code: str) -> str:
    return f"/state/{seg(code)}"


def entity_href(name: str) -> str:
    return f"/entity/{seg(name)}"


def doc_href(document: str, start: int | None = None, end: int | None = None) -> str:
    base = f"/doc/{seg(document)}"
    if start is None or end is None:
        return base
    return f"{base}?hl={start}-{end}#hl"


def fact(f: Fact) -> Record:
    """A fact with its evidence (as ``sources``), persons, family, scales and links."""
    out = {("sources" if name == "evidence" else name): value for name, value in asdict(f).items()}
    out["family"] = family(f.type)
    out["label"] = type_label(f.type)
    scales = scale(f.type)
    out["cameo"] = scales.cameo
    out["goldstein"] = scales.goldstein
    out["quad_class"] = scales.quad_class
    out["plover"] = scales.plover
    out["href"] = f"{dyad_href(f.a, f.b)}#f-{f.id}"
    for source in out["sources"]:
        source["href"] = doc_href(source["document"], source["start"], source["end"])
    for person in out["persons"]:
        person["href"] = entity_href(person["name"])
    return out


def mark(f: Fact) -> Record:
    """A fact as the timeline needs it: no sources."""
    return {
        "id": f.id,
        "type": f.type,
        "family": family(f.type),
        "date": f.date,
        "modality": f.modality,
        "conflict": f.conflict,
        "href": f"#f-{f.id}",
        "title": _mark_title(f),
    }


def _mark_title(f: Fact) -> str:
    parts = [type_label(f.type), f.date or "undated"]
    if f.source and f.target:
        parts.append(f"{f.source} → {f.target}")
    if f.persons:
        parts.append(", ".join(p.name for p in f.persons))
    if f.subject:
        parts.append(f.subject)
    if f.modality != "occurred":
        parts.append(f.modality)
    if f.conflict is not None:
        parts.append("sources disagree")
    return " · ".join(parts)


def term(t: Term, *, current: bool = False) -> Record:
    out = asdict(t)
    out["href"] = entity_href(t.person)
    out["current"] = current
    for source in out["sources"]:
        source["href"] = doc_href(source["document"], source["start"], source["end"])
    return out


def interval(i: Interval) -> Record:
    out = asdict(i)
    out["label"] = i.label
    return out


def conflict(c: Conflict) -> Record:
    out = asdict(c)
    out["label"] = type_label(c.type)
    out["values"] = [fact(v) for v in c.values]
    out["href"] = f"{dyad_href(c.a, c.b)}#c-{c.id}"
    return out


def document(d: DocumentRef) -> Record:
    out = asdict(d)
    out["href"] = doc_href(d.id)
    out["dyad_href"] = dyad_href(*d.dyad) if d.dyad else None
    return out


def dyad_count(d: DyadCount) -> Record:
    out = asdict(d)
    out["href"] = dyad_href(d.a, d.b)
    return out


def hit(h: SearchHit) -> Record:
    out = asdict(h)
    out["href"] = doc_href(h.document, h.start, h.end)
    return out


_SHAPES: dict[type, Callable[[Any], Record]] = {
    Fact: fact,
    Term: term,
    Interval: interval,
    Conflict: conflict,
    DocumentRef: document,
    DyadCount: dyad_count,
    SearchHit: hit,
}


def data(value: Any) -> Any:
    """Any answer of the store (a view dataclass, a list or dict of them) as JSON-ready data:
    each kind of view shaped as the pages shape it, other dataclasses field by field."""
    shape = _SHAPES.get(type(value))
    if shape is not None:
        return shape(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [data(item) for item in value]
    if isinstance(value, dict):
        return {str(k): data(v) for k, v in value.items()}
    return value
