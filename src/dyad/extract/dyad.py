"""Which states an article is about, from its title.

``"Mongolia–North Korea relations"`` and ``"Bilateral relations between Mexico and the Holy See
(1821–1855)"`` name a dyad; ``"Foreign relations of Georgia (country)"`` names one subject.

>>> dyad_from_title("IRAN–QATAR RELATIONS")
('IRN', 'QAT')
>>> subject_of_title("Foreign relations of the Netherlands")
'NLD'
"""

from __future__ import annotations

import re

from dyad.gazetteer import Gazetteer, State, default_gazetteer

__all__ = ["dyad_from_title", "subject_of_title"]

# En dash, em dash, figure dash, horizontal bar, minus: how Wikipedia joins the two states.
_JOINING_DASHES = "–—‒―−"
# Hyphen-minus and the Unicode hyphens: also inside names ("Guinea-Bissau", "Austria-Hungary").
_HYPHENS = "-‐‑"

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "(1821–1855)" at the end
_DASH_TITLE = re.compile(r"(?P<pair>.+?)\s+(?:bilateral\s+|diplomatic\s+)?relations", re.IGNORECASE)
_BETWEEN_TITLE = re.compile(
    r"(?:(?:bilateral|diplomatic|foreign)\s+)?relations\s+between\s+(?P<pair>.+)", re.IGNORECASE
)
_SUBJECT_TITLE = re.compile(
    r"(?:foreign|international|diplomatic)\s+(?:relations|policy)\s+of\s+(?P<subject>.+)",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def dyad_from_title(title: str, gazetteer: Gazetteer | None = None) -> tuple[str, str] | None:
    """The two states of an "X–Y relations" title as sorted codes, or ``None``.

    Accepts any dash between the two names (en dash, em dash, minus, hyphen), underscores for
    spaces, upper-cased titles, "(Bilateral) relations between X and Y" and a trailing qualifier
    in parentheses. Hyphens inside a name ("Guinea-Bissau–Portugal") are kept: the title is split
    where both sides are known names, preferring a true dash to a hyphen. A title that splits more
    than one way, names three states or one state twice gives ``None``.
    """
    gaz = gazetteer or default_gazetteer()
    text = _clean(title)
    if (match := _BETWEEN_TITLE.fullmatch(text)) is not None:
        splits = _splits(match["pair"], [m.span() for m in _AND.finditer(match["pair"])], gaz)
        return _pair(splits)
    if (match := _DASH_TITLE.fullmatch(text)) is not None:
        pair = match["pair"]
        for dashes in (_JOINING_DASHES, _HYPHENS):
            spans = [(i, i + 1) for i, ch in enumerate(pair) if ch in dashes]
            splits = _splits(pair, spans, gaz)
            if splits:
                return _pair(splits)
    return None


def subject_of_title(title: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The state of a "Foreign relations of X" (or "Foreign policy of X") title, or ``None``."""
    gaz = gazetteer or default_gazetteer()
    match = _SUBJECT_TITLE.fullmatch(" ".join(title.replace("_", " ").split()))
    if match is None:
        return None
    state = gaz.resolve(match["subject"])
    return state.code if state is not None else None


def _clean(title: str) -> str:
    text = " ".join(title.replace("_", " ").split())
    while (qualifier := _QUALIFIER.search(text)) is not None and qualifier.start() > 0:
        text = text[: qualifier.start()]
    return text


def _splits(pair: str, spans: list[tuple[int, int]], gaz: Gazetteer) -> set[tuple[str, str]]:
    """Every way of cutting ``pair`` at one of ``spans`` into two known, different states."""
    found: set[tuple[str, str]] = set()
    for start, end in spans:
        left, right = _state(pair[:start], gaz), _state(pair[end:], gaz)
        if left is not None and right is not None and left.code != right.code:
            first, second = sorted((left.code, right.code))
            found.add((first, second))
    return found


def _state(name: str, gaz: Gazetteer) -> State | None:
    name = name.strip()
    # Names only: a part of a title is never a code ("US–UK relations" resolves through the
    # variants "US" and "UK", not through ISO alpha-2).
    return gaz.lookup(name) if name else None


def _pair(splits: set[tuple[str, str]]) -> tuple[str, str] | None:
    return next(iter(splits)) if len(splits) == 1 else None
