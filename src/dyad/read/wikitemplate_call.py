"""The call of a wikitext template as its renderers see it: its arguments (:class:`Call`), the
reader's narrow interface for emitting text (:class:`Out`), and the key a name is looked up by.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

from mwparserfromhell.nodes import Template, Text
from mwparserfromhell.wikicode import Wikicode


class Out(Protocol):
    """What a renderer may do; the reader implements it."""

    def text(self, s: str) -> None: ...
    def anchor(self, text: str, target: str) -> None: ...
    def date(self, text: str, value: str) -> None: ...
    def space(self) -> None: ...
    def inline(self, code: Wikicode | None) -> None: ...
    def plain(self, code: Wikicode | None) -> str: ...
    def block_start(self) -> None: ...
    def block_end(self) -> None: ...
    def paragraph_break(self) -> None: ...
    def cite(self, fields: Mapping[str, str]) -> None: ...
    def infobox(self, fields: Mapping[str, str]) -> None: ...
    def name(self, language: str, text: str) -> None: ...
    def display_title(self, title: str) -> None: ...


class Call:
    """A template's arguments by name; positional ones are ``"1"``, ``"2"``, ...

    ``offset`` shifts positional numbering: ``{{#invoke:dts|main|...}}`` reads as ``{{dts|...}}``.
    """

    __slots__ = ("_args", "_offset", "key")

    def __init__(self, key: str, args: dict[str, Wikicode], offset: int = 0) -> None:
        self.key = key
        self._args = args
        self._offset = offset

    @classmethod
    def of(cls, key: str, template: Template) -> Call:
        args: dict[str, Wikicode] = {}
        for param in template.params:
            name = text_of(param.name).strip()
            args[name] = param.value
        return cls(key, args)

    def shifted(self, by: int) -> Call:
        return Call(self.key, self._args, self._offset + by)

    def get(self, name: str | int) -> Wikicode | None:
        if isinstance(name, int):
            name = str(name + self._offset)
        return self._args.get(name)

    def positional(self) -> Iterator[Wikicode]:
        """Positional arguments in order, up to the first missing number."""
        number = 1
        while (value := self.get(number)) is not None:
            yield value
            number += 1

    def named(self) -> Iterator[tuple[str, Wikicode]]:
        for name, value in self._args.items():
            if not name.isdigit():
                yield name, value

    def text(self, name: str | int, out: Out) -> str:
        """The argument rendered to plain text ('' when absent)."""
        value = self.get(name)
        if value is None:
            return ""
        fast = text_of(value)
        return (
            fast.strip()
            if "{" not in fast
            and "[" not in fast
            and "<" not in fast
            and "&" not in fast
            and "'" not in fast
            else out.plain(value)
        )

    def flag(self, name: str) -> bool:
        return self.get(name) is not None and text_of(self._args[name]).strip().lower() in (
            "y",
            "yes",
            "on",
            "true",
            "1",
        )


def text_of(code: Wikicode) -> str:
    nodes = code.nodes
    if len(nodes) == 1 and type(nodes[0]) is Text:
        return nodes[0].value
    return str(code)


_SPACES = re.compile(r"[\s_]+")


def template_key(name: str) -> str:
    """The table key of a template name: ``Date_table sorting`` -> ``date table sorting``."""
    key = _SPACES.sub(" ", name).strip().casefold()
    for prefix in ("template:", "subst:", "safesubst:", "msgnw:"):
        if key.startswith(prefix):
            key = key[len(prefix) :].lstrip()
    return key


Render = Callable[[Call, Out], None]
