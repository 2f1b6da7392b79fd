"""The knowledge base: the only code that speaks SQL.

:class:`Store` owns one SQLite file: its schema (numbered migrations in ``migrations/``), its
connection and transactions, the one write path (:meth:`Store.ingest`: one document, one
transaction, idempotent), reconciliation of event mentions into facts (``reconcile.py``), the
relation status of a pair over time (``status.py``) and the queries the CLI and the web wrap
(``queries.py``), which return the dataclasses of ``views.py``.

The contract is typed on both sides. In: what extraction made (``dyad.model``'s events, terms
and entities, :class:`~dyad.model.ExtractedDocument`), or its JSON records parsed into those
objects at the edge (``validate.py``). Out: one class per concept, built from rows by column
name (``factread.py``): a :class:`Fact` with its :class:`Source` evidences is the same object
to a page, ``dyad show`` and the exports.

>>> from dyad.store import Store
>>> with Store(":memory:") as store:
...     store.resolve("Korea, North")
'PRK'
"""

from __future__ import annotations

from dyad.store.errors import (
    BadQueryError,
    FTS5UnavailableError,
    InvalidRecordError,
    NotAKnowledgeBaseError,
    ReadOnlyStoreError,
    SchemaOutdatedError,
    SchemaTooNewError,
    SQLiteTooOldError,
    StoreBusyError,
    StoreError,
    UnknownCountryError,
    UnknownDocumentError,
)
from dyad.store.store import Store
from dyad.store.views import (
    Conflict,
    Counts,
    DocumentRef,
    DyadCount,
    DyadSummary,
    EntityView,
    Extracted,
    Fact,
    IngestProblem,
    IngestProgress,
    IngestResult,
    IngestSummary,
    Interval,
    SearchHit,
    Source,
    Term,
)

__all__ = [
    "BadQueryError",
    "Conflict",
    "Counts",
    "DocumentRef",
    "DyadCount",
    "DyadSummary",
    "EntityView",
    "Extracted",
    "FTS5UnavailableError",
    "Fact",
    "IngestProblem",
    "IngestProgress",
    "IngestResult",
    "IngestSummary",
    "Interval",
    "InvalidRecordError",
    "NotAKnowledgeBaseError",
    "ReadOnlyStoreError",
    "SQLiteTooOldError",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "SearchHit",
    "Source",
    "Store",
    "StoreBusyError",
    "StoreError",
    "Term",
    "UnknownCountryError",
    "UnknownDocumentError",
]
