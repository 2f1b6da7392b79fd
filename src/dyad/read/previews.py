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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from dyad.model import GlossFlag
from dyad.read.preview_line import HOPELESS_SHAPE, LineScorer, score_pair
from dyad.read.preview_words import (
    ARTICLES,
    COPULAS,
    DISAMBIGUATION,
    FILE_NAME,
    FOOTNOTE,
    FUNCTION_WORDS,
    MAX_ANCHOR_WORDS,
    READ_CHARS,
    RESIDUE_START,
    TOKEN,
    WORD,
    content_words,
    count_found,
    fold,
    fold_words,
    holds_residue,
    is_cut,
    is_state_name,
    may_disambiguate,
    residue_cut,
    same_stem,
    strip_truncation,
    tokens,
)

__all__ = [
    "MAX_ANCHOR_WORDS",
    "REPEAT_SCORE",
    "Split",
    "fold",
    "gloss_flags",
    "is_cut",
    "repeated_anchor",
    "residue_cut",
    "score_pair",
    "split_anchor",
    "strip_truncation",
]

# The words of a link line that splitting it looks at: the longest anchor, and the folds of as
# many words again and a few more (its preview's opening), or the residue after a cut.
_SPLIT_WORDS = 2 * MAX_ANCHOR_WORDS + 10
REPEAT_SCORE = 12.0
_FIRST_FOLDS = 8  # words a repeated anchor's search folds at first
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)$"
)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# An image's options in MediaWiki's file syntax ("[[File:Flag.svg|border|120px]]"): one of
# them alone before the residue is the tail of an image field's value, never link text.
_CAPITALS = re.compile(r"^[^\W\d_a-z]{4,}\W*$")  # "CHINA", "PEOPLE'S": an abstract's bold title
_LIST_MARKS = frozenset(["*", "#", "•"])
_ROMAN = re.compile(r"^[IVXLC]+\W*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_TABLE_RULE = re.compile(r"^[+|][-:=+|]*-{4}")
_IMAGE_OPTION = re.compile(
    r"^(?:border|frameless|frame|framed|thumb|thumbnail|upright(?:=[\d.]+)?|\d+(?:x\d+)?px)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Split:
    """An anchor and its preview, with the score that chose the boundary."""

    anchor: str
    preview: str
    score: float
    residue: bool = False  # chosen before a residue word (the score is on its own scale)


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
    # (str.split parts words at the same white space as the regex WORD: the spans, positions
    # of the words, are found only when the preview does not repeat its anchor.)
    words = line[:READ_CHARS].split(None, _SPLIT_WORDS)[:_SPLIT_WORDS]
    limit, cut, title = _bounds(words)
    if limit < 1:
        return None
    anchor = repeated_anchor(line)
    if anchor is not None and len(anchor.split()) <= limit:
        k = _title_repeating(words, len(anchor.split()), limit)
        if k:
            anchor = line[: next(islice(WORD.finditer(line), k - 1, None)).end()]
        return Split(anchor, line[len(anchor) :].strip(), REPEAT_SCORE)
    spans = list(islice(WORD.finditer(line, 0, READ_CHARS), _SPLIT_WORDS))
    if cut is None:
        best, best_score = _best_plain(line, spans, words, limit)
    elif cut == limit and _TABLE_RULE.match(words[cut]):
        # A table's rule ("+:-----+") opens a table, never a field value's tail: the whole
        # line before it is link text.
        best, best_score = cut, 4.0
    else:
        value = _field_value_start(words, cut) or title
        best, best_score = 0, float("-inf")
        for k in range(1, limit + 1):
            score = _score_before_residue(words, k, cut, known, value)
            if acronym and _initials(words[:k]) == acronym.casefold():
                score += 8.0  # the text names the whole anchor by its initials
            if not best or score > best_score:
                best, best_score = k, score
    if not best:
        return None
    anchor, preview = line[: spans[best - 1].end()], line[spans[best].start() :]
    return Split(anchor.strip(), preview.strip(), best_score, cut is not None)


def _bounds(words: list[str]) -> tuple[int, int | None, int | None]:
    """The most words an anchor may have, where residue begins (if it does) and where a title
    in capitals opens the preview (if one does)."""
    limit = min(MAX_ANCHOR_WORDS, len(words) - 1)
    cut = _residue_at(words, limit)
    if cut is not None:
        limit = min(limit, cut)
    title = _title_in_capitals(words, limit)
    if title is not None:
        limit = min(limit, title)
    return limit, cut, title


def _best_plain(
    line: str, spans: list[re.Match[str]], words: list[str], limit: int
) -> tuple[int, float]:
    """The best boundary of a line without residue, and its score (0 and -inf: none)."""
    best, best_score = 0, float("-inf")  # the best boundary so far (0: none scored)
    scorer = LineScorer(line, spans, words)
    for k in range(1, limit + 1):
        if k > len(scorer.shapes):
            break  # (this anchor and every longer one is shaped hopelessly)
        if scorer.shapes[k - 1] <= HOPELESS_SHAPE or not _may_split_at(words, scorer.folds, k):
            continue  # (an anchor shaped that badly never wins: skip scoring its preview)
        score = scorer.score(k)
        if not best or score > best_score:
            best, best_score = k, score
    return best, best_score


def _residue_at(words: list[str], limit: int) -> int | None:
    """Where the residue a link line's preview opens with begins, if it does: within the
    longest anchor and the word after it, or further on after a field value's tail longer than
    an anchor ("George H.W. Bush | Chief of the U.S. Liaison Office to the People's Republic of
    China | president3 = ..."), unless the words before it open the way an article does, with
    a title in capitals or a copula: then the residue stands inside a clean lead."""
    cut = residue_cut(words[: limit + 1])
    if cut is not None or limit < MAX_ANCHOR_WORDS:
        return cut
    cut = residue_cut(words[: len(words) - 1])
    if cut is None:
        return None
    opening = words[1:cut]
    if any(_CAPITALS.match(w) or w in COPULAS for w in opening):
        return None
    return cut


def _title_after(anchor: list[str], residue: list[str]) -> float:
    """4 where the lead after the residue opens with the anchor as its title in capitals
    ("James Monroe | Battle of Trenton }} JAMES MONROE (; April 28, 1758 ..."): the words
    between the anchor and the residue were a field's value; else 0."""
    folded = fold("".join(anchor))
    for i, word in enumerate(residue[:4]):
        if _caps(word):
            run = residue[i : i + len(anchor)]
            return 4.0 if all(_caps(w) for w in run) and fold("".join(run)) == folded else 0.0
    return 0.0


def _title_repeating(words: list[str], k: int, limit: int) -> int:
    """Where an anchor found repeated (``k`` words) goes on to the title in capitals that its
    preview opens with: "Osama | bin Laden OSAMA BIN MOHAMMED BIN AWAD BIN LADEN" repeats the
    first word only, but the preview opens at the title, so the anchor is "Osama bin Laden".
    0 when the words after the anchor do not lead to such a title."""
    first = fold(words[0])
    if fold(words[k]) in ARTICLES or _caps(words[k]):
        return 0  # ("United States | The UNITED STATES", "Intelsat | INTELSAT CORPORATION")
    for j in range(k + 1, min(limit, k + 3, len(words) - 1) + 1):
        if _caps(words[j]):
            return j if fold(words[j]) == first and not _caps(words[j - 1]) else 0
        if words[j][-1:] in ".,;:" or not words[j][:1].isalnum():
            return 0  # (a sentence or a clause of the preview has begun)
    return 0


def _title_in_capitals(words: list[str], limit: int) -> int | None:
    """How many words an anchor may have before a title printed in capitals (the 2019
    abstracts print an article's bold title so): two words in capitals after one that is not
    ("John Major | SIR JOHN MAJOR (born ...", "Muslim Brotherhood | The SOCIETY OF THE MUSLIM
    BROTHERS") open the preview, or the article before them does. (One word in capitals may
    be an acronym in a link's text: "the 2018 NATO summit".)"""
    end = min(limit, len(words) - 2) + 1
    if not any(map(str.isupper, words[1:end])):
        return None  # (most lines: no word in capitals at all)
    for j in range(1, end):
        first, second = words[j], words[j + 1]
        long = _CAPITALS.match(first) or _CAPITALS.match(second)
        if long and _caps(first) and _caps(second) and not _caps(words[j - 1]):
            return j - 1 if j >= 2 and fold(words[j - 1]) in ARTICLES else j
    return None


def _caps(word: str) -> bool:
    """A word in capitals, not a Roman numeral ("John Paul II")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _ROMAN.match(word)


def _may_split_at(words: list[str], folds: list[str], k: int) -> bool:
    """Boundaries worth scoring: an anchor does not end with "of", a comma or marks without a
    letter, and a preview does not open with a lowercase word other than a copula ("is a
    train station ...").
    (``folds``: the words' folds.)"""
    last, first = words[k - 1], words[k]
    if last[-1] in ",;:([{" or folds[k - 1] in FUNCTION_WORDS or not folds[k - 1]:
        return False  # (nor with marks alone: "global trade | _' International trade_' is")
    return not first[:1].islower() or first in COPULAS or k == 1


def _score_before_residue(
    words: list[str], k: int, cut: int, known: Callable[[str], bool] | None, value: int | None
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
    if k in (cut, value):
        score += 4.0  # the anchor ends at the residue, or at a field's value before it
    if k == cut and FILE_NAME.search(words[cut]):
        score += 4.0  # an image's file name opens its preview (99% of the 2019 abstracts)
    if k != cut:
        score = _tail_before_residue(words, k, cut, known, score)
    score -= _badly_shaped(anchor)
    phrase = " ".join(anchor)
    named = (known is not None and known(phrase)) or is_state_name(phrase)
    if named and (k == cut or _may_end_name(anchor, words[k], known)):
        score += 3.0 + k  # (a name the page uses, or a state's: "Brazil | IBGE :: Instituto")
    return score + _named_in_residue(anchor, words[cut : cut + 12])


def _badly_shaped(anchor: list[str]) -> float:
    """How much the shape of these words says they are no link text: ending with "of" or a
    comma, a lowercase end after a capital start, a number, commas inside, the last word
    twice, an unclosed bracket."""
    last = anchor[-1]
    penalty = 0.0
    if fold(last) in FUNCTION_WORDS or last[-1] in ",;:([{":
        penalty += 5.0
    if last[:1].islower() and anchor[0][:1].isupper():
        penalty += 2.0
    if last.isdigit():
        penalty += 2.0
    if any(w.endswith(",") for w in anchor[:-1]):
        penalty += 2.0
    if len(anchor) >= 2 and fold(anchor[-1]) == fold(anchor[-2]):
        penalty += 5.0  # "League of Nations | Nations League}}": the preview repeats the word
    phrase = " ".join(anchor)
    if phrase.count("(") != phrase.count(")"):
        penalty += 3.0
    if "[" in phrase and FOOTNOTE.search(phrase):
        penalty += 6.0  # "Malawi | Chichewa[1] | ethnic_groups": a footnote ends a field's value
    return penalty


def _tail_before_residue(
    words: list[str], k: int, cut: int, known: Callable[[str], bool] | None, score: float
) -> float:
    """``score`` with what the words between the anchor and the residue say: a tail that reads
    like the end of a field's value, or a name of its own, or the anchor's name again.
    (Added in turn to the running ``score``, so that it sums as it always has.)"""
    last, tail = words[k - 1], words[k]
    if fold(tail) in FUNCTION_WORDS:
        score -= 3.0  # "Canada | and the United States ...": the name goes on
    elif tail[:1].islower() or tail[:1].isdigit() or not tail[:1].isalnum():
        score += 2.0
    elif _MONTH.match(tail) and words[k + 1][:1].isdigit():
        score += 2.0  # "June 22, 1941 (terminated)": a date field's value
    if _INITIALS.match(tail) or (_INITIALS.match(last) and tail[:1].isupper()):
        score -= 3.0  # "George | H.W. Bush", "George H.W. | Bush": initials stand inside a name
    fragment = words[k:cut]
    if known is not None and len(fragment) >= 2 and known(" ".join(fragment)):
        score += 3.0  # "World War I |event_start": the tail is a name of its own
    if count_found(content_words(tokens(last)), tokens(" ".join(fragment))):
        score += 2.0  # "Poland | Kingdom of Poland |flag_p1": the tail names the anchor
    return score


def _field_value_start(words: list[str], cut: int) -> int | None:
    """Where the tail of a field's value begins before the residue at ``cut``, if the words
    there read as one: an image option alone ("euro | border | image_title_1 = ..."), or the
    shortest tail, opening with a name word, half of whose words come back as they are in the
    field residue after it ("London | UTC | timezone_DST = ... | utc_offset_DST = +1",
    "Soviet Union | Bukharan PSR | flag_p1 = Flag of the Bukharan People's Soviet Republic",
    "Ottoman Empire | Kingdom of Hungary |p8 = Kingdom of Croatia"), unless the residue
    repeats the anchor's last word with the tail's first: then the name goes on ("United |
    Nations | headquarters = United Nations ...")."""
    if cut >= 2 and _IMAGE_OPTION.match(words[cut - 1]):
        return cut - 1
    if not words[cut].startswith("|"):
        return None  # (a caption after a file name repeats its subject's words: "Magna_Carta.jpg")
    after = tokens(" ".join(words[cut:]).replace("_", " "))
    joined = " " + " ".join(after) + " "
    found = set(after)
    for k in range(cut - 1, 0, -1):
        last, first = words[k - 1], words[k]
        if fold(last) in FUNCTION_WORDS or fold(first) in FUNCTION_WORDS:
            continue
        wanted = content_words(tokens(" ".join(words[k:cut])))
        if wanted and 2 * sum(w in found for w in wanted) >= len(wanted):
            return None if f" {fold(last)} {fold(first)} " in joined else k
    return None


def _may_end_name(anchor: list[str], tail: str, known: Callable[[str], bool] | None) -> bool:
    """Whether a name the page knows ends here rather than going on into ``tail``.

    A single capitalised word followed by another ("International | Red Cross ...",
    "South | Korea") is more often the start of a longer name than a name of its own.
    """
    if known is not None and known(" ".join([*anchor, tail])):
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
    names = tokens(" ".join(residue).replace("_", " "))
    words = sorted(set(content_words(tokens(" ".join(anchor)))))
    if words and count_found(words, names) == len(words):  # "Austria-Hungary": "Austro-Hungarian"
        return 1.5 * len(words) + _title_after(anchor, residue)
    capitals = [w for w in anchor if w[:1].isalpha() and fold(w) not in FUNCTION_WORDS]
    initials = _initials(anchor)
    if len(capitals) >= 2 and any(n.startswith(initials) for n in names):
        return 2.0 * len(capitals)
    return 0.0


@lru_cache(maxsize=2048)
def repeated_anchor(line: str) -> str | None:
    """The anchor of a link line whose preview repeats it, found without scoring; else None."""
    # The anchor's words and twice as many after them are all that is compared. (str.split
    # parts words at the same white space as the regex :data:`WORD`, and sooner.)
    words = line[:400].split(None, 2 * MAX_ANCHOR_WORDS + 2)[: 2 * MAX_ANCHOR_WORDS + 2]
    limit = min(MAX_ANCHOR_WORDS, len(words) - 1)
    k = _repeat_boundary(words, limit) if limit >= 1 else None
    if k is None:
        return None
    last = next(islice(WORD.finditer(line, 0, 400), k - 1, None))
    return line[: last.end()].strip()


def _repeat_boundary(words: list[str], limit: int) -> int | None:
    """The first boundary where the preview starts by repeating the whole anchor, if any.

    "Soviet Union The Soviet Union ..." splits after two words; an anchor that ends like a
    phrase in mid-sentence ("of", a comma) does not count.
    """
    words = words[: 2 * limit + 2]
    count = len(words)
    # Folded a few words at a time, as far as the boundaries looked at need them (folding a
    # run of words at once is cheaper than word by word, and most anchors are short).
    folds = fold_words(words[:_FIRST_FOLDS])
    first = folds[0]
    if len(first) < 2:
        return None
    key = first[:4]
    for k in range(1, min(limit, count - 1) + 1):
        if k + 2 > len(folds) < count:
            folds += fold_words(words[len(folds) : k + _FIRST_FOLDS])
        start = k + 1 if folds[k] in ARTICLES and k + 1 < count else k
        opening = folds[start]
        if not opening.startswith(key) and not first.startswith(opening[:4]):
            continue
        last = words[k - 1]
        if folds[k - 1] in FUNCTION_WORDS or last[-1] in ",;:([{":
            continue
        if last in _LIST_MARKS or words[start] in _LIST_MARKS:
            continue  # a list marker is no link's: "(SAR of the PRC) * (SAR of the PRC) *"
        anchor = "".join(folds[:k])
        if start + k + 3 > len(folds) < count:
            folds += fold_words(words[len(folds) :])
        if len(anchor) >= 3 and "".join(folds[start : start + k + 3]).startswith(anchor):
            return k
    return None


def gloss_flags(anchor: str, target: str, text: str) -> tuple[GlossFlag, ...]:
    """Classify a preview: a disambiguation page, template residue, or about something else."""
    flags: list[GlossFlag] = []
    opening = text[:200]
    if may_disambiguate(opening) and DISAMBIGUATION.search(opening):
        flags.append("disambiguation")
    if _is_residue(text):
        flags.append("markup")
    if not flags:
        names = set(content_words(tokens(anchor)))
        if target != anchor:
            names |= set(content_words(tokens(target)))
        if names and not _describes(names, opening):
            flags.append("mismatch")
    return tuple(flags)


def _describes(names: set[str], opening: str) -> bool:
    """Whether a content word of ``opening`` shares a stem with one of ``names``: its tokens
    stemmed one by one (as :func:`tokens` stems them) until one does, most often the first."""
    keys = {name[:4] for name in names}
    for match in TOKEN.finditer(opening):
        token = match.group().casefold().replace("’", "'").removesuffix("'s")
        if token in FUNCTION_WORDS or token[:4] not in keys:
            continue  # (stems that share a stem share their first four letters)
        if token in names or any(same_stem(token, name) for name in names):
            return True
    return False


def _is_residue(text: str) -> bool:
    """A preview that opens with residue: markup before its first sentence has ended."""
    if RESIDUE_START.match(text) or "{{" in text[:40]:
        return True
    head = text[:120]
    stop = _SENTENCE_STOP.search(head)
    # "__" is where the abstracts dropped a native-script name: not residue by itself.
    opening = (head[: stop.start()] if stop else head).replace("__", "")
    return holds_residue(opening)
