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
Measured on the twelve pages of ``tests/data/scrapes`` (``tests/test_infolist_scrapes.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.model import Document, ExternalLink
from dyad.read.builder import DocumentBuilder, GlossDraft
from dyad.read.citations import parse_citation
from dyad.read.previews import (
    MAX_ANCHOR_WORDS,
    REPEAT_SCORE,
    gloss_flags,
    is_cut,
    repeated_anchor,
    residue_cut,
    score_pair,
    split_anchor,
    strip_truncation,
)

FORMAT = "infolist"
CHROME = frozenset({"HOME", "TheInfoList", "OR:"})
# A link line's split must be at least this plausible; below it the line is running text.
MIN_SPLIT_SCORE = 2.5
# The other layout (anchor alone, preview on the next line) must beat the one-line split by this.
NEXT_LINE_MARGIN = 3.0
MIN_PREVIEW_CHARS = 30
# A line without `` ...`` (a whole preview) needs this much more, from its neighbours.
WHOLE_PREVIEW_MARGIN = 2.0

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

_NBSP = "\u00a0"
_BRACES = re.compile(r"([{}])")
_ITALICS = re.compile(r"'{2,}")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))[*#]+(?=\s|$|[^\s*#])")
# No space before a closing mark, a hyphen or slash glued to the next word ("Philippines-
# culminated", "Serbia/Montenegro"), or a closing quote; none after an opening one.
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]}%/]|['’]s\b|[-–—](?=[^\s\-–—])|\"(?=[\s,.;:!?)]|$))")
_GLUED_END = re.compile(r"(?:[^\s\-–—][-–—]|/|(?:^|[\s(])\")$")
_NO_SPACE_AFTER = ("(", "[", "{", "“", "‘")
_SENTENCE_END = (".", "!", "?", ":", ";", ",")
_DEFAULTSORT = "{{DEFAULTSORT:"
_NAME_LANG = re.compile(r"^[a-z]{2,3}$")
_WORD_RE = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<=\s)\S")
# Hatnotes: navigation above a section's text, never part of its sentences.
_HATNOTE = re.compile(
    r"^(?:Main articles?|Further information|See also|For more information|More information"
    r"|For further information|Further|Details)\s*:|^See [^\W\d_a-z]"
)
_ACRONYM = re.compile(r"^\(([A-Z]{2,8})\)")  # "North American Free Trade Agreement (NAFTA)"
_HATNOTE_OPEN = re.compile(r"(?::|,|\band|\bor)$")  # a hatnote whose link comes next
_CONNECTIVE = re.compile(r"^(?:,|,?\s*(?:and|or)|§.*)$")
# A line of text whose sentence goes on after it (into a link) ...
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.|[a-z]{1,3}\.)$")
# ... a line that goes on with a sentence begun before it ...
_CONTINUES = re.compile(r"^(?:[,.;:)\]!?%]|['’]s\b|[a-z])")
_GOES_ON = re.compile(r"^(?:[,.;:)\]!?%]|['’]s\b)")
# ... and how a whole preview (an article's whole abstract, or residue) ends.
_COMPLETE_END = re.compile(r"(?:[.!?:)\]}\"”’']|\.(?:jpe?g|png|svg|gif)|\d)$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?]\s|[.!?]$")


@dataclass
class _Piece:
    """A run of text, or an anchor with its preview, as it stood on its line."""

    text: str
    preview: str | None = None
    truncated: bool = False
    hatnote: bool = False
    score: float = 0.0  # how sure the split of a link line was

    @property
    def is_anchor(self) -> bool:
        return self.preview is not None


