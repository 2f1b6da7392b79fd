"""Readers in linear time on pathological input, and the gazetteer's scan speed.

Run ``python bench/bench_linear.py [--rounds N]``. These were wall-clock asserts in the
robustness tests ("a megabyte must read in under 30 s"); a test now only asks that such a read
ends with a Document or a ReadError, and the speed goals live here, where a busy machine cannot
fail a test:

- each reader (``text``, ``markdown``, ``html``, the HTML tokenizer) on one unit repeated to
  a quarter megabyte and to a megabyte: the ratio of the two CPU times (median over rounds) is
  about 4 when reading is linear, 16 when quadratic; the goal is at most **8**;
- the wikitext reader refusing unbalanced markup before it tokenizes: goal under **2 s** CPU;
- ``Gazetteer.find_mentions`` over the "Foreign relations of X" wikitext pages (``../shared``,
  else ``tests/data/wikitext``): goal at least **2 MB/s** per core.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from dyad.gazetteer import default_gazetteer
from dyad.read import html, markdown, text
from dyad.read.errors import ReadError
from dyad.read.html_tokens import tokenize
from dyad.read.wikitext import read as read_wikitext

if __package__:
    from bench._rounds import Timings, alternate, conditions, verdict
else:  # run as a script: bench/ is on the path
    from _rounds import Timings, alternate, conditions, verdict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus" / "foreign-relations-wikitext"
SIZES = (250_000, 1_000_000)
LINEAR_GOAL = 8.0
REFUSAL_GOAL = 2.0
MENTIONS_GOAL = 2.0

UNITS: dict[str, tuple[str, ...]] = {
    "text": ("word ", "{{", "a. b]] ", "[1]", "IRAN "),
    "markdown": ("word ", "[", "[x](", "**a", "\\", "<a ", "[["),
    "html": ("word ", "<a ", "<p>x", "<td>", "&", "<!--"),
    "html tokens": ("<a ", "<", "<!--", "</", "&", "<a b='", "<p>"),
}
UNBALANCED = {
    "unclosed templates": "{{a|" * 16_000,
    "unclosed refs": "<ref>" * 16_000,
    "unclosed tables": "{|\n|a\n" * 16_000,
    "mixed openers": "{{a|[[b|<ref>{|" * 4_000,
}


def _reader(kind: str) -> Callable[[str], object]:
    readers: dict[str, Callable[[str], object]] = {
        "text": lambda s: text.read(s, source="<bench>", title="T"),
        "markdown": lambda s: markdown.read(s, source="<bench>", title="T"),
        "html": lambda s: html.read(s, source="<bench>", title="T"),
        "html tokens": lambda s: sum(1 for _ in tokenize(s)),
    }
    return readers[kind]


def _refuse(source: str) -> None:
    try:
        read_wikitext(source, source="<bench>")
    except ReadError:
        return


def linear_methods() -> dict[str, Callable[[], object]]:
    """One method per reader, unit and size."""
    methods: dict[str, Callable[[], object]] = {}
    for kind, units in UNITS.items():
        read = _reader(kind)
        for unit in units:
            for size in SIZES:
                source = unit * (size // len(unit))
                methods[f"{kind} {unit!r} {size}"] = lambda r=read, s=source: r(s)
    for name, source in UNBALANCED.items():
        methods[f"refuse {name}"] = lambda s=source: _refuse(s)
    return methods


def mentions_rate(rounds: int) -> tuple[float, int, str]:
    """MB per CPU second of ``find_mentions`` (median over rounds), pages, where from."""
    folder = SHARED if SHARED.is_dir() else ROOT / "tests" / "data" / "wikitext"
    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.wiki"))]
    size = sum(len(p.encode("utf-8")) for p in pages)
    gaz = default_gazetteer()

    def scan() -> None:
        for page in pages:
            gaz.find_mentions(page)

    timings = alternate({"mentions": scan}, rounds, label="mentions ")
    return size / 1e6 / timings.median("mentions"), len(pages), str(folder)


def report(timings: Timings) -> None:
    small, large = SIZES
    print(f"\nlinear time: CPU of {large:,} bytes over {small:,} bytes (median over rounds)")
    for kind, units in UNITS.items():
        for unit in units:
            ratio = timings.ratio(f"{kind} {unit!r} {large}", f"{kind} {unit!r} {small}")
            seconds = timings.median(f"{kind} {unit!r} {large}")
            print(
                f"  {kind + ' ' + repr(unit):24} x{ratio:5.2f}  ({seconds:.3f} s for 1 MB)"
                f"  goal <= {LINEAR_GOAL:g}  {verdict(ratio, LINEAR_GOAL)}"
            )
    print("\nwikitext refuses unbalanced markup (CPU seconds, median)")
    for name in UNBALANCED:
        seconds = timings.median(f"refuse {name}")
        print(
            f"  {name:24} {seconds:6.3f} s  goal < {REFUSAL_GOAL:g} s"
            f"  {verdict(seconds, REFUSAL_GOAL)}"
        )


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    arguments = options.parse_args(argv)
    print(f"linear: {conditions()}")
    report(alternate(linear_methods(), arguments.rounds, label="linear "))
    rate, count, folder = mentions_rate(arguments.rounds)
    passed = "PASS" if rate >= MENTIONS_GOAL else "MISS"
    print(f"\nfind_mentions over {count} pages of {folder}: {rate:.1f} MB/s per core")
    print(f"  goal >= {MENTIONS_GOAL:g} MB/s  {passed}")
    print(f"\nlinear done: {conditions()}")


if __name__ == "__main__":
    sys.exit(main())
