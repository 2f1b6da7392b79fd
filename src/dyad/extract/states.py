"""The states gazetteer: names, codes and mentions of states.

Rows live in ``data/states.tsv`` (one state, former state, territory or organisation a row; the
file's header explains the columns, the name markers and the code conventions) and
``data/not_states.txt`` (names such as "New Mexico" that contain a state's name without mentioning
the state). How names are compared and found is in :mod:`dyad.extract.state_names`.

>>> gaz = default_gazetteer()
>>> gaz.resolve("Korea, North").code
'PRK'
>>> [(m.text, m.code) for m in gaz.find_mentions("Mongolian-DPRK relations")]
[('Mongolian', 'MNG'), ('DPRK', 'PRK')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources

from dyad.extract.state_names import compile_names, fold, mention_key, name_key, plural

__all__ = [
    "CowCode",
    "Form",
    "FormKind",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "State",
    "StateKind",
    "UnknownStateError",
    "default_gazetteer",
    "parse_not_states",
    "parse_states",
]


class StateKind(StrEnum):
    """What sort of entity a row is."""

    STATE = "state"
    PARTIAL = "partial"  # partially recognised or unrecognised
    FORMER = "former"
    TERRITORY = "territory"
    ORGANISATION = "organisation"


class FormKind(StrEnum):
    """Which column of the row a name came from: how much a mention of it says."""

    NAME = "name"  # short or official name
    VARIANT = "variant"
    FORMER_NAME = "former_name"
    DEMONYM = "demonym"
    CAPITAL = "capital"


@dataclass(frozen=True, slots=True)
class CowCode:
    """A Correlates of War state number that an entity held for a span of years."""

    code: int
    abb: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class State:
    """One row of the gazetteer. Names are stored without their markers."""

    code: str
    kind: StateKind
    short_name: str
    official_name: str
    code_source: str = "iso3166-1"
    iso2: str | None = None
    cow_code: int | None = None
    cow_abb: str | None = None
    cow_other: tuple[CowCode, ...] = ()
    variants: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    other_codes: tuple[str, ...] = ()
    notes: str = ""
    ambiguous: frozenset[str] = field(default=frozenset())
    lookup_only: frozenset[str] = field(default=frozenset())

    def cow_code_in(self, year: int) -> int | None:
        """The COW number for ``year``: West Germany is 260 in 1970, Germany 255 in 2000."""
        for other in self.cow_other:
            if other.first <= year <= other.last:
                return other.code
        return self.cow_code

    def forms(self) -> Iterator[tuple[str, FormKind]]:
        """Every name of the state with the column it came from, names first."""
        yield self.short_name, FormKind.NAME
        yield self.official_name, FormKind.NAME
        for kind, names in (
            (FormKind.VARIANT, self.variants),
            (FormKind.FORMER_NAME, self.former_names),
            (FormKind.DEMONYM, self.demonyms),
            (FormKind.CAPITAL, self.capitals),
        ):
            for name in names:
                yield name, kind


@dataclass(frozen=True, slots=True)
class Form:
    """A name as the gazetteer matches it."""

    text: str
    code: str
    kind: FormKind
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A state named in running text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    code: str
    form: str
    kind: FormKind
    ambiguous: bool


class GazetteerError(ValueError):
    """The gazetteer's data is inconsistent; the message names the row or the clashing names."""


