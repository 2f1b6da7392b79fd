"""A small multistream dump for the Spark job's tests: two "Foreign relations of" pages, the
abstracts of the articles Nauru's page links to as pages, a redirect and a page no reader can
read (tests/data/dumps/NOTICE says where each comes from)."""

from __future__ import annotations

import json
from pathlib import Path

from dump_helpers import DUMPS, P, Rev, write_multistream

DATA = Path(__file__).resolve().parent / "data"
RELATIONS = ("Foreign_relations_of_Nauru.wiki", "Foreign_relations_of_Mongolia.wiki")
BROKEN_TITLE = "Chad–Libya relations"
# A real redirect of English Wikipedia: Nauru's page links to "People's Republic of China".
REDIRECT = ("People's Republic of China", "China")


def link_abstracts() -> list[dict[str, str]]:
    lines = (DUMPS / "nauru-link-abstracts.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def relations_dump(folder: Path, per_stream: int = 10) -> tuple[Path, Path]:
    """The dump and its index, written in ``folder``."""
    pages = [
        P(
            name.removesuffix(".wiki").replace("_", " "),
            [Rev((DATA / "wikitext" / name).read_text())],
        )
        for name in RELATIONS
    ]
    pages += [P(r["title"], [Rev(r["abstract"])]) for r in link_abstracts()]
    pages.append(P(REDIRECT[0], [Rev(f"#REDIRECT [[{REDIRECT[1]}]]")], redirect=REDIRECT[1]))
    # Thousands of unclosed templates: the wikitext reader refuses the page as broken markup.
    pages.append(P(BROKEN_TITLE, [Rev("{{Infobox" * 4000 + " text")]))
    for number, page in enumerate(pages, start=1):
        page.id = number
    return write_multistream(folder, pages, per_stream=per_stream)
