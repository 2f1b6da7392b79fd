"""A linear model per event type over a candidate's features, shipped as JSON data.

The model is trained by :mod:`dyad.extract.learned.train` from the gold files of the
development sets (never the held-out ones) and saved beside this module as ``model.json``:
for each event type a bias, a weight per feature and the probability above which the type is
told. Scoring is a sum of weights and a logistic function, in plain Python: the extraction
needs no numerical library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

MODEL_FILE = "model.json"


class ModelError(ValueError):
    """The model file is not one this version of Dyad can read."""


@dataclass(frozen=True, slots=True)
class TypeModel:
    """One event type's weights: ``p = 1 / (1 + exp(-(bias + sum of weights))``."""

    bias: float
    threshold: float
    weights: Mapping[str, float] = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LearnedModel:
    """The types a sentence may tell, each with its model; ``info`` says how it was trained."""

    types: Mapping[str, TypeModel]
    info: Mapping[str, Any] = field(default_factory=dict)
    # A verb form's CAMEO root class ("visited" -> "04", consult): PETRARCH2's verb dictionary.
    verb_classes: Mapping[str, str] = field(default_factory=dict)
    # Derived once from ``types``: the type names in order, their biases, and each feature's
    # weights as (type index, weight), so that a candidate costs one lookup per feature.
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _biases: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _by_feature: dict[str, list[tuple[int, float]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = tuple(sorted(self.types))
        by_feature: dict[str, list[tuple[int, float]]] = {}
        for i, name in enumerate(names):
            for feature, weight in self.types[name].weights.items():
                by_feature.setdefault(feature, []).append((i, weight))
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_biases", tuple(self.types[n].bias for n in names))
        object.__setattr__(self, "_by_feature", by_feature)

    def features(self, features: Iterable[str], words: Iterable[str]) -> tuple[str, ...]:
        """A candidate's features with the CAMEO classes of its verbs."""
        classes = {f"c:{c}" for w in words if (c := self.verb_classes.get(w)) is not None}
        return (*features, *sorted(classes))

    def told(self, features: Iterable[str], words: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Each type whose probability reaches its threshold, most probable first."""
        z = list(self._biases)
        for feature in self.features(features, words):
            for i, weight in self._by_feature.get(feature, ()):
                z[i] += weight
        out = []
        for i, name in enumerate(self._names):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z[i]))))
            if p >= self.types[name].threshold:
                out.append((name, p))
        return sorted(out, key=lambda item: (-item[1], item[0]))

    def as_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "info": dict(self.info),
            "verb_classes": dict(sorted(self.verb_classes.items())),
            "types": {
                name: {
                    "bias": m.bias,
                    "threshold": m.threshold,
                    "weights": dict(sorted(m.weights.items())),
                }
                for name, m in sorted(self.types.items())
            },
        }


NO_MODEL = LearnedModel(types={})


def model_from_json(data: Mapping[str, Any]) -> LearnedModel:
    """A model from its JSON form (:meth:`LearnedModel.as_json`)."""
    if data.get("format") != 1:
        raise ModelError(f"unknown learned-model format {data.get('format')!r} (expected 1)")
    types = {
        name: TypeModel(float(t["bias"]), float(t["threshold"]), dict(t["weights"]))
        for name, t in data["types"].items()
    }
    return LearnedModel(
        types=types,
        info=dict(data.get("info", {})),
        verb_classes=dict(data.get("verb_classes", {})),
    )


@cache
def learned_model() -> LearnedModel:
    """The model shipped with Dyad (``NO_MODEL`` if none is shipped)."""
    resource = files("dyad.extract.learned").joinpath(MODEL_FILE)
    if not resource.is_file():
        return NO_MODEL
    return model_from_json(json.loads(resource.read_text(encoding="utf-8")))
