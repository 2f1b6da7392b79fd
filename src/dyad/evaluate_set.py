"""Score a whole folder of gold files at once: per file and pooled (``dyad eval --set DIR``).

Each gold file names its article by ``path`` ("bilateral-text/Iran–Qatar_relations.md", the
corpus folder and file) or, for the seed, by ``source``. The article is looked up in a search
path of folders, trying the path as given and then its file name alone, so one gold file is
found both in the project's copies (``tests/data/text``) and in the corpus itself; a path inside
a ``.tar.gz`` of the corpus ("foreign-relations-text-2019/...") is read from the archive.

Pooled figures add up counts (a file with 20 events weighs twice one with 10), so dev and test
sets can be scored apart with one command each, as ``docs/spec/scoring.md`` reports them.
"""

from __future__ import annotations

import json
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.table import Table as RichTable

from dyad.evaluate import Ratio, Report, score
from dyad.model import Document

if TYPE_CHECKING:
    from dyad.extract.learned.model import LearnedModel

# Searched in this order, relative to the working directory; ``--search`` puts more first.
DEFAULT_SEARCH = (
    Path("tests/data/text"),
    Path("tests/data/markdown"),
    Path("tests/data/wikitext"),
    Path("tests/data/wikitext-dev2"),
    Path("tests/data/wikitext-dev3"),
    Path("tests/data/wikitext-dev4"),
    Path("tests/data/wikitext-dev5"),
    Path("tests/data/wikitext-dev6"),
    Path("tests/data/wikitext-train7a"),
    Path("tests/data/wikitext-train7b"),
    Path("tests/data/wikitext-train8a"),
    Path("tests/data/wikitext-train8b"),
    Path("examples"),
    Path("../shared/corpus"),
    Path("../shared/seeds"),
)
MEASURES = ("precision", "recall", "date", "direction", "persons", "quantity")


class ArticleNotFound(LookupError):
    """A gold file whose article is in none of the searched folders."""


@dataclass
class FileScore:
    gold: Path
    article: str
    report: Report


@dataclass
class SetReport:
    files: list[FileScore] = field(default_factory=list)

    def pooled(self) -> dict[str, Ratio]:
        """Every event measure summed over the files."""
        totals = {name: Ratio() for name in MEASURES}
        for item in self.files:
            for name in MEASURES:
                part = item.report.events.get(name)
                if part:
                    totals[name].correct += int(part["correct"])
                    totals[name].total += int(part["total"])
        return totals

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": [
                {
                    "gold": str(f.gold),
                    "article": f.article,
                    "events": {m: f.report.events.get(m) for m in MEASURES},
                    "missed": f.report.events.get("missed", []),
                    "spurious": f.report.events.get("spurious", []),
                }
                for f in self.files
            ],
            "pooled": {name: ratio.as_dict() for name, ratio in self.pooled().items()},
        }


def gold_files(folder: Path) -> list[Path]:
    """The gold files of a folder (``*.gold.json``, or any ``*.json``), in name order."""
    found = sorted(folder.glob("*.gold.json")) or sorted(folder.glob("*.json"))
    if not found:
        raise ArticleNotFound(f"{folder}: no gold files (*.gold.json) in this folder")
    return found


def find_article(gold: dict[str, Any], search: Sequence[Path]) -> tuple[Path, str | None]:
    """Where the article of ``gold`` is: a file, or an archive and the member inside it."""
    wanted = str(gold.get("path") or gold.get("source") or "")
    if not wanted:
        raise ArticleNotFound("the gold file names no article ('path' or 'source')")
    name = Path(wanted).name
    head, _, rest = wanted.partition("/")
    for root in search:
        for candidate in (root / wanted, root / name):
            if candidate.is_file():
                return candidate, None
        archive = root / f"{head}.tar.gz"
        if rest and archive.is_file():
            member = _member(archive, name)
            if member is not None:
                return archive, member
    places = ", ".join(str(r) for r in search)
    raise ArticleNotFound(f"article {wanted!r} not found in {places} (add one with --search)")


def _member(archive: Path, name: str) -> str | None:
    with tarfile.open(archive) as tar:
        for info in tar:
            if info.isfile() and Path(info.name).name == name:
                return info.name
    return None


def read_member(archive: Path, member: str) -> Document:
    """One member of a ``.tar.gz``, read as ``dyad extract`` reads a file of its kind."""
    from dyad.read import read_file

    with tarfile.open(archive) as tar, tempfile.TemporaryDirectory() as tmp:
        stream = tar.extractfile(member)
        if stream is None:
            raise ArticleNotFound(f"{archive}: {member} cannot be read")
        path = Path(tmp) / Path(member).name
        path.write_bytes(stream.read())
        return read_file(path)


def _records(
    where: Path, member: str | None, learned: LearnedModel | None = None
) -> list[dict[str, Any]]:
    """The extraction records of one article; its format is detected, as ``dyad extract`` does
    (``learned``: the learned stage's model, default the shipped one)."""
    from dyad.extract.pipeline import extract
    from dyad.read import read_file
    from dyad.records import extraction_records

    document = read_file(where) if member is None else read_member(where, member)
    return list(extraction_records(extract(document, learned=learned)))


def score_set(
    folder: Path, search: Iterable[Path] = (), learned: LearnedModel | None = None
) -> SetReport:
    """Extract each gold file's article and score it; ``search`` is tried before the defaults
    (``learned``: the learned stage's model, default the shipped one; ``NO_MODEL``: rules only)."""
    roots = [*search, *DEFAULT_SEARCH]
    report = SetReport()
    for gold_path in gold_files(folder):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ArticleNotFound(f"{gold_path}: not a readable gold file: {exc}") from None
        where, member = find_article(gold, roots)
        records = _records(where, member, learned)
        article = f"{where}:{member}" if member else str(where)
        report.files.append(FileScore(gold_path, article, score(gold, records)))
    return report


def set_table(report: SetReport) -> RenderableType:
    """Per-file and pooled event figures as one table (``dyad eval --set``)."""
    table = RichTable(title="Events per gold file")
    table.add_column("gold file", no_wrap=True)
    for name in ("prec.", "recall", "date", "dir."):
        table.add_column(name, justify="right", no_wrap=True)

    def shown(ratio: dict[str, Any] | None) -> str:
        if not ratio or not ratio.get("total"):
            return "–"
        return f"{ratio['correct'] / ratio['total']:.2f} {ratio['correct']}/{ratio['total']}"

    for item in report.files:
        name = item.gold.name.removesuffix(".json").removesuffix(".gold")
        table.add_row(name, *(shown(item.report.events.get(m)) for m in MEASURES[:4]))
    pooled = report.pooled()
    table.add_section()
    table.add_row("pooled", *(shown(pooled[m].as_dict()) for m in MEASURES[:4]))
    return table
