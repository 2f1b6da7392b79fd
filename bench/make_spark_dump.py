"""Build the Spark benchmark's dump from the corpus: the 205 "Foreign relations of X" wikitext
pages and the 63,479 abstracts as pages, a Wikimedia-style multistream bz2 with its index.

Run ``python bench/make_spark_dump.py [--out FOLDER] [--per-stream 100]`` (default folder
``bench/.cache/spark``). The abstracts become articles whose text is the abstract (some keep
the infobox residue of their source); a title already taken (by a wikitext page or an earlier
abstract) is skipped. Pages stream into the file 100 to a bz2 stream, as Wikimedia writes them,
so memory stays small.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
WIKITEXT = CORPUS / "foreign-relations-wikitext"
ABSTRACTS = CORPUS / "abstracts" / "abstracts-2019.jsonl.gz"
NAME = "benchwiki-pages-articles-multistream"

HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
    "  <siteinfo>\n    <sitename>Dyad bench</sitename>\n    <dbname>benchwiki</dbname>\n"
    "    <namespaces>\n"
    '      <namespace key="0" case="first-letter" />\n'
    '      <namespace key="10" case="first-letter">Template</namespace>\n'
    '      <namespace key="14" case="first-letter">Category</namespace>\n'
    "    </namespaces>\n  </siteinfo>\n"
)


def pages() -> Iterator[tuple[str, str]]:
    """``(title, wikitext)``: the wikitext pages, then the abstracts, each title once."""
    seen: set[str] = set()
    for path in sorted(WIKITEXT.glob("*.wiki")):
        title = path.stem.replace("_", " ")
        seen.add(title)
        yield title, path.read_text(encoding="utf-8")
    with gzip.open(ABSTRACTS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            title = " ".join(record["title"].replace("_", " ").split())
            if not title or title in seen:
                continue
            seen.add(title)
            yield title, record["abstract"]


def page_xml(page_id: int, title: str, text: str) -> str:
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n"
        f"    <revision>\n      <id>{page_id}</id>\n"
        "      <timestamp>2019-07-20T00:00:00Z</timestamp>\n"
        "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        f'      <text bytes="{len(text.encode())}" xml:space="preserve">'
        f"{escape(text, {chr(34): '&quot;'})}</text>\n    </revision>\n  </page>\n"
    )


def build(folder: Path, per_stream: int = 100) -> tuple[Path, Path, int]:
    """Write the dump and its index in ``folder``; return their paths and the page count."""
    folder.mkdir(parents=True, exist_ok=True)
    dump = folder / f"{NAME}.xml.bz2"
    index = folder / f"{NAME}-index.txt.bz2"
    count = 0
    with dump.open("wb") as out, bz2.open(index, "wt", encoding="utf-8") as lines:
        out.write(bz2.compress(HEADER.encode()))
        group: list[tuple[int, str, str]] = []

        def flush() -> None:
            offset = out.tell()
            xml = "".join(page_xml(i, t, x) for i, t, x in group)
            out.write(bz2.compress(xml.encode()))
            lines.writelines(f"{offset}:{i}:{t}\n" for i, t, _ in group)
            group.clear()

        for count, (title, text) in enumerate(pages(), start=1):
            group.append((count, title, text))
            if len(group) == per_stream:
                flush()
        if group:
            flush()
        out.write(bz2.compress(b"</mediawiki>\n"))
    return dump, index, count


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--out", type=Path, default=ROOT / "bench" / ".cache" / "spark")
    options.add_argument("--per-stream", type=int, default=100)
    args = options.parse_args()
    dump, index, count = build(args.out, args.per_stream)
    print(f"{count:,} pages, {dump.stat().st_size / 1e6:.1f} MB: {dump}")
    print(f"index: {index}")


if __name__ == "__main__":
    main()
