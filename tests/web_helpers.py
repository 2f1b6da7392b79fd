"""A real knowledge base for the web tests, built once per test run from the project's articles.

The seed article (Mongolia–North Korea), three "Foreign relations" pages in two formats (they
restate the pair's facts and bring conflicts) and a hostile document whose title, text, link
preview and names are markup, to check that the pages escape what they show.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from dyad.ingest import ingest_paths
from dyad.store import Store
from store_helpers import DocBuilder

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = [
    ROOT / "examples" / "Mongolia–North_Korea_relations.infolist.txt",
    DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki",
    DATA / "wikitext" / "Foreign_relations_of_Taiwan.wiki",
    DATA / "text" / "Foreign_relations_of_North_Korea.md",
    DATA / "text" / "Canada–United_States_relations.md",
]
SEED_ID = "mongolia-north-korea-relations-39e82f34"
HOSTILE_TITLE = 'Fiji–Tonga relations <script>alert("title")</script>'
HOSTILE_PERSON = "<img src=x onerror=alert('person')>"
HOSTILE_ANCHOR = '<b onmouseover="alert(1)">Nuku</b>'


def hostile_records() -> list[dict[str, object]]:
    doc = DocBuilder(HOSTILE_TITLE, dyad=("FJI", "TON"))
    doc.event(
        "visit",
        "2001-05",
        "In May 2001 <script>alert('text')</script> the Fijian king visited Tonga & stayed.",
        actors=["FJI", "TON"],
        source="FJI",
        target="TON",
        persons=[{"name": HOSTILE_PERSON, "state": "FJI", "role": "<i>king</i>"}],
        subject="</td><script>alert('subject')</script>",
    )
    doc.event(
        "relations.established",
        "1970",
        "Fiji and Tonga established relations in 1970.",
        actors=["FJI", "TON"],
    )
    gloss = doc.gloss(HOSTILE_ANCHOR, "<script>alert('gloss')</script> a place", flags=["markup"])
    doc.entity(HOSTILE_PERSON, state="FJI", gloss="<script>alert('entity')</script>")
    doc.tenure("</title><script>alert('term')</script>", "FJI", "TON", "1999", None)
    records = doc.records()
    records[0]["anchors"] = [
        {"text": HOSTILE_ANCHOR, "target": HOSTILE_ANCHOR, "span": gloss["span"]}
    ]
    return records


@cache
def kb_path() -> Path:
    """The knowledge base file, built on first use and removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="dyad-web-tests-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "kb.db"
    with Store(path) as store:
        summary = ingest_paths(store, ARTICLES)
        assert not summary.errors, summary.errors
        store.ingest(hostile_records())
    return path


def hostile_id() -> str:
    return DocBuilder(HOSTILE_TITLE).id
