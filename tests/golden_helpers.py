"""Golden-file support: a document's readable snapshot, compared with ``<case>.expected.json``.

Set ``DYAD_REGEN_GOLDEN=1`` to (re)write the expected files; review them as a diff before
committing: the expected file is the specification of what the reader must produce.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from dyad.model import Document, ListBlock, Table

REGENERATE = os.environ.get("DYAD_REGEN_GOLDEN") == "1"


def snapshot(doc: Document) -> dict[str, Any]:
    """What a reviewer wants to see of a document, in reading order."""
    text = doc.text
    tables = [
        {
            "title": block.title,
            "rows": [[text[c.start : c.end] for c in row.cells] for row in block.rows],
        }
        for block in doc.blocks
        if isinstance(block, Table)
    ]
    lists = [
        {"title": block.title, "items": [text[i.start : i.end] for i in block.items]}
        for block in doc.blocks
        if isinstance(block, ListBlock)
    ]
    return {
        "title": doc.title,
        "format": doc.format,
        "names": dict(doc.names),
        "sections": [[s.level, s.title] for s in doc.sections],
        "paragraphs": [text[p.start : p.end] for p in doc.paragraphs()],
        "lists": lists,
        "tables": tables,
        "anchors": [[a.text, a.target] for a in doc.anchors],
        "glosses": [
            {
                "anchor": g.anchor,
                "text": g.text[:60],
                "truncated": g.truncated,
                "flags": list(g.flags),
            }
            for g in doc.glosses
        ],
        "dates": [[text[d.start : d.end], d.value] for d in doc.dates],
        "see_also": list(doc.see_also),
        "external_links": [
            {
                "author": e.author,
                "title": e.title,
                "publisher": e.publisher,
                "date": e.date,
                "url": e.url,
            }
            for e in doc.external_links
        ],
        "references": len(doc.references),
        "categories": list(doc.categories),
        "infobox": dict(doc.infobox),
    }


def check_golden(expected_path: Path, actual: dict[str, Any]) -> None:
    """Compare ``actual`` with the expected file (or write it when regenerating)."""
    rendered = json.dumps(actual, ensure_ascii=False, indent=1) + "\n"
    if REGENERATE or not expected_path.exists():
        if not REGENERATE:
            raise AssertionError(
                f"{expected_path} is missing: run with DYAD_REGEN_GOLDEN=1 and review it"
            )
        expected_path.write_text(rendered, encoding="utf-8")
        return
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected, f"{expected_path.name} differs; DYAD_REGEN_GOLDEN=1 to review"
