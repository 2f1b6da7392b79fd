"""A quality measure, not a timing: a random sample of the learned stage's events for judging.

    python bench/sample_learned.py SEED [--pages 40] [--events 40]

Draws ``--pages`` "Foreign relations of X" wikitext pages that no gold file annotates (so the
model was never fitted to them), extracts them as ``dyad extract`` does, and prints
``--events`` of their ``learned.*`` events at random: page, type, direction, pair, date,
confidence and the evidence sentence, numbered for a judgement by the spec. Samples and their
judgements are kept in ``bench/samples/learned-seed<SEED>.md``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from dyad.extract.learned.stage import RULE_PREFIX
from dyad.extract.pipeline import extract
from dyad.read import read_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "foreign-relations-wikitext"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("seed", type=int)
    options.add_argument("--pages", type=int, default=40)
    options.add_argument("--events", type=int, default=40)
    args = options.parse_args()
    taken = {
        Path(json.loads(p.read_text(encoding="utf-8")).get("path") or "-").name
        for p in (ROOT / "tests" / "data" / "gold").rglob("*.gold.json")
    }
    pages = [p for p in sorted(CORPUS.glob("*.wiki")) if p.name not in taken]
    rng = random.Random(args.seed)
    rng.shuffle(pages)
    found = []
    for page in pages[: args.pages]:
        for ev in extract(read_file(page)).events:
            if ev.rule.startswith(RULE_PREFIX):
                found.append((page.stem, ev))
    rng.shuffle(found)
    print(f"{len(found)} learned events on {args.pages} pages (seed {args.seed})")
    for i, (page, ev) in enumerate(found[: args.events], 1):
        print(
            f"#{i} [{page}] {ev.type} {ev.source}->{ev.target} {ev.actors} {ev.date}"
            f" p={ev.confidence}\n    {ev.evidence.text[:400]}"
        )


if __name__ == "__main__":
    main()
