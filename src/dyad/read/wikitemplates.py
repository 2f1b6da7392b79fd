"""How each wikitext template renders: a table from template name to renderer, as data.

A renderer receives the template's arguments (:class:`Call`) and an :class:`Out`, the reader's
narrow interface for emitting text, anchors, dates and block breaks. Names are matched after
:func:`template_key` (case-insensitive, ``_`` = space); a name absent from :data:`TEMPLATES`
renders nothing, which is right for the long tail of navboxes, maintenance tags and
citations. To teach the reader a template, add its name to a row of :data:`_TABLE`.
"""

from __future__ import annotations

from functools import partial

from dyad.read.wikinames import COUNTRY_CODES
from dyad.read.wikitemplate_call import Call, Out, Render, template_key
from dyad.read.wikitemplate_render import (
    argument,
    as_of,
    case_changed,
    citation,
    code_country,
    convert,
    country,
    date_range,
    date_template,
    display_title,
    dts,
    first_of,
    hatnote,
    infobox,
    interlanguage,
    isbn,
    joined,
    language_text,
    lcfirst,
    literal,
    nihongo,
    nothing,
    official_website,
    paragraph_break,
    percentage,
    quotation,
    reign,
    shifted,
    ship,
    ship_class,
    start_date,
    ucfirst,
)

__all__ = [
    "NAME_ARGUMENT_FUNCTIONS",
    "TEMPLATES",
    "Call",
    "Out",
    "Render",
    "lookup",
    "template_key",
]


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
    (partial(case_changed, ucfirst), ("ucfirst",)),
    (partial(case_changed, lcfirst), ("lcfirst",)),
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
