"""Named periods: "during the Korean War" -> 1950-06-25/1953-07-27, "after the war" -> 1953-07-27/..

A period's dates come from the document's own link preview when it has one (the Korean War's
preview, even as template residue, starts "date = 25 June 1950 – 27 July 1953"), else from
``data/periods.tsv``. "The war" alone means the last war the document named before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from dyad.extract.dates import find_dates
from dyad.model import Gloss

_PERIOD = re.compile(
    r"\b(?P<prep>(?i:during|in|after|before|since|following|throughout|until|by\s+the\s+end\s+of"
    r"|to|of|for))"
    # "the war", "the post-war" need their article; a named period may go without
    # ("in World War II").
    r"\s+(?:the\s+(?P<common>post-war|postwar|war)\b|(?:the\s+)?(?P<named>"
    r"(?:[A-Z][\w'’–-]*\s+){0,4}(?:War|Wars|Revolution|Crisis|Occupation|Split|Era|Period"
    r"|Depression|Spring|Uprising)(?:\s+I{1,3}\b)?"
    r"|(?:[A-Z][\w'’–-]*\s+){1,4}(?:war|split|period|era))\b)"
)
# Prepositions that place something inside a period; others ("to", "of", "for") only name it,
# so that "contributed to the post-war reconstruction" is dated after the war but "victims
# of the war" is not dated by it.
_NAMING_ONLY = frozenset({"to", "of", "for"})


def _norm(name: str) -> str:
    return " ".join(name.replace("–", "-").replace("—", "-").casefold().split())


@cache
def period_table() -> dict[str, str]:
    """The shipped periods, by normalised name and alias."""
    text = resources.files("dyad.extract").joinpath("data/periods.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        name, value = parts[0], parts[1]
        aliases = parts[2].split("|") if len(parts) > 2 and parts[2] else []
        for alias in (name, *aliases):
            table[_norm(alias)] = value
    return table


def gloss_periods(glosses: Sequence[Gloss]) -> dict[str, str]:
    """Periods whose preview opens with a date range (their anchor's name -> EDTF)."""
    out: dict[str, str] = {}
    for gloss in glosses:
        ranges = [d for d in find_dates(gloss.text[:300]) if d.kind == "range"]
        if ranges and re.search(r"War|war|Revolution|Crisis|Occupation|split", gloss.anchor):
            out[_norm(gloss.anchor)] = ranges[0].edtf
    return out


def find_periods(text: str, known: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Every "during/after/before the <period>" with the EDTF it stands for."""
    table = period_table()
    found: list[tuple[int, int, str]] = []
    last_war: str | None = None
    for m in _PERIOD.finditer(text):
        group = "common" if m.group("common") else "named"
        name = _norm(m.group(group))
        value = known.get(name) or table.get(name)
        if name in {"war", "post-war", "postwar"}:
            value = last_war
        if value is None:
            continue
        if "war" in name and name not in {"war", "post-war", "postwar"}:
            last_war = value
        prep = m.group("prep").split()[0].casefold()  # "After the war" opens a sentence
        if prep in _NAMING_ONLY and name not in {"post-war", "postwar"}:
            continue
        start = m.start(group) if prep in _NAMING_ONLY else m.start()
        found.append((start, m.end(), _relative(value, prep, name)))
    return found


def _relative(value: str, prep: str, name: str) -> str:
    """The time "<prep> the <period>" stands for, given the period's own ``value``: open
    after its end ("after", "following", "since", "post-war"), open before its start
    ("before"), its end ("by"), else the period itself ("during", "in")."""
    low, _, high = value.partition("/")
    high = high or low
    if prep in {"after", "following", "since"} or name in {"post-war", "postwar"}:
        return f"{high}/.." if high != ".." else f"{low}/.."
    if prep == "before":
        return f"../{low}"
    if prep == "by":
        return high
    return value
