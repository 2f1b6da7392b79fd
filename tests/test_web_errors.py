"""Unknown ids and countries are 404s that say what to try; parameters are bounded (422);
odd input never makes a 500."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app
from web_helpers import SEED_ID, kb_path


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(kb_path()), raise_server_exceptions=False) as client:
        yield client


def test_web_errors_unknown_country_suggests_states(client: TestClient) -> None:
    reply = client.get("/dyad/Mongolai/PRK.json")
    assert reply.status_code == 404
    body = reply.json()
    assert body["error"] == "unknown_state"
    assert "Mongolai" in body["message"]
    assert {"label": "Mongolia (MNG)", "href": "/state/MNG"} in body["suggestions"]
    html = client.get("/dyad/Mongolai/PRK")
    assert html.status_code == 404 and html.headers["content-type"].startswith("text/html")
    assert 'href="/state/MNG"' in html.text
    assert client.get("/state/Atlantis.json").status_code == 404


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/doc/no-such-document.json", "no article"),
        ("/entity/Nobody%20At%20All.json", "nothing is stored"),
        ("/no/such/page.json", "no page"),
        ("/dyad/MNG/MNG.json", "same state"),
        ("/dyad/MNG.json", "no page"),
    ],
)
def test_web_errors_unknown_ids_are_helpful_404s(client: TestClient, path: str, words: str) -> None:
    reply = client.get(path)
    assert reply.status_code == 404
    body = reply.json()
    assert words in body["message"]
    assert body["suggestions"], body


def test_web_errors_html_404_page(client: TestClient) -> None:
    reply = client.get("/doc/no-such-document")
    assert reply.status_code == 404
    assert "no article with the id" in reply.text and 'href="/documents"' in reply.text


@pytest.mark.parametrize(
    "path",
    [
        "/dyads.json?limit=100000",
        "/dyads.json?limit=0",
        "/dyads.json?offset=-1",
        "/dyads.json?limit=ten",
        "/documents.json?limit=501",
        "/dyad/MNG/PRK.json?limit=100000",
        "/dyad/MNG/PRK.json?offset=99999999",
        "/dyad/MNG/PRK.json?type=bogus",
        "/dyad/MNG/PRK.json?from=yesterday",
        "/dyad/MNG/PRK.json?to=" + "9" * 40,
        f"/doc/{SEED_ID}.json?hl=abc",
        "/search.json?q=" + "x" * 201,
        "/search.json?q=a&limit=101",
        "/dyad/" + "M" * 81 + "/PRK.json",
    ],
)
def test_web_errors_parameters_are_bounded(client: TestClient, path: str) -> None:
    reply = client.get(path)
    assert reply.status_code == 422, reply.text[:300]
    body = reply.json()
    assert body["error"] == "invalid_parameter" and body["message"] and body["detail"]


def test_web_errors_422_names_the_parameter(client: TestClient) -> None:
    body = client.get("/dyads.json?limit=100000").json()
    assert body["detail"][0]["loc"] == ["query", "limit"]
    assert "500" in body["message"]
    body = client.get("/dyad/MNG/PRK.json?type=bogus").json()
    assert "bogus" in body["message"] and "visit" in body["message"]
    html = client.get("/dyads?limit=100000")
    assert html.status_code == 422 and "limit" in html.text


@pytest.mark.parametrize(
    "text",
    ["'", '"', "%", "\\", "NEAR(", "*", "a AND", "\x00", "زيارة", "🙂", "../../etc/passwd", "#"],
)
def test_web_errors_odd_input_never_500(client: TestClient, text: str) -> None:
    encoded = quote(text, safe="")
    for path in (
        f"/search.json?q={encoded}",
        f"/search?q={encoded}",
        f"/entity/{encoded}.json",
        f"/doc/{encoded}",
        f"/state/{encoded}.json",
        f"/dyad/{encoded}/PRK.json",
        f"/dyad/MNG/PRK.json?from={encoded}",
    ):
        reply = client.get(path)
        assert reply.status_code in (200, 302, 404, 422), (path, reply.status_code, reply.text)
