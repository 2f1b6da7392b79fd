"""Every reader's throughput, beside mwparserfromhell's parse alone and bz2 decompression alone.

Run ``python bench/bench_readers.py [--rounds N] [--quick] [--least SECONDS] [--shared DIR]``
(or ``python -m bench --only readers``). Inputs, from ``../shared/corpus`` (``--shared``), or from
the project's own ``tests/data`` where a folder is missing (the output says which):

- ``infolist``: the seed, ``examples/Mongolia–North_Korea_relations.infolist.txt``, and the
  twelve scrapes with residue previews of ``tests/data/scrapes`` (``tests/scrape_maker.py``);
- ``wikitext``: the 205 "Foreign relations of X" pages, ``foreign-relations-wikitext/*.wiki``;
- ``text``: ``bilateral-text/*.md`` and the 135 pages of ``foreign-relations-text-2019.tar.gz``
  (extracted to a temporary folder);
- ``markdown``: ``bilateral-markdown/*.md``; ``html``: ``tests/golden/html/*.html``; for
  information, markdown-it-py's parse of the same Markdown, and the HTML token streams alone
  (lxml's tree walked, which the reader uses, and the hand-written tokenizer it replaced);
- the dump reader on ``dumps/``: the smallwiki ``.xml.bz2`` (one bz2 stream) and the derived
  multistream ``.bz2``, streaming pages only (``iter_pages``: decompression, page splitting,
  fields) and whole documents (``iter_documents``: each article also read by the wikitext
  reader).

Baselines, in the same rounds: ``mwparserfromhell.parse()`` on the same wikitext (and, for
information, ``parse(skip_style_tags=True)``, which is what the reader parses with, so the reader
minus it is the cost of the walk), and ``bz2`` decompression alone on the same dump files: the
file read 64 kB at a time into a ``BZ2Decompressor`` (a new one at each stream's end), the floor
for any reader that streams the dump in constant memory.

Articles are read from memory (decoded once beforehand), each with its format's
``read(text, source=..., title=...)``; the dump methods read their file, as the baseline does.
An input smaller than ``--least`` CPU seconds is repeated within each pass (the seed is 11 kB)
until a pass lasts that long, with dyad's memo caches emptied before each repetition so that it
costs what a new input would. Each round runs every method once, in a rotating order (see
``_rounds``); the figures are medians over the rounds of MB of *input* (file bytes: compressed
for the dumps) per CPU second, that is per core, and per wall second. The goals, from the issue:
the wikitext reader within 2x of parse-only, the dump reader (``iter_pages``) within 1.5x of the
decompression floor, both as ratios of CPU time taken within each round.
"""

from __future__ import annotations

import argparse
import bz2
import math
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mwparserfromhell

from dyad.read import html, html_tokens, html_tree, infolist, markdown, text, wikitext
from dyad.read.dump import iter_documents, iter_pages
from dyad.read.dump_io import open_chunks
from dyad.read.errors import ReadError
from dyad.read.source import title_from_filename

if __package__:
    from bench._rounds import Timings, alternate, clear_memos, conditions, verdict
else:  # run as a script: bench/ is on the path
    from _rounds import Timings, alternate, clear_memos, conditions, verdict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
TESTS = ROOT / "tests" / "data"
SEED = ROOT / "examples" / "Mongolia–North_Korea_relations.infolist.txt"
SCRAPES = ROOT / "tests" / "data" / "scrapes"
READ_SIZE = 64 * 1024  # compressed bytes read at once, as dyad.read.dump_io does
MULTISTREAM = "ltgwiki-smallwiki-pages-articles-multistream.xml.bz2"

WIKITEXT_GOAL = 2.0
DUMP_GOAL = 1.5

Reader = Callable[..., object]


@dataclass
class Workload:
    """One method over one input: a pass calls ``each`` on every item, ``repeat`` times."""

    name: str
    what: str
    size: int  # input bytes per pass
    docs: int  # documents (pages for iter_pages) per pass
    items: list[Any]
    each: Callable[[Any], object]
    repeat: int = 1
    refused: set[str] = field(default_factory=set)

    def __call__(self) -> None:
        each = self.each
        for number in range(self.repeat):
            if number:
                clear_memos()  # each repetition as costly as the first, as a new input's is
            for item in self.items:
                each(item)

    def probe(self, least: float) -> float:
        """CPU seconds of one pass (after a warm-up on the first item); stops past ``least``."""
        self.each(self.items[0])
        started = time.process_time()
        for item in self.items:
            self.each(item)
            if time.process_time() - started >= least:
                break
        return time.process_time() - started


@dataclass
class Article:
    source: str
    text: str
    title: str | None
    size: int


def load(paths: Iterable[Path], *, titled: bool) -> list[Article]:
    """Decoded articles; wikitext and pandoc text take their title from the file name."""
    articles = []
    for path in paths:
        data = path.read_bytes()
        title = title_from_filename(path.name) if titled else None
        articles.append(Article(str(path), data.decode("utf-8"), title, len(data)))
    return articles


