"""Build small MediaWiki dumps for the dump reader's tests: plain XML and multistream bz2."""

from __future__ import annotations

import bz2
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

DUMPS = Path(__file__).resolve().parent / "data" / "dumps"
MULTISTREAM = DUMPS / "ltgwiki-smallwiki-pages-articles-multistream.xml.bz2"
MULTISTREAM_INDEX = DUMPS / "ltgwiki-smallwiki-pages-articles-multistream-index.txt.bz2"
TINYWIKI = DUMPS / "tinywiki-latest-pages-articles.xml"
TINYWIKI_BZ2 = DUMPS / "tinywiki-latest-pages-articles.xml.bz2"
MACBRE = DUMPS / "macbre-dump.xml"
MACBRE_BZ2 = DUMPS / "macbre-dump.xml.bz2"
MACBRE_7Z = DUMPS / "macbre-dump.xml.7z"
MWXML = DUMPS / "mwxml-dump.xml"

SMALLWIKI_PAGES = 2004


@dataclass
class Rev:
    text: str
    id: int = 1
    timestamp: str = "2020-01-01T00:00:00Z"
    model: str | None = "wikitext"
    format: str | None = "text/x-wiki"
    contributor: str = "user"  # or "ip", "deleted"
    comment: str | None = None
    minor: bool = False


@dataclass
class P:
    title: str
    revisions: Sequence[Rev] = field(default_factory=lambda: [Rev("Some text.")])
    ns: int | None = 0
    id: int | None = 1
    redirect: str | None = None


NAMESPACES = {0: "", 1: "Talk", 10: "Template", 14: "Category"}


def header(version: str = "0.10", namespaces: dict[int, str] | None = None) -> str:
    names = NAMESPACES if namespaces is None else namespaces
    listed = "".join(
        f'      <namespace key="{key}" case="first-letter">{escape(name)}</namespace>\n'
        for key, name in names.items()
    )
    return (
        f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-{version}/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'version="{version}" xml:lang="en">\n'
        "  <siteinfo>\n    <sitename>Test</sitename>\n    <dbname>testwiki</dbname>\n"
        f"    <namespaces>\n{listed}    </namespaces>\n  </siteinfo>\n"
    )


def page_xml(page: P, version: str = "0.10") -> str:
    parts = ["  <page>\n", f"    <title>{escape(page.title)}</title>\n"]
    if page.ns is not None:
        parts.append(f"    <ns>{page.ns}</ns>\n")
    if page.id is not None:
        parts.append(f"    <id>{page.id}</id>\n")
    if page.redirect is not None:
        parts.append(f"    <redirect title={quoteattr(page.redirect)} />\n")
    for rev in page.revisions:
        parts.append(f"    <revision>\n      <id>{rev.id}</id>\n")
        parts.append(f"      <timestamp>{rev.timestamp}</timestamp>\n")
        if rev.contributor == "user":
            parts.append("      <contributor>\n        <username>A</username>\n")
            parts.append("        <id>7</id>\n      </contributor>\n")
        elif rev.contributor == "ip":
            parts.append("      <contributor>\n        <ip>10.0.0.1</ip>\n      </contributor>\n")
        else:
            parts.append('      <contributor deleted="deleted" />\n')
        if rev.minor:
            parts.append("      <minor />\n")
        if rev.comment is not None:
            parts.append(f"      <comment>{escape(rev.comment)}</comment>\n")
        if version == "0.11":
            parts.append("      <origin>1</origin>\n")
        meta = ""
        if rev.model is not None:
            meta += f"      <model>{rev.model}</model>\n"
        if rev.format is not None:
            meta += f"      <format>{rev.format}</format>\n"
        text = f'      <text bytes="{len(rev.text.encode())}" xml:space="preserve">'
        text += escape(rev.text, {'"': "&quot;"}) + "</text>\n"
        # Export 0.8 put model and format after the text; later versions before it.
        parts += [text, meta] if version == "0.8" else [meta, text]
        parts.append("      <sha1>x</sha1>\n")
        if version == "0.11":
            parts.append(
                "      <content>\n        <role>extra</role>\n        <origin>1</origin>\n"
                "        <model>json</model>\n        <format>application/json</format>\n"
                '        <text xml:space="preserve">{"slot": true}</text>\n      </content>\n'
            )
        parts.append("    </revision>\n")
    parts.append("  </page>\n")
    return "".join(parts)


def dump_xml(pages: Sequence[P], version: str = "0.10") -> bytes:
    body = "".join(page_xml(page, version) for page in pages)
    return (header(version) + body + "</mediawiki>\n").encode("utf-8")


def write_multistream(folder: Path, pages: Sequence[P], per_stream: int = 2) -> tuple[Path, Path]:
    """A Wikimedia-style multistream dump of ``pages`` and its bz2 index, in ``folder``."""
    dump = folder / "testwiki-pages-articles-multistream.xml.bz2"
    index = folder / "testwiki-pages-articles-multistream-index.txt.bz2"
    data = bytearray(bz2.compress(header().encode()))
    lines = []
    for first in range(0, len(pages), per_stream):
        group = pages[first : first + per_stream]
        offset = len(data)
        data += bz2.compress("".join(page_xml(page) for page in group).encode())
        lines += [f"{offset}:{page.id}:{page.title}\n" for page in group]
    data += bz2.compress(b"</mediawiki>\n")
    dump.write_bytes(bytes(data))
    index.write_bytes(bz2.compress("".join(lines).encode()))
    return dump, index


def stream_offsets(path: Path) -> list[int]:
    """Where each bz2 stream of ``path`` starts, found by decompressing them in turn."""
    data = path.read_bytes()
    offsets = []
    position = 0
    while position < len(data):
        offsets.append(position)
        decompressor = bz2.BZ2Decompressor()
        decompressor.decompress(data[position:])
        position = len(data) - len(decompressor.unused_data)
    return offsets
