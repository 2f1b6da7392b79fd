"""A sentence with its mentions replaced by tags, for rules to match over.

"In 2013, the Mongolian President Tsakhiagiin Elbegdorj visited North Korea" becomes
"In ⟨D0⟩, the ⟨S1⟩ President ⟨P2⟩ visited ⟨S3⟩": states (S), people (P), phrases that
refer to states ("the two countries", "the country": C), quantities (Q) and dates (D). Rules
are regular expressions over this string (:mod:`dyad.extract.rules`), and every position in
it maps back to an offset in the clean text, so that evidence stays exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from dyad.extract.dates import TimeExpr
from dyad.extract.people import PersonMention
from dyad.extract.quantities import QuantityMention
from dyad.gazetteer import Mention

TagKind = Literal["S", "P", "C", "Q", "D"]
Coref = Literal["pair", "other", "person", "north", "south"]

_COREF = re.compile(
    # Every branch opens with one of these letters: the lookahead turns other positions away.
    r"(?=[TtBbHhSs])(?:"
    # At the start of a sentence too: "The two nations have fought two wars", "Both countries".
    r"\b(?P<pair>(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:countries|nations|states|governments|sides)"
    r"|the\s+two\b(?!\s+\w+\s+of))"
    r"|\b(?P<other>[Tt]he\s+(?:country|nation)(?!\s+of\b)(?!'s))"
    r"|\b(?P<person>[Hh]e|[Ss]he)\b"
    # "the North" / "the South" of a divided country: the pair's member so named.
    r"|\b[Tt]he\s+(?P<north>North)\b(?!\s+[A-Z])|\b[Tt]he\s+(?P<south>South)\b(?!\s+[A-Z]))",
)
TAG = re.compile(r"⟨([SPCQD])(\d+)⟩")


@dataclass(frozen=True, slots=True)
class Tag:
    """One tagged mention; which of the payload fields is set depends on ``kind``."""

    kind: TagKind
    index: int
    start: int
    end: int
    state: str | None = None
    person: PersonMention | None = None
    coref: Coref | None = None
    quantity: QuantityMention | None = None
    date: TimeExpr | None = None
    period: str | None = None
    inner_states: tuple[str, ...] = ()
    demonym: bool = False  # "Syrian" in "the Syrian refugee camp": a state, not a place

    @property
    def token(self) -> str:
        return f"⟨{self.kind}{self.index}⟩"


@dataclass(frozen=True, slots=True)
class Tagged:
    """A sentence (``start``/``end`` in the clean text) as a tagged string."""

    start: int
    end: int
    string: str
    tags: tuple[Tag, ...]
    positions: tuple[int, ...]  # positions[i]: clean-text offset of string[i]

    def offset(self, position: int) -> int:
        """The clean-text offset of a position in the tagged string (its end included)."""
        if position >= len(self.positions):
            return self.end
        return self.positions[position]

    def end_offset(self, position: int) -> int:
        """The clean-text offset just after the character before ``position``."""
        if position <= 0:
            return self.start
        before = self.string[position - 1]
        if before == "⟩":
            token_start = self.string.rfind("⟨", 0, position)
            tag = self.tag_of(self.string[token_start:position])
            if tag is not None:
                return tag.end
        return self.positions[position - 1] + 1

    def tag_of(self, token: str) -> Tag | None:
        m = TAG.fullmatch(token)
        if not m:
            return None
        index = int(m.group(2))
        return self.tags[index] if index < len(self.tags) else None


class Candidate(NamedTuple):
    """A mention that may become a tag (a named tuple: made for every mention of every tagged
    sentence, several times faster than a frozen dataclass)."""

    kind: TagKind
    start: int
    end: int
    rank: int
    state: str | None = None
    person: PersonMention | None = None
    coref: Coref | None = None
    quantity: QuantityMention | None = None
    date: TimeExpr | None = None
    period: str | None = None
    demonym: bool = False


# A state's name that is part of another name: a company, party or bank ("Chinese Petroleum
# Corporation", "British Airways", "the Korean Workers' Party") or a currency ("US$").
_INSIDE_NAME = re.compile(
    r"\$|(?:'s|’s)?(?:\s+(?-i:[A-Z][\w&.'-]*)){0,3}\s+(?-i:(?:Corporation|Company|Co\.|Inc\.?|Ltd\.?"
    r"|Limited|Airlines|Airways|Petroleum|Oil\s+Company|Bank|Holdings|Telecom|Railways"
    r"|Chamber\s+of\s+Commerce|Party|Motors|Industries|Enterprises?|Broadcasting)\b)"
)


def inside_name(text: str, end: int) -> bool:
    """Whether the state's name ending at ``end`` is part of another name (``_INSIDE_NAME``)."""
    return _INSIDE_NAME.match(text, end, min(len(text), end + 80)) is not None


