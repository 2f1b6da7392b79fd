"""Connections and numbered migrations.

Migrations are the files ``migrations/NNNN_name.sql``, applied in number order, each inside its
own ``BEGIN IMMEDIATE`` transaction together with its row in ``schema_migrations``: a database
is always at a whole version, and opening an older one brings it up to date. A database newer
than this code (a migration number it does not know) is refused rather than guessed at.

Every connection is set up the same way: WAL journal (readers never wait for the writer),
``synchronous=NORMAL`` (a killed process loses nothing committed; WAL keeps the file whole),
foreign keys on, a busy timeout, and autocommit mode so that the store alone says where
transactions begin and end.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from dyad.store.errors import (
    FTS5UnavailableError,
    SchemaOutdatedError,
    SchemaTooNewError,
    SQLiteTooOldError,
    StoreBusyError,
)

MIN_SQLITE = (3, 35, 0)
_NAME_RE = re.compile(r"(\d{4})_(\w+)\.sql")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The shipped migrations, in order; numbers start at 1 and leave no gap."""
    found: list[Migration] = []
    for entry in resources.files("dyad.store.migrations").iterdir():
        match = _NAME_RE.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must run 1..n: {[m.version for m in found]}")
    return found


def statements(script: str) -> list[str]:
    """Split an SQL script into statements (a trigger body's semicolons stay inside it)."""
    out: list[str] = []
    current: list[str] = []
    for line in script.splitlines(keepends=True):
        current.append(line)
        text = "".join(current)
        if sqlite3.complete_statement(text):
            if _strip_comments(text).strip():
                out.append(text.strip())
            current = []
    if _strip_comments("".join(current)).strip():
        raise ValueError(f"incomplete SQL statement at the end: {''.join(current)[:80]!r}")
    return out


def _strip_comments(text: str) -> str:
    return re.sub(r"--[^\n]*", "", text)


def check_sqlite() -> None:
    """Fail clearly when this Python's SQLite lacks what the store needs."""
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise SQLiteTooOldError(
            f"SQLite {sqlite3.sqlite_version} is too old: the store needs "
            f"{'.'.join(map(str, MIN_SQLITE))} or newer (use a Python built against it)"
        )
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE fts5_probe USING fts5 (x)")
    except sqlite3.OperationalError as exc:
        raise FTS5UnavailableError(
            f"SQLite {sqlite3.sqlite_version} in this Python has no FTS5 ({exc}); "
            "full-text search needs it: use a Python whose sqlite3 is built with FTS5"
        ) from exc
    finally:
        probe.close()


def connect(path: str | Path, *, timeout: float, readonly: bool = False) -> sqlite3.Connection:
    """A connection set up as the module docstring says."""
    memory = str(path) == ":memory:"
    if readonly and not memory:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not memory and not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def begin_immediate(conn: sqlite3.Connection) -> None:
    """Take the write lock now (waiting up to the busy timeout), or fail clearly."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreBusyError(
                "another process is writing to this knowledge base and did not finish within "
                "the busy timeout; try again when it is done, or open the store with a longer "
                "timeout"
            ) from exc
        raise


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def check_current(conn: sqlite3.Connection, path: str | Path) -> None:
    """For a read-only store: refuse a database this code cannot read without migrating it."""
    version, latest = current_version(conn), migrations()[-1].version
    if version > latest:
        raise SchemaTooNewError(
            f"{path} is at schema version {version}, newer than this Dyad ({latest}): upgrade Dyad"
        )
    if version < latest:
        raise SchemaOutdatedError(
            f"{path} is at schema version {version}, this Dyad reads {latest}:"
            " open it once for writing to migrate it"
        )


def migrate(conn: sqlite3.Connection, *, target: int | None = None) -> list[int]:
    """Apply the pending migrations up to ``target`` (all by default); return their numbers.

    An up-to-date database is only read (no write lock), so opening a store never waits for a
    writer; each pending migration takes the lock and re-reads the version under it, so two
    processes opening an old database at once apply every migration exactly once.
    """
    known = migrations()
    latest = known[-1].version
    target = latest if target is None else target
    _refuse_newer(current_version(conn), latest)
    if current_version(conn) >= target:
        return []
    applied: list[int] = []
    for migration in known[:target]:
        begin_immediate(conn)
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            version = current_version(conn)
            _refuse_newer(version, latest)
            if migration.version > version:
                for statement in statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, now()),
                )
                applied.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return applied


def _refuse_newer(version: int, latest: int) -> None:
    if version > latest:
        raise SchemaTooNewError(
            f"the database is at schema version {version}, newer than this Dyad knows "
            f"({latest}): upgrade Dyad to open it"
        )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
