"""Which reader fits a file: decided from its content, the file name only breaking ties."""

from __future__ import annotations

import re
import stat
from pathlib import Path

FORMATS = ("infolist", "wikitext", "markdown", "text", "html", "historian", "pocom", "dump")

_BZ2_MAGIC = b"BZh"
_GZIP_MAGIC = b"\x1f\x8b"
_INFOLIST_CHROME = re.compile(r"^\s*(HOME|TheInfoList|OR:)\s*$", re.MULTILINE)
# The Office of the Historian's files: TEI relations timelines and chiefs-of-mission lists.
_TEI = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<TEI\s[^>]*xmlns=\"http://www\.tei-c\.org/ns/1\.0\"")
_POCOM = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<country-mission>")
_HTML = re.compile(r"^\s*(<!DOCTYPE html|<html[\s>])", re.IGNORECASE)
_WIKI_MARKUP = re.compile(
    r"\[\[[^\]\n]+\]\]|\{\{[^{}\n]*\}\}|^={2,6}[^=\n]+={2,6}\s*$|^\{\||^\|-", re.MULTILINE
)
# What pandoc's plain text has and wikitext has not: grid tables, "-   " bullets, "[n] " notes.
_PLAIN_TEXT = re.compile(r"^(?:\+-{3,}|-   \S|\[\d+\] )", re.MULTILINE)
_MD_LINK = re.compile(r"\]\((?:/wiki/|https?://)[^)\s]*(?: \"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)


def is_dump(path: Path) -> bool:
    """A MediaWiki XML export, plain, bz2- or gzip-compressed (judged from the first bytes).

    Only a regular file can be one: a FIFO or a device is never opened here.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if head.startswith(_BZ2_MAGIC):
        return True
    if head.startswith(_GZIP_MAGIC):
        import gzip
        import zlib

        try:
            with gzip.open(path, "rb") as fh:
                head = fh.read(4096)
        except (OSError, EOFError, zlib.error):
            return False
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml"):
        return b"<mediawiki" in head
    return stripped.startswith(b"<mediawiki")


def detect_format(text: str, name: str = "") -> str:
    """One of the single-article formats, from the text (and the file name's extension)."""
    head = text[:20000]
    if _TEI.match(head):
        return "historian"
    if _POCOM.match(head):
        return "pocom"
    if _HTML.match(head):
        return "html"
    if len(_INFOLIST_CHROME.findall(head[:2000])) >= 2:
        return "infolist"
    suffix = Path(name).suffix.lower()
    wiki = len(_WIKI_MARKUP.findall(head))
    md = len(_MD_LINK.findall(head)) + len(_MD_HEADING.findall(head))
    if len(_PLAIN_TEXT.findall(text[:200000])) > wiki:
        return "text"
    if head.startswith("---\n") and md:
        return "markdown"
    if wiki >= 3 and wiki >= md:
        return "wikitext"
    if md >= 3:
        return "markdown"
    if suffix in {".wiki", ".wikitext", ".mediawiki"}:
        return "wikitext"
    if suffix in {".html", ".htm"}:
        return "html"
    return "text"
