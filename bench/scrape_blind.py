"""The scrape reader on pages it was never tuned on: a blind measure (issue 10).

Draws ``--n`` of the corpus's "Foreign relations of X" wikitext pages with ``--seed``, leaving
out the pages of the test scrapes (``tests/scrape_maker.PAGES``) and every earlier draw kept in
``bench/scrape_draws.txt``; builds each page's scrape and gold as ``tests/scrape_maker.py``
does (real 2019 previews, residue and all); reads it; and prints the totals the scrape tests
count (``tests/scrape_score.py``): link lines separated with the right anchor (and flagged
right), paragraphs exact, list items found, residue in the text, pages whose section titles
are right. The totals come first, before any page is looked at: that is the untuned figure.
``--show`` then prints each miss; ``--record`` adds the draw to ``scrape_draws.txt`` so that no
later draw uses its pages again; ``--out DIR`` keeps the built pages.

    PYTHONPATH=src .venv/bin/python bench/scrape_blind.py --seed 777 --n 20 --record
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from dyad.read import read_file  # noqa: E402
from scrape_maker import PAGES, SHARED, gold, load_abstracts, render  # noqa: E402
from scrape_score import PageScore, score_page  # noqa: E402

DRAWS = Path(__file__).resolve().parent / "scrape_draws.txt"


def earlier_draws() -> set[str]:
    """Pages of every recorded draw (lines ``seed <n>: <page> <page> ...``)."""
    if not DRAWS.exists():
        return set()
    pages: set[str] = set()
    for line in DRAWS.read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            pages.update(line.split(":", 1)[1].split())
    return pages


def draw(shared: Path, seed: int, n: int) -> list[str]:
    names = sorted(p.stem for p in (shared / "foreign-relations-wikitext").glob("*.wiki"))
    left = [name for name in names if name not in set(PAGES) | earlier_draws()]
    return sorted(random.Random(seed).sample(left, min(n, len(left))))


def build_and_score(shared: Path, pages: list[str], out: Path) -> dict[str, PageScore]:
    abstracts = load_abstracts(shared / "abstracts" / "abstracts-2019.jsonl.gz")
    scores = {}
    for name in pages:
        page = render(read_file(shared / "foreign-relations-wikitext" / f"{name}.wiki"), abstracts)
        path = out / f"{name}.infolist.txt"
        path.write_text("\n".join(page.lines) + "\n", encoding="utf-8")
        record = gold(page, path.name)
        (out / f"{name}.gold.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        scores[name] = score_page(read_file(path), record)
    return scores


def totals(scores: dict[str, PageScore]) -> str:
    s = list(scores.values())
    links, right = sum(x.links for x in s), sum(x.links_right for x in s)
    paragraphs = sum(x.paragraphs for x in s)
    return (
        f"{len(s)} pages: previews separated {right}/{links} ({100 * right / max(links, 1):.1f}%),"
        f" flagged right {sum(x.flagged_right for x in s)}/{right};"
        f" paragraphs exact {sum(x.paragraphs_exact for x in s)}/{paragraphs};"
        f" list items missing {sum(len(x.items_missing) for x in s)};"
        f" residue in text {sum(len(x.residue) for x in s)};"
        f" sections right {sum(x.sections_right for x in s)}/{len(s)} pages"
    )


def show(scores: dict[str, PageScore]) -> None:
    for name, x in scores.items():
        misses = [f"  link  {a!r} | {p!r}" for a, p in x.link_misses]
        misses += [f"  para  {p!r}" for p in x.paragraph_misses]
        misses += [f"  item  {p!r}" for p in x.items_missing]
        misses += [f"  residue {r!r}" for r in x.residue]
        misses += [] if x.sections_right else ["  sections differ"]
        if misses:
            print(name, *misses, sep="\n")


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--shared", type=Path, default=SHARED)
    options.add_argument("--seed", type=int, required=True)
    options.add_argument("--n", type=int, default=20)
    options.add_argument("--pages", nargs="*", help="these pages instead of a draw")
    options.add_argument("--show", action="store_true", help="print each miss")
    options.add_argument("--record", action="store_true", help="add the draw to scrape_draws.txt")
    options.add_argument("--out", type=Path, help="keep the built pages here")
    arguments = options.parse_args(argv)
    pages = arguments.pages or draw(arguments.shared, arguments.seed, arguments.n)
    print(f"seed {arguments.seed}: {' '.join(pages)}")
    with tempfile.TemporaryDirectory() as temporary:
        out = arguments.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        scores = build_and_score(arguments.shared, pages, out)
    print(totals(scores))
    if arguments.record and not arguments.pages:
        with DRAWS.open("a", encoding="utf-8") as draws:
            draws.write(f"seed {arguments.seed}: {' '.join(pages)}\n")
    if arguments.show:
        show(scores)


if __name__ == "__main__":
    main()
