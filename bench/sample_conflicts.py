"""A quality measure, not a timing: a random sample of conflicts to judge by hand (issue 9).

A conflict is one event of a pair (the same type) given different dates by different sources.
This prints ``--n`` of a knowledge base's conflicts drawn at random, each value with its date
and every evidence behind it, as Markdown. A judge marks each conflict a *real disagreement*
(the sources themselves give different dates for the same act) or an *error* (Dyad misread a
source: another act, another pair, a wrong date), with the cause::

    python bench/sample_conflicts.py --db corpus.db --seed 1 --n 30
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from dyad.store import Store
from dyad.store.views import Conflict


def _lines(number: int, conflict: Conflict) -> list[str]:
    lines = [f"{number}. **{conflict.a}-{conflict.b}** `{conflict.type}`"]
    for value in conflict.values:
        lines.append(f"   - **{value.date}** ({value.modality})")
        for source in value.sources:
            text = " ".join(source.text.split())
            lines.append(f"     - {source.title} [{source.rule}]: {text[:300]}")
    return lines


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--db", type=Path, required=True, help="the knowledge base")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--n", type=int, default=30, help="conflicts to draw")
    args = options.parse_args()
    with Store(args.db, readonly=True) as store:
        conflicts = store.conflicts(limit=1_000_000)
    drawn = random.Random(args.seed).sample(conflicts, min(args.n, len(conflicts)))
    print(f"# {len(drawn)} of {len(conflicts)} conflicts in {args.db.name}, seed {args.seed}\n")
    for number, conflict in enumerate(drawn, 1):
        print("\n".join(_lines(number, conflict)))


if __name__ == "__main__":
    main()
