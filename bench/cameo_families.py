"""What the converted CAMEO verb patterns add to the scores on annotated articles, per family.

Run ``python bench/cameo_families.py [GOLD_DIR ...]`` (default: ``tests/data/gold``). Each gold
file's article is looked for beside the gold folder (``../text``, ``../markdown``,
``../wikitext``; the seed is ``tests/data/seed``). For each family of the patterns' types
(``conflict``, ``protest``, ...) the articles are extracted with the rules and that family's
patterns alone, and the pooled event precision and recall are printed next to the rules without
any pattern; then with every pattern. Also listed: each event a pattern made, right or wrong.
Never give it a held-out test folder: no rule may be tuned on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dyad.evaluate import score
from dyad.extract.cameo.verbs import (
    NO_VERB_PATTERNS,
    VerbPatterns,
    all_verb_patterns,
    verb_patterns,
)
from dyad.extract.pipeline import extract
from dyad.read import read_file
from dyad.records import extraction_records

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {
    "bilateral-text": "text",
    "bilateral-markdown": "markdown",
    "foreign-relations-wikitext": "wikitext",
    "foreign-relations-text-2019": "text",
}


def _article(gold: dict[str, Any], gold_dir: Path) -> Path | None:
    if "path" not in gold:
        return ROOT / "examples" / "Mongolia–North_Korea_relations.infolist.txt"
    folder, name = gold["path"].split("/", 1)
    data = gold_dir.parent if gold_dir.name == "gold" else gold_dir.parent.parent
    path = data / FOLDERS.get(folder, folder) / name
    return path if path.exists() else None


def _cases(dirs: Iterable[Path]) -> list[tuple[str, dict[str, Any], Path]]:
    cases = []
    for folder in dirs:
        if "test" in folder.parts:
            raise SystemExit(f"{folder}: a held-out test folder; tune on development data only")
        for file in sorted(folder.glob("*.json")):
            gold = json.loads(file.read_text(encoding="utf-8"))
            for event in gold.get("events", []):  # some files write persons as objects
                event["persons"] = [
                    p["name"] if isinstance(p, dict) else p for p in event.get("persons", [])
                ]
            article = _article(gold, folder)
            if article is not None:
                cases.append((file.name, gold, article))
    return cases


def _run(
    cases: Sequence[tuple[str, dict[str, Any], Path]], verbs: VerbPatterns
) -> tuple[int, int, int, int, list[tuple[str, str, bool]]]:
    """Pooled (correct predictions, predictions, found gold, required gold) and the pattern
    events as (rule, evidence, right)."""
    correct = predicted = found = required = 0
    made: list[tuple[str, str, bool]] = []
    for _, gold, article in cases:
        records = extraction_records(extract(read_file(article), verbs=verbs))
        report = score(gold, records).events
        correct += report["precision"]["correct"]
        predicted += report["precision"]["total"]
        found += report["recall"]["correct"]
        required += report["recall"]["total"]
        right = {m["predicted"] for m in report["matches"]}
        for r in records:
            if r.get("kind") == "event" and str(r.get("rule", "")).startswith("cameo."):
                evidence = (r.get("evidence") or {}).get("text", "")
                made.append(
                    (f"{r['rule']} {r['type']} {r.get('actors')}", evidence, r["id"] in right)
                )
    return correct, predicted, found, required, made


def _line(label: str, figures: tuple[int, int, int, int, Any]) -> str:
    c, p, f, r, _ = figures
    return f"{label:<24} P {c}/{p} = {c / max(p, 1):.3f}   R {f}/{r} = {f / max(r, 1):.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[ROOT / "tests" / "data" / "gold"])
    parser.add_argument("--events", action="store_true", help="list each pattern event")
    args = parser.parse_args(argv)
    cases = _cases(args.gold)
    print(f"{len(cases)} annotated articles")
    base = _run(cases, NO_VERB_PATTERNS)
    print(_line("rules only", base))
    every = all_verb_patterns()
    families = sorted({r.rule.type.split(".")[0] for r in every.rules})
    for family in families:
        figures = _run(cases, every.only([family]))
        print(_line(f"+ {family}", figures), f"  pattern events {len(figures[4])}")
        if args.events:
            for rule, evidence, right in figures[4]:
                print(f"    {'ok ' if right else 'BAD'} {rule}: {evidence[:140]}")
    print(_line("+ every pattern", _run(cases, every)))
    print(_line("+ kept families", _run(cases, verb_patterns())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
