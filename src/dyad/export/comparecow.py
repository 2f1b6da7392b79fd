"""Agreement of the frame with the Correlates of War Diplomatic Exchange data, year by year.

COW's Diplomatic Exchange (v2006.1) codes, for each undirected dyad-year (``ccode1 <
ccode2``, 1817-2005 in 5-year steps), ``DR_at_1``: the level of side 2's representation at
side 1, and ``DR_at_2``: side 1's at side 2 (0 none, 1 chargé d'affaires, 2 minister, 3
ambassador, 9 other). The frame (``frame.py``) has the same keys and levels: ``level_2_in_1``
is ``DR_at_1``, ``level_1_in_2`` is ``DR_at_2``.

:func:`compare_cow` joins them on ``(ccode1, ccode2, year)`` and counts, among the dyad-years
where COW records a level (0-3) for both sides, the sides where Dyad has a level and how often
the two agree; each disagreement is put down to what set Dyad's level (the ``_from`` column:
a fact's type, a term of office, ``relations:severed``), so that a report says why, not only
how much. Relations are compared too:
COW's file holds only dyad-years with some exchange, so there ``relations`` should be 1.

A side whose level a fact dated within the compared year set (an embassy opened in 1995, a
break of 1980, compared with COW's 1995 or 1980) is compared like any other and also counted as
``sides_changed`` (with ``changed_agree``): the frame gives the level on 31 December, and COW
does not say at which point of its year it reads the level, so the change may fall on either
side of it. The agreement counts every side where Dyad has a level; the report also gives it
without those sides, for information.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dyad.export.framefile import frame_rows
from dyad.export.levels import says_broken
from dyad.export.rows import Row
from dyad.store import Store
from dyad.store.exports import FactRow, PairRecords

Key = tuple[int, int, int]
LEVELS = frozenset({"0", "1", "2", "3"})


@dataclass(slots=True)
class YearCount:
    """One year's counts (or the total)."""

    cow_dyads: int = 0  # COW dyad-years with a level for both sides
    matched: int = 0  # of those, pairs the knowledge base knows
    sides_known: int = 0  # sides where Dyad has a level
    sides_agree: int = 0
    relations_known: int = 0  # matched dyad-years with Dyad's relations known
    relations_agree: int = 0  # ... where relations = 1 (COW records an exchange)
    sides_changed: int = 0  # of sides_known, those whose level a fact of that very year set
    changed_agree: int = 0  # ... of which agreeing

    @property
    def agreement(self) -> float | None:
        return self.sides_agree / self.sides_known if self.sides_known else None

    @property
    def agreement_settled(self) -> float | None:
        """The agreement without the sides whose level changed within the year."""
        settled = self.sides_known - self.sides_changed
        return (self.sides_agree - self.changed_agree) / settled if settled else None

    def add(self, other: YearCount) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class CowComparison:
    """The agreement of Dyad's levels with COW's, by year and in total, with causes."""

    years: dict[int, YearCount] = field(default_factory=dict)
    total: YearCount = field(default_factory=YearCount)
    # (what set Dyad's level, Dyad's level, COW's level) -> sides that disagree
    causes: Counter[tuple[str, int, int]] = field(default_factory=Counter)

    @property
    def agreement(self) -> float | None:
        return self.total.agreement


