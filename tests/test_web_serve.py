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
