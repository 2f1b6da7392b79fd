"""What one wikitext page may cost, and the guards that hold a page to it.

A page is untrusted input. The reader refuses it, with a :class:`ReadError`, when

- it is larger than ``max_bytes`` (checked before parsing);
- its markup is so unbalanced that parsing would take minutes: mwparserfromhell's tokenizer
  rescans to the end of the page for every ``{{``, ``[[``, ``{|`` or ``<tag`` that never closes,
  so thousands of them cost time quadratic in the page. Openers minus closers, times the length,
  estimates that rescanning; it is counted in linear time, before parsing;
- it holds more markup than ``max_markup`` openers (``{{``, ``[[``, ``{|``, tags, external
  links, headings and list or table lines): the tokenizer costs up to a millisecond per node on
  a busy machine, so a page that is a flood of headings or tables would parse for minutes. The
  largest real page (Foreign relations of the United Kingdom) has under 9,000;
- reading takes longer than its budget, ``seconds`` + ``seconds_per_mib`` per MiB of the
  reading thread's CPU time (not wall time: on a loaded machine real pages took longer than their
  budget by the wall clock while other processes held the cores). The clock is
  checked right after the tokenizer returns and as the walk goes, never by interrupting anything:
  a signal landing inside mwparserfromhell's C tokenizer left it "exited with non-empty token
  stack", and one landing in a garbage-collection callback was lost. The checks above are what
  keep the tokenizer itself short;
- its markup nests deeper than ``max_depth`` (the tokenizer itself stops at 100 levels), and a
  ``RecursionError`` anywhere becomes a :class:`ReadError` too.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from dyad.read.errors import ReadError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one page may cost. MediaWiki itself refuses pages above 2 MiB.

    The largest real page (642 kB) reads in about 0.7 s of CPU (1.5-2.5 s by the wall clock
    on two busy cores): its budget is 12 s of CPU, while the largest page allowed stops within
    26 s of CPU.
    """

    max_bytes: int = 2 * MIB
    seconds: float = 6.0
    seconds_per_mib: float = 10.0
    max_depth: int = 200
    #: Refuse a page whose unclosed openers times its length exceeds this (the tokenizer's cost).
    max_rescan: int = 20_000_000
    #: Refuse a page with more markup openers than this (four times the largest real page).
    max_markup: int = 40_000

    def budget(self, text: str) -> float:
        """The seconds a page of this length may take to read."""
        return self.seconds + self.seconds_per_mib * len(text) / MIB


DEFAULT_LIMITS = Limits()


class OutOfTime(Exception):
    """The page's time budget ran out (the reader turns this into a ReadError)."""


class TooDeep(Exception):
    """The markup nests deeper than ``max_depth`` (the reader turns this into a ReadError)."""


def check_size(text: str, source: str, limits: Limits) -> None:
    """Refuse a page above ``max_bytes`` of UTF-8 (encoding it only when that could matter)."""
    size = len(text)
    if size <= limits.max_bytes < 4 * size:
        size = len(text.encode())
    if size > limits.max_bytes:
        raise ReadError(
            source, f"{size:,} bytes is more than a wikitext page may have ({limits.max_bytes:,})"
        )


_OPEN_TAG = re.compile(r"<(?!(?:br|hr|wbr)\b)[A-Za-z]")
_CLOSE_TAG = re.compile(r"</[A-Za-z]|/>")


def check_balance(text: str, source: str, limits: Limits) -> None:
    """Refuse pages whose unclosed openers would make the tokenizer rescan them for minutes."""
    unclosed = {
        "{{": text.count("{{") - text.count("}}"),
        "[[": text.count("[[") - text.count("]]"),
        "{|": text.count("{|") - text.count("|}"),
        "<tag": sum(1 for _ in _OPEN_TAG.finditer(text))
        - sum(1 for _ in _CLOSE_TAG.finditer(text)),
    }
    worst = max(unclosed, key=lambda k: unclosed[k])
    if unclosed[worst] * len(text) > limits.max_rescan:
        raise ReadError(
            source,
            f"{unclosed[worst]:,} unclosed '{worst}' in {len(text):,} characters: "
            "the markup is broken beyond reading",
        )


_MARKUP = re.compile(r"\{\{|\[\[|\{\||\[(?:[A-Za-z][A-Za-z+.-]*:)?//|<[A-Za-z!/]|^[=*#;:|!]", re.M)


def check_markup(text: str, source: str, limits: Limits) -> None:
    """Refuse a page with more markup than any article: the tokenizer would take minutes."""
    count = 0
    for count, _ in enumerate(_MARKUP.finditer(text), 1):
        if count > limits.max_markup:
            raise ReadError(
                source,
                f"more than {limits.max_markup:,} pieces of markup (headings, links, templates, "
                "tables, tags): far more than any article has",
            )


class Deadline:
    """The moment a page's CPU budget runs out; :meth:`check` raises :class:`OutOfTime` after it.

    The clock is this thread's CPU time, so other processes on a busy machine cannot spend a
    page's budget; a page that really loops still runs out of it.

    Checked between steps (after the tokenizer, every few thousand nodes of the walk), never by
    a signal, so running out of time cannot leave the parser half-way through anything.
    """

    __slots__ = ("at",)

    def __init__(self, seconds: float) -> None:
        self.at = time.thread_time() + seconds

    def check(self) -> None:
        if time.thread_time() > self.at:
            raise OutOfTime
