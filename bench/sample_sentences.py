"""A quality measure, not a timing: recall and precision on random sentences annotated blind.

Draws ``--n`` sentences at random (``--seed``) from the narrative prose of a corpus folder (the
paragraphs of ``*.wiki`` and ``*.md`` files, or of the members of a ``.tar.gz``: not table rows,
not headings, not lists, not hatnotes), keeping sentences that hold a year and name at least
one state, and prints them as Markdown to annotate, each with its document, paragraph offset
and sentence span; ``--json FILE`` also writes them as an annotation file whose ``events`` a
judge fills in *before* running Dyad on them::

    python -m bench.sample_sentences ../shared/corpus/foreign-relations-wikitext --seed 501 \
        --n 80 --json bench/samples/recallA-501.json

The annotation file's events follow ``docs/spec/vocabulary.md``: ``type`` (and ``alt_types``),
``source``/``target`` for a directed event or ``actors`` for a reciprocal one, ``date`` (EDTF
or null), ``optional``. The second mode extracts those documents and scores every event whose
evidence lies in a sampled sentence against them, as ``docs/spec/scoring.md`` matches events
(type, the states, one to one), with direction and date accuracy of the matched ones, and
prints each miss and each spurious event::

    python -m bench.sample_sentences --score bench/samples/recallA-501.json

Pages that a gold file annotates (``tests/data/gold/**``, held-out test set included: by
country for "Foreign relations of" pages, and by file name for any article) are never drawn.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.sample_narrative import GOLD, annotated_countries
from dyad.evaluate_set import read_member
from dyad.extract.pipeline import extract
from dyad.gazetteer.lookup import default_gazetteer
from dyad.model import Document, Event, Paragraph
from dyad.read import read_file
from dyad.read.hatnotes import is_hatnote
from dyad.sentences import split_sentences

_COUNTRY = re.compile(r"Foreign_relations_of_(.+?)\.(?:wiki|md|txt)$")
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20[0-2]\d)s?\b")
_HATNOTE = re.compile(r"\W*(?:Main articles?|Further information|See also|For more information)")
_SUFFIXES = (".wiki", ".md", ".txt")


@dataclass(frozen=True)
class Drawn:
    """One sampled sentence: where it is and what it says."""

    source: str  # the file, or the archive
    member: str | None  # the archive's member, if any
    paragraph: int
    start: int
    end: int
    text: str


def gold_names() -> set[str]:
    """The file names of every article a gold file annotates (held-out test set included)."""
    names: set[str] = set()
    for gold in GOLD.rglob("*.gold.json"):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for key in ("path", "source"):
            value = str(data.get(key) or "")
            if value:
                names.add(Path(value).name)
    return names


def _excluded(name: str, countries: set[str], names: set[str]) -> bool:
    match = _COUNTRY.search(name)
    return name in names or bool(match and match.group(1) in countries)


def documents(folder: Path) -> Iterator[tuple[str, str | None, Document]]:
    """The documents of a folder (``*.wiki``, ``*.md``) or an archive, gold pages left out."""
    countries, names = annotated_countries(), gold_names()
    if folder.is_file():
        with tarfile.open(folder) as tar:
            members = sorted(i.name for i in tar if i.isfile() and i.name.endswith(_SUFFIXES))
        for member in members:
            if not _excluded(Path(member).name, countries, names):
                yield str(folder), member, read_member(folder, member)
        return
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".wiki", ".md")):
        if not _excluded(path.name, countries, names):
            yield str(path), None, read_file(path)


def narrative_sentences(doc: Document) -> Iterator[tuple[int, int, int]]:
    """(paragraph start, sentence start, end) of each prose sentence with a year and a state."""
    gazetteer = default_gazetteer()
    headings = {(s.start, s.title_end) for s in doc.sections}
    for block in doc.blocks:
        if not isinstance(block, Paragraph) or (block.start, block.end) in headings:
            continue
        text = doc.text[block.start : block.end]
        if _HATNOTE.match(text) or is_hatnote(text) or "\t" in text:
            continue
        for sentence in split_sentences(doc.text, block.start, block.end):
            words = doc.text[sentence.start : sentence.end]
            if _YEAR.search(words) and gazetteer.find_mentions(words):
                yield block.start, sentence.start, sentence.end


def draw(folder: Path, n: int, seed: int) -> list[Drawn]:
    """``n`` sentences drawn at random from every eligible document's prose, in reading order."""
    pool = [
        Drawn(source, member, para, start, end, doc.text[start:end])
        for source, member, doc in documents(folder)
        for para, start, end in narrative_sentences(doc)
    ]
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return sorted(chosen, key=lambda d: (d.source, d.member or "", d.start))


def markdown(drawn: list[Drawn], seed: int) -> str:
    lines = [f"# {len(drawn)} sentences drawn at random (seed {seed})", ""]
    for number, item in enumerate(drawn, 1):
        where = f"{Path(item.source).name}:{item.member}" if item.member else Path(item.source).name
        lines.append(f"{number}. [{where} ¶{item.paragraph} {item.start}-{item.end}] {item.text}")
    return "\n".join(lines)


