"""How templates render: the table in dyad.read.wikitemplates, checked one behaviour at a time."""

from __future__ import annotations

import pytest

from dyad.model import Document
from dyad.read.wikitemplates import TEMPLATES, lookup, template_key
from dyad.read.wikitext import read


def _read(source: str) -> Document:
    return read(source, source="t")


def _anchors(doc: Document) -> list[tuple[str, str]]:
    return [(a.text, a.target) for a in doc.anchors]


@pytest.mark.parametrize(
    ("source", "text", "anchors"),
    [
        ("{{flag|Russia}}", "Russia", [("Russia", "Russia")]),
        ("{{Flag|North Korea }}", "North Korea", [("North Korea", "North Korea")]),
        ("{{flag|Afghanistan|2013}}", "Afghanistan", [("Afghanistan", "Afghanistan")]),
        ("{{flagcountry|USA}}", "United States", [("United States", "United States")]),
        ("{{flagu|Vietnam}}", "Vietnam", [("Vietnam", "Vietnam")]),
        (
            "{{Flag|Borduria|name=Bordurian Republic}}",
            "Bordurian Republic",
            [("Bordurian Republic", "Borduria")],
        ),
        (
            "{{#invoke:flag||United Kingdom}}",
            "United Kingdom",
            [("United Kingdom", "United Kingdom")],
        ),
        ("{{GER}}", "Germany", [("Germany", "Germany")]),
        ("{{flagicon|France}} [[France]]", "France", [("France", "France")]),
        ("{{flagdeco|Denmark}}", "", []),
    ],
)
def test_wikitext_flag_templates_render_the_country_as_anchor(
    source: str, text: str, anchors: list[tuple[str, str]]
) -> None:
    doc = _read(source)
    assert doc.text == text
    assert _anchors(doc) == anchors


@pytest.mark.parametrize(
    ("source", "text", "anchors"),
    [
        (
            "{{main|A–B relations}}",
            "Main article: A–B relations.",
            [("A–B relations", "A–B relations")],
        ),
        ("{{Main|A|B|C}}", "Main articles: A, B and C.", [("A", "A"), ("B", "B"), ("C", "C")]),
        ("{{further|X}}", "Further information: X.", [("X", "X")]),
        ("{{Further information|X|Y}}", "Further information: X and Y.", [("X", "X"), ("Y", "Y")]),
        ("{{see also|X}}", "See also: X.", [("X", "X")]),
        ("{{details|X}}", "For more details on this topic, see X.", [("X", "X")]),
        ("{{main|A#Part|l1=the part}}", "Main article: the part.", [("the part", "A")]),
        (
            "{{main|History of A#Foreign policy}}",
            "Main article: History of A § Foreign policy.",
            [("History of A § Foreign policy", "History of A")],
        ),
        (
            "{{Excerpt|Taiwan–Turkey relations}}",
            "This section is an excerpt from Taiwan–Turkey relations.",
            [("Taiwan–Turkey relations", "Taiwan–Turkey relations")],
        ),
    ],
)
def test_wikitext_hatnotes_are_paragraphs_of_anchors(
    source: str, text: str, anchors: list[tuple[str, str]]
) -> None:
    doc = _read(f"Before.\n{source}\nAfter.")
    assert doc.text == f"Before.\n\n{text}\n\nAfter."
    assert _anchors(doc) == anchors
    assert len(list(doc.paragraphs())) == 3


def test_wikitext_hatnote_inside_a_list_item_stays_inline() -> None:
    doc = _read("* {{main|X}} and more")
    assert doc.text == "Main article: X. and more"
    assert len(doc.blocks) == 1 and doc.blocks[0].kind == "list"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("{{lang|fr|relations extérieures}}", "relations extérieures"),
        ("{{lang-zh|labels=no|t=務實外交 |p=Wùshí wàijiāo}}", "務實外交, Wùshí wàijiāo"),
        ("{{lang-mn|Монгол}}", "Монгол"),
        ("{{Korean|labels=no|리야드한국학교}}", "리야드한국학교"),
        (
            "{{nihongo|foreign relations of Japan|日本の国際関係|Nihon no kokusai kankei}}",
            "foreign relations of Japan (日本の国際関係, Nihon no kokusai kankei)",
        ),
        ("{{convert|13.5|km|mi}}", "13.5 kilometres"),
        ("{{convert|26|km2|mi2|abbr=on}}", "26 km²"),
        ("{{convert|6|to(-)|12|nmi|0|lk=in}}", "6 to 12 nautical miles"),
        ("{{cvt|450000|oilbbl/d}}", "450000 bbl/d"),
        ("{{nowrap|3 million}}", "3 million"),
        ("{{nobr|2010s}}", "2010s"),
        ("{{sort|0500|500 km}}", "500 km"),
        ("{{sort|Alpha}}", "Alpha"),
        ("{{sortname|Ernesto Teodoro|Moneta}}", "Ernesto Teodoro Moneta"),
        ("{{small|(in French)}}", "(in French)"),
        ("{{abbr|UN|United Nations}}", "UN"),
        ("{{legend|silver|No formal diplomatic relations}}", "No formal diplomatic relations"),
        ("{{Percentage bar| 34 |c=#80FF80|width=50}}", "34%"),
        ("1982{{ndash}}83", "1982–83"),
        ("In 2019{{snd}}shortly after", "In 2019 – shortly after"),
        ("Nuku{{Okina}}alofa", "Nukuʻalofa"),
        ("A {{!}} B", "A | B"),
        ("{{Yes}} / {{No}}", "Yes / No"),
        ("{{ISBN|978-0-8014-6894-0}}", "ISBN 978-0-8014-6894-0"),
        ("{{lc:LOUD}} {{ucfirst:quiet}}", "loud Quiet"),
        ("US${{formatnum:{{Inflation|US|1.3|2009}}}} billion", "US$ billion"),
    ],
)
def test_wikitext_inline_templates_render_their_text(source: str, text: str) -> None:
    assert _read(source).text == text


