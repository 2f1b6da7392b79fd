"""What the converted CAMEO verb patterns cost extraction, next to reading, in one run.

Run ``PYTHONPATH=src python bench/bench_cameo.py [--rounds N] [--quick]``. Pages as
``bench_extract``: the "Foreign relations of X" wikitext pages of ``../shared/corpus``
(``--quick``: every 10th), else ``tests/data/wikitext``. Each round runs, in a rotating order,
**read** (the wikitext reader on every page), **extract, rules only**
(:func:`dyad.extract.pipeline.extract` with ``verbs=NO_VERB_PATTERNS`` on the documents read
beforehand) and **extract, rules + patterns** (the default: the built-in patterns loaded). The
goal is the issue's: extraction alone at most the time of reading, with the dictionary loaded
(extract / read <= 1); the cost of the patterns is the ratio of the two extractions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from dyad.extract.cameo.verbs import NO_VERB_PATTERNS, verb_patterns
from dyad.extract.pipeline import extract
from dyad.model import Document

if __package__:
    from bench._rounds import alternate, conditions, verdict
    from bench.bench_extract import SHARED, load, pick, read_all, read_page
else:  # run as a script: bench/ is on the path
    from _rounds import alternate, conditions, verdict
    from bench_extract import SHARED, load, pick, read_all, read_page

GOAL = 1.0


def _extract_all(documents: list[Document], with_patterns: bool) -> int:
    verbs = None if with_patterns else NO_VERB_PATTERNS
    return sum(len(extract(d, verbs=verbs).events) for d in documents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    rounds = 2 if args.quick and args.rounds == 5 else args.rounds
    paths, note = pick(SHARED, args.pages, args.quick)
    pages = load(paths)
    size = sum(len(p.text.encode()) for p in pages)
    print(f"cameo: {conditions()}")
    if note:
        print(f"  fallback: {note}")
    started = time.process_time()
    patterns = verb_patterns()
    print(f"  {len(pages)} wikitext pages, {size:,} bytes; {rounds} rounds")
    print(f"  patterns loaded: {len(patterns)} in {time.process_time() - started:.2f} cpu s")
    documents = [d for d in (read_page(p) for p in pages) if d is not None]
    timings = alternate(
        {
            "read": lambda: read_all(pages),
            "extract, rules only": lambda: _extract_all(documents, False),
            "extract, rules + patterns": lambda: _extract_all(documents, True),
        },
        rounds,
        label="cameo ",
    )
    print(f"\n  {'method':30} {'cpu s (median)':>15}  by round")
    for name, values in timings.cpu.items():
        spread = ", ".join(f"{v:.2f}" for v in values)
        print(f"  {name:30} {statistics.median(values):15.2f}  {spread}")
    read = timings.cpu["read"]
    without = timings.cpu["extract, rules only"]
    with_ = timings.cpu["extract, rules + patterns"]
    ratio = statistics.median(w / r for w, r in zip(with_, read, strict=True))
    before = statistics.median(w / r for w, r in zip(without, read, strict=True))
    cost = statistics.median(w / o for w, o in zip(with_, without, strict=True))
    print(f"\n  extract / read, rules only:        x{before:.2f}")
    print(f"  extract with patterns / rules only: x{cost:.2f}")
    print(
        f"goal: extract with patterns / read  cpu x{ratio:.2f}  goal <= {GOAL:g}  "
        f"{verdict(ratio, GOAL)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
