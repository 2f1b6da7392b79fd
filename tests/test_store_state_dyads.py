"""Store.state_dyads: the pairs one state is part of (the web's state page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import Store, UnknownCountryError
from store_helpers import established, seed_records


def test_store_state_dyads(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.ingest(seed_records())
        store.ingest(established("Foreign relations of Russia", "RUS", "MNG", "1921-11-05"))
        pairs = [(d.a, d.b) for d in store.state_dyads("Mongolia")]
        assert pairs[0] == ("MNG", "PRK")  # the most facts first
        assert ("MNG", "RUS") in pairs
        assert all("MNG" in p for p in pairs)
        assert [(d.a, d.b) for d in store.state_dyads("RUS")] == [("MNG", "RUS")]
        assert len(store.state_dyads("MNG", limit=1)) == 1
        assert store.state_dyads("MNG", limit=1, offset=1) == store.state_dyads("MNG")[1:2]
        assert store.state_dyads("Fiji") == []
        with pytest.raises(UnknownCountryError):
            store.state_dyads("Atlantis")
