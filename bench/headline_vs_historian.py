"""A quality measure, not a timing: the headline "relations began" of USA-X against the Office of
the Historian's first establishment, for every country both cover.

Build the knowledge base without the Historian's files, then run this on it::

    dyad ingest --db /tmp/kb.db --workers 1 ../shared/corpus/foreign-relations-wikitext \\
        ../shared/corpus/bilateral-text
    python bench/headline_vs_historian.py /tmp/kb.db

The Historian's dates are read by the tests' independent TEI reading (``tests/historian.py``)
from ``tests/data/historyatstate-rdcr``. Prints the agreement (exact date; exact at the
Historian's precision, where a date within the year it gives alone counts; same year) over every
Historian file the gazetteer knows and over the countries both cover (Dyad has an
establishment for the pair), the ceiling (the Historian's date among any of Dyad's
establishment facts), then every miss with its cause and Dyad's dates with their support
(documents, mentions: ``store/headline.py``); ``--evidence`` lists under each miss every date
with its sources (page, rule, text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dyad.store import Store  # noqa: E402
from dyad.store.headline import of_another_act, support  # noqa: E402
from historian import Miss, headline_agreement  # noqa: E402


def _cause(miss: Miss) -> str:
    year = miss.want[:4]
    if not miss.began:
        return "no establishment in Dyad"
    top = miss.began[0] or ""
    if top.startswith(miss.want):
        return "same year: the Historian gives the year only, Dyad a date within it"
    if miss.want.startswith(top):
        return "same year: Dyad gives the year only"
    if top[:4] == year:
        return "same year, another day"
    if any((d or "")[:4] == year for d in miss.began[1:]):
        return "the Historian's year among the alternatives"
    return "the Historian's year not among Dyad's facts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--historian", type=Path, default=ROOT / "tests/data/historyatstate-rdcr")
    parser.add_argument(
        "--evidence",
        action="store_true",
        help="under each miss, every establishment date Dyad holds with its support and sources",
    )
    args = parser.parse_args()
    store = Store(args.db)
    found = headline_agreement(store, args.historian)
    n, covered = found.compared, found.covered
    print(f"countries compared: {n}; both cover (Dyad has an establishment): {covered}")
    print(
        f"headline exact: {found.exact} ({found.exact / n:.1%} of all, "
        f"{found.exact / covered:.1%} of both cover); same year: {found.year} "
        f"({found.year / n:.1%}, {found.year / covered:.1%})"
    )
    print(
        f"exact at the Historian's precision (its date, or a finer date within its year-only "
        f"date): {found.at_precision} ({found.at_precision / n:.1%}, "
        f"{found.at_precision / covered:.1%})"
    )
    print(
        f"agrees (one date contains the other: a year and a day in it): {found.agrees} "
        f"({found.agrees / n:.1%}, {found.agrees / covered:.1%})"
    )
    print(f"ceiling (among Dyad's facts): exact {found.among_exact}, year {found.among_year}")
    causes = Counter(_cause(m) for m in found.misses)
    for cause, count in causes.most_common():
        print(f"  {count:3d}  {cause}")
    for miss in found.misses:
        facts = store.show(miss.code, "USA").relations_began
        weights = support(facts)
        dates = [(f.date, weights[f.id].documents, weights[f.id].mentions) for f in facts]
        print(f"{miss.code}\t{miss.file}\t{miss.want}\t{_cause(miss)}\t{dates[:4]}")
        if args.evidence:
            for fact in facts:
                found = weights[fact.id]
                print(f"    {fact.date}: {found.documents} documents, {found.mentions} mentions")
                for source in fact.sources:
                    other = " (another act: no support)" if of_another_act(source) else ""
                    print(f"      {source.date}\t{source.title}\t{source.rule}{other}")
                    print(f"        {source.text[:200]!r}")


if __name__ == "__main__":
    main()
