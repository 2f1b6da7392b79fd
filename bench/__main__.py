"""Run the benchmarks one after another: ``python -m bench [--quick] [--only NAME] [--profile]``.

Run from the project's root (``make bench`` does). Each benchmark runs as its own script in a
fresh interpreter, so that none inherits another's memory or caches, with its own options:
by default their full runs (several minutes each on two cores), with ``--quick`` fewer rounds
and subsets of the inputs. ``--only`` picks benchmarks by name (repeat it, or separate names
with commas). Run by default: ``readers``, ``extract``, ``dump``, ``store``, ``linear``; only
when named: ``wikitext`` (the reader against mwparserfromhell alone, which ``readers`` already
covers) and ``web`` (the web pages under load; it starts servers). ``--profile`` asks ``extract``
for its cProfile report. For other options run a script directly:
``python bench/bench_extract.py -h``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    quick: tuple[str, ...]
    default: bool = True


def _test_pages() -> tuple[str, ...]:
    return tuple(str(p) for p in sorted((ROOT / "tests" / "data" / "wikitext").glob("*.wiki")))


BENCHMARKS = [
    Benchmark("readers", "bench_readers.py", ("--quick",)),
    Benchmark("extract", "bench_extract.py", ("--quick",)),
    Benchmark("dump", "bench_dump.py", ("--rounds", "3")),
    Benchmark(
        "store", "bench_store.py", ("--dyads", "1000", "--events", "50000", "--queries", "200")
    ),
    Benchmark("linear", "bench_linear.py", ("--rounds", "3")),
    Benchmark("wikitext", "bench_wikitext.py", ("--rounds", "2", *_test_pages()), default=False),
    Benchmark("web", "bench_web.py", ("--seconds", "2", "--only", "example"), default=False),
]


def _load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    names = [b.name for b in BENCHMARKS]
    options = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer rounds, subsets of inputs")
    options.add_argument(
        "--only", action="append", metavar="NAME", help=f"run only these: {', '.join(names)}"
    )
    options.add_argument("--profile", action="store_true", help="profile extraction too")
    arguments = options.parse_args(argv)
    chosen = [n for value in arguments.only or [] for n in value.split(",") if n]
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        options.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(names)}")
    selected = [b for b in BENCHMARKS if (b.name in chosen if chosen else b.default)]
    results: list[tuple[str, str, float]] = []
    for benchmark in selected:
        script = BENCH / benchmark.script
        if not script.is_file():
            print(f"\n== {benchmark.name}: skipped, {script.relative_to(ROOT)} is missing")
            results.append((benchmark.name, "missing", 0.0))
            continue
        args = list(benchmark.quick if arguments.quick else ())
        if benchmark.name == "extract" and arguments.profile:
            args.append("--profile")
        command = [sys.executable, str(script.relative_to(ROOT)), *args]
        shown = " ".join(command[1:3] + (["..."] if len(command) > 6 else command[3:]))
        print(f"\n== {benchmark.name}: python {shown}  (load average {_load()})", flush=True)
        started = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        elapsed = time.perf_counter() - started
        results.append((benchmark.name, "ok" if code == 0 else f"failed ({code})", elapsed))
    print(f"\n== done (load average {_load()})")
    for name, status, elapsed in results:
        print(f"  {name:10} {status:12} {elapsed / 60:6.1f} min")
    return 0 if all(status in {"ok", "missing"} for _, status, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
