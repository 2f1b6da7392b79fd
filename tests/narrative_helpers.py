"""Extraction of a short text as the tests of narrative rules read it: a page titled
``title`` (its dyad and subject come from the title) whose body is ``body``."""

from __future__ import annotations

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_text


def text_events(title: str, body: str) -> list[Event]:
    """The events extracted from ``body`` as the plain-text page ``title``."""
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    return list(extract(doc).events)
