"""The reader's tree keeps every character of the text, and highlights exactly text[start:end]."""

from __future__ import annotations

from typing import Any

from dyad.store import Store
from dyad.web import data
from dyad.web.reader import article
from web_helpers import SEED_ID, kb_path


def _text(nodes: list[dict[str, Any]]) -> str:
    out = []
    for node in nodes:
        if node["t"] == "text":
            out.append(node["text"])
        elif node["t"] == "br":
            out.append("\n")
        else:
            out.append(_text(node["children"]))
    return "".join(out)


def _find(nodes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    found = []
    for node in nodes:
        if node["t"] == kind:
            found.append(node)
        found.extend(_find(node.get("children", []), kind))
    return found


def _blocks(tree: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    out = []
    for block in tree:
        if block["kind"] == "list":
            out.extend(block["items"])
        elif block["kind"] == "table":
            out.extend(cell["children"] for row in block["rows"] for cell in row)
        else:
            out.append(block["children"])
    return out


def test_web_reader_keeps_every_word() -> None:
    with Store(kb_path(), readonly=True) as store:
        for document in [d.id for d in store.documents(limit=20)]:
            page = data.doc(store, document)
            shown = " ".join(_text(nodes) for nodes in _blocks(article(page)))
            words = page["text"].split()
            assert shown.replace("  ", " ").split() == [w for w in words], document


def test_web_reader_highlight_is_exact() -> None:
    with Store(kb_path(), readonly=True) as store:
        page = data.doc(store, SEED_ID, hl="336-365")
        tree = article(page)
        marks = [m for nodes in _blocks(tree) for m in _find(nodes, "hl")]
        assert "".join(_text(m["children"]) for m in marks) == page["text"][336:365]
        assert [m["first"] for m in marks] == [True]
        # the highlight sits inside the anchor it covers, inside its evidence sentence
        anchors = [a for nodes in _blocks(tree) for a in _find(nodes, "a")]
        (lit,) = [a for a in anchors if _find(a["children"], "hl")]
        assert page["anchors"][lit["k"]]["text"] == "People's Republic of Mongolia"


def test_web_reader_evidence_ids() -> None:
    with Store(kb_path(), readonly=True) as store:
        page = data.doc(store, SEED_ID)
        tree = article(page)
        ids = {i for nodes in _blocks(tree) for ev in _find(nodes, "ev") for i in ev["ids"]}
        assert ids == {e["id"] for e in page["events"]}
