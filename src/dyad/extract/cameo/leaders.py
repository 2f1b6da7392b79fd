"""People to states, with dates: the leaders of PETRARCH2's country actor dictionary.

``data/leaders.tsv`` (made by :mod:`.convert_actors`) lists some 18,000 people with their name
variants and dated roles ("SADDAM HUSSEIN": IRQ government 1979-07-16 to 2003-04-09). Where no
link preview or title tells a person's state, :func:`state_of` picks the state whose role
covers the date in question (a government role before an elite or military one), else the only
state the person ever served. :func:`find_leaders` finds the people of the list named in a text
without a link ("Saddam Hussein visited Moscow"), by an index of their names' first words.

Names are compared in a normal form: upper case, without accents, dots or hyphens ("Kim
Il-sung" = "KIM IL SUNG"). Only names of two words or more are kept, and each word of the
name must be capitalised in the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from dyad.extract.dates import TimeExpr
from dyad.extract.people import PersonMention
from dyad.gazetteer import Mention

_SOVIET_END = "1991-12-26"  # CAMEO's RUS is the Soviet Union before this day
_ROLE_ORDER = ("GOV", "MIL", "ELI")  # which role tells the state first, where several cover
_CAPITALISED = re.compile(r"[^\W\d_a-z][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Role:
    """One dated role of a leader: the state, the role code (GOV, MIL, ELI...) and its term."""

    state: str
    role: str
    start: str  # ISO date, "" when open
    end: str


@dataclass(frozen=True, slots=True)
class LeaderMention:
    """A known leader named at ``start:end``, with every role the dictionary gives them."""

    start: int
    end: int
    name: str  # as written in the text
    roles: tuple[Role, ...]


@lru_cache(maxsize=65536)
def normal_name(name: str) -> str:
    """The comparison form of a name: "Kim Il-sung" -> "KIM IL SUNG"."""
    if name.isascii():
        return " ".join(name.replace("-", " ").replace(".", " ").upper().split())
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("-", " ").replace(".", " ").replace("’", "'")
    return " ".join(text.upper().split())


class Leaders:
    """Dated roles by normal name, and an index of names by their first word."""

    def __init__(self, entries: Sequence[tuple[Sequence[str], str]]) -> None:
        """``entries``: names in normal form, each list with its roles as ``leaders.tsv``
        writes them (read when first asked for: most names are never met)."""
        self._raw: dict[str, list[str]] = {}
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for names, roles in entries:
            for key in names:
                words = tuple(key.split())
                if len(words) < 2:
                    continue
                self._raw.setdefault(key, []).append(roles)
                self._by_first.setdefault(words[0], []).append(words)
        for variants in self._by_first.values():
            variants.sort(key=len, reverse=True)  # the longest name first

    def __len__(self) -> int:
        return len(self._raw)

    def roles(self, name: str) -> tuple[Role, ...]:
        """Every role of ``name`` (in any spelling :func:`normal_name` folds together)."""
        return _parse_roles(tuple(self._raw.get(normal_name(name), ())))

    def state_of(self, name: str, when: str | None = None) -> str | None:
        """The state ``name`` served on ``when`` (an EDTF date or year; its start counts),
        else the only state they ever served; ``None`` if unknown or ambiguous."""
        roles = self.roles(name)
        if not roles:
            return None
        day = _day(when)
        if day is not None:
            covering = [r for r in roles if (r.start or "0000") <= day <= (r.end or "9999")]
            for kind in _ROLE_ORDER:
                states = {_state(r, day) for r in covering if r.role.startswith(kind)}
                if len(states) == 1:
                    return states.pop()
                if states:
                    return None
        states = {_state(r, day) for r in roles}
        return states.pop() if len(states) == 1 else None

    def find(self, text: str) -> list[LeaderMention]:
        """Every listed name in ``text`` with its words capitalised, longest first."""
        out: list[LeaderMention] = []
        after = 0
        for m in _CAPITALISED.finditer(text):
            if m.start() < after:
                continue
            first = normal_name(m.group()).split()
            if not first or first[0] not in self._by_first:
                continue
            found = self._name_at(text, m.start())
            if found is not None:
                end, key = found
                if text[end - 1] == "." and text[end - 3 : end - 2] != " ":
                    end -= 1  # a full stop, not an initial ("J.")
                if text[end - 2 : end] in {"'s", "’s"}:
                    end -= 2
                out.append(LeaderMention(m.start(), end, text[m.start() : end], self.roles(key)))
                after = end
        return out

    def _name_at(self, text: str, start: int) -> tuple[int, str] | None:
        """The end and key of the longest listed name that starts at ``start``."""
        words: list[tuple[int, int, str]] = []
        for m in _CAPITALISED.finditer(text, start, start + 120):
            if words and (m.start() - words[-1][1] > 1 or not m.group()[0].isupper()):
                break  # more than a space between: a comma or a line ends the name
            words.append((m.start(), m.end(), m.group()))
            if len(words) == 6:
                break
        flat: list[tuple[str, int]] = []
        for _, word_end, word in words:
            if word.endswith(("'s", "’s")):
                word = word[:-2]  # "Kim Il Sung's visit"
            flat.extend((w, word_end) for w in normal_name(word).split())
        for variant in self._by_first.get(flat[0][0], []) if flat else []:
            if len(variant) <= len(flat) and tuple(w for w, _ in flat[: len(variant)]) == variant:
                last = flat[len(variant) - 1][1]
                if len(variant) < len(flat) and flat[len(variant)][1] == last:
                    continue  # the name would end inside a word
                return last, " ".join(variant)
        return None


def _day(when: str | None) -> str | None:
    if not when:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", when)
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '07'}-{m.group(3) or '01'}"


def _state(role: Role, day: str | None) -> str:
    if role.state == "RUS" and (day or role.end or role.start or "9999") < _SOVIET_END:
        return "SUN"
    return role.state


@cache
def _parse_roles(texts: tuple[str, ...]) -> tuple[Role, ...]:
    roles = []
    for text in texts:
        for part in text.split(";"):
            state, role, start, end = part.split()
            roles.append(
                Role(state, role, "" if start == "-" else start, "" if end == "-" else end)
            )
    return tuple(roles)


def parse_leaders(text: str) -> Leaders:
    """The leaders of a ``leaders.tsv`` text."""
    entries: list[tuple[list[str], str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        names, _, roles = line.partition("\t")
        entries.append((names.split("|"), roles))
    return Leaders(entries)


@cache
def leaders() -> Leaders:
    """The built-in list (``data/leaders.tsv``)."""
    path = resources.files("dyad.extract.cameo").joinpath("data/leaders.tsv")
    return parse_leaders(path.read_text(encoding="utf-8"))


def with_leaders(
    text: str,
    people: Sequence[PersonMention],
    mentions: Sequence[Mention],
    dates: Sequence[TimeExpr],
    table: Leaders | None = None,
) -> list[PersonMention]:
    """``people`` with the states the list knows, and the listed leaders named without a link
    or a title ("Saddam Hussein visited Moscow"), each dated by the nearest date in the text.

    A state a link preview or a title gave is never replaced; a listed name that overlaps a
    person already found or a state's name is not added; and the list's state must be one the
    text names somewhere: the list has its errors (Mauritania's first president is filed under
    Mauritius), and a text that tells of a leader names the leader's country.
    """
    table = leaders() if table is None else table
    starts = [d.start for d in dates]
    named = {m.code for m in mentions}

    def state_at(name: str, offset: int) -> str | None:
        """The state the list gives ``name`` at the date nearest ``offset``, if the text
        names it."""
        state = table.state_of(name, _date_near(dates, starts, offset))
        return state if state is not None and state in named else None

    out = [
        replace(person, state=state)
        if person.state is None and (state := state_at(person.name, person.start)) is not None
        else person
        for person in people
    ]
    out.extend(_unlinked_leaders(text, people, mentions, table, state_at))
    return sorted(out, key=lambda p: p.start)


def _unlinked_leaders(
    text: str,
    people: Sequence[PersonMention],
    mentions: Sequence[Mention],
    table: Leaders,
    state_at: Callable[[str, int], str | None],
) -> list[PersonMention]:
    """The listed leaders ``text`` names where no person or state was found, with their state
    (``state_at``); one without a state the text names is left out."""
    taken = sorted([(p.start, p.end) for p in people] + [(m.start, m.end) for m in mentions])
    taken_starts = [a for a, _ in taken]
    out: list[PersonMention] = []
    for found in table.find(text):
        lo = bisect.bisect_left(taken_starts, found.start - 200)
        if any(a < found.end and found.start < b for a, b in taken[lo:]):
            continue
        state = state_at(found.name, found.start)
        if state is not None:
            out.append(PersonMention(found.start, found.end, found.name, state, None, "leaders"))
    return out


def _date_near(dates: Sequence[TimeExpr], starts: list[int], offset: int) -> str | None:
    """The date written nearest to ``offset`` (within 300 characters), as EDTF."""
    at = bisect.bisect_left(starts, offset)
    near = [d for d in dates[max(0, at - 2) : at + 2] if abs(d.start - offset) <= 300]
    if not near:
        return None
    return min(near, key=lambda d: abs(d.start - offset)).edtf
