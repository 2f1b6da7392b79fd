"""Wikidata items of states (``data/wikidata-states.tsv``; its source is in ``data/NOTICE``)."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def state_qids() -> dict[str, str]:
    """Gazetteer code -> Wikidata Q-id, for every state the table knows."""
    text = (resources.files("dyad.export") / "data" / "wikidata-states.tsv").read_text("utf-8")
    return {r["code"]: r["wikidata"] for r in csv.DictReader(io.StringIO(text), delimiter="\t")}


def state_qid(code: str) -> str | None:
    return state_qids().get(code)
