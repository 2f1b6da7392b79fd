"""Starting the server: a missing or unreadable knowledge base fails before listening, with
the store's message; ``python -m dyad.web`` says so and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import SchemaOutdatedError
from dyad.web import create_app, serve
from dyad.web.__main__ import main


def test_web_serve_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.db"
    with pytest.raises(FileNotFoundError, match="no knowledge base there"):
        create_app(missing)
    announced: list[str] = []
    with pytest.raises(FileNotFoundError):
        serve(missing, announce=announced.append)
    assert announced == []  # the address is printed only when there is something to serve
    assert main(["--db", str(missing)]) == 1
    assert "no knowledge base there" in capsys.readouterr().err


def test_web_serve_unmigrated_file(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty database: schema version 0
    with pytest.raises(SchemaOutdatedError, match="open it once for writing"):
        create_app(path)


def test_web_threads_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages computed at once in a server process: ``create_app(threads=)`` and, for the
    workers ``serve(workers=N)`` starts, ``DYAD_WEB_THREADS``; any number serves the same page."""
    from fastapi.testclient import TestClient

    from dyad.web.app import app_from_environment
    from dyad.web.stores import COMPUTING
    from web_helpers import kb_path

    path = kb_path()
    monkeypatch.setenv("DYAD_WEB_DB", str(path))
    monkeypatch.setenv("DYAD_WEB_CACHE", "0")
    monkeypatch.setenv("DYAD_WEB_THREADS", "1")
    with (
        TestClient(app_from_environment()) as one,
        TestClient(create_app(path, cache_size=0)) as default,
        TestClient(create_app(path, cache_size=0, threads=3)) as three,
    ):
        replies = [c.get("/dyad/MNG/PRK.json") for c in (one, default, three)]
        assert [r.status_code for r in replies] == [200, 200, 200]
        assert replies[0].json()["title"] == "Mongolia – North Korea"
        assert replies[0].content == replies[1].content == replies[2].content
        tokens = [c.app.state.web.limiter.total_tokens for c in (one, default, three)]
        assert tokens == [1, COMPUTING, 3]
