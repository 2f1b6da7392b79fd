"""Where a document can be found, as an export may say it: public locations only.

A document read from a URL keeps its URL. One read from a local file is named by its file name
alone: the path (``/work/shared/...``, ``../shared/...``) says where it sat on one machine, is
of no use to anyone else and leaks a directory layout, so no export carries it. Documents read
as Wikipedia pages (wikitext, TheInfoList's copies) also get the live article's URL on the
English Wikipedia from their title, so a reader can follow evidence to the article (the live
page: the stored documents keep no revision id).
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

WIKIPEDIA = "https://en.wikipedia.org/wiki/"
# Formats whose documents are English Wikipedia articles by their title: wikitext pages and
# TheInfoList's copies. Dumps (any wiki, any language), plain text and Markdown (any origin)
# get no guessed URL.
WIKIPEDIA_FORMATS = frozenset({"wikitext", "infolist"})


def public_source(source: str | None) -> str | None:
    """A URL as it is; a local path as its file name (``None`` for nothing)."""
    if not source:
        return None
    if source.startswith(("http://", "https://")):
        return source
    name = PurePath(source.replace("\\", "/")).name
    return name or None


def article_url(title: str, fmt: str, source: str | None = None) -> str | None:
    """The article's URL: the source itself when it is one on Wikipedia, else the English
    Wikipedia's URL for the title of a document in a Wikipedia format."""
    if source and source.startswith(("https://en.wikipedia.org/", "http://en.wikipedia.org/")):
        return source
    if fmt not in WIKIPEDIA_FORMATS or not title.strip():
        return None
    return WIKIPEDIA + quote(title.strip().replace(" ", "_"), safe="_,()'!-.:")
