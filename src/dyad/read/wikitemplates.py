"""How each wikitext template renders: a table from template name to renderer, as data.

A renderer receives the template's arguments (:class:`Call`) and an :class:`Out`, the reader's
narrow interface for emitting text, anchors, dates and block breaks. Names are matched after
:func:`template_key` (case-insensitive, ``_`` = space); a name absent from :data:`TEMPLATES`
renders nothing, which is right for the long tail of navboxes, maintenance tags and
citations. To teach the reader a template, add its name to a row of :data:`_TABLE`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Protocol

from mwparserfromhell.nodes import Template, Text
from mwparserfromhell.wikicode import Wikicode

from dyad.read.wikidates import FORMATS, DateParts, parse_date, render_date
from dyad.read.wikinames import CONVERT_UNITS, COUNTRY_CODES, FLAG_ALIASES, TEMPLATE_LANGUAGES


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
            name = _text_of(param.name).strip()
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
        fast = _text_of(value)
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
        return self.get(name) is not None and _text_of(self._args[name]).strip().lower() in (
            "y",
            "yes",
            "on",
            "true",
            "1",
        )


def _text_of(code: Wikicode) -> str:
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


# ----------------------------------------------------------------- renderers


def nothing(call: Call, out: Out) -> None:
    """Renders nothing: citations, navboxes, maintenance tags, icons."""


def literal(s: str, call: Call, out: Out) -> None:
    out.text(s)


def argument(number: int, call: Call, out: Out) -> None:
    """Shows one positional argument (with its links and markup)."""
    out.inline(call.get(number))


def first_of(names: tuple[str | int, ...], call: Call, out: Out) -> None:
    """Shows the first of several arguments that is present and not blank."""
    for name in names:
        value = call.get(name)
        if value is not None and _text_of(value).strip():
            out.inline(value)
            return


def joined(call: Call, out: Out) -> None:
    """Shows all positional arguments, separated by spaces (``{{sortname|First|Last}}``)."""
    for value in call.positional():
        out.inline(value)
        out.space()


def country(call: Call, out: Out, *, number: int = 1) -> None:
    """A flag template: the country's name as an anchor to the country (the icon is dropped)."""
    shown = call.text("name", out) if call.get("name") is not None else ""
    name = call.text(number, out)
    target = FLAG_ALIASES.get(name, name)
    if target:
        out.anchor(shown or target, target)


def code_country(target: str, call: Call, out: Out) -> None:
    """``{{GER}}``-style templates: flag and name of the country the code stands for."""
    out.anchor(target, target)


def _date_args(call: Call, out: Out) -> list[str]:
    return [call.text(n, out) for n in range(1, 5) if call.get(n) is not None]


def _emit_date(date: DateParts | None, raw: str, out: Out, format: str | None, abbr: bool) -> None:
    if date is None or date.edtf is None:
        out.text(raw)
        return
    shown = render_date(date, format, abbr=abbr)
    if shown:
        out.date(shown, date.edtf)


def dts(call: Call, out: Out) -> None:
    """``{{dts}}``, ``{{Date table sorting}}``: the date as written (or ``format=``) and value."""
    args = _date_args(call, out)
    format = call.text("format", out).lower() or None
    if format not in FORMATS:
        format = None
    _emit_date(parse_date(args), " ".join(a for a in args if a), out, format, call.flag("abbr"))


def start_date(call: Call, out: Out) -> None:
    """``{{Start date|y|m|d|df=y}}`` and kin: day first with ``df``, else month first."""
    args = _date_args(call, out)[:3]
    date = parse_date(args)
    format = "dmy" if call.flag("df") else (date.style if date and date.style else "mdy")
    _emit_date(date, " ".join(a for a in args if a), out, format, False)


def date_template(call: Call, out: Out) -> None:
    """``{{date|2006-01-15|mdy}}``: one date, day first unless a format says otherwise."""
    raw = call.text(1, out)
    format = call.text(2, out).lower() or None
    date = parse_date([raw])
    _emit_date(
        date,
        raw,
        out,
        format if format in FORMATS else (date.style if date else None) or "dmy",
        False,
    )


