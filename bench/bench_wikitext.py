"""How fast the wikitext reader reads pages, against ``mwparserfromhell.parse()`` alone.

Run ``python bench/bench_wikitext.py [--rounds N] [PAGE.wiki ...]`` (default: the 205 "Foreign
relations of X" pages in ../shared). Each round runs both methods over every page, in turn, so
that a busy machine slows them alike; the figures are medians over the rounds of wall-clock and
CPU time, and the ratio is reader / parse-only (the target is at most 2). The reader parses with
``skip_style_tags=True``; "parse, no style tags" times that parse alone, so the reader minus it
is the cost of the walk.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import mwparserfromhell

from dyad.read.wikitext import read

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "foreign-relations-wikitext"


def parse_only(texts: list[str]) -> None:
    for text in texts:
        mwparserfromhell.parse(text)


def parse_without_style_tags(texts: list[str]) -> None:
    # What the reader parses with: bold and italic marks stay text (the walk drops them).
    for text in texts:
        mwparserfromhell.parse(text, skip_style_tags=True)


def reader(texts: list[str]) -> None:
    for text in texts:
        read(text, source="<bench>", title="Bench")


METHODS: dict[str, Callable[[list[str]], None]] = {
    "parse only": parse_only,
    "parse, no style tags": parse_without_style_tags,
    "reader": reader,
}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("pages", nargs="*", type=Path)
    options.add_argument("--rounds", type=int, default=5)
    arguments = options.parse_args()
    paths = arguments.pages or sorted(SHARED.glob("*.wiki"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    size = sum(len(text.encode()) for text in texts)
    print(f"{len(texts)} pages, {size:,} bytes")
    wall: dict[str, list[float]] = {name: [] for name in METHODS}
    cpu: dict[str, list[float]] = {name: [] for name in METHODS}
    ratios: list[float] = []
    for _ in range(arguments.rounds):
        for name, method in METHODS.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            method(texts)
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
        ratios.append(cpu["reader"][-1] / cpu["parse only"][-1])
    for name in METHODS:
        seconds = statistics.median(wall[name])
        print(
            f"  {name:20} {seconds:7.2f} s wall {statistics.median(cpu[name]):7.2f} s cpu "
            f"{size / seconds / 1e6:5.2f} MB/s"
        )
    print(f"  reader / parse only: x{statistics.median(ratios):.2f} cpu (median of rounds)")


if __name__ == "__main__":
    main()
