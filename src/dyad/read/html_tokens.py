"""A small HTML tokenizer that runs in linear time on any input.

The standard library's :class:`html.parser.HTMLParser` takes quadratic time on some malformed
input (``"<a " * 80_000`` runs for over a minute on Python 3.11), so the ``html`` reader
tokenizes with this instead: start tags with their attributes, end tags and decoded text;
comments, declarations and processing instructions are dropped; the content of ``script``
and ``style`` is skipped. Every search moves forward only (the next ``<`` and ``>`` are found
once and reused), so no character is examined more than a bounded number of times.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_RAW_TEXT = {
    "script": re.compile(r"</script", re.IGNORECASE),
    "style": re.compile(r"</style", re.IGNORECASE),
}
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_")
MAX_ATTRIBUTES = 64


@dataclass(frozen=True, slots=True)
class Tag:
    """A start tag (with its attributes) or an end tag (``end``), name lower-cased."""

    name: str
    attrs: dict[str, str]
    end: bool = False
    self_closing: bool = False

    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())


Token = str | Tag


class _Finder:
    """``str.find`` for one character, remembering its answer while it stays ahead."""

    def __init__(self, text: str, char: str) -> None:
        self.text = text
        self.char = char
        self.found = -2

    def after(self, position: int) -> int:
        if self.found == -1 or self.found >= position:
            return self.found
        self.found = self.text.find(self.char, position)
        return self.found


_VALUE_OR_END = re.compile(r"""=\s*(["'])|>""")


def tokenize(text: str) -> Iterator[Token]:
    """Text runs (entities decoded) and tags, in document order."""
    less = _Finder(text, "<")
    greater = _Finder(text, ">")
    n = len(text)
    position = 0
    while position < n:
        lt = less.after(position)
        if lt < 0:
            yield html.unescape(text[position:])
            return
        if lt > position:
            yield html.unescape(text[position:lt])
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            position = n if close < 0 else close + 3
            continue
        gt = greater.after(lt + 1)
        following = less.after(lt + 1)
        second = text[lt + 1 : lt + 2]
        is_markup = second.isalpha() or second in ("/", "!", "?")
        if gt >= 0 and is_markup:
            gt = _tag_end(text, lt, gt)
        if gt < 0 or not is_markup or (0 <= following < gt and not _quoted(text, lt, following)):
            # Not a tag: a literal "<" (up to the next "<").
            stop = n if following < 0 else following
            yield html.unescape(text[lt:stop])
            position = stop
            continue
        position = gt + 1
        if second in ("!", "?"):
            continue
        tag = _tag(text[lt + 1 : gt])
        if tag is None:
            continue
        yield tag
        if not tag.end and tag.name in _RAW_TEXT:
            close_match = _RAW_TEXT[tag.name].search(text, position)
            if close_match is None:
                return
            end_gt = greater.after(close_match.end())
            position = n if end_gt < 0 else end_gt + 1
            yield Tag(tag.name, {}, end=True)


def _tag_end(text: str, lt: int, gt: int) -> int:
    """The ``>`` that ends the tag opened at ``lt``: one inside a quoted attribute value
    (``<a title="a>b">``) does not. Without quotes before ``gt`` it is ``gt`` itself."""
    if '"' not in text[lt:gt] and "'" not in text[lt:gt]:
        return gt
    position = lt + 1
    while (match := _VALUE_OR_END.search(text, position)) is not None:
        if match.group() == ">":
            return match.start()
        close = text.find(match.group(1), match.end())
        if close < 0:
            return gt  # an unclosed quote: the first ">" ends the tag, as browsers recover
        position = close + 1
    return gt


def _quoted(text: str, lt: int, position: int) -> bool:
    """Whether ``position`` may lie inside a quoted value of the tag opened at ``lt``."""
    return '"' in text[lt:position] or "'" in text[lt:position]


def _tag(body: str) -> Tag | None:
    end = body.startswith("/")
    if end:
        body = body[1:]
    k = 0
    while k < len(body) and body[k] in _NAME_CHARS:
        k += 1
    name = body[:k].lower()
    if not name:
        return None
    if end:
        return Tag(name, {}, end=True)
    self_closing = body.rstrip().endswith("/")
    return Tag(name, _attributes(body, k), self_closing=self_closing)


def _attributes(body: str, k: int) -> dict[str, str]:
    """``name="value"`` pairs; a plain character loop, linear in the tag's length."""
    attrs: dict[str, str] = {}
    n = len(body)
    while k < n and len(attrs) < MAX_ATTRIBUTES:
        while k < n and (body[k].isspace() or body[k] == "/"):
            k += 1
        start = k
        while k < n and not body[k].isspace() and body[k] not in "=/":
            k += 1
        name = body[start:k].lower()
        if not name:
            k += 1
            continue
        while k < n and body[k].isspace():
            k += 1
        value = ""
        if k < n and body[k] == "=":
            value, k = _value(body, k + 1, n)
        attrs.setdefault(name, html.unescape(value) if "&" in value else value)
    return attrs


def _value(body: str, k: int, n: int) -> tuple[str, int]:
    """The attribute value after the ``=`` before ``k`` (quoted or bare, still escaped), and
    the index after it."""
    while k < n and body[k].isspace():
        k += 1
    if k < n and body[k] in "\"'":
        quote = body[k]
        close = body.find(quote, k + 1)
        close = n if close < 0 else close
        return body[k + 1 : close], close + 1
    start = k
    while k < n and not body[k].isspace():
        k += 1
    return body[start:k], k
