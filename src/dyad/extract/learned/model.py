"""A linear model per event type over a candidate's features, shipped as JSON data.

The model is trained by :mod:`dyad.extract.learned.train` from the gold files of the
development sets (never the held-out ones) and saved beside this module as ``model.json``:
for each event type a bias, a weight per feature and the probability above which the type is
told. Scoring is a sum of weights and a logistic function, in plain Python: the extraction
needs no numerical library. A candidate's types are screened first, all at once, in fixed
point; only those the screen cannot rule out are summed in floating point (``told``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
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


# Screening a candidate in fixed point: each feature's weights for all types packed in one
# integer, a lane of 64 bits per type holding round(weight * 2**32) + 2**43 (never negative),
# so that one integer sum per feature adds every type's weight at once. A type whose screened
# score is clearly under its threshold is not told; any other is scored as ever, in floating
# point and in feature order, so the probabilities are those of a plain sum to the last bit.
_LANE = 64
_FRACTION = 32
_OFFSET = 1 << 43
_MAX_PACKED = 1024.0  # weights and biases under this in magnitude fit their lane
_MAX_FEATURES = 1 << 19  # lanes of more features could overflow: such a candidate is not screened
_MARGIN = 1e-6  # the screen keeps every type within this of its threshold's log-odds


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LearnedModel:
    """The types a sentence may tell, each with its model; ``info`` says how it was trained."""

    types: Mapping[str, TypeModel]
    info: Mapping[str, Any] = field(default_factory=dict)
    # A verb form's CAMEO root class ("visited" -> "04", consult): PETRARCH2's verb dictionary.
    verb_classes: Mapping[str, str] = field(default_factory=dict)
    # Derived once from ``types``: the type names in order, their biases, thresholds, weights
    # and log-odds floors, and each feature's weights packed for the screen (``_screen``).
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _biases: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _thresholds: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _weights: tuple[Mapping[str, float], ...] = field(init=False, repr=False, compare=False)
    _floors: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _packed: dict[str, int] = field(init=False, repr=False, compare=False)
    _largest: float = field(init=False, repr=False, compare=False)
    _classes: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = tuple(sorted(self.types))
        models = [self.types[n] for n in names]
        largest = max((abs(x) for m in models for x in (m.bias, *m.weights.values())), default=0.0)
        derived = {
            "_names": names,
            "_biases": tuple(m.bias for m in models),
            "_thresholds": tuple(m.threshold for m in models),
            "_weights": tuple(m.weights for m in models),
            "_floors": tuple(_floor(m.threshold) for m in models),
            "_packed": _packed(models) if largest < _MAX_PACKED else {},
            "_largest": largest,
            "_classes": {w: f"c:{c}" for w, c in self.verb_classes.items()},
        }
        for name, derivation in derived.items():
            object.__setattr__(self, name, derivation)

    def features(self, features: Iterable[str], words: Iterable[str]) -> tuple[str, ...]:
        """A candidate's features with the CAMEO classes of its verbs."""
        classes = self._classes
        return (*features, *sorted({c for w in words if (c := classes.get(w)) is not None}))

    def told(self, features: Iterable[str], words: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Each type whose probability reaches its threshold, most probable first."""
        every = self.features(features, words)
        out = []
        for i in self._screen(every):
            weights = self._weights[i]
            z = self._biases[i]
            for feature in every:  # in order, as the model has always summed them
                z += weights.get(feature, 0.0)
            p = _logistic(z)
            if p >= self._thresholds[i]:
                out.append((self._names[i], p))
        return sorted(out, key=lambda item: (-item[1], item[0]))

    def _screen(self, features: tuple[str, ...]) -> Iterable[int]:
        """The types that may reach their threshold: all but those whose fixed-point score is
        under their floor by more than its error (``2**-33`` a weight) and the rounding of a
        floating-point sum (``2**-53`` a term for each partial sum) can make up."""
        n = len(self._names)
        hits = [v for v in map(self._packed.get, features) if v is not None]
        k = len(hits)
        if not self._packed or k >= _MAX_FEATURES:
            return range(n)
        lanes = memoryview(sum(hits, 0).to_bytes(8 * n, "little")).cast("Q")
        error = _MARGIN + (k + 1) * 2.0**-33 + (k + 1) * (k + 2) * 2.0**-53 * self._largest
        base = k * _OFFSET
        scale = 2.0**-_FRACTION
        biases, floors = self._biases, self._floors
        return [i for i in range(n) if (lanes[i] - base) * scale + biases[i] >= floors[i] - error]

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


def _packed(models: Sequence[TypeModel]) -> dict[str, int]:
    """Each feature's weights for all types, one lane each (``_OFFSET`` where a type gives the
    feature no weight), as one integer: a lane never goes negative, so no lane borrows."""
    offsets = sum(_OFFSET << (_LANE * i) for i in range(len(models)))
    packed: dict[str, int] = {}
    for i, m in enumerate(models):
        for feature, weight in m.weights.items():
            lane = round(weight * (1 << _FRACTION)) << (_LANE * i)
            packed[feature] = packed.get(feature, offsets) + lane
    return packed


def _floor(threshold: float) -> float:
    """The log-odds of a threshold: no score under it reaches it (``-inf`` for a threshold
    so near 0 or 1 that the screen would gain nothing)."""
    if not 0.001 < threshold < 0.999:
        return -math.inf
    return math.log(threshold / (1.0 - threshold))


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
