"""Score a predicted record stream against a gold file, as ``docs/spec/scoring.md`` describes.

``score(gold, records)`` takes the gold JSON (the shape of ``seed.gold.json``) and the records
of ``dyad extract`` for that document, and returns a :class:`Report` with one part per kind:
document, glosses, events, tenures. Matching is on normalised text (case-folded, white space
collapsed, dashes and hyphens equal, curly quotes straight).

Where the contract leaves a choice open, this scorer decides so: among predictions that match a
gold event equally well by evidence, it prefers the exact type, then an accepted date, then the
right direction, then more of the gold persons; a gold file may restrict scoring to parts of a
long page with ``"scope"`` (see :func:`scope_spans`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.sentences import Sentence, split_sentences

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "‒": "-"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The scoring normal form of a text."""
    return _WS.sub(" ", text.translate(_DASHES).translate(_QUOTES).casefold()).strip()


def normalize_name(name: str) -> str:
    """Names also ignore how a romanisation hyphenates ("Kim Il Sung" = "Kim Il-sung")."""
    return _WS.sub(" ", normalize(name).replace("-", " ")).strip()


def normalize_edtf(value: str | None) -> str | None:
    return None if value is None else value.strip()


@dataclass
class Ratio:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


@dataclass
class Report:
    document: dict[str, Any] = field(default_factory=dict)
    glosses: dict[str, Any] = field(default_factory=dict)
    events: dict[str, Any] = field(default_factory=dict)
    tenures: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "glosses": self.glosses,
            "events": self.events,
            "tenures": self.tenures,
        }


def scope_spans(gold: Mapping[str, Any], text: str) -> list[tuple[int, int]] | None:
    """The parts of the text a gold file annotates, or ``None`` for the whole document.

    A gold file may annotate only part of a long page: ``"scope": [{"from": "...", "to":
    "..."}]`` names each part by its first and last words in the clean text.
    """
    scope = gold.get("scope")
    if not scope:
        return None
    spans = []
    for part in scope:
        first = _loose(part["from"]).search(text)
        if first is None:
            raise ValueError(f"scope start not found in the text: {part['from']!r}")
        last = _loose(part["to"]).search(text, first.start())
        if last is None:
            raise ValueError(f"scope end not found after its start: {part['to']!r}")
        spans.append((first.start(), last.end()))
    return spans


