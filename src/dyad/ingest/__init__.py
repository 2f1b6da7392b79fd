"""The ingest pipeline: files, folders, dumps and Spark outputs read, extracted and stored.

It sits above reading, extraction and the store, which know nothing of it: :func:`files` says
which files of a folder are documents, :func:`outcomes` reads and extracts them (in a process
pool when asked), and :func:`ingest_paths` stores them with :meth:`dyad.store.Store.ingest_stream`.
"""

from __future__ import annotations

from dyad.ingest.pipeline import Outcome, files, ingest_paths, outcomes

__all__ = ["Outcome", "files", "ingest_paths", "outcomes"]
