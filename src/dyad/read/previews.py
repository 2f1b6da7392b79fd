"""Link previews: where an anchor ends and its preview begins, and what kind of preview it is.

A scrape such as TheInfoList prints each link as ``<anchor> <first ~240 characters of the
linked article> ...`` on one line. Nothing marks the boundary, so :func:`split_anchor` scores
every word boundary of the line with evidence a reader would use:

* the preview repeats the anchor, perhaps spelled differently ("Kim Il Sung Kim Il-sung (";
  "Miyeegombyn Enkhbold Miyegombyn Enkhbold"), or after "The" ("Soviet Union The Soviet Union");
* the preview's first words share stems with the anchor ("People's Republic of Mongolia The
  Mongolian People's Republic"), or the anchor appears verbatim inside the preview's opening
  ("Batyn Dorj General of the army Batyn Dorj");
* the preview starts the way an article's first sentence starts (a capital, "The", "A",
  "Since"), or the way template residue starts (" , date = {{Ubl"), while an anchor does not
  end with "of" or a comma, nor repeat its last word.

The same features score the other layout, where the anchor is alone on the line before its
preview (:func:`score_pair`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import islice

from dyad.model import GlossFlag

# Words an anchor does not end with and an article's first sentence often starts with.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "into",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "nor",
        "but",
        "its",
        "their",
        "his",
        "her",
    ]
)
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "since",
        "in",
        "on",
        "during",
        "after",
        "before",
        "from",
        "this",
        "these",
        "it",
        "there",
        "as",
        "at",
        "for",
        "following",
        "although",
        "under",
        "between",
        "when",
        "while",
        "until",
        "according",
        "located",
        "born",
        "formerly",
    ]
)
TRUNCATION = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_WORD = re.compile(r"\S+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_LEADING_NOISE = re.compile(r"^(?:'{2,}|[\"“‘(\[])+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_RESIDUE_START = re.compile(
    r"^\s*(?:[,|=}\]]|\{\{|\[\[|\[\d+\]|__[A-Z]+__|[\w ]{1,30}="
    r"|\[?\w[\w.,()'-]*\.(?:jpe?g|png|svg|gif|tiff?)\b)",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?)\b", re.IGNORECASE)
_COPULAS = frozenset(["is", "was", "are", "were", "has", "had"])
_DISAMBIGUATION = re.compile(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?(?:refer|be short)\s+(?:to|for)\b"
    r"|\bis the name of\b|\bmost commonly refers to\b|\bmay mean\b",
    re.IGNORECASE,
)
MAX_ANCHOR_WORDS = 14
# The words of a link line that splitting it looks at: the longest anchor, and the folds of as
# many words again and a few more (its preview's opening), or the residue after a cut.
_SPLIT_WORDS = 2 * MAX_ANCHOR_WORDS + 10
_READ_CHARS = 450  # a link line's anchor and preview opening lie within these
_OPENING = 300
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)$"
)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
REPEAT_SCORE = 12.0
_ALL_CAPS = re.compile(r"^[^\W\d_a-z]{4,}\b(?:[\s,]+[^\W\d_a-z]{2,}\b)?")
_ARTICLES = frozenset(["the", "a", "an"])
# A word no link text holds: field bars, braces, brackets, ``name=``, ``::``, file names.
_RESIDUE_IN_WORDS = re.compile(
    r"[|=]|\{\{|\}\}|\[\[|\]\]|::|(?<!\S)__|[^\W_]_[^\W_]|\.(?:jpe?g|png|svg|gif|tiff?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Split:
    """An anchor and its preview, with the score that chose the boundary."""

    anchor: str
    preview: str
    score: float
    residue: bool = False  # chosen before a residue word (the score is on its own scale)


# ASCII characters other than letters and digits: what ``fold`` drops from an ASCII word.
_ASCII_NOT_ALNUM = dict.fromkeys(c for c in range(128) if not chr(c).isalnum())


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    if text.isascii():  # (the same, without normalising or a regex: most words are ASCII)
        return text.lower().translate(_ASCII_NOT_ALNUM)
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


class _Folds:
    """The folds of a line's first words, each made when first needed: most anchors are
    found or ruled out within the first few words."""

    __slots__ = ("_done", "_words")

    def __init__(self, words: list[str]) -> None:
        self._words = words
        self._done: list[str] = []

    def upto(self, end: int) -> list[str]:
        """The folds of the first ``end`` words (all of them if there are fewer)."""
        done = self._done
        if len(done) < end:
            done.extend(fold(w) for w in self._words[len(done) : end])
        return done


def _stems(tokens: list[str]) -> list[str]:
    """Each token casefolded, with a curly apostrophe straightened and "'s" dropped.

    All at once: casefolding maps each character on its own, so the tokens are joined by a
    character none holds, folded and split again.
    """
    if not tokens:
        return []
    joined = "\0".join(tokens).casefold().replace("’", "'")
    folded = joined.split("\0")
    if "'s" not in joined:
        return folded
    return [t[:-2] if t.endswith("'s") else t for t in folded]


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_stems(_TOKEN.findall(text)))


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # "korea"/"korean", "mongolia"/"mongolian", "soviet"/"soviets".
    return len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 1)])


def _count_found(wanted: list[str], among: tuple[str, ...] | list[str]) -> int:
    """How many of ``wanted`` share a stem with a token of ``among``.

    Tokens sharing a stem share their first four letters (or are equal), so each is compared
    only with the few that do, not with every other token.
    """
    keys = {t[:4] for t in wanted}
    by_key: dict[str, list[str]] = {}
    for token in among:
        key = token[:4]
        if key in keys:
            by_key.setdefault(key, []).append(token)
    found = 0
    for t in wanted:
        near = by_key.get(t[:4])
        if near is not None and (t in near or any(_same_stem(t, w) for w in near)):
            found += 1
    return found


def _content(tokens: tuple[str, ...]) -> list[str]:
    return [t for t in tokens if t not in FUNCTION_WORDS]


def _head(preview: str) -> str:
    """The preview's opening without quotes, italics markers or a leading article."""
    head = _LEADING_NOISE.sub("", preview.lstrip())
    return _ARTICLE.sub("", head)