def date_range(call: Call, out: Out) -> None:
    """``{{daterange|1992}}``: a start date and an end, ``present`` when open."""
    start, end = call.text(1, out), call.text(2, out)
    _emit_date(parse_date([start]), start, out, None, False)
    out.text("–")
    _emit_date(parse_date([end]), end, out, None, False) if end else out.text("present")


def as_of(call: Call, out: Out) -> None:
    """``{{As of|2024|January}}``: "As of January 2024" with the date recorded."""
    alt = call.text("alt", out)
    if alt:
        out.text(alt)
        return
    out.text("as of " if call.flag("lc") else "As of ")
    date = parse_date(_date_args(call, out)[:3])
    if date is not None and date.edtf is not None:
        out.date(render_date(date, "dmy" if call.flag("df") else "mdy"), date.edtf)
    out.text(call.text("post", out))


_HATNOTE_LABELS: Mapping[str, tuple[str, str]] = {
    "main": ("Main article: ", "Main articles: "),
    "further": ("Further information: ", "Further information: "),
    "see also": ("See also: ", "See also: "),
    "details": ("For more details on this topic, see ", "For more details on this topic, see "),
    "see": ("See ", "See "),
    "excerpt": ("This section is an excerpt from ", "This section is an excerpt from "),
}


def hatnote(kind: str, call: Call, out: Out) -> None:
    """``{{main|A|B}}``: a short paragraph "Main articles: A and B" whose names are anchors."""
    targets = [(n, call.text(n, out)) for n in range(1, 10)]
    targets = [(n, t) for n, t in targets if t]
    if kind == "excerpt":
        targets = targets[:1]
    if not targets:
        return
    one, many = _HATNOTE_LABELS[kind]
    out.block_start()
    out.text(one if len(targets) == 1 else many)
    shown = ""
    for i, (number, target) in enumerate(targets):
        if i:
            out.text(" and " if i == len(targets) - 1 else ", ")
        label = call.text(f"l{number}", out) or call.text(f"label {number}", out)
        target, _, piped = target.partition("|")  # "Page{{!}}Label", a link's own label
        label = label or piped.strip()
        page, _, section = target.partition("#")
        shown = label or (f"{page} § {section}" if section else target)
        out.anchor(shown, page or target)
    # A full stop closes the note: inside a table cell it cannot be a block of its own, and
    # without it the note would run into the cell's first sentence ("D.C." needs no second).
    if not shown.endswith("."):
        out.text(".")
    out.block_end()


def reign(call: Call, out: Out) -> None:
    """``{{reign|2005|2015}}``: "r. 2005–2015"."""
    start, end = call.text(1, out), call.text(2, out)
    if start or end:
        out.text(f"r. {start}–{end}")


def isbn(call: Call, out: Out) -> None:
    number = call.text(1, out)
    if number:
        out.text(f"ISBN {number}")


def paragraph_break(call: Call, out: Out) -> None:
    out.paragraph_break()


def quotation(call: Call, out: Out) -> None:
    """``{{Quote|text|author}}``: the quoted text as a block of its own."""
    out.block_start()
    first_of(("text", "quote", 1), call, out)
    out.block_end()


def interlanguage(call: Call, out: Out) -> None:
    """``{{ill|Target|fr|Cible|lt=shown}}``: an anchor to the English title."""
    target = call.text(1, out)
    shown = call.text("lt", out) or call.text("display", out) or target
    if target:
        out.anchor(shown, target)


def ship(prefix: str, call: Call, out: Out) -> None:
    """``{{USS|Enterprise|CVN-65}}``: "USS Enterprise (CVN-65)", anchored to the ship."""
    name, hull = call.text(1, out), call.text(2, out)
    if not name:
        return
    target = f"{prefix} {name} ({hull})" if hull else f"{prefix} {name}"
    shown = f"{prefix} {name}" if call.get(3) is not None or not hull else target
    out.anchor(shown, target)


