"""Schema: numbered migrations applied in order and recorded, older databases migrated on
open, newer ones refused, connections set up for WAL and foreign keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dyad.store import ReadOnlyStoreError, SchemaOutdatedError, SchemaTooNewError, Store
from dyad.store.schema import check_sqlite, connect, migrate, migrations, statements
from store_helpers import established


def test_store_schema_migrations_are_numbered_from_one() -> None:
    found = migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert found[0].name == "records"
    for migration in found:
        assert statements(migration.sql), migration.name


def test_store_schema_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store(path).close()
    Store(path).close()  # a second open applies nothing
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in migrations()]


def test_store_schema_connection_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000


def test_store_schema_fts5_is_available() -> None:
    check_sqlite()  # raises FTS5UnavailableError naming the SQLite version otherwise
    assert sqlite3.sqlite_version_info >= (3, 35, 0)


def test_store_schema_older_database_is_migrated_on_open(tmp_path: Path) -> None:
    """A version-1 database with rows gets facts and search tables, and its rows are indexed."""
    path = tmp_path / "old.db"
    conn = connect(path, timeout=5)
    assert migrate(conn, target=1) == [1]
    conn.execute(
        "INSERT INTO documents (pk, id, title, format, source, schema, content_hash,"
        " records_hash, text, meta, ingested_at) VALUES (1, 'old-doc', 'Old', 'text', 'x', 1,"
        " 'h', 'r', 'Zanzibar sentence.', '{\"keys\": [], \"fields\": {}}', '2020-01-01')"
    )
    conn.execute(
        'INSERT INTO sentences (document, start, "end", text)'
        " VALUES (1, 0, 18, 'Zanzibar sentence.')"
    )
    conn.close()
    with Store(path) as store:
        versions = [r[0] for r in store._conn.execute("SELECT version FROM schema_migrations")]
        assert versions == [m.version for m in migrations()]
        hits = store.search("zanzibar")
        assert [(h.kind, h.document) for h in hits] == [("sentence", "old-doc")]
        store.ingest(established("New", "Mongolia", "North Korea", "1948-10-15"))
        assert store.counts().facts == 1


def test_store_schema_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError, match="upgrade Dyad"):
        Store(path)


def test_store_schema_readonly_store_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with Store(path) as store:
        store.ingest(established("Doc", "MNG", "PRK", "1948"))
    with Store(path, readonly=True) as reader:
        assert reader.counts().documents == 1
        with pytest.raises(ReadOnlyStoreError):
            reader.ingest(established("Other", "MNG", "PRK", "1948"))


def test_store_schema_readonly_store_refuses_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path, timeout=5)
    migrate(conn, target=2)
    conn.close()
    with pytest.raises(SchemaOutdatedError, match="open it once for writing"):
        Store(path, readonly=True)
