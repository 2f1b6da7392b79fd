"""Dump what extraction gives on every corpus document, to compare two checkouts byte for byte.

Run ``PYTHONPATH=src python bench/dump_extraction.py OUT.jsonl [--shared ../shared]`` in each
checkout, then ``cmp`` (or ``diff``) the two files. A change meant only to make extraction
faster must leave the file identical.

The documents: the 205 wikitext pages, the bilateral text and Markdown pages, the 135 pages of
``foreign-relations-text-2019.tar.gz`` (extracted to a temporary folder), the seed and the
project's ``examples/``. For each document, one
line per record of :func:`dyad.records.extraction_records` (the JSON Lines of ``dyad extract
--jsonl``), then the people found and the gloss facts as their ``repr``: the parts of an
:class:`~dyad.extract.pipeline.Extraction` that the records do not show. A document a reader
refuses is a line naming it and the error.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from dyad.extract.pipeline import extract
from dyad.read import iter_documents
from dyad.read.errors import ReadError
from dyad.records import dumps, extraction_records

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _inputs(shared: Path, scratch: Path) -> Iterator[Path]:
    corpus = shared / "corpus"
    yield from sorted((corpus / "foreign-relations-wikitext").glob("*.wiki"))
    yield from sorted((corpus / "bilateral-text").glob("*"))
    yield from sorted((corpus / "bilateral-markdown").glob("*.md"))
    tarball = corpus / "foreign-relations-text-2019.tar.gz"
    if tarball.exists():
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        yield from sorted(p for p in scratch.rglob("*") if p.is_file())
    yield from sorted((shared / "seeds").glob("*.txt"))
    yield from sorted(
        p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.name != "NOTICE"
    )


def dump(path: Path, label: str, out: TextIO, folders: dict[str, str]) -> int:
    """Write one file's documents; the number of documents. ``folders``: paths written as
    names (the temporary folder and the checkout), so that two runs compare."""
    count = 0
    lines: list[str] = []
    try:
        for document in iter_documents(path, None):
            extraction = extract(document)
            lines.append(f"# {label} {document.id}")
            lines.extend(dumps(record) for record in extraction_records(extraction))
            lines.append(f"people {extraction.people!r}")
            lines.append(f"facts {sorted(extraction.facts.items())!r}")
            count += 1
    except ReadError as exc:
        lines.append(f"# {label} refused: {exc}")
    for line in lines:
        for folder, name in folders.items():
            line = line.replace(folder, name)
        out.write(line + "\n")
    return count


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("out", type=Path)
    options.add_argument("--shared", type=Path, default=SHARED)
    arguments = options.parse_args(argv)
    started = time.perf_counter()
    documents = 0
    with (
        tempfile.TemporaryDirectory() as scratch,
        arguments.out.open("w", encoding="utf-8") as out,
    ):
        for path in _inputs(arguments.shared, Path(scratch)):
            label = str(path.relative_to(scratch)) if path.is_relative_to(scratch) else path.name
            folders = {scratch: "<tarball>", str(ROOT): "<checkout>"}
            documents += dump(path, label, out, folders)
    seconds = time.perf_counter() - started
    print(f"{documents} documents -> {arguments.out} in {seconds:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
