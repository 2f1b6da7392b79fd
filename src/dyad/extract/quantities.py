"""Quantities: "10,000 horses", "two North Korean diplomats", "1.3 square kilometres of land"."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "one thousand": 1000,
    "a dozen": 12,
    "dozens": 24,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_NUMBER = (
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<words>" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r")"
)
_BEFORE_NUMBER = "more than|over|about|around|nearly|almost|some|at least|up to"
# Where a match can start: a digit, or the first letter of a word before a number or of a
# number word; the lookahead turns every other position away at once.
_FIRST = "".join(sorted({w[0] for w in [*NUMBER_WORDS, *_BEFORE_NUMBER.split("|")]}))
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£-])(?=[\d{_FIRST}])(?:(?:{_BEFORE_NUMBER})\s+)?"
    rf"(?:{_NUMBER})(?:\s+(?P<scale>hundred|thousand|million|billion))?"
    r"(?P<noun>(?:\s+(?!(?:and|or|to|in|on|at|from|by|for|with|into|each|per|who|which|that|"
    r"was|were|are|is|be|been|had|has|have|enter|entered|the|a|an)\b)[\w'’-]+){1,4}"
    r"(?:\s+of\s+(?!the\b)[\w'’-]+)?)",
    re.IGNORECASE,
)


_MONTH_NOUN = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A counted thing in the text; ``start:end`` covers number and noun phrase."""

    start: int
    end: int
    amount: float
    of: str


def _amount(m: re.Match[str]) -> float:
    if m.group("digits"):
        value = float(m.group("digits").replace(",", ""))
    else:
        value = float(NUMBER_WORDS[" ".join(m.group("words").casefold().split())])
    if m.group("scale"):
        value *= SCALES[m.group("scale").casefold()]
    return value


def _trim_noun(noun: str) -> str:
    """Stop the counted noun phrase at the first word that cannot belong to it."""
    words = noun.split()
    kept: list[str] = []
    for word in words:
        if word.casefold() in {"of"} and not kept:
            break
        kept.append(word)
        # A plural noun usually closes the phrase ("horses", "diplomats", "refugees").
        if (
            word.casefold().endswith(("s", "ren", "people", "land"))
            and len(word) > 3
            and word[0].islower()
        ):
            following = words[len(kept) : len(kept) + 2]
            if not (following and following[0] == "of"):
                break
    return " ".join(kept).rstrip(".,;:")


def find_quantities(
    text: str, start: int = 0, end: int | None = None, years: frozenset[int] = frozenset()
) -> list[QuantityMention]:
    """Quantities in ``text[start:end]``; numbers at offsets in ``years`` are dates, not counts."""
    end = len(text) if end is None else end
    found: list[QuantityMention] = []
    for m in _QUANTITY.finditer(text, start, end):
        number_start = m.start("digits") if m.group("digits") else m.start("words")
        if number_start in years:
            continue
        digits = m.group("digits")
        if digits and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", digits):
            continue  # a bare year
        noun = _trim_noun(m.group("noun"))
        if not noun or not noun[0].isalpha():
            continue
        if digits and _MONTH_NOUN.match(noun):
            continue  # "on 16 February": a day without its year, not sixteen of anything
        noun_start = m.start("noun") + len(m.group("noun")) - len(m.group("noun").lstrip())
        found.append(QuantityMention(m.start(), noun_start + len(noun), _amount(m), noun))
    return found


# Sums of money: "$100.7 million USD", "US$2,035,000", "€42.7 million", "112 million DKK",
# "25.278 billion yen", "A$66 million". A number is money only with a currency before or after.
_CURRENCY_BEFORE = (
    r"(?:(?:US|USD|A|AU|C|CA|CAD|NZ|HK|S|NT|R|N)\s?[$]|[$€£¥₹]"
    r"|(?:USD|EUR|AUD|NZD|CAD|GBP)\s?|RM\s?|Rs\.?\s?)"
)
_CURRENCY_AFTER = (
    r"(?:US\$|USD|EUR|GBP|JPY|CNY|CHF|DKK|SEK|NOK|AUD|CAD|INR|RUB|US\s+dollars|dollars|euros|"
    r"pounds(?:\s+sterling)?|yen|yuan|renminbi|rupees|roubles|rubles|kroner|krone|kronor|francs)"
)
_MONEY = re.compile(
    rf"(?<![\w.])(?P<before>{_CURRENCY_BEFORE})?\s?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|trillion|thousand|mil|mln|bn|m|b|lakh|crore)\b)?"
    rf"(?:\s+(?P<after>{_CURRENCY_AFTER})(?!\w))?",
)
_MONEY_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mil": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}


def find_money(text: str, start: int = 0, end: int | None = None) -> list[QuantityMention]:
    """Sums of money in ``text[start:end]``: a number with a currency sign or word before or
    after it; ``of`` is the currency as written ("US$", "€", "DKK", "yen")."""
    end = len(text) if end is None else end
    found: list[QuantityMention] = []
    for m in _MONEY.finditer(text, start, end):
        currency = m.group("before") or m.group("after")
        if not currency:
            continue
        value = float(m.group("digits").replace(",", ""))
        if m.group("scale"):
            value *= _MONEY_SCALES[m.group("scale")]
        found.append(QuantityMention(m.start(), m.end(), value, " ".join(currency.split())))
    return found


# Event types whose amount is a sum of money where the text gives one ("trade totaled $100.7
# million", "gave €6.1m in aid"): the rules and the learned stage both read it (money_near).
MONEY_TYPES = frozenset({"aid.provided", "cooperation.economic", "cooperation.military"})


def money_near(text: str, start: int, end: int, at: int) -> QuantityMention | None:
    """The sum of money a trigger at ``at`` tells in its clause ``text[start:end]``: the one
    nearest to it, after it ("trade totaled $100.7 million") or before ("$30 million in aid")."""
    sums = find_money(text, start, end)
    if not sums:
        return None
    return min(sums, key=lambda q: q.start - at if q.start >= at else at - q.end)
