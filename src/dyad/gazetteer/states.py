"""A row of the gazetteer and the data files it is read from.

Rows live in ``data/states.tsv`` (one state, former state, territory or organisation a row; the
file's header explains the columns, the name markers and the code conventions) and
``data/not_states.txt`` (names such as "New Mexico" that contain a state's name without mentioning
the state). :mod:`dyad.gazetteer.lookup` builds the gazetteer from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "AmbiguousStateError",
    "CowCode",
    "Form",
    "FormKind",
    "GazetteerError",
    "Mention",
    "State",
    "StateKind",
    "UnknownStateError",
    "parse_not_states",
    "parse_states",
]


class StateKind(StrEnum):
    """What sort of entity a row is."""

    STATE = "state"
    PARTIAL = "partial"  # partially recognised or unrecognised
    FORMER = "former"
    ASSOCIATED = "associated"  # in free association, conducting its own foreign relations
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