def reading(name: str, read: Reader, articles: list[Article], what: str) -> Workload:
    refused: set[str] = set()

    def each(article: Article) -> None:
        try:
            read(article.text, source=article.source, title=article.title)
        except ReadError:
            refused.add(article.source)

    size = sum(a.size for a in articles)
    return Workload(name, what, size, len(articles), articles, each, refused=refused)


def streaming(
    name: str, stream: Callable[[str], Any], articles: list[Article], what: str
) -> Workload:
    """A token stream alone, consumed to its end (HTML tokens, markdown-it-py's tokens)."""

    def each(article: Article) -> None:
        for _ in stream(article.text):
            pass

    return Workload(name, what, sum(a.size for a in articles), len(articles), articles, each)


def parsing(name: str, articles: list[Article], what: str, **options: bool) -> Workload:
    def each(article: Article) -> None:
        mwparserfromhell.parse(article.text, **options)

    return Workload(name, what, sum(a.size for a in articles), len(articles), articles, each)


def decompress(path: Path) -> int:
    """Decompressed bytes of a bz2 file of one stream or many, read as the dump reader does."""
    total = 0
    decompressor = bz2.BZ2Decompressor()
    with path.open("rb") as fh:
        while block := fh.read(READ_SIZE):
            while block:
                total += len(decompressor.decompress(block))
                if decompressor.eof:
                    block = decompressor.unused_data
                    decompressor = bz2.BZ2Decompressor()
                else:
                    block = b""
    return total


def count_pages(path: Path) -> int:
    return sum(1 for _ in iter_pages(path))


def count_documents(path: Path) -> int:
    return sum(1 for _ in iter_documents(path))


def dump_workloads(path: Path) -> list[Workload]:
    size = path.stat().st_size
    xml = sum(len(chunk) for chunk in open_chunks(path))
    what = f"{_size(size)} bz2, {_size(xml)} XML"
    short = "multistream" if "multistream" in path.name else path.name.split("-")[0]
    pages, articles = count_pages(path), count_documents(path)
    return [
        Workload(f"BASE bz2 decompress, {short}", what, size, 0, [path], decompress),
        Workload(f"iter_pages, {short}", what, size, pages, [path], count_pages),
        Workload(f"iter_documents, {short}", what, size, articles, [path], count_documents),
    ]


def shared_or_tests(
    shared: Path, folder: str, pattern: str, fallback: Path, notes: list[str]
) -> list[Path]:
    found = sorted((shared / folder).glob(pattern))
    if found:
        return found
    notes.append(f"{shared / folder} absent: using {fallback.relative_to(ROOT)}")
    return sorted(p for p in fallback.glob(pattern) if p.name != "NOTICE")


def files(paths: list[Path]) -> str:
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''}"


def every(paths: list[Path], step: int) -> list[Path]:
    """Every ``step``-th path, for ``--quick``; a folder of 20 files or fewer is kept whole."""
    return paths[::step] if len(paths) > 20 else paths


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count / 1e3:.0f} kB"


def workloads(shared: Path, scratch: Path, quick: bool, notes: list[str]) -> list[Workload]:
    step = 10 if quick else 1
    wiki_paths = every(
        shared_or_tests(shared, "foreign-relations-wikitext", "*.wiki", TESTS / "wikitext", notes),
        step,
    )
    text_paths = shared_or_tests(shared, "bilateral-text", "*.md", TESTS / "text", notes)
    tarball = shared / "foreign-relations-text-2019.tar.gz"
    if tarball.is_file():
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        text_paths += sorted(scratch.rglob("*.md"))
    else:
        notes.append(f"{tarball} absent: text from {len(text_paths)} files only")
    text_paths = every(text_paths, 5 if quick else 1)
    md_paths = shared_or_tests(shared, "bilateral-markdown", "*.md", TESTS / "markdown", notes)
    html_paths = sorted(p for p in (TESTS.parent / "golden" / "html").glob("*.html"))
    dumps = [
        shared / "dumps" / "dumpster-dive" / "smallwiki-latest-pages-articles.xml.bz2",
        shared / "dumps" / "derived_multistream" / MULTISTREAM,
    ]
    if not all(d.is_file() for d in dumps):
        notes.append(f"{shared / 'dumps'} absent: using the bz2 dumps of tests/data/dumps")
        dumps = [
            TESTS / "dumps" / "tinywiki-latest-pages-articles.xml.bz2",
            TESTS / "dumps" / MULTISTREAM,
        ]

    wiki = load(wiki_paths, titled=True)
    markdown_pages = load(md_paths, titled=False)
    html_pages = load(html_paths, titled=False)
    scrapes = sorted(SCRAPES.glob("*.infolist.txt"))
    wiki_what = f"{len(wiki)} .wiki page{'s' if len(wiki) != 1 else ''}"
    found = [
        reading("infolist", infolist.read, load([SEED], titled=False), "the seed"),
        reading("infolist, scrapes", infolist.read, load(scrapes, titled=False), files(scrapes)),
        reading("wikitext", wikitext.read, wiki, wiki_what),
        parsing("BASE parse()", wiki, wiki_what),
        parsing("parse(skip_style_tags)", wiki, wiki_what, skip_style_tags=True),
        reading("text", text.read, load(text_paths, titled=True), files(text_paths)),
        reading("markdown", markdown.read, markdown_pages, files(md_paths)),
        streaming("(info) markdown-it-py parse", _markdown_it(), markdown_pages, files(md_paths)),
        reading("html", html.read, html_pages, files(html_paths)),
        streaming("(info) html tokens, lxml", html_tree.tokenize, html_pages, files(html_paths)),
        streaming("(info) html tokens, hand", html_tokens.tokenize, html_pages, files(html_paths)),
    ]
    for dump in dumps:
        found += dump_workloads(dump)
    return found


