"""What schemathesis and a campaign found in the web API, each case as a user would check it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app
from web_helpers import SEED_ID, kb_path


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(kb_path()), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/doc/%40.json", "/doc/%40", "/doc/%2F..%2F.json"])
def test_web_hardening_odd_document_ids_are_404s(client: TestClient, path: str) -> None:
    reply = client.get(path)
    assert reply.status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("from=1948", 200),
        ("from=1948-10", 200),
        ("from=1948-02-31", 200),  # a day the calendar lacks stands for its month
        ("to=2000-12-31&from=", 200),
        ("from=" + "0" * 32, 422),
        ("to=%C2%96", 422),
        ("from=yesterday", 422),
        ("type=visit&type=", 200),
        ("type=nonsense", 422),
    ],
)
def test_web_hardening_dates_and_types_as_declared(
    client: TestClient, query: str, status: int
) -> None:
    reply = client.get(f"/dyad/MNG/PRK.json?{query}")
    assert reply.status_code == status, reply.text
    if status == 422:
        body = reply.json()
        assert body["error"] == "invalid_parameter" and body["detail"]


def test_web_hardening_errors_are_declared_in_the_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        if "{" in path:
            assert {"404", "422"} <= set(responses), path
            assert "application/json" in responses["404"]["content"], path


def test_web_hardening_download_errors_are_json(client: TestClient) -> None:
    reply = client.get("/dyad/MNG/XXQ/export.csv")
    assert reply.status_code == 404
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.json()["error"] == "unknown_state"


@pytest.mark.parametrize("path", ["/", "/dyads", f"/doc/{SEED_ID}", "/dyad/MNG/PRK.json"])
def test_web_hardening_head_answers_like_get(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


def test_web_hardening_405_names_the_allowed_methods(client: TestClient) -> None:
    reply = client.request("TRACE", "/dyads.json")
    assert reply.status_code == 405
    assert "GET" in reply.headers["allow"]


def test_web_hardening_junk_parameters_share_one_cache_entry(client: TestClient) -> None:
    cache = client.app.state.web.cache  # type: ignore[attr-defined]
    client.get("/dyads.json?limit=3")
    before = len(cache), cache.bytes
    for i in range(600):
        reply = client.get(f"/dyads.json?limit=3&junk{i}={'x' * 200}")
        assert reply.status_code == 200
        assert "junk" not in reply.text  # links do not carry the junk on
    assert (len(cache), cache.bytes) == before


def test_web_hardening_cache_keeps_to_its_byte_budget() -> None:
    from dyad.web.stores import ReplyCache

    cache = ReplyCache(size=10_000, budget=1 << 20)
    for i in range(600):
        cache.put(("/dyads.json", f"offset={i}"), (0, 0, 0, 0), (b"x" * 20_000, "text/plain"))
        assert cache.bytes <= cache.budget
    assert 0 < len(cache) < 60
    assert cache.get(("/dyads.json", "offset=599"), (0, 0, 0, 0)) is not None
    assert cache.get(("/dyads.json", "offset=0"), (0, 0, 0, 0)) is None


@pytest.mark.parametrize("hl", ["1-999999", "300-200"])
def test_web_hardening_a_span_outside_the_text_highlights_nothing(
    client: TestClient, hl: str
) -> None:
    # Valid by the schema (start-end), so served: the article, without a highlight.
    reply = client.get(f"/doc/{SEED_ID}.json?hl={hl}")
    assert reply.status_code == 200
    assert reply.json()["hl"] is None
    assert client.get(f"/doc/{SEED_ID}.json?hl=260-331").json()["hl"] == [260, 331]
