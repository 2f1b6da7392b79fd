"""Extraction throughput on the wikitext corpus, next to reading alone; where extraction spends.

Run ``python bench/bench_extract.py [--rounds N] [--quick] [--profile [TOP]] [PAGE.wiki ...]``
(or ``python -m bench --only extract``). Pages: the 205 "Foreign relations of X" pages of
``../shared/corpus/foreign-relations-wikitext`` (``--shared``), else the project's own
``tests/data/wikitext`` (the output says so); ``--quick`` takes every 10th page and 2 rounds.

Each round runs, in a rotating order (see ``_rounds``), **read** (the wikitext reader on every
page, from memory) and **read+extract** (the reader, then :func:`dyad.extract.pipeline.extract`
on its document, with the CPU time of ``extract`` alone also summed inside the pass). The
figures are medians over the rounds: documents and MB of wikitext per CPU second (per core) and
per wall second. *Extraction alone* is read+extract minus read in the same round, and the
goal, from the issue, is that it cost at most as much again as reading: extract / read <= 1.
Dyad's memo caches are emptied before each pass (``_rounds.clear_memos``): a second pass over
the same pages would find every date already validated (``dates.is_valid_edtf``, which calls the
``edtf`` package's pyparsing grammar) and run several times faster than any first reading does.

``--baseline SRC`` compares with another checkout's ``src`` folder (main, say) in the same
run: each round runs this script for one round in a fresh interpreter per checkout, this
one's ``src`` and then SRC (the order rotating), and prints each checkout's extraction/reading
ratio by round, their medians and the median of the rounds' ratio of the two (and of their
extraction CPU seconds), with the load average before each run. ``--baseline`` may be given
more than once: every checkout runs in each round, and this one is compared with each.

``--profile`` then runs :func:`extract` once more over the documents (read beforehand; memo
caches emptied) under cProfile and prints the stages, the functions ``extract`` calls itself,
with the time spent in each (cumulative, so a stage includes what it calls) and their share of
the whole, then the top functions by cumulative time. cProfile slows Python code by about half
as much again and C code not at all, so the shares are indicative. ``--rounds 0 --profile``
profiles only.
"""

from __future__ import annotations

import argparse
import cProfile
import linecache
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dyad.extract.pipeline import extract
from dyad.model import Document
from dyad.read.errors import ReadError
from dyad.read.source import title_from_filename
from dyad.read.wikitext import read

if __package__:
    from bench._rounds import alternate, clear_memos, conditions, verdict
else:  # run as a script: bench/ is on the path
    from _rounds import alternate, clear_memos, conditions, verdict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
TESTS = ROOT / "tests" / "data"
GOAL = 1.0


@dataclass
class Page:
    source: str
    title: str
    text: str


@dataclass
class Counts:
    """What the last read+extract pass found, and the CPU seconds of extract inside each."""

    documents: int = 0
    refused: int = 0
    events: int = 0
    tenures: int = 0
    entities: int = 0
    extract_cpu: list[float] | None = None


def load(paths: Iterable[Path]) -> list[Page]:
    return [Page(str(p), title_from_filename(p.name), p.read_text(encoding="utf-8")) for p in paths]


def read_page(page: Page) -> Document | None:
    try:
        return read(page.text, source=page.source, title=page.title)
    except ReadError:
        return None


def read_all(pages: list[Page]) -> None:
    for page in pages:
        read_page(page)


def read_and_extract(pages: list[Page], counts: Counts) -> None:
    spent = 0.0
    found = Counts()
    for page in pages:
        document = read_page(page)
        if document is None:
            found.refused += 1
            continue
        started = time.process_time()
        extraction = extract(document)
        spent += time.process_time() - started
        found.documents += 1
        found.events += len(extraction.events)
        found.tenures += len(extraction.tenures)
        found.entities += len(extraction.entities)
    counts.documents, counts.refused = found.documents, found.refused
    counts.events, counts.tenures, counts.entities = found.events, found.tenures, found.entities
    assert counts.extract_cpu is not None
    counts.extract_cpu.append(spent)


def pick(shared: Path, paths: list[Path], quick: bool) -> tuple[list[Path], str | None]:
    if paths:
        return paths, None
    found = sorted((shared / "foreign-relations-wikitext").glob("*.wiki"))
    note = None
    if not found:
        found = sorted((TESTS / "wikitext").glob("*.wiki"))
        note = f"{shared / 'foreign-relations-wikitext'} absent: using tests/data/wikitext"
    return (found[::10] if quick and len(found) > 20 else found), note


