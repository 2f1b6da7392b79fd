"""Extraction scored against hand-annotated gold files (docs/spec/scoring.md).

The seed must meet the issue's bar; the other annotated articles (annotated without looking at
the rules) guard against regressions at the level measured when they were added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, SEED
from dyad.evaluate import score
from dyad.extract.pipeline import extract
from dyad.read import read_file
from dyad.records import extraction_records

GOLD = DATA / "gold"
# Where each annotated article is kept in the project's own test data.
ARTICLES = {
    "bilateral-text": DATA / "text",
    "bilateral-markdown": DATA / "markdown",
    "foreign-relations-wikitext": DATA / "wikitext",
}


def _article(gold: dict[str, Any]) -> Path:
    if "path" not in gold:
        return SEED
    folder, name = gold["path"].split("/", 1)
    return ARTICLES[folder] / name


def _score(name: str) -> Any:
    gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
    records = extraction_records(extract(read_file(_article(gold))))
    return score(gold, records)


def test_extract_gold_seed_meets_the_bar() -> None:
    report = _score("seed.gold.json")
    events = report.events
    assert events["precision"]["value"] >= 0.9, events["spurious"]
    assert events["recall"]["value"] >= 0.9, events["missed"]
    assert events["date"]["value"] >= 0.9
    assert events["direction"]["value"] >= 0.9
    assert events["persons"]["value"] >= 0.9
    assert report.tenures["with_years"]["correct"] == report.tenures["with_years"]["total"] == 9
    assert report.glosses["correct"] == report.glosses["total"] == 24
    assert report.document["all_exact"]


# Floors a little below what was measured when each file was added (see the closing note of
# the extraction issue for the figures): a drop below them is a regression to look at.
FLOORS = {
    "albania-brazil-relations.gold.json": (0.9, 0.8),
    "estonia-mexico-relations.gold.json": (0.9, 0.75),
    "foreign-relations-of-mongolia.gold.json": (0.9, 0.75),
    "foreign-relations-of-north-korea.gold.json": (0.9, 0.75),
    "iran-qatar-relations.gold.json": (0.9, 0.55),
    "mongolia-united-kingdom-relations.gold.json": (0.9, 0.9),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extract_gold_other_articles_hold_their_level(name: str) -> None:
    precision_floor, recall_floor = FLOORS[name]
    events = _score(name).events
    assert events["precision"]["value"] >= precision_floor, events["spurious"]
    assert events["recall"]["value"] >= recall_floor, events["missed"]
    if events["date"]["total"]:
        # Iran–Qatar: 22/25 with the learned stage (its undated sentences take their
        # section's month, as the rules' do), 15/17 without it.
        assert events["date"]["value"] >= 0.85
    if events["direction"]["total"]:
        assert events["direction"]["value"] >= 0.85


def test_extract_gold_files_all_have_articles() -> None:
    names = {p.name for p in GOLD.glob("*.gold.json")}
    assert names == {"seed.gold.json", *FLOORS}
    for name in names:
        gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
        assert _article(gold).is_file(), name


def test_extract_gold_dev_set_holds_its_pooled_level() -> None:
    """The dev set (tests/data/gold/dev, the only gold rules may be tuned on) scored as
    `dyad eval --set` does: floors a little below the level measured when it was added."""
    from dyad.evaluate_set import score_set

    pooled = score_set(GOLD / "dev", [DATA / "text"]).pooled()
    assert pooled["precision"].value is not None and pooled["precision"].value >= 0.92
    assert pooled["recall"].value is not None and pooled["recall"].value >= 0.68
    assert pooled["date"].value is not None and pooled["date"].value >= 0.88
    assert pooled["direction"].value is not None and pooled["direction"].value >= 0.92


def test_extract_gold_dev4_set_holds_its_pooled_level() -> None:
    """The blind dev4 set (tests/data/gold/dev4, thirteen wikitext pages annotated before Dyad
    was run on them) scored as `dyad eval --set` does. Its untuned score, measured once when the
    set was finished (main at 1c47a65), was precision 290/320, recall 227/449, date 247/271,
    direction 64/71; the rules alone are held at those figures rounded down.

    With the learned stage, which is trained on dev4 (in-sample: its figures say nothing of
    new text; docs/rules.md), recall rises and date and direction fall, the learned events'
    dates and directions being weaker than the rules' (measured with the model trained on the
    seventh session's 135 gold files, threshold 0.75: precision 394/425, recall 275/449, date
    304/343, direction 93/106; with the sixth session's model, trained on 60 files at 0.65:
    419/450, 288/449, 309/358, 99/112); the whole pipeline is held at those, rounded down.
    """
    from dyad.evaluate_set import score_set
    from dyad.extract.learned.model import NO_MODEL

    rules = score_set(GOLD / "dev4", [DATA / "wikitext-dev4"], learned=NO_MODEL).pooled()
    _holds(rules, precision=0.90, recall=0.50, date=0.91, direction=0.90)
    pooled = score_set(GOLD / "dev4", [DATA / "wikitext-dev4"]).pooled()
    _holds(pooled, precision=0.92, recall=0.61, date=0.88, direction=0.87)


@pytest.mark.parametrize(
    ("folder", "rules", "pipeline"),
    [
        # dev5: untuned (main at f50029d, learned stage on) P 413/447, R 287/537, date 349/372,
        # direction 141/143. Now (eighth session, model retrained after breaks8 and multi8):
        # rules alone P 415/432, R 289/537, date 366/387, direction 140/141; pipeline P 553/573,
        # R 363/537, date 410/450, direction 181/199 (the retrained model's added events: the
        # pipeline's direction floor 0.91 -> 0.90).
        ("dev5", (0.95, 0.52, 0.94, 0.99), (0.96, 0.65, 0.91, 0.90)),
        # dev6: untuned P 193/209, R 156/342, date 161/178, direction 69/75. Now: rules alone
        # P 192/200, R 157/342, date 170/180, direction 69/74; pipeline P 260/270, R 197/342,
        # date 204/226, direction 88/97.
        ("dev6", (0.95, 0.42, 0.91, 0.92), (0.96, 0.54, 0.88, 0.90)),
    ],
)
def test_extract_gold_blind_sets_of_the_seventh_session_hold_their_level(
    folder: str, rules: tuple[float, ...], pipeline: tuple[float, ...]
) -> None:
    """dev5 and dev6 (tests/data/gold/dev5, dev6: fourteen wikitext pages each, annotated blind
    on 2026-12-08; their READMEs give the untuned scores). The learned stage is trained on them
    since (in-sample); the rules alone and the pipeline are held at their measured levels,
    rounded down."""
    from dyad.evaluate_set import score_set
    from dyad.extract.learned.model import NO_MODEL

    names = ("precision", "recall", "date", "direction")
    gold, search = GOLD / folder, [DATA / f"wikitext-{folder}"]
    _holds(
        score_set(gold, search, learned=NO_MODEL).pooled(), **dict(zip(names, rules, strict=True))
    )
    _holds(score_set(gold, search).pooled(), **dict(zip(names, pipeline, strict=True)))


def _holds(pooled: dict[str, Any], **floors: float) -> None:
    """Each pooled measure is at least its floor."""
    for measure, floor in floors.items():
        value = pooled[measure].value
        assert value is not None and value >= floor, (measure, value)
