"""The tables' columns, declared once: the CSV header, the Parquet schema and the codebook all
come from these lists, so they cannot drift apart.

A column's ``kind`` says how it is stored:

=============  ==============================  =====================================
kind           Parquet                         CSV / JSON Lines
=============  ==============================  =====================================
``int``        int64                           decimal digits / number
``small``      int16 (years, COW numbers)      decimal digits / number
``flag``       int8 (0/1, null when unknown)   ``0``, ``1`` or empty / 0, 1 or null
``level``      int8 (0-3, null when unknown)   ``0``..``3`` or empty / 0..3 or null
``float``      float64                         decimal / number
``text``       string                          text / string
``category``   dictionary<int32, string>       text / string
``date``       date32 (null before year 1)     ISO 8601 ``YYYY-MM-DD`` / string
``persons``    list<struct<name, state, role>>  names joined by ``; `` / list of objects
=============  ==============================  =====================================

A missing value is an empty CSV field and a JSON or Parquet null, never ``0`` or ``NA``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["int", "small", "flag", "level", "float", "text", "category", "date", "persons"]

# The vocabulary the exports follow (docs/spec/vocabulary.md, "Event vocabulary (v1)").
VOCABULARY = "v1"
# The layout of the exported tables; raised when a column is renamed or changes meaning.
EXPORT_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    meaning: str
    values: str = ""  # allowed values, when they are a closed set or need saying


def _pair(side: str, which: str) -> list[Column]:
    return [
        Column(
            f"iso3c_{side}",
            "category",
            f"{which}: ISO 3166-1 alpha-3 code (ISO 3166-3 for a former state, X.. for a"
            " polity without one), as countrycode's `iso3c`",
            "see the gazetteer (src/dyad/gazetteer/data/states.tsv)",
        ),
        Column(f"name_{side}", "category", f"{which}: short English name"),
        Column(
            f"ccode_{side}",
            "small",
            f"{which}: Correlates of War state number in the year the date starts in (ends"
            " in, for an open start), empty when the state was not a COW system member that"
            " year; for an undated fact its main COW number",
        ),
        Column(f"stateabb_{side}", "category", f"{which}: COW abbreviation of `ccode_{side}`"),
    ]


_DATE = [
    Column("date", "text", "the date as EDTF (Library of Congress Extended Date/Time Format)"),
    Column(
        "date_start",
        "date",
        "first day the date can denote; empty when open or unknown (and, in Parquet, before"
        " year 1: see `year_start`)",
    ),
    Column("date_end", "date", "last day the date can denote; empty when open or unknown"),
    Column("year_start", "small", "year of `date_start` (negative: BCE, astronomical)"),
    Column("year_end", "small", "year of `date_end`"),
    Column(
        "date_precision",
        "category",
        "how precise the date is",
        "`day`, `month`, `year`, `season`, `decade` (`199X`), `century` (`19XX`), `interval`"
        " (both ends known), `open` (one end open or unknown), `other` (sets, other"
        " unspecified digits); empty when undated",
    ),
    Column(
        "date_qualifier",
        "category",
        "EDTF qualifier of the date",
        "`uncertain` (`?`), `approximate` (`~`), `uncertain-approximate` (`%` or both);"
        " empty when none",
    ),
]

FACTS: tuple[Column, ...] = (
    Column("fact_id", "int", "the knowledge base's fact id (stable within one knowledge base)"),
    Column("type", "category", "event type", "the types of the vocabulary table below"),
    Column("family", "category", "the type's family (the part before the dot)"),
    Column("cameo", "category", "closest CAMEO code of the type (text: keep leading zeros)"),
    Column("plover", "category", "closest PLOVER category of the type"),
    Column(
        "goldstein",
        "float",
        "Goldstein score of the type's CAMEO code (-10 conflict .. +10 cooperation), from the"
        " CAMEO-Goldstein table (src/dyad/export/data/cameo-goldstein.tsv); empty when the"
        " type has no CAMEO code",
    ),
    Column(
        "quad_class",
        "small",
        "quad class of the CAMEO code, as GDELT and ICEWS",
        "`1` verbal cooperation (CAMEO 01-05), `2` material cooperation (06-08), `3` verbal"
        " conflict (09-13), `4` material conflict (14-20); empty when no CAMEO code",
    ),
    Column(
        "type_direction",
        "category",
        "whether the type has a source and a target",
        "`directed`, `reciprocal`, `either`",
    ),
    *_pair("a", "first state of the pair (codes sorted)"),
    *_pair("b", "second state of the pair"),
    Column(
        "source",
        "category",
        "ISO code of the state that acts (visitor, donor, recogniser...); empty for a"
        " reciprocal fact",
    ),
    Column("target", "category", "ISO code of the state acted upon; empty for a reciprocal fact"),
    *_DATE,
    Column(
        "modality",
        "category",
        "whether the event happened",
        "`occurred`, `planned`, `cancelled`, `negated`, `hypothetical`",
    ),
    Column("confidence", "float", "the highest confidence of its evidences, in [0, 1]"),
    Column(
        "conflict_id",
        "int",
        "set when sources disagree: every fact of one conflict has the same id (e.g. two"
        " establishment dates); empty otherwise",
    ),
    Column("subject", "text", 'short free-text qualifier ("friendship treaty", "oil")'),
    Column("quantity_amount", "float", 'a counted amount ("10,000 horses": 10000)'),
    Column("quantity_of", "text", "what `quantity_amount` counts"),
    Column(
        "persons",
        "persons",
        "people named as taking part: CSV: names joined by `; `; JSON Lines and Parquet:"
        " a list of {name, state, role}",
    ),
    Column("n_mentions", "int", "event mentions (evidences) the fact groups"),
    Column("n_documents", "int", "distinct documents among them (number of sources)"),
    Column("evidence_text", "text", "the first evidence's sentence (all of them: evidence)"),
    Column("evidence_document", "text", "title of the first evidence's document"),
)

EVIDENCE: tuple[Column, ...] = (
    Column("fact_id", "int", "the fact this evidence supports (`facts.fact_id`)"),
    Column("mention_id", "int", "the knowledge base's event mention id"),
    Column("record_id", "text", "the extraction record's id (records.md)"),
    Column("document_id", "text", "the document's id"),
    Column("document_title", "text", "the document's title"),
    Column(
        "document_source",
        "text",
        "the URL the document was read from, or its file name (never a local path)",
    ),
    Column(
        "document_url",
        "text",
        "the article's URL (the English Wikipedia page of its title, for wikitext and"
        " TheInfoList documents; the source URL when read from one); empty when not known",
    ),
    Column(
        "document_format",
        "category",
        "input format",
        "`infolist`, `wikitext`, `dump`, `html`, `markdown`, `text`",
    ),
    Column("text", "text", "the exact evidence sentence: the document's clean text[start:end]"),
    Column("start", "int", "offset of the sentence in the document's clean text (characters)"),
    Column("end", "int", "end offset (exclusive)"),
    Column("date", "text", "the date as this mention gave it (EDTF)"),
    Column("date_text", "text", "the words the date was read from"),
    Column(
        "date_source",
        "category",
        "where the date came from",
        "`stated`, `sentence`, `heading`, `inferred`",
    ),
    Column("rule", "category", "id of the extraction rule that produced the mention"),
    Column("confidence", "float", "the mention's confidence, in [0, 1]"),
    Column("quantity_amount", "float", "the amount this mention counts"),
    Column("quantity_of", "text", "what it counts"),
)

TENURES: tuple[Column, ...] = (
    Column("tenure_id", "int", "the knowledge base's tenure id"),
    Column("role", "category", "the office (`ambassador`, ...)"),
    Column("person", "text", "who held it"),
    Column("sending", "category", "ISO code of the state the person represents"),
    Column("receiving", "category", "ISO code of the state the person is accredited to"),
    Column("iso3c_a", "category", "first state of the pair (codes sorted); empty when unknown"),
    Column("iso3c_b", "category", "second state of the pair"),
    Column("term_start", "text", "start of the term (EDTF)"),
    Column("term_end", "text", "end of the term (EDTF); empty when open or not given"),
    Column("year_start", "small", "first year the start can denote"),
    Column("year_end", "small", "last year the end can denote; empty when open or not given"),
    Column("document_id", "text", "the document listing the term (one row per document)"),
    Column("document_title", "text", "the document's title"),
    Column(
        "document_source",
        "text",
        "the URL the document was read from, or its file name (never a local path)",
    ),
    Column("evidence_text", "text", "the exact text the term was read from"),
    Column("evidence_start", "int", "its offset in the document's clean text"),
    Column("evidence_end", "int", "end offset (exclusive)"),
    Column("rule", "category", "id of the extraction rule"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "facts": FACTS,
    "evidence": EVIDENCE,
    "tenures": TENURES,
}
