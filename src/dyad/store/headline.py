"""Weighing evidence: which establishment date is the headline, and why a conflict is one.

**The headline "relations began"** is not the earliest date any source gives (one visit read as
an establishment would win) but the date the most *independent* documents support (two files of
one article, such as a 2019 revision and the current one of a page, are one document: ``article``);
then the
most mentions; then the finest precision; then one given by a relations table ("Diplomatic
relations" lists are written to date establishments; prose mentions them in passing); then, on
a tie, the later year: sources that disagree about a first establishment by years mostly differ
by dating an earlier act (a recognition, a first treaty, an announcement) as the
establishment; and within one year the earlier day: relations begin when the two states agree
to establish them (the exchange of notes, the joint communiqué), and the later days of the
same year are its sequels (the envoy's appointment or credentials, the mission's opening, the
agreement's publication or entry into force). Mentions count between years, not within one:
between days of one year that as many documents give, a page that repeats its own day (in a
second list, in a sentence) has said one thing twice, which says nothing about whether its day
is the agreement or a sequel, so the earlier day leads (``year_mentions``). The other dates
follow as alternatives, in the same order.

**Whose relations.** An establishment dated before the later state of the pair existed (as
reconciliation reads it: before the year before its first in the state system) is its
predecessor's when the pair has one of its own dated at that state's birth: Czechoslovakia's
1919 on the Czech Republic's row is no rival of 1993, and sorts after every date of the pair
itself (``predecessor_before``).

**Support** is counted over all the pair's establishment mentions, not only a fact's own: a
mention supports every date it agrees with (a year-only "1991" supports 25 December 1991, and
27 December 1991 as well), so a year does not decide between two days of its year, but does
decide between two days of different years ("Armenia 1920 & 1991" on one page against "7
January 1992" on the same page and "25 December 1991" on another). A document is read by what
it says most precisely: where it gives a day within its own year-only mention, the year stands
for that day (a page's list of years beside its list of days says no more than the days), so
it supports neither another page's day of that year nor, as a document, any other day.
A fact's date is already the most precise of the mentions that agree with it (``1948`` and
``1948-10-15`` are one fact dated ``1948-10-15``).

**Which act.** Relations begin with the agreement to establish them (an exchange of notes, a
joint communiqué, a treaty signed). A mention whose sentence dates another act (a recognition,
an envoy's credentials or accreditation, a treaty's entry into force or ratification, a move to
establish relations: ``OTHER_ACT``) and does not say relations were established supports no
date: "the United States recognized the new nation and moved to establish diplomatic
relations" after an independence on 12 December 1963 is not evidence that relations began that
day.

Against the Office of the Historian's first establishments of the United States' relations
(``bench/headline_vs_historian.py``: 198 files, 192 countries with an establishment in the
knowledge base of the 205 "Foreign relations of" pages), this order agrees exactly for 159 of
the 192 (83%), 161 (84%) at the Historian's precision (a day within the year it gives alone),
and by year for 179 (93%); the earliest date, for 64% and 75% of the 198. The whole corpus
(with the 2019 revisions of 135 pages and the bilateral articles) gives the same figures. Of
the rest, 7 are the two pages of a pair dating one establishment to two days of a year (the
partner's list gives the exchange of notes or an agreement, the United States' list, which
cites the Historian, the announcement, the credentials or a law), which no weighing of evidence
that does not prefer the United States' list can decide; 2 give the year of Dyad's day; 11 a
day no source of the corpus gives, or Dyad only the year; 13 differ by years: the Historian
counts a predecessor Dyad keeps apart (Joseon Korea, the Papal States, the North German
Confederation, the Kingdom of Montenegro: three of these share a pair with another Historian
file, so one of the two must miss) or dates a later act than the agreement (the credentials, a
law), and the sources disagree.

**A conflict** is two sources disagreeing about one event. Reconciliation already keeps apart
what is not one: a year and a day within it agree (one fact), a recognition is another type, and
an establishment dated after a known break or beside a restoration is a renewal
(``reconcile.renewals``). What remains flagged is said in words by :func:`conflict_reason`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.store.dates import Bounds, bounds
from dyad.store.reconcile import state_births
from dyad.store.views import Fact, Source

TABLE_RULE_PREFIX = "table.relations-"


@dataclass(frozen=True, slots=True)
class Support:
    """What supports one fact's date among the pair's establishment mentions."""

    documents: int
    mentions: int


def _anchor(fact: Fact) -> Bounds | None:
    if fact.date_lower is None or fact.date_upper is None:
        return None
    return Bounds(fact.date_lower, fact.date_upper)


# A sentence that dates another act than the establishment of relations and does not say
# they were established: a recognition, the credentials or accreditation of an envoy, a treaty's
# entry into force or ratification, a move or intention to establish them ("After Kenya's
# independence on 12 December 1963, the United States immediately recognized the new nation and
# moved to establish diplomatic relations"). Relations begin with the agreement to establish
# them, which such acts precede or follow: the sentence's date is not evidence of that day. A
# sentence that says they were established on a day "when" an envoy was accredited still dates
# the establishment (it is how relations were opened before exchanges of notes).
OTHER_ACT = re.compile(
    r"\bcredentials\b|\baccredit|\b(?:entered|entry|came|come|comes) into force\b|\bratif"
    r"|\brecogni[sz]|\b(?:moved|decided|intends?|intended|plans?|planned) to establish\b",
    re.IGNORECASE,
)
ESTABLISHED = re.compile(
    r"\bestablished\b|\bestablishment\b|\b(?:began|begun|started|opened)\b", re.IGNORECASE
)


def of_another_act(source: Source) -> bool:
    """Whether a mention's sentence dates another act and does not say relations were
    established (``OTHER_ACT``, ``ESTABLISHED``)."""
    text = source.text
    return OTHER_ACT.search(text) is not None and ESTABLISHED.search(text) is None


def article(source: Source) -> str:
    """The article a mention comes from, which is what documents are counted by: its title.
    Two files with one title (the knowledge base keeps both, each under its own id: a 2019
    revision of a page beside the current one, a scrape beside the wikitext) are two copies of
    one article, mostly saying the same sentences; counted twice, an older revision's repetition
    of a sentence would outvote a partner's page ("Russia-Zimbabwe relations date back to January
    1979" in both revisions of Russia's page, against 18 February 1981 in its table and
    Zimbabwe's)."""
    return source.title or source.document


