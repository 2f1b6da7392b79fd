"""TheInfoList scrapes: English Wikipedia articles as theinfolist.com printed them.

The layout (see ``examples/Mongolia–North_Korea_relations.infolist.txt``): a title-cased title
line, site chrome (``HOME``, ``TheInfoList``, ``OR:``), then the article as text lines broken
at every link. Each link stands on a line of its own as ``<anchor> <preview of the linked
article> ...`` (or, in another layout, the anchor alone with its preview on the next line).
Blank lines separate paragraphs; two blank lines precede a heading; lists are inline
(``* a * b``); the page ends with ``{{DEFAULTSORT:...`` and category residue.

Reading it means: drop the chrome, split every link line into anchor and gloss
(:mod:`dyad.read.previews`), rejoin the sentence around the anchor with the right spacing,
recover heading levels, lists, "See also", the external links and the categories.

Real scrapes are not all clean. A third of the previews of "Foreign relations of" pages are
what the site kept of an infobox or an image caption (``South Korea 116 mi) |
population_estimate = ...``, ``ITU ITU_monument,_Bern.jpg, Switzerland]] ...``), and an article
shorter than the cut prints whole, without `` ...``. So: the anchor ends before the first word
only residue has; the page's own words, the residue naming its article, an acronym after the
link and the same preview split more surely on another line choose among the boundaries left;
a line without `` ...`` is a link when its neighbours say a link stood there (the site breaks
text only at links). Residue previews are kept, flagged ``markup``. Hatnotes ("Main article:",
"See also:", "See X–Y relations") leave the text, their links' previews kept detached.
Measured on the pages of ``tests/data/scrapes`` (``tests/test_infolist_scrapes.py``).
"""

from __future__ import annotations

import re

from dyad.model import Document
from dyad.read.builder import DocumentBuilder, GlossDraft
from dyad.read.infolist_blocks import clean, emit_blocks
from dyad.read.infolist_lines import (
    MIN_SPLIT_SCORE,
    Chunk,
    agree_on_previews,
    is_link_line,
    page_vocabulary,
    split_lines,
)
from dyad.read.previews import gloss_flags, split_anchor, strip_truncation

FORMAT = "infolist"
CHROME = frozenset({"HOME", "TheInfoList", "OR:"})
_NBSP = "\u00a0"
_DEFAULTSORT = "{{DEFAULTSORT:"
_NAME_LANG = re.compile(r"^[a-z]{2,3}$")


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read a TheInfoList scrape into a Document."""
    lines = [line.replace(_NBSP, " ").rstrip() for line in text.split("\n")]
    page_title, body = _strip_chrome(lines)
    chunks = _chunks(body)
    residue = _cut_residue(chunks)
    known = page_vocabulary(chunks)
    for chunk in chunks:
        chunk.pieces = split_lines(chunk.lines, known)
    agree_on_previews(chunks)
    builder = DocumentBuilder(title=title or page_title or "Untitled", format=FORMAT, source=source)
    emit_blocks(builder, chunks)
    _read_residue(builder, residue, builder.title)
    document = builder.build()
    return _finish(document, builder)


def _strip_chrome(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title line and the lines after the site chrome at the top of the page."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        return None, []
    title: str | None = lines[i].strip()
    j = i + 1
    saw_chrome = False
    while j < len(lines) and (not lines[j].strip() or lines[j].strip() in CHROME):
        saw_chrome = saw_chrome or bool(lines[j].strip())
        j += 1
    if not saw_chrome:
        # No chrome: the first line is already article text, not a title line.
        return None, lines[i:]
    return title, lines[j:]


def _chunks(lines: list[str]) -> list[Chunk]:
    chunks: list[Chunk] = []
    blanks = 0
    current: Chunk | None = None
    for line in lines:
        if not line.strip():
            blanks += 1
            current = None
            continue
        if current is None:
            if chunks:
                chunks[-1].blanks_after = blanks
            current = Chunk(blanks_before=blanks if chunks else 2)
            chunks.append(current)
            blanks = 0
        current.lines.append(line.strip())
    if chunks:
        chunks[-1].blanks_after = blanks
    return chunks


def _cut_residue(chunks: list[Chunk]) -> list[str]:
    """Remove ``{{DEFAULTSORT:...`` and everything after it; return those lines."""
    for ci, chunk in enumerate(chunks):
        for li, line in enumerate(chunk.lines):
            at = line.find(_DEFAULTSORT)
            if at < 0:
                continue
            residue = [line[at:], *chunk.lines[li + 1 :]]
            for later in chunks[ci + 1 :]:
                residue.extend(later.lines)
            head = line[:at].rstrip()
            chunk.lines[li:] = [head] if head else []
            del chunks[ci + 1 :]
            if not chunk.lines:
                del chunks[ci]
            return residue
    return []


def _read_residue(builder: DocumentBuilder, residue: list[str], title: str) -> None:
    """``{{DEFAULTSORT:key ...`` then category names, some of them links with previews."""
    if not residue:
        return
    first = residue[0][len(_DEFAULTSORT) :]
    closed = first.find("}}")
    first = first[closed + 2 :] if closed >= 0 else _drop_sort_key(first, title)
    for line in [first, *residue[1:]]:
        line = line.strip()
        if not line:
            continue
        if is_link_line(line) and (split := split_anchor(line)) and split.score >= MIN_SPLIT_SCORE:
            preview, truncated = strip_truncation(split.preview)
            flags = gloss_flags(split.anchor, split.anchor, preview)
            builder.detached_gloss(split.anchor, None, GlossDraft(preview, truncated, flags))
            continue
        name = clean(line).strip()
        name = name.removeprefix("Category:").strip()
        if name and "{{" not in name and "}}" not in name:
            builder.categories.append(name)


def _drop_sort_key(text: str, title: str) -> str:
    """Without its closing braces the sort key runs into the first category: cut the key.

    The key is the title, perhaps with other dashes and capitals ("Mongolia - North Korea
    Relations"); consume the title's words in order and keep what follows.
    """
    wanted = [w.casefold() for w in re.findall(r"\w+", title)]
    position = 0
    for match in re.finditer(r"\w+", text):
        if not wanted:
            break
        if match.group().casefold() != wanted[0]:
            return ""  # not the title: cannot tell the key from the category
        wanted.pop(0)
        position = match.end()
    return text[position:] if not wanted else ""


def _finish(document: Document, builder: DocumentBuilder) -> Document:
    """Title casing and names in other languages, both from the article's first paragraph."""
    from dataclasses import replace

    first = next(document.paragraphs(), None)
    if first is None:
        return document
    opening = document.text[first.start : first.end]
    title = document.title
    if opening[: len(title)].casefold() == title.casefold():
        title = opening[: len(title)]
    names = _names(opening) or dict(builder.names)
    return replace(document, title=title, names=names)


def _names(opening: str) -> dict[str, str]:
    """``Title ( mn, Монгол, ..., ko, 몽골 ...) are`` -> ``{"mn": "Монгол, ...", "ko": ...}``."""
    m = re.search(r"\(([^()]{3,400})\)", opening[:600])
    if not m:
        return {}
    names: dict[str, list[str]] = {}
    language: str | None = None
    for part in (p.strip() for p in m.group(1).split(",")):
        if _NAME_LANG.match(part):
            language = part
            names.setdefault(language, [])
        elif language is not None and part:
            names[language].append(part)
        elif language is None:
            return {}
    return {k: ", ".join(v) for k, v in names.items() if v}
