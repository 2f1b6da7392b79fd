"""The inline part of rendered Markdown: links, emphasis and escapes, read in linear time.

``[text](/wiki/Target "Target")`` is a link to an article (an anchor); ``[text](https://...)``
an external link (its words stay, the URL is kept for citations); ``[[1]](#cite_note-1)``,
``[[edit](...)]`` and ``[*[citation needed](...)*]`` are apparatus and vanish with their
brackets; ``![alt](src)`` images vanish; ``**bold**``, ``*italic*`` and ``_italic_`` lose their
markers (italics are remembered, citations need them); ``\\*`` is a literal star.

Brackets and parentheses are paired once per paragraph with a stack, so that no input, however
unbalanced, makes the scanner look ahead more than once per character.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dyad.read.rendered import namespace, wiki_target

_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|<>~\"'$&%=:;,?/^")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>")
_MAX_LINK_TEXT_DEPTH = 3
_SPECIAL = re.compile(r"[\\!\[\]*_`]")
_MARKUP = frozenset("![]*_`")  # the characters of _SPECIAL that may open markup
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of inline content: plain text, or linked text with its target or URL."""

    text: str
    italic: bool = False
    target: str | None = None  # an article title: the run is an anchor
    url: str | None = None  # an external URL
    category: str | None = None  # a link to a category page (not text)


def _pairs(s: str, opening: str, closing: str, escaped: set[int]) -> dict[int, int]:
    """Match brackets with a stack: ``{open index: close index}``; unmatched ones are absent."""
    stack: list[int] = []
    found: dict[int, int] = {}
    for m in re.finditer(re.escape(opening) + "|" + re.escape(closing), s):
        i = m.start()
        if i in escaped:
            continue
        if s[i] == opening:
            stack.append(i)
        elif stack:
            found[stack.pop()] = i
    return found


def _escapes(s: str) -> set[int]:
    """Indices of characters escaped by a backslash."""
    escaped: set[int] = set()
    i = s.find("\\")
    while 0 <= i < len(s) - 1:
        if s[i + 1] in _ESCAPABLE:
            escaped.add(i + 1)
            i = s.find("\\", i + 2)
        else:
            i = s.find("\\", i + 1)
    return escaped


