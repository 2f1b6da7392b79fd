"""Event rules: data files a user can read and extend without touching code.

Rules live in TOML files (the built-in ones in ``dyad/extract/rules/``; more can be given with
``--rules``). Each ``[[rule]]`` has an ``id`` (carried by every record it produces), a ``type``
from the vocabulary, and ``patterns``: regular expressions (case-insensitive) over a tagged
sentence (:mod:`dyad.extract.tagging`) written with these shorthands:

==================  =========================================================================
``{actor:source}``  a state, person or "the two countries"/"the country" mention, captured
                    in the role ``source`` (also ``target``, ``a``, ``b``; unnamed: ``{actor}``)
``{state:x}``       a state mention only; ``{person:x}`` a person only
``{qty}``           a quantity ("10,000 horses"), attached to the event
``{date}``          a date or a named period ("during the Korean War")
``{skip:N}``        up to N words (non-greedy), never across ";"
``{det}``           an optional article or possessive ("a", "the", "its", "their", "his")
==================  =========================================================================

Optional keys: ``priority`` (higher wins where matches overlap; default 50), ``confidence``
(default 0.8), ``modality`` (default "occurred"), ``target`` = "optional" for types such as
statements, ``split_dates`` = true to make one event per date of a coordinated list ("two
trips, in 1985 and 1988"), ``subject`` (a fixed qualifier), ``quantity_of`` (a pattern the
counted noun must match for the rule to apply: "orphan|children"), ``sentence`` (a pattern the
whole sentence must match: "\\bsign"), ``date_part`` = "start" to date the event by the start
of a range or open interval ("has had an embassy since 2009" opened in 2009) or "end" by the
end of a closed one (none where it has none: "suspended from 2013 to 2016" restored in 2016),
``overlaps`` = true for a second event told by the same words (its matches stand beside the
others: "switched recognition from X to Y" is a withdrawal and a recognition), ``both_ways`` =
true for a directed act each state of the pair did ("both countries reopened their embassies":
one event each way), ``description``. A pattern may name its verb ``(?P<trigger>...)``: the
event then stands at that verb, not the whole match (its date and modality are read there),
for a second verb told in a shorter conjunct ("relations were
severed in 1979 and (?P<trigger>restored) in 2001").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from dyad.model import Modality
from dyad.vocabulary import EVENT_TYPES

MODALITIES = ("occurred", "planned", "cancelled", "negated", "hypothetical")
ROLE_NAMES = ("source", "target", "a", "b", "c")

_MACRO = re.compile(r"\{(actor|state|person|qty|date|skip|det)(?::(\w+))?\}")
_KIND_CLASS = {"actor": "[SPC]", "state": "[SC]", "person": "P", "qty": "Q", "date": "D"}


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file, the rule and the problem."""


@dataclass(frozen=True, slots=True)
class Rule:
    """An event rule: its patterns over a tagged sentence and what an event it finds carries
    (type, modality, confidence, how its date is read); ``origin`` names its file."""

    id: str
    type: str
    patterns: tuple[re.Pattern[str], ...]
    priority: int = 50
    confidence: float = 0.8
    modality: Modality = "occurred"
    target_optional: bool = False
    split_dates: bool = False
    subject: str | None = None
    quantity_of: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None
    date_part: str = "whole"
    overlaps: bool = False
    both_ways: bool = False
    description: str = ""
    origin: str = ""


