"""Files, folders, dumps and Spark job outputs -> extractions -> the knowledge base.

Reading and extraction are pure and slow (seconds for a long article), storing is quick: with
``workers > 1`` documents are read and extracted in a process pool while the store writes
them one by one, in the order the paths give them. A file that cannot be read or extracted
becomes an :class:`Outcome` with its error; it never reaches the store.
:func:`ingest_paths` hands the outcomes to :meth:`Store.ingest_stream`, which stores them.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.model import Document, ExtractedDocument
from dyad.records import Record

if TYPE_CHECKING:  # workers import this module: they need none of the store
    from dyad.store import IngestProgress, IngestSummary, Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    document: Document | None = None  # a dump's page, already read


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document read and extracted (the extraction, or records a Spark job wrote), or the
    error that kept it from being so."""

    path: str
    content: ExtractedDocument | list[Record] | None
    error: str | None = None
    title: str | None = None

    @property
    def records(self) -> list[Record] | None:
        """The document's JSON records (``docs/spec/records.md``), made when asked for."""
        if self.content is None or isinstance(self.content, list):
            return self.content
        from dyad.records import extraction_records

        return extraction_records(self.content)


# Files a corpus folder carries beside its articles (attribution, licence), by name stem.
_NOT_ARTICLES = frozenset({"NOTICE", "LICENSE", "LICENCE", "README", "COPYING"})
# Data, images and databases that sit beside articles in a folder: never read as articles when
# a folder is walked (a file named on the command line is always tried).
_NOT_ARTICLE_SUFFIXES = frozenset(
    ".csv .tsv .json .jsonl .parquet .db .sqlite .sqlite3 .png .jpg .jpeg .gif .svg .pdf .zip"
    " .py .toml .yaml .yml .lock .log".split()
)
# The Office of the Historian's chiefs of mission: one document per missions-countries file;
# the folder's people, roles and code tables are what those files refer to, not documents.
_POCOM_DOCUMENTS = "missions-countries"


def files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files under ``paths``: files as given; folders walked in name order, without dot
    files, NOTICE, LICENSE or README files, and data files (``.csv``, ``.json``, images...).
    The output folder of ``dyad spark extract`` is given as itself: its Parquet tables are
    read as one."""
    from dyad.spark.load import is_job_output

    for path in map(Path, paths):
        if path.is_dir() and is_job_output(path):
            yield path
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if (
                    found.is_file()
                    and not any(part.startswith(".") for part in relative)
                    and found.name.split(".")[0].upper() not in _NOT_ARTICLES
                    and found.suffix.lower() not in _NOT_ARTICLE_SUFFIXES
                    and not _pocom_support(path, found)
                ):
                    yield found
        else:
            yield path


def _pocom_support(root: Path, found: Path) -> bool:
    """A file of a pocom folder other than its mission files (people, roles, code tables)."""
    for folder in found.parents:
        if (folder / _POCOM_DOCUMENTS).is_dir():
            return found.parent.name != _POCOM_DOCUMENTS or found.parent.parent != folder
        if folder == root:
            break
    return False


def jobs(paths: Iterable[str | Path]) -> Iterator[Job | Outcome]:
    """One job per article file or dump page; a dump that breaks off yields its error."""
    from dyad.read import ReadError, iter_documents
    from dyad.read.detect import is_dump
    from dyad.spark.load import is_job_output, record_streams

    for path in files(paths):
        if path.is_dir() and is_job_output(path):
            for source, records in record_streams(path):
                yield Outcome(source, records, title=records[0]["title"])
            continue
        try:
            dump = path.is_file() and is_dump(path)
        except OSError as exc:
            yield Outcome(str(path), None, f"{path}: {exc}")
            continue
        if not dump:
            yield Job(str(path))
            continue
        bad: list[Outcome] = []
        try:
            for doc in iter_documents(path, on_error=partial(_skipped, path, bad)):
                yield from bad
                bad.clear()
                yield Job(f"{path}#{doc.title}", doc)
            yield from bad
        except (ReadError, OSError) as exc:
            yield from bad
            yield Outcome(str(path), None, str(exc))


def _skipped(path: Path, bad: list[Outcome], page: object, error: Exception) -> None:
    """A dump page that cannot be read: reported, the dump goes on."""
    title = getattr(page, "title", None)
    bad.append(Outcome(f"{path}#{title}", None, str(error), title))


def extract_job(job: Job) -> Outcome:
    """Read (unless read already) and extract one document; errors become the outcome."""
    from dyad.extract.pipeline import extract
    from dyad.read import ReadError, read_file

    try:
        doc = job.document or read_file(job.path)
    except (ReadError, OSError) as exc:
        return Outcome(job.path, None, str(exc))
    try:
        return Outcome(job.path, extract(doc), title=doc.title)
    except Exception as exc:  # an extraction bug must not stop a whole corpus
        log.exception("extraction failed on %s", job.path)
        return Outcome(job.path, None, f"extraction failed: {type(exc).__name__}: {exc}", doc.title)


def die_with_parent(parent: int) -> None:
    """Make a worker end when the process that started it ends, even by ``kill -9``.

    On Linux the kernel sends the worker SIGKILL when its parent dies (``PR_SET_PDEATHSIG``);
    a worker whose parent died before this ran exits at once. Elsewhere a worker ends when it
    next finds its queue closed.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no C library to ask: keep the portable behaviour
            pass
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def outcomes(paths: Iterable[str | Path], *, workers: int = 1) -> Iterator[Outcome]:
    """Every document under ``paths`` extracted, in order (see the module docstring).

    Workers are spawned, so a script calling this needs the usual
    ``if __name__ == "__main__":`` guard; if the pool breaks (a worker could not start or was
    killed), the remaining documents are extracted in this process instead.
    """
    todo: Iterator[Job | Outcome] = jobs(paths)
    if workers > 1:
        pending: deque[tuple[Job | Outcome, Future[Outcome] | None]] = deque()
        context = multiprocessing.get_context("spawn")
        try:
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            ) as pool:
                for job in todo:
                    future = None if isinstance(job, Outcome) else pool.submit(extract_job, job)
                    pending.append((job, future))
                    while len(pending) > 2 * workers:
                        yield _result(pending[0])
                        pending.popleft()
                while pending:
                    yield _result(pending[0])
                    pending.popleft()
                return
        except BrokenProcessPool:
            log.warning("the extraction pool broke; extracting the rest in this process")
        todo = itertools.chain((job for job, _ in pending), todo)
    for job in todo:
        yield job if isinstance(job, Outcome) else extract_job(job)


def _result(item: tuple[Job | Outcome, Future[Outcome] | None]) -> Outcome:
    job, future = item
    if future is None:
        assert isinstance(job, Outcome)
        return job
    return future.result()


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Callable[[IngestProgress], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Read, extract and ingest files, folders and dumps, one transaction per document.

    A file that cannot be read, extracted or stored is reported (``progress`` and the summary's
    ``errors``) and skipped; the others go on. A store kept busy by another writer beyond the
    timeout stops the run with :class:`~dyad.store.StoreBusyError` (what was stored stays).
    With ``workers > 1``, documents are extracted in spawned processes (see the module
    docstring).
    """
    return store.ingest_stream(outcomes(paths, workers=workers), progress=progress)
