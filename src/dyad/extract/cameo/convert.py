"""Convert PETRARCH2's CAMEO verb dictionary into Dyad rule data (``data/verbs.json``).

Run ``python -m dyad.extract.cameo.convert [CAMEO_DIR]`` (default ``../shared/corpus/cameo``)
to rewrite ``data/verbs.json`` and ``data/leaders.tsv`` from ``CAMEO.2.0.txt`` and
``Phoenix.Countries.actors.txt``; the result is committed, so extraction never reads the
original files.

How a pattern of ``CAMEO.2.0.txt`` becomes a rule (the format is in PETRARCH2's
``dictionaries.rst``):

* A block ``--- NAME [CODE] ---`` lists verbs (regular forms generated as PETRARCH does:
  +S/ES, +D/ED, +ING; irregular ones given in ``{...}``) and patterns ``- PRE * POST [CODE]``.
  A verb with its own ``[CODE]`` is also a pattern: the verb alone.
* A pattern's comment names the verbs it was written for ("``# ESTABLISH``"); where those are
  verbs of the block, the rule keeps to them. PETRARCH applies every pattern to every verb of
  a block, but its blocks are loose synonym sets: "RECOGNIZE INDEPENDENCE [054]" stands in the
  block of "praise", and "praised the independence of" is no recognition.
* Nouns (``WORD``, ``{MODIFIER HEAD}``, ``&SYNSET``), prepositional phrases ``(PREP NOUN)``
  and the markers ``+`` (target), ``$`` (source) and ``^`` (some words) are kept as elements
  the matcher (:mod:`dyad.extract.cameo.verbs`) reads.
* A code ``A:B`` gives the subject's act ``A`` and the object's act ``B`` ("[042:043]": the
  subject visits, the object hosts). ``data/codes.tsv`` maps each code to a Dyad type, with the
  role the subject fills and the reason; codes it does not map are dropped.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Element = dict[str, Any]

_BLOCK = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]\s+---")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")


@dataclass(frozen=True, slots=True)
class Mapping:
    """One row of ``codes.tsv``."""

    code: str
    when: tuple[frozenset[str], ...]
    type: str | None
    subject: str
    reason: str

    def holds(self, words: frozenset[str]) -> bool:
        """Whether a pattern with ``words`` meets every group of ``when`` (one word of each)."""
        return all(any(_word_matches(alt, words) for alt in group) for group in self.when)


def _word_matches(wanted: str, words: frozenset[str]) -> bool:
    if wanted.endswith("*"):
        stem = wanted[:-1]
        return any(w.startswith(stem) for w in words)
    return wanted in words


@dataclass
class Block:
    """A ``--- NAME [CODE] ---`` block of the verb dictionary and the verbs read in it."""

    name: str
    code: str
    verbs: list[list[str]] = field(default_factory=list)  # each verb: its forms, base first


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb pattern (or a verb with a code of its own) as it will become a rule."""

    block: str
    verbs: tuple[tuple[str, ...], ...]  # the verbs (each its forms) this pattern applies to
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str
    line: int
    words: frozenset[str]  # every word of the pattern and its verbs, for codes.tsv's `when`


