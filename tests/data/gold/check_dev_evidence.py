"""Check the development gold files: every evidence phrase must occur in its article's clean text.

Usage (from the repository root):

    PYTHONPATH=src python tests/data/gold/check_dev_evidence.py [GOLD ...]

Without arguments it checks every ``tests/data/gold/dev/*.gold.json``. Each article is read from
``tests/data/text/<source>`` with ``dyad.read.read_file``; phrases are compared after the scoring
normalisation (case-folded, runs of white space collapsed, en/em and other dashes equal to a
hyphen, curly quotes equal to straight ones). When a gold file has a ``"scope"``, each part is
located as ``dyad.evaluate.scope_spans`` does (its ``from`` words, then its ``to`` words after
them, white space loose) and every phrase must lie inside one of the parts.

Uses the standard library and ``dyad.read`` only. Exits 1 when anything fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from dyad.read import read_file

HERE = Path(__file__).resolve().parent
TEXT_DIR = HERE.parent / "text"
DEV_DIR = HERE / "dev"

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201a"): "'",
    ord("\u201b"): "'",
    ord("\u2032"): "'",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("\u201f"): '"',
    ord("\u2033"): '"',
}

TYPES = {
    "recognition.granted",
    "recognition.withdrawn",
    "relations.established",
    "relations.upgraded",
    "relations.downgraded",
    "relations.severed",
    "relations.suspended",
    "relations.restored",
    "relations.improved",
    "relations.deteriorated",
    "mission.opened",
    "mission.closed",
    "envoy.recalled",
    "envoy.summoned",
    "diplomats.expelled",
    "visit",
    "meeting",
    "invitation",
    "agreement.signed",
    "agreement.terminated",
    "aid.provided",
    "cooperation.economic",
    "cooperation.military",
    "cooperation.other",
    "sanctions.imposed",
    "sanctions.lifted",
    "asylum.granted",
    "migration",
    "protest",
    "statement",
    "conflict.armed",
}
MODALITIES = {"occurred", "planned", "cancelled", "negated", "hypothetical"}
CODE = re.compile(r"[A-Z]{3}")


def normalise(text: str) -> str:
    """Case-fold, unify dashes and quotes, collapse white space."""
    text = text.translate(_DASHES).translate(_QUOTES).casefold()
    return " ".join(text.split())


def _loose(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in phrase.split()))


def scope_parts(gold: dict, text: str) -> list[str] | None:
    """The scoped parts of ``text`` (raw), or None when the gold file has no scope."""
    scope = gold.get("scope")
    if not scope:
        return None
    parts = []
    for part in scope:
        first = _loose(part["from"]).search(text)
        if first is None:
            raise ValueError(f"scope start not found: {part['from']!r}")
        last = _loose(part["to"]).search(text, first.start())
        if last is None:
            raise ValueError(f"scope end not found after its start: {part['to']!r}")
        parts.append(text[first.start() : last.end()])
    return parts


def check(gold_path: Path) -> list[str]:
    """The problems found in one gold file (empty when it passes)."""
    problems = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = TEXT_DIR / gold["source"]
    if not article.is_file():
        return [f"article not found: {article}"]
    text = read_file(article).text
    whole = normalise(text)
    try:
        parts = scope_parts(gold, text)
    except ValueError as err:
        return [str(err)]
    scoped = None if parts is None else [normalise(p) for p in parts]
    seen = set()
    for event in gold.get("events", []):
        eid = event.get("id", "?")
        if eid in seen:
            problems.append(f"{eid}: duplicate id")
        seen.add(eid)
        if event.get("type") not in TYPES:
            problems.append(f"{eid}: unknown type {event.get('type')!r}")
        for alt in event.get("alt_types", []):
            if alt not in TYPES:
                problems.append(f"{eid}: unknown alt_type {alt!r}")
        if event.get("modality", "occurred") not in MODALITIES:
            problems.append(f"{eid}: unknown modality {event.get('modality')!r}")
        states = [
            s
            for s in [event.get("source"), event.get("target"), *event.get("actors", [])]
            if s is not None
        ]
        for state in states:
            if not CODE.fullmatch(state):
                problems.append(f"{eid}: bad state code {state!r}")
        if "actors" in event and event["actors"] != sorted(event["actors"]):
            problems.append(f"{eid}: actors not sorted")
        phrase = normalise(event.get("evidence", ""))
        if not phrase:
            problems.append(f"{eid}: empty evidence")
        elif phrase not in whole:
            problems.append(f"{eid}: evidence not in text: {event['evidence']!r}")
        elif scoped is not None and not any(phrase in part for part in scoped):
            problems.append(f"{eid}: evidence outside the scope: {event['evidence']!r}")
    for tenure in gold.get("tenures", []):
        if "evidence" in tenure and normalise(tenure["evidence"]) not in whole:
            problems.append(f"tenure {tenure.get('person')!r}: evidence not in text")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(DEV_DIR.glob("*.gold.json"))
    failed = 0
    for path in paths:
        problems = check(path)
        events = len(json.loads(path.read_text(encoding="utf-8")).get("events", []))
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {path.name} ({events} events)")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"{len(paths) - failed}/{len(paths)} gold files pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
