"""What one wikitext page may cost, and the guards that hold a page to it.

A page is untrusted input. The reader refuses it, with a :class:`ReadError`, when

- it is larger than ``max_bytes`` (checked before parsing);
- its markup is so unbalanced that parsing would take minutes: mwparserfromhell's tokenizer
  rescans to the end of the page for every ``{{``, ``[[``, ``{|`` or ``<tag`` that never closes,
  so thousands of them cost time quadratic in the page. Openers minus closers, times the length,
  estimates that rescanning; it is counted in linear time, before parsing;
- reading takes longer than its budget, ``seconds`` + ``seconds_per_mib`` per MiB. In the main
  thread a ``SIGALRM`` timer interrupts the tokenizer (its C code polls for signals); in any
  thread the walk checks the clock as it goes, so only the tokenizer itself is unbounded off the
  main thread, and the balance check above keeps it short;
- its markup nests deeper than ``max_depth`` (the tokenizer itself stops at 100 levels), and a
  ``RecursionError`` anywhere becomes a :class:`ReadError` too.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from dyad.read.errors import ReadError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one page may cost. MediaWiki itself refuses pages above 2 MiB."""

    max_bytes: int = 4 * MIB
    seconds: float = 3.0
    seconds_per_mib: float = 20.0
    max_depth: int = 200
    #: Refuse a page whose unclosed openers times its length exceeds this (the tokenizer's cost).
    max_rescan: int = 20_000_000

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


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise OutOfTime


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt whatever runs after ``seconds``, where a timer is ours to set.

    Only the main thread receives signals, and a timer someone else set (pytest-timeout, a
    server) is left alone; there the walk's own clock checks still bound the time.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    # The timer repeats: an exception raised where Python ignores it (a gc callback, __del__)
    # is lost, and the next tick tries again until the reader has stopped.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