def bench(pages: list[Page], size: int, rounds: int) -> None:
    counts = Counts(extract_cpu=[])
    timings = alternate(
        {
            "read": lambda: read_all(pages),
            "read+extract": lambda: read_and_extract(pages, counts),
        },
        rounds,
        label="extract ",
    )
    assert counts.extract_cpu is not None
    docs = len(pages)
    print(
        f"  per pass: {counts.documents} documents extracted ({counts.refused} refused by the"
        f" reader), {counts.events:,} events, {counts.tenures:,} terms of office,"
        f" {counts.entities:,} entities"
    )
    print(
        f"\n  {'method':38} {'cpu s':>7} {'wall s':>7} {'docs/s/core':>11} {'docs/s wall':>11}"
        f" {'MB/s/core':>9} {'MB/s wall':>9}"
    )
    rows: list[tuple[str, float, float | None]] = [
        (name, timings.median(name), timings.median(name, "wall")) for name in timings.cpu
    ]
    alone = [b - a for a, b in zip(timings.cpu["read"], timings.cpu["read+extract"], strict=True)]
    wall_alone = [
        b - a for a, b in zip(timings.wall["read"], timings.wall["read+extract"], strict=True)
    ]
    rows.append(
        (
            "extract alone (read+extract - read)",
            statistics.median(alone),
            statistics.median(wall_alone),
        )
    )
    rows.append(
        ("extract alone (timed inside the pass)", statistics.median(counts.extract_cpu), None)
    )
    for name, cpu, wall in rows:
        wall_docs = f"{docs / wall:11.2f}" if wall else f"{'':11}"
        wall_mb = f"{size / 1e6 / wall:9.3f}" if wall else f"{'':9}"
        wall_s = f"{wall:7.2f}" if wall else f"{'':7}"
        print(
            f"  {name:38} {cpu:7.2f} {wall_s} {docs / cpu:11.2f} {wall_docs}"
            f" {size / 1e6 / cpu:9.3f} {wall_mb}"
        )
    for name in timings.cpu:
        spread = ", ".join(f"{value:.1f}" for value in timings.cpu[name])
        print(f"  {name} by round, cpu s: {spread}")
    ratio = statistics.median(a / r for a, r in zip(alone, timings.cpu["read"], strict=True))
    wall_ratio = statistics.median(
        a / r for a, r in zip(wall_alone, timings.wall["read"], strict=True)
    )
    inside = statistics.median(
        e / (t - e) for e, t in zip(counts.extract_cpu, timings.cpu["read+extract"], strict=True)
    )
    print(
        f"\ngoal: extraction alone / reading alone  cpu x{ratio:.2f}  wall x{wall_ratio:.2f}"
        f"  goal <= {GOAL:g}  {verdict(ratio, GOAL)}"
    )
    print(f"  (info) the same split inside the read+extract pass: extract / read x{inside:.2f}")
    inside_cpu = statistics.median(counts.extract_cpu)
    print(f"RESULT {ratio:.6f} {wall_ratio:.6f} {statistics.median(alone):.6f} {inside_cpu:.6f}")


def against(baselines: list[Path], arguments: list[str], rounds: int) -> None:
    """One round at a time of this script in a fresh interpreter per checkout (this one's
    ``src``, then each baseline, the order rotating): each one's ratio, and this one's over
    each baseline's."""
    names = ["baseline"] if len(baselines) == 1 else [f"base{i + 1}" for i in range(len(baselines))]
    checkouts = {
        "this": ROOT / "src",
        **{n: b.resolve() for n, b in zip(names, baselines, strict=True)},
    }
    found: dict[str, list[list[float]]] = {name: [] for name in checkouts}
    loads: list[str] = []
    for number in range(rounds):
        shift = number % len(checkouts)
        for name in list(checkouts)[shift:] + list(checkouts)[:shift]:
            loads.append(f"{os.getloadavg()[0]:.1f}")
            env = {**os.environ, "PYTHONPATH": str(checkouts[name])}
            command = [sys.executable, __file__, *arguments, "--rounds", "1"]
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
            ratio, wall, alone, inside = (float(v) for v in line.split()[1:])
            found[name].append([ratio, wall, alone, inside])
            print(
                f"  round {number + 1} {name:8} extract/read x{ratio:.3f} (wall x{wall:.3f},"
                f" extraction {alone:.1f} s cpu, {inside:.1f} s timed inside), load {loads[-1]}",
                flush=True,
            )
    for name in checkouts:
        ratios = [r[0] for r in found[name]]
        inside = statistics.median(r[3] for r in found[name])
        print(
            f"  {name:8} ({checkouts[name]}): extract/read median x{statistics.median(ratios):.3f}"
            f" (rounds: {', '.join(f'{r:.3f}' for r in ratios)}); extraction timed inside,"
            f" median {inside:.2f} s cpu"
        )
    for name in names:
        pairs = list(zip(found["this"], found[name], strict=True))
        relative = statistics.median(a[0] / b[0] for a, b in pairs)
        seconds = statistics.median(a[3] / b[3] for a, b in pairs)
        print(
            f"  this / {name}, median of the rounds: extract/read x{relative:.3f},"
            f" extraction CPU timed inside x{seconds:.3f}"
        )
    print(f"  load average at each run: {', '.join(loads)}")


