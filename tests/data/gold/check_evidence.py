"""Check gold files: every evidence phrase occurs in the article's clean text.

Usage (from the repository root):
    PYTHONPATH=src python tests/data/gold/check_evidence.py [GOLD_FILE_OR_DIR ...]

Defaults to tests/data/gold/test/. The article is looked up as tests/data/text/<source>
(the copy kept beside the gold files). The clean text comes from dyad.read.read_file (the reader
only, no extraction). Matching follows spec/scoring.md: case-folded, white space collapsed, en and
em dashes equal to hyphens, curly quotes equal to straight ones. Also checks the shape of each
event (known type, directed events with source/target, reciprocal ones with actors, unique ids)
and that an evidence phrase does not span a paragraph break. Exit status 1 on any failure.
Standard library plus dyad.read only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from dyad.read import read_file

ROOT = Path(__file__).resolve().parents[3]
TEXT_DIR = ROOT / "tests" / "data" / "text"

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
CODE = re.compile(r"^[A-Z]{3}$")

_TRANS = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _WS.sub(" ", text.translate(_TRANS).casefold()).strip()


def check_file(path: Path) -> list[str]:
    problems: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = TEXT_DIR / gold["source"]
    if not article.exists():
        return [f"{path.name}: article {article} missing"]
    text = read_file(article).text
    norm = normalize(text)
    paragraphs = [normalize(p) for p in re.split(r"\n\s*\n", text)]
    ids = set()
    for ev in gold.get("events", []):
        eid = ev.get("id")
        where = f"{path.name} {eid}"
        if eid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(eid)
        if ev.get("type") not in TYPES:
            problems.append(f"{where}: unknown type {ev.get('type')!r}")
        for t in ev.get("alt_types", []):
            if t not in TYPES:
                problems.append(f"{where}: unknown alt type {t!r}")
        if ev.get("modality", "occurred") not in MODALITIES:
            problems.append(f"{where}: unknown modality {ev.get('modality')!r}")
        if "source" in ev or "target" in ev:
            if not (CODE.match(str(ev.get("source"))) and CODE.match(str(ev.get("target")))):
                problems.append(f"{where}: bad source/target")
        elif not ev.get("actors") or not all(CODE.match(a) for a in ev["actors"]):
            problems.append(f"{where}: reciprocal event without valid actors")
        elif ev["actors"] != sorted(ev["actors"]):
            problems.append(f"{where}: actors not sorted")
        phrase = normalize(ev.get("evidence", ""))
        if not phrase:
            problems.append(f"{where}: empty evidence")
        elif phrase not in norm:
            problems.append(f"{where}: evidence not in text: {ev['evidence']!r}")
        elif not any(phrase in p for p in paragraphs):
            problems.append(f"{where}: evidence spans a paragraph break: {ev['evidence']!r}")
    return problems


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [ROOT / "tests" / "data" / "gold" / "test"]
    files: list[Path] = []
    for t in targets:
        files.extend(sorted(t.glob("*.gold.json")) if t.is_dir() else [t])
    problems: list[str] = []
    for f in files:
        found = check_file(f)
        n = len(json.loads(f.read_text(encoding="utf-8")).get("events", []))
        print(f"{f.name}: {n} events, {'ok' if not found else f'{len(found)} problem(s)'}")
        problems.extend(found)
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
