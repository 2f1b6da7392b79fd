"""The lines of a TheInfoList scrape: running text, links with their previews, and hatnotes.

The site breaks an article's text at every link, so each line is text, or a link printed as
``<anchor> <preview> ...`` (or, in the other layout, the anchor alone and its preview on the
next line), or a hatnote. Where a line's anchor ends is :func:`dyad.read.previews.split_anchor`'s
to say; here, whether a line is a link at all (a whole preview has no `` ...``: its neighbours
decide), which layout it is in, the page's own words that help choose the anchor, and the one
preview all links to an article agree on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.read.preview_words import holds_residue
from dyad.read.previews import (
    MAX_ANCHOR_WORDS,
    REPEAT_SCORE,
    Split,
    is_cut,
    repeated_anchor,
    score_pair,
    split_anchor,
    strip_truncation,
)

# A link line's split must be at least this plausible; below it the line is running text.
MIN_SPLIT_SCORE = 2.5
# The other layout (anchor alone, preview on the next line) must beat the one-line split by this.
NEXT_LINE_MARGIN = 3.0
MIN_PREVIEW_CHARS = 30
# A line without `` ...`` (a whole preview) needs this much more, from its neighbours.
WHOLE_PREVIEW_MARGIN = 2.0
_WORD_RE = re.compile(r"\w+")
# ASCII characters other than letters, digits and "_" (the ASCII ones \w does not match) made
# spaces, as a table of bytes (much faster than a str.translate through a dict).
_ASCII_NOT_WORD = bytes(
    c if c >= 128 or chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(256)
)
_WORD_START = re.compile(r"(?<=\s)\S")
# Hatnotes: navigation above a section's text, never part of its sentences.
_HATNOTE = re.compile(
    r"^(?:Main articles?|Further information|See also|For more information|More information"
    r"|For further information|Further|Details)\s*:|^See (?:also )?[^\W\d_a-z]"
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
# A sentence's stop and the white space after it; the stop must end a word of two lowercase
# letters at least (not "St." or "U.S."), as :func:`_sentences` checks.
_STOP_SPACE = re.compile(r"[.!?]\s")


@dataclass
class Piece:
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
class Chunk:
    """Lines between blank lines, with how many blank lines came before it."""

    blanks_before: int
    lines: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    blanks_after: int = 0


def is_link_line(line: str) -> bool:
    return is_cut(line) and len(line) >= MIN_PREVIEW_CHARS


class Vocabulary:
    """The page's own words, to tell a name it uses from a name run into residue."""

    def __init__(self, lines: list[str]) -> None:
        # Lines and sentences apart ("#" is in no phrase's words): a name does not run from
        # one into the next ("... with Germany and Austria." / "World War I", a heading).
        parts = [_words(part) for line in lines for part in _sentences(line)]
        self._text = " " + " # ".join(parts) + " "
        # The page's link lines split so far: a link printed twice is split once.
        self.splits: dict[tuple[str, str | None], Split | None] = {}

    def split(self, line: str, acronym: str | None) -> Split | None:
        """:func:`split_anchor` of a line of this page, with the page's words."""
        key = (line, acronym)
        if key not in self.splits:
            self.splits[key] = split_anchor(line, self, acronym)
        return self.splits[key]

    def __call__(self, phrase: str) -> bool:
        words = _words(phrase)
        return bool(words) and f" {words} " in self._text


def _sentences(line: str) -> list[str]:
    """``line`` split at the white space after each sentence's stop (a regex looking behind
    every character for the stop was most of the vocabulary's time)."""
    parts: list[str] = []
    start = 0
    for stop in _STOP_SPACE.finditer(line):
        end = stop.start()
        before = line[end - 2 : end]
        if end >= 2 and before.isascii() and before.isalpha() and before.islower():
            parts.append(line[start : end + 1])
            start = end + 2
    parts.append(line[start:])
    return parts


def _words(text: str) -> str:
    if text.isascii():  # (the same words, without a regex: most lines are ASCII)
        return " ".join(text.encode("ascii").translate(_ASCII_NOT_WORD).lower().decode().split())
    return " ".join(_WORD_RE.findall(text.casefold()))


def page_vocabulary(chunks: list[Chunk]) -> Vocabulary:
    """Running-text lines (no preview, no residue) and the anchors of previews that repeat them."""
    lines: list[str] = []
    for chunk in chunks:
        for line in chunk.lines:
            if is_link_line(line):
                anchor = repeated_anchor(line)
                if anchor is not None:
                    lines.append(anchor)
            elif not holds_residue(line):
                lines.append(line)
    return Vocabulary(lines)


