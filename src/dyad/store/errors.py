"""The store's named errors: each says what went wrong and what to do about it."""

from __future__ import annotations

from dyad.gazetteer import UnknownStateError


class StoreError(Exception):
    """Base class of the knowledge base's errors."""


class FTS5UnavailableError(StoreError):
    """This Python's SQLite was built without FTS5, which full-text search needs."""


class SQLiteTooOldError(StoreError):
    """This Python's SQLite is older than the store needs."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer Dyad: its migrations are unknown to this one."""


class SchemaOutdatedError(StoreError):
    """A read-only store was opened on a database that needs migrating first."""


class StoreBusyError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only."""


class InvalidRecordError(StoreError, ValueError):
    """A record stream that does not follow docs/spec/records.md; nothing of it was stored."""


class UnknownDocumentError(StoreError, LookupError):
    """No document with that id is stored."""


class NotAKnowledgeBaseError(StoreError):
    """The file exists but is not an SQLite database (``--db`` names some other file)."""


class BadQueryError(StoreError, ValueError):
    """A query argument that cannot be answered: the same state twice, a date that is none."""


UnknownCountryError = UnknownStateError
"""A country argument the gazetteer does not know; ``.suggestions`` holds close states."""

__all__ = [
    "BadQueryError",
    "FTS5UnavailableError",
    "InvalidRecordError",
    "NotAKnowledgeBaseError",
    "ReadOnlyStoreError",
    "SQLiteTooOldError",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "StoreBusyError",
    "StoreError",
    "UnknownCountryError",
    "UnknownDocumentError",
]