def annotation_skeleton(drawn: list[Drawn], seed: int) -> dict[str, Any]:
    return {
        "seed": seed,
        "sentences": [{"id": i, **vars(d), "events": []} for i, d in enumerate(drawn, 1)],
    }


# Scoring --------------------------------------------------------------------------------------


def _states(gold: dict[str, Any]) -> set[str]:
    if gold.get("source"):
        return {gold["source"], gold["target"]}
    return set(gold.get("actors") or [])


def _matches(gold: dict[str, Any], event: Event) -> bool:
    types = {gold["type"], *gold.get("alt_types", [])}
    return event.type in types and _states(gold) <= set(event.actors)


def _event_text(event: Event) -> str:
    who = f"{event.source}->{event.target}" if event.source else "+".join(event.actors)
    modality = "" if event.modality == "occurred" else f" [{event.modality}]"
    return f"`{event.type}` {who} {event.date or 'undated'}{modality} ({event.rule})"


def _gold_text(gold: dict[str, Any]) -> str:
    who = f"{gold['source']}->{gold['target']}" if gold.get("source") else "+".join(gold["actors"])
    return f"`{gold['type']}` {who} {gold.get('date') or 'undated'}"


@dataclass
class Tally:
    gold: int = 0
    matched: int = 0
    predicted: int = 0
    right: int = 0  # predictions that match a gold event, optional ones included
    direction: int = 0
    directed: int = 0
    date: int = 0
    dated: int = 0


def _sentence_events(doc_events: list[Event], item: dict[str, Any]) -> list[Event]:
    start, end = item["start"], item["end"]
    return [
        e
        for e in doc_events
        if e.evidence.start < end and e.evidence.end > start and not e.rule.startswith("table.")
    ]


def _score_sentence(
    item: dict[str, Any], events: list[Event], tally: Tally, out: list[str]
) -> None:
    """Match one sentence's events one to one, adding to ``tally`` and noting misses."""
    left = list(events)
    for gold in item["events"]:
        found = next((e for e in left if _matches(gold, e)), None)
        if found is None:
            if not gold.get("optional"):
                tally.gold += 1
                out.append(f"- MISS #{item['id']} {_gold_text(gold)}: {item['text']}")
            continue
        left.remove(found)
        tally.right += 1
        if not gold.get("optional"):
            tally.gold += 1
            tally.matched += 1
        wrong = []
        if gold.get("source"):
            tally.directed += 1
            right = (found.source, found.target) == (gold["source"], gold["target"])
            tally.direction += right
            wrong += [] if right else ["direction"]
        if gold.get("date") is not None:
            tally.dated += 1
            right = found.date in {gold["date"], *gold.get("date_ok", [])}
            tally.date += right
            wrong += [] if right else ["date"]
        if wrong:
            found_text = _event_text(found)
            out.append(f"- WRONG {'+'.join(wrong)} #{item['id']} {_gold_text(gold)}: {found_text}")
    tally.predicted += len(events)
    for event in left:
        out.append(f"- SPURIOUS #{item['id']} {_event_text(event)}: {item['text']}")


def _document(item: dict[str, Any]) -> Document:
    if item.get("member"):
        return read_member(Path(item["source"]), item["member"])
    return read_file(Path(item["source"]))


def score(annotations: dict[str, Any]) -> tuple[Tally, list[str]]:
    """Extract each sampled document once and score its sampled sentences."""
    tally, out = Tally(), list[str]()
    cache: dict[tuple[str, str | None], list[Event]] = {}
    for item in annotations["sentences"]:
        key = (item["source"], item.get("member"))
        if key not in cache:
            cache[key] = list(extract(_document(item)).events)
        _score_sentence(item, _sentence_events(cache[key], item), tally, out)
    return tally, out


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "– (0/0)"


def report(tally: Tally, lines: list[str]) -> str:
    head = [
        f"recall     {_ratio(tally.matched, tally.gold)}",
        f"precision  {_ratio(tally.right, tally.predicted)}",
        f"direction  {_ratio(tally.direction, tally.directed)} of matched directed events",
        f"date       {_ratio(tally.date, tally.dated)} of matched events",
    ]
    return "\n".join([*head, "", *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", help="a corpus folder or .tar.gz")
    parser.add_argument("--seed", type=int, default=501)
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--json", type=Path, help="also write an annotation file to fill in")
    parser.add_argument("--score", type=Path, help="an annotation file to score extraction on")
    args = parser.parse_args(argv)
    if args.score:
        tally, lines = score(json.loads(args.score.read_text(encoding="utf-8")))
        print(report(tally, lines))
        return 0
    if args.folder is None:
        parser.error("give a corpus folder to draw from, or --score FILE")
    drawn = draw(args.folder, args.n, args.seed)
    print(markdown(drawn, args.seed))
    if args.json:
        skeleton = annotation_skeleton(drawn, args.seed)
        args.json.write_text(json.dumps(skeleton, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