@dataclass
class _Chunk:
    """Lines between blank lines, with how many blank lines came before it."""

    blanks_before: int
    lines: list[str] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    blanks_after: int = 0


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read a TheInfoList scrape into a Document."""
    lines = [line.replace(_NBSP, " ").rstrip() for line in text.split("\n")]
    page_title, body = _strip_chrome(lines)
    chunks = _chunks(body)
    residue = _cut_residue(chunks)
    known = _vocabulary(chunks)
    for chunk in chunks:
        chunk.pieces = _pieces(chunk.lines, known)
    _agree_on_previews(chunks)
    builder = DocumentBuilder(title=title or page_title or "Untitled", format=FORMAT, source=source)
    _emit(builder, chunks)
    _read_residue(builder, residue, builder.title)
    document = builder.build()
    return _finish(document, builder)


# ----------------------------------------------------------------------------- layout


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


def _chunks(lines: list[str]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    blanks = 0
    current: _Chunk | None = None
    for line in lines:
        if not line.strip():
            blanks += 1
            current = None
            continue
        if current is None:
            if chunks:
                chunks[-1].blanks_after = blanks
            current = _Chunk(blanks_before=blanks if chunks else 2)
            chunks.append(current)
            blanks = 0
        current.lines.append(line.strip())
    if chunks:
        chunks[-1].blanks_after = blanks
    return chunks


def _cut_residue(chunks: list[_Chunk]) -> list[str]:
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


def _is_link_line(line: str) -> bool:
    return is_cut(line) and len(line) >= MIN_PREVIEW_CHARS


class _Vocabulary:
    """The page's own words, to tell a name it uses from a name run into residue."""

    def __init__(self, lines: list[str]) -> None:
        self._text = " " + " ".join(_words(line) for line in lines) + " "

    def __call__(self, phrase: str) -> bool:
        words = _words(phrase)
        return bool(words) and f" {words} " in self._text


def _words(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.casefold()))


def _vocabulary(chunks: list[_Chunk]) -> _Vocabulary:
    """Running-text lines (no preview, no residue) and the anchors of previews that repeat them."""
    lines: list[str] = []
    for chunk in chunks:
        for line in chunk.lines:
            if _is_link_line(line):
                anchor = repeated_anchor(line)
                if anchor is not None:
                    lines.append(anchor)
            elif residue_cut(line.split()) is None:
                lines.append(line)
    return _Vocabulary(lines)


def _pieces(lines: list[str], known: _Vocabulary) -> list[_Piece]:
    """Split a chunk's lines into text, anchors with previews, and hatnotes.

    A line ending with `` ...`` holds a cut preview. A whole preview (an article shorter than
    the cut: residue such as ``| drives_on = right ... }}``, or a short lead) has no such mark;
    its line is a link when it splits well and its neighbours say a link stood there: the line
    before left its sentence open, or the line after goes on with it. The site breaks text
    only at links, so two lines of running text never follow each other inside a paragraph.
    In the other layout the anchor is alone on the line before its preview; the more plausible
    reading wins, the other layout needing a clear margin.
    """
    pieces: list[_Piece] = []
    expecting = ""  # after a hatnote: "link" (or a connective) may follow, or "connective"
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _HATNOTE.match(line) and _is_hatnote(line):
            expecting = "link" if _HATNOTE_OPEN.search(line) else ""
            pieces.append(_Piece(line, hatnote=True))
            continue
        if expecting and _CONNECTIVE.match(line):
            pieces.append(_Piece(line, hatnote=True))
            expecting = "link"
            continue
        piece = _link_piece(line, pieces, following, known)
        if expecting == "link" and piece.is_anchor:
            piece.hatnote = True
            expecting = "connective"
        else:
            expecting = ""
        pieces.append(piece)
    return pieces


