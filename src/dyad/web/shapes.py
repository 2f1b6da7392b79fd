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
from dyad.store.views import (
    Conflict,
    DocumentRef,
    DyadCount,
    Fact,
    Interval,
    PersonRef,
    SearchHit,
    Source,
    Term,
)
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


#: A fact's fields but its evidence and persons, and one getter of their values.
_FACT_FIELDS = tuple(f.name for f in fields(Fact) if f.name not in ("evidence", "persons"))
_fact_values = attrgetter(*_FACT_FIELDS)
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_source_values = attrgetter(*_SOURCE_FIELDS)


@cache
def _of_type(event_type: str) -> tuple[tuple[str, Any], ...]:
    """What a fact's type adds to it: family, label and scales (the same for every fact of
    the type)."""
    scales = scale(event_type)
    return (
        ("family", family(event_type)),
        ("label", type_label(event_type)),
        ("cameo", scales.cameo),
        ("goldstein", scales.goldstein),
        ("quad_class", scales.quad_class),
        ("plover", scales.plover),
    )


def source(s: Source) -> Record:
    """One evidence with the link to it in its article."""
    out = dict(zip(_SOURCE_FIELDS, _source_values(s), strict=True))
    out["href"] = doc_href(s.document, s.start, s.end)
    return out


def person(p: PersonRef) -> Record:
    return {"name": p.name, "state": p.state, "role": p.role, "href": entity_href(p.name)}


def fact(f: Fact) -> Record:
    """A fact with its evidence (as ``sources``), persons, family, scales and links.

    Built field by field in its final form: the fact's fields in order (its evidence as
    ``sources``), then what its type adds, then its link (a page shapes tens of facts, and
    ``asdict`` and renaming afterwards were half of its cost)."""
    out = dict(zip(_FACT_FIELDS, _fact_values(f), strict=True))
    out["sources"] = [source(s) for s in f.evidence]
    out["persons"] = [person(p) for p in f.persons]
    out.update(_of_type(f.type))
    out["href"] = f"{dyad_href(f.a, f.b)}#f-{f.id}"
    return out


def mark(f: Fact) -> Record:
    """A fact as the timeline needs it: no sources."""
    return {
        "id": f.id,
        "type": f.type,
        "family": _family(f.type),
        "date": f.date,
        "modality": f.modality,
        "conflict": f.conflict,
        "href": f"#f-{f.id}",
        "title": _mark_title(f),
    }


_family = cache(family)
_type_label = cache(type_label)


def _mark_title(f: Fact) -> str:
    parts = [_type_label(f.type), f.date or "undated"]
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
    out = plain(t)
    out["sources"] = [source(s) for s in t.sources]
    out["href"] = entity_href(t.person)
    out["current"] = current
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