def ship_class(call: Call, out: Out) -> None:
    """``{{sclass|Scorpène|submarine}}``: "Scorpène-class submarine"."""
    name, kind = call.text(1, out), call.text(2, out)
    if name and kind:
        out.anchor(f"{name}-class {kind}", f"{name}-class {kind}")


def language_text(language_arg: int | None, call: Call, out: Out) -> None:
    """``{{lang|fr|texte}}``, ``{{lang-fr|texte}}``, ``{{Korean|hangul=...}}``: the foreign text.

    The text is also offered as the article's name in that language (the lead's names).
    """
    if language_arg:
        language = call.text(language_arg, out)
    else:
        language = TEMPLATE_LANGUAGES.get(call.key, call.key.removeprefix("lang-"))
    value = call.get(language_arg + 1 if language_arg else 1)
    if value is None:
        parts = [call.text(k, out) for k in ("t", "s", "c", "hangul", "hanja", "p", "rr", "mr")]
        text = ", ".join(p for p in parts if p)
        out.text(text)
    else:
        text = out.plain(value)
        out.inline(value)
    if text and language:
        out.name(language, text)


def nihongo(call: Call, out: Out) -> None:
    """``{{nihongo|English|漢字|rōmaji}}``: "English (漢字, rōmaji)"."""
    english, kanji, romaji = call.text(1, out), call.text(2, out), call.text(3, out)
    out.inline(call.get(1))
    extra = ", ".join(p for p in (kanji, romaji) if p)
    if extra:
        out.text(f" ({extra})")
    if kanji:
        out.name("ja", kanji)
    if not english and not extra:
        out.text(romaji)


def convert(call: Call, out: Out) -> None:
    """``{{convert|13.5|km|mi}}``: value and unit as written ("13.5 kilometres"), unconverted."""
    values = [call.text(n, out) for n in range(1, 8)]
    abbreviate = call.text("abbr", out).lower() in ("on", "in", "values") or call.key == "cvt"
    shown: list[str] = [values[0]]
    i = 1
    while i + 1 < len(values) and values[i] in _RANGE_WORDS and values[i + 1]:
        shown.append(_RANGE_WORDS[values[i]])
        shown.append(values[i + 1])
        i += 2
    unit = values[i] if i < len(values) else ""
    if not shown[0]:
        return
    names = CONVERT_UNITS.get(unit)
    label = (names[0] if abbreviate else names[1]) if names else unit
    out.text(" ".join(shown) + (f" {label}" if label else ""))


_RANGE_WORDS = {
    "to": "to",
    "to(-)": "to",
    "-": "–",
    "–": "–",
    "and": "and",
    "or": "or",
    "x": "×",
    "by": "by",
    "+/-": "±",
}


def percentage(call: Call, out: Out) -> None:
    value = call.text(1, out)
    if value:
        out.text(f"{value}%")


def citation(call: Call, out: Out) -> None:
    """Citations show nothing in the text; the reader keeps those of "External links"."""
    fields = {name: out.plain(value) for name, value in call.named()}
    out.cite(fields)


def official_website(call: Call, out: Out) -> None:
    url = call.text(1, out) or call.text("url", out)
    shown = call.text("name", out) or "Official website"
    out.text(shown)
    if url:
        out.cite({"title": shown, "url": url})


def infobox(positional: tuple[str, ...], call: Call, out: Out) -> None:
    """An infobox: its fields (``labelN``/``dataN`` by label) go to ``infobox``, not to the text."""
    fields: dict[str, str] = {}
    for position, field in enumerate(positional, start=1):
        shown = call.text(position, out)
        if shown:
            fields[field] = shown
    labels: dict[str, str] = {}
    for name, code in call.named():
        value = out.plain(code)
        if not value:
            continue
        if name.startswith("label") and name[5:].isdigit():
            labels[name[5:]] = value
        else:
            fields[name] = value
    for number, label in labels.items():
        data = fields.pop(f"data{number}", None)
        if data:
            fields[label] = data
    out.infobox(fields)


