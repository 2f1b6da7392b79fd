"""How fast the exports and the panel stream a large knowledge base.

Run ``python bench/bench_export.py [--dyads N] [--events N] [--formats csv,parquet,...]``.

Uses the synthetic knowledge base of ``bench_store.py`` (built once and cached under
``bench/.cache/``; 10,000 pairs and 1,000,000 events by default), opened read-only, and writes
each export to a temporary directory: every table of ``dyad.export.export`` for each format,
then the undirected and directed panels. Prints the time, rows (or triples) per second, the
size written and the process's peak memory after each step, which stays flat when the exports
stream pair by pair. Turtle (rdflib's serialiser, about 25,000 triples a second) is left out
unless named in ``--formats``: on the default knowledge base it takes a quarter of an hour.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench_store import CACHE, build
from dyad.export import FORMATS, export, panel
from dyad.store import Store
from dyad.store.schema import migrations


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:,.0f} MB"


def _peak() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB peak"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dyads", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--formats", default="jsonl,csv,parquet,panel")
    args = parser.parse_args()
    wanted = args.formats.split(",")
    path = CACHE / f"store-{args.dyads}-{args.events}-v{migrations()[-1].version}.db"
    if not path.exists():
        build(path, args.dyads, args.events)
    with Store(path, readonly=True) as store, tempfile.TemporaryDirectory() as tmp:
        counts = store.counts()
        print(
            f"{path.name}: {counts.facts:,} facts, {counts.event_mentions:,} events,"
            f" {counts.dyads:,} pairs"
        )
        _ = store.gazetteer  # loaded once, outside the timings
        for format in FORMATS:
            if format not in wanted:
                continue
            out = Path(tmp) / format
            started = time.perf_counter()
            summary = export(store, format, f"{out}/")
            elapsed = time.perf_counter() - started
            rate = (
                f"{summary.triples / elapsed:,.0f} triples/s"
                if summary.triples is not None
                else f"{summary.facts / elapsed:,.0f} facts/s"
            )
            print(
                f"export {format:8} {elapsed:7.1f} s  {summary.facts:,} facts,"
                f" {summary.evidence:,} evidences  {rate}  {_size(out)}  {_peak()}"
            )
        if "panel" in wanted:
            for directed in (False, True):
                out = Path(tmp) / f"panel-{directed}"
                started = time.perf_counter()
                result = panel(store, f"{out}/", directed=directed)
                elapsed = time.perf_counter() - started
                print(
                    f"panel {'directed' if directed else 'undirected':10} {elapsed:7.1f} s"
                    f"  {result.rows:,} rows  {result.rows / elapsed:,.0f} rows/s  {_size(out)}"
                    f"  {_peak()}"
                )


if __name__ == "__main__":
    main()
