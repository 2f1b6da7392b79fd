"""The learned stage's shortcuts change nothing it tells.

The model screens a candidate's types in fixed point before scoring the few that may reach
their threshold (:meth:`dyad.extract.learned.model.LearnedModel.told`): what it tells must be
what a plain floating-point sum of each type's bias and weights, in feature order, tells, to
the last bit of every probability. The candidates are read in the order of what a sentence
costs (its states, then its pair, then its marks): they must be those of reading every
sentence in full. Both are checked on real articles and the first on generated models too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.extract.context import Context
from dyad.extract.learned.dating import within
from dyad.extract.learned.features import Candidate, candidate
from dyad.extract.learned.model import LearnedModel, TypeModel, learned_model
from dyad.extract.learned.stage import sentence_marks
from dyad.extract.pipeline import (
    _annotate,
    _navigation,
    gloss_facts,
    narrative_candidates,
)
from dyad.extract.tagging import inside_name
from dyad.gazetteer import default_gazetteer
from dyad.model import Document
from dyad.read import read_file


def _plain_told(
    model: LearnedModel, features: Sequence[str], words: Sequence[str]
) -> list[tuple[str, float]]:
    """Each type's probability as a plain sum: its bias, then its weights in feature order."""
    every = model.features(features, words)
    out = []
    for name, m in model.types.items():
        z = m.bias
        for feature in every:
            z += m.weights.get(feature, 0.0)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        if p >= m.threshold:
            out.append((name, p))
    return sorted(out, key=lambda item: (-item[1], item[0]))


DATA = Path(__file__).resolve().parent / "data"


def _pages(count: int) -> list[Path]:
    """``count`` "Foreign relations of" pages spread over the project's copies of corpus pages
    (tests/data/wikitext-*: the training and development sets' articles)."""
    pages = sorted(DATA.glob("wikitext-*/Foreign_relations_of_*.wiki"))
    return pages[:: len(pages) // count][:count]


def test_learned_scoring_tells_what_a_plain_sum_tells_on_real_candidates() -> None:
    model = learned_model()
    told = 0
    for page in _pages(4):
        for cand in narrative_candidates(read_file(page)):
            expected = _plain_told(model, cand.features, cand.words)
            assert model.told(cand.features, cand.words) == expected, cand
            told += len(expected)
            # every other feature dropped: other sums, some near the thresholds
            half = cand.features[::2]
            assert model.told(half, cand.words) == _plain_told(model, half, cand.words)
    assert told > 20


_FEATURES = [f"w:{w}" for w in "signed agreement visited met war trade aid embassy".split()]
_WEIGHTS = st.one_of(
    st.floats(-8, 8, allow_nan=False),
    st.sampled_from([0.0, -0.0, 0.1, -0.1, 1e-9, 0.5, 2.5]),
    st.floats(-5000, 5000, allow_nan=False),  # too large for a lane: scored plainly
)


@st.composite
def _models(draw: st.DrawFn) -> LearnedModel:
    types = {}
    for name in draw(st.lists(st.sampled_from("abcdefgh"), min_size=1, unique=True)):
        weights = draw(st.dictionaries(st.sampled_from(_FEATURES), _WEIGHTS))
        bias = draw(st.floats(-10, 10, allow_nan=False))
        threshold = draw(st.sampled_from([0.5, 0.6, 0.75, 0.9, 0.0005, 0.9995]))
        types[f"type.{name}"] = TypeModel(bias, threshold, weights)
    return LearnedModel(types, verb_classes={"signed": "057", "met": "04"})


@settings(max_examples=300, deadline=None)
@given(_models(), st.lists(st.sampled_from([*_FEATURES, "w:unknown"])), st.booleans())
def test_learned_scoring_tells_what_a_plain_sum_tells_on_generated_models(
    model: LearnedModel, features: list[str], verbs: bool
) -> None:
    words = ("signed", "met") if verbs else ()
    features = sorted(features)
    assert model.told(features, words) == _plain_told(model, features, words)


def test_learned_scoring_tells_a_type_exactly_at_its_threshold() -> None:
    # bias 0 and weights that cancel: p is 0.5 exactly, which reaches a threshold of 0.5
    model = LearnedModel(
        {
            "visit": TypeModel(0.0, 0.5, {"w:visited": 1.25, "w:met": -1.25}),
            "meeting": TypeModel(-1e-12, 0.5, {"w:visited": 1.25, "w:met": -1.25}),
        }
    )
    assert model.told(("w:met", "w:visited")) == [("visit", 0.5)]


def _every_sentence(doc: Document) -> Iterable[Candidate]:
    """The candidates of reading every sentence in full: its pair, all its marks, and the
    decision of :func:`candidate` alone."""
    gaz = default_gazetteer()
    found = _annotate(doc, gaz, gloss_facts(doc, gaz))
    context = Context(doc, gaz)
    headings = {(s.start, s.title_end) for s in doc.sections}
    starts = [
        [x.start for x in xs]
        for xs in (found.mentions, found.people, found.dates, found.quantities)
    ]
    for sentence in found.sentences:
        s, e = sentence.start, sentence.end
        pair = context.dyad_at(s)
        if pair is None or _navigation(doc.text, s, e, headings):
            continue
        mentions = within(found.mentions, starts[0], s, e)
        marks = sentence_marks(
            (s, e),
            pair,
            [m for m in mentions if not inside_name(doc.text, m.end)],
            within(found.people, starts[1], s, e),
            within(found.dates, starts[2], s, e),
            within(found.quantities, starts[3], s, e),
        )
        cand = candidate(doc.text, s, e, pair, marks)
        if cand is not None:
            yield cand


def test_learned_candidates_are_those_of_reading_every_sentence() -> None:
    seen = 0
    for page in _pages(6):
        doc = read_file(page)
        expected = list(_every_sentence(doc))
        assert narrative_candidates(doc) == expected
        seen += len(expected)
    assert seen > 100