def _loose(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a pattern where any run of white space matches any other (as in scoring)."""
    return re.compile(r"\s+".join(re.escape(word) for word in phrase.split()))


def _in_scope(record: Mapping[str, Any], spans: list[tuple[int, int]] | None) -> bool:
    if spans is None:
        return True
    where = record.get("evidence") or {}
    start = where.get("start") if isinstance(where, Mapping) else None
    if start is None and record.get("span"):
        start = record["span"][0]
    return start is not None and any(a <= int(start) < b for a, b in spans)


def score(gold: Mapping[str, Any], records: Iterable[Mapping[str, Any]]) -> Report:
    """Score ``records`` (one document's predicted records) against ``gold``."""
    by_kind: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_kind.setdefault(str(record.get("kind")), []).append(record)
    documents = by_kind.get("document", [])
    document = documents[0] if documents else {}
    spans = scope_spans(gold, str(document.get("text", "")))
    for kind in ("event", "tenure", "gloss"):
        by_kind[kind] = [r for r in by_kind.get(kind, []) if _in_scope(r, spans)]
    report = Report()
    if "document" in gold:
        report.document = score_document(gold["document"], document)
    if "glosses" in gold:
        report.glosses = score_glosses(gold["glosses"], by_kind.get("gloss", []))
    if "events" in gold:
        report.events = score_events(
            gold["events"], by_kind.get("event", []), str(document.get("text", ""))
        )
    if "tenures" in gold:
        report.tenures = score_tenures(gold["tenures"], by_kind.get("tenure", []))
    return report


# ----------------------------------------------------------------------------- document


def _section_pairs(sections: Sequence[Any]) -> list[tuple[int, str]]:
    pairs = []
    for s in sections:
        if isinstance(s, Mapping):
            pairs.append((int(s["level"]), normalize(str(s["title"]))))
        else:
            pairs.append((int(s[0]), normalize(str(s[1]))))
    return pairs


def _links(links: Sequence[Mapping[str, Any]]) -> list[tuple[str, ...]]:
    keys = ("author", "title", "publisher", "date")
    return [tuple(normalize(str(link.get(k) or "")) for k in keys) for link in links]


def score_document(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> dict[str, Any]:
    text = str(predicted.get("text", ""))
    norm_text = normalize(text)
    result: dict[str, Any] = {
        "title": normalize(str(gold.get("title", ""))) == normalize(str(predicted.get("title"))),
        "dyad": list(gold.get("dyad") or []) == list(predicted.get("dyad") or []),
        "sections": _section_pairs(gold.get("sections", []))
        == _section_pairs(predicted.get("sections", [])),
        "see_also": [normalize(s) for s in gold.get("see_also", [])]
        == [normalize(s) for s in predicted.get("see_also", [])],
        "external_links": _links(gold.get("external_links", []))
        == _links(predicted.get("external_links", [])),
    }
    paragraphs = Ratio()
    missing_paragraphs = []
    for paragraph in gold.get("paragraphs", []):
        ok = normalize(paragraph) in norm_text
        paragraphs.add(ok)
        if not ok:
            missing_paragraphs.append(paragraph[:80])
    result["paragraphs"] = paragraphs.as_dict() | {"missing": missing_paragraphs}

    lines = {normalize(line) for line in text.split("\n")}
    predicted_items = {
        normalize(str(item)) for items in (predicted.get("lists") or {}).values() for item in items
    }
    items = Ratio()
    missing_items = []
    for title, entries in (gold.get("lists") or {}).items():
        for entry in entries:
            ok = normalize(entry) in lines or normalize(entry) in predicted_items
            items.add(ok)
            if not ok:
                missing_items.append(f"{title}: {entry}")
    result["list_items"] = items.as_dict() | {"missing": missing_items}
    leaked = [c for c in gold.get("chrome_removed", []) if _chrome_in(c, text)]
    result["chrome_removed"] = not leaked
    result["chrome_leaked"] = leaked
    result["no_template_residue"] = "{{" not in text and "}}" not in text
    checks = [v for k, v in result.items() if isinstance(v, bool)]
    result["all_exact"] = all(checks) and not missing_paragraphs and not missing_items
    return result


def _chrome_in(chrome: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(chrome)}(?!\w)", text) is not None


# ----------------------------------------------------------------------------- glosses


def score_glosses(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    by_anchor: dict[str, Mapping[str, Any]] = {}
    for record in predicted:
        by_anchor.setdefault(normalize(str(record.get("anchor", ""))), record)
    ratio = Ratio()
    wrong = []
    for entry in gold:
        found = by_anchor.get(normalize(str(entry["anchor"])))
        ok = False
        if found is not None:
            starts = normalize(str(found.get("text", ""))).startswith(normalize(entry["starts"]))
            flags = set(entry.get("flags", [])) <= set(found.get("flags", []))
            ok = starts and flags
        ratio.add(ok)
        if not ok:
            wrong.append(entry["anchor"])
    return ratio.as_dict() | {"wrong": wrong}


# ----------------------------------------------------------------------------- events


def _states_agree(gold: Mapping[str, Any], actors: set[str]) -> bool:
    wanted = [s for s in (gold.get("source"), gold.get("target")) if s]
    if not wanted:
        wanted = list(gold.get("actors") or [])
    return all(s in actors for s in wanted)


def _evidence_quality(
    gold_phrase: str, event: Mapping[str, Any], text: str, sentences: Sequence[Sentence]
) -> int:
    """2: the evidence contains the gold phrase; 1: its sentence does; 0: neither."""
    evidence = event.get("evidence") or {}
    phrase = normalize(gold_phrase)
    if phrase in normalize(str(evidence.get("text", ""))):
        return 2
    start, end = evidence.get("start"), evidence.get("end")
    if not text or start is None or end is None:
        return 0
    for sentence in sentences:
        overlaps = sentence.start < int(end) and int(start) < sentence.end
        if overlaps and phrase in normalize(text[sentence.start : sentence.end]):
            return 1
    return 0


def _person_name(person: Any) -> str:
    """A gold person: a name, or a record like a predicted one ({"name": ..., "state": ...})."""
    return str(person.get("name", "")) if isinstance(person, Mapping) else str(person)


def _date_ok(gold: Mapping[str, Any], predicted: str | None) -> bool | None:
    accepted = [normalize_edtf(d) for d in gold.get("date_ok", [])]
    gold_date = normalize_edtf(gold.get("date"))
    if gold_date is None and not accepted:
        return None
    return normalize_edtf(predicted) == gold_date or normalize_edtf(predicted) in accepted


def score_events(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]], text: str
) -> dict[str, Any]:
    candidates: list[tuple[tuple[int, ...], int, int]] = []
    sentences = split_sentences(text) if text else []
    for gi, g in enumerate(gold):
        types = {g["type"], *g.get("alt_types", [])}
        for pi, p in enumerate(predicted):
            if p.get("type") not in types:
                continue
            if not _states_agree(g, set(p.get("actors") or [])):
                continue
            quality = _evidence_quality(str(g["evidence"]), p, text, sentences)
            if not quality:
                continue
            names = {normalize_name(str(x.get("name", ""))) for x in p.get("persons") or []}
            key = (
                quality,
                int(p.get("type") == g["type"]),
                int(bool(_date_ok(g, p.get("date")))),
                int(p.get("source") == g.get("source") and p.get("target") == g.get("target")),
                sum(normalize_name(_person_name(x)) in names for x in g.get("persons", [])),
            )
            candidates.append((key, gi, pi))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    matched_gold: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi in matched_gold or pi in used:
            continue
        matched_gold[gi] = pi
        used.add(pi)

    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    recall = Ratio(sum(1 for i in required if i in matched_gold), len(required))
    precision = Ratio(len(used), len(predicted))
    date, direction, persons, quantity = Ratio(), Ratio(), Ratio(), Ratio()
    details = []
    for gi, pi in sorted(matched_gold.items()):
        g, p = gold[gi], predicted[pi]
        row: dict[str, Any] = {"gold": g.get("id", gi), "predicted": p.get("id", pi)}
        ok = _date_ok(g, p.get("date"))
        if ok is not None:
            date.add(ok)
            row["date"] = ok
        if g.get("source") and g.get("target"):
            d_ok = p.get("source") == g["source"] and p.get("target") == g["target"]
            direction.add(d_ok)
            row["direction"] = d_ok
        names = {normalize_name(str(x.get("name", ""))) for x in p.get("persons") or []}
        for person in g.get("persons", []):
            p_ok = normalize_name(_person_name(person)) in names
            persons.add(p_ok)
            row.setdefault("persons", []).append(p_ok)
        if g.get("quantity"):
            q = p.get("quantity") or {}
            q_ok = q.get("amount") is not None and float(q["amount"]) == float(
                g["quantity"]["amount"]
            )
            quantity.add(q_ok)
            row["quantity"] = q_ok
        details.append(row)
    missed = [g.get("id", i) for i, g in enumerate(gold) if i not in matched_gold]
    spurious = [
        {"type": p.get("type"), "evidence": (p.get("evidence") or {}).get("text", "")[:100]}
        for i, p in enumerate(predicted)
        if i not in used
    ]
    return {
        "precision": precision.as_dict(),
        "recall": recall.as_dict(),
        "date": date.as_dict(),
        "direction": direction.as_dict(),
        "persons": persons.as_dict(),
        "quantity": quantity.as_dict(),
        "missed": missed,
        "spurious": spurious,
        "matches": details,
    }


# ----------------------------------------------------------------------------- tenures


def score_tenures(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    index: dict[tuple[str, str, str], Mapping[str, Any]] = {}
    for p in predicted:
        key = (
            normalize_name(str(p.get("person", ""))),
            str(p.get("sending")),
            str(p.get("receiving")),
        )
        index.setdefault(key, p)
    matched, years = Ratio(), Ratio()
    wrong = []
    for g in gold:
        key = (normalize_name(str(g["person"])), str(g.get("sending")), str(g.get("receiving")))
        found = index.get(key)
        matched.add(found is not None)
        ok = (
            found is not None
            and found.get("start") == g.get("start")
            and found.get("end") == g.get("end")
        )
        years.add(ok)
        if not ok:
            wrong.append(g["person"])
    return {"matched": matched.as_dict(), "with_years": years.as_dict(), "wrong": wrong}