def _markdown_it() -> Callable[[str], Any]:
    """CommonMark parsing by markdown-it-py (installed with Rich), tokens only."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").parse


def report(work: list[Workload], timings: Timings) -> None:
    print(
        f"\n  {'method':36} {'input (per pass)':26} {'docs':>5} {'MB':>6} {'cpu s':>6}"
        f" {'wall s':>6} {'MB/s/core':>9} {'MB/s wall':>9}"
    )
    for w in work:
        cpu, wall = timings.median(w.name), timings.median(w.name, "wall")
        megabytes = w.size * w.repeat / 1e6
        what = w.what + (f" x{w.repeat}" if w.repeat > 1 else "")
        docs = str(w.docs * w.repeat) if w.docs else "-"
        print(
            f"  {w.name:36} {what:26} {docs:>5} {megabytes:6.2f} {cpu:6.2f} {wall:6.2f}"
            f" {megabytes / cpu:9.2f} {megabytes / wall:9.2f}"
        )
        if w.refused:
            print(f"  {'':36} {len(w.refused)} documents refused (ReadError)")


def ratios(timings: Timings, name: Workload, base: Workload) -> tuple[float, float]:
    """``name``'s time per input byte over ``base``'s: CPU and wall, median over rounds."""
    scale = (base.size * base.repeat) / (name.size * name.repeat)
    return (
        timings.ratio(name.name, base.name, "cpu", scale),
        timings.ratio(name.name, base.name, "wall", scale),
    )


def goals(work: list[Workload], timings: Timings) -> None:
    print("\ngoals: time per input byte over the baseline's, in the same round (median of rounds)")
    by_name = {w.name: w for w in work}
    reader, parse = by_name["wikitext"], by_name["BASE parse()"]
    cpu, wall = ratios(timings, reader, parse)
    print(
        f"  {'wikitext reader / parse()':44} cpu x{cpu:5.2f}  wall x{wall:5.2f}"
        f"  goal <= {WIKITEXT_GOAL:g}  {verdict(cpu, WIKITEXT_GOAL)}"
    )
    cpu, wall = ratios(timings, reader, by_name["parse(skip_style_tags)"])
    print(f"    {'(info) reader / parse(skip_style_tags)':42} cpu x{cpu:5.2f}  wall x{wall:5.2f}")
    for base in (w for w in work if w.name.startswith("BASE bz2")):
        which = base.name.removeprefix("BASE bz2 decompress, ")
        cpu, wall = ratios(timings, by_name[f"iter_pages, {which}"], base)
        print(
            f"  {'iter_pages / bz2, ' + which:44} cpu x{cpu:5.2f}  wall x{wall:5.2f}"
            f"  goal <= {DUMP_GOAL:g}  {verdict(cpu, DUMP_GOAL)}"
        )
        cpu, wall = ratios(timings, by_name[f"iter_documents, {which}"], base)
        print(
            f"    {'(info) iter_documents / bz2, ' + which:42} cpu x{cpu:5.2f}  wall x{wall:5.2f}"
        )


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, help="rounds (default 5, --quick 3)")
    options.add_argument("--least", type=float, help="CPU seconds a pass lasts at least")
    options.add_argument("--quick", action="store_true", help="fewer rounds, a tenth of pages")
    options.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    arguments = options.parse_args(argv)
    rounds = arguments.rounds or (3 if arguments.quick else 5)
    least = arguments.least or (0.3 if arguments.quick else 1.0)
    print(f"readers: {conditions()}")
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as scratch:
        work = workloads(arguments.shared, Path(scratch), arguments.quick, notes)
        for note in notes:
            print(f"  fallback: {note}")
        for w in work:
            w.repeat = max(1, math.ceil(least / max(w.probe(least), 1e-6)))
        subset = " (quick: every 10th wikitext page, every 5th text file)"
        print(
            f"  {rounds} rounds{subset if arguments.quick else ''};"
            f" inputs under {least:g} CPU s repeated",
            flush=True,
        )
        timings = alternate({w.name: w for w in work}, rounds, label="readers ")
    report(work, timings)
    goals(work, timings)
    print(f"\nreaders done: {conditions()}")


if __name__ == "__main__":
    sys.exit(main())