def score_pair(anchor: str, preview: str, *, residue: bool = False) -> float:
    """How plausible it is that ``preview`` is the preview of a link reading ``anchor``.

    ``residue``: the preview is known to be infobox or caption residue, which opens with the
    tail of some field's value ("116 mi) | population_estimate", "border |image_size"), so
    the way it opens says nothing; the anchor's own shape and words still do.
    """
    anchor = anchor.strip()
    if not anchor or not preview.strip():
        return float("-inf")
    line = _Line(f"{anchor} {preview.strip()}")
    k = len(anchor.split())
    if k >= len(line.spans):
        return float("-inf")  # the anchor fills all of the line that is read: no link
    return line.score(k, residue=residue)


class _Line:
    """A link line read once: its words, stems and folds, so that scoring each boundary
    slices them instead of tokenising the anchor and the preview again."""

    def __init__(self, text: str, spans: list[re.Match[str]] | None = None) -> None:
        """``spans``: the line's first words if already found (at least :data:`_SPLIT_WORDS`,
        enough for anchors of up to :data:`MAX_ANCHOR_WORDS` words); else all it reads."""
        self.text = text
        head = text[:_READ_CHARS]
        self.spans = list(_WORD.finditer(head)) if spans is None else spans
        self.spans_starts = [m.start() for m in self.spans]
        self.words = [m.group() for m in self.spans]
        # Stems and folds are needed as far as the longest anchor and its preview's opening.
        reach = self.spans[min(len(self.spans) - 1, 2 * MAX_ANCHOR_WORDS + 8)].end()
        found = list(_TOKEN.finditer(head, 0, reach))
        self.token_starts = [m.start() for m in found]
        self.stems = _stems([m.group() for m in found])
        self.disambiguations = (
            list(_DISAMBIGUATION.finditer(head)) if _may_disambiguate(head) else []
        )
        self.folds = _Folds(self.words[: 2 * MAX_ANCHOR_WORDS + 9])
        lowered = head.casefold()
        self.lowered = lowered if len(lowered) == len(head) else None
        self.shapes = _shapes(self.words[:MAX_ANCHOR_WORDS])

    def _stems(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(
            self.stems[bisect_left(self.token_starts, start) : bisect_left(self.token_starts, end)]
        )

    def score(self, k: int, *, residue: bool = False) -> float:
        """:func:`score_pair` of the first ``k`` words against the rest of the line."""
        text, spans = self.text, self.spans
        anchor_end, start = spans[k - 1].end(), spans[k].start()
        anchor, preview = text[:anchor_end], text[start:]
        score = 0.0
        a_tokens = self._stems(0, anchor_end)
        a_words = self.words[:k]
        last = a_words[-1]
        opening = preview[:_OPENING]
        head = _head(opening)
        head_start = start + len(opening) - len(head)
        head_tokens = self._stems(head_start, head_start + 160)

        # --- the preview repeats the anchor (folds join word by word: fold drops spaces)
        head_word = bisect_left(self.spans_starts, head_start)
        folds = self.folds.upto(max(k, head_word + k + 6))
        first_kept = 1 if k > 1 and folds[0] in _ARTICLES else 0
        a_fold = "".join(folds[first_kept:k])
        h_fold = "".join(folds[head_word : head_word + k + 6])
        if a_fold and h_fold.startswith(a_fold):
            score += 10.0
        elif a_fold and len(a_fold) >= 6 and a_fold[:2] == h_fold[:2]:
            # Spelled differently ("Miyeegombyn" / "Miyegombyn"): only worth comparing when
            # the preview opens with the same letters.
            ratio = _similarity(a_fold, h_fold[: len(a_fold)], 0.8)
            if ratio >= 0.8:
                score += 10.0 * ratio - 2.0
        if a_tokens and head_tokens and any(_same_stem(head_tokens[0], t) for t in a_tokens):
            score += 3.0
        content = _content(a_tokens)
        if content:
            found = _count_found(content, head_tokens[: len(a_tokens) + 4])
            score += 6.0 * found / len(content) * min(1.0, len(content) / 2)
        lowered = self.lowered
        if len(anchor) >= 4 and (
            lowered[:anchor_end] in lowered[start : start + _OPENING]
            if lowered is not None
            else anchor.casefold() in opening.casefold()
        ):
            score += min(len(anchor), 30) / 6.0

        # --- the preview starts the way an article (or template residue) starts
        first = preview[:1]
        first_word = self.words[k]
        if residue:
            if first.islower() or first.isdigit() or not first.isalnum():
                score += 2.0
            if last[:1].islower() and a_words[0][:1].isupper():
                score -= 2.0
        elif _RESIDUE_START.match(preview):
            score += 4.0
        elif first.isupper() or first.isdigit() or first in "\"'“‘([":
            score += 1.0
            if first_word.casefold() in SENTENCE_OPENERS:
                score += 2.0
            if last[:1].islower() and first.isupper():
                score += 1.5
        elif first_word in _COPULAS:
            # a lead whose bold subject the scrape lost: "is a train station ..."
            score += 3.0 if a_words[0][:1].isupper() else 2.0
        elif first.islower():
            score -= 3.0
        if _ALL_CAPS.match(head) and not last.isupper():
            score += 3.0  # the abstracts print the bold subject in capitals: "ARTHUR NEVILLE"
        score += self._disambiguation(start, a_tokens)
        if k > len(self.shapes):  # a long anchor: the other layout's whole line
            self.shapes = _shapes(self.words[:k])
        return score + self.shapes[k - 1]

    def _disambiguation(self, start: int, a_tokens: tuple[str, ...]) -> float:
        """A disambiguation page whose subject is the anchor: "Kim or KIM may refer to"."""
        for m in self.disambiguations:
            if m.start() >= start and m.end() <= start + 200:
                subject = self._stems(start, m.start())
                if subject and a_tokens and any(_same_stem(subject[0], t) for t in a_tokens):
                    return 4.0
                return 0.0
        return 0.0


def _similarity(a: str, b: str, least: float) -> float:
    """difflib's ratio of ``a`` and ``b`` where it may reach ``least``; else a bound under it.

    The letters the two share, counted with repeats, bound the matches the ratio counts, so a
    pair whose bound falls short is not matched at all.
    """
    shared = sum((Counter(a) & Counter(b)).values())
    bound = 2.0 * shared / (len(a) + len(b)) if a or b else 1.0
    if bound < least:
        return bound
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _shapes(words: list[str]) -> list[float]:
    """For each prefix of ``words``, how much it does not look like an anchor: a function word
    or a comma at its end, a verb inside, a mix of capitals and title case, a file name, an
    open parenthesis, residue. One pass, each prefix from the one before."""
    shapes: list[float] = []
    named_file = False
    upper = title = verb = opener = False
    opened = 0
    residue = False
    for index, word in enumerate(words):
        lowered = word.casefold()
        if index:
            verb = verb or word in _COPULAS
            opener = opener or (lowered in SENTENCE_OPENERS and word[:1].isupper())
        if len(word) >= 3 and (word.isalpha() or sum(c.isalpha() for c in word) >= 3):
            upper = upper or word.isupper()
            title = title or (word[:1].isupper() and not word.isupper())
        opened += word.count("(") - word.count(")")
        residue = residue or "{{" in word or "}}" in word or "=" in word
        score = 0.0
        if lowered in FUNCTION_WORDS:
            score -= 4.0
        if word[-1] in ",;:([{":
            score -= 4.0
        elif word[-1] == "." and len(word) > 3 and "." not in word[:-1] and not word.isupper():
            score -= 2.0
        if verb:
            score -= 4.0
        if upper and title:
            score -= 4.0
        named_file = named_file or ("." in word and bool(_FILE_NAME.search(word)))
        if named_file:
            score -= 6.0
        if opened > 0:
            score -= 3.0
        if opener:
            score -= 3.0
        if index and lowered == words[index - 1].casefold():
            score -= 3.0
        if residue:
            score -= 6.0
        shapes.append(score - 0.3 * max(0, index + 1 - 4))
    return shapes


def residue_cut(words: list[str]) -> int | None:
    """Index of the first word that only residue has (``|``, braces, a file name, ``name=``).

    An anchor is link text: it never holds one, so a link line's anchor ends before it.
    """
    joined = " ".join(words)
    if not _may_hold_residue(joined):
        return None
    m = _RESIDUE_IN_WORDS.search(joined)
    return None if m is None else joined.count(" ", 0, m.start())


def split_anchor(
    line: str, known: Callable[[str], bool] | None = None, acronym: str | None = None
) -> Split | None:
    """The best anchor/preview boundary of a one-line ``anchor preview ...`` link, if any.

    Most previews repeat their anchor: the first boundary where the preview opens with the
    anchor's words wins at once, without scoring the others. Residue previews (infobox fields,
    image captions) cannot repeat it; there the anchor ends before the first residue word, and
    among the boundaries left the plausible anchor wins, helped by ``known`` (whether the page
    uses these words elsewhere: "Soviet Union" is, "Soviet Union Bukharan PSR" is not), and by
    ``acronym``, the "(NAFTA)" that follows the link in the text, naming the whole anchor.
    """
    spans = list(islice(_WORD.finditer(line, 0, _READ_CHARS), _SPLIT_WORDS))
    words = [m.group() for m in spans]
    limit = min(MAX_ANCHOR_WORDS, len(words) - 1)
    cut = residue_cut(words[: limit + 1])
    if cut is not None:
        limit = min(limit, cut)
    if limit < 1:
        return None
    anchor = repeated_anchor(line)
    if anchor is not None and len(anchor.split()) <= limit:
        return Split(anchor, line[len(anchor) :].strip(), REPEAT_SCORE)
    best: Split | None = None
    scorer = _Line(line, spans) if cut is None else None
    for k in range(1, limit + 1):
        anchor = line[: spans[k - 1].end()]
        if cut is None:
            if scorer is None or not _may_split_at(words, k) or scorer.shapes[k - 1] <= -8.0:
                continue  # (an anchor shaped that badly never wins: skip scoring its preview)
            score = scorer.score(k)
        else:
            score = _score_before_residue(words, k, cut, known)
            if acronym and _initials(words[:k]) == acronym.casefold():
                score += 8.0  # the text names the whole anchor by its initials
        if best is None or score > best.score:
            best = Split(anchor.strip(), line[spans[k].start() :].strip(), score, cut is not None)
    return best


def _score_before_residue(
    words: list[str], k: int, cut: int, known: Callable[[str], bool] | None
) -> float:
    """How plausible the first ``k`` words are as the anchor of a preview cut into residue.

    The preview opens with the tail of some field's value (``116 mi) |``, ``border |``,
    ``Bukharan PSR |``) or with the residue itself (``| drives_on``, ``ANC1914.jpg,``), so
    the clues are the anchor's shape, whether the tail looks like a tail, and whether the page
    uses the anchor's words elsewhere (the longest such name wins).
    """
    anchor = words[:k]
    last = anchor[-1]
    if not any(c.isalnum() for c in last):
        return -10.0  # link text does not end with a lone comma or dash
    score = -0.2 * k
    if k == cut:
        score += 4.0
    else:
        tail = words[k]
        if fold(tail) in FUNCTION_WORDS:
            score -= 3.0  # "Canada | and the United States ...": the name goes on
        elif tail[:1].islower() or tail[:1].isdigit() or not tail[:1].isalnum():
            score += 2.0
        elif _MONTH.match(tail) and words[k + 1][:1].isdigit():
            score += 2.0  # "June 22, 1941 (terminated)": a date field's value
        fragment = words[k:cut]
        if known is not None and len(fragment) >= 2 and known(" ".join(fragment)):
            score += 3.0  # "World War I |event_start": the tail is a name of its own
        if _count_found(_content(_tokens(last)), _tokens(" ".join(fragment))):
            score += 2.0  # "Poland | Kingdom of Poland |flag_p1": the tail names the anchor
    if fold(last) in FUNCTION_WORDS or last[-1] in ",;:([{":
        score -= 5.0
    if last[:1].islower() and anchor[0][:1].isupper():
        score -= 2.0
    if last.isdigit():
        score -= 2.0
    if any(w.endswith(",") for w in anchor[:-1]):
        score -= 2.0
    if k >= 2 and fold(anchor[-1]) == fold(anchor[-2]):
        score -= 5.0  # "League of Nations | Nations League}}": the preview repeats the word
    phrase = " ".join(anchor)
    if phrase.count("(") != phrase.count(")"):
        score -= 3.0
    if known is not None and known(phrase) and (k == cut or _may_end_name(anchor, words[k], known)):
        score += 3.0 + k
    return score + _named_in_residue(anchor, words[cut : cut + 12])


def _may_end_name(anchor: list[str], tail: str, known: Callable[[str], bool]) -> bool:
    """Whether a name the page knows ends here rather than going on into ``tail``.

    A single capitalised word followed by another ("International | Red Cross ...",
    "South | Korea") is more often the start of a longer name than a name of its own.
    """
    if known(" ".join([*anchor, tail])):
        return False
    return len(anchor) >= 2 or not (tail[:1].isupper() and tail[1:2].islower())


def _initials(words: list[str]) -> str:
    """ "North American Free Trade Agreement" -> "nafta"."""
    kept = [w[0] for w in words if w[:1].isalpha() and fold(w) not in FUNCTION_WORDS]
    return "".join(kept).casefold()


def _named_in_residue(anchor: list[str], residue: list[str]) -> float:
    """Residue often names its article: ``International_Criminal_Court_Headquarters.jpg``,
    ``ANC1914.jpg`` for the African National Congress, ``Titan_II_launch.jpg ICBM ...``.
    Credit the longest anchor all of whose words (or whose initials) the residue holds."""
    names = _tokens(" ".join(residue).replace("_", " "))
    words = sorted(set(_content(_tokens(" ".join(anchor)))))
    if words and _count_found(words, names) == len(words):  # "Austria-Hungary": "Austro-Hungarian"
        return 1.5 * len(words)
    capitals = [w for w in anchor if w[:1].isalpha() and fold(w) not in FUNCTION_WORDS]
    initials = _initials(anchor)
    if len(capitals) >= 2 and any(n.startswith(initials) for n in names):
        return 2.0 * len(capitals)
    return 0.0


def _may_split_at(words: list[str], k: int) -> bool:
    """Boundaries worth scoring: an anchor does not end with "of" or a comma, and a preview
    does not open with a lowercase word other than a copula ("is a train station ...")."""
    last, first = words[k - 1], words[k]
    if last[-1] in ",;:([{" or fold(last) in FUNCTION_WORDS:
        return False
    return not first[:1].islower() or first in _COPULAS or k == 1


@lru_cache(maxsize=2048)
def repeated_anchor(line: str) -> str | None:
    """The anchor of a link line whose preview repeats it, found without scoring; else None."""
    # The anchor's words and twice as many after them are all that is compared.
    spans = list(islice(_WORD.finditer(line, 0, min(len(line), 400)), 2 * MAX_ANCHOR_WORDS + 2))
    words = [m.group() for m in spans]
    limit = min(MAX_ANCHOR_WORDS, len(words) - 1)
    k = _repeat_boundary(words, limit) if limit >= 1 else None
    return None if k is None else line[: spans[k - 1].end()].strip()


def _repeat_boundary(words: list[str], limit: int) -> int | None:
    """The first boundary where the preview starts by repeating the whole anchor, if any.

    "Soviet Union The Soviet Union ..." splits after two words; an anchor that ends like a
    phrase in mid-sentence ("of", a comma) does not count.
    """
    words = words[: 2 * limit + 2]
    lazy = _Folds(words)
    first = lazy.upto(1)[0]
    if len(first) < 2:
        return None
    for k in range(1, min(limit, len(words) - 1) + 1):
        folds = lazy.upto(k + 2)
        start = k + 1 if folds[k] in _ARTICLES and k + 1 < len(words) else k
        if not folds[start].startswith(first[:4]) and not first.startswith(folds[start][:4]):
            continue
        anchor = "".join(folds[:k])
        if not anchor or fold(words[k - 1]) in FUNCTION_WORDS or words[k - 1][-1] in ",;:([{":
            continue
        head = "".join(lazy.upto(start + k + 3)[start : start + k + 3])
        if head.startswith(anchor) and len(anchor) >= 3:
            return k
    return None


def strip_truncation(preview: str) -> tuple[str, bool]:
    """Remove the `` ...`` a scrape appends to a cut preview; say whether it was there."""
    stripped = preview.rstrip()
    if is_cut(stripped):
        return stripped.removesuffix("...").removesuffix("…").rstrip(), True
    return preview.strip(), False


def _may_hold_residue(text: str) -> bool:
    """Characters one of :data:`_RESIDUE_IN_WORDS`' matches holds, looked for before it runs."""
    return (
        "|" in text
        or "=" in text
        or "_" in text
        or "{{" in text
        or "}}" in text
        or "[[" in text
        or "]]" in text
        or "::" in text
        or ("." in text and _FILE_NAME.search(text) is not None)
    )


def _may_disambiguate(text: str) -> bool:
    """Words every :data:`_DISAMBIGUATION` match holds, looked for before the regex runs."""
    lowered = text.casefold()
    return "refer" in lowered or "name of" in lowered or "may mean" in lowered or "short" in lowered


def is_cut(line: str) -> bool:
    """Whether a line ends with the `` ...`` of a cut preview (cheaper than a regex at $)."""
    return line.rstrip().endswith(("...", "…"))


def _is_residue(text: str) -> bool:
    """A preview that opens with residue: markup before its first sentence has ended."""
    if _RESIDUE_START.match(text) or "{{" in text[:40]:
        return True
    head = text[:120]
    stop = _SENTENCE_STOP.search(head)
    # "__" is where the abstracts dropped a native-script name: not residue by itself.
    opening = (head[: stop.start()] if stop else head).replace("__", "")
    return residue_cut(opening.split()) is not None


def gloss_flags(anchor: str, target: str, text: str) -> tuple[GlossFlag, ...]:
    """Classify a preview: a disambiguation page, template residue, or about something else."""
    flags: list[GlossFlag] = []
    opening = text[:200]
    if _may_disambiguate(opening) and _DISAMBIGUATION.search(opening):
        flags.append("disambiguation")
    if _is_residue(text):
        flags.append("markup")
    if not flags:
        names = set(_content(_tokens(anchor))) | set(_content(_tokens(target)))
        described = _content(_tokens(opening))
        if names and not _count_found(list(names), described):
            flags.append("mismatch")
    return tuple(flags)
