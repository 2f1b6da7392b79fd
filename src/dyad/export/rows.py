"""Store rows as export rows: plain dicts keyed by the column names of ``columns.py``.

Values are Python values (``None`` for missing; dates as ``datetime.date`` or ISO strings
before year 1); each writer turns them into its format. Pure functions: no I/O.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from dyad.export.cow import ccode_in, stateabb_in
from dyad.export.scales import scale
from dyad.export.sources import article_url, public_source
from dyad.gazetteer import Gazetteer
from dyad.store.dates import OPEN_LOWER, OPEN_UPPER
from dyad.store.exports import EvidenceRow, FactRow, TenureRow
from dyad.vocabulary import EVENT_TYPES

Row = dict[str, Any]
DateValue = datetime.date | str | None

_DAY = re.compile(r"-?\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"-?\d{4}-(\d{2})")
_YEAR = re.compile(r"-?\d{4}")
_DECADE = re.compile(r"-?\d{3}X")
_CENTURY = re.compile(r"-?\d{2}XX")


def precision(date: str | None) -> str | None:
    """How precise an EDTF date is (``columns.py``, ``date_precision``)."""
    if not date:
        return None
    text = date.strip().rstrip("?~%")
    if "/" in text:
        head, _, tail = text.partition("/")
        return "open" if head in ("", "..") or tail in ("", "..") else "interval"
    if _DAY.fullmatch(text):
        return "day"
    if (match := _MONTH.fullmatch(text)) is not None:
        return "month" if int(match.group(1)) <= 12 else "season"
    if _YEAR.fullmatch(text):
        return "year"
    if _DECADE.fullmatch(text):
        return "decade"
    if _CENTURY.fullmatch(text):
        return "century"
    return "other"


def qualifier(date: str | None) -> str | None:
    if not date:
        return None
    uncertain = "?" in date or "%" in date
    approximate = "~" in date or "%" in date
    if uncertain and approximate:
        return "uncertain-approximate"
    if uncertain:
        return "uncertain"
    return "approximate" if approximate else None


def day(value: int | None) -> DateValue:
    """A ``YYYYMMDD`` bound as a date (an ISO string before year 1; ``None`` when open)."""
    if value is None or value in (OPEN_LOWER, OPEN_UPPER):
        return None
    year, rest = divmod(value, 10000)
    month, dom = divmod(rest, 100)
    if 1 <= year <= 9999:
        return datetime.date(year, month, dom)
    return f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{dom:02d}"


def year(value: int | None) -> int | None:
    if value is None or value in (OPEN_LOWER, OPEN_UPPER):
        return None
    return value // 10000


def date_columns(date: str | None, lower: int | None, upper: int | None) -> Row:
    return {
        "date": date,
        "date_start": day(lower),
        "date_end": day(upper),
        "year_start": year(lower),
        "year_end": year(upper),
        "date_precision": precision(date),
        "date_qualifier": qualifier(date),
    }


@lru_cache(maxsize=65536)
def _state(gazetteer: Gazetteer, code: str, when: int | None) -> tuple[str, int | None, str | None]:
    """Name, COW number and COW abbreviation of a state in a year (cached: a few hundred states
    and years serve a million facts)."""
    state = gazetteer.get(code)
    if state is None:
        return code, None, None
    if when is None:
        return state.short_name, state.cow_code, state.cow_abb
    return state.short_name, ccode_in(state, when), stateabb_in(state, when)


def _state_columns(code: str, side: str, when: int | None, gazetteer: Gazetteer) -> Row:
    name, ccode, abb = _state(gazetteer, code, when)
    return {
        f"iso3c_{side}": code,
        f"name_{side}": name,
        f"ccode_{side}": ccode,
        f"stateabb_{side}": abb,
    }


def _quantity(fact: FactRow) -> tuple[float | None, str | None]:
    """The quantity of the most confident mention that counts something."""
    counted = [e for e in fact.evidence if e.quantity_amount is not None]
    if not counted:
        return None, None
    best = max(counted, key=lambda e: (e.confidence, -e.mention))
    return best.quantity_amount, best.quantity_of


def fact_row(fact: FactRow, gazetteer: Gazetteer) -> Row:
    """A fact as a row of ``columns.FACTS`` (``persons`` as a list of dicts)."""
    vocab = EVENT_TYPES.get(fact.type)
    scales = scale(fact.type)
    when = year(fact.date_lower) if fact.date_lower is not None else None
    if when is None and fact.date_upper is not None:
        when = year(fact.date_upper)
    amount, of = _quantity(fact)
    first = fact.evidence[0] if fact.evidence else None
    return {
        "fact_id": fact.id,
        "type": fact.type,
        "family": fact.type.split(".")[0],
        "cameo": vocab.cameo if vocab else None,
        "plover": vocab.plover if vocab else None,
        "goldstein": scales.goldstein,
        "quad_class": scales.quad_class,
        "type_direction": vocab.direction if vocab else None,
        **_state_columns(fact.a, "a", when, gazetteer),
        **_state_columns(fact.b, "b", when, gazetteer),
        "source": fact.source,
        "target": fact.target,
        **date_columns(fact.date, fact.date_lower, fact.date_upper),
        "modality": fact.modality,
        "confidence": fact.confidence,
        "conflict_id": fact.conflict,
        "subject": fact.subject,
        "quantity_amount": amount,
        "quantity_of": of,
        "persons": [{"name": p.name, "state": p.state, "role": p.role} for p in fact.persons],
        "n_mentions": fact.mentions,
        "n_documents": fact.documents,
        "evidence_text": first.text if first else None,
        "evidence_document": first.title if first else None,
    }


def evidence_row(fact_id: int, evidence: EvidenceRow) -> Row:
    return {
        "fact_id": fact_id,
        "mention_id": evidence.mention,
        "record_id": evidence.record_id,
        "document_id": evidence.document,
        "document_title": evidence.title,
        "document_source": public_source(evidence.source),
        "document_url": article_url(evidence.title, evidence.format, evidence.source),
        "document_format": evidence.format,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
        "date": evidence.date,
        "date_text": evidence.date_text,
        "date_source": evidence.date_source,
        "rule": evidence.rule,
        "confidence": evidence.confidence,
        "quantity_amount": evidence.quantity_amount,
        "quantity_of": evidence.quantity_of,
    }


def tenure_row(tenure: TenureRow) -> Row:
    return {
        "tenure_id": tenure.id,
        "role": tenure.role,
        "person": tenure.person,
        "sending": tenure.sending,
        "receiving": tenure.receiving,
        "iso3c_a": tenure.a,
        "iso3c_b": tenure.b,
        "term_start": tenure.start,
        "term_end": tenure.end,
        "year_start": year(tenure.start_lower),
        "year_end": year(tenure.end_upper),
        "document_id": tenure.document,
        "document_title": tenure.title,
        "document_source": public_source(tenure.source),
        "evidence_text": tenure.text,
        "evidence_start": tenure.evidence_start,
        "evidence_end": tenure.evidence_end,
        "rule": tenure.rule,
    }
