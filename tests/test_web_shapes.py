"""``shapes.fact`` builds a fact's dict in its final form, field by field: it must stay what
the plain reading of the dataclass gives (``dataclasses.asdict``, the evidence renamed
``sources``, then the type's family, label and scales and the links), whatever fields the
views gain."""

from __future__ import annotations

import dataclasses
from typing import Any

from dyad.export.scales import scale
from dyad.store import Store
from dyad.web import shapes
from dyad.web.palette import family, type_label
from web_helpers import kb_path


def _reference(f: Any) -> dict[str, Any]:
    # tuples as lists, as the pages always gave them (the templates and JSON see lists)
    out = {
        ("sources" if k == "evidence" else k): list(v) if isinstance(v, tuple) else v
        for k, v in dataclasses.asdict(f).items()
    }
    scales = scale(f.type)
    out |= {
        "family": family(f.type),
        "label": type_label(f.type),
        "cameo": scales.cameo,
        "goldstein": scales.goldstein,
        "quad_class": scales.quad_class,
        "plover": scales.plover,
        "href": f"{shapes.dyad_href(f.a, f.b)}#f-{f.id}",
    }
    for source in out["sources"]:
        source["href"] = shapes.doc_href(source["document"], source["start"], source["end"])
    for person in out["persons"]:
        person["href"] = shapes.entity_href(person["name"])
    return out


def test_web_shapes_fact_is_the_dataclass_read_plainly() -> None:
    with Store(kb_path(), readonly=True) as store:
        pairs = store._conn.execute("SELECT dyad_a, dyad_b FROM dyads").fetchall()
        seen = with_persons = 0
        for a, b in pairs:
            for f in store.dyad_page(a, b).marks:
                shaped = shapes.fact(f)
                expected = _reference(f)
                assert shaped == expected
                assert list(shaped) == list(expected)  # the keys in the same order
                assert [list(s) for s in shaped["sources"]] == [
                    list(s) for s in expected["sources"]
                ]
                seen += 1
                with_persons += bool(f.persons)
        assert seen > 100 and with_persons > 0


def test_web_shapes_term_is_the_dataclass_read_plainly() -> None:
    with Store(kb_path(), readonly=True) as store:
        pairs = store._conn.execute("SELECT dyad_a, dyad_b FROM dyads WHERE tenures > 0")
        terms = [t for a, b in pairs.fetchall() for t in store.terms(a, b)]
    assert terms
    for t in terms:
        expected = dataclasses.asdict(t) | {"href": shapes.entity_href(t.person), "current": True}
        expected["sources"] = list(expected["sources"])
        for source in expected["sources"]:
            source["href"] = shapes.doc_href(source["document"], source["start"], source["end"])
        shaped = shapes.term(t, current=True)
        assert shaped == expected
        assert list(shaped) == list(expected)
