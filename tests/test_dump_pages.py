"""iter_pages: counts, fields, namespaces, redirects, latest revisions, schema versions."""

from __future__ import annotations

import bz2
import gzip
from collections import Counter
from pathlib import Path

import pytest

from dump_helpers import (
    MACBRE,
    MACBRE_BZ2,
    MULTISTREAM,
    MWXML,
    SMALLWIKI_PAGES,
    TINYWIKI,
    TINYWIKI_BZ2,
    P,
    Rev,
    dump_xml,
)
from dyad.read.dump import Page, iter_pages, list_pages, read_site
from dyad.read.dump_page import normalize_title, redirect_target


@pytest.fixture(scope="module")
def smallwiki() -> list[Page]:
    return list(iter_pages(MULTISTREAM))


def test_dump_pages_smallwiki_count_and_namespaces(smallwiki: list[Page]) -> None:
    assert len(smallwiki) == SMALLWIKI_PAGES
    assert Counter(page.ns for page in smallwiki) == {
        0: 1050,
        14: 539,
        10: 347,
        4: 28,
        828: 28,
        8: 12,
    }
    assert len({page.page_id for page in smallwiki}) == SMALLWIKI_PAGES
    first = smallwiki[0]
    assert (first.title, first.ns, first.page_id, first.revision_id) == (
        "Suoku puslopa",
        0,
        1,
        29433,
    )
    assert first.timestamp == "2013-03-22T09:37:03Z"
    assert (first.model, first.format) == ("wikitext", "text/x-wiki")
    assert first.text.startswith('{| id="mp-topbanner"')  # &quot; unescaped


def test_dump_pages_title_prefix_matches_ns(smallwiki: list[Page]) -> None:
    """The <siteinfo> namespace names resolve every title's prefix to the page's <ns>."""
    site = read_site(MULTISTREAM)
    assert site.namespaces[14] == "Kategoreja"
    assert site.version == "0.10"
    assert [p.title for p in smallwiki if site.namespace_of(p.title) != p.ns] == []


def test_dump_pages_smallwiki_redirects(smallwiki: list[Page]) -> None:
    redirects = [page for page in smallwiki if page.is_redirect]
    assert len(redirects) == 195  # as many as <redirect> elements in the file
    for page in redirects:
        # The text says the same (up to namespace aliases such as Template/Taiss).
        target = redirect_target(page.text)
        assert target is not None
        name = normalize_title(target.split(":")[-1])
        assert name == normalize_title(str(page.redirect).split(":")[-1])
    articles = [page for page in smallwiki if page.is_article]
    assert len(articles) == len([p for p in smallwiki if p.ns == 0]) - len(
        [p for p in redirects if p.ns == 0]
    )


def test_dump_pages_tinywiki_edge_cases() -> None:
    pages = list(iter_pages(TINYWIKI))
    assert [page.title for page in pages] == [
        "Hello",
        "Toronto",
        "Duplicate title",
        "Duplicate title",
        "Big Page",
        "Redirect page",
        "Disambiguation page",
        "Bodmin",
    ]
    by_title = {page.title: page for page in pages}
    # A redirect written only in the text (no <redirect> element).
    assert by_title["Redirect page"].redirect == "The Beatles"
    assert not by_title["Redirect page"].is_article
    assert by_title["Disambiguation page"].redirect is None
    # The fixture has a real XML comment inside <text>: XML drops it from the character data.
    assert "[[Belleville, Ontario]]\n\n\n==See also==" in by_title["Disambiguation page"].text
    assert pages[2].text != pages[3].text  # both duplicates are kept, in order


def test_dump_pages_tinywiki_bz2() -> None:
    """The .bz2 fixture is an older edit of the same pages: same ids, its last page renamed."""
    plain = [(p.page_id, p.revision_id, p.redirect) for p in iter_pages(TINYWIKI)]
    pages = list(iter_pages(TINYWIKI_BZ2))
    assert [(p.page_id, p.revision_id, p.redirect) for p in pages] == plain
    assert pages[-1].title == "Big page"


def test_dump_pages_latest_revision_is_the_last_in_file() -> None:
    foo, bar = iter_pages(MWXML)
    assert (foo.title, foo.revision_id, foo.text) == ("Foo", 2, "Revision 2 text")
    assert foo.timestamp == "2004-08-10T09:04:08Z"
    assert (bar.title, bar.ns, bar.text) == ("Bar", 1, "Revision 3 text")


