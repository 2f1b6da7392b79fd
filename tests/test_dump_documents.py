"""Dump pages as Documents: which pages become articles, and how a bad page is reported."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from dump_helpers import TINYWIKI, P, Rev, dump_xml
from dyad.model import Document
from dyad.read.dump import Page, document_for_title, iter_documents
from dyad.read.errors import ReadError


def _fake_reader(monkeypatch: pytest.MonkeyPatch, failing: set[str]) -> list[str]:
    """Stand in for dyad.read.wikitext: records calls, fails on the titles given."""
    sources: list[str] = []

    def read(text: str, *, source: str, title: str | None = None) -> Document:
        sources.append(source)
        if title in failing:
            raise ReadError(source, "cannot read this wikitext")
        return Document(title=title or "", format="wikitext", source=source, text=text)

    module = types.ModuleType("dyad.read.wikitext")
    module.read = read  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dyad.read.wikitext", module)
    return sources


def test_dump_documents_articles_only(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _fake_reader(monkeypatch, set())
    titles = [doc.title for doc in iter_documents(TINYWIKI)]
    assert "Redirect page" not in titles
    assert titles == [
        "Hello",
        "Toronto",
        "Duplicate title",
        "Duplicate title",
        "Big Page",
        "Disambiguation page",
        "Bodmin",
    ]
    assert sources[0] == f"{TINYWIKI}#Hello"
    with_redirects = [doc.title for doc in iter_documents(TINYWIKI, include_redirects=True)]
    assert "Redirect page" in with_redirects


def test_dump_documents_bad_page_goes_to_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_reader(monkeypatch, {"Toronto", "Bodmin"})
    failed: list[tuple[str, str]] = []

    def on_error(page: Page, error: ReadError) -> None:
        failed.append((page.title, error.problem))

    titles = [doc.title for doc in iter_documents(TINYWIKI, on_error=on_error)]
    assert len(titles) == 5
    assert failed == [
        ("Toronto", "cannot read this wikitext"),
        ("Bodmin", "cannot read this wikitext"),
    ]


def test_dump_documents_bad_page_is_logged_without_on_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _fake_reader(monkeypatch, {"Toronto"})
    assert len(list(iter_documents(TINYWIKI))) == 6
    assert "Toronto: cannot read this wikitext" in caplog.text


def test_dump_documents_on_error_may_stop_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_reader(monkeypatch, {"Toronto"})

    def stop(page: Page, error: ReadError) -> None:
        raise error

    with pytest.raises(ReadError, match="Toronto: cannot read"):
        list(iter_documents(TINYWIKI, on_error=stop))


def test_dump_documents_title_follows_redirects(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sources = _fake_reader(monkeypatch, set())
    path = tmp_path / "dump.xml"
    path.write_bytes(
        dump_xml(
            [
                P("Mongolia", [Rev("'''Mongolia''' is a state.")]),
                P("Mongolei", [Rev("#WEITERLEITUNG [[Mongolia]]")], id=2),
                P("Loop A", [Rev("#REDIRECT [[Loop B]]")], id=3),
                P("Loop B", [Rev("#REDIRECT [[Loop A]]")], id=4),
            ]
        )
    )
    document = document_for_title(path, "mongolei")
    assert document.title == "Mongolia"
    assert sources == [f"{path}#Mongolia"]
    with pytest.raises(ReadError, match="redirects in a loop"):
        document_for_title(path, "Loop A")


def test_dump_documents_with_the_wikitext_reader() -> None:
    pytest.importorskip("dyad.read.wikitext")
    documents = list(iter_documents(TINYWIKI))
    assert [doc.title for doc in documents][:2] == ["Hello", "Toronto"]
    assert all(doc.source.startswith(f"{TINYWIKI}#") for doc in documents)
    toronto = document_for_title(TINYWIKI, "Toronto")
    assert toronto.title == "Toronto"
    assert toronto.text
