"""Untrusted text is escaped everywhere, every reply carries the security headers, no page has
inline script: article text, titles, previews and names come from the articles, not from us."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app
from web_helpers import HOSTILE_ANCHOR, HOSTILE_PERSON, SEED_ID, hostile_id, kb_path


class _Audit(HTMLParser):
    """What a browser would run or style inline: script elements without src, on* attributes,
    style attributes and elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower() for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name in names:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=...>")
        for name, value in attrs:
            if name in ("src", "href", "action") and value and "//" in value.split("?")[0][:8]:
                self.problems.append(f"<{tag} {name}={value}> loads from elsewhere")


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.problems


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(kb_path())) as client:
        yield client


def hostile_pages() -> list[str]:
    return [
        f"/doc/{hostile_id()}",
        "/dyad/FJI/TON",
        f"/entity/{quote(HOSTILE_PERSON, safe='')}",
        "/search?q=" + quote("<script>alert('text')</script>"),
        "/search?q=Fijian",
        "/documents",
        "/state/FJI",
        "/",
    ]


@pytest.mark.parametrize("page", hostile_pages())
def test_web_security_markup_in_the_data_is_escaped(client: TestClient, page: str) -> None:
    reply = client.get(page)
    assert reply.status_code == 200, reply.text[:300]
    html = reply.text
    assert audit(html) == []


def test_web_security_hostile_document_shows_its_text_as_text(client: TestClient) -> None:
    html = client.get(f"/doc/{hostile_id()}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html  # in <title> and <h1>
    assert "<title>Fiji–Tonga relations &lt;script&gt;" in html
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt; the Fijian king" in html
    assert "&lt;b onmouseover=&#34;alert(1)&#34;&gt;Nuku&lt;/b&gt;" in html  # an anchor
    assert "&lt;script&gt;alert(&#39;gloss&#39;)&lt;/script&gt;" in html  # its preview
    dyad = client.get("/dyad/FJI/TON").text
    assert "&lt;img src=x onerror=alert(&#39;person&#39;)&gt;" in dyad
    assert "&lt;/td&gt;&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;" in dyad
    assert "&lt;/title&gt;&lt;script&gt;alert(&#39;term&#39;)&lt;/script&gt;" in dyad
    # the JSON carries the text as it is: JSON strings, served as application/json
    page = client.get("/dyad/FJI/TON.json")
    assert page.headers["content-type"].startswith("application/json")
    assert HOSTILE_PERSON in {p["name"] for e in page.json()["events"] for p in e["persons"]}
    anchors = client.get(f"/doc/{hostile_id()}.json").json()["anchors"]
    assert anchors[0]["text"] == HOSTILE_ANCHOR


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/index.json",
        "/dyad/MNG/PRK",
        "/dyad/MNG/PRK.json",
        f"/doc/{SEED_ID}",
        "/static/dyad.js",
        "/docs",
        "/openapi.json",
        "/no/such/page",
        "/dyad/MNG/XXX.json",
        "/dyads.json?limit=100000",
    ],
)
def test_web_security_headers_on_every_reply(client: TestClient, page: str) -> None:
    headers = client.get(page).headers
    csp = headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_web_security_no_inline_script_or_style_anywhere(client: TestClient) -> None:
    """The CSP forbids them; a page that used them would break in the browser."""
    for page in ["/", "/dyad/MNG/PRK", f"/doc/{SEED_ID}", "/entity/Kim%20Il%20Sung", "/docs"]:
        assert audit(client.get(page).text) == [], page


def test_web_security_store_is_read_only(client: TestClient) -> None:
    assert client.app.state.web.store().readonly  # type: ignore[attr-defined]
    for method in ("post", "put", "delete", "patch"):
        reply = getattr(client, method)("/dyad/MNG/PRK.json")
        assert reply.status_code == 405
