"""The pages in a real browser: Debian's headless Chromium driven by Playwright.

Screenshots go to ``tests/artifacts/`` (ignored by git). Skipped, with the reason, only on a
machine without ``/usr/bin/chromium`` (``.ci/run`` installs it); Playwright's own browser
downloads are never used.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_helpers import SEED_ID, kb_path

# One Chromium and one server for the module: its tests run in one xdist worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    import uvicorn

    from dyad.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(kb_path()), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the web server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=base_url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    yield page
    context.close()
    # a CSP violation or a script error shows here
    assert errors == [], errors


def shot(page: object, name: str, **options: object) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), **options)  # type: ignore[attr-defined]
    return path


def test_web_browser_dyad_timeline(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/dyad/MNG/PRK")  # type: ignore[attr-defined]
    timeline = page.locator("svg.timeline")  # type: ignore[attr-defined]
    expect(timeline).to_be_visible()
    box = timeline.bounding_box()
    assert box is not None and box["width"] > 700
    titles = timeline.locator("a.mark > title").all_text_contents()
    assert any("relations established · 1948-10-15" in t for t in titles)
    assert any("invitation · 2018-10" in t for t in titles)
    for date in ("1948-10-15", "2018-10"):
        mark = timeline.locator("a.mark", has=page.locator(f"title:text-matches('{date}')"))  # type: ignore[attr-defined]
        shape = mark.first.locator("circle, rect").last
        expect(shape).to_be_visible()
        inner = shape.bounding_box()
        assert inner is not None
        assert box["x"] <= inner["x"] <= box["x"] + box["width"]
    # an interval is drawn as the span it is: 1960/1985~ is wider than a year mark
    span = timeline.locator("a.mark", has=page.locator("title:text-matches('1960/1985~')"))  # type: ignore[attr-defined]
    widths = [r.bounding_box()["width"] for r in span.first.locator("rect").all()]
    assert sum(widths) > 150
    assert timeline.locator("g.terms a.mark").count() == 9  # the nine ambassadors
    shot(page, "dyad-MNG-PRK")
    shot(page, "dyad-MNG-PRK-full", full_page=True)
    timeline.screenshot(path=str(ARTIFACTS / "dyad-MNG-PRK-timeline.png"))


def test_web_browser_preview_on_hover(page: object) -> None:
    from playwright.sync_api import expect

    page.goto(f"/doc/{SEED_ID}")  # type: ignore[attr-defined]
    card = page.locator("#preview-card")  # type: ignore[attr-defined]
    anchor = page.locator("a.anchor", has_text="Kim Il Sung").first  # type: ignore[attr-defined]
    anchor.scroll_into_view_if_needed()
    anchor.hover()
    expect(card).to_be_visible()
    expect(card).to_contain_text("North Korean politician")
    expect(card).to_contain_text("person")
    card_box, anchor_box = card.bounding_box(), anchor.bounding_box()
    assert card_box is not None and anchor_box is not None
    assert card_box["y"] > anchor_box["y"] or card_box["y"] + card_box["height"] < anchor_box["y"]
    shot(page, "reader-preview-hover")
    page.mouse.move(5, 5)  # type: ignore[attr-defined]
    expect(card).to_be_hidden()
    other = page.locator("a.anchor", has_text="Kim Yong-nam").first  # type: ignore[attr-defined]
    other.hover()
    expect(card).to_contain_text("Disambiguation page")
    shot(page, "reader-preview-disambiguation")


def test_web_browser_event_to_highlighted_sentence(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/dyad/MNG/PRK")  # type: ignore[attr-defined]
    row = page.locator("tr", has_text="relations established").first  # type: ignore[attr-defined]
    link = row.locator(f"a.evidence[href^='/doc/{SEED_ID}']").first
    details = row.locator("details.more")
    if not link.is_visible() and details.count():
        details.first.locator("summary").click()
    link.click()
    expect(page).to_have_url(re.compile(rf"/doc/{SEED_ID}\?hl=\d+-\d+#hl$"))
    mark = page.locator("mark#hl")  # type: ignore[attr-defined]
    expect(mark).to_have_text(
        "The two countries established diplomatic relations on October 15, 1948."
    )
    expect(mark).to_be_in_viewport()
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "reader-highlighted-sentence")


def _tab_until(page: object, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate(f"!!document.activeElement.closest({selector!r})"):  # type: ignore[attr-defined]
            return
    pytest.fail(f"{selector} was not reached with {limit} presses of Tab")


def test_web_browser_keyboard_only(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    expect(page.locator("a.skip")).to_be_focused()  # type: ignore[attr-defined]
    page.locator("body").click(position={"x": 5, "y": 600})  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    expect(page.locator("#q")).to_be_focused()  # type: ignore[attr-defined]
    page.keyboard.type("Mongolia")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/search\?q=Mongolia$"))
    shot(page, "search-mongolia")
    # from the search results to the state, then to the pair, by keyboard alone
    _tab_until(page, "a[href='/state/MNG']")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/state/MNG$"))
    _tab_until(page, "a[href='/dyad/MNG/PRK']")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/dyad/MNG/PRK$"))
    # a timeline mark is a link to its row in the table
    _tab_until(page, "svg.timeline a.mark")
    shot(page, "keyboard-timeline-focus")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"#f-\d+$"))
    fact = page.url.rsplit("#", 1)[1]  # type: ignore[attr-defined]
    expect(page.locator(f"tr#{fact}")).to_be_in_viewport()  # type: ignore[attr-defined]
    # in the reader, focusing a link shows its preview; Escape hides it
    page.goto(f"/doc/{SEED_ID}")  # type: ignore[attr-defined]
    _tab_until(page, "article a.anchor")
    card = page.locator("#preview-card")  # type: ignore[attr-defined]
    expect(card).to_be_visible()
    shot(page, "keyboard-reader-preview")
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    expect(card).to_be_hidden()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/entity/"))
    shot(page, "entity-page")


def test_web_browser_home(page: object) -> None:
    from playwright.sync_api import expect

    page.goto("/")  # type: ignore[attr-defined]
    network = page.locator("svg.network")  # type: ignore[attr-defined]
    expect(network).to_be_visible()
    assert network.locator("a[href='/dyad/MNG/PRK']").count() == 1
    shot(page, "home", full_page=True)


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "%", "no-such-id", "%3Cscript%3E"])
def test_web_browser_crafted_fragment_throws_nothing(page: object, fragment: str) -> None:
    # The page's script decodes the fragment to find its target: a malformed one must not
    # throw ("URI malformed"); the fixture fails the test on any script error.
    page.goto(f"/documents#{fragment}")  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    page.evaluate("window.dispatchEvent(new HashChangeEvent('hashchange'))")  # type: ignore[attr-defined]
    page.wait_for_timeout(100)  # type: ignore[attr-defined]