def display_title(call: Call, out: Out) -> None:
    out.display_title(call.text(1, out))


def case_changed(change: Callable[[str], str], call: Call, out: Out) -> None:
    text = call.text(1, out)
    out.text(change(text) if text else text)


def _ucfirst(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lcfirst(s: str) -> str:
    return s[:1].lower() + s[1:]


def shifted(by: int, render: Render, call: Call, out: Out) -> None:
    """Module invocations whose first argument names the function: ``{{#invoke:dts|main|...}}``."""
    render(call.shifted(by), out)


# ----------------------------------------------------------------- the table

_BILATERAL = ("name", "country1", "country2")

_CITATIONS = (
    "cite web",
    "cite news",
    "cite book",
    "cite journal",
    "cite magazine",
    "cite press release",
    "cite report",
    "cite encyclopedia",
    "cite thesis",
    "cite tweet",
    "cite x",
    "cite conference",
    "cite av media",
    "cite speech",
    "cite interview",
    "cite document",
    "cite episode",
    "cite map",
    "cite periodical",
    "citation",
    "cite",
)

_TABLE: list[tuple[Render, tuple[str, ...]]] = [
    (country, ("flag", "flagcountry", "flagu", "flag country", "flagu country", "flag link")),
    (country, ("flagathlete", "flagnation")),
    (partial(country, number=2), ("#invoke:flag",)),
    (nothing, ("flagicon", "flag icon", "flagdeco", "flagicon image", "flagright", "cia")),
    (dts, ("dts", "date table sorting", "dtsh", "sort date", "date sortable")),
    (partial(shifted, 1, dts), ("#invoke:dts",)),
    (start_date, ("start date", "start date and age", "end date", "end date and age")),
    (start_date, ("birth date", "death date", "birth date and age", "start-date")),
    (date_template, ("date",)),
    (date_range, ("daterange", "date range")),
    (as_of, ("as of",)),
    (partial(hatnote, "main"), ("main", "main article", "main articles")),
    (partial(hatnote, "further"), ("further", "further information", "further2")),
    (partial(hatnote, "see also"), ("see also", "see also2")),
    (partial(hatnote, "details"), ("details",)),
    (partial(hatnote, "see"), ("see",)),
    (partial(hatnote, "excerpt"), ("excerpt", "transclude lead excerpt")),
    (partial(argument, 1), ("nowrap", "nobr", "nobreak", "small", "smaller", "larger", "big")),
    (partial(argument, 1), ("abbr", "abbrlink", "sic", "clarify span", "bold", "em", "strong")),
    (partial(argument, 1), ("citation needed span", "dubious span", "tooltip", "sc", "smallcaps")),
    (partial(argument, 1), ("not a typo", "proper name", "ipa", "linktext", "trim", "center")),
    (partial(argument, 1), ("centre", "vanchor", "visible anchor", "angbr", "code", "var", "mono")),
    (partial(argument, 1), ("nts", "ntsh", "nobold", "noitalic", "resize", "midsize")),
    (partial(argument, 1), ("usurped", "longitem", "columns-list", "yes-no", "flatlist")),
    (partial(argument, 1), ("plainlist",)),
    (joined, ("hlist", "unbulleted list", "collapsible list", "ubl", "bulleted list")),
    (isbn, ("isbn",)),
    (reign, ("reign", "r.")),
    (partial(argument, 2), ("legend", "legend2", "legend inline", "color box", "colour box")),
    (partial(argument, 2), ("resizediv", "font color", "text color", "colored text", "align")),
    (partial(first_of, (2, 1)), ("sort",)),
    (joined, ("sortname",)),
    (partial(language_text, 1), ("lang", "langx", "transliteration", "transl")),
    (partial(language_text, None), ("korean", "chinese", "zh")),
    (nihongo, ("nihongo", "nihongo2", "nihongo3", "nihongo foot")),
    (convert, ("convert", "cvt")),
    (interlanguage, ("ill", "interlanguage link", "interlanguage link multi", "link-interwiki")),
    (partial(ship, "USS"), ("uss",)),
    (partial(ship, "HMS"), ("hms",)),
    (partial(ship, "HMNZS"), ("hmnzs",)),
    (partial(ship, "HMAS"), ("hmas",)),
    (partial(ship, "HMCS"), ("hmcs",)),
    (partial(ship, "INS"), ("ins",)),
    (partial(ship, "USNS"), ("usns",)),
    (ship_class, ("sclass", "sclass2", "sclass-")),
    (percentage, ("percentage bar", "percentage")),
    (paragraph_break, ("pb", "paragraph break")),
    (quotation, ("quote", "cquote", "quotation", "blockquote", "rquote", "quote box")),
    (partial(literal, "–"), ("ndash", "en dash", "–", "nsndns")),
    (partial(literal, " – "), ("snd", "spaced ndash", "spaced en dash", "spnd")),
    (partial(literal, "—"), ("mdash", "em dash", "—")),
    (partial(literal, " — "), ("spaced mdash", "spaced em dash")),
    (partial(literal, "|"), ("!", "pipe")),
    (partial(literal, "="), ("=",)),
    (partial(literal, "•"), ("*", "bull", "bullet")),
    (partial(literal, "·"), ("·", "dot", "middot", "dot separator")),
    (partial(literal, " "), ("nbsp", "sp", "space", "thinsp", "br", "break")),
    (partial(literal, "ʻ"), ("okina",)),
    (partial(literal, "A$"), ("aud",)),
    (partial(literal, "US$"), ("usd",)),
    (partial(literal, "Yes"), ("yes", "y", "ya", "tick", "check mark")),
    (partial(literal, "No"), ("no", "cross", "x mark")),
    (partial(literal, "N/A"), ("n/a", "na", "n.a.")),
    (partial(literal, "Partial"), ("partial",)),
    (partial(literal, "Unknown"), ("unknown", "dunno")),
    (partial(literal, "TBA"), ("tba",)),
    (citation, _CITATIONS),
    (partial(shifted, 1, citation), ("#invoke:cite",)),
    (official_website, ("official website", "official site", "official")),
    (partial(infobox, _BILATERAL), ("infobox bilateral relations", "bilateral")),
    (partial(infobox, _BILATERAL), ("infobox bilateral", "bilateral relations")),
    (display_title, ("displaytitle",)),
    (partial(case_changed, str.lower), ("lc",)),
    (partial(case_changed, str.upper), ("uc",)),
    (partial(case_changed, _ucfirst), ("ucfirst",)),
    (partial(case_changed, _lcfirst), ("lcfirst",)),
    (partial(argument, 1), ("formatnum",)),
]

TEMPLATES: dict[str, Render] = {}
for _render, _names in _TABLE:
    for _name in _names:
        TEMPLATES.setdefault(_name, _render)

#: Parser functions whose argument is the rest of their name: ``{{lc:TEXT}}``, ``{{formatnum:10}}``.
NAME_ARGUMENT_FUNCTIONS = frozenset({"lc", "uc", "ucfirst", "lcfirst", "formatnum", "displaytitle"})


def lookup(name: str) -> tuple[str, Render | None]:
    """The key and renderer of a template name; ``None`` renders nothing.

    Upper-case country codes (``{{GER}}``) are matched as written, so that ``{{per}}`` is not Peru.
    """
    key = template_key(name)
    render = TEMPLATES.get(key)
    if render is None:
        code = name.strip()
        if code in COUNTRY_CODES:
            render = partial(code_country, COUNTRY_CODES[code])
        elif key.startswith("infobox"):
            render = partial(infobox, ())
        elif key.startswith("lang-"):
            render = partial(language_text, None)
    return key, render
