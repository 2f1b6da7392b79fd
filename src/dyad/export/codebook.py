"""Codebooks: every column of every table, its type, meaning and allowed values, as Markdown
written from the column lists themselves (``columns.py``, ``panel.py``)."""

from __future__ import annotations

from collections.abc import Iterable

from dyad import __version__
from dyad.export.columns import EVIDENCE, EXPORT_SCHEMA, FACTS, TENURES, VOCABULARY, Column
from dyad.export.rdf import PREFIXES
from dyad.vocabulary import EVENT_TYPES

_KINDS = {
    "int": "integer",
    "small": "integer",
    "flag": "0/1",
    "level": "0-3",
    "float": "number",
    "text": "text",
    "category": "category",
    "date": "date",
    "persons": "list",
}


# How each kind loads with its type: pandas dtype (nullable types keep "missing" apart from 0),
# readr's col_types letter, Stata storage type.
LOADERS: dict[str, tuple[str, str, str]] = {
    "int": ("Int64", "i", "long"),
    "small": ("Int16", "i", "int"),
    "flag": ("Int8", "i", "byte"),
    "level": ("Int8", "i", "byte"),
    "float": ("Float64", "d", "double"),
    "text": ("string", "c", "strL"),
    "category": ("category", "c", "str"),
    "date": ("string", "D", "%td date"),
    "persons": ("string", "c", "strL"),
}
# Codes that look like numbers but are text: read as strings, never as numbers ("010").
_TEXT_CODES = frozenset({"cameo"})


def pandas_dtypes(columns: Iterable[Column]) -> dict[str, str]:
    """``pd.read_csv(path, dtype=pandas_dtypes(FACTS), parse_dates=date_columns(FACTS))``
    loads every column with its type (``cameo`` as a string, with its leading zeros)."""
    return {c.name: "string" if c.name in _TEXT_CODES else LOADERS[c.kind][0] for c in columns}


def date_columns(columns: Iterable[Column]) -> list[str]:
    return [c.name for c in columns if c.kind == "date"]


