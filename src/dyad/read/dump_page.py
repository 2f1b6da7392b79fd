"""What a dump page is: the :class:`Page` record, the site's namespaces, title rules, redirects.

MediaWiki compares titles with underscores as spaces and the first letter in any case
(:func:`normalize_title`); a redirect is a page whose text starts with ``#REDIRECT [[Target]]``
in any case, or a localised magic word (:func:`redirect_target`), when the dump does not say so
with a ``<redirect>`` element.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dyad.read.errors import ReadError

__all__ = [
    "Page",
    "SiteInfo",
    "closest_titles",
    "normalize_title",
    "redirect_target",
    "unknown_title",
]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a dump with its latest revision.

    ``ns`` is the namespace number (0 for articles); ``redirect`` is the title the page
    redirects to, from the ``<redirect>`` element or a ``#REDIRECT [[...]]`` first line.
    ``page_id``, ``revision_id``, ``timestamp``, ``model`` and ``format`` are ``None`` when
    the dump does not give them.
    """

    title: str
    ns: int
    page_id: int | None
    revision_id: int | None
    timestamp: str | None
    text: str
    redirect: str | None = None
    model: str | None = None
    format: str | None = None

    @property
    def is_redirect(self) -> bool:
        return self.redirect is not None

    @property
    def is_article(self) -> bool:
        """In the article namespace and not a redirect."""
        return self.ns == 0 and self.redirect is None


# Namespace names every MediaWiki knows, used for titles that come without <ns> when the
# dump's <siteinfo> does not list its own names.
_CANONICAL_NAMESPACES = {
    "media": -2,
    "special": -1,
    "talk": 1,
    "user": 2,
    "user talk": 3,
    "project": 4,
    "project talk": 5,
    "file": 6,
    "image": 6,
    "file talk": 7,
    "image talk": 7,
    "mediawiki": 8,
    "mediawiki talk": 9,
    "template": 10,
    "template talk": 11,
    "help": 12,
    "help talk": 13,
    "category": 14,
    "category talk": 15,
    "module": 828,
    "module talk": 829,
}


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What the dump's header says: its namespaces (number -> prefix) and schema version."""

    namespaces: Mapping[int, str] = field(default_factory=dict)
    version: str | None = None
    dbname: str | None = None

    def namespace_of(self, title: str) -> int:
        """The namespace a title's prefix names (``"Talk:Foo"`` -> 1); 0 when it names none."""
        prefix, colon, _ = title.partition(":")
        if not colon:
            return 0
        key = " ".join(prefix.replace("_", " ").split()).casefold()
        for number, name in self.namespaces.items():
            if name and name.casefold() == key:
                return number
        return _CANONICAL_NAMESPACES.get(key, 0)


def normalize_title(title: str) -> str:
    """The form MediaWiki compares titles in: underscores as spaces, one space, capital first."""
    title = " ".join(title.replace("_", " ").split())
    return title[:1].upper() + title[1:]


def closest_titles(wanted: str, titles: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` titles most like ``wanted`` (difflib ratio of at least 0.6), in one pass."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted.casefold())
    best: list[tuple[float, str]] = []
    cutoff = 0.6
    seen: set[str] = set()
    for title in titles:
        matcher.set_seq1(title.casefold())
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (score := matcher.ratio()) >= cutoff
            and title not in seen
        ):
            seen.add(title)
            heapq.heappush(best, (score, title))
            if len(best) > n:
                seen.discard(heapq.heappop(best)[1])
            if len(best) == n:
                cutoff = max(cutoff, best[0][0])
    return [title for _, title in sorted(best, reverse=True)]


def unknown_title(path: str | Path, title: str, titles: Iterable[str]) -> ReadError:
    """The error for a title the dump lacks, naming the closest of ``titles`` (read in one pass)."""
    close = closest_titles(title, titles)
    hint = "; did you mean " + ", ".join(repr(t) for t in close) + "?" if close else ""
    return ReadError(path, f"no page titled {title!r}{hint}")


# Redirect magic words: English and the commonest localised aliases (MediaWiki's
# MessagesXx.php files); matched case-insensitively at the start of the text.
_REDIRECT_WORDS = (
    "REDIRECT",
    "REDIRECTION",
    "REDIRECCIÓN",
    "REDIRECCION",
    "REDIRECIONAMENTO",
    "REDIRECT",
    "WEITERLEITUNG",
    "RINVIA",
    "RINVIO",
    "DOORVERWIJZING",
    "PATRZ",
    "PRZEKIERUJ",
    "PŘESMĚRUJ",
    "PRESMERUJ",
    "OMDIRIGERING",
    "OHJAUS",
    "UUDELLEENOHJAUS",
    "ÁTIRÁNYÍTÁS",
    "YÖNLENDİRME",
    "YÖNLENDİR",
    "PĀRADRESĀCIJA",
    "PĀRSŪTĪT",
    "NUKREIPIMAS",
    "ПЕРЕНАПРАВЛЕНИЕ",
    "ПЕРЕНАПР",
    "ПЕРЕНАПРАВЛЕННЯ",
    "ПЕРЕНАПРАВЯНЕ",
    "ПРЕУСМЕРИ",
    "ΑΝΑΚΑΤΕΥΘΥΝΣΗ",
    "הפניה",
    "تحويل",
    "تغییرمسیر",
    "अनुप्रेषित",
    "重定向",
    "転送",
    "リダイレクト",
    "넘겨주기",
)
_REDIRECT_TEXT = re.compile(
    r"\A\s*#(?:"
    + "|".join(sorted({re.escape(w) for w in _REDIRECT_WORDS}, key=len, reverse=True))
    + r")\s*:?\s*\[\[([^\[\]|\n]*)",
    re.IGNORECASE,
)


def redirect_target(text: str) -> str | None:
    """The target of a ``#REDIRECT [[Target]]`` text (any case, common languages), else ``None``."""
    match = _REDIRECT_TEXT.match(text)
    if match is None:
        return None
    target = match.group(1).partition("#")[0].lstrip(":")
    target = " ".join(target.replace("_", " ").split())
    return target or None
