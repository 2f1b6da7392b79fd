"""What a link preview (gloss) says about its subject: kind, state, life dates, offices.

A preview is the opening of the linked article, as a scrape cut it: "Kim Il-sung (; , ; born
Kim Song-ju, ; 15 April 1912 – 8 July 1994) was a North Korean politician ...". From it
:func:`describe` reads the kind of thing described (person, state, place, organisation,
event, work, concept), the state a person or place belongs to ("a North Korean politician"),
birth and death dates, offices held with their dates, and a clean short gloss with the
pronunciation and native-script parentheticals removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.extract.dates import TimeExpr, find_dates
from dyad.gazetteer import Gazetteer
from dyad.model import EntityType, Office

CLEAN_GLOSS_CHARS = 240

_PERSON_NOUNS = (
    "politician|diplomat|statesman|stateswoman|leader|general|officer|president|minister"
    "|monarch|king|queen|emperor|empress|prince|princess|activist|revolutionary|businessman"
    "|businesswoman|journalist|writer|author|lawyer|economist|scholar|historian|scientist"
    "|soldier|commander|admiral|marshal|dictator|chairman|premier|ambassador|envoy|official"
    "|bureaucrat|judge|philosopher|poet|artist|athlete|wrestler|footballer|singer|actor|actress"
    "|sultan|emir|sheikh|shah|pharaoh|pope|cleric|bishop|monk|military leader|civil servant"
)
_PERSON = re.compile(
    rf"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{_PERSON_NOUNS})s?\b", re.IGNORECASE
)
_LIFE = re.compile(
    r"\(\s*[^()]*?\b(?:born|b\.|died|d\.)\s|\(\s*[^()]*\b1[0-9]{3}\s*[–-]\s*[^()]*\b(?:1[0-9]|20)[0-9]{2}\)"
)
_KINDS: tuple[tuple[EntityType, re.Pattern[str]], ...] = (
    (
        "state",
        re.compile(
            r"\b(?:is|was)\s+an?\s+(?:[\w'’-]+\s+){0,5}?(?:country|sovereign state"
            r"|state|republic|kingdom|empire|monarchy|nation|federation)\b(?!\s+(?:of|in)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "place",
        re.compile(
            r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,5}?(?:capital|city|town|village"
            r"|region|province|district|county|island|river|mountain|lake|sea|peninsula|port"
            r"|municipality|area|territory)\b|\b(?:railway|railroad|highway|road|line)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "event",
        re.compile(
            r"\b(?:war|battle|conflict|campaigns?|invasions?|split|crisis|revolution|uprising"
            r"|massacre|summit|conference|games|olympics|election|coup)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "work",
        re.compile(
            r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,5}?(?:newspaper|magazine|book|novel"
            r"|film|album|song|journal|treaty|agreement|declaration|charter)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "organisation",
        re.compile(
            r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,6}?(?:organi[sz]ation|party|company"
            r"|agency|legislature|parliament|ministry|university|council|committee|assembly"
            r"|bank|army|navy|force|union|alliance|group|association|institute|government"
            r"|office)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "concept",
        re.compile(
            r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?:system|ideology|theory|concept"
            r"|term|doctrine|policy|practice|movement|religion|language)\b",
            re.IGNORECASE,
        ),
    ),
)
_DISAMBIGUATION = re.compile(r"\bmay (?:also )?refer to\b", re.IGNORECASE)
_OFFICE = re.compile(
    r"\b(?:served|serving|serves)\s+as\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?P<title>[A-Z][\w'’-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’-]*))*)"
    r"|\b(?:was|is|has been)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?P<title2>(?:President|Prime Minister|Premier|Chairman|King|Queen|Emperor|Minister"
    r"|Foreign Minister|Chancellor|Secretary|Ambassador|Supreme Leader|General Secretary"
    r"|Vice President|Deputy Prime Minister|Governor|Mayor|Speaker|Leader)"
    r"(?:\s+(?:of|the|and|for|[A-Z][\w'’-]*))*)"
)
_GLUED_DATES = re.compile(r"(\d{4})(?=\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_PAREN = re.compile(r"\(([^()]*)\)")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True, slots=True)
class GlossFacts:
    """What a gloss says: kind, state, life dates, offices, and a clean short form."""

    type: EntityType | None
    state: str | None
    born: str | None
    died: str | None
    offices: tuple[Office, ...]
    clean: str


def clean_gloss(text: str, limit: int = CLEAN_GLOSS_CHARS) -> str:
    """Drop pronunciation and native-script parentheticals; cut at a sentence or word end."""
    text = _GLUED_DATES.sub(r"\1 – ", text)

    def keep(m: re.Match[str]) -> str:
        fields = [f.strip() for f in re.split(r"[;,]", m.group(1))]
        useful = [
            f
            for f in fields
            if f and not _LANG_CODE.match(f) and not _NON_LATIN.search(f) and "''" not in f
        ]
        if not useful or (len(useful) == 1 and len(useful[0]) <= 2):
            return ""
        return "(" + ", ".join(useful) + ")"

    cleaned = _PAREN.sub(keep, text)
    cleaned = re.sub(r"'{2,}", "", cleaned)
    cleaned = re.sub(r"\s+([,.;:])", r"\1", cleaned)
    cleaned = re.sub(r"([,.])[,.]+", r"\1", cleaned)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) <= limit:
        return cleaned
    cut = cleaned[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind(".\u00a0"))
    if sentence_end > limit // 3:
        return cut[: sentence_end + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip(",;:") + "…"


def _life_dates(text: str) -> tuple[str | None, str | None]:
    """Born and died (EDTF values) as the first bracket of a gloss gives them."""
    text = _GLUED_DATES.sub(r"\1 – ", text)
    first = _PAREN.search(text[:400])
    if not first:
        return None, None
    inside = first.group(1)
    dates = [d for d in find_dates(inside) if d.kind in {"day", "month", "year", "range"}]
    return _born_died(inside, dates)


def _born_died(inside: str, dates: list[TimeExpr]) -> tuple[str | None, str | None]:
    """Born and died from a bracket's dates: a range ("1912 – 1994"), the date after "born"
    or "died" alone, else the first and last of several dates."""
    born_at = re.search(r"\b(?:born|b\.)\s", inside)
    died_at = re.search(r"\b(?:died|d\.)\s", inside)
    ranges = [d for d in dates if d.kind == "range"]
    if ranges:
        return ranges[0].start_value, ranges[0].end_value
    if born_at and not died_at:
        after = [d for d in dates if d.start > born_at.start()]
        return (after[0].start_value if after else None), None
    if died_at and not born_at:
        after = [d for d in dates if d.start > died_at.start()]
        return None, (after[0].end_value or after[0].start_value) if after else None
    if len(dates) >= 2:
        return dates[0].start_value, dates[-1].end_value or dates[-1].start_value
    return None, None


def _offices(text: str, gazetteer: Gazetteer) -> tuple[Office, ...]:
    offices: list[Office] = []
    for m in _OFFICE.finditer(text[:600]):
        title = (m.group("title") or m.group("title2") or "").strip()
        if not title or gazetteer.lookup(title) is not None:
            continue
        rest = text[m.end() : m.end() + 60]
        dates = find_dates(rest)
        start = end = None
        if dates and dates[0].start <= 12:
            start = dates[0].start_value
            end = dates[0].end_value if dates[0].kind in {"range", "open"} else None
            if end == start and dates[0].kind != "range":
                end = None
        offices.append(Office(title, start, end))
    return tuple(offices)


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<!\b[A-Z])\.\s+[A-Z]", text)
    return text[: m.start() + 1] if m else text


def _kind(text: str, first: str, lived: bool) -> EntityType | None:
    """A person when the first sentence says so or the gloss gives life dates (``lived``);
    else the first kind whose words the first sentence uses."""
    if lived or _PERSON.search(first) or _LIFE.search(text[:300]):
        return "person"
    return next((kind for kind, pattern in _KINDS if pattern.search(first[:300])), None)


def _state(first: str, gazetteer: Gazetteer) -> str | None:
    """The state a subject belongs to: the first state named after "is a"/"was a" ("a North
    Korean politician", "the capital of Mongolia"), an unambiguous mention first."""
    copula = re.search(r"\b(?:is|was|are|were)\b", first)
    if not copula:
        return None
    mentions = [
        m for m in gazetteer.find_mentions(first[copula.end() :]) if not m.ambiguous
    ] or gazetteer.find_mentions(first[copula.end() :])
    return mentions[0].code if mentions else None


def describe(text: str, gazetteer: Gazetteer, *, markup: bool = False) -> GlossFacts:
    """Read what a preview says about its subject."""
    if markup or _DISAMBIGUATION.search(text[:120]):
        return GlossFacts(None, None, None, None, (), clean_gloss(text))
    clean = clean_gloss(text, 600)
    first = _first_sentence(clean)
    born, died = _life_dates(text)
    kind = _kind(text, first, bool(born or died))
    state = _state(first, gazetteer) if kind != "state" else None  # a state belongs to none
    offices = _offices(clean, gazetteer) if kind == "person" else ()
    return GlossFacts(kind, state, born, died, offices, clean_gloss(text))
