"""How fast the knowledge base answers and ingests.

Run ``python bench/bench_store.py [--dyads N] [--events N] [--queries N] [--corpus]``.

1. **Queries**: builds (once, cached under ``bench/.cache/``) a synthetic knowledge base of
   ``--dyads`` pairs and ``--events`` events through the store's bulk path
   (:meth:`Store.ingest_many`): one "A–B relations" document per pair with a skewed number of
   events (all vocabulary types, dates of every precision, a tenth undated, persons, terms of
   office, glosses), plus "Foreign relations of X" pages that restate establishment dates,
   some of them differently (conflicts). Then times :meth:`Store.show` and
   :meth:`Store.timeline` (first page of 100) over random pairs: median and p99 in ms.
2. **Ingest**: the documents of ``examples/`` (and with ``--corpus`` the 205 "Foreign relations"
   pages of ../shared) into a fresh store: end to end (read, extract, store; ``--workers``
   processes extract) and store only (the same record streams ingested again into another
   fresh store), in documents per second.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.gazetteer import StateKind, default_gazetteer
from dyad.ingest import ingest_paths
from dyad.model import document_id
from dyad.store import Store
from dyad.store.schema import migrations
from dyad.store.validate import document_hash

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus" / "foreign-relations-wikitext"

Record = dict[str, Any]

# (type, directed, weight): roughly the mix the extraction finds in the corpus; the singular
# types (relations.established) are written once per pair, as pages do
TYPES = [
    ("visit", True, 30),
    ("agreement.signed", False, 14),
    ("meeting", False, 10),
    ("aid.provided", True, 6),
    ("cooperation.economic", False, 6),
    ("mission.opened", True, 4),
    ("mission.closed", True, 1),
    ("relations.deteriorated", False, 3),
    ("relations.improved", False, 3),
    ("statement", True, 4),
    ("relations.severed", False, 1),
    ("relations.restored", False, 1),
    ("protest", True, 3),
    ("invitation", True, 2),
    ("migration", True, 2),
]
WORDS = (
    "the two countries signed an agreement on trade cooperation during an official visit by"
    " the president to the capital where ministers held talks about security energy culture"
).split()


def _date(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    year = rng.randrange(1900, 2025)
    if roll < 0.4:
        return f"{year}"
    if roll < 0.6:
        return f"{year}-{rng.randrange(1, 13):02d}"
    if roll < 0.95:
        return f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return f"{year}/{year + rng.randrange(1, 5)}"


class _Doc:
    def __init__(self, title: str) -> None:
        self.title = title
        self.id = document_id(title, "text")
        self.parts: list[str] = []
        self.length = 0
        self.records: list[Record] = []

    def span(self, text: str) -> Record:
        if self.parts:
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return {"text": text, "start": start, "end": self.length}

    def finish(self, dyad: tuple[str, str] | None) -> list[Record]:
        text = "\n".join(self.parts)
        document = {
            "kind": "document",
            "schema": 1,
            "id": self.id,
            "title": self.title,
            "format": "text",
            "source": f"synthetic/{self.id}",
            "dyad": list(dyad) if dyad else None,
            "names": {},
            "sections": [],
            "see_also": [],
            "external_links": [],
            "lists": {},
            "categories": [],
            "infobox": {},
            "content_hash": document_hash(self.title, text),
            "text": text,
        }
        return [document, *self.records]


def _event(
    doc: _Doc, rng: random.Random, a: str, b: str, type_: str, directed: bool, date: str | None
) -> None:
    source, target = (a, b) if rng.random() < 0.5 else (b, a)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 20)))
    evidence = doc.span(f"In {date or 'those years'}, {source} and {target}: {words}.")
    persons = (
        [{"name": f"Person {rng.randrange(5000)}", "state": source, "role": "President"}]
        if type_ == "visit" and rng.random() < 0.6
        else []
    )
    doc.records.append(
        {
            "kind": "event",
            "document": doc.id,
            "id": hashlib.sha1(f"{doc.id}{len(doc.records)}".encode()).hexdigest()[:16],
            "type": type_,
            "date": date,
            "date_source": "stated" if date else None,
            "date_text": date,
            "modality": "occurred",
            "source": source if directed else None,
            "target": target if directed else None,
            "actors": sorted((a, b)),
            "persons": persons,
            "quantity": None,
            "subject": None,
            "evidence": evidence,
            "rule": f"synthetic.{type_}",
            "confidence": 0.8,
        }
    )


def synthetic(dyads: int, events: int, seed: int = 7) -> Iterator[list[Record]]:
    """The synthetic corpus (module docstring), one record stream per document."""
    rng = random.Random(seed)
    states = sorted(s.code for s in default_gazetteer() if s.kind is StateKind.STATE)
    all_pairs = [(a, b) for i, a in enumerate(states) for b in states[i + 1 :]]
    pairs = sorted(rng.sample(all_pairs, dyads))
    # establishment dates the per-state pages will restate
    founded = {p: f"{rng.randrange(1920, 2020)}-{rng.randrange(1, 13):02d}-15" for p in pairs}
    page_events = min(events // 10, dyads * 2)
    per_dyad = (events - page_events) / dyads
    kinds, directed, weights = zip(*TYPES, strict=True)
    budget = events - page_events
    for number, (a, b) in enumerate(pairs):
        left = len(pairs) - number
        count = budget if left == 1 else max(1, int(rng.expovariate(1 / per_dyad)))
        count = min(count, budget - (left - 1))
        budget -= count
        doc = _Doc(f"{a}–{b} relations")
        _event(doc, rng, a, b, "relations.established", False, founded[(a, b)])
        for _ in range(count - 1):
            i = rng.choices(range(len(kinds)), weights)[0]
            _event(doc, rng, a, b, kinds[i], directed[i], _date(rng))
        for k in range(2):
            start = rng.randrange(1950, 2020)
            end = None if k else str(start + rng.randrange(1, 6))
            evidence = doc.span(f"Ambassador {number}-{k} ({start}–{end or ''})")
            doc.records.append(
                {
                    "kind": "tenure",
                    "document": doc.id,
                    "role": "ambassador",
                    "person": f"Ambassador {number}-{k}",
                    "sending": a,
                    "receiving": b,
                    "start": str(start),
                    "end": end,
                    "evidence": evidence,
                    "rule": "synthetic",
                }
            )
        anchor = doc.span(f"{a} capital")
        doc.records.insert(
            0,
            {
                "kind": "gloss",
                "document": doc.id,
                "anchor": f"{a} capital",
                "target": f"{a} capital",
                "span": [anchor["start"], anchor["end"]],
                "text": f"The capital of {a}.",
                "truncated": False,
                "flags": [],
            },
        )
        yield doc.finish((a, b))
    # "Foreign relations of X": establishment tables, 1 in 20 rows with another date
    by_state: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        by_state.setdefault(pair[0], []).append(pair)
        by_state.setdefault(pair[1], []).append(pair)
    written = 0
    for state in sorted(by_state):
        doc = _Doc(f"Foreign relations of {state}")
        for pair in by_state[state]:
            if written >= page_events:
                break
            date = founded[pair] if rng.random() > 0.05 else f"{rng.randrange(1920, 2020)}"
            _event(doc, rng, pair[0], pair[1], "relations.established", False, date)
            written += 1
        if len(doc.records):
            yield doc.finish(None)


def build(path: Path, dyads: int, events: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with Store(partial) as store:
        results = store.ingest_many(synthetic(dyads, events), batch=250)
        counts = store.counts()
    elapsed = time.perf_counter() - started
    print(
        f"built {path.name}: {len(results)} documents, {counts.event_mentions:,} events,"
        f" {counts.facts:,} facts, {counts.conflicts:,} conflicts, {counts.dyads:,} dyads"
        f" in {elapsed:.0f} s ({counts.event_mentions / elapsed:,.0f} events/s bulk)"
    )
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(path)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"median {statistics.median(ordered) * 1000:6.2f} ms   p99 {p99 * 1000:6.2f} ms"


def bench_queries(path: Path, queries: int) -> None:
    with Store(path, readonly=True) as store:
        pairs = [(d.a, d.b) for d in store.dyads(limit=1_000_000)]
        rng = random.Random(1)
        sample = [rng.choice(pairs) for _ in range(queries)]
        for a, b in sample[:50]:  # warm the page cache and the gazetteer
            store.show(a, b)
            store.timeline(a, b)
        timings: dict[str, list[float]] = {"show": [], "timeline": [], "timeline 1990-": []}
        sizes = []
        for a, b in sample:
            t0 = time.perf_counter()
            summary = store.show(a, b)
            t1 = time.perf_counter()
            store.timeline(a, b)
            t2 = time.perf_counter()
            store.timeline(a, b, from_=1990, types=["visit", "agreement.signed"])
            t3 = time.perf_counter()
            timings["show"].append(t1 - t0)
            timings["timeline"].append(t2 - t1)
            timings["timeline 1990-"].append(t3 - t2)
            sizes.append(summary.facts)
    print(
        f"{queries} random pairs (facts per pair: median {statistics.median(sizes):.0f},"
        f" max {max(sizes)})"
    )
    for name, values in timings.items():
        print(f"  {name:16} {_ms(values)}")


def bench_ingest(paths: list[Path], workers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder) / "e2e.db"
        with Store(first) as store:
            started = time.perf_counter()
            summary = ingest_paths(store, paths, workers=workers)
            elapsed = time.perf_counter() - started
            ids = [d.id for d in store.documents(limit=100_000)]
            streams = [store.records(i) for i in ids]
        print(
            f"end to end ({workers} workers): {summary.documents} documents,"
            f" {summary.events:,} events in {elapsed:.1f} s:"
            f" {summary.documents / elapsed:.2f} documents/s ({len(summary.errors)} errors,"
            f" {summary.conflicts} conflicts)"
        )
        with Store(Path(folder) / "store.db") as store:
            started = time.perf_counter()
            for records in streams:
                store.ingest(records)
            elapsed = time.perf_counter() - started
            again = time.perf_counter()
            for records in streams:
                store.ingest(records)
            unchanged = time.perf_counter() - again
        print(
            f"store only: {len(streams) / elapsed:.1f} documents/s"
            f" ({sum(len(s) for s in streams) / elapsed:,.0f} records/s);"
            f" re-ingest unchanged: {len(streams) / unchanged:.0f} documents/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dyads", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached KB")
    parser.add_argument("--corpus", action="store_true", help="also ingest the 205 pages")
    parser.add_argument("--skip-queries", action="store_true")
    args = parser.parse_args()
    if not args.skip_queries:
        version = migrations()[-1].version
        path = CACHE / f"store-{args.dyads}-{args.events}-v{version}.db"
        if args.rebuild or not path.exists():
            build(path, args.dyads, args.events)
        bench_queries(path, args.queries)
    print("examples/:", end=" ")
    bench_ingest([EXAMPLES], args.workers)
    if args.corpus and CORPUS.is_dir():
        print("205 foreign-relations pages:", end=" ")
        bench_ingest([CORPUS], args.workers)


if __name__ == "__main__":
    main()