def _link_piece(
    line: str, pieces: list[_Piece], following: str | None, known: _Vocabulary
) -> _Piece:
    previous = pieces[-1] if pieces and not pieces[-1].is_anchor else None
    cut = _is_link_line(line)
    if not cut and (len(line) < 2 or _GOES_ON.match(line)):
        return _Piece(line)
    context = 0.0 if cut else _context(line, previous, following)
    if context <= -WHOLE_PREVIEW_MARGIN:
        # No neighbour says a link stood here: only a preview repeating its anchor would.
        anchor = repeated_anchor(line)
        if anchor is None or REPEAT_SCORE + context < MIN_SPLIT_SCORE:
            return _Piece(line)
    acronym = _ACRONYM.match(following) if following else None
    same = split_anchor(line, known, acronym.group(1) if acronym else None)
    same_score = same.score if same else float("-inf")
    if (
        cut
        and previous is not None
        and not previous.hatnote
        and same_score < MIN_SPLIT_SCORE + 2 * NEXT_LINE_MARGIN
        and residue_cut(line.split()[:MAX_ANCHOR_WORDS]) is None
    ):
        alone = score_pair(previous.text, line)
        if alone > max(same_score + NEXT_LINE_MARGIN, MIN_SPLIT_SCORE):
            preview, truncated = strip_truncation(line)
            pieces.pop()
            return _Piece(previous.text, preview, truncated)
    if same is None:
        return _Piece(line)
    if not cut:
        same_score += context
    elif same.residue:
        same_score = max(same_score, MIN_SPLIT_SCORE)  # a cut preview: the line is a link
    if same_score >= MIN_SPLIT_SCORE:
        preview, truncated = strip_truncation(same.preview)
        return _Piece(same.anchor, preview, truncated, score=same_score)
    return _Piece(line)


def _context(line: str, previous: _Piece | None, following: str | None) -> float:
    """How much the neighbours of a line without `` ...`` say it is a link line."""
    score = -WHOLE_PREVIEW_MARGIN
    if previous is not None and not previous.hatnote and _ends_open(previous.text):
        score += 3.0
    if following is not None and _CONTINUES.match(following) and not _is_link_line(following):
        score += 3.0  # (a link line of its own may open with a lowercase anchor)
    if not _COMPLETE_END.search(line[-6:]):
        score -= 3.0
    return score


def _agree_on_previews(chunks: list[_Chunk]) -> None:
    """Links to one article print one preview: where a line's anchor ran into a preview that
    other lines split off more surely ("USSR Bukharan PSR | flag_p1 ..." beside "Soviet Union"
    + "Bukharan PSR | flag_p1 ..."), the boundary moves to it. Each preview weighs as many
    lines as print it, and a tie goes to the surer split."""
    links = [p for chunk in chunks for p in chunk.pieces if p.preview is not None]
    weight: dict[str, tuple[int, float]] = {}
    for piece in links:
        if len(piece.preview or "") >= MIN_PREVIEW_CHARS:
            count, score = weight.get(piece.preview or "", (0, float("-inf")))
            weight[piece.preview or ""] = (count + 1, max(score, piece.score))
    for piece in links:
        line = f"{piece.text} {piece.preview}"
        best, most = len(piece.text) + 1, weight.get(piece.preview or "", (0, piece.score))
        for match in _WORD_START.finditer(line, 1, len(piece.text) + 1):
            candidate = weight.get(line[match.start() :])
            if candidate is not None and candidate > most:
                best, most = match.start(), candidate
        if best <= len(piece.text):
            piece.text, piece.preview = line[:best].rstrip(), line[best:]


def _ends_open(text: str) -> bool:
    """Whether a line of text leaves its sentence open: no closing mark at its end (or an
    abbreviation's stop, "U.S."), a list marker, or a cut."""
    if text == "*" or text.endswith((" *", "...")):
        return True
    if text[-1:] not in ".!?\"”’')]":
        return True
    return text[-1] == "." and _ABBREVIATION_END.search(text[-6:]) is not None


def _is_hatnote(line: str) -> bool:
    """ "Main article: X", "See also: X", "Further information: X", or a short "See X"."""
    if not line.startswith("See ") or line.startswith("See also"):
        return True
    return len(line.split()) <= 8 and not _SENTENCE_STOP.search(line)


# ----------------------------------------------------------------------------- blocks


def _clean(text: str) -> str:
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


