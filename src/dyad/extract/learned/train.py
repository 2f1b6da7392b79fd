"""Train the learned stage's model from gold files, with a cross-validated estimate of its gain.

    python -m dyad.extract.learned.train [--out FILE] [--threshold P] [GOLD_FOLDER_OR_FILE ...]

By default it reads the development gold sets (``tests/data/gold/dev``, ``dev2``, ``dev3``,
``dev4``, ``dev5``, ``dev6``, the training-only ``train7a``, ``train7b``, ``train8a`` and
``train8b`` and the gold files at the top of ``tests/data/gold``). A folder named ``test`` or
``test2`` (the held-out sets) is refused: no model is ever fitted to them, nor to a candidate
of a held-out article's pair on any other page (:func:`held_out_pairs`).

Each candidate sentence (:func:`dyad.extract.pipeline.narrative_candidates`) inside the gold
file's scope is labelled with the types of the gold events whose evidence it holds and whose
states are its pair. One logistic regression per type (scikit-learn, a development
dependency) is fitted on all of them. Before the final fit, a 5-fold cross-validation by
document estimates what the stage adds to the rules: of the events it would add where no rule
read the type, how many are right (a gold event the rules missed), at each threshold. The
threshold with the most right additions at a precision of at least ``--precision`` is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.evaluate import normalize, scope_spans, score
from dyad.extract.learned.features import Candidate
from dyad.extract.learned.model import MODEL_FILE, LearnedModel, TypeModel
from dyad.extract.learned.model import NO_MODEL as _NONE
from dyad.extract.learned.stage import has_subject, may_add

ROOT = Path(__file__).resolve().parents[4]
DEFAULT_SETS = (
    "tests/data/gold/dev",
    "tests/data/gold/dev2",
    "tests/data/gold/dev3",
    "tests/data/gold/dev4",
    "tests/data/gold/dev5",
    "tests/data/gold/dev6",
    "tests/data/gold/train7a",
    "tests/data/gold/train7b",
    "tests/data/gold/train8a",
    "tests/data/gold/train8b",
)
HELD_OUT = frozenset({"test", "test2"})
MIN_POSITIVES = 8
PRUNE = 0.05  # weights smaller than this change no decision and cost a lookup each
THRESHOLDS = tuple(round(0.30 + 0.05 * i, 2) for i in range(13))


@dataclass
class Example:
    """A candidate with its gold labels and what the rules already read there."""

    document: str
    candidate: Candidate
    labels: set[str]
    # Types that would be right if added: of gold events the rules missed (type and alt types),
    # each with the gold event's id, required or optional.
    missed: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    have: set[str] = field(default_factory=set)
    features: tuple[str, ...] = ()  # the candidate's, with its verbs' CAMEO classes
    subject: bool = False  # whether a state of the pair is its main clause's subject


def verb_classes(cameo_dir: Path) -> dict[str, str]:
    """Each verb form of PETRARCH2's verb dictionary with the CAMEO root class of the verb
    itself (its own code, no pattern around it); a form of several classes is left out."""
    from dyad.extract.cameo.convert import read_verbs

    source = cameo_dir / "CAMEO.2.0.txt"
    if not source.is_file():
        raise SystemExit(f"{source}: not found (the CAMEO verb dictionary; give --cameo DIR)")
    _, patterns, _ = read_verbs(source.read_text(encoding="utf-8", errors="replace"))
    seen: dict[str, set[str]] = {}
    for pattern in patterns:
        if pattern.pre or pattern.post:
            continue
        for forms in pattern.verbs:
            for form in forms:
                seen.setdefault(form.lower(), set()).add(pattern.code[:2])
    return {form: next(iter(c)) for form, c in sorted(seen.items()) if len(c) == 1}


def gold_paths(targets: Sequence[str]) -> list[Path]:
    """The gold files to train on; refuses the held-out sets."""
    chosen = list(targets) or [*DEFAULT_SETS, "tests/data/gold"]
    paths: list[Path] = []
    for target in chosen:
        where = Path(target) if Path(target).is_absolute() else ROOT / target
        if where.name in HELD_OUT or any(part in HELD_OUT for part in where.parts[-2:-1]):
            raise SystemExit(f"{target}: a held-out set; no model is trained on it")
        paths.extend(sorted(where.glob("*.gold.json")) if where.is_dir() else [where])
    return paths


def held_out_pairs(gold_root: Path | None = None) -> set[tuple[str, str]]:
    """The pairs of the held-out articles, from the titles in their gold files' ``path``s
    (read through the gazetteer; nothing else of a held-out file is read): a candidate of such
    a pair is never trained on, whatever page it stands on (a "Foreign relations of the Holy
    See" page tells Mexico–Holy See events a held-out article annotates)."""
    from dyad.extract.dyad import dyad_from_title

    root = gold_root or ROOT / "tests" / "data" / "gold"
    pairs = set()
    for name in sorted(HELD_OUT):
        for path in sorted((root / name).glob("*.gold.json")):
            title = Path(str(json.loads(path.read_text(encoding="utf-8")).get("path") or "")).stem
            if (pair := dyad_from_title(title)) is not None:
                pairs.add(pair)
    return pairs


def _states(gold: dict[str, Any]) -> set[str]:
    wanted = {s for s in (gold.get("source"), gold.get("target")) if s}
    return wanted or set(gold.get("actors") or [])


def examples_of(gold_path: Path) -> list[Example]:
    """The labelled candidates of one gold file's article."""
    from dyad.evaluate_set import DEFAULT_SEARCH, find_article, read_member
    from dyad.extract.pipeline import extract, narrative_candidates
    from dyad.read import read_file
    from dyad.records import extraction_records

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    where, member = find_article(gold, list(DEFAULT_SEARCH))
    doc = read_file(where) if member is None else read_member(where, member)
    extraction = extract(doc, learned=_NONE)
    report = score(gold, list(extraction_records(extraction)))
    missed = set(report.events["missed"])
    spans = scope_spans(gold, doc.text)
    out = []
    for cand in narrative_candidates(doc):
        if spans is not None and not any(a <= cand.start and cand.end <= b for a, b in spans):
            continue
        sentence = normalize(doc.text[cand.start : cand.end])
        example = Example(gold_path.name, cand, set(), subject=has_subject(doc.text, cand))
        for g in gold.get("events", []):
            if normalize(str(g["evidence"])) not in sentence or not _states(g) <= set(cand.pair):
                continue
            example.labels.add(g["type"])
            if g["id"] in missed:
                for t in {g["type"], *g.get("alt_types", [])}:
                    example.missed.setdefault(t, []).append((g["id"], not g.get("optional")))
        example.have = {
            ev.type
            for ev in extraction.events
            if ev.evidence.start < cand.end
            and cand.start < ev.evidence.end
            and set(cand.pair) <= set(ev.actors)
        }
        out.append(example)
    return out


def training_examples(
    paths: Sequence[Path], classes: dict[str, str], held: set[tuple[str, str]]
) -> list[Example]:
    """The labelled candidates of the gold files, with their verbs' CAMEO classes, except
    those whose pair is one of ``held`` (the held-out articles' pairs: :func:`held_out_pairs`)."""
    reader = LearnedModel({}, verb_classes=classes)
    examples = [ex for path in paths for ex in examples_of(path) if ex.candidate.pair not in held]
    for ex in examples:
        ex.features = reader.features(ex.candidate.features, ex.candidate.words)
    return examples


def fit(examples: Sequence[Example], c: float = 1.0) -> dict[str, TypeModel]:
    """One logistic regression per type with enough positives (threshold 0.5 until chosen)."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:  # pragma: no cover - the development extra installs it
        raise SystemExit("training needs scikit-learn: pip install -e '.[dev]'") from None
    counts: dict[str, int] = {}
    for ex in examples:
        for f in ex.features:
            counts[f] = counts.get(f, 0) + 1
    rows = [{f: 1 for f in ex.features if counts[f] >= 2} for ex in examples]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    names = vectorizer.get_feature_names_out()
    positives: dict[str, int] = {}
    for ex in examples:
        for t in ex.labels:
            positives[t] = positives.get(t, 0) + 1
    models = {}
    for type_, n in sorted(positives.items()):
        if n < MIN_POSITIVES:
            continue
        y = [1 if type_ in ex.labels else 0 for ex in examples]
        clf = LogisticRegression(C=c, max_iter=2000)
        clf.fit(matrix, y)
        weights = {
            str(name): round(float(w), 4)
            for name, w in zip(names, clf.coef_[0], strict=True)
            if abs(w) >= PRUNE
        }
        models[type_] = TypeModel(round(float(clf.intercept_[0]), 4), 0.5, weights)
    return models


@dataclass
class Gain:
    """What the stage adds at one threshold: additions, right ones, required gold found."""

    added: int = 0
    right: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.added if self.added else 0.0


def additions(examples: Sequence[Example], models: dict[str, TypeModel], threshold: float) -> Gain:
    """The additions at ``threshold`` and how many are right."""
    gain = Gain()
    credited: set[tuple[str, str]] = set()
    for ex in examples:
        for type_, model in models.items():
            if type_ in ex.have or not may_add(type_, ex.features, ex.subject):
                continue
            if model.probability(ex.features) < threshold:
                continue
            gain.added += 1
            for gold_id, required in ex.missed.get(type_, []):
                if (ex.document, gold_id) not in credited:
                    credited.add((ex.document, gold_id))
                    gain.right += 1
                    gain.found += int(required)
                    break
    return gain


def cross_validate(examples: Sequence[Example], folds: int = 5) -> dict[float, Gain]:
    """The gain at each threshold, every document scored by a model fitted without it."""
    documents = sorted({ex.document for ex in examples})
    total = {t: Gain() for t in THRESHOLDS}
    for k in range(folds):
        held = {d for i, d in enumerate(documents) if i % folds == k}
        models = fit([ex for ex in examples if ex.document not in held])
        test = [ex for ex in examples if ex.document in held]
        for t in THRESHOLDS:
            g = additions(test, models, t)
            total[t].added += g.added
            total[t].right += g.right
            total[t].found += g.found
    return total


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(prog="python -m dyad.extract.learned.train")
    options.add_argument("gold", nargs="*", help="gold folders or files (default: the dev sets)")
    options.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    options.add_argument("--precision", type=float, default=0.75)
    options.add_argument("--threshold", type=float, help="use this threshold, not the CV's")
    options.add_argument("--cameo", type=Path, default=ROOT.parent / "shared/corpus/cameo")
    args = options.parse_args(argv)
    paths = gold_paths(args.gold)
    classes = verb_classes(args.cameo)
    held = held_out_pairs()
    examples = training_examples(paths, classes, held)
    required_missed = len(
        {(ex.document, g) for ex in examples for v in ex.missed.values() for g, r in v if r}
    )
    print(
        f"{len(paths)} gold files, {len(examples)} candidates "
        f"(none of the {len(held)} pairs of the held-out articles), "
        f"{sum(1 for ex in examples if ex.labels)} with an event, "
        f"{required_missed} required gold events the rules miss in them"
    )
    gains = cross_validate(examples)
    for t, g in gains.items():
        print(
            f"  threshold {t:.2f}: adds {g.added}, right {g.right} "
            f"(precision {g.precision:.2f}), required found {g.found}"
        )
    good = [t for t, g in gains.items() if g.precision >= args.precision and g.added]
    threshold = args.threshold or (max(good, key=lambda t: gains[t].right) if good else 0.99)
    models = fit(examples)
    chosen = {n: TypeModel(m.bias, threshold, m.weights) for n, m in models.items()}
    g = gains.get(threshold, Gain())
    info = {
        "trained_on": [str(p.relative_to(ROOT)) for p in paths],
        "candidates": len(examples),
        "held_out_pairs_left_out": len(held),
        "threshold": threshold,
        "cross_validated": {"added": g.added, "right": g.right, "required_found": g.found},
    }
    args.out.write_text(
        json.dumps(LearnedModel(chosen, info, classes).as_json(), indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"threshold {threshold}: {len(chosen)} types written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
