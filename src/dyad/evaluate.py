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
    """The document's title, pair, sections and links exactly; its paragraphs and list items
    found in the text; no page chrome and no template left in it."""
    text = str(predicted.get("text", ""))
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
    result["paragraphs"] = _paragraphs_found(gold, normalize(text))
    result["list_items"] = _list_items_found(gold, predicted, text)
    leaked = [c for c in gold.get("chrome_removed", []) if _chrome_in(c, text)]
    result["chrome_removed"] = not leaked
    result["chrome_leaked"] = leaked
    result["no_template_residue"] = "{{" not in text and "}}" not in text
    checks = [v for k, v in result.items() if isinstance(v, bool)]
    missing = result["paragraphs"]["missing"] or result["list_items"]["missing"]
    result["all_exact"] = all(checks) and not missing
    return result


def _paragraphs_found(gold: Mapping[str, Any], norm_text: str) -> dict[str, Any]:
    """How many of the gold paragraphs the normalised text holds, and the start of the others."""
    paragraphs = Ratio()
    missing = []
    for paragraph in gold.get("paragraphs", []):
        ok = normalize(paragraph) in norm_text
        paragraphs.add(ok)
        if not ok:
            missing.append(paragraph[:80])
    return paragraphs.as_dict() | {"missing": missing}


def _list_items_found(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], text: str
) -> dict[str, Any]:
    """How many gold list items are a line of the text or an item of the predicted lists."""
    lines = {normalize(line) for line in text.split("\n")}
    predicted_items = {
        normalize(str(item)) for items in (predicted.get("lists") or {}).values() for item in items
    }
    items = Ratio()
    missing = []
    for title, entries in (gold.get("lists") or {}).items():
        for entry in entries:
            ok = normalize(entry) in lines or normalize(entry) in predicted_items
            items.add(ok)
            if not ok:
                missing.append(f"{title}: {entry}")
    return items.as_dict() | {"missing": missing}


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
    """Pair gold and predicted events one to one (see :func:`_candidates`), then count recall,
    precision and, on the pairs, how often date, direction, persons and quantity agree."""
    matched_gold = _pair_off(_candidates(gold, predicted, text))
    used = set(matched_gold.values())
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    recall = Ratio(sum(1 for i in required if i in matched_gold), len(required))
    precision = Ratio(len(used), len(predicted))
    parts = {part: Ratio() for part in _EVENT_PARTS}
    details = [
        _compare_match(gold[gi], predicted[pi], gi, pi, parts)
        for gi, pi in sorted(matched_gold.items())
    ]
    missed = [g.get("id", i) for i, g in enumerate(gold) if i not in matched_gold]
    spurious = [
        {"type": p.get("type"), "evidence": (p.get("evidence") or {}).get("text", "")[:100]}
        for i, p in enumerate(predicted)
        if i not in used
    ]
    return {
        "precision": precision.as_dict(),
        "recall": recall.as_dict(),
        **{part: ratio.as_dict() for part, ratio in parts.items()},
        "missed": missed,
        "spurious": spurious,
        "matches": details,
    }


_EVENT_PARTS = ("date", "direction", "persons", "quantity")


def _predicted_names(event: Mapping[str, Any]) -> set[str]:
    return {normalize_name(str(x.get("name", ""))) for x in event.get("persons") or []}


def _candidates(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]], text: str
) -> list[tuple[tuple[int, ...], int, int]]:
    """Every (gold, predicted) pair that may match: a type the gold accepts, its states among
    the actors, evidence at or around the gold phrase; with the key that ranks it."""
    candidates: list[tuple[tuple[int, ...], int, int]] = []
    sentences = split_sentences(text) if text else []
    for gi, g in enumerate(gold):
        types = {g["type"], *g.get("alt_types", [])}
        for pi, p in enumerate(predicted):
            if p.get("type") not in types or not _states_agree(g, set(p.get("actors") or [])):
                continue
            quality = _evidence_quality(str(g["evidence"]), p, text, sentences)
            if quality:
                candidates.append((_match_key(g, p, quality), gi, pi))
    return candidates


def _match_key(g: Mapping[str, Any], p: Mapping[str, Any], quality: int) -> tuple[int, ...]:
    """Evidence first, then the exact type, an accepted date, the direction, the persons."""
    names = _predicted_names(p)
    return (
        quality,
        int(p.get("type") == g["type"]),
        int(bool(_date_ok(g, p.get("date")))),
        int(p.get("source") == g.get("source") and p.get("target") == g.get("target")),
        sum(normalize_name(_person_name(x)) in names for x in g.get("persons", [])),
    )


def _pair_off(candidates: list[tuple[tuple[int, ...], int, int]]) -> dict[int, int]:
    """Best candidates first (earlier events on a tie), each gold and prediction used once."""
    matched_gold: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(candidates, key=lambda c: (c[0], -c[1], -c[2]), reverse=True):
        if gi in matched_gold or pi in used:
            continue
        matched_gold[gi] = pi
        used.add(pi)
    return matched_gold


def _compare_match(
    g: Mapping[str, Any], p: Mapping[str, Any], gi: int, pi: int, parts: dict[str, Ratio]
) -> dict[str, Any]:
    """One matched pair's row: which of date, direction, persons and quantity agree (counted
    in ``parts``); a part the gold does not give is left out."""
    row: dict[str, Any] = {"gold": g.get("id", gi), "predicted": p.get("id", pi)}
    ok = _date_ok(g, p.get("date"))
    if ok is not None:
        parts["date"].add(ok)
        row["date"] = ok
    if g.get("source") and g.get("target"):
        d_ok = p.get("source") == g["source"] and p.get("target") == g["target"]
        parts["direction"].add(d_ok)
        row["direction"] = d_ok
    names = _predicted_names(p)
    for person in g.get("persons", []):
        p_ok = normalize_name(_person_name(person)) in names
        parts["persons"].add(p_ok)
        row.setdefault("persons", []).append(p_ok)
    if g.get("quantity"):
        q = p.get("quantity") or {}
        q_ok = q.get("amount") is not None and float(q["amount"]) == float(g["quantity"]["amount"])
        parts["quantity"].add(q_ok)
        row["quantity"] = q_ok
    return row


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