def expand(pattern: str) -> str:
    """Turn the shorthands of a rule pattern into a regular expression."""

    def replace(m: re.Match[str]) -> str:
        """One shorthand ("{skip:2}", "{det}", "{state:source}") as its expression."""
        kind, arg = m.group(1), m.group(2)
        if kind == "skip":
            count = int(arg or "3")
            return rf"(?:[^\s;]+\s+){{0,{count}}}?"
        if kind == "det":
            return r"(?:(?:a|an|the|its|their|his|her|our|this|these|that)\s+)?"
        token = rf"⟨{_KIND_CLASS[kind]}\d+⟩"
        # Mentions leave a leading "the" outside their span ("the DPRK", "the Netherlands").
        the = r"(?:the\s+)?" if kind in {"actor", "state"} else ""
        if kind == "qty":
            return rf"(?P<quantity>{token})"
        if kind == "date":
            return rf"(?P<date>{token})" if arg else token
        if arg:
            return rf"{the}(?P<{arg}>{token})"
        return the + token

    return _MACRO.sub(replace, pattern)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(expand(pattern), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: pattern {pattern!r} is not a valid expression: {exc}") from None


_KNOWN_KEYS = frozenset(
    {
        "id",
        "type",
        "patterns",
        "priority",
        "confidence",
        "modality",
        "target",
        "split_dates",
        "subject",
        "quantity_of",
        "sentence",
        "date_part",
        "overlaps",
        "both_ways",
        "description",
    }
)


def _checked_entry(data: dict[str, Any], origin: str) -> tuple[str, str, list[str]]:
    """A rule entry's id, type and patterns, once its id, type, patterns, modality and keys
    are known to be usable (else a :class:`RuleError` naming the file and the rule)."""
    rule_id = data.get("id")
    where = f"{origin}: rule {rule_id!r}"
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(f"{origin}: a rule without an id")
    type_ = data.get("type")
    if type_ not in EVENT_TYPES:
        raise RuleError(f"{where}: unknown type {type_!r} (see docs/spec/vocabulary.md)")
    patterns = data.get("patterns")
    if isinstance(patterns, str):
        patterns = [patterns]
    if not patterns or not all(isinstance(p, str) for p in patterns):
        raise RuleError(f"{where}: needs 'patterns', a list of strings")
    if data.get("modality", "occurred") not in MODALITIES:
        raise RuleError(f"{where}: modality must be one of {', '.join(MODALITIES)}")
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return rule_id, cast(str, type_), patterns


def _compiled_patterns(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    """The patterns expanded and compiled; their named groups must be roles, ``quantity``,
    ``date``, ``subject`` or ``trigger``."""
    compiled = tuple(_compile(p, where) for p in patterns)
    for p in compiled:
        bad = set(p.groupindex) - {*ROLE_NAMES, "quantity", "date", "subject", "trigger"}
        if bad:
            raise RuleError(f"{where}: unknown role names {', '.join(sorted(bad))}")
    return compiled


def _rule(data: dict[str, Any], origin: str) -> Rule:
    """One ``[[rule]]`` table of a rule file as a :class:`Rule`."""
    rule_id, type_, patterns = _checked_entry(data, origin)
    where = f"{origin}: rule {rule_id!r}"
    return Rule(
        id=rule_id,
        type=type_,
        patterns=_compiled_patterns(patterns, where),
        priority=int(data.get("priority", 50)),
        confidence=float(data.get("confidence", 0.8)),
        modality=cast(Modality, data.get("modality", "occurred")),
        target_optional=data.get("target") == "optional",
        split_dates=bool(data.get("split_dates", False)),
        subject=data.get("subject"),
        quantity_of=(
            _compile(str(data["quantity_of"]), where) if data.get("quantity_of") else None
        ),
        sentence=_compile(str(data["sentence"]), where) if data.get("sentence") else None,
        date_part=_date_part(data.get("date_part", "whole"), where),
        overlaps=bool(data.get("overlaps", False)),
        both_ways=bool(data.get("both_ways", False)),
        description=str(data.get("description", "")),
        origin=origin,
    )


def _date_part(value: object, where: str) -> str:
    if value not in {"whole", "start", "end"}:
        raise RuleError(f"{where}: date_part must be 'whole', 'start' or 'end'")
    return str(value)


def parse_rules(text: str, origin: str) -> list[Rule]:
    """Rules from the text of one TOML file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{origin}: not valid TOML: {exc}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise RuleError(f"{origin}: expected [[rule]] tables")
    return [_rule(entry, origin) for entry in entries]


@cache
def builtin_rules() -> tuple[Rule, ...]:
    """The rules shipped in ``dyad/extract/rules/*.toml``."""
    folder = resources.files("dyad.extract").joinpath("rules")
    rules: list[Rule] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            rules.extend(parse_rules(entry.read_text(encoding="utf-8"), f"rules/{entry.name}"))
    return _checked(rules)


def load_rules(paths: Iterable[Path] = (), *, builtin: bool = True) -> tuple[Rule, ...]:
    """The built-in rules (unless ``builtin`` is false) followed by those in ``paths``."""
    rules: list[Rule] = list(builtin_rules()) if builtin else []
    for path in paths:
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                raise RuleError(f"{file}: cannot read: {exc.strerror or exc}") from None
            rules.extend(parse_rules(text, str(file)))
    return _checked(rules)


def _checked(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleError(
                f"{rule.origin}: rule id {rule.id!r} is already used in {seen[rule.id]}"
            )
        seen[rule.id] = rule.origin
    return tuple(rules)


# ---------------------------------------------------------------------- matches made by code


def any_of(text: str) -> str:
    """A pattern that matches ``text`` where it stands: any ``len(text)`` characters.

    The matchers that find an event by code (the CAMEO verbs, the trigger lexicon) hand the
    engine a match of the sentence's own text with the roles as named groups. Written with
    the text escaped, each such pattern would be new and compiled afresh; written with its
    lengths only, the same few shapes recur and :func:`shaped` compiles each once.
    """
    return f"(?s:.{{{len(text)}}})" if text else ""


@lru_cache(maxsize=4096)
def shaped(pattern: str) -> re.Pattern[str]:
    """``pattern`` (made of :func:`any_of` and named groups) compiled, remembered."""
    return re.compile(pattern)


def spans_match(
    string: str, spans: list[tuple[int, int, str]], start: int, end: int
) -> re.Match[str] | None:
    """The match of ``string[start:end]`` with each span ``(start, end, name)`` a named group,
    for a matcher that found its roles by code; ``None`` when two spans overlap (one token in
    two roles)."""
    parts: list[str] = []
    cursor = start
    for s, e, name in sorted(spans):
        if s < cursor:
            return None
        parts.append(any_of(string[cursor:s]))
        parts.append(f"(?P<{name}>{any_of(string[s:e])})")
        cursor = e
    parts.append(any_of(string[cursor:end]))
    return shaped("".join(parts)).match(string, start)
