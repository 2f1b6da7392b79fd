"""Two versions of a reader on the same input, taking turns: the alternating A/B of issue 10.

A worker process per version (``--baseline`` and ``--src``: folders holding ``dyad``, such as
main's ``src`` taken out with ``git archive <commit> src``) reads the input in turns: in each
round one version, then the other (the first of a round alternates), each read ``--repeat``
times per turn. Only the reads are timed (CPU time of the worker, ``process_time``); dyad's
bounded memo caches are emptied before each read, untimed, so that every read costs what a new
input's would. A busy machine slows both versions alike within a round: the figure to go by is
the median over the rounds of the ratio before / after (after faster: over 1), with its IQR.

    .venv/bin/python bench/scrape_ab.py --baseline /tmp/base/src [--src src] \\
        [--input ../shared/seeds/000_3a3c99b8f3b607de.txt] [--rounds 30] [--repeat 10]

Inputs: a file, or a folder (every ``*.infolist.txt`` in it, read in turn); ``--reader``
``infolist`` (default), ``markdown`` or ``html`` for the other readers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_3a3c99b8f3b607de.txt"

_WORKER = r"""
import gc, json, sys, time
sys.path.insert(0, sys.argv[1])
from _rounds import clear_memos
import importlib
reader = importlib.import_module("dyad.read." + sys.argv[2])
texts = [open(p, encoding="utf-8").read() for p in json.loads(sys.argv[3])]
for line in sys.stdin:
    repeat = int(line)
    cpu = 0.0
    times = []
    for _ in range(repeat):
        for text in texts:
            clear_memos()
            gc.collect()
            started = time.process_time()
            reader.read(text, source="input")
            times.append(time.process_time() - started)
    print(json.dumps(times), flush=True)
"""


def _worker(src: Path, reader: str, paths: list[Path]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    arguments = [str(ROOT / "bench"), reader, json.dumps([str(p) for p in paths])]
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, *arguments],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _turn(worker: subprocess.Popen[str], repeat: int) -> list[float]:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(f"{repeat}\n")
    worker.stdin.flush()
    times: list[float] = json.loads(worker.stdout.readline())
    return times


def _quartiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--baseline", type=Path, required=True)
    options.add_argument("--src", type=Path, default=ROOT / "src")
    options.add_argument("--input", type=Path, default=SEED)
    options.add_argument("--reader", default="infolist")
    options.add_argument("--rounds", type=int, default=30)
    options.add_argument("--repeat", type=int, default=10)
    arguments = options.parse_args()
    source = arguments.input
    pattern = {"infolist": "*.infolist.txt", "markdown": "*.md", "html": "*.html"}
    paths = sorted(source.glob(pattern[arguments.reader])) if source.is_dir() else [source]
    size = sum(p.stat().st_size for p in paths) * arguments.repeat
    workers = {
        "before": _worker(arguments.baseline.resolve(), arguments.reader, paths),
        "after": _worker(arguments.src.resolve(), arguments.reader, paths),
    }
    for worker in workers.values():
        _turn(worker, 1)  # (warm-up: imports, the gazetteer and other loaders)
    totals: dict[str, list[float]] = {"before": [], "after": []}
    reads: dict[str, list[float]] = {"before": [], "after": []}
    loads = [os.getloadavg()[0]]
    for number in range(arguments.rounds):
        order = ["before", "after"] if number % 2 == 0 else ["after", "before"]
        for name in order:
            times = _turn(workers[name], arguments.repeat)
            totals[name].append(sum(times))
            reads[name].extend(times)
        loads.append(os.getloadavg()[0])
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    ratios = [b / a for b, a in zip(totals["before"], totals["after"], strict=True)]
    low, high = _quartiles(ratios)
    named = paths[0].name if len(paths) == 1 else f"{len(paths)} files of {source}"
    print(f"input: {named} x{arguments.repeat} per turn, {size} bytes")
    print(f"load average (1 min) during the run: {min(loads):.2f}-{max(loads):.2f}")
    for name in ("before", "after"):
        mbs = size / statistics.median(totals[name]) / 1e6
        fifth = sorted(reads[name])[len(reads[name]) // 20] * 1e3
        print(f"{name:6s}: {mbs:.2f} MB/s per core (median turn); 5th pct of a read {fifth:.2f} ms")
    print(f"after / before speed: x{statistics.median(ratios):.3f} (IQR {low:.3f}-{high:.3f})")


if __name__ == "__main__":
    main()
