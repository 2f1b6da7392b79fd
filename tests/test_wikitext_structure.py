"""Page structure: headings, paragraphs, lists, special sections, infobox, title."""

from __future__ import annotations

from conftest import DATA
from dyad.model import ListBlock, Paragraph
from dyad.read.wikitext import read


def test_wikitext_heading_levels_are_relative() -> None:
    doc = read("Lead.\n== A ==\nx\n=== B ===\ny\n==== C ====\nz\n== D ==\nw", source="t")
    assert [(s.level, s.title) for s in doc.sections] == [(1, "A"), (2, "B"), (3, "C"), (1, "D")]
    a = doc.sections[0]
    assert doc.text[a.start : a.end] == "A\n\nx\n\nB\n\ny\n\nC\n\nz"


def test_wikitext_heading_titles_are_plain_text() -> None:
    doc = read("==[[Russia]] and {{flag|China}}<ref>x</ref>==\nText", source="t")
    assert [s.title for s in doc.sections] == ["Russia and China"]
    assert doc.anchors == ()


def test_wikitext_paragraphs_split_on_blank_lines_and_join_lines() -> None:
    doc = read("One line\ncontinues.\n\nSecond paragraph.\n\n\n\nThird.", source="t")
    assert doc.text == "One line continues.\n\nSecond paragraph.\n\nThird."
    assert len([b for b in doc.blocks if isinstance(b, Paragraph)]) == 3


def test_wikitext_lists_items_and_their_end() -> None:
    doc = read(
        "Intro:\n* one\n** one-a\n*two [[x]]\nAfter the list.\n# first\n# second", source="t"
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    items = [[doc.text[i.start : i.end] for i in lst.items] for lst in lists]
    assert items == [["one", "one-a", "two x"], ["first", "second"]]
    assert doc.text == "Intro:\n\none\none-a\ntwo x\n\nAfter the list.\n\nfirst\nsecond"


def test_wikitext_definition_terms_are_subheadings_or_items() -> None:
    doc = read(
        "== Africa ==\n;Chad\nRelations since 1975.\n;Congo\n: Since 1967.\n; Term : def",
        source="t",
    )
    assert [(s.level, s.title) for s in doc.sections] == [(1, "Africa"), (2, "Chad"), (2, "Congo")]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[doc.text[i.start : i.end] for i in lst.items] for lst in lists] == [
        ["Since 1967.", "Term: def"]
    ]


def test_wikitext_see_also_items_are_collected_and_stay_in_the_text() -> None:
    doc = read(
        "== See also ==\n{{Portal|X}}\n* [[List of diplomatic missions in Mongolia]]\n"
        "* [[Joseon diplomacy]], the relations of the [[Joseon dynasty]]\n"
        "== References ==\n* [[Not see also]]",
        source="t",
    )
    assert doc.see_also == ("List of diplomatic missions in Mongolia", "Joseon diplomacy")
    assert doc.lists["See also"] == [
        "List of diplomatic missions in Mongolia",
        "Joseon diplomacy, the relations of the Joseon dynasty",
    ]


def test_wikitext_external_links_section_is_parsed() -> None:
    doc = read(
        "== External links ==\n"
        "* [http://www.mfa.gov.mn/?lang=en Ministry of Foreign Affairs] {{Webarchive|url=x}}\n"
        "* {{cite web |url=http://x.org |title=Relations |last=Doe |first=J. |website=MFA\n"
        "  |date=2009-07-10}}\n"
        "* {{cite news|title=No date|author=A. Writer|publisher=The Paper|year=2001}}\n",
        source="t",
    )
    links = [(e.title, e.url, e.author, e.publisher, e.date) for e in doc.external_links]
    assert links == [
        ("Ministry of Foreign Affairs", "http://www.mfa.gov.mn/?lang=en", None, None, None),
        ("Relations", "http://x.org", "J. Doe", "MFA", "2009-07-10"),
        ("No date", None, "A. Writer", "The Paper", "2001"),
    ]
    assert doc.lists["External links"] == ["Ministry of Foreign Affairs"]


def test_wikitext_bilateral_infobox_goes_to_fields_not_text() -> None:
    source = (
        "{{Infobox bilateral relations|Mongolia–North Korea|Mongolia|North Korea"
        "|mission1=[[Embassy of Mongolia, Pyongyang|Embassy]]|envoy2=[[Hong Gyu]]|map=}}\n"
        "'''Mongolia–North Korea relations''' are old."
    )
    for name in ("Infobox bilateral relations", "Bilateral", "infobox Bilateral"):
        doc = read(source.replace("Infobox bilateral relations", name), source="t")
        assert doc.text == "Mongolia–North Korea relations are old."
        assert dict(doc.infobox) == {
            "name": "Mongolia–North Korea",
            "country1": "Mongolia",
            "country2": "North Korea",
            "mission1": "Embassy",
            "envoy2": "Hong Gyu",
        }
        assert doc.anchors == ()


def test_wikitext_other_infoboxes_pair_labels_with_data() -> None:
    path = DATA / "wikitext" / "Foreign_relations_of_Nauru.wiki"
    doc = read(
        path.read_text(encoding="utf-8"), source=str(path), title="Foreign relations of Nauru"
    )
    assert dict(doc.infobox) == {
        "Independence": "31 January 1968",
        "Joined UN": "14 September 1999",
    }
    assert doc.text.startswith("Nauru became a sovereign, independent republic on 31 January 1968")


def test_wikitext_title_given_else_displaytitle_else_untitled() -> None:
    source = "{{DISPLAYTITLE:''Mongolia–North Korea'' relations}}Text."
    assert read(source, source="t", title="Given").title == "Given"
    assert read(source, source="t").title == "Mongolia–North Korea relations"
    assert read("Text.", source="t").title == "Untitled"


def test_wikitext_lead_language_names() -> None:
    doc = read("'''Mongolia''' ({{lang-mn|Монгол Улс}}) is.\n== A ==\n{{lang|ko|몽골}}", source="t")
    assert dict(doc.names) == {"mn": "Монгол Улс"}


def test_wikitext_magic_words_and_empty_page() -> None:
    doc = read("__NOTOC__\n{{Short description|none}}\n", source="t")
    assert doc.text == ""
    assert doc.title == "Untitled"