def support(facts: Sequence[Fact]) -> dict[int, Support]:
    """Each fact's support (module docstring), by fact id, counted over all of ``facts``."""
    said: list[tuple[str, Bounds]] = [
        (article(s), value)
        for f in facts
        for s in f.sources
        if (value := bounds(s.date)) and not of_another_act(s)
    ]
    by_document: dict[str, set[Bounds]] = {}
    for document, value in said:
        by_document.setdefault(document, set()).add(value)

    def meant(document: str, value: Bounds) -> list[Bounds]:
        """What a mention stands for: the finer dates its document gives within it, or
        itself."""
        finer = [o for o in by_document[document] if o != value and value.contains(o)]
        return finer or [value]

    finest = {d: {c for v in values for c in meant(d, v)} for d, values in by_document.items()}
    found: dict[int, Support] = {}
    for fact in facts:
        anchor = _anchor(fact)
        if anchor is None:
            found[fact.id] = Support(0, 0)
            continue
        documents = sum(1 for values in finest.values() if any(v.agrees(anchor) for v in values))
        mentions = sum(1 for d, value in said if any(c.agrees(anchor) for c in meant(d, value)))
        found[fact.id] = Support(documents, mentions)
    return found


def _from_table(fact: Fact) -> bool:
    return any(s.rule.startswith(TABLE_RULE_PREFIX) for s in fact.sources)


def _width(fact: Fact) -> int:
    if fact.date_lower is None or fact.date_upper is None:
        return 1 << 40
    return fact.date_upper - fact.date_lower


# How many years after the later state of a pair entered the state system its own
# establishment with the other still dates its birth (sources date from independence, COW from
# recognition), and the coarsest date that can (a year).
BIRTH_YEARS = 3
YEAR_WIDTH = 1231 - 101


def _year(fact: Fact) -> int:
    return (fact.date_lower or 0) // 10000