def split_lines(lines: list[str], known: Vocabulary) -> list[Piece]:
    """Split a chunk's lines into text, anchors with previews, and hatnotes.

    A line ending with `` ...`` holds a cut preview. A whole preview (an article shorter than
    the cut: residue such as ``| drives_on = right ... }}``, or a short lead) has no such mark;
    its line is a link when it splits well and its neighbours say a link stood there: the line
    before left its sentence open, or the line after goes on with it. The site breaks text
    only at links, so two lines of running text never follow each other inside a paragraph.
    In the other layout the anchor is alone on the line before its preview; the more plausible
    reading wins, the other layout needing a clear margin.
    """
    pieces: list[Piece] = []
    expecting = ""  # after a hatnote: "link" (or a connective) may follow, or "connective"
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _HATNOTE.match(line) and _is_hatnote(line):
            expecting = "link" if _HATNOTE_OPEN.search(line) else ""
            pieces.append(Piece(line, hatnote=True))
            continue
        if expecting and _CONNECTIVE.match(line):
            pieces.append(Piece(line, hatnote=True))
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


def _link_piece(line: str, pieces: list[Piece], following: str | None, known: Vocabulary) -> Piece:
    previous = pieces[-1] if pieces and not pieces[-1].is_anchor else None
    cut = is_link_line(line)
    if not cut and (len(line) < 2 or _GOES_ON.match(line)):
        return Piece(line)
    context = 0.0 if cut else _context(line, previous, following)
    if context <= -WHOLE_PREVIEW_MARGIN:
        # No neighbour says a link stood here: only a preview repeating its anchor would.
        anchor = repeated_anchor(line)
        if anchor is None or REPEAT_SCORE + context < MIN_SPLIT_SCORE:
            return Piece(line)
    acronym = _ACRONYM.match(following) if following else None
    same = known.split(line, acronym.group(1) if acronym else None)
    same_score = same.score if same else float("-inf")
    if cut and previous is not None and _anchor_alone_before(line, previous, same_score):
        preview, truncated = strip_truncation(line)
        pieces.pop()
        return Piece(previous.text, preview, truncated)
    if same is None:
        return Piece(line)
    if not cut:
        same_score = _uncut_score(same_score + context, previous, following)
    elif same.residue:
        same_score = max(same_score, MIN_SPLIT_SCORE)  # a cut preview: the line is a link
    if same_score >= MIN_SPLIT_SCORE:
        preview, truncated = strip_truncation(same.preview)
        return Piece(same.anchor, preview, truncated, score=same_score)
    return Piece(line)


def _anchor_alone_before(line: str, previous: Piece, same_score: float) -> bool:
    """Whether a cut line is the preview of the line of text before it (the other layout),
    read more surely so than by splitting the line itself (scored ``same_score``)."""
    if previous.hatnote or same_score >= MIN_SPLIT_SCORE + 2 * NEXT_LINE_MARGIN:
        return False
    if holds_residue(" ".join(line.split(None, MAX_ANCHOR_WORDS)[:MAX_ANCHOR_WORDS])):
        return False
    alone = score_pair(previous.text, line)
    return alone > max(same_score + NEXT_LINE_MARGIN, MIN_SPLIT_SCORE)


def _uncut_score(score: float, previous: Piece | None, following: str | None) -> float:
    """The score of a line without `` ...`` as a link line, its neighbours' say counted.

    Text, this line, text: the site breaks text only at links, so three lines of running text
    never follow each other, and this one is the link ("Relations between | Ghana Mande | and
    India are ...": Ghana's whole 2019 abstract is "Mande")."""
    if _between_text(previous, following):
        return max(score, MIN_SPLIT_SCORE)
    return score


def _between_text(previous: Piece | None, following: str | None) -> bool:
    """Whether the lines around a line are running text that its sentence goes through: the
    one before left its sentence open and the one after goes on with it."""
    if previous is None or previous.hatnote or following is None or is_link_line(following):
        return False
    return _ends_open(previous.text) and _CONTINUES.match(following) is not None


def _context(line: str, previous: Piece | None, following: str | None) -> float:
    """How much the neighbours of a line without `` ...`` say it is a link line."""
    score = -WHOLE_PREVIEW_MARGIN
    if previous is not None and not previous.hatnote and _ends_open(previous.text):
        score += 3.0
    if following is not None and _CONTINUES.match(following) and not is_link_line(following):
        score += 3.0  # (a link line of its own may open with a lowercase anchor)
    if holds_residue(" ".join(line.split(None, MAX_ANCHOR_WORDS + 1)[: MAX_ANCHOR_WORDS + 1])):
        score += 3.0  # residue: only a preview holds it (the article's own text has none),
    elif not _COMPLETE_END.search(line[-6:]):  # and it ends anywhere ("| national_motto =")
        score -= 3.0
    return score


def agree_on_previews(chunks: list[Chunk]) -> None:
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
    if not line.startswith("See ") or line.startswith("See also:"):
        return True  # (a short "See X" or "See also X", the words of an italic hatnote, too)
    return len(line.split()) <= 8 and not _SENTENCE_STOP.search(line)
