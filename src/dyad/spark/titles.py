"""Which pages are relations pages: a rule on titles that a user can change.

The default takes "X–Y relations", "X–Y border", "Foreign relations of X", lists of diplomatic
missions and embassies, and any title naming two states by the gazetteer's names ("Chad–Libya
territorial dispute"; a prefix such as "Franco-" is not a name). A user replaces the title pattern
(``--relations REGEX``) or turns the two-states test off; ``--relations '.*'`` takes every
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from dyad.gazetteer import Gazetteer, StateKind, default_gazetteer

DEFAULT_PATTERN = (
    r"^(?:Foreign relations of .+"
    r"|.+[–—-].+ (?:relations|border|border dispute|boundary)"
    r"|(?:List of )?(?:diplomatic missions|embassies|ambassadors) (?:of|in|to) .+"
    r"|Embassy of .+ in .+)$"
)


@dataclass(frozen=True)
class RelationsRule:
    """A title is a relations page when it matches ``pattern`` or (``two_states``) it names two
    different states."""

    pattern: str = DEFAULT_PATTERN
    two_states: bool = True
    gazetteer: Gazetteer | None = field(default=None, compare=False, repr=False)

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def matches(self, title: str) -> bool:
        if self._regex.search(title):
            return True
        return self.two_states and len(states_named(title, self.gazetteer)) >= 2


def states_named(title: str, gazetteer: Gazetteer | None = None) -> set[str]:
    """The codes of the states (not organisations) a title names."""
    gaz = gazetteer or default_gazetteer()
    codes = set()
    for mention in gaz.find_mentions(title):
        state = gaz.get(mention.code)
        if state is not None and state.kind != StateKind.ORGANISATION:
            codes.add(mention.code)
    return codes


def compile_rule(pattern: str | None = None, *, two_states: bool = True) -> RelationsRule:
    """A rule from a user's pattern (``None``: the default), refusing a pattern that does not
    compile with a one-line reason."""
    chosen = DEFAULT_PATTERN if pattern is None else pattern
    try:
        re.compile(chosen)
    except re.error as exc:
        raise ValueError(f"--relations {chosen!r} is not a regular expression: {exc}") from None
    return RelationsRule(chosen, two_states)