def readr_types(columns: Iterable[Column]) -> str:
    """readr's compact ``col_types`` string, one letter a column in order."""
    return "".join(LOADERS[c.kind][1] for c in columns)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(columns: Iterable[Column]) -> str:
    """A Markdown table of columns: name, type, meaning, values."""
    columns = list(columns)
    lines = [
        "| column | type | pandas | readr | Stata | meaning | values |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in columns:
        pandas, readr, stata = LOADERS[c.kind]
        if c.name in _TEXT_CODES:
            pandas, readr, stata = "string", "c", "str"
        lines.append(
            f"| `{c.name}` | {_KINDS[c.kind]} | `{pandas}` | `{readr}` | {stata}"
            f" | {_cell(c.meaning)} | {_cell(c.values)} |"
        )
    lines.append("")
    lines.append(f'readr: `col_types = "{readr_types(columns)}"`')
    return "\n".join(lines) + "\n"


def event_types() -> str:
    lines = [
        "| type | family | direction | CAMEO | PLOVER | label |",
        "|---|---|---|---|---|---|",
    ]
    for t in EVENT_TYPES.values():
        lines.append(
            f"| `{t.name}` | {t.family} | {t.direction} | {t.cameo or ''} | {t.plover or ''}"
            f" | {t.label} |"
        )
    return "\n".join(lines) + "\n"


CONVENTIONS = """\
- **States** are ISO 3166-1 alpha-3 codes (countrycode's `iso3c`), ISO 3166-3 codes for former
  states (`SUN`, `YUG`, `CSK`, `DDR`, `SCG`), and user-assigned `X..` codes for polities ISO does
  not code (`XKX` Kosovo, `XSV` South Vietnam); a predecessor regime the state system treats as
  the same state has the current code (the Mongolian People's Republic is `MNG`).
- **Correlates of War numbers** (`ccode`) are given for the year a row is about, and only when
  the state was a member of the COW state system in that year (State System Membership List
  v2016; memberships running at its end, 2016, are taken to continue): West Germany is 260 in
  1955-1990 and Germany 255 otherwise, Germany has none in 1946-1954. A COW number that several
  of our codes share goes to one of them a year: 365 to `SUN` in 1922-1991 and `RUS` otherwise,
  345 to `YUG` in 1918-2002, `SCG` in 2003-2005 and `SRB` otherwise.
- **Dates** are EDTF strings (`1948-10-15`, `2007-07`, `1952`, `1960/1979`, `2017/..`, `1953?`,
  `1985~`, `199X`) with the first and last day they can denote beside them.
- **Missing values** are empty CSV fields and JSON or Parquet nulls. An empty value means *not
  known*, never zero.
- **CSV**: UTF-8 without byte order mark, RFC 4180 (comma, double quotes, CRLF), one header
  row. Keep `cameo` as text: CAMEO codes have leading zeros.
"""


def export_codebook() -> str:
    """The codebook of ``dyad export`` (every format, every table)."""
    return _tables_part() + _formats_part() + _turtle_part()


def _tables_part() -> str:
    """The codebook's files, conventions and tables."""
    return f"""\
# Dyad export codebook

Written by Dyad {__version__}. Export schema {EXPORT_SCHEMA}; event vocabulary {VOCABULARY}
(docs/spec/vocabulary.md). One knowledge base's facts: event mentions that state the same fact,
reconciled (src/dyad/store/reconcile.py), each with every sentence that supports it.

## Files

| format | to a directory | to one file or a stream |
|---|---|---|
| `csv` | `facts.csv`, `evidence.csv`, `tenures.csv`, `codebook.md` | `facts` only |
| `parquet` | `facts.parquet`, `evidence.parquet`, `tenures.parquet`, `codebook.md` | `facts` only |
| `jsonl` | `dyad.jsonl`, `codebook.md` | everything (lines have a `kind`) |
| `ttl` | `dyad.ttl`, `codebook.md` | everything |

With a pair filter (`--dyad A B`) only that pair's facts, evidences and terms are written;
otherwise also the terms of office whose sending or receiving state is unknown.

## Conventions

{CONVENTIONS}
## facts: one row per reconciled fact

Ordered by pair, then date (undated last). Only pairs of two states are facts: an event
mention with fewer than two states stays in the knowledge base but is not exported.

{table(FACTS)}
## evidence: one row per evidence (event mention) of a fact

`text` is exactly the document's clean text between `start` and `end` (Python string offsets),
so every fact can be checked against its source.

{table(EVIDENCE)}
## tenures: one row per term of office as a document lists it

The same term listed by two documents is two rows (`document_id` differs).

{table(TENURES)}
## Event types (`type`)

{event_types()}
"""


def _formats_part() -> str:
    """The codebook's JSON Lines and Parquet sections."""
    return """\
## JSON Lines (`jsonl`)

The first line is `{"kind": "export", "export_schema", "vocabulary", "generator", "dyad"}`;
then one `{"kind": "fact"}` line per fact (the `facts` columns, `persons` as a list of
`{name, state, role}`, and `evidence`: the list of its `evidence` rows without `fact_id`),
then one `{"kind": "tenure"}` line per term (the `tenures` columns). The extraction records of
docs/spec/records.md are what `dyad extract` writes; this file is the reconciled knowledge base.

## Parquet (`parquet`)

Typed columns (integers, `int16` years and COW numbers, `date32` dates, `float64`), categorical
columns dictionary-encoded, `persons` a list of structs. Each field's metadata holds its meaning
(`description`); the schema's metadata holds `dyad.table`, `dyad.export_schema`,
`dyad.vocabulary` and `dyad.version`.

"""


def _turtle_part() -> str:
    """The codebook's RDF Turtle section: prefixes, Wikidata properties, Dyad's own terms."""
    prefixes = "\n".join(f"| `{k}:` | <{v}> |" for k, v in PREFIXES.items())
    return f"""\
## RDF Turtle (`ttl`)

| prefix | namespace |
|---|---|
{prefixes}

Resources are this knowledge base's own IRIs under the base given by `--base` (default
`https://dyad.example/`; fact, evidence and tenure numbers are its ids). The file is written
resource by resource as text (src/dyad/export/turtle.py), never as one graph in memory.
Wikidata properties are used where Wikidata has them:

| property | on | meaning |
|---|---|---|
| `wdt:P530` | state -> state | diplomatic relation, both ways, when the pair has relations now |
| `p:P530`, `ps:P530` | state -> statement -> state | a span of relations, from each side |
| `pq:P580`, `pq:P582` | statement, fact, tenure | start, end time (xsd date types) |
| `pq:P585` | fact | point in time of a fact with one plain date |
| `prov:wasDerivedFrom` | statement, fact, tenure -> reference | its evidences |
| `pr:P248` | reference -> document | stated in |
| `pr:P1683` | reference | quote: the exact evidence sentence (`@en`) |
| `pr:P854` | reference | reference URL (documents read from a URL) |
| `wdt:P298` / `wdt:P773` / `wdt:P297` | state | ISO 3166-1 alpha-3 / ISO 3166-3 / alpha-2 code |
| `owl:sameAs` | state -> `wd:Q..` | its Wikidata item (src/dyad/export/data/wikidata-states.tsv) |
| `schema:url` | document | the article's URL (English Wikipedia page of its title, for wikitext) |

Dyad's own terms (`dv:`): classes `dv:State`, `dv:Fact`, `dv:Tenure`; `dv:eventType` (a
`dtype:` concept with `dv:cameo`, `dv:plover`, `dv:family`, `dv:direction`), `dv:state` (both
states of a fact), `dv:source`, `dv:target`, `dv:date` (EDTF), `dv:start`/`dv:end` (EDTF, or
character offsets on a reference), `dv:modality`, `dv:confidence`, `dv:mentions`,
`dv:documents`, `dv:conflict`, `dv:subject`, `dv:quantity` (`dv:amount`, `dv:of`), `dv:person`
(a `schema:Person`), `dv:rule`, `dv:openedBy`/`dv:closedBy` (the facts that opened or closed a
span of relations), `dv:role`, `dv:sending`, `dv:receiving`, `dv:code`, `dv:kind`,
`dv:cowCode`, `dv:cowAbb`, `dv:goldstein` and `dv:quadClass` (on types and facts),
`dv:location` (the URL a document was read from, or its file name: never a local path).
Documents are `schema:CreativeWork` (`schema:name`, `schema:identifier`, `schema:encodingFormat`).
"""
