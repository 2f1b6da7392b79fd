"""Timing shared by ``bench_readers`` and ``bench_extract``: alternating rounds, medians.

Each round runs every method once, in turn (the order rotates from round to round), so that a
busy machine slows them all alike. Before each method a full garbage collection runs, so that
one method's garbage is not collected on another's time, and the bounded memo caches of dyad's
modules are emptied (:func:`clear_memos`), so that no round profits from an earlier one.

Every method is timed by the wall clock (``perf_counter``) and by the CPU time of the whole
process (``process_time``, all threads): bytes over CPU seconds is the throughput *per core*,
which the load of other processes barely moves; bytes over wall seconds is what a user waits
for. Ratios between two methods are taken within each round, then the median over the rounds
is reported.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass
class Timings:
    """Per method, the seconds of each round."""

    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.wall.setdefault(name, []).append(wall)
        self.cpu.setdefault(name, []).append(cpu)

    def median(self, name: str, clock: str = "cpu") -> float:
        return statistics.median(self.cpu[name] if clock == "cpu" else self.wall[name])

    def ratio(self, name: str, base: str, clock: str = "cpu", scale: float = 1.0) -> float:
        """Median over the rounds of ``name``'s time over ``base``'s in the same round, times
        ``scale`` (``base``'s work over ``name``'s when their passes differ in size)."""
        times = self.cpu if clock == "cpu" else self.wall
        pairs = zip(times[name], times[base], strict=True)
        return statistics.median(a / b * scale for a, b in pairs)


def alternate(methods: dict[str, Callable[[], object]], rounds: int, *, label: str = "") -> Timings:
    """Run every method once per round, in a rotating order; progress goes to stderr."""
    timings = Timings()
    names = list(methods)
    started = time.perf_counter()
    for number in range(rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            clear_memos()
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            methods[name]()
            timings.add(name, time.perf_counter() - wall, time.process_time() - cpu)
        sys.stdout.flush()
        print(
            f"  {label}round {number + 1}/{rounds} done ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    return timings


def clear_memos() -> None:
    """Empty every bounded ``lru_cache`` of the loaded ``dyad`` modules (the edtf validity of
    dates, previews, ...). Unbounded ``@cache`` loaders (the gazetteer, the rules) are kept: a
    process loads them once whatever it reads."""
    for name, module in list(sys.modules.items()):
        if name != "dyad" and not name.startswith("dyad."):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if callable(parameters) and parameters().get("maxsize") is not None:
                value.cache_clear()


def conditions() -> str:
    """Date, load average, cores and the code measured, for the record of a run."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{datetime.now().isoformat(timespec='seconds')}, load average {load}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, src at {_revision()}"
    )


def _revision() -> str:
    """The commit, and whether ``src/`` differs from it (others may be editing the checkout)."""
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True
        ).stdout.split("\n")
    except OSError:
        return "unknown commit"
    edited = [line[3:] for line in changed if line.strip()]
    return f"{commit or 'unknown commit'}" + (
        f" with {len(edited)} uncommitted file(s): {', '.join(edited)}" if edited else ""
    )


def verdict(ratio: float, goal: float) -> str:
    return "PASS" if ratio <= goal else "MISS"
