"""Convert PETRARCH2's country actor dictionary into ``data/leaders.tsv``: people and their
dated roles ("SADDAM HUSSEIN" -> IRQ government 1979-07-16 to 2003-04-09).

A record of ``Phoenix.Countries.actors.txt`` is a name, its variants (``+NAME``) and date
restrictions on lines that start with a tab (``[IRQGOV 790716-030409]``, ``[PRKGOV >980905]``,
``[PRKELI]``). Only records with such lines are people; countries and their adjectives carry a
bare code on the name line. The first three letters of a code are the country (CAMEO uses ISO
3166 alpha-3 with a few of its own, mapped here to the codes of Dyad's gazetteer), the rest is
the role: GOV government, ELI elite (before or after office), MIL military, OPP opposition...

Dates are ``YYYYMMDD`` or ``YYMMDD``; a two-digit year below 30 is 20YY (the file dates from
2014). CAMEO's RUS also stands for the Soviet Union: the lookup
(:mod:`dyad.extract.cameo.leaders`) reads it as SUN on a date before 1991-12-26.
"""

from __future__ import annotations

import re
from collections import Counter

from dyad.extract.cameo.leaders import normal_name

# CAMEO country codes that are not Dyad's; None: not a state.
_CODE_MAP: dict[str, str | None] = {
    "TMP": "TLS",
    "KSV": "XKX",
    "FRY": "YUG",
    "SRP": "SRB",
    "USR": "SUN",
    "IGO": None,
    "IMG": None,
    "KNT": None,
}
# Variants that start with a title or an article ("PRESIDENT PUTIN", "US PRESIDENT BARACK
# OBAMA", "THE OBAMA ADMINISTRATION") are left out: people are found by their names, and the
# titles are read by dyad.extract.people.
_TITLES = frozenset(
    "PRESIDENT PRIME SECRETARY SIR MR MRS MS DR US UNITED AMERICAN RUSSIAN BRITISH FRENCH CHINESE"
    " THE KING QUEEN PRINCE SENATOR GENERAL GEN FOREIGN MINISTER CHANCELLOR PREMIER AMBASSADOR"
    " FORMER VICE DEPUTY CHIEF LORD SHEIKH EMIR SULTAN COLONEL POPE SAINT".split()
)
# Roles of people who act for a state: government (with its sectors), elite, military.
_PERSON_ROLES = ("GOV", "ELI", "MIL")
_RESTRICTION = re.compile(r"^\[(?P<code>[A-Z]{3,})(?:\s+(?P<range>[<>]?\d{6,8}(?:-\d{6,8})?))?\]")


def _date(value: str) -> str:
    """A ``YYYYMMDD`` or ``YYMMDD`` date as ISO ("790716" -> "1979-07-16")."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < 30 else 1900 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _name(entry: str) -> str:
    """The name of a name or variant line, without its comment, code and underscores."""
    entry = entry.split("#")[0].split("[")[0].split(";")[0].strip().lstrip("+")
    return " ".join(entry.replace("_", " ").split())


def _roles(lines: list[str]) -> list[tuple[str, str, str, str]]:
    """(state, role, start, end) of each date restriction; "" for an open start or end."""
    out = []
    for line in lines:
        m = _RESTRICTION.match(line.strip())
        if m is None:
            continue
        code = m.group("code")
        country, role = code[:3], code[3:]
        state = _CODE_MAP.get(country, country)
        if state is None or not role.startswith(_PERSON_ROLES):
            continue  # a place ("[USRTJK <910909]") or a role that is no office of a state
        start = end = ""
        span = m.group("range") or ""
        if span.startswith("<"):
            end = _date(span[1:])
        elif span.startswith(">"):
            start = _date(span[1:])
        elif "-" in span:
            a, b = span.split("-")
            start, end = _date(a), _date(b)
        out.append((state, role, start, end))
    return out


def _records(text: str) -> list[tuple[list[str], list[str]]]:
    """The records of the actor file: each its names (the name line and its ``+`` variants)
    and its date-restriction lines, in file order."""
    records: list[tuple[list[str], list[str]]] = []
    names: list[str] = []
    dates: list[str] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith(("\t", " ")) and raw.strip().startswith("["):
            dates.append(raw)
            continue
        if raw.startswith("+"):
            if dates:  # a variant after dates starts no new record in this file; keep safe
                records.append((names, dates))
                names, dates = [], []
            names.append(_name(raw))
            continue
        if names:
            records.append((names, dates))
        names, dates = [_name(raw)], []
    if names:
        records.append((names, dates))
    return records


def _variants(names: list[str]) -> list[str]:
    """A record's names in normal form, without one-word names and those that start with a
    title or an article."""
    return [
        normal
        for n in dict.fromkeys(names)
        if len((normal := normal_name(n)).split()) >= 2 and normal.split()[0] not in _TITLES
    ]


def convert_actors(text: str) -> tuple[str, Counter[str]]:
    """The text of ``leaders.tsv`` and the counts of the conversion."""
    counts: Counter[str] = Counter()
    lines = [
        "# PETRARCH2 Phoenix.Countries.actors.txt (Open Event Data Alliance, MIT licence; see "
        "NOTICE), converted by python -m dyad.extract.cameo.convert",
        "# names (normal form: dyad.extract.cameo.leaders.normal_name; variants separated by |)"
        "\troles (state role start end, separated by ;)",
    ]
    for record_names, record_dates in _records(text):
        counts["records read"] += 1
        roles = _roles(record_dates)
        if not roles:
            continue
        variants = _variants(record_names)
        if not variants:
            counts["people with one-word names only (dropped)"] += 1
            continue
        counts["people kept"] += 1
        counts["names kept"] += len(variants)
        lines.append(
            "|".join(variants) + "\t" + ";".join(" ".join(r or "-" for r in x) for x in roles)
        )
    return "\n".join(lines) + "\n", counts
