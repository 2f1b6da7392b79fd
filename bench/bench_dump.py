"""How fast the dump reader streams pages, against bz2 decompression alone on the same file.

Run ``python bench/bench_dump.py [--rounds N] [DUMP ...]`` (default: the smallwiki dumps in
../shared). Each round runs every method once, in turn, so that a busy machine slows them all
alike; the figures are medians over the rounds of wall-clock and CPU time, and the ratio of the
best (least disturbed) runs. Methods:

- ``bz2 alone``: ``bz2.open`` read in 256 kB chunks (plain files: read alone), the yardstick;
- ``iter_pages``: the reader (decompression, page splitting, fields, text; no wikitext parsing);
- ``expat``: ``xml.parsers.expat`` over the same chunks with the leanest handlers that collect
  the same fields; ``iterparse``: ``ElementTree.iterparse`` clearing each page. Both are the
  alternatives the reader was measured against (``dyad.read.dump_xml`` says why it chose).
"""

from __future__ import annotations

import argparse
import bz2
import statistics
import time
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Callable, Iterator
from pathlib import Path

from dyad.read.dump import iter_pages
from dyad.read.dump_io import CHUNK, open_chunks, sniff

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dumps"
DEFAULT = [
    SHARED / "dumpster-dive" / "smallwiki-latest-pages-articles.xml.bz2",
    SHARED / "derived_multistream" / "ltgwiki-smallwiki-pages-articles-multistream.xml.bz2",
    SHARED / "dumpster-dive" / "smallwiki-latest-pages-articles.xml",
]
_FIELDS = {"title", "ns", "id", "timestamp", "text", "model", "format"}


def _raw_chunks(path: Path) -> Iterator[bytes]:
    opener = bz2.open if sniff(path) == "bz2" else open
    with opener(path, "rb") as fh:
        while block := fh.read(CHUNK):
            yield block


def decompression_alone(path: Path) -> int:
    return sum(len(block) for block in _raw_chunks(path))


def reader(path: Path) -> int:
    return sum(1 for _ in iter_pages(path))


def expat(path: Path) -> int:
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    local: dict[str, str] = {}
    text: list[str] = []
    fields: dict[str, str] = {}
    pages = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = local.get(name) or local.setdefault(name, name.rpartition(" ")[2])
        if tag in _FIELDS:
            parser.CharacterDataHandler = text.append

    def end(name: str) -> None:
        nonlocal pages
        tag = local[name]
        if tag in _FIELDS:
            parser.CharacterDataHandler = None
            fields[tag] = "".join(text)
            text.clear()
        elif tag == "page":
            pages += 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    for block in _raw_chunks(path):
        parser.Parse(block, False)
    parser.Parse(b"", True)
    return pages


def iterparse(path: Path) -> int:
    pages = 0
    opener = bz2.open if sniff(path) == "bz2" else open
    with opener(path, "rb") as fh:
        for _, element in ET.iterparse(fh, events=("end",)):
            if element.tag.endswith("}page"):
                element.findtext("{*}title")
                element.findtext("{*}revision/{*}text")
                pages += 1
                element.clear()
    return pages


METHODS: dict[str, Callable[[Path], int]] = {
    "bz2 alone": decompression_alone,
    "iter_pages": reader,
    "expat": expat,
    "iterparse": iterparse,
}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("dumps", nargs="*", type=Path)
    options.add_argument("--rounds", type=int, default=9)
    arguments = options.parse_args()
    for path in arguments.dumps or DEFAULT:
        size = path.stat().st_size
        xml_bytes = sum(len(chunk) for chunk in open_chunks(path))
        pages = reader(path)
        print(f"{path.name}: {size:,} bytes, {xml_bytes:,} bytes of XML, {pages:,} pages")
        wall: dict[str, list[float]] = {name: [] for name in METHODS}
        cpu: dict[str, list[float]] = {name: [] for name in METHODS}
        for _ in range(arguments.rounds):
            for name, method in METHODS.items():
                started, started_cpu = time.perf_counter(), time.process_time()
                method(path)
                wall[name].append(time.perf_counter() - started)
                cpu[name].append(time.process_time() - started_cpu)
        base_wall = statistics.median(wall["bz2 alone"])
        base_cpu = statistics.median(cpu["bz2 alone"])
        base_best = min(wall["bz2 alone"])
        for name in METHODS:
            seconds = statistics.median(wall[name])
            cpu_seconds = statistics.median(cpu[name])
            print(
                f"  {name:11} {seconds * 1000:7.1f} ms  {xml_bytes / seconds / 1e6:6.1f} MB/s XML "
                f"{size / seconds / 1e6:6.1f} MB/s file  x{seconds / base_wall:.2f} wall  "
                f"x{cpu_seconds / base_cpu:.2f} cpu  x{min(wall[name]) / base_best:.2f} best"
            )


if __name__ == "__main__":
    main()
