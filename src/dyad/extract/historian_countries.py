"""The Office of the Historian's country names and ids -> state codes.

The Historian names a country by a short title ("Iran", "Benin (Dahomey)", "The Grand Duchy of
Tuscany*": the asterisk marks a former state) and a slug ("iran", "kingdom-of-yugoslavia",
"czechoslovakia-1993"). Each candidate is looked up in the gazetteer as a name, variant or
former name; demonyms and capitals are not accepted ("Nassau" is the duchy, not the capital of
the Bahamas). A name no candidate resolves stays unmapped, and its events are not stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.gazetteer import FormKind, Gazetteer
from dyad.gazetteer.names import name_key

USA = "USA"
_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:(?:grand\s+)?duchy|kingdom|republic|principality|free\s+state)\s+of\s+",
    re.IGNORECASE,
)
_NAMING = frozenset({FormKind.NAME, FormKind.VARIANT, FormKind.FORMER_NAME})


def candidates(name: str) -> Iterator[str]:
    """The forms of a Historian name worth looking up, most specific first."""
    base = name.rstrip("*").strip()
    if " " not in base:  # a slug: "czechoslovakia-1993" names Czechoslovakia until 1993
        base = re.sub(r"-\d{4}$", "", base).replace("-", " ")
    yield base
    outer = re.sub(r"\s*\([^)]*\)", "", base).strip()
    yield outer
    yield from re.findall(r"\(([^)]+)\)", base)
    for form in (base, outer):
        shorter = _PREFIXES.sub("", form)
        if shorter != form:
            yield shorter
    yield from re.split(r"\s*/\s*", outer)
    # What a slug lost: "micronesia federated states of", "cote divoire".
    inverted = re.fullmatch(r"(\w+) (.+ of)", outer)
    if inverted:
        yield f"{inverted[2]} {inverted[1]}"
    yield re.sub(r"\bd([aeiou]\w{3,})", r"d'\1", outer)


def country_code(names: list[str], gazetteer: Gazetteer) -> str | None:
    """The code of the first of ``names`` (title, then slug) that a candidate resolves."""
    for name in names:
        for candidate in candidates(name):
            state = gazetteer.lookup(candidate) if candidate else None
            if state is not None and _named(state.forms(), candidate):
                return state.code
    return None


def _named(forms: Iterator[tuple[str, FormKind]], candidate: str) -> bool:
    key = name_key(candidate)
    return any(kind in _NAMING and name_key(form) == key for form, kind in forms)