def read_cow(path: Path) -> dict[Key, tuple[str, str]]:
    """COW's Diplomatic Exchange file: (ccode1, ccode2, year) -> (DR_at_1, DR_at_2)."""
    found: dict[Key, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            try:
                key = (int(row["ccode1"]), int(row["ccode2"]), int(row["year"]))
                found[key] = (row["DR_at_1"].strip(), row["DR_at_2"].strip())
            except (KeyError, ValueError) as exc:
                raise ValueError(
                    f"{path}: not a COW Diplomatic Exchange file (needs ccode1, ccode2, year,"
                    f" DR_at_1, DR_at_2): {exc}"
                ) from None
    return found


def _kind(source: str | None) -> str:
    """What set a level, without its id: ``mission.opened:12`` -> ``mission.opened``;
    ``relations:severed`` stays as it is."""
    if not source:
        return "unknown"
    return source if source.startswith("relations:") else source.split(":", 1)[0]


ChangedIn = Callable[[Row, str], bool]


def _never(row: Row, column: str) -> bool:
    return False


def compare_rows(
    rows: Iterable[Row], cow: dict[Key, tuple[str, str]], changed_in: ChangedIn = _never
) -> CowComparison:
    """Compare frame rows with COW's levels (see the module docstring); ``changed_in(row,
    column)`` says whether the level of ``column`` was set by a fact of the row's own year
    (those sides are counted apart)."""
    result = CowComparison()
    cow_years: Counter[int] = Counter(
        k[2] for k, v in cow.items() if v[0] in LEVELS and v[1] in LEVELS
    )
    for year, n in cow_years.items():
        result.years.setdefault(year, YearCount()).cow_dyads = n
    for row in rows:
        if row["kb_pair"] != 1 or row["ccode1"] is None or row["ccode2"] is None:
            continue
        levels = cow.get((row["ccode1"], row["ccode2"], row["year"]))
        if levels is None or levels[0] not in LEVELS or levels[1] not in LEVELS:
            continue
        count = result.years.setdefault(row["year"], YearCount())
        count.matched += 1
        if row["relations"] is not None:
            count.relations_known += 1
            count.relations_agree += row["relations"] == 1
        for column, theirs in (("level_2_in_1", levels[0]), ("level_1_in_2", levels[1])):
            ours = row[column]
            if ours is None:
                continue
            changed = changed_in(row, column)
            count.sides_known += 1
            count.sides_changed += changed
            if ours == int(theirs):
                count.sides_agree += 1
                count.changed_agree += changed
            else:
                result.causes[(_kind(row[f"{column}_from"]), ours, int(theirs))] += 1
    for count in result.years.values():
        result.total.add(count)
    result.total.cow_dyads = sum(cow_years.values())
    return result


def compare_cow(store: Store, cow_file: Path) -> CowComparison:
    """The frame of ``store`` over COW's years, compared with COW's file."""
    cow = read_cow(cow_file)
    years = [k[2] for k in cow]
    if not years:
        return CowComparison()
    rows = frame_rows(store, mode="all", first=min(years), last=max(years))
    wanted = set(years)
    return compare_rows((r for r in rows if r["year"] in wanted), cow, _changed_in(store))


_BREAKS = frozenset({"relations.severed", "relations.suspended"})


def _changed_in(store: Store) -> ChangedIn:
    """Whether a side's level was set within the row's year: the fact named in its ``_from``
    (``TYPE:ID``) is dated within it, or, for a 0 of a break (``relations:severed``), a break
    the facts say happened (``levels.says_broken``) is."""
    cache: dict[tuple[str, str], PairRecords | None] = {}

    def records(row: Row) -> PairRecords | None:
        one, two = str(row["iso3c1"]), str(row["iso3c2"])
        a, b = min(one, two), max(one, two)
        if (a, b) not in cache:
            cache.clear()  # the frame's rows come pair by pair
            cache[(a, b)] = store.pair_records(a, b)
        return cache[(a, b)]

    def changed(row: Row, column: str) -> bool:
        source = str(row.get(f"{column}_from") or "")
        kind, _, ident = source.partition(":")
        if not ident or kind == "tenure":
            return False
        found = records(row)
        if found is None:
            return False
        year = row["year"]
        if kind == "relations":
            return any(
                f.type in _BREAKS and _in_year(f, year) and says_broken(f) for f in found.facts
            )
        return any(str(f.id) == ident and _in_year(f, year) for f in found.facts)

    return changed


def _in_year(fact: FactRow, year: object) -> bool:
    """Whether the fact's date lies within ``year`` (a date of one year only)."""
    if fact.date_lower is None or fact.date_upper is None or not isinstance(year, int):
        return False
    return fact.date_lower // 10000 == year == fact.date_upper // 10000


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def report(result: CowComparison) -> str:
    """The comparison as a Markdown report: the total, the causes, then year by year."""
    t = result.total
    lines = [
        "# Dyad against COW Diplomatic Exchange (v2006.1)",
        "",
        f"COW dyad-years with a level on both sides: {t.cow_dyads}; of the pairs Dyad knows:"
        f" {t.matched}. Sides where Dyad has a level: {t.sides_known}; agreeing:"
        f" {t.sides_agree} (**{_percent(t.agreement)}**). Of those, sides whose level a fact of"
        f" COW's own year set (COW does not say when in the year it reads): {t.sides_changed},"
        f" {t.changed_agree} agreeing; without them {_percent(t.agreement_settled)}."
        f" Relations = 1 where COW records an"
        f" exchange: {t.relations_agree} of {t.relations_known}"
        f" ({_percent(t.relations_agree / t.relations_known if t.relations_known else None)}).",
        "",
        "## Disagreements by cause",
        "",
        "| set by | Dyad | COW | sides |",
        "|---|---|---|---|",
    ]
    for (kind, ours, theirs), n in result.causes.most_common():
        lines.append(f"| {kind} | {ours} | {theirs} | {n} |")
    lines += [
        "",
        "## Year by year",
        "",
        "| year | COW dyads | matched | sides known | agree | agreement |",
        "|---|---|---|---|---|---|",
    ]
    for year in sorted(result.years):
        c = result.years[year]
        lines.append(
            f"| {year} | {c.cow_dyads} | {c.matched} | {c.sides_known} | {c.sides_agree}"
            f" | {_percent(c.agreement)} |"
        )
    return "\n".join(lines) + "\n"


def report_html(result: CowComparison) -> str:
    """The same report as a standalone HTML page (its tables from the Markdown ones)."""
    from html import escape

    body: list[str] = []
    rows: list[str] = []

    def close_table() -> None:
        if rows:
            head, *rest = rows
            cells = [c.strip() for c in head.strip("|").split("|")]
            body.append("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in cells))
            body.append("</tr></thead><tbody>")
            for row in rest:
                values = [escape(c.strip()) for c in row.strip("|").split("|")]
                body.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
            body.append("</tbody></table>")
            rows.clear()

    for line in report(result).splitlines():
        if line.startswith("|"):
            if not line.startswith("|---"):
                rows.append(line)
            continue
        close_table()
        if line.startswith("## "):
            body.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{escape(line[2:])}</h1>")
        elif line.strip():
            text = escape(line).replace("**", "")
            body.append(f"<p>{text}</p>")
    close_table()
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Dyad against COW Diplomatic Exchange</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style>"
        "</head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