@pytest.mark.parametrize(
    ("source", "text", "anchors"),
    [
        (
            "{{ill|Jean-Claude Mantion|fr}}",
            "Jean-Claude Mantion",
            [("Jean-Claude Mantion", "Jean-Claude Mantion")],
        ),
        (
            "{{Interlanguage link|speech before the UN|fr|Discours}}",
            "speech before the UN",
            [("speech before the UN", "speech before the UN")],
        ),
        ("{{USS|Quincy|CA-71|6}}", "USS Quincy", [("USS Quincy", "USS Quincy (CA-71)")]),
        (
            "{{USS|Emory S. Land|AS-39}}",
            "USS Emory S. Land (AS-39)",
            [("USS Emory S. Land (AS-39)", "USS Emory S. Land (AS-39)")],
        ),
        (
            "{{HMNZS|Canterbury|F421|6}}",
            "HMNZS Canterbury",
            [("HMNZS Canterbury", "HMNZS Canterbury (F421)")],
        ),
        (
            "{{sclass|Shishumar|submarine|1}}s",
            "Shishumar-class submarines",
            [("Shishumar-class submarine", "Shishumar-class submarine")],
        ),
        (
            "{{Lang|fr|[[Organisation internationale de la Francophonie]]}}",
            "Organisation internationale de la Francophonie",
            [
                (
                    "Organisation internationale de la Francophonie",
                    "Organisation internationale de la Francophonie",
                )
            ],
        ),
    ],
)
def test_wikitext_link_templates_make_anchors(
    source: str, text: str, anchors: list[tuple[str, str]]
) -> None:
    doc = _read(source)
    assert doc.text == text
    assert _anchors(doc) == anchors


@pytest.mark.parametrize(
    "template",
    [
        "{{Short description|none}}",
        "{{Use dmy dates|date=March 2024}}",
        "{{Reflist}}",
        "{{reflist|group=note}}",
        "{{Politics of Mongolia}}",
        "{{Foreign relations of Mongolia}}",
        "{{Asia in topic|Foreign relations of}}",
        "{{cite web|url=http://x|title=T}}",
        "{{Cite book |last=P |title=T}}",
        "{{#invoke:cite|web|title=T}}",
        "{{Citation needed|date=May 2020}}",
        "{{cn}}",
        "{{Webarchive|url=http://x|date=2014-02-27}}",
        "{{Dead link|date=October 2010}}",
        "{{Portal|Mongolia}}",
        "{{Authority control}}",
        "{{DEFAULTSORT:Foreign Relations Of Korea}}",
        "{{Efn|a footnote}}",
        "{{Sfn|Author|2000|p=1}}",
        "{{Rp|12}}",
        "{{Commons category|X}}",
        "{{Some template nobody defined|a|b=c}}",
        "{{#if:x|y|z}}",
        "{{#expr:1+1}}",
        "{{#tag:ref|note}}",
        "{{Infobox country|name=X}}",
        "{{Numrec|Israel|with|of the other 192 [[UN member states]]}}",
    ],
)
def test_wikitext_chrome_and_unknown_templates_render_nothing(template: str) -> None:
    doc = _read(f"Before {template} after.")
    assert doc.text == "Before after."


def test_wikitext_unknown_template_keeps_the_sentence() -> None:
    doc = _read("Mongolia {{Mystery|[[Russia]]}} signed a treaty with [[China]] in 1994.")
    assert doc.text == "Mongolia signed a treaty with China in 1994."
    assert _anchors(doc) == [("China", "China")]


def test_wikitext_template_names_ignore_case_of_first_letter_and_underscores() -> None:
    for name in (
        "Date table sorting",
        "date table sorting",
        "Date_table_sorting",
        " date  table sorting ",
    ):
        assert template_key(name) == "date table sorting"
    assert lookup("Template:Flag")[1] is TEMPLATES["flag"]
    assert _read("{{Date_table_sorting|15 October 1948}}").dates[0].value == "1948-10-15"


def test_wikitext_country_codes_only_in_upper_case() -> None:
    assert _read("{{RUS}}").text == "Russia"
    assert _read("{{Per}}").text == ""  # not Peru


def test_wikitext_template_table_is_data() -> None:
    # Every row of the table names only lower-case keys, and nothing renders by accident.
    assert all(key == template_key(key) for key in TEMPLATES)
    assert len(TEMPLATES) > 150


def test_wikitext_hatnote_full_stop_is_not_doubled() -> None:
    assert _read("{{main|Washington, D.C.}}").text == "Main article: Washington, D.C."
