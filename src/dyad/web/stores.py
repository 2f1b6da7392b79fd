"""What the application shares between requests: read-only stores, templates, a reply cache.

SQLite connections belong to the thread that opened them, and FastAPI runs each request of a
plain (``def``) route in a worker thread: each thread opens its own read-only
:class:`~dyad.store.Store` on first use and keeps it. The reply cache is keyed on the address
and the database's version: the size and modification time of the file and of its WAL, which
a commit by any process changes, so a page is never served from before an ingest.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path

import anyio
from jinja2 import Environment

from dyad.store import Store

Version = tuple[int, int, int, int]

#: Pages computed at once in a server process, each in a worker thread. Two: a page spends
#: part of its time in SQLite, which lets go of the GIL, so a second thread overlaps it; more
#: threads only take turns holding the GIL, and each handover between cores costs CPU: at 32
#: clients a dyad JSON costs 0.82x the CPU of 4 threads before, 0.95x with 4 (bench/README.md).
COMPUTING = 2


class ReplyCache:
    """A small thread-safe LRU of rendered replies, each valid for one database version.

    Bounded twice: ``size`` entries and ``budget`` bytes of replies in all (a reply above
    ``max_bytes`` is not kept), so that many distinct addresses cannot grow a worker's memory
    beyond the budget whatever they ask for.
    """

    def __init__(self, size: int, max_bytes: int = 4 << 20, budget: int = 64 << 20) -> None:
        self.size = size
        self.max_bytes = min(max_bytes, budget)
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[Hashable, tuple[Version, tuple[bytes, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, version: Version) -> tuple[bytes, str] | None:
        if self.size <= 0:
            return None
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] != version:
                return None
            self._items.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, version: Version, value: tuple[bytes, str]) -> None:
        if self.size <= 0 or len(value[0]) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= _cost(key, old[1])
            self._items[key] = (version, value)
            self.bytes += _cost(key, value)
            while len(self._items) > self.size or self.bytes > self.budget:
                dropped_key, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= _cost(dropped_key, dropped)


def _cost(key: Hashable, value: tuple[bytes, str]) -> int:
    """Bytes an entry holds: its reply and its key (an address can be long)."""
    return len(value[0]) + len(repr(key)) + 200


class WebState:
    """The database path, one read-only store per thread, the templates and the cache."""

    def __init__(
        self,
        path: str | Path,
        templates: Environment,
        *,
        readonly: bool,
        cache_size: int,
        computing: int = COMPUTING,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.templates = templates
        self.cache = ReplyCache(cache_size)
        self.computing = computing
        self._local = threading.local()
        self._limiter: anyio.CapacityLimiter | None = None
        # weakly: a worker thread that ends (anyio stops idle ones) takes its store with it
        self._opened: weakref.WeakSet[Store] = weakref.WeakSet()
        self._lock = threading.Lock()

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        """At most ``computing`` pages computed at once (created in the event loop's thread)."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.computing)
        return self._limiter

    def store(self) -> Store:
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = Store(self.path, readonly=self.readonly)
            self._local.store = found
            with self._lock:
                self._opened.add(found)
        return found

    def version(self) -> Version:
        main, wal = _stat(self.path), _stat(Path(f"{self.path}-wal"))
        return (main[0], main[1], wal[0], wal[1])

    def close(self) -> None:
        """Close the stores of every thread (at shutdown, when no request runs)."""
        with self._lock:
            for store in list(self._opened):
                # a connection of another thread refuses to close from here; nothing is lost
                with contextlib.suppress(Exception):
                    store.close()
            self._opened.clear()


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)
