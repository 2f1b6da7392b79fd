"""A quality measure, not a timing: the headline "relations began" of USA-X against the Office of
the Historian's first establishment, for every country both cover.

Build the knowledge base without the Historian's files, then run this on it::

    dyad ingest --db /tmp/kb.db --workers 1 ../shared/corpus/foreign-relations-wikitext \\
        ../shared/corpus/bilateral-text
    python bench/headline_vs_historian.py /tmp/kb.db

The Historian's dates are read by the tests' independent TEI reading (``tests/historian.py``)
from ``tests/data/historyatstate-rdcr``. Prints the agreement (exact date, same year), the
ceiling (the Historian's date among any of Dyad's establishment facts), then every miss with its
cause and Dyad's dates (documents, mentions).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dyad.extract.states import default_gazetteer  # noqa: E402
from dyad.store import Store  # noqa: E402
from dyad.store.views import Fact  # noqa: E402
from historian import country, first_establishment  # noqa: E402


def _cause(facts: tuple[Fact, ...], date: str, year: str) -> str:
    top = facts[0].date or "" if facts else ""
    if not facts:
        return "no establishment in Dyad"
    if top[:4] == year:
        return "same year, another day or precision"
    if any((f.date or "")[:4] == year for f in facts[1:]):
        return "the Historian's year among the alternatives"
    return "the Historian's year not among Dyad's facts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--historian", type=Path, default=ROOT / "tests/data/historyatstate-rdcr")
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    store = Store(args.db)
    n = exact = year = among_exact = among_year = 0
    causes: Counter[str] = Counter()
    misses: list[str] = []
    for path in sorted(args.historian.glob("*.xml")):
        entry = first_establishment(path)
        state = gazetteer.lookup(country(path)) or gazetteer.lookup(path.stem.replace("-", " "))
        if entry is None or entry.date is None or state is None or state.code == "USA":
            continue
        facts = store.show(state.code, "USA").relations_began
        n += 1
        want, want_year = entry.date, str(entry.first)
        top = facts[0].date if facts else None
        exact += top == want
        year += bool(top) and (top or "")[:4] == want_year
        among_exact += any(f.date == want for f in facts)
        among_year += any((f.date or "")[:4] == want_year for f in facts)
        if top != want:
            cause = _cause(facts, want, want_year)
            causes[cause] += 1
            dates = [(f.date, len({s.document for s in f.sources}), len(f.sources)) for f in facts]
            misses.append(f"{state.code}\t{want}\t{cause}\t{dates[:4]}")
    print(f"countries compared: {n}")
    print(f"headline exact: {exact} ({exact / n:.1%}); same year: {year} ({year / n:.1%})")
    print(f"ceiling (among Dyad's facts): exact {among_exact}, year {among_year}")
    for cause, count in causes.most_common():
        print(f"  {count:3d}  {cause}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
