"""Links in rendered Markdown: article links become anchors, apparatus links vanish."""

from __future__ import annotations

import re

import pytest

from conftest import DATA
from dyad.model import Document
from dyad.read import markdown
from dyad.read.markdown_inline import parse_inline

ARTICLE = DATA / "markdown" / "Mongolia–United_Kingdom_relations.md"


@pytest.fixture(scope="module")
def doc() -> Document:
    return markdown.read(ARTICLE.read_text(encoding="utf-8"), source=str(ARTICLE))


def test_markdown_article_text_and_anchors(doc: Document) -> None:
    assert "Both countries established diplomatic relations on 23 January 1963." in doc.text
    targets = {a.text: a.target for a in doc.anchors}
    assert targets["Mongolia"] == "Mongolia"
    assert targets["embassy in London"] == "Embassy of Mongolia, London"
    assert targets["tackling climate change"] == "Climate change mitigation"
    assert targets["Rio Tinto"] == "Rio Tinto Group"
    for anchor in doc.anchors:
        assert doc.text[anchor.start : anchor.end] == anchor.text
        assert "_" not in anchor.target and "%" not in anchor.target


def test_markdown_no_markup_residue(doc: Document) -> None:
    assert not re.search(r"\[\d+\]", doc.text)
    for residue in ("[", "]", "](", "**", "cite_note", "citation needed", "/wiki/"):
        assert residue not in doc.text, residue
    assert not re.search(r"\bedit\b", doc.text)
    # "resident in the UK.[*[citation needed](...)*]" leaves the sentence and nothing else.
    assert "around 4,000 Mongolians are resident in the UK.\n" in doc.text


def test_markdown_short_description_and_portals_are_chrome(doc: Document) -> None:
    assert doc.text.startswith("Mongolia–United Kingdom relations entail the diplomatic")
    assert "Portals" not in doc.text and "Politics" not in doc.text
    assert all(link.title != "Politics" for link in doc.external_links)


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        ('see [Doi](/wiki/Doi_(identifier) "Doi (identifier)") here',
         [("see ", None, None), ("Doi", "Doi (identifier)", None), (" here", None, None)]),
        ("[Georgia](/wiki/Georgia_%28country%29#History)",
         [("Georgia", "Georgia (country)", None)]),
        ("[Enkhsukh](/w/index.php?title=Enkhsukh_Battumur&action=edit&redlink=1)",
         [("Enkhsukh", "Enkhsukh Battumur", None)]),
        ("[site](https://example.org/a_(b)) text",
         [("site", None, "https://example.org/a_(b)"), (" text", None, None)]),
        ("a ![map](x.png) [![flag](f.svg)](/wiki/File:F.svg) b", [("a   b", None, None)]),
        ("x[[a]](#cite_note-a) y [[edit](/w/index.php?action=edit)]", [("x y ", None, None)]),
        (r"5 \* 3 \[sic\] snake_case *it*", [("5 * 3 [sic] snake_case ", None, None),
                                              ("it", None, None)]),
    ],
)  # fmt: skip
def test_markdown_inline_runs(source: str, runs: list[tuple[str, str | None, str | None]]) -> None:
    assert [(r.text, r.target, r.url) for r in parse_inline(source)] == runs


def test_markdown_italics_are_remembered() -> None:
    runs = parse_inline('"Title". *[GOV.UK](/wiki/Gov.uk "Gov.uk")*. **30** (1)')
    italic = [(r.text, r.target) for r in runs if r.italic]
    assert italic == [("GOV.UK", "Gov.uk")]
    assert "".join(r.text for r in runs) == '"Title". GOV.UK. 30 (1)'


def test_markdown_category_links_become_categories() -> None:
    link = "[Category:Relations of Mongolia](/wiki/Category:Bilateral_relations_of_Mongolia)"
    doc = markdown.read(f"Text.\n\n{link}\n", source="t.md", title="T")
    assert doc.categories == ("Bilateral relations of Mongolia",)
    assert doc.text == "Text."


def test_markdown_links_inside_code_spans_are_not_anchors() -> None:
    from dyad.read import markdown

    page = (
        "# Relations\n\nThe link `[Mongolia](/wiki/Mongolia)` is code, as is"
        " ``a [Japan](/wiki/Japan)"
        ' b``; [China](/wiki/China "China") is a link.\n'
    )
    document = markdown.read(page, source="code.md")
    assert [a.target for a in document.anchors] == ["China"]
    assert "Mongolia" in document.text and "Japan" in document.text


def test_markdown_links_reference_style_are_resolved() -> None:
    from dyad.read import markdown

    page = (
        "# Relations\n\nRelations with [Mongolia][mn] began; see [Japan][] and [China].\n\n"
        '[mn]: /wiki/Mongolia "Mongolia"\n[JAPAN]: /wiki/Japan\n'
        "[china]: <https://en.wikipedia.org/wiki/China>\n"
    )
    document = markdown.read(page, source="refs.md")
    assert [(a.text, a.target) for a in document.anchors] == [
        ("Mongolia", "Mongolia"),
        ("Japan", "Japan"),
        ("China", "China"),
    ]
    assert "/wiki/" not in document.text and "[mn]" not in document.text
