"""The store's export reads: every fact once with every evidence, pair by pair, in one
snapshot; the status computed from them equals Store.status."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import Store, UnknownCountryError
from dyad.store.exports import pair_status
from store_helpers import DocBuilder, seed_records


def _store(path: Path) -> Store:
    store = Store(path)
    store.ingest(seed_records())
    doc = DocBuilder("Other relations")
    doc.event(
        "visit",
        "2001-05",
        "The French president visited Mongolia in May 2001.",
        actors=["FRA", "MNG"],
        source="FRA",
        target="MNG",
        persons=[{"name": "Jacques Chirac", "state": "FRA", "role": "President"}],
        quantity={"amount": 3.0, "of": "days"},
    )
    doc.tenure("Nobody Known", "FRA", "MNG", "1990", None)
    store.ingest(doc.records())
    return store


def test_store_exports_every_fact_once_with_its_evidences(tmp_path: Path) -> None:
    with _store(tmp_path / "kb.db") as store:
        walked = list(store.export_pairs())
        counts = store.counts()
        assert [(p.a, p.b) for p in walked] == sorted((p.a, p.b) for p in walked)
        assert len(walked) == counts.dyads
        facts = [f for p in walked for f in p.facts]
        assert len(facts) == counts.facts == len({f.id for f in facts})
        assert sum(len(f.evidence) for f in facts) == sum(f.mentions for f in facts)
        assert sum(len(p.tenures) for p in walked) == counts.tenures
        for pair in walked:
            assert pair_status(pair) == store.status(pair.a, pair.b)
            for fact in pair.facts:
                assert (fact.a, fact.b) == (pair.a, pair.b)
                assert fact.mentions == len(fact.evidence) >= 1
                assert fact.documents == len({e.document for e in fact.evidence})
                for evidence in fact.evidence:
                    text = store.records(evidence.document)[0]["text"]
                    assert text[evidence.start : evidence.end] == evidence.text


def test_store_exports_one_pair_in_any_order_or_spelling(tmp_path: Path) -> None:
    with _store(tmp_path / "kb.db") as store:
        (only,) = store.export_pairs("North Korea", "MNG")
        assert (only.a, only.b) == ("MNG", "PRK")
        assert any(f.type == "relations.established" for f in only.facts)
        (visit,) = next(iter(store.export_pairs("MNG", "FRA"))).facts
        assert visit.persons[0].name == "Jacques Chirac"
        assert visit.evidence[0].quantity_amount == 3.0
        assert list(store.export_pairs("MNG", "Nauru")) == []  # nothing stored for it
        with pytest.raises(UnknownCountryError):
            store.export_pairs("MNG", "Atlantis")  # refused at the call, not on iteration


def test_store_exports_tenures_without_a_pair(tmp_path: Path) -> None:
    with _store(tmp_path / "kb.db") as store:
        doc = DocBuilder("Unpaired")
        record = doc.tenure("Somebody", "FRA", "MNG", "1990", "1995")
        record["receiving"] = None
        store.ingest(doc.records())
        (tenure,) = store.unpaired_tenures()
        assert (tenure.person, tenure.sending, tenure.receiving, tenure.a) == (
            "Somebody",
            "FRA",
            None,
            None,
        )