def test_dump_pages_latest_revision_by_timestamp_then_order() -> None:
    """The macbre fixture lists the newer revision first; equal timestamps go to the last."""
    page, talk = iter_pages(MACBRE)
    assert page.text == "A bunch of [[Special:MyLanguage/text|text]] here."
    assert page.timestamp == "2001-01-15T13:15:00Z"
    assert talk.text == ""  # the second of two revisions with one timestamp: <text />


def test_dump_pages_without_ns_or_ids_take_namespace_from_prefix() -> None:
    page, talk = iter_pages(MACBRE)
    assert (page.ns, page.page_id, page.revision_id) == (0, None, None)
    assert (talk.title, talk.ns) == ("Talk:Page title", 1)


def test_dump_pages_macbre_bz2_fragment() -> None:
    pages = list(iter_pages(MACBRE_BZ2))
    assert pages[0].title == "MediaWiki:Logouttext"
    assert pages[0].ns == 8
    assert pages[0].text.startswith("Tú hevur nú ritað út.")


@pytest.mark.parametrize("version", ["0.8", "0.9", "0.10", "0.11"])
def test_dump_pages_schema_versions(tmp_path: Path, version: str) -> None:
    pages = [
        P("Alpha", [Rev("old", 1, "2001-01-01T00:00:00Z"), Rev("new", 2, "2002-01-01T00:00:00Z")]),
        P("Talk:Alpha", ns=1, id=2, revisions=[Rev('chat <b> & "q"', 3)]),
        P("Beta", id=3, redirect="Alpha", revisions=[Rev("#REDIRECT [[Alpha]]", 4)]),
    ]
    path = tmp_path / "dump.xml"
    path.write_bytes(dump_xml(pages, version))
    alpha, talk, beta = iter_pages(path)
    assert (alpha.title, alpha.text, alpha.revision_id, alpha.model) == (
        "Alpha",
        "new",
        2,
        "wikitext",
    )
    assert (talk.ns, talk.text) == (1, 'chat <b> & "q"')
    assert (beta.redirect, beta.is_article) == ("Alpha", False)


def test_dump_pages_character_data(tmp_path: Path) -> None:
    text = "a\r\nb\rc &amp; d &#x1F600; &#233; &lt;ref&gt; &apos;"
    data = dump_xml([P("T &amp; U", [Rev("PLACEHOLDER")])]).replace(b"PLACEHOLDER", text.encode())
    path = tmp_path / "dump.xml"
    path.write_bytes(data)
    (page,) = iter_pages(path)
    assert page.title == "T &amp; U"  # escaped once by the helper, so read back literally
    assert page.text == "a\nb\nc & d 😀 é <ref> '"


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_dump_pages_compressions_agree(tmp_path: Path, compress: object) -> None:
    path = tmp_path / "dump.xml.x"
    path.write_bytes(compress(TINYWIKI.read_bytes()))  # type: ignore[operator]
    assert list(iter_pages(path)) == list(iter_pages(TINYWIKI))


def test_dump_pages_list_pages_index_and_stream_agree() -> None:
    from_index = list(list_pages(MULTISTREAM))
    streamed = [(p.title, p.ns, p.page_id) for p in iter_pages(MULTISTREAM)]
    assert [(p.title, p.ns, p.page_id) for p in from_index] == streamed
    assert {p.redirect for p in from_index} == {None}  # an index does not say
    streamed_info = list(list_pages(MULTISTREAM, use_index=False))
    assert [(p.title, p.ns, p.page_id) for p in streamed_info] == streamed
    assert sum(1 for p in streamed_info if p.redirect) == 195


def test_dump_pages_list_pages_streaming_says_redirects() -> None:
    listed = list(list_pages(TINYWIKI))
    assert [p.title for p in listed if p.redirect] == ["Redirect page"]


@pytest.mark.shared
def test_dump_pages_shared_smallwiki_files_agree(shared: Path, smallwiki: list[Page]) -> None:
    """The multistream copy holds exactly the plain XML; the older .bz2 differs in white space."""
    folder = shared / "corpus" / "dumps" / "dumpster-dive"
    assert list(iter_pages(folder / "smallwiki-latest-pages-articles.xml")) == smallwiki
    older = list(iter_pages(folder / "smallwiki-latest-pages-articles.xml.bz2"))
    assert [(p.title, p.ns, p.page_id, p.redirect) for p in older] == [
        (p.title, p.ns, p.page_id, p.redirect) for p in smallwiki
    ]
