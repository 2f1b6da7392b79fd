"""A quality measure, not a timing: a random sample of narrative events to judge by hand.

Draws ``--pages`` random "Foreign relations of X" wikitext pages that no gold file annotates,
extracts them, pools their narrative events (every event not read from a table row, i.e. whose
rule is not ``table.*``) and prints ``--events`` of them drawn at random, each with its sentence,
as Markdown: a judge marks each right or wrong by the spec (``docs/spec/vocabulary.md``) and
gives the cause of each error (type, pair, direction, date, modality, not an event)::

    python bench/sample_narrative.py ../shared/corpus/foreign-relations-wikitext --seed 9
    python bench/sample_narrative.py ../shared/corpus/foreign-relations-text-2019.tar.gz --seed 17

The folder may be a ``.tar.gz`` of pages (the 2019 plain text), read from a temporary folder.
The pages of every gold file (``tests/data/gold/**``) are left out by country, so that no page
of a tuned or held-out document, nor another version of one, is sampled.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tarfile
import tempfile
from pathlib import Path

from dyad.extract.pipeline import extract
from dyad.model import Event
from dyad.read import read_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
_COUNTRY = re.compile(r"Foreign_relations_of_(.+?)\.(?:wiki|md|txt)$")


def annotated_countries() -> set[str]:
    """The countries whose "Foreign relations of" page, in any version, a gold file annotates."""
    found: set[str] = set()
    for gold in GOLD.rglob("*.gold.json"):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for key in ("path", "source"):
            match = _COUNTRY.search(str(data.get(key) or ""))
            if match:
                found.add(match.group(1))
    return found


def _sentence(text: str, event: Event) -> str:
    """The evidence with the rest of its sentence around it (up to a paragraph break)."""
    start, end = event.evidence.start, event.evidence.end
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 400)
    right_stop = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    right = min([*right_stop, end + 400]) + 1
    before, evidence, after = text[left:start], text[start:end], text[end:right]
    return f"{before}**{evidence}**{after}".replace("\n", " ").strip()


def _line(number: int, page: str, text: str, event: Event) -> str:
    who = f"{event.source}->{event.target}" if event.source else "+".join(event.actors)
    extras = [f"modality {event.modality}"] if event.modality != "occurred" else []
    if event.date and event.date_source != "stated":
        extras.append(f"date {event.date_source}")  # from the sentence before or a heading
    if event.persons:
        extras.append("persons " + ", ".join(p.name for p in event.persons))
    if event.quantity:
        extras.append(f"quantity {event.quantity.amount:g} {event.quantity.of}")
    head = f"{number}. `{event.type}` {who} {event.date or 'undated'} ({event.rule})"
    tail = "; " + "; ".join(extras) if extras else ""
    return f"{head}{tail}\n   [{page}] {_sentence(text, event)}"


def foreign_relations_pages(folder: Path) -> list[Path]:
    """The "Foreign relations of X" pages of ``folder`` (any depth), in name order, except the
    countries a gold file annotates."""
    skip = annotated_countries()
    return sorted(
        (
            p
            for p in folder.rglob("Foreign_relations_of_*")
            if (m := _COUNTRY.search(p.name)) and m.group(1) not in skip
        ),
        key=lambda p: p.name,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", type=Path, help="the foreign-relations-wikitext folder, or a .tar.gz of pages"
    )
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--pages", type=int, default=15)
    parser.add_argument("--events", type=int, default=100)
    args = parser.parse_args()
    if args.folder.name.endswith(".tar.gz"):
        with tempfile.TemporaryDirectory() as scratch:
            with tarfile.open(args.folder) as archive:
                archive.extractall(scratch, filter="data")
            draw(foreign_relations_pages(Path(scratch)), args)
    else:
        draw(foreign_relations_pages(args.folder), args)


def draw(pages: list[Path], args: argparse.Namespace) -> None:
    """Print the sample of ``args.events`` narrative events from ``args.pages`` of ``pages``."""
    rng = random.Random(args.seed)
    chosen = rng.sample(pages, args.pages)
    pool: list[tuple[str, str, Event]] = []
    for path in chosen:
        doc = read_file(path)
        events = [e for e in extract(doc).events if not e.rule.startswith("table.")]
        pool.extend((path.stem, doc.text, e) for e in events)
    drawn = rng.sample(pool, min(args.events, len(pool)))
    print(f"# {len(drawn)} narrative events drawn from {len(pool)} on {len(chosen)} pages")
    print(f"seed {args.seed}; pages: {', '.join(p.stem for p in chosen)}\n")
    for number, (page, text, event) in enumerate(drawn, 1):
        print(_line(number, page, text, event))


if __name__ == "__main__":
    main()