def _code_spans(s: str, escaped: set[int]) -> dict[int, tuple[int, int]]:
    """``{opening index: (closing run index, run length)}`` of the code spans of ``s``.

    A run of backticks opens a span closed by the next run of the same length (CommonMark);
    a run with no such partner is literal. Each run's partner is found once, from the end.
    """
    runs = [
        (m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(s) if m.start() not in escaped
    ]
    partner: dict[int, int] = {}
    later: dict[int, int] = {}
    for start, length in reversed(runs):
        if length in later:
            partner[start] = later[length]
        later[length] = start
    spans: dict[int, tuple[int, int]] = {}
    position = 0
    for start, length in runs:
        if start >= position and start in partner:
            spans[start] = (partner[start], length)
            position = partner[start] + length
    return spans


class _Scanner:
    def __init__(self, s: str, references: Mapping[str, str] | None = None) -> None:
        self.s = s
        self.references = references or {}
        self.escaped = _escapes(s)
        self.code = _code_spans(s, self.escaped) if "`" in s else {}
        # Inside a code span nothing is markup: its brackets pair with nothing.
        hidden = set(self.escaped)
        for start, (close, length) in self.code.items():
            hidden.update(range(start, close + length))
        self.brackets = _pairs(s, "[", "]", hidden)
        self.parens = _pairs(s, "(", ")", hidden)
        self.skip: set[int] = set()
        self.italic = False
        self.out: list[Inline] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        if self.buffer:
            self.out.append(Inline("".join(self.buffer), self.italic))
            self.buffer.clear()

    def link_at(self, i: int) -> tuple[int, int, int] | None:
        """``(text end, destination start, destination end)`` of a link opening at ``i``."""
        close = self.brackets.get(i)
        if close is None or close + 1 >= len(self.s) or self.s[close + 1] != "(":
            return None
        end = self.parens.get(close + 1)
        if end is None:
            return None
        return close, close + 2, end

    def scan(self, start: int, end: int, depth: int = 0) -> str:
        """Scan ``s[start:end]``; at depth 0 emit runs, deeper return the plain text."""
        s = self.s
        plain: list[str] = []
        out = self.buffer if depth == 0 else plain
        i = start
        while i < end:
            ch = s[i]
            if ch == "\\" and (i + 1) in self.escaped:
                out.append(s[i + 1])
                i += 2
                continue
            if i in self.skip:
                i += 1
                continue
            if ch in _MARKUP and (after := self._markup(ch, i, end, depth, out)) is not None:
                i = after
                continue
            # Plain text: take the whole run up to the next character that may be markup.
            special = _SPECIAL.search(s, i + 1, end)
            stop = special.start() if special else end
            out.append(s[i:stop])
            i = stop
        return "".join(plain)

    def _markup(self, ch: str, i: int, end: int, depth: int, out: list[str]) -> int | None:
        """Emit the image, link, emphasis or code span at ``i``; the index after it, or
        ``None`` when ``ch`` opens no markup there (it is then plain text)."""
        s = self.s
        if ch == "!" and i + 1 < end and s[i + 1] == "[" and (found := self.link_at(i + 1)):
            return found[2] + 1  # an image: dropped
        if ch == "[" and i not in self.escaped and (found := self.link_at(i)):
            close, dest_start, dest_end = found
            if dest_end < end:
                return self._link(i, close, dest_start, dest_end, depth, out)
        if ch in "*_" and i not in self.escaped:
            return self._emphasis(ch, i, end, depth, out)
        if ch == "`" and i in self.code:
            return self._code_span(i, out)
        if ch == "[" and i not in self.escaped and (ref := self.reference_at(i)):
            close, url, after = ref
            return self._link_to(i, close, url, after, depth, out)
        if ch in "`[]":
            out.append(ch)
            return i + 1
        return None

    def _emphasis(self, ch: str, i: int, end: int, depth: int, out: list[str]) -> int:
        """A run of ``*`` or ``_`` at ``i``: toggle italics (at depth 0) when it delimits
        emphasis, else emit it as text; the index after the run."""
        s = self.s
        run_end = i
        while run_end < end and s[run_end] == ch and run_end not in self.escaped:
            run_end += 1
        if self._is_delimiter(i, run_end, ch):
            if (run_end - i) % 2 == 1 and depth == 0:
                self.flush()
                self.italic = not self.italic
            return run_end
        out.append(s[i:run_end])
        return run_end

    def _code_span(self, i: int, out: list[str]) -> int:
        """Emit the code span opening at ``i`` literally (no link, no emphasis inside)."""
        close, length = self.code[i]
        content = self.s[i + length : close]
        if content.startswith(" ") and content.endswith(" ") and content.strip():
            content = content[1:-1]
        out.append(content)
        return close + length

    def _is_delimiter(self, start: int, end: int, ch: str) -> bool:
        s = self.s
        before = s[start - 1] if start > 0 else " "
        after = s[end] if end < len(s) else " "
        if before.isspace() and after.isspace():
            return False
        return not (ch == "_" and before.isalnum() and after.isalnum())

    def reference_at(self, i: int) -> tuple[int, str, int] | None:
        """A reference link at ``i``: ``[text][label]``, ``[label][]`` or ``[label]``, whose
        label a definition names: ``(text end, URL, index after the link)``."""
        if not self.references:
            return None
        close = self.brackets.get(i)
        if close is None:
            return None
        s = self.s
        label_end = self.brackets.get(close + 1) if s[close + 1 : close + 2] == "[" else None
        if label_end is not None:
            label = s[close + 2 : label_end] or s[i + 1 : close]
            after = label_end + 1
        elif s[close + 1 : close + 2] == "(":
            return None
        else:
            label, after = s[i + 1 : close], close + 1
        url = self.references.get(reference_label(label))
        return None if url is None else (close, url, after)

    def _link(
        self, i: int, close: int, dest_start: int, dest_end: int, depth: int, out: list[str]
    ) -> int:
        destination = self.s[dest_start:dest_end].strip()
        url = destination.split()[0].strip("<>") if destination else ""
        return self._link_to(i, close, url, dest_end + 1, depth, out)

    def _link_to(self, i: int, close: int, url: str, after: int, depth: int, out: list[str]) -> int:
        """Emit the link whose text is ``s[i + 1:close]``; return the index after it."""
        s = self.s
        dest_end = after - 1
        if depth >= _MAX_LINK_TEXT_DEPTH:
            label = s[i + 1 : close]
        else:
            label = self.scan(i + 1, close, depth + 1)
        label = " ".join(label.split())
        target = wiki_target(url)
        space = namespace(target) if target else None
        apparatus = (
            url.startswith("#cite_")
            or ("action=edit" in url and "redlink=1" not in url)
            or (space is not None and space not in ("Category", "File", "Image", "Media"))
        )
        if apparatus:
            self._drop_brackets(i, dest_end, out)
            return dest_end + 1
        if space in ("File", "Image", "Media"):
            return dest_end + 1
        if depth > 0:
            out.append(label)
            return dest_end + 1
        self.flush()
        if space == "Category" and target is not None:
            self.out.append(Inline(label, self.italic, category=target.partition(":")[2]))
        elif target is not None and space is None and label:
            self.out.append(Inline(label, self.italic, target=target))
        elif label:
            external = url if url.startswith(("http://", "https://", "//")) else None
            self.out.append(Inline(label, self.italic, url=external))
        return dest_end + 1

    def _drop_brackets(self, i: int, dest_end: int, out: list[str]) -> None:
        """Drop the ``[`` ``]`` that wrap an apparatus link (``[[edit](...)]``)."""
        s = self.s
        ahead = dest_end + 1
        while ahead < len(s) and s[ahead] in "*_":
            ahead += 1
        if ahead >= len(s) or s[ahead] != "]" or ahead in self.escaped:
            return
        back = i - 1
        while back >= 0 and s[back] in "*_":
            back -= 1
        if back < 0 or s[back] != "[" or back in self.escaped:
            return
        # The ``[`` was emitted as text already: take it back from the buffer or the last run.
        if out and out[-1] == "[":
            out.pop()
        elif out is self.buffer and not out and self.out and self.out[-1].text.endswith("["):
            last = self.out[-1]
            self.out[-1] = Inline(last.text[:-1], last.italic, last.target, last.url, last.category)
        else:
            return
        self.skip.add(ahead)


def reference_label(label: str) -> str:
    """A link label as definitions match it: case-folded, white space collapsed."""
    return " ".join(label.split()).casefold()


def parse_inline(text: str, references: Mapping[str, str] | None = None) -> list[Inline]:
    """Runs of plain text and links, markers removed, entities decoded.

    ``references``: the document's link reference definitions (``[label]: url``), by
    :func:`reference_label`, for ``[text][label]``, ``[label][]`` and ``[label]`` links.
    """
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
        text = _TAG.sub(" ", text)
    scanner = _Scanner(text, references)
    scanner.scan(0, len(text))
    scanner.flush()
    runs = []
    for run in scanner.out:
        decoded = html.unescape(run.text) if "&" in run.text else run.text
        runs.append(Inline(decoded, run.italic, run.target, run.url, run.category))
    return runs


def plain_text(runs: list[Inline]) -> str:
    """The visible words of a list of runs."""
    return " ".join("".join(run.text for run in runs if run.category is None).split())
