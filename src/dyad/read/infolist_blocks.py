"""The blocks of a TheInfoList scrape, once its lines are read: headings and their levels,
paragraphs rejoined around their anchors, inline lists, "See also" and the external links.
"""

from __future__ import annotations

import re

from dyad.model import ExternalLink
from dyad.read.builder import DocumentBuilder, GlossDraft
from dyad.read.citations import parse_citation
from dyad.read.infolist_lines import Chunk, Piece
from dyad.read.previews import gloss_flags

# Headings that are always top level (the appendices of an article) ...
APPENDIX_HEADINGS = frozenset(
    [
        "see also",
        "references",
        "external links",
        "notes",
        "further reading",
        "bibliography",
        "sources",
        "citations",
        "footnotes",
        "notes and references",
        "literature",
    ]
)
# ... and the usual top-level sections of bilateral-relations articles, used only to decide
# between parent and child where the layout leaves it open (an empty heading between others).
COMMON_TOP_HEADINGS = frozenset(
    [
        "history",
        "diplomatic missions",
        "resident diplomatic missions",
        "diplomatic relations",
        "economic relations",
        "trade",
        "economy",
        "culture",
        "cultural relations",
        "military relations",
        "high-level visits",
        "high level visits",
        "state visits",
        "agreements",
        "bilateral agreements",
        "education",
        "tourism",
        "transport",
        "sports",
        "migration",
        "political relations",
    ]
)
_BRACES = re.compile(r"([{}])")
_ITALICS = re.compile(r"'{2,}")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))[*#]+(?=\s|$|[^\s*#])")
# No space before a closing mark, a hyphen or slash glued to the next word ("Philippines-
# culminated", "Serbia/Montenegro"), or a closing quote; none after an opening one.
# A dash alone between two links joins them ("El Salvador–Honduras–Nicaragua": the site
# breaks the line at each link, and a spaced dash between two names is rare).
_NO_SPACE_BEFORE = re.compile(
    r"^(?:[,.;:!?)\]}%/]|['’]s\b|[-–—](?=[^\s\-–—]|$)|\"(?=[\s,.;:!?)]|$))"
)
_GLUED_END = re.compile(r"(?:[^\s\-–—][-–—]|^[-–—]|/|(?:^|[\s(])\")$")
_NO_SPACE_AFTER = ("(", "[", "{", "“", "‘")
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def clean(text: str) -> str:
    """Running text without wiki residue: templates, ``[[links]]``, italics quotes."""
    if "{{" not in text and "[[" not in text and "''" not in text:
        return text
    text = _drop_templates(text)
    if "{{" in text:
        text = text[: text.index("{{")]
    return _ITALICS.sub("", _unlink(text))


def _drop_templates(text: str) -> str:
    """Remove every ``{{...}}`` with no brace inside, again until none is left, in one pass.

    What is kept is a list of runs of text and single braces; a ``}`` that closes ``{{ x }``
    drops the kept text back to before that ``{{``, so nested templates go from the inside
    out. (A regex substituted until nothing changes takes a pass per level of nesting.)
    """
    out: list[str] = []
    braces: list[int] = []
    for part in _BRACES.split(text):
        if not part:
            continue
        if part == "}" and len(braces) >= 3 and braces[-1] == len(out) - 1:
            close, open_, first = braces[-1], braces[-2], braces[-3]
            if out[close] == "}" and out[open_] == "{" and out[first] == "{" and first == open_ - 1:
                del out[first:]
                del braces[-3:]
                continue
        if part in ("{", "}"):
            braces.append(len(out))
        out.append(part)
    return "".join(out)


def _unlink(text: str) -> str:
    """``[[target|label]]`` -> ``label``, ``[[name]]`` -> ``name``, in linear time.

    A link runs from ``[[`` to the first ``]`` after it, which must be followed by another
    ``]``; the label starts after the first ``|`` before it. Where that ``]`` stands alone no
    link starts before it either, so the search goes on after it: a run of ``[`` costs one
    look, where the regex this replaces rescanned the rest of the line from every ``[``.
    """
    out: list[str] = []
    kept = 0
    start = text.find("[[")
    while start >= 0:
        close = text.find("]", start + 2)
        if close < 0:
            break
        if text.startswith("]]", close):
            bar = text.find("|", start + 2, close)
            out.append(text[kept:start])
            out.append(text[bar + 1 if bar >= 0 else start + 2 : close])
            kept = close + 2
            start = text.find("[[", kept)
        else:
            start = text.find("[[", close + 1)
    out.append(text[kept:])
    return "".join(out)


def _is_heading(chunk: Chunk) -> bool:
    if len(chunk.pieces) != 1 or chunk.pieces[0].is_anchor or chunk.pieces[0].hatnote:
        return False
    line = clean(chunk.pieces[0].text).strip()
    if not line or len(line) > 90 or len(line.split()) > 12:
        return False
    if line.endswith(_SENTENCE_END) or line[0] in "*#(" or line[0].islower():
        return False
    return chunk.blanks_before >= 2


def _is_list(pieces: list[Piece]) -> bool:
    first = pieces[0] if pieces else None
    return first is not None and not first.is_anchor and first.text.lstrip().startswith(("*", "#"))


def _hatnotes_before(chunk: Chunk) -> int:
    """How many hatnote pieces open the chunk (the site prints a hatnote with the block after
    it, a list as well as a paragraph, with no blank line between)."""
    count = 0
    while count < len(chunk.pieces) and chunk.pieces[count].hatnote:
        count += 1
    return count


def _levels(chunks: list[Chunk]) -> dict[int, int]:
    """Heading levels from the layout: a heading followed directly by another is a parent."""
    headings = [i for i, c in enumerate(chunks) if _is_heading(c)]
    followed = set(headings)
    empty = {i for i in headings if i + 1 < len(chunks) and (i + 1) in followed}
    titles = {i: clean(chunks[i].pieces[0].text).strip().casefold() for i in headings}
    if not empty:
        return dict.fromkeys(headings, 1)
    levels: dict[int, int] = {}
    in_parent = False
    in_appendix = False
    for i in headings:
        title = titles[i]
        run_start = i in empty and (i - 1) not in empty
        if title in APPENDIX_HEADINGS or in_appendix:
            levels[i] = 1
            in_appendix = True
            in_parent = False
        elif run_start or (i in empty and not in_parent) or title in COMMON_TOP_HEADINGS:
            levels[i] = 1
            in_parent = i in empty
        else:
            levels[i] = 2 if in_parent else 1
    return levels


def emit_blocks(builder: DocumentBuilder, chunks: list[Chunk]) -> None:
    levels = _levels(chunks)
    section = ""
    for i, chunk in enumerate(chunks):
        if i in levels:
            section = clean(chunk.pieces[0].text).strip()
            builder.heading(levels[i], section)
            continue
        hatnotes = _hatnotes_before(chunk)
        if not _is_list(chunk.pieces[hatnotes:]):
            builder.end_block()
            _emit_inline(builder, chunk.pieces)
            builder.end_block()
            continue
        _emit_inline(builder, chunk.pieces[:hatnotes])  # (only their links' previews, detached)
        items = _emit_list(builder, chunk.pieces[hatnotes:])
        kind = section.casefold()
        if kind == "see also":
            builder.see_also.extend(_plain(item) for item in items)
        elif kind in {"external links", "further reading"}:
            builder.external_links.extend(
                link for item in items if (link := _citation(item)) is not None
            )


def _emit_inline(builder: DocumentBuilder, pieces: list[Piece], previous: str = "") -> str:
    """Append pieces as running text, rejoining them with the spacing a sentence needs."""
    for piece in pieces:
        if piece.hatnote:
            # Navigation, not prose: out of the text (its link's preview kept, detached), and
            # the text after it starts afresh.
            if piece.preview is not None:
                flags = gloss_flags(piece.text, piece.text, piece.preview)
                builder.detached_gloss(
                    piece.text, None, GlossDraft(piece.preview, piece.truncated, flags)
                )
            if previous:
                builder.end_block()
                previous = ""
            continue
        text = piece.text if piece.is_anchor else clean(piece.text)
        text = text.strip()
        if not text:
            continue
        if (
            previous
            and not previous.endswith(_NO_SPACE_AFTER)
            and not _GLUED_END.search(previous[-3:])  # (it looks at two characters at most)
            and not _NO_SPACE_BEFORE.match(text)
        ):
            builder.space()
        if piece.is_anchor:
            assert piece.preview is not None
            flags = gloss_flags(text, text, piece.preview)
            builder.anchor(text, text, GlossDraft(piece.preview, piece.truncated, flags))
        else:
            builder.text(text)
        previous = text
    return previous


def _emit_list(builder: DocumentBuilder, pieces: list[Piece]) -> list[list[Piece]]:
    """Inline ``* a * b`` lists: each marker starts an item; an anchor may interrupt an item."""
    items: list[list[Piece]] = []
    for piece in pieces:
        if piece.is_anchor:
            if not items:
                items.append([])
            items[-1].append(piece)
            continue
        position = 0
        for marker in _LIST_MARKER.finditer(piece.text):
            before = piece.text[position : marker.start()]
            if before.strip() and items:
                items[-1].append(Piece(before))
            items.append([])
            position = marker.end()
        rest = piece.text[position:]
        if rest.strip():
            if not items:
                items.append([])
            items[-1].append(Piece(rest))
    items = [item for item in items if any(p.text.strip() for p in item)]
    builder.begin_list()
    for item in items:
        builder.item()
        _emit_inline(builder, item)
    builder.end_list()
    return items


def _plain(pieces: list[Piece]) -> str:
    return " ".join(" ".join(clean(p.text).split()) for p in pieces if clean(p.text).strip())


def _citation(pieces: list[Piece]) -> ExternalLink | None:
    """An external-links entry: author, linked title, ''publisher'', date, each on its line."""
    parts: list[tuple[str, bool]] = []
    italic = False
    for piece in pieces:
        raw = piece.text
        if not piece.is_anchor:
            # '' before and after a piece marks the work (newspaper, site) in italics.
            marks = raw.count("''")
            cleaned = clean(raw).strip(" ,.")
            if cleaned:
                parts.append((cleaned, italic))
            if marks % 2:
                italic = not italic
        else:
            parts.append((raw.strip(), italic))
    return parse_citation(parts)