class UnknownStateError(LookupError):
    """A name or code that the gazetteer does not know; the message suggests close names."""

    def __init__(self, query: str, suggestions: Iterable[State] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = ", ".join(f"{s.short_name} ({s.code})" for s in self.suggestions)
        message = f"unknown state {query!r}"
        message += f"; did you mean {hint}?" if hint else "; add it to states.tsv if it is one"
        super().__init__(message)


class AmbiguousStateError(UnknownStateError):
    """A name that several states go by ("Korea", "Congo"): the suggestions are all of them."""

    def __init__(self, query: str, suggestions: Iterable[State]) -> None:
        super().__init__(query, suggestions)
        names = " or ".join(f"{s.short_name} ({s.code})" for s in self.suggestions)
        self.args = (f"{query!r} is ambiguous: it may mean {names}; give one of them",)


_PAREN_RE = re.compile(r"\s*\([^()]*\)")


def _marked(cell: str) -> tuple[str, bool, bool]:
    """``"~Georgia"`` -> ``("Georgia", True, False)``; ``"!CAR"`` -> ``("CAR", False, True)``."""
    ambiguous = lookup_only = False
    while cell[:1] in ("~", "!"):
        ambiguous |= cell[0] == "~"
        lookup_only |= cell[0] == "!"
        cell = cell[1:]
    return cell.strip(), ambiguous, lookup_only


# --- Reading the data files ------------------------------------------------------------------

_COLUMNS = (
    "code",
    "code_source",
    "iso2",
    "kind",
    "cow_code",
    "cow_abb",
    "cow_other",
    "short_name",
    "official_name",
    "variants",
    "former_names",
    "demonyms",
    "capitals",
    "other_codes",
    "notes",
)
_COW_OTHER_RE = re.compile(r"(\d+) ([A-Z]{3}) (\d{4})-(\d{4})")


def parse_states(text: str) -> list[State]:
    """Read ``states.tsv``: ``#`` lines are comments, the first other line is the header."""
    states: list[State] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != _COLUMNS:
                raise GazetteerError(f"line {number}: expected the columns {', '.join(_COLUMNS)}")
            continue
        if len(cells) != len(header):
            raise GazetteerError(f"line {number}: {len(cells)} cells, expected {len(header)}")
        try:
            states.append(_parse_row(dict(zip(header, cells, strict=True))))
        except (ValueError, KeyError) as error:
            raise GazetteerError(f"line {number}: {error}") from error
    return states


def _parse_row(row: Mapping[str, str]) -> State:
    ambiguous: set[str] = set()
    lookup_only: set[str] = set()

    def names(cell: str) -> tuple[str, ...]:
        out = []
        for part in cell.split("|"):
            if not part.strip():
                continue
            name, is_ambiguous, is_lookup_only = _marked(part.strip())
            if is_ambiguous:
                ambiguous.add(name)
            if is_lookup_only:
                lookup_only.add(name)
            out.append(name)
        return tuple(out)

    (short_name,) = names(row["short_name"])
    (official_name,) = names(row["official_name"]) or (short_name,)
    cow_other = []
    for part in row["cow_other"].split("|"):
        if part.strip():
            match = _COW_OTHER_RE.fullmatch(part.strip())
            if match is None:
                raise ValueError(f"cow_other {part.strip()!r} is not 'CODE ABB FIRST-LAST'")
            code, abb, first, last = match.groups()
            cow_other.append(CowCode(int(code), abb, int(first), int(last)))
    return State(
        code=row["code"].strip(),
        kind=StateKind(row["kind"].strip()),
        short_name=short_name,
        official_name=official_name,
        code_source=row["code_source"].strip(),
        iso2=row["iso2"].strip() or None,
        cow_code=int(row["cow_code"]) if row["cow_code"].strip() else None,
        cow_abb=row["cow_abb"].strip() or None,
        cow_other=tuple(cow_other),
        variants=names(row["variants"]),
        former_names=names(row["former_names"]),
        demonyms=names(row["demonyms"]),
        capitals=names(row["capitals"]),
        other_codes=tuple(row["other_codes"].split()),
        notes=row["notes"].strip(),
        ambiguous=frozenset(ambiguous),
        lookup_only=frozenset(lookup_only),
    )


def parse_not_states(text: str) -> list[str]:
    """Read ``not_states.txt``: one name a line, ``#`` starts a comment."""
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [name for name in names if name]


# --- The gazetteer ---------------------------------------------------------------------------

_KIND_PREFERENCE = {
    StateKind.STATE: 0,
    StateKind.PARTIAL: 1,
    StateKind.TERRITORY: 2,
    StateKind.FORMER: 3,
    StateKind.ORGANISATION: 4,
}


class Gazetteer:
    """States by code and name, and a matcher for their mentions in running text.

    Build one with :func:`default_gazetteer` (the shipped data) or from your own rows; it is
    immutable after construction, so one instance can serve every thread.
    """

    def __init__(self, states: Iterable[State], not_states: Iterable[str] = ()) -> None:
        self._lookups: dict[str, State | None] = {}
        self._states: dict[str, State] = {}
        self._codes: dict[str, State] = {}
        self._cow: dict[int, State] = {}
        self._cow_abb: dict[str, State] = {}
        self._names: dict[str, State] = {}
        self._forms: dict[str, Form | None] = {}
        for state in states:
            self._add(state)
        self._check_names_against_codes()
        matched: list[str] = []
        for state in self._states.values():
            matched.extend(self._add_forms(state))
        for name in not_states:
            key = mention_key(name)
            if self._forms.get(key) is not None:
                raise GazetteerError(
                    f"not_states name {name!r} is also a name of {self._forms[key]}"
                )
            self._forms[key] = None
            matched.append(name)
        self._pattern = compile_names(matched)
        # The text as written, or in capitals, finds its form without building a key.
        self._exact: dict[str, Form | None] = {}
        for name in matched:
            form = self._forms[mention_key(name)]
            for spelling in (fold(name), fold(name).upper()):
                self._exact.setdefault(spelling, form)

    # construction helpers

    def _add(self, state: State) -> None:
        if not re.fullmatch(r"[A-Z]{3}", state.code):
            raise GazetteerError(f"{state.code!r}: a code is three capital letters")
        if state.code in self._states:
            raise GazetteerError(f"{state.code}: two rows with the same code")
        self._states[state.code] = state
        for code in (state.code, state.iso2, *state.other_codes):
            if code is None:
                continue
            if code in self._codes:
                raise GazetteerError(
                    f"{code}: code of both {self._codes[code].code} and {state.code}"
                )
            self._codes[code] = state
        for cow in (state.cow_code, *(c.code for c in state.cow_other)):
            if cow is not None and self._prefer(state, self._cow.get(cow)):
                self._cow[cow] = state
        for abb in (state.cow_abb, *(c.abb for c in state.cow_other)):
            if abb is not None and self._prefer(state, self._cow_abb.get(abb)):
                self._cow_abb[abb] = state
        for name, _kind in state.forms():
            key = name_key(name)
            if not key:
                raise GazetteerError(f"{state.code}: empty name")
            other = self._names.setdefault(key, state)
            if other is not state:
                raise GazetteerError(f"{name!r} names both {other.code} and {state.code}")

    @staticmethod
    def _prefer(state: State, current: State | None) -> bool:
        """For a COW number several rows share, the current state wins (345 is Serbia)."""
        return current is None or _KIND_PREFERENCE[state.kind] < _KIND_PREFERENCE[current.kind]

    def _check_names_against_codes(self) -> None:
        for key, state in self._names.items():
            other = self._codes.get(key.upper()) if len(key) <= 3 else None
            if other is not None and other is not state:
                raise GazetteerError(f"name {key!r} of {state.code} is a code of {other.code}")

    def _add_forms(self, state: State) -> list[str]:
        """Register the names of ``state`` that find_mentions looks for; return them."""
        out: list[str] = []
        names = {name_key(n) for n, _ in state.forms()}
        for name, kind in state.forms():
            if name in state.lookup_only or any(c in name for c in ",()"):
                continue
            if name.startswith("The ") and name_key(name[4:]) in names and name != "The Hague":
                continue  # "the Netherlands": the article stays outside the mention
            candidates = [name]
            if kind is FormKind.DEMONYM and (plural_name := plural(name)) is not None:
                candidates.append(plural_name)
            for text in candidates:
                key = mention_key(text)
                if key in self._forms:
                    continue  # the same name in an earlier column of this state
                self._forms[key] = Form(name, state.code, kind, name in state.ambiguous)
                out.append(text)
        return out

    # lookups

    def __len__(self) -> int:
        return len(self._states)

    def __iter__(self) -> Iterator[State]:
        return iter(self._states.values())

    def __contains__(self, code: object) -> bool:
        return code in self._states

    def get(self, code: str) -> State | None:
        """The row whose code (exactly) is ``code``."""
        return self._states.get(code)

    def lookup(self, name: str) -> State | None:
        """The state a name, variant, former name, demonym or capital belongs to.

        Comparison ignores case, accents, dash and apostrophe variants and ``the``
        (see :func:`name_key`). A trailing qualifier in parentheses is tried without it
        (``"Georgia (country)"``), and an inverted ``"Korea, North"`` as ``"North Korea"``.
        """
        if name in self._lookups:
            return self._lookups[name]
        found = None
        for candidate in _candidates(name):
            found = self._names.get(name_key(candidate))
            if found is not None:
                break
        if len(self._lookups) < _LOOKUP_MEMO:
            self._lookups[name] = found  # the gazetteer never changes once built
        return found

    def resolve(self, code_or_name: str) -> State | None:
        """Accept an ISO alpha-3 or alpha-2 code, a COW number or any name.

        COW abbreviations are not accepted here because many are other states' ISO codes (COW's
        MNG is Montenegro): use :meth:`by_cow` for them.
        """
        text = code_or_name.strip()
        if text.isascii() and text.isdigit():  # not "²" or "③", which isdigit() also accepts
            return self._cow.get(int(text))
        if 2 <= len(text) <= 3 and text.isalpha():
            state = self._codes.get(text.upper())
            if state is not None:
                return state
        return self.lookup(text)

    def require(self, code_or_name: str) -> State:
        """Like :meth:`resolve`, but raise :class:`UnknownStateError` with suggestions."""
        state = self.resolve(code_or_name)
        if state is None:
            raise UnknownStateError(code_or_name, self.suggest(code_or_name))
        if code_or_name.strip() == state.code:  # an exact code in capitals is never ambiguous
            return state
        key = name_key(code_or_name)
        if any(name_key(name) == key for name in state.ambiguous):
            raise AmbiguousStateError(code_or_name, [state, *self._sharing(key, state)])
        return state

    def _sharing(self, key: str, chosen: State) -> list[State]:
        """Current states other than ``chosen`` whose names hold the words of ``key``."""
        words = re.compile(rf"(?:^|\W){re.escape(key)}(?:\W|$)")
        out = []
        for state in self._states.values():
            if state is chosen or state.kind != "state":
                continue
            names = (state.short_name, state.official_name, *state.variants)
            if any(words.search(name_key(n)) for n in names):
                out.append(state)
        return out

    def by_cow(self, code_or_abb: int | str) -> State | None:
        """The row for a COW number (``731``) or abbreviation (``"ROK"``)."""
        if isinstance(code_or_abb, int):
            return self._cow.get(code_or_abb)
        text = code_or_abb.strip()
        if text.isascii() and text.isdigit():
            return self._cow.get(int(text))
        return self._cow_abb.get(text.upper())

    def suggest(self, name: str, n: int = 5) -> list[State]:
        """Up to ``n`` states whose names are closest to ``name``, closest first."""
        close = difflib.get_close_matches(name_key(name), self._names, n=n * 4, cutoff=0.6)
        out: list[State] = []
        for key in close:
            state = self._names[key]
            if state not in out:
                out.append(state)
        return out[:n]

    def find_mentions(self, text: str) -> list[Mention]:
        """Every state named in ``text``, in order, longest name first and never overlapping.

        ``"North Korean"`` is one mention of PRK, not one of Korea; ``"Chad"`` is not found in
        ``"Chadwick"``; names listed in ``not_states.txt`` ("New Mexico") hide the states inside
        them. Capital letters in a name must be capitals in the text (``"turkey"`` is not Turkey),
        but text in capitals matches (``"IRAN–QATAR RELATIONS"``).
        """
        mentions: list[Mention] = []
        folded = fold(text)
        search = self._pattern.search
        exact = self._exact
        pos = 0
        while (match := search(folded, pos)) is not None:
            start, end = match.span()
            if start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                pos = start + 1  # inside a word ("Somali" holds "Mali"): look again further on
                continue
            pos = end
            found = match.group()
            form = exact[found] if found in exact else self._forms.get(mention_key(found))
            if form is not None:
                mentions.append(
                    Mention(
                        start, end, text[start:end], form.code, form.text, form.kind, form.ambiguous
                    )
                )
        return mentions


def _candidates(name: str) -> Iterator[str]:
    yield name
    bare = _PAREN_RE.sub("", name).strip()
    if bare and bare != name:
        yield bare
    for text in (name, bare):
        head, comma, tail = text.partition(",")
        if comma and tail.strip() and "," not in tail:
            yield f"{tail.strip()} {head.strip()}"


_LOOKUP_MEMO = 200_000


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the shipped data files, loaded once."""
    data = resources.files("dyad.extract") / "data"
    states = parse_states((data / "states.tsv").read_text(encoding="utf-8"))
    not_states = parse_not_states((data / "not_states.txt").read_text(encoding="utf-8"))
    return Gazetteer(states, not_states)
