"""Every page as HTML and as JSON, from one data function: the routes, their content, the
links between them (FastAPI's TestClient on a real knowledge base)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyad.store import Store
from dyad.web import create_app, data
from web_helpers import SEED_ID, kb_path

PAGES = [
    "/",
    "/dyads",
    "/documents",
    "/conflicts",
    "/search?q=Mongolia",
    "/state/MNG",
    "/dyad/MNG/PRK",
    "/dyad/MNG/PRK?type=visit&from=1980&to=2010",
    f"/doc/{SEED_ID}",
    f"/doc/{SEED_ID}?hl=260-331",
    "/entity/Kim%20Il%20Sung",
]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(kb_path())) as client:
        yield client


def _json_url(page: str) -> str:
    path, _, query = page.partition("?")
    path = "/index" if path == "/" else path
    return f"{path}.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("page", PAGES)
def test_web_pages_html_links_its_json(client: TestClient, page: str) -> None:
    reply = client.get(page)
    assert reply.status_code == 200, reply.text[:500]
    assert reply.headers["content-type"].startswith("text/html")
    html = reply.text
    assert html.startswith("<!doctype html>")
    alternate = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)
    assert alternate is not None
    if page != "/":
        assert alternate[1].replace("&amp;", "&") == _json_url(page)
    as_json = client.get(alternate[1].replace("&amp;", "&"))
    assert as_json.status_code == 200
    assert as_json.headers["content-type"].startswith("application/json")
    assert isinstance(as_json.json(), dict)


def _without_links(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_links(v) for k, v in value.items() if k not in ("next", "previous")}
    if isinstance(value, list):
        return [_without_links(v) for v in value]
    return value


def test_web_pages_json_is_the_data_function(client: TestClient) -> None:
    """One data function, two renderings: the JSON is exactly what the function returns."""
    with Store(kb_path(), readonly=True) as store:
        expected = data.dyad(store, "MNG", "PRK", type=["visit"], from_="1980", limit=3)
        served = client.get("/dyad/MNG/PRK.json?type=visit&from=1980&limit=3").json()
        assert _without_links(served) == _without_links(json.loads(json.dumps(expected)))
        assert served["pagination"]["more"] is True
        assert served["pagination"]["next"] == (
            "/dyad/MNG/PRK.json?type=visit&from=1980&limit=3&offset=3"
        )
        doc = json.loads(json.dumps(data.doc(store, SEED_ID)))
        assert doc == client.get(f"/doc/{SEED_ID}.json").json()


def test_web_pages_dyad_headline(client: TestClient) -> None:
    page = client.get("/dyad/MNG/PRK.json").json()
    summary = page["summary"]
    assert page["a"]["code"] == "MNG" and page["b"]["name"] == "North Korea"
    assert [f["date"] for f in summary["relations_began"]] == ["1948-10-15"]
    assert summary["status_now"]["relations"] == "relations"
    assert summary["status_since"] == "1948-10-15"
    assert summary["status_now"]["mission_b"] == "closed"  # 1999: PRK closed its embassy
    assert {t["person"] for t in summary["ambassadors_now"]} == {"Surengiin Tsoggerel", "O Sung Ho"}
    dates = {m["date"] for m in page["marks"]}
    assert {"1948-10-15", "2018-10", "1960/1985~"} <= dates
    html = client.get("/dyad/MNG/PRK").text
    for text in ("1948-10-15", "Surengiin Tsoggerel", "O Sung Ho", 'class="timeline"'):
        assert text in html


def test_web_pages_dyad_filters(client: TestClient) -> None:
    visits = client.get("/dyad/MNG/PRK.json?type=visit").json()
    assert visits["events"] and {e["type"] for e in visits["events"]} == {"visit"}
    family = client.get("/dyad/MNG/PRK.json?type=relations").json()
    assert {e["family"] for e in family["events"]} == {"relations"}
    period = client.get("/dyad/MNG/PRK.json?from=2000&to=2010").json()
    assert period["events"]
    for event in period["events"]:
        assert event["date_upper"] >= 20000101 and event["date_lower"] <= 20101231
    html = client.get("/dyad/MNG/PRK?type=visit").text
    assert 'value="visit" checked' in html
    # what the filter form sends when nothing is filled in
    empty = client.get("/dyad/MNG/PRK.json?type=&from=&to=").json()
    assert empty["filters"] == {**empty["filters"], "type": [], "from": None, "to": None}
    assert len(empty["events"]) == empty["summary"]["facts"]


def test_web_pages_dyad_redirects_to_the_canonical_pair(client: TestClient) -> None:
    for path, target in [
        ("/dyad/PRK/MNG", "/dyad/MNG/PRK"),
        ("/dyad/Mongolia/North%20Korea", "/dyad/MNG/PRK"),
        ("/dyad/PRK/MNG.json?type=visit", "/dyad/MNG/PRK.json?type=visit"),
        ("/state/Mongolia", "/state/MNG"),
    ]:
        reply = client.get(path, follow_redirects=False)
        assert reply.status_code == 302
        assert reply.headers["location"] == target


def test_web_pages_events_link_to_their_sentence(client: TestClient) -> None:
    page = client.get("/dyad/MNG/PRK.json").json()
    (began,) = page["summary"]["relations_began"]
    seed = next(s for s in began["sources"] if s["document"] == SEED_ID)
    assert seed["href"] == f"/doc/{SEED_ID}?hl={seed['start']}-{seed['end']}#hl"
    doc = client.get(seed["href"].split("#")[0]).text
    marked = re.search(r'<mark class="hl" id="hl" tabindex="-1">(.*?)</mark>', doc)
    assert marked is not None
    assert marked[1] == "The two countries established diplomatic relations on October 15, 1948."


def test_web_pages_reader(client: TestClient) -> None:
    page = client.get(f"/doc/{SEED_ID}.json").json()
    assert page["title"] == "Mongolia–North Korea relations"
    assert [s["title"] for s in page["sections"][:2]] == [
        "History",
        "Early relationship and Korean War",
    ]
    previews = page["previews"]
    kim = next(a for a in page["anchors"] if a["text"] == "Kim Yong-nam")
    assert previews[kim["preview"]]["flags"] == ["disambiguation"]
    assert all(
        e["evidence"]["text"] == page["text"][e["evidence"]["start"] : e["evidence"]["end"]]
        for e in page["events"]
    )
    html = client.get(f"/doc/{SEED_ID}").text
    assert 'class="anchor"' in html and 'aria-describedby="pv-' in html
    assert "Disambiguation page" in html
    assert html.count('role="tooltip"') == len(previews)


def test_web_pages_entity_state_search_lists(client: TestClient) -> None:
    kim = client.get("/entity/Kim%20Il%20Sung.json").json()
    assert kim["entities"][0]["state"] == "PRK"
    assert any(e["type"] == "visit" for e in kim["events"])
    state = client.get("/state/MNG.json").json()
    assert state["name"] == "Mongolia"
    assert ("MNG", "PRK") in {(d["a"], d["b"]) for d in state["dyads"]}
    found = client.get("/search.json?q=Mongolia").json()
    assert found["states"][0]["code"] == "MNG"
    assert found["hits"]
    assert client.get("/search.json?q=Kim%20Il%20Sung").json()["entities"]
    assert client.get("/search.json").json()["hits"] == []
    home = client.get("/index.json").json()
    # the pairs with the most facts first: the seed's pair is among the first few
    facts = [d["facts"] for d in home["dyads"]]
    assert facts == sorted(facts, reverse=True)
    first = [(d["a"], d["b"]) for d in home["dyads"][:5]]
    assert ("MNG", "PRK") in first and home["documents"] and home["network"]
    assert '<svg class="network"' in client.get("/").text
    lists = [client.get(u).json() for u in ("/dyads.json", "/documents.json", "/conflicts.json")]
    assert all(page["pagination"]["count"] > 0 for page in lists)


def test_web_pages_pagination(client: TestClient) -> None:
    first = client.get("/dyads.json?limit=2").json()
    assert len(first["dyads"]) == 2 and first["pagination"]["more"]
    second = client.get(first["pagination"]["next"]).json()
    assert second["pagination"]["offset"] == 2
    assert second["pagination"]["previous"] == "/dyads.json?limit=2&offset=0"
    assert first["dyads"][1] != second["dyads"][0]
    html = client.get("/dyads?limit=2").text
    assert 'rel="next" href="/dyads?limit=2&amp;offset=2"' in html


def test_web_pages_static_and_docs(client: TestClient) -> None:
    for path, kind in [
        ("/static/dyad.css", "text/css"),
        ("/static/dyad.js", "javascript"),
        ("/static/favicon.svg", "image/svg+xml"),
    ]:
        reply = client.get(path)
        assert reply.status_code == 200 and kind in reply.headers["content-type"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/dyad/{a}/{b}.json" in docs.text
    examples = re.findall(r'<a class="small" href="([^"]+)"', docs.text)
    assert len(examples) >= 10
    for example in examples:
        assert client.get(example.replace("&#39;", "'")).status_code == 200, example
    schema = client.get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/dyad/{a}/{b}.json"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == 500
    assert {"type", "from", "to", "offset"} <= set(params)
    assert "/doc/{id}.json" in schema["paths"] and "/index.json" in schema["paths"]
