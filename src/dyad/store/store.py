"""The :class:`Store`: one SQLite knowledge base, its connection, transactions and queries.

Every write goes through :meth:`Store._write`, a ``BEGIN IMMEDIATE`` transaction: the write lock
is taken up front (a second writer waits up to the busy timeout, then gets
:class:`StoreBusyError`), and a failure or a killed process leaves the previous state. One
document is one transaction: :meth:`Store.ingest` skips a document whose content hash is
unchanged (and whose records are: the same text extracted by newer rules is replaced),
replaces one whose hash changed (its rows are deleted and the new ones inserted), and
recomputes the facts of every pair the old or new records touch before committing.

Reads run in a snapshot (a deferred transaction), so a query made of several statements sees
one state even while another connection writes; WAL lets them run at the same time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from dyad.gazetteer import Gazetteer, default_gazetteer
from dyad.model import Pair
from dyad.records import Record
from dyad.store import curated, exports, queries
from dyad.store.dates import query_bound
from dyad.store.dyadpage import DyadPage, dyad_page
from dyad.store.errors import (
    BadQueryError,
    InvalidRecordError,
    NotAKnowledgeBaseError,
    ReadOnlyStoreError,
    UnknownDocumentError,
)
from dyad.store.exports import PairRecords, TenureRow
from dyad.store.factwrite import reconcile_pairs
from dyad.store.ingest import delete_document, document_pairs, insert_document
from dyad.store.placement import Placement, place_documents
from dyad.store.readback import document_records
from dyad.store.reconcile import Policy, load_policy, policy_fingerprint
from dyad.store.schema import begin_immediate, check_current, check_sqlite, connect, migrate, now
from dyad.store.summary import dyad_summary
from dyad.store.validate import Ingestible, PreparedDocument, prepare_any
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
    IngestStatus,
    IngestSummary,
    Interval,
    SearchHit,
    Term,
)

Progress = Callable[[IngestProgress], None]


class Store:
    """A knowledge base in one SQLite file (``":memory:"`` for a throwaway one).

    >>> with Store(":memory:") as store:
    ...     store.counts().documents
    0
    """

    def __init__(
        self,
        path: str | Path,
        *,
        timeout: float = 30.0,
        readonly: bool = False,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        check_sqlite()
        self.path = str(path)
        self.readonly = readonly
        self._gazetteer = gazetteer
        self._names: dict[str, str] = {}  # code -> short name, as name() found it
        self._conn = connect(path, timeout=timeout, readonly=readonly)
        try:
            if readonly:
                check_current(self._conn, path)
            else:
                migrate(self._conn)
                self._sync_policy()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            if "not a database" not in str(exc) and "malformed" not in str(exc):
                raise
            raise NotAKnowledgeBaseError(
                f"not a Dyad knowledge base ({exc}): give --db an SQLite file made by"
                " `dyad ingest`, or a new file name"
            ) from exc
        except BaseException:
            self._conn.close()
            raise

    # ---------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    # ---------------------------------------------------------------- transactions

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """The one write path: a ``BEGIN IMMEDIATE`` transaction, committed or rolled back."""
        if self.readonly:
            raise ReadOnlyStoreError(f"{self.path} was opened read-only")
        begin_immediate(self._conn)
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read snapshot (nested calls share the outer one)."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            self._conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run several queries in one read snapshot: each sees the same state of the knowledge
        base, whatever another connection commits meanwhile (a page made of several queries
        is consistent), and the snapshot is begun and ended once for all of them."""
        with self._read():
            yield

    def _sync_policy(self) -> None:
        """Recompute every fact when the identity policy differs from the one they were made
        under (a migration changed ``fact_policy``)."""
        with self._read() as conn:
            policies = load_policy(conn)
            row = conn.execute("SELECT value FROM store_meta WHERE key = 'fact_policy'").fetchone()
        fingerprint = policy_fingerprint(policies)
        if row is not None and row[0] == fingerprint:
            return
        with self._write() as conn:
            self._reconcile(conn, self._all_pairs(conn), policies)
            conn.execute(
                "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('fact_policy', ?)",
                (fingerprint,),
            )

    @staticmethod
    def _all_pairs(conn: sqlite3.Connection) -> set[Pair]:
        rows = conn.execute(
            "SELECT DISTINCT dyad_a, dyad_b FROM event_mentions WHERE dyad_a IS NOT NULL"
            " UNION SELECT dyad_a, dyad_b FROM facts UNION SELECT dyad_a, dyad_b FROM dyads"
            " UNION SELECT DISTINCT dyad_a, dyad_b FROM tenures WHERE dyad_a IS NOT NULL"
        )
        return {(a, b) for a, b in rows}

    @staticmethod
    def _reconcile(
        conn: sqlite3.Connection, pairs: Iterable[Pair], policies: dict[str, Policy]
    ) -> dict[Pair, int]:
        return reconcile_pairs(conn, pairs, policies)

    # ---------------------------------------------------------------- writing

    def ingest(self, document: Ingestible) -> IngestResult:
        """Store one document atomically: what extraction made of it (a
        :class:`~dyad.model.ExtractedDocument`, such as ``extract.pipeline.Extraction``) or
        its record stream (``records.extraction_records``, a records file's lines).

        Raises :class:`InvalidRecordError` (nothing stored) for records that break the
        records contract, or evidence that is not the document's text.
        """
        return self._ingest([prepare_any(document)])[0]

    def ingest_many(
        self, documents: Iterable[Ingestible], *, batch: int = 200
    ) -> list[IngestResult]:
        """The bulk path: ``batch`` documents a transaction, facts recomputed once per batch."""
        results: list[IngestResult] = []
        pending: list[PreparedDocument] = []
        claimed: dict[str, str] = {}
        for document in documents:
            pending.append(prepare_any(document))
            if len(pending) >= batch:
                results.extend(self._ingest(pending, claimed))
                pending = []
        if pending:
            results.extend(self._ingest(pending, claimed))
        return results

    def _ingest(
        self, docs: Sequence[PreparedDocument], claimed: dict[str, str] | None = None
    ) -> list[IngestResult]:
        """Store ``docs``; ``claimed`` holds the ids this run already stored (see placement)."""
        claimed = {} if claimed is None else claimed
        with self._read() as conn:
            placed = place_documents(conn, docs, claimed)
        if all(p.unchanged for p in placed):
            claimed.update((p.doc.id, p.doc.source) for p in placed)
            return [p.result("unchanged") for p in placed]
        results: list[tuple[Placement, IngestStatus, set[Pair]]] = []
        with self._write() as conn:
            policies = load_policy(conn)
            touched: set[Pair] = set()
            # Placed again inside the write lock: another writer may have stored since.
            for placement in place_documents(conn, docs, claimed):
                doc, row = placement.doc, placement.row
                claimed[doc.id] = doc.source
                if placement.unchanged:
                    results.append((placement, "unchanged", set()))
                    continue
                pairs: set[Pair] = set()
                if row is not None:
                    pairs |= document_pairs(conn, row.pk)
                    delete_document(conn, row.pk)
                pairs |= insert_document(conn, doc, now())
                touched |= pairs
                results.append((placement, "added" if row is None else "replaced", pairs))
            open_conflicts = self._reconcile(conn, touched, policies)
        return [p.result(status, pairs, open_conflicts) for p, status, pairs in results]

    def delete(self, document_id: str) -> bool:
        """Remove a document and its records; its pairs' facts are recomputed."""
        with self._write() as conn:
            row = conn.execute("SELECT pk FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return False
            pairs = document_pairs(conn, row[0])
            delete_document(conn, row[0])
            self._reconcile(conn, pairs, load_policy(conn))
        return True

    def ingest_stream(
        self, items: Iterable[Extracted], *, progress: Progress | None = None
    ) -> IngestSummary:
        """Ingest documents as a pipeline gives them, one transaction per document.

        Each item holds one document (what extraction made of it, or its record stream), or the
        error that kept it from being read or extracted (:func:`dyad.ingest.ingest_paths` makes
        them from files, folders and dumps).
        An item with an error, or whose records are invalid, is reported (``progress`` and the
        summary's ``errors``) and skipped; the others go on. A store kept busy by another writer
        beyond the timeout stops the run with :class:`StoreBusyError` (what was stored stays).
        """
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        events = tenures = 0
        errors: list[IngestProblem] = []
        claimed: dict[str, str] = {}  # ids this run stored: a second page of one title is kept
        for item in items:
            result = self._ingest_item(item, claimed)
            if isinstance(result, IngestProblem):
                errors.append(result)
                if progress:
                    progress(IngestProgress(item.path, problem=result))
                continue
            counts[result.status] += 1
            events += result.events
            tenures += result.tenures
            if progress:
                progress(IngestProgress(item.path, result=result))
        return IngestSummary(
            documents=sum(counts.values()),
            added=counts["added"],
            replaced=counts["replaced"],
            unchanged=counts["unchanged"],
            events=events,
            tenures=tenures,
            conflicts=self.counts().conflicts,
            errors=tuple(errors),
        )

    def _ingest_item(
        self, item: Extracted, claimed: dict[str, str]
    ) -> IngestResult | IngestProblem:
        """One item of :meth:`ingest_stream` stored, or the problem that kept it out."""
        if item.content is None:
            return IngestProblem(item.path, item.error or "failed", item.title)
        try:
            return self._ingest([prepare_any(item.content)], claimed)[0]
        except InvalidRecordError as exc:
            return IngestProblem(item.path, str(exc), item.title)

    # ---------------------------------------------------------------- countries

    def resolve(self, country: str) -> str:
        """A country name, variant or code (any case) as its code.

        Raises :class:`UnknownCountryError` with close names as ``suggestions``.
        """
        return self.gazetteer.require(country).code

    def pair(self, a: str, b: str) -> Pair:
        """Two country arguments as a sorted pair of codes."""
        first, second = self.resolve(a), self.resolve(b)
        if first == second:
            raise BadQueryError(f"{a!r} and {b!r} are the same state ({first}): give two states")
        return (first, second) if first < second else (second, first)

    def name(self, code: str) -> str:
        found = self._names.get(code)
        if found is None:
            state = self.gazetteer.get(code)
            found = self._names[code] = state.short_name if state else code
        return found

    # ---------------------------------------------------------------- queries

    def records(self, document_id: str) -> list[Record]:
        """A stored document's record stream, as it was ingested."""
        with self._read() as conn:
            row = conn.execute("SELECT pk FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                raise UnknownDocumentError(f"no document {document_id!r} in {self.path}")
            return document_records(conn, row[0])

    def status(self, a: str, b: str) -> list[Interval]:
        """The pair's relation status over time (``store/status.py``), oldest first."""
        pair = self.pair(a, b)
        with self._read() as conn:
            return queries.status(conn, pair)

    def status_now(self, a: str, b: str) -> Interval:
        return self.status(a, b)[-1]

    def dyads(self, limit: int = 100, offset: int = 0) -> list[DyadCount]:
        """Pairs with anything stored, the most facts first, with their counts."""
        with self._read() as conn:
            return queries.dyads(conn, self.name, limit=limit, offset=offset)

    def state_dyads(self, state: str, limit: int = 100, offset: int = 0) -> list[DyadCount]:
        """The pairs a state (name or code) is part of, the most facts first."""
        code = self.resolve(state)
        with self._read() as conn:
            return queries.state_dyads(conn, code, self.name, limit=limit, offset=offset)

    def show(self, a: str, b: str) -> DyadSummary:
        """What the knowledge base says about a pair, in one snapshot."""
        pair = self.pair(a, b)
        with self._read() as conn:
            return dyad_summary(conn, pair, self.name)

    def timeline(
        self,
        a: str,
        b: str,
        from_: str | int | None = None,
        to: str | int | None = None,
        types: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Fact]:
        """The pair's facts with their evidences, by date (undated last).

        ``from_``/``to`` (years or EDTF dates) keep the facts whose dates overlap the range;
        undated facts are left out when a range is given. ``types`` filters by event type.
        """
        pair = self.pair(a, b)
        lower = query_bound(from_, upper=False)
        upper = query_bound(to, upper=True)
        with self._read() as conn:
            return queries.timeline(
                conn, pair, lower=lower, upper=upper, types=types, limit=limit, offset=offset
            )

    def dyad_page(
        self, a: str, b: str, from_: str | int | None = None, to: str | int | None = None,
        types: Sequence[str] | None = None, **page: int,
    ) -> DyadPage:  # fmt: skip
        """Everything the pair's page shows, in one snapshot (``dyadpage.dyad_page``, whose
        keywords ``marks``, ``limit``, ``offset`` and ``conflicts`` it passes on), the pair's
        facts read once."""
        lower, upper = query_bound(from_, upper=False), query_bound(to, upper=True)
        with self._read() as conn:
            return dyad_page(conn, self.pair(a, b), self.name, lower, upper, types, **page)

    def terms(self, a: str, b: str) -> list[Term]:
        """Terms of office between the pair (both directions), merged over documents."""
        pair = self.pair(a, b)
        with self._read() as conn:
            return queries.terms(conn, pair)

    def entity(self, name: str, limit: int = 200) -> EntityView:
        """Entities stored under ``name`` or an alias (any case), with the facts and terms
        that name them."""
        with self._read() as conn:
            return queries.entity(conn, name, limit=limit)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over sentences, events and glosses; any input is safe."""
        with self._read() as conn:
            return queries.search(conn, text, limit=limit)

    def conflicts(
        self, limit: int = 100, offset: int = 0, a: str | None = None, b: str | None = None
    ) -> list[Conflict]:
        """Disagreeing facts, each conflict with all its values and their sources."""
        pair = self.pair(a, b) if a is not None and b is not None else None
        with self._read() as conn:
            return queries.conflicts(conn, limit=limit, offset=offset, pair=pair)

    def documents(self, limit: int = 20, offset: int = 0) -> list[DocumentRef]:
        """The most recently ingested documents first."""
        with self._read() as conn:
            return queries.documents(conn, limit=limit, offset=offset)

    def counts(self) -> Counts:
        with self._read() as conn:
            return Counts.of_tables(queries.table_counts(conn))

    # ---------------------------------------------------------------- curated sources

    def mission_ranks(self, a: str, b: str) -> list[curated.RankInterval]:
        """The rank of each side's mission over time, from the chiefs of mission."""
        pair = self.pair(a, b)
        with self._read() as conn:
            return curated.mission_ranks(conn, pair)

    def compare(
        self,
        source: str = "historian",
        against: str = "wikipedia",
        a: str | None = None,
        b: str | None = None,
    ) -> curated.Comparison:
        """Two sources' dates of relations, pair by pair (``curated.compare_sources``).

        Raises :class:`~dyad.store.curated.UnknownSourceError` for a source it does not hold.
        """
        pair = self.pair(a, b) if a is not None and b is not None else None
        with self._read() as conn:
            return curated.compare_sources(conn, source, against, pair=pair)

    # ---------------------------------------------------------------- exports

    def export_pairs(self, a: str | None = None, b: str | None = None) -> Iterator[PairRecords]:
        """Every pair's facts (with all their evidences) and terms of office, one pair at a
        time in code order, in one read snapshot (``exports.py``); only the pair of ``a`` and
        ``b`` when both are given (nothing when that pair has nothing stored)."""
        pair = self.pair(a, b) if a is not None and b is not None else None
        return self._snapshot(lambda conn: exports.walk_pairs(conn, pair))

    def pair_records(self, a: str, b: str) -> PairRecords | None:
        """One pair's records by its two gazetteer codes exactly (no name resolution: ``LAO``
        is Laos, not a name to ask about), ``None`` when nothing is stored for it."""
        pair = (a, b) if a < b else (b, a)
        with self._read() as conn:
            return next(exports.walk_pairs(conn, pair), None)

    def unpaired_tenures(self) -> Iterator[TenureRow]:
        """Terms of office whose sending or receiving state is unknown (in no pair)."""
        return self._snapshot(exports.unpaired_tenures)

    def _snapshot(self, rows: Callable[[sqlite3.Connection], Iterator[Any]]) -> Iterator[Any]:
        with self._read() as conn:
            yield from rows(conn)

    def check(self) -> list[str]:
        """Problems found by ``integrity_check`` and ``foreign_key_check`` (empty: none)."""
        problems = [str(r[0]) for r in self._conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [
            f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
            for r in self._conn.execute("PRAGMA foreign_key_check")
        ]
        return problems
