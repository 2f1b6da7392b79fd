"""The gazetteer: states by code and name, and the matcher of their mentions in running text.

How names are compared and found is in :mod:`dyad.gazetteer.names`; the rows and their data files
in :mod:`dyad.gazetteer.states`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from dyad.gazetteer.names import compile_names, fold, mention_key, name_key, plural
from dyad.gazetteer.states import (
    AmbiguousStateError,
    Form,
    FormKind,
    GazetteerError,
    Mention,
    State,
    StateKind,
    UnknownStateError,
    parse_not_states,
    parse_states,
)

__all__ = ["Gazetteer", "default_gazetteer"]

_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_KIND_PREFERENCE = {
    StateKind.STATE: 0,
    StateKind.PARTIAL: 1,
    StateKind.ASSOCIATED: 2,
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
    data = resources.files("dyad.gazetteer") / "data"
    states = parse_states((data / "states.tsv").read_text(encoding="utf-8"))
    not_states = parse_not_states((data / "not_states.txt").read_text(encoding="utf-8"))
    return Gazetteer(states, not_states)
