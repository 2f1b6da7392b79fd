"""What pandoc left in plain text that is not prose, and how to take it out.

Pandoc renders what it understands of MediaWiki markup; the rest stays in the text as
residue: the file name of an image and the tail of its caption up to ``]]`` (the link that
began the caption is gone), unclosed ``{{cite web |url=...`` templates, EasyTimeline source,
the ``_italics_`` markers, ``[n]`` citation markers, and the category line at the end
(``Albania–Brazil_relations Brazil Category:Bilateral relations of Brazil``).
:func:`clean_inline` cleans running text and cells; :func:`category_names` and
:func:`is_residue` recognise the lines that are residue as a whole.
"""

from __future__ import annotations

import re

from dyad.read.rendered import Piece, strip_citation_markers

_TIMELINE = re.compile(
    r"\s*(?:(?:ImageSize|PlotArea|DateFormat|Define|Period|TimeAxis|ScaleMajor|ScaleMinor"
    r"|AlignBars|Colors|BackgroundColors|BarData|PlotData|TextData|LineData|Legend)\b\s*="
    r"|(?:id|bar|from|till|at|color|text|align|mark|width|shift|fontsize|anchor|textcolor"
    r"|barset|increment|start|orientation|value|legend):)"
)
_CAPTION_START = re.compile(r"[.!?;]\s+(?=[a-z,;:(])")
_IMAGE_FILE = re.compile(
    r"(?<!\S)[^\s/]+\.(?:jpe?g|png|gif|svg|tiff?|webp|ogg|ogv|webm|pdf)(?!\S)", re.IGNORECASE
)
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,500}\}\}")
_TEMPLATE_NAME = re.compile(r"\s*([^\s{}]*)")
_TEMPLATES_TO_END = ("cite", "citation", "main", "see", "further", "show", "sfn", "efn", "harv")
_ITALIC_OPEN = r"(?:(?<=[\s(\[\"“‘'/])|^)_+(?=[^\s_])"
_ITALIC_CLOSE = r"(?<=[^\s_])_+(?=[\s.,;:!?)\]\"”’'/]|$)"
_ITALIC = re.compile(f"{_ITALIC_OPEN}|{_ITALIC_CLOSE}|(?<!\\S)_+(?!\\S)")
_UNDERSCORED = re.compile(r"[^\s_/.:]+(?:_[^\s_/]+)+")
_CATEGORY = re.compile(r"(?:^|\s)\*?\s*:?Category:")


def clean_inline(text: str) -> str:
    """Running text without caption tails, file names, templates, citations and italics."""
    text = _drop_captions(text)
    if "." in text:
        text = _IMAGE_FILE.sub("", text)
    if "{{" in text or "}}" in text:
        text = _drop_templates(text)
    text = strip_citation_markers(text)
    if "_" in text:
        text = _ITALIC.sub("", text)
    return text


def _drop_captions(text: str) -> str:
    """Remove image captions whose link pandoc dropped, leaving ``...caption text.]]``.

    A caption runs from the start of its paragraph, or from the last sentence end that is
    followed by a lower-case word (the caption began with a link pandoc dropped), to ``]]``.
    """
    if "]]" not in text and "[[" not in text:
        return text
    kept: list[str] = []
    position = 0
    while True:
        close = text.find("]]", position)
        segment = text[position:] if close < 0 else text[position:close]
        opening = segment.find("[[")
        if opening >= 0:
            kept.append(segment[:opening])
        elif close >= 0:
            cut = 0
            for m in _CAPTION_START.finditer(segment):
                cut = m.end()
            kept.append(segment[:cut])
        else:
            kept.append(segment)
        if close < 0:
            break
        position = close + 2
        kept.append(" ")
    return "".join(kept)


