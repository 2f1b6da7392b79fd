"""Event scales from CAMEO: the Goldstein score, the quad class and the PLOVER category of an
event type, as ICEWS, GDELT and PLOVER users expect them beside each event.

Each type of the vocabulary names its closest CAMEO code (``dyad.vocabulary``); the scales are
looked up by that code in tables kept as data (``data/cameo-goldstein.tsv``, sources in
``data/NOTICE``):

* **Goldstein score** (-10 conflict .. +10 cooperation): the CAMEO-Goldstein table as the
  CAMEO codebook publishes it (Parus Analytics' CAMEO event codes with their Goldstein weights,
  as andybega/icews ships them, MIT);
* **quad class** from the CAMEO root code (its first two digits), as GDELT and ICEWS define it:
  1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
  4 material conflict (14-20);
* **PLOVER category**: the vocabulary's own (docs/spec/vocabulary.md).

A type without a CAMEO code (``migration``), or whose code the table lacks, has no scale
(``None``): an unknown is never a zero, and a new type added to the vocabulary before the table
is updated still exports.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.vocabulary import EVENT_TYPES

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO-Goldstein table."""

    code: str
    goldstein: float
    name: str


@dataclass(frozen=True, slots=True)
class Scale:
    """The scales of one event type (each ``None`` when not known)."""

    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    plover: str | None


@cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code of the shipped table, by code (text: ``"010"`` is not ``"10"``)."""
    text = (resources.files("dyad.export") / "data" / "cameo-goldstein.tsv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    return {r["code"]: CameoCode(r["code"], float(r["goldstein"]), r["name"]) for r in rows}


def quad_class(cameo: str | None) -> int | None:
    """The quad class of a CAMEO code from its root (first two digits)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def goldstein(cameo: str | None) -> float | None:
    if not cameo:
        return None
    row = cameo_table().get(cameo)
    return row.goldstein if row is not None else None


@cache
def scale(event_type: str) -> Scale:
    """The scales of an event type; every part ``None`` for a type the vocabulary lacks."""
    vocab = EVENT_TYPES.get(event_type)
    if vocab is None:
        return Scale(None, None, None, None)
    return Scale(vocab.cameo, goldstein(vocab.cameo), quad_class(vocab.cameo), vocab.plover)
