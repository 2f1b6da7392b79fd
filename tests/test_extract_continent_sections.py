"""A part of a "Foreign relations of" page headed by a continent is about every partner in it.

Pandoc's text of the 2019 pages (``foreign-relations-text-2019.tar.gz``) loses the flag that
names each row's partner; a row without a "See X–Y relations" hatnote then took its pair from
the section, and a section headed "America" (beside "Africa", "Asia", "Europe") was read as the
United States: "Both countries established diplomatic relations on 9 July 2004" became an
establishment with the United States on the pages of Lithuania and Belarus. The rows and
sentences below are those pages' own, in a narrower table.
"""

from __future__ import annotations

from dyad.extract.pipeline import extract
from dyad.read import read_text

_HEADER = ("Country", "Formal relations (re)established", "Notes")


def _grid(rows: list[tuple[str, str, str]]) -> str:
    """A pandoc grid table of ``rows`` under the 2019 pages' header."""
    widths = [max(len(r[i]) for r in [_HEADER, *rows]) + 2 for i in range(3)]
    rule = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cells: tuple[str, str, str]) -> str:
        return "|" + "|".join(f" {c}".ljust(w) for c, w in zip(cells, widths, strict=True)) + "|"

    body = [rule, line(_HEADER), rule.replace("-", "=")]
    for row in rows:
        body += [line(row), rule]
    return "\n".join(body)


def _page(subject: str, rows: list[tuple[str, str, str]]) -> str:
    africa = _grid([("", "1992", "See Egypt–Lithuania relations")])
    return (
        f"FOREIGN RELATIONS OF {subject.upper()}\n\nAfrica\n\n{africa}\n\n\nAmerica\n\n"
        f"{_grid(rows)}\n\n\nAsia\n\nLithuania has an embassy in Beijing.\n"
    )


def _pairs_of(subject: str, rows: list[tuple[str, str, str]]) -> list[tuple[str, ...]]:
    title = f"Foreign relations of {subject}"
    doc = read_text(_page(subject, rows), format="text", source="t.md", title=title)
    return [tuple(e.actors) for e in extract(doc).events if e.type.startswith("relations.")]


def test_extract_a_continent_heading_names_no_partner() -> None:
    rows = [
        (
            "",
            "23 September 2004",
            "Both countries established diplomatic relations on September 23, 2004.",
        ),
        (
            "",
            "30 December 2004",
            "Both countries established diplomatic relations on 30 December 2004.",
        ),
    ]
    assert ("LTU", "USA") not in _pairs_of("Lithuania", rows)
    rows = [("", "9 July 2004", "Both countries established diplomatic relations on 9 July 2004.")]
    assert ("BLR", "USA") not in _pairs_of("Belarus", rows)


def test_extract_a_row_that_names_the_united_states_keeps_it() -> None:
    # the Maldives' page's sentence, in a row of that page's America
    rows = [
        (
            "",
            "10 November 1965",
            "The Maldives established diplomatic relations with the United States on 10 November"
            " 1965 and the two nations maintain friendly relations.",
        )
    ]
    assert ("MDV", "USA") in _pairs_of("the Maldives", rows)