def _drop_templates(text: str) -> str:
    """Remove ``{{...}}`` residue; of a template pandoc left unclosed, its name (and all that
    follows, for a citation, whose parameters are the rest of the text)."""
    text = _TEMPLATE.sub("", text)
    kept: list[str] = []
    position = 0
    while (start := text.find("{{", position)) >= 0:
        kept.append(text[position:start])
        name = _TEMPLATE_NAME.match(text, start + 2)
        assert name is not None
        position = name.end()
        if name.group(1).casefold().startswith(_TEMPLATES_TO_END):
            position = len(text)
    kept.append(text[position:])
    return "".join(kept).replace("}}", " ")


def italic_pieces(text: str) -> list[Piece]:
    """Split ``a _b_ c`` into pieces flagged as italic or not (for citations)."""
    pieces: list[Piece] = []
    italic = False
    position = 0
    for m in _ITALIC.finditer(text):
        if m.start() > position:
            pieces.append(Piece(text[position : m.start()], italic))
        italic = not italic
        position = m.end()
    if position < len(text):
        pieces.append(Piece(text[position:], italic))
    return pieces


def is_timeline(lines: list[str]) -> bool:
    """EasyTimeline source (``ImageSize = ...``, ``bar:ca text:Canada``) pandoc passed through."""
    return all(_TIMELINE.match(line) for line in lines)


def is_residue(lines: list[str]) -> bool:
    """A chunk that is timeline source or a category line, not text."""
    return is_timeline(lines) or (len(lines) == 1 and category_names(lines[0]) is not None)


def category_names(line: str, parties: tuple[str, ...] = ()) -> list[str] | None:
    """Category names in a category residue line, or ``None`` when it is not one.

    ``Albania–Brazil_relations Brazil Category:Bilateral relations of Brazil`` holds
    ``Bilateral relations of Brazil``; the underscored page name and the sort keys ("Brazil")
    around the names are dropped, and so is a party name repeated after a name.
    """
    tokens = line.split()
    if not tokens or len(line) > 1000 or line.rstrip().endswith((".", "!", "?", ",")):
        return None
    marks = [i for i, t in enumerate(tokens) if t.lstrip("*:").startswith("Category:")]
    underscored = _UNDERSCORED.fullmatch(tokens[0]) is not None and not _IMAGE_FILE.search(
        tokens[0]
    )
    if not marks and not (underscored and len(tokens) <= 8):
        return None
    if marks and marks[0] > 3 and not underscored:
        return None
    names = []
    for part in _CATEGORY.split(line)[1:]:
        words: list[str] = []
        for word in part.split():
            if _UNDERSCORED.fullmatch(word):
                break
            words.append(word)
        words = _drop_repeat(words)
        name = " ".join(words)
        for party in parties:
            if name.endswith(" " + party):
                head = name[: -len(party) - 1]
                if head.split()[-1].lower() not in ("of", "the", "and", "with"):
                    name = head
        if name:
            names.append(name)
    return names


def _drop_repeat(words: list[str]) -> list[str]:
    for size in range(1, len(words) // 2 + 1):
        if words[-size:] == words[-2 * size : -size]:
            return words[:-size]
    return words


def parties_of(title: str) -> tuple[str, ...]:
    """``("Iran", "Qatar")`` for "Iran–Qatar relations", ``("Mongolia",)`` for "Foreign
    relations of Mongolia": the names a category line repeats as sort keys."""
    m = re.match(r"(?i)foreign relations of (?:the )?(.+)", title)
    if m:
        return (m.group(1),)
    core = re.sub(r"(?i)\s+relations?$", "", title)
    parts = [p.strip() for p in re.split(r"[–—]", core) if p.strip()]
    return tuple(parts) if len(parts) > 1 else ()


def only_parties(lines: list[str], parties: tuple[str, ...]) -> bool:
    """A line of nothing but the parties' names: the sort keys of a category line."""
    rest = " ".join(" ".join(lines).split())
    if not parties or len(rest) > 200:
        return False
    for party in sorted(parties, key=len, reverse=True):
        rest = rest.replace(party, " ")
    return not rest.strip()