def _label(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    short = f"{Path(filename).name}:{line}({name})" if line else name
    if name.startswith("<") and line:  # a comprehension or lambda: show its source line
        short += "  " + linecache.getline(filename, line).strip()[:48]
    return short


def profile(pages: list[Page], top: int) -> None:
    documents = [d for d in (read_page(p) for p in pages) if d is not None]
    print(f"\nprofile: extract() on {len(documents)} documents under cProfile", flush=True)
    clear_memos()  # as cold as a timed pass: the first validation of each date is the costly one
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        extract(document)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple] = stats.stats  # type: ignore[attr-defined]
    entry = next(k for k in raw if k[2] == "extract" and k[0].endswith("pipeline.py"))
    total = raw[entry][3]
    print(f"  extract: {total:.1f} s in all; its stages (time inside each call from extract):")
    rows = [
        (callers[entry][3], callers[entry][1], key)
        for key, (_, _, _, _, callers) in raw.items()
        if entry in callers
    ]
    rows.append((raw[entry][2], raw[entry][1], ("", 0, "extract's own lines")))
    for seconds, calls, key in sorted(rows, reverse=True):
        if seconds >= total * 0.002:
            print(f"  {seconds:8.2f} s {seconds / total:6.1%} {calls:9,} calls  {_label(key)}")
    print(f"\n  top {top} functions by cumulative time:")
    ranked = sorted(raw.items(), key=lambda item: item[1][3], reverse=True)
    print(f"  {'cumulative':>10} {'own':>8} {'calls':>10}  function")
    for key, (_, calls, own, cumulative, _) in ranked[:top]:
        print(f"  {cumulative:10.2f} {own:8.2f} {calls:10,}  {_label(key)}")


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("pages", nargs="*", type=Path)
    options.add_argument("--rounds", type=int, help="rounds (default 3, --quick 2; 0: none)")
    options.add_argument("--quick", action="store_true", help="every 10th page, 2 rounds")
    options.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    options.add_argument(
        "--profile", type=int, nargs="?", const=30, metavar="TOP", help="profile extract()"
    )
    options.add_argument(
        "--baseline",
        type=Path,
        action="append",
        metavar="SRC",
        help="another checkout's src/, run alternately (may be given more than once)",
    )
    arguments = options.parse_args(argv)
    rounds = arguments.rounds if arguments.rounds is not None else (2 if arguments.quick else 3)
    print(f"extract: {conditions()}")
    if arguments.baseline:
        passed = [str(p) for p in arguments.pages] + ["--shared", str(arguments.shared)]
        against(arguments.baseline, passed + (["--quick"] if arguments.quick else []), rounds)
        print(f"\nextract done: {conditions()}")
        return
    paths, note = pick(arguments.shared, arguments.pages, arguments.quick)
    if note:
        print(f"  fallback: {note}")
    pages = load(paths)
    size = sum(len(p.text.encode()) for p in pages)
    print(f"  {len(pages)} wikitext pages, {size:,} bytes; {rounds} rounds", flush=True)
    warm = read_page(pages[0])  # imports, the gazetteer, the rules
    if warm is not None:
        extract(warm)
    if rounds:
        bench(pages, size, rounds)
    if arguments.profile:
        profile(pages, arguments.profile)
    print(f"\nextract done: {conditions()}")


if __name__ == "__main__":
    sys.exit(main())