def predecessor_before(facts: Sequence[Fact]) -> int:
    """The year before which the pair's establishment facts are a predecessor's: the first year
    both states existed (``reconcile.state_births``), when the pair has an establishment of its
    own dated at the later state's birth (within ``BIRTH_YEARS``, to the year or finer), else 0.
    The Czech Republic's row dated 11 June 1919 is Czechoslovakia's beside its own of 1993:
    reconciliation keys such a date apart already (no conflict); the headline does not take it
    either. Without an establishment at the birth, an earlier date is kept: the state may have
    existed before COW counted it (Liberia from 1847, COW from 1920), and a later date is then no
    evidence of a successor."""
    if not facts:
        return 0
    born = state_births((facts[0].a, facts[0].b))
    at_birth = any(
        f.date_lower is not None
        and born <= _year(f) <= born + BIRTH_YEARS
        and _width(f) <= YEAR_WIDTH
        for f in facts
    )
    return born if at_birth else 0


def weight(
    fact: Fact, found: Support, before: int = 0, mentions: int | None = None
) -> tuple[int, int, int, int, int, int, int]:
    """A sort key, heaviest first: the pair's own establishment before a predecessor's (dated
    before ``before``), then documents, mentions (``mentions`` when given: those of its year,
    ``year_mentions``), precision, a table, then the latest year, and within a year the
    earliest day."""
    return (
        int(fact.date_lower is not None and _year(fact) < before),
        -found.documents,
        -(found.mentions if mentions is None else mentions),
        _width(fact),
        -int(_from_table(fact)),
        -((fact.date_lower or 0) // 10000),
        fact.date_lower or 0,
    )


def by_weight(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts, the headline first and the alternatives after it."""
    return ranked(facts)[0]


def ranked(facts: Iterable[Fact]) -> tuple[tuple[Fact, ...], dict[int, Support]]:
    """:func:`by_weight`, with each fact's support (by id) to say why (:func:`basis_of`)."""
    facts = tuple(facts)
    found = support(facts)
    before = predecessor_before(facts)
    of_year = year_mentions(facts, found)
    return (
        tuple(
            sorted(
                facts,
                key=lambda f: weight(
                    f, found[f.id], before, of_year[_year(f), found[f.id].documents]
                ),
            )
        ),
        found,
    )


def year_mentions(facts: Sequence[Fact], found: dict[int, Support]) -> dict[tuple[int, int], int]:
    """The most mentions of any fact of a year that as many documents support, by (year,
    documents): between days of one year that as many documents give, a page's repeating its
    own day (a second list, a sentence) decides nothing (module docstring)."""
    most: dict[tuple[int, int], int] = {}
    for fact in facts:
        key = (_year(fact), found[fact.id].documents)
        most[key] = max(most.get(key, 0), found[fact.id].mentions)
    return most


def basis(fact: Fact, among: Sequence[Fact] = ()) -> str:
    """Why a fact is the headline among the pair's establishment facts ``among`` (itself when
    empty), in words: "3 documents, 4 mentions, a relations table"."""
    found = support(tuple(among) or (fact,))
    return basis_of(fact, found if fact.id in found else support((fact,)))


def basis_of(fact: Fact, found: dict[int, Support]) -> str:
    """:func:`basis` from the support of the facts it is among (:func:`ranked`)."""
    documents, mentions = found[fact.id].documents, found[fact.id].mentions
    words = [
        f"{documents} document{'s' if documents != 1 else ''}",
        f"{mentions} mention{'s' if mentions != 1 else ''}",
    ]
    if _from_table(fact):
        words.append("a relations table")
    return ", ".join(words)


def conflict_reason(type_label: str, a: str, b: str, values: Sequence[Fact]) -> str:
    """Why the values of one conflict were flagged, with which source says what."""
    claims = []
    ordered, found = ranked(values)  # the support of each value among them all, once
    for value in ordered:
        titles = sorted({s.title for s in value.sources})
        shown = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
        claims.append(f"{value.date or 'undated'} ({basis_of(value, found)}: {shown})")
    return (
        f"Sources date the one {type_label} of {a}–{b} differently: "
        + " vs ".join(claims)
        + ". The dates do not contain one another, and no restoration or break of relations"
        " between them makes the later one a renewal."
    )
