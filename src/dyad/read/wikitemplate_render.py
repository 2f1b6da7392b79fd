"""The renderers of wikitext templates: each receives a template's arguments (:class:`Call`)
and emits through :class:`Out`; :mod:`dyad.read.wikitemplates` maps names to them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dyad.read.wikidates import FORMATS, DateParts, parse_date, render_date
from dyad.read.wikinames import CONVERT_UNITS, FLAG_ALIASES, TEMPLATE_LANGUAGES
from dyad.read.wikitemplate_call import Call, Out, Render, text_of


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
        if value is not None and text_of(value).strip():
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


def ucfirst(s: str) -> str:
    return s[:1].upper() + s[1:]


def lcfirst(s: str) -> str:
    return s[:1].lower() + s[1:]


def shifted(by: int, render: Render, call: Call, out: Out) -> None:
    """Module invocations whose first argument names the function: ``{{#invoke:dts|main|...}}``."""
    render(call.shifted(by), out)
