"""Turtle export: the streamed text writer (``export/turtle.py``) against rdflib's serialiser of
one small graph per pair (``export/rdf.py``, what ``dyad export --format ttl`` used before).

Run ``python bench/bench_turtle.py [--db KB] [--pairs N] [--rounds R]``. Without ``--db`` it
uses a synthetic knowledge base of ``bench_store.py`` (300 pairs, 30,000 events, cached under
``bench/.cache/``). The pairs' records are read once, before timing, so that only the writing is
compared; both writers run in alternating rounds on the same records (``_rounds.py``) and the
median of the per-round CPU ratio is reported against the goal (at most 0.2: 5x faster), with
the triples a second of each.
"""

from __future__ import annotations

import argparse
import io
from itertools import islice
from pathlib import Path

from _rounds import alternate, conditions, verdict
from bench_store import CACHE, build
from dyad.export.rdf import TurtleWriter
from dyad.export.turtle import TurtleStream
from dyad.store import Store
from dyad.store.schema import migrations

GOAL = 0.2  # the streamed writer takes at most a fifth of rdflib's time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = args.db
    if path is None:
        path = CACHE / f"store-300-30000-v{migrations()[-1].version}.db"
        if not path.exists():
            build(path, 300, 30_000)
    with Store(path, readonly=True) as store:
        gazetteer = store.gazetteer
        records = list(islice(store.export_pairs(), args.pairs))
    triples: dict[str, int] = {}

    def rdflib_graphs() -> None:
        writer = TurtleWriter(io.StringIO(), gazetteer)
        for one in records:
            writer.pair(one)
        triples["rdflib"] = writer.triples

    def streamed() -> None:
        writer = TurtleStream(io.StringIO(), gazetteer)
        for one in records:
            writer.pair(one)
        triples["streamed"] = writer.triples

    print(f"{path.name}: {len(records)} pairs; {conditions()}")
    timings = alternate({"rdflib": rdflib_graphs, "streamed": streamed}, args.rounds)
    for name in ("rdflib", "streamed"):
        seconds = timings.median(name)
        print(f"  {name:9} {seconds:7.2f} s CPU, {triples[name] / seconds:,.0f} triples/s")
    ratio = timings.ratio("streamed", "rdflib")
    print(f"  streamed/rdflib CPU time {ratio:.3f} (goal <= {GOAL}): {verdict(ratio, GOAL)}")


if __name__ == "__main__":
    main()
