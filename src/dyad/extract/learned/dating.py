"""When a learned event happened and whether it did: the rules' date and modality machinery,
read at the word that tells the event's type.

A learned event has no trigger matched by a rule; its anchor is the sentence's word that weighs
most for its type ("severed" for a severance). Its sentence is tagged as the rules tag theirs
(:func:`dyad.extract.tagging.tag_sentence`), and at the anchor:

- its **date** is the rules' (:mod:`dyad.extract.event_dates`): the nearest date of the
  anchor's clause, a date past another told type's anchor or opening the next coordinated
  clause pushed away ("severed in 1979 and restored in 1996"), a relative clause's date left
  out; else the sentence's nearest date ("two years later" counted from it); else the section
  heading's date ("Iran–Qatar relations: December 2010"). Not the date of the sentence before:
  on the development sets it was wrong more often than right (6 events made right, 8 wrong).
  On top of the rules: an "until" date (the end of some state of things: "would export
  electricity until April 2010") yields to any other date of the sentence, and a beginning's
  "since 1976" is its start ("relations have existed since 1976": established in 1976);
- its **modality** is the rules' (:func:`dyad.extract.modality.modality_of`): "sought to",
  "would", "did not", "was postponed" before or around the anchor in its clause; a waived
  requirement ("do not need a visa") negates nothing, and a statement happened whatever it
  says.

The figures behind each choice are in docs/rules.md, "The learned stage".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from dyad.extract.dates import TimeExpr
from dyad.extract.event_dates import (
    _RELATIVE,
    _date_value,
    _in_future,
    _nearest_date,
    _start_of,
)
from dyad.extract.modality import modality_of
from dyad.extract.people import PersonMention
from dyad.extract.quantities import MONEY_TYPES, QuantityMention, money_near
from dyad.extract.relative_years import years_later
from dyad.extract.scene import _clause_of, _clauses, _tag_positions
from dyad.extract.tagging import Tag, Tagged, tag_sentence
from dyad.gazetteer.states import Mention
from dyad.model import DateSource, Modality

# A date, its source and the words that gave it.
Dated = tuple[str | None, DateSource | None, str | None]
NO_DATE: Dated = (None, None, None)

# Types that begin a state of things: "relations have existed since 1976" dates the
# establishment by its start (as the rules' ``date_part = "start"`` do).
BEGINNINGS = frozenset(
    {"mission.opened", "envoy.accredited", "relations.established", "recognition.granted"}
)
# A sentence that opens with a subordinate clause ("After Ukraine gained independence in
# 1991, the two countries ... in 1992"): a type with no anchor is read from its main clause.
LEADING_CLAUSE = re.compile(
    r"(?:After|Following|Since|Before|When|Once|Despite|Upon|On\s+the\s+occasion\s+of"
    r"|In\s+the\s+wake\s+of|During)\b[^,;]{3,150},"
)


@dataclass(frozen=True, slots=True)
class Setting:
    """A sentence as the rules read it: tagged, with the date of its section's heading."""

    tagged: Tagged
    heading_date: str | None = None


Settings = Callable[[int, int], Setting]


T = TypeVar("T")


