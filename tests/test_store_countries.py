"""Country arguments: names, variants and codes in any case; unknown ones raise a named error
with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import Store, UnknownCountryError
from store_helpers import established


@pytest.mark.parametrize(
    "argument",
    [
        "north korea",
        "DPRK",
        "PRK",
        "prk",
        "Korea, North",
        "KP",
        "731",
        "Democratic People's Republic of Korea",
        "  North Korea  ",
    ],
)
def test_store_countries_resolve(argument: str) -> None:
    with Store(":memory:") as store:
        assert store.resolve(argument) == "PRK"


def test_store_countries_unknown_suggests() -> None:
    with Store(":memory:") as store, pytest.raises(UnknownCountryError) as caught:
        store.resolve("Nrth Korea")
    assert "North Korea" in [s.short_name for s in caught.value.suggestions]
    assert "did you mean" in str(caught.value)
    assert isinstance(caught.value, LookupError)


def test_store_countries_every_query_resolves(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.ingest(established("Doc", "MNG", "PRK", "1948-10-15"))
        for a, b in [("mongolia", "north korea"), ("DPRK", "MNG"), ("Korea, North", "mn")]:
            assert store.show(a, b).facts == 1
            assert len(store.timeline(a, b)) == 1
            assert store.status_now(a, b).relations == "relations"
            assert store.terms(a, b) == []
        with pytest.raises(UnknownCountryError):
            store.timeline("Mongolia", "Atlantis")
        with pytest.raises(ValueError, match="same state"):
            store.show("DPRK", "north korea")