def read_codes(text: str) -> dict[str, list[Mapping]]:
    """The rows of ``codes.tsv`` by code, in file order."""
    rows: dict[str, list[Mapping]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ValueError(f"codes.tsv line {number}: expected 5 tab-separated columns")
        code, when, type_, subject, reason = parts
        groups = () if when == "-" else tuple(frozenset(g.split("|")) for g in when.split())
        rows.setdefault(code, []).append(
            Mapping(code, groups, None if type_ == "-" else type_, subject, reason)
        )
    return rows


def verb_forms(entry: str) -> list[str]:
    """The forms of a verb line ("HURRY {HURRIES HURRYING HURRIED }"), base first.

    Without braces the regular forms are made as PETRARCH makes them; "-ied" is added for a
    final y, which PETRARCH leaves to irregular lists.
    """
    m = re.fullmatch(r"(?P<base>[^{]+?)\s*(?:\{(?P<forms>[^}]*)\})?", entry.strip())
    if m is None:
        return []
    base = m.group("base").strip()
    if m.group("forms") is not None:
        return [_words_of(f) for f in [base, *m.group("forms").split()]]
    if "_" in base:
        # A compound ("+BEEF_UP", "WIRE_+TAP"): the word after "+" is inflected.
        words = base.split("_")
        at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        head = words[at].lstrip("+")
        return [
            " ".join([*words[:at], form, *words[at + 1 :]]).replace("+", "")
            for form in verb_forms(head)
        ]
    forms = [base]
    if base.endswith(("S", "X", "Z", "SH", "CH")):
        forms.append(base + "ES")
    elif base.endswith("Y") and len(base) > 2 and base[-2] not in "AEIOU":
        forms += [base[:-1] + "IES", base[:-1] + "IED"]
    else:
        forms.append(base + "S")
    forms.append(base + ("D" if base.endswith("E") else "ED"))
    if base.endswith("E") and len(base) > 2 and base[-2] not in "AEIOU":
        forms.append(base[:-1] + "ING")
    else:
        forms.append(base + "ING")
    return list(dict.fromkeys(forms))


def _words_of(form: str) -> str:
    """A verb form as words: "+GONE_AWAY" -> "GONE AWAY"."""
    return " ".join(form.replace("+", "").replace("_", " ").split())


def _phrase(text: str) -> list[str]:
    return [w for w in text.replace("_", " ").split() if w]


def parse_elements(text: str, synsets: dict[str, list[list[str]]]) -> list[Element]:
    """The elements of one side of a pattern: nouns, phrases, synsets, prepositional phrases
    and the ``+``/``$``/``^`` markers. A synset not defined in the file is an error, as in
    PETRARCH (the pattern is ignored)."""
    out: list[Element] = []
    for token in _TOKEN.findall(text):
        if token == "+":
            out.append({"slot": "target"})
        elif token == "$":
            out.append({"slot": "source"})
        elif token in {"^", "%"}:
            out.append({"slot": "skip"})
        elif token.startswith("("):
            inner = token[1:-1].split(None, 1)
            if not inner:
                continue
            prep = inner[0]
            rest = parse_elements(inner[1], synsets) if len(inner) > 1 else []
            out.append({"prep": prep, "in": rest})
        elif token.startswith("{"):
            words = token[1:-1].split()
            alternatives: list[list[str]] = [[]]
            for word in words:
                if word.startswith("&"):
                    if word not in synsets:
                        raise KeyError(word)
                    alternatives = [a + s for a in alternatives for s in synsets[word]]
                else:
                    alternatives = [[*a, *_phrase(word)] for a in alternatives]
            out.append({"words": alternatives})
        elif token.startswith("&"):
            if token not in synsets:
                raise KeyError(token)
            out.append({"syn": token})
        else:
            out.append({"words": [_phrase(token)]})
    return out


def _element_words(elements: Iterable[Element], synsets: dict[str, list[list[str]]]) -> set[str]:
    words: set[str] = set()
    for e in elements:
        if "words" in e:
            words.update(w for alt in e["words"] for w in alt)
        elif "syn" in e:
            words.add(e["syn"][1:])
            words.update(w for alt in synsets[e["syn"]] for w in alt)
        elif "prep" in e:
            words.add(e["prep"])
            words |= _element_words(e["in"], synsets)
    return words


def _comment_verbs(comment: str, block: Block) -> tuple[tuple[str, ...], ...]:
    """The verbs of ``block`` a pattern's comment names ("# REESTABLISH , RESTORE"); all the
    block's verbs when it names none of them. British and American spellings are one verb."""
    named = {w.replace("_", " ") for w in re.findall(r"[A-Z][A-Z_-]+", comment.split("<")[0])}
    named |= {n.replace("ISE", "IZE") for n in named} | {n.replace("IZE", "ISE") for n in named}
    chosen = [tuple(v) for v in block.verbs if named & set(v)]
    return tuple(chosen) if chosen else tuple(tuple(v) for v in block.verbs)


@dataclass
class _VerbReader:
    """The state of a pass over the verb dictionary: the synsets (before the line "VERB
    PATTERNS"), then the blocks with their verbs and patterns."""

    synsets: dict[str, list[list[str]]] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    label: str | None = None  # the synset being read
    plural: bool = True  # whether its nouns take a plural ("&NAME_" takes none)
    block: Block | None = None
    in_patterns: bool = False

    def line(self, number: int, line: str) -> None:
        """Read one line (its trailing blanks stripped)."""
        if "VERB PATTERNS" in line:
            self.in_patterns = True
            return
        if not line.strip() or line.startswith("#"):
            return
        if not self.in_patterns:
            self.synset_line(line)
        elif m := _BLOCK.match(line):
            self.block = Block(m.group("name").replace("_", " "), m.group("code"))
        elif self.block is not None and not line.startswith("~"):
            if line.startswith("-"):
                self.pattern_line(number, line, self.block)
            else:
                self.verb_line(number, line, self.block)

    def synset_line(self, line: str) -> None:
        """ "&LABEL" opens a synset; "+ WORDS" adds a noun (and its plural unless it ends in
        "_" or the label does)."""
        if line.startswith("&"):
            self.label = line.split()[0]
            self.plural = not self.label.endswith("_")
            self.synsets[self.label] = []
        elif line.startswith("+") and self.label is not None:
            entry = line[1:].split("#")[0].strip()
            phrase = _phrase(entry)
            if phrase:
                self.synsets[self.label].append(phrase)
                if self.plural and not entry.endswith("_"):
                    self.synsets[self.label].append([*phrase[:-1], _plural(phrase[-1])])

    def pattern_line(self, number: int, line: str, block: Block) -> None:
        """ "- PRE * POST [CODE] # VERBS": a pattern of the block, kept to the verbs its comment
        names; one without a code or a verb, with an undefined synset or a (BETWEEN ...) is
        counted and dropped."""
        body, _, comment = line.partition("#")
        self.counts["patterns read"] += 1
        code_m = _CODE.search(body.strip())
        if code_m is None or "*" not in body:
            self.counts["patterns without code or verb"] += 1
            return
        pre_text, _, post_text = body[1 : code_m.start()].partition("*")
        try:
            pre = parse_elements(pre_text, self.synsets)
            post = parse_elements(post_text, self.synsets)
        except KeyError:
            self.counts["patterns with an undefined synset"] += 1
            return
        if "(BETWEEN" in body:
            # "promoted talks between X and Y": the parties are the prepositions's
            # objects, not the subject; without a parse they cannot be told apart.
            self.counts["patterns with (BETWEEN ...) (dropped)"] += 1
            return
        verbs = _comment_verbs(comment, block)
        self.counts["verb-pattern pairs as PETRARCH reads them"] += len(block.verbs)
        words = _element_words([*pre, *post], self.synsets)
        words |= {w for v in verbs for f in v for w in f.split()}
        code = code_m.group("code").strip()
        self.patterns.append(
            Pattern(block.name, verbs, tuple(pre), tuple(post), code, number, frozenset(words))
        )

    def verb_line(self, number: int, line: str, block: Block) -> None:
        """ "VERB {FORMS} [CODE]": a verb of the block; with a code of its own (or the block's)
        it is also a pattern, the verb alone."""
        entry = line.partition("#")[0].strip()
        code_m = _CODE.search(entry)
        code = block.code
        if code_m is not None:
            code = code_m.group("code").strip()
            entry = entry[: code_m.start()].strip()
        forms = verb_forms(entry)
        if not forms:
            return
        block.verbs.append(forms)
        self.counts["verbs read"] += 1
        if code and code != "---":
            self.counts["verbs with a code"] += 1
            words = frozenset({"=BARE", *(w for f in forms for w in f.split())})
            self.patterns.append(Pattern(block.name, (tuple(forms),), (), (), code, number, words))


def read_verbs(text: str) -> tuple[dict[str, list[list[str]]], list[Pattern], Counter[str]]:
    """Synsets and every pattern of the verb dictionary (each verb with its own code too)."""
    reader = _VerbReader()
    for number, raw in enumerate(text.splitlines(), 1):
        reader.line(number, raw.rstrip())
    return reader.synsets, reader.patterns, reader.counts


def _plural(word: str) -> str:
    if word.endswith(("S", "X", "Z", "SH", "CH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 2 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def _decide(code: str, words: frozenset[str], table: dict[str, list[Mapping]]) -> Mapping | None:
    for row in table.get(code, []):
        if row.holds(words):
            return row
    return None


def map_pattern(pattern: Pattern, table: dict[str, list[Mapping]]) -> tuple[str | None, str, str]:
    """(type, subject role, reason) for a pattern; type ``None`` when it is dropped.

    A code of its own row decides; else the subject's half of ``A:B``; else the object's half,
    with the roles turned round ("[:054] GAIN RECOGNITION FROM +": the object recognises).
    """
    code = pattern.code
    row = _decide(code, pattern.words, table)
    if row is not None:
        return row.type, row.subject, row.reason
    if ":" in code:
        first, second = code.split(":", 1)
        row = _decide(first, pattern.words, table) if first else None
        if row is not None:
            return row.type, row.subject, row.reason
        row = _decide(second, pattern.words, table) if second else None
        if row is not None:
            turned = {"source": "target", "target": "source"}.get(row.subject, row.subject)
            return row.type, turned, f"the object's act: {row.reason}"
    return None, "-", "no Dyad type for this code"


def _rule_id(pattern: Pattern) -> str:
    return f"cameo.{pattern.block.lower().replace(' ', '-')}.{pattern.line}"


def convert_verbs(verbs_text: str, codes_text: str) -> tuple[dict[str, Any], Counter[str]]:
    """The rule data of ``verbs.json`` and the counts of the conversion."""
    synsets, patterns, counts = read_verbs(verbs_text)
    table = read_codes(codes_text)
    rules: list[dict[str, Any]] = []
    used: set[str] = set()
    for pattern in patterns:
        counts["verb-pattern pairs read"] += len(pattern.verbs)
        type_, subject, reason = map_pattern(pattern, table)
        if type_ is None:
            counts["patterns dropped"] += 1
            continue
        counts["patterns converted"] += 1
        counts[f"kept as {type_}"] += 1
        counts["verb-pattern pairs converted"] += len(pattern.verbs)
        used |= _synsets_in([*pattern.pre, *pattern.post])
        rules.append(
            {
                "id": _rule_id(pattern),
                "type": type_,
                "subject": subject,
                "cameo": pattern.code,
                "verbs": [list(v) for v in pattern.verbs],
                "pre": list(pattern.pre),
                "post": list(pattern.post),
                "why": reason,
            }
        )
    data = {
        "source": "PETRARCH2 CAMEO.2.0.txt (Open Event Data Alliance, MIT licence); see NOTICE",
        "made_by": "python -m dyad.extract.cameo.convert",
        "synsets": {k: v for k, v in synsets.items() if k in used},
        "rules": rules,
    }
    return data, counts


def _synsets_in(elements: Sequence[Element]) -> set[str]:
    found: set[str] = set()
    for e in elements:
        if "syn" in e:
            found.add(e["syn"])
        elif "prep" in e:
            found |= _synsets_in(e["in"])
    return found


def _as_lines(data: dict[str, Any]) -> str:
    """JSON with one synset and one rule a line, so that a change reads as a short diff."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = [
        f'"{key}":{dump(value)}' for key, value in data.items() if key not in {"synsets", "rules"}
    ]
    synsets = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in data["synsets"].items())
    rules = ",\n".join(dump(rule) for rule in data["rules"])
    return (
        "{" + ",\n".join(head) + ',\n"synsets":{\n' + synsets + '},\n"rules":[\n' + rules + "]}\n"
    )


def _data_dir() -> Path:
    return Path(str(resources.files("dyad.extract.cameo").joinpath("data")))


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite ``data/verbs.json`` and ``data/leaders.tsv`` from the PETRARCH2 files."""
    from dyad.extract.cameo.convert_actors import convert_actors

    parser = argparse.ArgumentParser(prog="python -m dyad.extract.cameo.convert")
    parser.add_argument("cameo_dir", nargs="?", default="../shared/corpus/cameo", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    folder: Path = args.cameo_dir
    try:
        verbs_text = (folder / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
        actors_text = (folder / "Phoenix.Countries.actors.txt").read_text(
            encoding="utf-8", errors="replace"
        )
    except OSError as exc:
        parser.error(f"cannot read the PETRARCH2 dictionaries in {folder}: {exc.strerror}")
    out = _data_dir()
    data, counts = convert_verbs(verbs_text, (out / "codes.tsv").read_text(encoding="utf-8"))
    (out / "verbs.json").write_text(_as_lines(data), encoding="utf-8")
    for name, value in sorted(counts.items()):
        log.info("%s: %d", name, value)
    leaders, actor_counts = convert_actors(actors_text)
    (out / "leaders.tsv").write_text(leaders, encoding="utf-8")
    for name, value in sorted(actor_counts.items()):
        log.info("%s: %d", name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