def within(items: Sequence[T], starts: list[int], start: int, end: int) -> list[T]:
    """Items (sorted by start, ``starts`` their starts) that begin inside ``[start, end)``."""
    return list(items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


@dataclass(frozen=True, slots=True)
class Annotated:
    """What the text names, each list sorted by start (as the pipeline found them)."""

    mentions: Sequence[Mention]
    people: Sequence[PersonMention]
    quantities: Sequence[QuantityMention]
    dates: Sequence[TimeExpr]
    periods: Sequence[tuple[int, int, str]]


def sentence_settings(
    text: str,
    found: Annotated,
    heading_date: Callable[[int], str | None],
) -> Settings:
    """How the learned stage reads a sentence (start, end): tagged from ``found``, with the
    heading's date at its start."""
    starts = [[x.start for x in xs] for xs in (found.mentions, found.people, found.quantities)]
    date_starts = [d.start for d in found.dates]
    period_starts = [p[0] for p in found.periods]

    def setting(s: int, e: int) -> Setting:
        periods = found.periods[
            bisect.bisect_left(period_starts, s) : bisect.bisect_left(period_starts, e)
        ]
        tagged = tag_sentence(
            text,
            s,
            e,
            states=within(found.mentions, starts[0], s, e),
            people=within(found.people, starts[1], s, e),
            quantities=within(found.quantities, starts[2], s, e),
            dates=[d for d in within(found.dates, date_starts, s, e) if d.end <= e],
            periods=[p for p in periods if p[1] <= e],
        )
        return Setting(tagged, heading_date(s))

    return setting


def core_at(tagged: Tagged, offset: int, length: int) -> tuple[int, int] | None:
    """The span in the tagged string of the word at clean-text ``offset`` (``None`` inside a
    tag: a word of a name)."""
    i = bisect.bisect_left(tagged.positions, offset)
    if i >= len(tagged.string) or tagged.positions[i] != offset or tagged.string[i] == "⟨":
        return None
    j = i
    while j < len(tagged.string) and j - i < length and tagged.string[j] not in "⟨⟩":
        j += 1
    return i, j


def main_clause_start(tagged: Tagged) -> int:
    """Where the main clause begins: after a leading subordinate clause, if any."""
    lead = LEADING_CLAUSE.match(tagged.string)
    return lead.end() if lead is not None else 0


def date_at(
    text: str,
    setting: Setting,
    core: tuple[int, int],
    others: Sequence[tuple[int, int]],
    type_: str,
) -> Dated:
    """The date of the type told at ``core`` of the setting's tagged sentence (``others``:
    where the other types told in it stand)."""
    tagged = setting.tagged
    positions = _tag_positions(tagged)
    dated = [(t, s, e) for t, s, e in positions if t.kind == "D" and _date_value(t)]
    b = core[1]
    foreign = [x for x in dated if x[1] >= b and _RELATIVE.search(tagged.string, b, x[1])]
    dated = _bounded([x for x in dated if x not in foreign])
    clause = _clause_of(_clauses(tagged.string, of_time=False), core[0])
    relative = years_later(
        tagged,
        [(_date_value(t), ds, de) for t, ds, de in dated],
        (clause, core),
        others,
        None,
    )
    found: list[Dated]
    if relative is not None:
        year, how, (ps, pe) = relative
        found = [(year, how, text[tagged.offset(ps) : tagged.end_offset(pe)])]
    else:
        found = _nearest_date(text, tagged, dated, clause, core, others) or (
            [(setting.heading_date, "heading", None)] if setting.heading_date else []
        )
    if not found:
        return NO_DATE
    value, source, words = found[0]
    if type_ in BEGINNINGS and value is not None and value.endswith("/.."):
        value = _start_of(value)  # "have existed since 1976": established in 1976
    return (value, source, words) if not _in_future(value) else NO_DATE


def _bounded(dated: list[tuple[Tag, int, int]]) -> list[tuple[Tag, int, int]]:
    """The dates that may be the event's: an "until" date (the end of a state of things) only
    where the sentence has no other."""
    bounded = [x for x in dated if not (_date_value(x[0]) or "").startswith("../")]
    return bounded or dated


def latest_year(value: str) -> int | None:
    """The latest year an EDTF value can mean: "1947/1991" (the Cold War) 1991, "17XX" 1799
    (``None`` when unknown). An event is before a state existed only if all of it is."""
    parts = value.split("/")
    end = parts[-1] if parts[-1] not in {"", ".."} else parts[0]
    m = re.match(r"(\d{4})|(\d{3})X|(\d{2})XX", end.lstrip("."))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        return int(m.group(2)) * 10 + 9
    return int(m.group(3)) * 100 + 99


# A requirement waived, which holds: "Malaysians will not require a visa to visit North Korea",
# "Irish people ... do not need a visa to travel to Uganda" (Foreign relations of Botswana,
# Tunisia, Malta, Vanuatu, Uganda, Malaysia: a visa waiver each time).
_WAIVED = re.compile(r"\bnot\s+(?:need|require)\s+(?:a\s+|any\s+)?visas?\b", re.IGNORECASE)


def modality_at(setting: Setting, core: tuple[int, int], type_: str) -> Modality:
    """The modality the rules give a trigger at ``core``. A waived requirement is no negation
    of the act it tells (a visa waiver); a statement happened whatever it says ("was quoted
    that his government was ready to recognise", "a proposal requesting that"), its anchor
    standing in what is said rather than in the saying."""
    if type_ == "statement":
        return "occurred"
    tagged = setting.tagged
    clause = _clause_of(_clauses(tagged.string), core[0])
    modality = modality_of(tagged, clause, core[0], "occurred")
    if modality == "negated" and _WAIVED.search(tagged.string, clause[0], clause[1]):
        return "occurred"
    return modality


# Types whose amount is a count of people (a sum of money: ``MONEY_TYPES``, as the rules').
_COUNTED_TYPES = frozenset({"migration", "asylum.granted"})


def quantity_at(
    text: str, setting: Setting, core: tuple[int, int], type_: str
) -> QuantityMention | None:
    """How much the type told at ``core`` counts, as the rules read it: for aid, trade and
    military cooperation the sum of money nearest the anchor in its clause ("two-way trade
    totalled A$582 million"); for migration and asylum the count of people nearest it ("over
    16,000 Saudi students"); for any other type, none."""
    if type_ not in MONEY_TYPES and type_ not in _COUNTED_TYPES:
        return None
    tagged = setting.tagged
    clause = _clause_of(_clauses(tagged.string, of_time=False), core[0])
    if type_ in MONEY_TYPES:
        start, end = tagged.offset(clause[0]), tagged.end_offset(clause[1])
        return money_near(text, start, end, tagged.offset(core[0]))
    counted = [
        (abs(s - core[0]), tag.quantity)
        for tag, s, e in _tag_positions(tagged)
        if tag.kind == "Q" and tag.quantity is not None and clause[0] <= s and e <= clause[1]
    ]
    return min(counted, key=lambda x: x[0])[1] if counted else None
