"""Rule files (extract/rules.py): a usable entry becomes a rule with its defaults, and each
way an entry can be unusable is a one-line error naming the file, the rule and the problem."""

from __future__ import annotations

import pytest

from dyad.extract.rules import RuleError, builtin_rules, parse_rules


def test_rule_files_an_entry_with_its_defaults() -> None:
    (rule,) = parse_rules(
        '[[rule]]\nid = "mine.visit"\ntype = "visit"\npatterns = "{actor:source} visited'
        ' {state:target}"\n',
        "mine.toml",
    )
    assert (rule.id, rule.type, rule.origin) == ("mine.visit", "visit", "mine.toml")
    assert (rule.priority, rule.confidence, rule.modality) == (50, 0.8, "occurred")
    assert (rule.target_optional, rule.split_dates, rule.date_part) == (False, False, "whole")
    (pattern,) = rule.patterns
    assert set(pattern.groupindex) == {"source", "target"}
    assert pattern.search("⟨S0⟩ visited the ⟨C1⟩") is not None


BAD = [
    ('type = "visit"\npatterns = ["a"]', "a rule without an id"),
    ('id = "x"\ntype = "visit.maybe"\npatterns = ["a"]', "rule 'x': unknown type 'visit.maybe'"),
    ('id = "x"\ntype = "visit"', "rule 'x': needs 'patterns'"),
    ('id = "x"\ntype = "visit"\npatterns = [1]', "rule 'x': needs 'patterns'"),
    ('id = "x"\ntype = "visit"\npatterns = ["a"]\nmodality = "maybe"', "modality must be one"),
    ('id = "x"\ntype = "visit"\npatterns = ["a"]\ncolour = "red"', "unknown keys colour"),
    ('id = "x"\ntype = "visit"\npatterns = ["(a"]', "rule 'x': pattern '(a' is not a valid"),
    ('id = "x"\ntype = "visit"\npatterns = ["{actor:guest}"]', "unknown role names guest"),
    ('id = "x"\ntype = "visit"\npatterns = ["a"]\ndate_part = "middle"', "date_part must be"),
    ('id = "x"\ntype = "visit"\npatterns = ["a"]\nsentence = "(b"', "pattern '(b' is not"),
]


@pytest.mark.parametrize(("entry", "message"), BAD, ids=[m for _, m in BAD])
def test_rule_files_unusable_entry_is_a_clear_error(entry: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(f"[[rule]]\n{entry}\n", "mine.toml")
    text = str(caught.value)
    assert text.startswith("mine.toml: ") and message in text and "\n" not in text


def test_rule_files_builtin_rules_all_load() -> None:
    rules = builtin_rules()
    assert rules and len({r.id for r in rules}) == len(rules)
    assert all(r.origin.startswith("rules/") and r.patterns for r in rules)
