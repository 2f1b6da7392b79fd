"""The learned stage (dyad.extract.learned): what it adds, what it never does, and its model.

Its events are read on real articles of the corpus that no gold file annotates; the assertions
are what a user checks of a fact: its sentence, its pair, its rule and confidence, and that it
repeats nothing the rules already read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.extract.dates import find_dates
from dyad.extract.learned.dating import (
    Annotated,
    core_at,
    quantity_at,
    sentence_settings,
)
from dyad.extract.learned.model import (
    NO_MODEL,
    LearnedModel,
    ModelError,
    TypeModel,
    learned_model,
    model_from_json,
)
from dyad.extract.learned.stage import RULE_PREFIX
from dyad.extract.learned.train import gold_paths
from dyad.extract.pipeline import extract, narrative_candidates
from dyad.extract.quantities import find_quantities
from dyad.read import read_file, read_text
from dyad.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"


def _gold_articles() -> set[str]:
    names = set()
    for path in GOLD.rglob("*.gold.json"):
        wanted = json.loads(path.read_text(encoding="utf-8")).get("path") or ""
        names.add(Path(wanted).name)
    return names


def _unannotated_pages(shared: Path, count: int) -> list[Path]:
    """Corpus pages no gold file annotates (the stage was never fitted to them)."""
    taken = _gold_articles()
    pages = sorted((shared / "corpus" / "foreign-relations-wikitext").glob("*.wiki"))
    return [p for p in pages if p.name not in taken][:: max(1, len(pages) // count)][:count]


def test_learned_model_is_shipped_and_never_fitted_to_the_held_out_sets() -> None:
    model = learned_model()
    assert model.types, "the shipped model is empty"
    trained_on = model.info["trained_on"]
    assert trained_on and all("/test/" not in p and "/test2/" not in p for p in trained_on)
    assert all(0.5 <= m.threshold < 1 for m in model.types.values())
    assert model.verb_classes.get("visited") == "04"  # CAMEO 04: consult


def test_learned_training_refuses_a_held_out_set() -> None:
    for held_out in ("tests/data/gold/test", "tests/data/gold/test2"):
        with pytest.raises(SystemExit, match="held-out"):
            gold_paths([held_out])


def test_learned_events_are_sentences_of_their_pair_and_repeat_no_rule(shared: Path) -> None:
    seen = 0
    for page in _unannotated_pages(shared, 6):
        doc = read_file(page)
        events = extract(doc).events
        sentences = {(s.start, s.end) for s in split_sentences(doc.text)}
        pairs = {(c.start, c.end): c.pair for c in narrative_candidates(doc)}
        for ev in events:
            if not ev.rule.startswith(RULE_PREFIX):
                continue
            seen += 1
            span = (ev.evidence.start, ev.evidence.end)
            assert doc.text[span[0] : span[1]] == ev.evidence.text
            assert span in sentences and span in pairs, ev
            assert set(ev.actors) == set(pairs[span])
            assert ev.rule == f"{RULE_PREFIX}{ev.type}"
            assert ev.confidence >= learned_model().types[ev.type].threshold - 0.01
            if ev.date is not None and ev.date_source != "heading":
                assert ev.date_text is not None and ev.date_text in ev.evidence.text
            others = [
                o
                for o in events
                if o is not ev
                and o.type == ev.type
                and o.evidence.start < ev.evidence.end
                and ev.evidence.start < o.evidence.end
                and set(ev.actors) <= set(o.actors)
            ]
            assert not others, (ev, others)
    assert seen, "the stage added nothing on six unannotated pages"


def test_learned_stage_only_adds(shared: Path) -> None:
    page = _unannotated_pages(shared, 1)[0]
    doc = read_file(page)
    without = extract(doc, learned=NO_MODEL).events
    with_stage = extract(doc).events
    assert not any(ev.rule.startswith(RULE_PREFIX) for ev in without)
    assert [ev for ev in with_stage if not ev.rule.startswith(RULE_PREFIX)] == list(without)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # a third party: FRA-UKR and DEU-UKR, never FRA-DEU by the pair of the page
        ("France–Germany relations", "In 2014 France signed an agreement with Ukraine."),
        # a company is no state: BP's agreement is not the United Kingdom's
        ("Iraq–United Kingdom relations", "In 2009 BP signed an agreement with Iraq."),
    ],
)
def test_learned_candidates_need_both_states_of_the_pair(title: str, body: str) -> None:
    doc = read_text(f"{title.upper()}\n\n{body}\n", format="text", source="t.md", title=title)
    assert narrative_candidates(doc) == []


def test_learned_model_round_trips_through_its_json() -> None:
    model = learned_model()
    again = model_from_json(json.loads(json.dumps(model.as_json())))
    words = ("<pair>", "and", "<pair>", "signed", "a", "trade", "agreement", "in", "<date>")
    features = ("w:signed", "w:agreement", "w:trade", "m:pairstates=2", "m:dates=1")
    assert again.told(features, words) == model.told(features, words)
    with pytest.raises(ModelError):
        model_from_json({"format": 2, "types": {}})


def test_learned_model_tells_types_above_their_threshold_only() -> None:
    model = LearnedModel(
        {
            "visit": TypeModel(-2.0, 0.5, {"w:visited": 3.0}),
            "meeting": TypeModel(-2.0, 0.9, {"w:met": 2.5}),
        },
        verb_classes={"visited": "04"},
    )
    assert [t for t, _ in model.told(("w:visited",), ("visited",))] == ["visit"]
    assert model.told(("w:met",), ("met",)) == []  # 0.62 is under meeting's 0.9
    assert "c:04" in model.features(("w:visited",), ("visited",))


def test_learned_training_writes_a_model_that_extraction_reads(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dyad.extract.learned.train import main

    golds = sorted((GOLD / "dev").glob("*.gold.json"))[:8]
    out = tmp_path / "model.json"
    assert main([*map(str, golds), "--out", str(out), "--cameo", str(shared / "corpus/cameo")]) == 0
    printed = capsys.readouterr().out
    assert "8 gold files" in printed and "threshold" in printed
    model = model_from_json(json.loads(out.read_text(encoding="utf-8")))
    assert model.info["trained_on"] == [str(p.relative_to(ROOT)) for p in golds]
    assert model.verb_classes
    doc = read_file(_unannotated_pages(shared, 1)[0])
    assert extract(doc, learned=model).events  # the stage runs with any trained model


def _learned(title: str, body: str, fmt: str = "text") -> list[tuple[str, str | None, str, str]]:
    """The learned events of a one-passage document: (type, date, date source, modality)."""
    text = f"# {title}\n\n{body}\n" if fmt == "markdown" else f"{title.upper()}\n\n{body}\n"
    doc = read_text(text, format=fmt, source="t.md", title=title)
    return [
        (ev.type, ev.date, str(ev.date_source), ev.modality)
        for ev in extract(doc).events
        if ev.rule.startswith(RULE_PREFIX)
    ]


@pytest.mark.parametrize(
    ("title", "body", "told"),
    [
        # a beginning told by "since": its start (Foreign relations of Singapore)
        (
            "Singapore–Ukraine relations",
            "Since December 2002, Ukraine has an embassy (on the 16th floor of the Singapore"
            " Land Tower) and an honorary consulate in Singapore.",
            ("mission.opened", "2002-12"),
        ),
        # an "until" date ends a state of things: the act is dated by the sentence's other date
        # (Foreign relations of Peru)
        (
            "Ecuador–Peru relations",
            "In November 2009, Peru made an agreement with Ecuador in which Peru would export"
            " between 40 and 50 megawatts of electricity until April 2010 in order to help"
            " Ecuador with its energy crisis.",
            ("aid.provided", "2009-11"),
        ),
        # a named period dates the act (Foreign relations of South Korea)
        (
            "Australia–South Korea relations",
            "During the Korean War, Australia sent 17,000 soldiers to offer military cooperation"
            " with South Korea.",
            ("cooperation.military", "1950-06-25/1953-07-27"),
        ),
    ],
)
def test_learned_dates_are_the_rules_dates_at_the_types_word(
    title: str, body: str, told: tuple[str, str]
) -> None:
    dated = {(t, d) for t, d, _, _ in _learned(title, body)}
    assert told in dated


def test_learned_dates_take_the_sections_heading_date_where_the_sentence_has_none() -> None:
    # Iran–Qatar relations: a section per month, its sentences undated
    body = (
        "## December 2010\n\nHamad bin Ali Al Attiyah, Qatar's Minister of Defense, met with the"
        " naval forces of Iran and stated that Qatar is ready to have joint military exercises"
        " with Iran."
    )
    told = _learned("Iran–Qatar relations", body, fmt="markdown")
    assert ("statement", "2010-12", "heading", "occurred") in told


@pytest.mark.parametrize(
    ("title", "body", "told"),
    [
        # a plan is marked, not counted as occurred (Foreign relations of Norway)
        (
            "Norway–Syria relations",
            "In March 2012 the Norwegian Foreign Ministry announced that the Norwegian embassy in"
            " Damascus will be temporarily closed, mainly due to the deteriorating security"
            " situation.",
            ("mission.closed", "planned"),
        ),
        # a waived requirement is a visa waiver that holds, not a negation (Ireland, Uganda)
        (
            "Ireland–Uganda relations",
            "Irish people are one of the few citizens that do not need a visa to travel to Uganda.",
            ("cooperation.other", "occurred"),
        ),
        # a statement happened whatever it says: "ready to recognise" is what was said
        (
            "Israel–Somaliland relations",
            "In February 2010, Israeli Foreign Ministry spokesperson Yigal Palmor was quoted in"
            " the Haaretz Daily that his government was ready to recognise Somaliland again.",
            ("statement", "occurred"),
        ),
    ],
)
def test_learned_events_carry_the_rules_modality(
    title: str, body: str, told: tuple[str, str]
) -> None:
    assert told in {(t, m) for t, _, _, m in _learned(title, body)}


def test_learned_training_leaves_out_the_pairs_of_the_held_out_articles(
    shared: Path, tmp_path: Path
) -> None:
    from dyad.extract.learned.train import held_out_pairs, training_examples, verb_classes

    # the pairs come from the titles in the held-out gold files' paths, through the gazetteer
    (tmp_path / "test").mkdir()
    (tmp_path / "test" / "a.gold.json").write_text(
        json.dumps({"path": "bilateral-text/Mexico–Senegal_relations.md", "events": []})
    )
    assert held_out_pairs(tmp_path) == {("MEX", "SEN")}
    held = held_out_pairs()
    titled = {p for p in GOLD.glob("test*/*.gold.json")}
    assert len(held) == len(titled)  # every held-out article's pair is known
    # a development page whose gold events are of a held-out article's pair: none is trained on
    gold = next(
        path
        for path in sorted(GOLD.glob("dev*/*.gold.json"))
        if any(
            tuple(sorted(ev.get("actors") or ())) in held
            for ev in json.loads(path.read_text(encoding="utf-8"))["events"]
        )
    )
    every = {ex.candidate.pair for ex in training_examples([gold], {}, set())}
    kept = training_examples([gold], verb_classes(shared / "corpus/cameo"), held)
    assert every & held and kept
    assert not {ex.candidate.pair for ex in kept} & held


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # colonial rule over a span that ends at independence (Foreign relations of Uganda, of
        # the United Kingdom: "The UK governed X from ... to ..." for many former colonies)
        (
            "Uganda–United Kingdom relations",
            "The UK governed Uganda from 1894 to 1962, when Uganda achieved full independence.",
        ),
        (
            "Kenya–United Kingdom relations",
            "The UK governed Kenya from 1895 to 1963, when Kenya achieved full independence.",
        ),
    ],
)
def test_learned_events_are_not_told_before_a_state_of_the_pair_existed(
    title: str, body: str
) -> None:
    assert _learned(title, body) == []


def _quantity_told(sentence: str, word: str, type_: str) -> tuple[float, str] | None:
    """The quantity the learned stage gives a type told at ``word`` of ``sentence`` (read as
    the pipeline tags it: its dates and counted things; no model involved)."""
    dates = find_dates(sentence)
    years = frozenset(d.start for d in dates if d.kind in {"year", "range", "open"})
    counted = [
        q
        for q in find_quantities(sentence, years=years)
        if not any(d.start < q.end and q.start < d.end for d in dates)
    ]
    found = Annotated([], [], counted, dates, [])
    setting = sentence_settings(sentence, found, lambda at: None)(0, len(sentence))
    at = sentence.index(word)
    # a word inside a tag (a name, a counted thing) stands for its main clause, as in the stage
    core = core_at(setting.tagged, at, len(word)) or (0, 0)
    q = quantity_at(sentence, setting, core, type_)
    return (q.amount, q.of) if q is not None else None


@pytest.mark.parametrize(
    ("sentence", "word", "type_", "amount"),
    [
        # a sum of money for trade (Foreign relations of Australia)
        (
            "Australia engages with Egypt on a number of shared priorities. In 2016–17 two-way"
            " merchandise trade totalled A$582 million (A$533 million in exports from Australia"
            " and A$49 million in imports from Egypt).",
            "trade",
            "cooperation.economic",
            582e6,
        ),
        # a count of people for migration (Foreign relations of Saudi Arabia)
        (
            "There are over 16,000 Saudi students in Canada.",
            "students",
            "migration",
            16000,
        ),
        # a visit counts nothing, whatever the sentence counts
        (
            "In 2019, the prime minister and 40 businessmen visited Canberra.",
            "visited",
            "visit",
            None,
        ),
    ],
)
def test_learned_events_carry_the_rules_quantity(
    sentence: str, word: str, type_: str, amount: float | None
) -> None:
    told = _quantity_told(sentence, word, type_)
    assert (told[0] if told is not None else None) == amount
