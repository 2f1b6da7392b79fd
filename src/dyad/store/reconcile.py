"""Reconciliation: the event mentions of a pair, grouped into facts.

Every extracted event record is one row of ``event_mentions``; the same fact told by several
documents (the seed and "Foreign relations of Mongolia" both date MNG–PRK
``relations.established`` to 1948-10-15) is one row of ``facts`` with several mentions. Facts are
recomputed, pair by pair, whenever a document touching the pair is added, replaced or removed,
so no fact keeps a stale evidence and none is left without one.

Identity policy (the ``fact_policy`` table, seeded by migration 0002, is the data; a type it
does not list is ``dated``, ``as-extracted``):

* A fact's **identity key** is ``type | a | b | direction | modality | bucket`` with ``a < b``
  the sorted pair (a fact about X–Y meets whether it came from X's page or Y's page).
* **direction**: ``unordered`` types leave it out, ``ordered`` and ``as-extracted`` types keep the
  record's ``source>target`` (a visit from X to Y is not a visit from Y to X).
* **singular** types (``relations.established`` per pair, ``recognition.granted`` per
  direction) have an empty bucket: one identity per pair. Dates that *agree* (one contains the
  other: ``1948`` and ``1948-10-15``; ``1950/1953`` and ``1952``) merge into one fact whose date
  is the most precise; dates that do not make one fact each, all flagged with one row of
  ``conflicts``: kept side by side, never overwritten. ``relations.restored`` is another type:
  re-established relations never conflict with first ones.
* **dated** types (visits, agreements, ...) bucket by the year the date starts in, or by the
  evidence sentence when undated, so two visits stay two facts; inside a bucket, agreeing
  dates merge as above and others are separate facts (not conflicts).
* Grouping inside a key: distinct dates, most precise first; a date joins the existing fact whose
  value it agrees with (the one with most mentions, then the earliest), else it starts a new
  fact. Undated mentions of a singular type join its largest fact.
* **First and renewed relationships.** Before keying, an occurred ``relations.established``
  mention whose date disagrees with the pair's earliest establishment is read as a renewal
  (keyed as ``relations.restored``) when the record says relations were broken before it: a
  restoration of the pair agrees with its date ("Japan 1854, 1952" beside "29 April 1952"),
  or a severance or suspension of the pair lies between the earliest establishment and it
  (Germany–United States 1797, severed 1941, 1951), or a gap in either state's membership of
  the state system (``membership.membership_gaps``: Germany 1946-1954, Estonia 1941-1990).
  Such a date dates the renewal, so it is not a conflict with the first establishment.
* **Recognition again.** A recognition after a gap in either state's membership of the state
  system (Australia recognised Estonia in 1921 and its restored independence in 1991) keys
  apart (``renewed`` bucket): a second recognition, not a conflicting date of the first.
* **Predecessors.** An establishment dated before a modern state existed (before the year
  before its first in the state system, ``membership.existed_in``: Czechoslovakia's 1990 on
  the Czech Republic's row) dates the relations of its predecessor: it keys apart
  (``predecessor`` bucket), so it is no conflict with the modern pair's establishment.
* Modality is part of the key: a planned or denied establishment is not evidence of one.
* Fact ids are kept across recomputation when a fact keeps a mention or an agreeing date.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, cast

from dyad.gazetteer import default_gazetteer
from dyad.membership import first_member_year, is_modern, membership_gaps
from dyad.model import Pair
from dyad.store.dates import Bounds

Identity = Literal["singular", "dated"]
Direction = Literal["ordered", "unordered", "as-extracted"]


@dataclass(frozen=True, slots=True)
class Policy:
    identity: Identity = "dated"
    direction: Direction = "as-extracted"


DEFAULT_POLICY = Policy()


def load_policy(conn: sqlite3.Connection) -> dict[str, Policy]:
    return {
        type_: Policy(cast(Identity, identity), cast(Direction, direction))
        for type_, identity, direction in conn.execute(
            "SELECT type, identity, direction FROM fact_policy"
        )
    }


def policy_fingerprint(policies: dict[str, Policy]) -> str:
    text = "\n".join(f"{t}\t{p.identity}\t{p.direction}" for t, p in sorted(policies.items()))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class MentionRow:
    id: int
    document: int
    type: str
    date: str | None
    bounds: Bounds | None
    modality: str
    source: str | None
    target: str | None
    subject: str | None
    confidence: float
    evidence: str
    fact: int | None = None
    persons: frozenset[str] = frozenset()


@dataclass(slots=True)
class PlannedFact:
    key: str
    type: str
    source: str | None
    target: str | None
    modality: str
    singular: bool
    anchor: Bounds | None
    mentions: list[MentionRow] = field(default_factory=list)
    conflict: bool = False

    @property
    def date(self) -> str | None:
        """The most frequent spelling among the mentions at the most precise value."""
        if self.anchor is None:
            return None
        spellings = Counter(m.date for m in self.mentions if m.bounds == self.anchor)
        return min(spellings, key=lambda d: (-spellings[d], len(d or ""), d or ""))

    @property
    def subject(self) -> str | None:
        subjects = Counter(m.subject for m in self.mentions if m.subject)
        if not subjects:
            return None
        return min(subjects, key=lambda s: (-subjects[s], s))


_SPACE = re.compile(r"\s+")


def identity_key(
    mention: MentionRow, pair: Pair, policy: Policy, bucket: str = ""
) -> tuple[str, bool]:
    """The mention's identity key (module docstring) and whether its type is singular;
    ``bucket`` sets a singular type's apart: ``predecessor`` (the relations of a state's
    predecessor), ``renewed`` (a recognition after a gap in the state's membership)."""
    if policy.direction == "unordered":
        direction = ""
    else:
        direction = f"{mention.source or ''}>{mention.target or ''}"
    singular = policy.identity == "singular"
    if not singular and mention.bounds is not None:
        bucket = f"y{mention.bounds.year}"
    elif not singular:
        said = _SPACE.sub(" ", mention.evidence).strip()
        bucket = "e" + hashlib.sha1(said.encode()).hexdigest()[:16]
    key = f"{mention.type}|{pair[0]}|{pair[1]}|{direction}|{mention.modality}|{bucket}"
    return key, singular


ESTABLISHED = "relations.established"
RESTORED = "relations.restored"
RECOGNISED = "recognition.granted"
_BREAKS = frozenset({"relations.severed", "relations.suspended"})


def membership_breaks(pair: Pair) -> list[Bounds]:
    """The years in which either state of the pair was out of the state system, as dates."""
    gazetteer = default_gazetteer()
    found: list[Bounds] = []
    for code in pair:
        state = gazetteer.get(code)
        if state is not None:
            found.extend(
                Bounds(first * 10000 + 101, last * 10000 + 1231)
                for first, last in membership_gaps(state)
            )
    return found


def state_births(pair: Pair) -> int:
    """The first year both states of the pair existed (``membership.existed_in``): 0 unless one
    is a state that entered the system after 1900."""
    gazetteer = default_gazetteer()
    born = 0
    for code in pair:
        state = gazetteer.get(code)
        if state is not None and is_modern(state):
            first = first_member_year(state)
            born = max(born, (first or 1) - 1)
    return born


def renewals(
    mentions: Iterable[MentionRow], gaps: Sequence[Bounds] = (), type_: str = ESTABLISHED
) -> set[int]:
    """Ids of the ``type_`` mentions (establishments, or recognitions: Estonia recognised in
    1921 and again in 1991) that date a renewal (module docstring); ``gaps`` are the years the
    pair's states were out of the state system."""
    occurred = [m for m in mentions if m.modality == "occurred" and m.bounds is not None]
    established = [m for m in occurred if m.type == type_]
    if len(established) < 2:
        return set()
    first = min((m.bounds for m in established if m.bounds), key=lambda b: (b.lower, b.width))
    restored = [m.bounds for m in occurred if m.type == RESTORED and m.bounds]
    breaks = [m.bounds for m in occurred if m.type in _BREAKS and m.bounds] + list(gaps)
    return {
        m.id
        for m in established
        if m.bounds is not None and _renews(m.bounds, first, restored, breaks)
    }


def _renews(value: Bounds, first: Bounds, restored: list[Bounds], breaks: list[Bounds]) -> bool:
    """Whether a later establishment dated ``value`` renews the first one (``first``): a
    restoration agrees with it, or a break lies between them."""
    if value.agrees(first) or value.lower <= first.lower:
        return False
    return any(r.agrees(value) for r in restored) or any(
        first.upper <= b.lower <= value.lower for b in breaks
    )


def plan(
    mentions: Iterable[MentionRow], pair: Pair, policies: dict[str, Policy]
) -> list[PlannedFact]:
    """Group one pair's mentions into facts (pure: the policy in the module docstring)."""
    mentions = list(mentions)
    gaps = membership_breaks(pair)
    renewed = renewals(mentions, gaps)
    recognised_again = renewals(mentions, gaps, RECOGNISED)
    born = state_births(pair)
    keyed: dict[str, list[MentionRow]] = {}
    singular_keys: set[str] = set()
    for mention in mentions:
        if mention.id in renewed:
            mention = replace(mention, type=RESTORED)
        early = mention.bounds is not None and mention.bounds.year < born
        policy = policies.get(mention.type, DEFAULT_POLICY)
        bucket = "predecessor" if early and mention.type == ESTABLISHED else ""
        if mention.id in recognised_again:
            bucket = "renewed"
        key, singular = identity_key(mention, pair, policy, bucket)
        keyed.setdefault(key, []).append(mention)
        if singular:
            singular_keys.add(key)
    planned: list[PlannedFact] = []
    for key in sorted(keyed):
        group = keyed[key]
        first = group[0]
        policy = policies.get(first.type, DEFAULT_POLICY)
        unordered = policy.direction == "unordered"
        singular = key in singular_keys
        facts = (
            _cluster(group)
            if singular
            else [c for people in _by_people(group) for c in _cluster(people)]
        )
        for fact_mentions, anchor in facts:
            planned.append(
                PlannedFact(
                    key=key,
                    type=first.type,
                    source=None if unordered else first.source,
                    target=None if unordered else first.target,
                    modality=first.modality,
                    singular=singular,
                    anchor=anchor,
                    mentions=fact_mentions,
                    conflict=singular and len(facts) > 1,
                )
            )
    return planned


def _by_people(group: list[MentionRow]) -> list[list[MentionRow]]:
    """Split mentions that name different people: Kim Il Sung's visit of 1988 and Kim
    Yong-nam's are two visits. Mentions naming nobody join the largest group."""
    groups: list[tuple[set[str], list[MentionRow]]] = []
    nameless: list[MentionRow] = []
    for mention in group:
        if not mention.persons:
            nameless.append(mention)
            continue
        for names, members in groups:
            if names & mention.persons:
                names |= mention.persons
                members.append(mention)
                break
        else:
            groups.append((set(mention.persons), [mention]))
    if not groups:
        return [group]
    max(groups, key=lambda g: len(g[1]))[1].extend(nameless)
    return [members for _, members in groups]


def _cluster(group: list[MentionRow]) -> list[tuple[list[MentionRow], Bounds | None]]:
    by_value: dict[Bounds, list[MentionRow]] = {}
    undated: list[MentionRow] = []
    for mention in group:
        if mention.bounds is None:
            undated.append(mention)
        else:
            by_value.setdefault(mention.bounds, []).append(mention)
    clusters: list[tuple[list[MentionRow], Bounds | None]] = []
    for value in sorted(by_value, key=lambda b: (b.width, b.lower)):
        joined = [c for c in clusters if c[1] is not None and c[1].agrees(value)]
        if joined:
            _largest(joined)[0].extend(by_value[value])
        else:
            clusters.append((list(by_value[value]), value))
    if undated:
        if clusters:
            _largest(clusters)[0].extend(undated)
        else:
            clusters.append((undated, None))
    clusters.sort(key=lambda c: (c[1] is None, c[1].lower if c[1] else 0, c[0][0].id))
    return clusters


def _largest(
    clusters: list[tuple[list[MentionRow], Bounds | None]],
) -> tuple[list[MentionRow], Bounds | None]:
    return max(clusters, key=lambda c: (len(c[0]), -(c[1].lower if c[1] else 0)))
