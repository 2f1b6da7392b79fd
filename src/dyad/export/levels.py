"""Representation levels per side, as the Correlates of War Diplomatic Exchange codes them:
0 none, 1 chargé d'affaires, 2 minister (a legation), 3 ambassador (an embassy). Pure: no I/O.

A side's level in a year is the level of its representation in the other state on 31 December,
read from the pair's facts and terms of office in date order, each setting it until the next:

=====================================================  =========================================
fact (occurred, dated)                                 sets
=====================================================  =========================================
``relations.established`` / ``.restored`` / upgraded   both sides (only the fact's source when it
                                                       has one) to the level of relations its
                                                       sentence names ("ambassadorial level",
                                                       "exchanged ministers", "raised to an
                                                       embassy"), else unknown: "X has an
                                                       embassy in Y" beside a date says nothing
                                                       of Y's mission in X
``relations.downgraded``                               the level named (chargé: 1, legation: 2)
``mission.opened``                                     its source's side to the level named
                                                       (embassy 3, legation 2; a consulate or an
                                                       office changes nothing)
``mission.closed``, ``relations.severed``,             unknown: an embassy closed may be
``.suspended``                                         followed by accreditation from elsewhere,
                                                       which COW counts; the frame puts 0 in the
                                                       years a severance is dated to hold
                                                       (:func:`severance_years`)
a term of office (ambassador 3, minister 2, chargé 1)  the sending side, in the years it covers
=====================================================  =========================================

Levels are read as COW defines them, the rank of the representative, and at the fact's own
time: a level a sentence dates to another year or time ("upgraded to embassies in 1927" beside
an establishment of 1888, "and later upgraded to an embassy", "today has a High Commission") is
not the level the fact set; an opening sets the lowest level its sentence names (the level it
opened at: a higher one beside it is a later upgrade or the other side's mission); a mission
decided or agreed on ("had decided to open an embassy") sets nothing; one side's mission raised
("the consulate-general in Muscat was upgraded to an embassy") is not the level of the
relations, so an establishment so worded sets neither side; an embassy or upgrade with a
chargé d'affaires at its head ("with Mr. X as Chargé d'Affaires") is 1; an opening dated
only by its mission's closing ("the embassy was closed in 1979") sets nothing; before the First
World War an "embassy" of states that did not both exchange ambassadors is a legation, 2
(``LEGATION_ERA_END``).
A severance puts 0
only where its evidence says relations were broken, cut, suspended or ended
(:func:`severance_years`).

A level of 1 or 2 read from a fact holds ``STALE_AFTER`` years at most. A fact's year is its
date's when the date lies in one year, else the last year it may denote (the change certainly
happened by then); undated facts set nothing. Every level keeps what set it (``TYPE:ID``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.store.dates import OPEN_LOWER, OPEN_UPPER
from dyad.store.exports import FactRow, PairRecords

_AMBASSADOR = re.compile(r"\bembass(?:y|ies)\b|\bambassador|\bhigh commission", re.IGNORECASE)
_MINISTER = re.compile(
    r"\blegations?\b|\bministers? (?:plenipotentiary|resident)\b|\benvoy extraordinary\b",
    re.IGNORECASE,
)
_CHARGE = re.compile(r"\bcharg[ée]s? d['’]affaires\b|\bchargé\b", re.IGNORECASE)

# Reciprocal facts (an establishment, a restoration, an upgrade of relations) set both sides
# only when the sentence names the level of the relations themselves, not one side's mission
# ("X has an embassy in Y" beside an establishment date says nothing of Y's mission in X).
_RECIPROCAL = (
    (
        re.compile(
            r"ambassadorial|embassy level|level of (?:an )?embass|exchanged? ambassadors"
            r"|(?:raised|elevated|upgraded) (?:\w+ ){0,4}to (?:the )?(?:level of )?(?:an )?embass",
            re.IGNORECASE,
        ),
        3,
    ),
    (re.compile(r"legation level|level of (?:a )?legation|exchanged? ministers", re.I), 2),
    (re.compile(r"charg[ée]s? d['’]affaires level|level of charg", re.IGNORECASE), 1),
)
# A chargé or a minister is often a step (legations were raised to embassies in numbers after
# 1945): a level of 1 or 2 read from a fact holds for this many years at most, unless a later
# fact says otherwise. Measured against COW (bench/README.md, compare-cow): carried for ever,
# levels 1-2 agreed in well under half of the side-years.
STALE_AFTER = 10

_BOTH_ZERO = frozenset({"relations.severed", "relations.suspended"})
_BOTH_NAMED = frozenset({"relations.established", "relations.restored", "relations.upgraded"})
_ROLE_LEVELS = ((re.compile(r"ambassador", re.I), 3), (re.compile(r"minister|envoy", re.I), 2))
_ROLE_CHARGE = re.compile(r"charg", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Level:
    """A side's level in a year and what set it: ``mission.opened:12`` (a fact: its type and
    its id, ``facts.fact_id`` of ``dyad export``), ``tenure:3``."""

    level: int | None
    source: str


# A year close after a level's words dates that level ("upgraded to embassies in 1927"): beside
# a fact of another year it names a later (or earlier) step, not the level the fact set.
# So does a word of another time just before them ("and later upgraded to an embassy", "and today
# has a High Commission in Colombo").
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_CLAUSE_END = re.compile(r"[.;]")
_DATED_WITHIN = 25  # characters after the level's words
_OTHER_TIME = re.compile(
    r"\b(?:later|subsequently|eventually|afterwards|today|now|currently|presently)\b"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)
_OTHER_TIME_WITHIN = 30  # characters before them
# COW codes the rank of the representative (chargé d'affaires, minister, ambassador), not the
# name of the mission: an embassy opened or raised with a chargé d'affaires at its head ("upgraded
# to Embassy level with Mr. X as Chargé d'Affaires") is represented at level 1.
_HEAD_CHARGE = re.compile(
    r"\bas (?:the )?(?:\S+ ){0,2}charg[ée]s? d['’]affaires|\b(?:headed|led) by (?:an? |the |its )?"
    r"(?:\S+ ){0,2}charg[ée]|\bpromoted to charg[ée]",
    re.IGNORECASE,
)
# One side's mission raised ("Turkey's Consulate General was upgraded to Embassy level", "agreed
# to raise the consulate in Addis Ababa to the level of an embassy"): an establishment whose
# sentence says so names that side's level, not the level of the relations.
_ONE_MISSION_RAISED = re.compile(
    r"\b(?:consulate(?:[- ]general)?|legation|mission|office)\b"
    r"(?:\s+(?:in|at)\s+[A-Z][\w()-]*(?:\s+[A-Z][\w()-]*)?)?\s+"
    r"(?:(?:was|is|has been|had been)\s+)?(?:raised|elevated|upgraded)\b"
    r"|\b(?:rais|elevat|upgrad)(?:e|es|ed|ing)\s+(?:the|its|his|her|a)\s+(?:\S+\s+){0,2}?"
    r"(?:consulate(?:[- ]general)?|legation|mission|office)\b",
    re.IGNORECASE,
)


def _dated_elsewhen(text: str, start: int, end: int, years: tuple[int, int] | None) -> bool:
    """Whether the words at ``start:end`` are dated by another time than ``years`` (the
    fact's): a year outside them just after, in their clause, or a word of another time just
    before."""
    if years is None:
        return False
    if _OTHER_TIME.search(text[max(0, start - _OTHER_TIME_WITHIN) : start]):
        return True
    window = text[end : end + _DATED_WITHIN]
    stop = _CLAUSE_END.search(window)
    found = _YEAR.search(window[: stop.start()] if stop else window)
    return found is not None and not years[0] <= int(found.group(1)) <= years[1]


def _levels_in(text: str, years: tuple[int, int] | None = None) -> set[int]:
    found: set[int] = set()
    for pattern, level in ((_AMBASSADOR, 3), (_MINISTER, 2), (_CHARGE, 1)):
        if any(
            not _dated_elsewhen(text, m.start(), m.end(), years) for m in pattern.finditer(text)
        ):
            found.add(level)
    return found


def named_levels(text: str) -> set[int]:
    """The representation levels a sentence names."""
    return _levels_in(text)


def _fact_year(fact: FactRow) -> int | None:
    if fact.modality != "occurred" or fact.date_upper is None:
        return None
    if fact.date_upper in (OPEN_LOWER, OPEN_UPPER):
        return None
    return fact.date_upper // 10000


def _named(fact: FactRow, lowest: bool) -> int | None:
    """The lowest or highest level the fact's sentences name, leaving out the levels a year
    other than the fact's dates (:func:`_dated_elsewhen`)."""
    levels: set[int] = set()
    years = _year_span(fact)
    for evidence in fact.evidence:
        levels |= _levels_in(evidence.text, years)
    if not levels:
        return None
    return min(levels) if lowest else max(levels)


def _reciprocal(fact: FactRow, both: bool) -> int | None:
    """The level of relations the fact's sentences name (``_RECIPROCAL``), leaving out levels
    dated to another year and, when the fact sets ``both`` sides, sentences that speak of one
    side's mission raised (``_ONE_MISSION_RAISED``)."""
    years = _year_span(fact)
    levels: set[int] = set()
    for evidence in fact.evidence:
        text = evidence.text
        if both and _ONE_MISSION_RAISED.search(text):
            continue
        for pattern, level in _RECIPROCAL:
            if any(
                not _dated_elsewhen(text, m.start(), m.end(), years) for m in pattern.finditer(text)
            ):
                levels.add(level)
    return max(levels) if levels else None


# A mission decided or agreed on is not yet open ("India had decided to open an embassy", "an
# agreement to open an Embassy of Libya"): such a sentence sets no level.
_INTENT = re.compile(
    r"\b(?:decided|decision|agreed|agreement|plans?|planned|planning|intends?|intended|intention"
    r"|proposed|proposal|promised|will|would)\s+(?:\S+\s+){0,2}?to\s+(?:re-?)?(?:open|establish"
    r"|set up)\b",
    re.IGNORECASE,
)


def _intended(fact: FactRow) -> bool:
    return all(_INTENT.search(evidence.text) for evidence in fact.evidence)


# A date that follows a closing ("however the embassy was closed in 1979", "closed 31 May
# 1975") dates the closing: an opening whose every dated sentence is so dated says nothing of
# when, or at what level, the mission opened.
_CLOSED_BEFORE = re.compile(
    r"\b(?:closed|closure|shut(?: down)?|withdrawn)\b(?:\s+(?:on|in|at|from|since))?\s*$",
    re.IGNORECASE,
)
_CLOSED_WITHIN = 20  # characters before the date's words


def _dated_by_closure(fact: FactRow) -> bool:
    dated = False
    for evidence in fact.evidence:
        words = evidence.date_text
        at = evidence.text.find(words) if words else -1
        if at < 0:
            return False  # a sentence whose date is not found is not known to be the closing's
        dated = True
        if not _CLOSED_BEFORE.search(evidence.text[max(0, at - _CLOSED_WITHIN) : at]):
            return False
    return dated


# Until the First World War ambassadors were exchanged only among the great powers and with the
# Ottoman Porte (the Règlement of Vienna, 1815, left the other states ministers and legations):
# modern prose that calls a 19th-century mission an "embassy" ("the first Greek Embassy in
# Berlin was established in 1834") names a legation. Before ``LEGATION_ERA_END`` a level of 3
# read from a fact is 2 unless both states then exchanged ambassadors: by gazetteer code, the
# first year they did (Italy as a kingdom from 1861; the United States from 1893, when Congress
# created the rank; Japan from 1905-06, when its legations in the capitals of the powers became
# embassies).
LEGATION_ERA_END = 1914
AMBASSADORIAL: dict[str, int] = {
    "GBR": 1816,
    "FRA": 1816,
    "RUS": 1816,
    "XAH": 1816,  # Austria, then Austria-Hungary
    "DEU": 1816,  # Prussia, then Germany
    "TUR": 1816,  # the Ottoman Empire
    "ITA": 1861,
    "USA": 1893,
    "JPN": 1905,
}


def _era_level(level: int | None, year: int, a: str, b: str) -> int | None:
    """A level read from a fact of ``year`` between ``a`` and ``b``, as the era's ranks allow
    (``LEGATION_ERA_END``)."""
    if level != 3 or year >= LEGATION_ERA_END:
        return level
    if all(AMBASSADORIAL.get(code, LEGATION_ERA_END) <= year for code in (a, b)):
        return level
    return 2


def _heads_charge(fact: FactRow) -> bool:
    return any(_HEAD_CHARGE.search(evidence.text) for evidence in fact.evidence)


def fact_levels(fact: FactRow, a: str, b: str) -> dict[str, int | None]:
    """What a fact sets, by side (``a``/``b`` codes): a level, ``None`` (unknown from now on),
    or nothing (the side is absent from the dict)."""
    if fact.type in _BOTH_ZERO:  # 0 while the status says severed (frame.py), then unknown
        return {a: None, b: None}
    sides = [fact.source] if fact.source in (a, b) else [a, b]  # one side when it has one
    if fact.type in _BOTH_NAMED:
        level = _reciprocal(fact, both=len(sides) == 2)
        if fact.type == "relations.upgraded" and level is None:
            return {}
        if level is not None and _heads_charge(fact):
            level = 1
        return dict.fromkeys(sides, level)
    if fact.type == "relations.downgraded":
        level = _named(fact, lowest=True)
        return {} if level is None else dict.fromkeys(sides, level)
    if fact.source not in (a, b):
        return {}
    if fact.type == "mission.opened":  # its level when opened: a higher one named beside it is
        # a later upgrade or the other side's mission ("a German Legation was opened in Addis
        # Ababa in 1907, and an Ethiopian embassy in Berlin the same year")
        if _intended(fact) or _dated_by_closure(fact):
            return {}
        level = _named(fact, lowest=True)
        return {} if level is None else {fact.source: level}
    if fact.type == "mission.closed":  # accreditation from elsewhere may follow: COW counts it
        level = _named(fact, lowest=False)
        return {} if level is None or level < 2 else {fact.source: None}
    return {}


def _role_level(role: str) -> int | None:
    if _ROLE_CHARGE.search(role):
        return 1
    for pattern, level in _ROLE_LEVELS:
        if pattern.search(role):
            return level
    return None


def _tenure_years(records: PairRecords, last: int) -> dict[tuple[str, int], Level]:
    found: dict[tuple[str, int], Level] = {}
    for tenure in records.tenures:
        level = _role_level(tenure.role)
        if level is None or tenure.sending not in (records.a, records.b):
            continue
        if tenure.start_lower is None or tenure.start_lower in (OPEN_LOWER, OPEN_UPPER):
            continue
        start = tenure.start_lower // 10000
        end_day = tenure.end_upper
        end = last if end_day is None or end_day in (OPEN_LOWER, OPEN_UPPER) else end_day // 10000
        for year in range(start, min(end, last) + 1):
            key = (tenure.sending, year)
            held = found.get(key)
            if held is None or (held.level or 0) < level:
                found[key] = Level(level, f"tenure:{tenure.id}")
    return found


def levels_by_year(records: PairRecords, first: int, last: int) -> dict[tuple[str, int], Level]:
    """Each side's level (by its code) in each year ``first``..``last`` that something sets."""
    changes: list[tuple[int, int, str, int | None, str]] = []  # year, id, side, level, type
    for fact in records.facts:
        year = _fact_year(fact)
        if year is None or year > last:
            continue
        for side, level in fact_levels(fact, records.a, records.b).items():
            level = _era_level(level, year, records.a, records.b)
            changes.append((year, fact.id, side, level, fact.type))
    changes.sort(key=lambda c: (c[0], c[1]))
    found: dict[tuple[str, int], Level] = {}
    for side in (records.a, records.b):
        own = [c for c in changes if c[2] == side]
        current: Level | None = None
        index = since = 0
        for year in range(min([first, *(c[0] for c in own)]), last + 1):
            while index < len(own) and own[index][0] <= year:
                since, fact_id, _, level, kind = own[index]
                current = Level(level, f"{kind}:{fact_id}")
                index += 1
            if current is not None and current.level in (1, 2) and year - since > STALE_AFTER:
                current = None
            if current is not None and year >= first:
                found[(side, year)] = current
    for key, held in _tenure_years(records, last).items():
        if key[1] >= first and found.get(key, Level(None, "")).level is None:
            found[key] = held
    return found


def _year_span(fact: FactRow) -> tuple[int, int] | None:
    if fact.modality != "occurred" or fact.date_lower is None or fact.date_upper is None:
        return None
    if OPEN_LOWER in (fact.date_lower, fact.date_upper) or OPEN_UPPER in (
        fact.date_lower,
        fact.date_upper,
    ):
        return None
    return fact.date_lower // 10000, fact.date_upper // 10000


# Facts that presuppose relations: after a severance, the first of them ends the years in which
# a level of 0 is read from it (a restoration the sources do not state was there by then).
_RENEWAL = frozenset(
    {
        "relations.restored",
        "relations.established",
        "relations.upgraded",
        "mission.opened",
        "visit",
        "agreement.signed",
    }
)


# Words that say relations were broken, cut, suspended or ended. A severance read from the end
# of a span of relations in a table cell ("18 June 1972/1 January 1993", "22 December 1972 - 3
# October 1990 with GDR") without one of them says when relations with that partner ended,
# most often because a state or government ended (the GDR, Czechoslovakia, the Republic of
# Vietnam, a switch of recognition), not that the pair broke them: COW codes a successor's
# representation anew, and many kept their missions. Such a severance leaves the level unknown.
_BREAK = re.compile(
    r"\bsever|\bbr[eo]ke?n?\b|\bbreak|\bbroke\s+off|\bcut(?:s|ting)?\b|\bruptur|\bsuspen"
    r"|\bwithdr[ae]w|\bterminat|\bend(?:ed|s|ing)?\b|\bfr[eo]ze|\bfrozen"
    r"|\b(?:no|not (?:have|maintain)) (?:formal |official |diplomatic )*(?:relations|ties)",
    re.IGNORECASE,
)
_ESTABLISH = frozenset({"relations.established", "relations.restored"})


def says_broken(fact: FactRow) -> bool:
    """Whether a severance's evidence says relations were broken (``_BREAK``), rather than
    only that a span of them ended."""
    return any(_BREAK.search(evidence.text) for evidence in fact.evidence)


_SPAN_WORDS = re.compile(r"\d\s*(?:-|–|—|to|until|till)\s*\S", re.IGNORECASE)


def _written_span(fact: FactRow) -> tuple[int, int] | None:
    """The first and last year of a span its evidence writes the date as ("broken 26 August
    1960 - 6 January 1962", "from 5 December 1994 to 2 May 1999"), if any: a severance dated at
    such a span's end is where the break ended, and one dated at its start lasted to the end."""
    for evidence in fact.evidence:
        text = evidence.date_text or ""
        found = [int(y) for y in _YEAR.findall(text)]
        if len(found) >= 2 and found[0] < found[-1] and _SPAN_WORDS.search(text):
            return found[0], found[-1]
    return None


def severance_years(records: PairRecords) -> set[int]:
    """Years in which the facts themselves say relations were broken on 31 December, so that a
    level of 0 rests on more than the status: from a severance's year to the year before the
    next dated fact that presupposes relations (a restoration, an establishment, an upgrade, a
    mission opened, a visit, an agreement signed), for ``STALE_AFTER`` years at most (most breaks
    are shorter, and a restoration the sources leave out must not read as decades of 0); a
    severance dated as a span (``1941-12-08/1952-04-28``, "broken from ... to ...") to the year
    before the span's end; and only its own year when the pair has a restoration no source
    dates (it may have come any time).

    A severance written as a span's end ("broken 26 August 1960 - 6 January 1962") is the end
    of the break begun at its start (:func:`_written_span`), not a break of its own.

    A severance counts only when its evidence says relations were broken (:func:`says_broken`),
    and not when the sources date an establishment or a restoration of the pair to the same
    day: they then contradict each other on that day (or speak of two governments, as when a
    state switched its recognition from Taipei to Beijing), and do not say which held at its
    end."""
    undated_return = any(
        f.type in ("relations.restored", "relations.established")
        and f.modality == "occurred"
        and f.date_lower is None
        for f in records.facts
    )
    same_day = {
        (f.date_lower, f.date_upper)
        for f in records.facts
        if f.type in _ESTABLISH and f.modality == "occurred" and f.date_lower == f.date_upper
    }
    returns = sorted(
        span[0] for f in records.facts if f.type in _RENEWAL and (span := _year_span(f)) is not None
    )
    years: set[int] = set()
    for fact in records.facts:
        if fact.type not in _BOTH_ZERO or (span := _year_span(fact)) is None:
            continue
        if not says_broken(fact) or (fact.date_lower, fact.date_upper) in same_day:
            continue
        years.update(_break_years(fact, span, undated_return, returns))
    return years


def _break_years(
    fact: FactRow, span: tuple[int, int], undated_return: bool, returns: list[int]
) -> range:
    """The years a severance ``fact`` dated ``span`` says relations were broken on 31 December
    (see :func:`severance_years`)."""
    start, end = span
    written = _written_span(fact)
    if written is not None and start == written[1]:
        return range(0)  # the end of a break written as a span: relations came back then
    if written is not None and start == written[0]:
        end = written[1]
    if end > start:
        last = end - 1
    elif undated_return:
        last = start
    else:
        later = [y for y in returns if y > start]
        last = later[0] - 1 if later else start + STALE_AFTER
    return range(start, min(last, start + STALE_AFTER) + 1)