def coreference_candidates(text: str, start: int, end: int) -> list[Candidate]:
    out = []
    for m in _COREF.finditer(text, start, end):
        kind: Coref = next((k for k in ("pair", "other", "north", "south") if m.group(k)), "person")
        # "the two countries" is a reference to the pair, not a quantity of two.
        out.append(Candidate("C", m.start(), m.end(), -1 if kind == "pair" else 4, coref=kind))
    out.extend(_more_pair_references(text, start, end, out))
    return out


# More ways to name the pair: "relations between two countries", "these two countries".
_MORE_PAIR = re.compile(
    r"(?<=\bbetween\s)two\s+(?:countries|nations)\b"
    r"|\b[Tt]hese\s+two\s+(?:countries|nations|states|governments)\b"
)


def _more_pair_references(
    text: str, start: int, end: int, found: list[Candidate]
) -> list[Candidate]:
    """References to the pair that ``_COREF`` does not read, where no other reference is."""
    if text.find("two", start, end) < 0:
        return []  # each of them says "two"
    return [
        Candidate("C", m.start(), m.end(), -1, coref="pair")
        for m in _MORE_PAIR.finditer(text, start, end)
        if not any(c.start < m.end() and m.start() < c.end for c in found)
    ]


def tag_sentence(
    text: str,
    start: int,
    end: int,
    *,
    states: Sequence[Mention],
    people: Sequence[PersonMention],
    quantities: Sequence[QuantityMention],
    dates: Sequence[TimeExpr],
    periods: Sequence[tuple[int, int, str]],
) -> Tagged:
    """Tag ``text[start:end]``; the mention lists may cover more than the sentence.

    In phases: the candidates inside the sentence, those no better one overlaps, the tagged
    string with each kept candidate replaced by its token."""
    candidates = _candidates(text, start, end, states, people, quantities, dates, periods)
    accepted = _accepted(candidates)
    return _tagged(text, start, end, accepted, states)


def _candidates(
    text: str,
    start: int,
    end: int,
    states: Sequence[Mention],
    people: Sequence[PersonMention],
    quantities: Sequence[QuantityMention],
    dates: Sequence[TimeExpr],
    periods: Sequence[tuple[int, int, str]],
) -> list[Candidate]:
    """Every mention inside ``text[start:end]`` as a candidate tag, and the references."""
    candidates: list[Candidate] = []
    for p in people:
        if start <= p.start and p.end <= end:
            candidates.append(Candidate("P", p.start, p.end, 0, state=p.state, person=p))
    for q in quantities:
        if start <= q.start and q.end <= end:
            candidates.append(Candidate("Q", q.start, q.end, 1, quantity=q))
    for d in dates:
        if start <= d.start and d.end <= end:
            candidates.append(Candidate("D", d.start, d.end, 2, date=d))
    for p_start, p_end, value in periods:
        if start <= p_start and p_end <= end:
            candidates.append(Candidate("D", p_start, p_end, 2, period=value))
    for m in states:
        if start <= m.start and m.end <= end and not inside_name(text, m.end):
            candidates.append(
                Candidate("S", m.start, m.end, 3, state=m.code, demonym=m.kind == "demonym")
            )
    candidates.extend(coreference_candidates(text, start, end))
    return candidates


def _accepted(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates no better-ranked (then earlier, then longer) one overlaps, in order."""
    accepted: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.rank, c.start, -(c.end - c.start))):
        if any(c.start < a.end and a.start < c.end for a in accepted):
            continue
        accepted.append(c)
    accepted.sort(key=lambda c: c.start)
    return accepted


def _tagged(
    text: str, start: int, end: int, accepted: list[Candidate], states: Sequence[Mention]
) -> Tagged:
    """The sentence with each accepted candidate replaced by its tag's token."""
    parts: list[str] = []
    positions: list[int] = []
    tags: list[Tag] = []
    cursor = start
    for c in accepted:
        parts.append(text[cursor : c.start])
        positions.extend(range(cursor, c.start))
        inner = (
            tuple(m.code for m in states if c.start <= m.start and m.end <= c.end)
            if c.kind == "Q"
            else ()
        )
        tag = Tag(
            c.kind,
            len(tags),
            c.start,
            c.end,
            state=c.state,
            person=c.person,
            coref=c.coref,
            quantity=c.quantity,
            date=c.date,
            period=c.period,
            inner_states=inner,
            demonym=c.demonym,
        )
        tags.append(tag)
        parts.append(tag.token)
        positions.extend([c.start] * len(tag.token))
        cursor = c.end
    parts.append(text[cursor:end])
    positions.extend(range(cursor, end))
    return Tagged(start, end, "".join(parts), tuple(tags), tuple(positions))