def _is_heading(chunk: _Chunk) -> bool:
    if len(chunk.pieces) != 1 or chunk.pieces[0].is_anchor or chunk.pieces[0].hatnote:
        return False
    line = _clean(chunk.pieces[0].text).strip()
    if not line or len(line) > 90 or len(line.split()) > 12:
        return False
    if line.endswith(_SENTENCE_END) or line[0] in "*#(" or line[0].islower():
        return False
    return chunk.blanks_before >= 2 or chunk.blanks_after >= 2


def _is_list(chunk: _Chunk) -> bool:
    first = chunk.pieces[0]
    return not first.is_anchor and first.text.lstrip().startswith(("*", "#"))


def _levels(chunks: list[_Chunk]) -> dict[int, int]:
    """Heading levels from the layout: a heading followed directly by another is a parent."""
    headings = [i for i, c in enumerate(chunks) if _is_heading(c)]
    empty = {i for i in headings if i + 1 < len(chunks) and (i + 1) in headings}
    titles = {i: _clean(chunks[i].pieces[0].text).strip().casefold() for i in headings}
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


def _emit(builder: DocumentBuilder, chunks: list[_Chunk]) -> None:
    levels = _levels(chunks)
    section = ""
    for i, chunk in enumerate(chunks):
        if i in levels:
            section = _clean(chunk.pieces[0].text).strip()
            builder.heading(levels[i], section)
        elif _is_list(chunk):
            items = _emit_list(builder, chunk.pieces)
            kind = section.casefold()
            if kind == "see also":
                builder.see_also.extend(_plain(item) for item in items)
            elif kind in {"external links", "further reading"}:
                builder.external_links.extend(
                    link for item in items if (link := _citation(item)) is not None
                )
        else:
            builder.end_block()
            _emit_inline(builder, chunk.pieces)
            builder.end_block()


def _emit_inline(builder: DocumentBuilder, pieces: list[_Piece], previous: str = "") -> str:
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
        text = piece.text if piece.is_anchor else _clean(piece.text)
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


def _emit_list(builder: DocumentBuilder, pieces: list[_Piece]) -> list[list[_Piece]]:
    """Inline ``* a * b`` lists: each marker starts an item; an anchor may interrupt an item."""
    items: list[list[_Piece]] = []
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
                items[-1].append(_Piece(before))
            items.append([])
            position = marker.end()
        rest = piece.text[position:]
        if rest.strip():
            if not items:
                items.append([])
            items[-1].append(_Piece(rest))
    items = [item for item in items if any(p.text.strip() for p in item)]
    builder.begin_list()
    for item in items:
        builder.item()
        _emit_inline(builder, item)
    builder.end_list()
    return items


def _plain(pieces: list[_Piece]) -> str:
    return " ".join(" ".join(_clean(p.text).split()) for p in pieces if _clean(p.text).strip())


def _citation(pieces: list[_Piece]) -> ExternalLink | None:
    """An external-links entry: author, linked title, ''publisher'', date, each on its line."""
    parts: list[tuple[str, bool]] = []
    italic = False
    for piece in pieces:
        raw = piece.text
        if not piece.is_anchor:
            # '' before and after a piece marks the work (newspaper, site) in italics.
            marks = raw.count("''")
            cleaned = _clean(raw).strip(" ,.")
            if cleaned:
                parts.append((cleaned, italic))
            if marks % 2:
                italic = not italic
        else:
            parts.append((raw.strip(), italic))
    return parse_citation(parts)


# ----------------------------------------------------------------------------- residue & metadata


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
        if _is_link_line(line) and (split := split_anchor(line)) and split.score >= MIN_SPLIT_SCORE:
            preview, truncated = strip_truncation(split.preview)
            flags = gloss_flags(split.anchor, split.anchor, preview)
            builder.detached_gloss(split.anchor, None, GlossDraft(preview, truncated, flags))
            continue
        name = _clean(line).strip()
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
