"""When an event happened: the dates of one match of the event engine (:mod:`dyad.extract.events`).

The nearest date in the clause (``stated``), else in the sentence (``sentence``), else the
year of the sentence before (``inferred``), else the section heading (``heading``); explicit
dates before named periods. A date in a relative clause after the trigger, or past another
event's trigger, is not the trigger's. Coordinated dates and counted repetitions make several.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from dyad.extract.dates import lower_year, month_of
from dyad.extract.relative_years import years_later
from dyad.extract.scene import _clause_of, _clauses, _Match, _Scene
from dyad.extract.tagging import Tag, Tagged
from dyad.model import DateSource, Quantity
from dyad.read.citations import MONTHS

# Between a date and the trigger: "... on 5 September 1991 and | re-established relations".
# Only a point in time carries over to the next sentence: not a period or an open range.
_POINT_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")
# "from 4 to 8 February 2008": days of one month, a point at the scale of a month.
_DAYS_OF_A_MONTH = re.compile(r"(\d{4}-\d{2})-\d{2}/\1-\d{2}")
_OTHER_PREDICATE = re.compile(r"\b(?:and|but|then|before|after)\s+(?:\w+\s+)?$")

# A relative clause begins: its dates belong to its own verb ("which he did in March 2008" tells
# the same act again, and its date is the act's).
_RELATIVE = re.compile(
    r",\s+(?:which|where|who|whom|whose)\b"
    r"(?!\s+(?:[\w⟨⟩]+\s+)?(?:did|does|do|happened|occurred|took\s+place)\b)",
    re.IGNORECASE,
)
# Two verbs that share what follows them: "were severed and restored in 1994".
_SHARED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:(?:later|then|again|were|was)\s+)*", re.I)


def _beyond_other_verb(
    string: str,
    core: tuple[int, int],
    date: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> bool:
    """Whether another event's verb stands between ``core`` and a date after it, in a conjunct of
    its own (not one that shares the date with ``core``: "severed and restored in October
    1994"). A date before the trigger is left to ``_OTHER_PREDICATE``: "In 1975, following a
    visit by X, an agreement was signed" dates the agreement."""
    _, b = core
    s, _ = date
    return any(b <= oa and ob <= s and not _SHARED.fullmatch(string, b, oa) for oa, ob in others)


# What sets a verb apart from the date of the one before it: "established in 1982 after having
# been suspended"; not "when", which dates both ("established relations on 8 June 1961 when the
# ambassador presented his credentials").
_SEQUENCE_BEFORE = re.compile(r"\s*,?\s*(?:after|before|and|but|then|until)\b", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s*(?:(?:in|on|since|by)\s+)?(?:the\s+)?")


# Only the trigger's subject between a date and the trigger: "established on December 4, 1987
# Cyprus reopened its embassy" (the date is the complement of the verb before it).
_SUBJECT_BETWEEN = re.compile(r"\s+(?:the\s+)?⟨[SP]\d+⟩\s+(?:\w+\s+)?")


def _complement_of_other(
    string: str, date: tuple[int, int], others: Sequence[tuple[int, int]]
) -> bool:
    """Whether the date right follows another event's verb ("were established in 1982 after
    having been suspended since 1536": 1982 is the establishment's)."""
    s, _ = date
    return any(ob <= s and _COMPLEMENT.fullmatch(string, ob, s) for _, ob in others)


_TIME_SHIFT = re.compile(
    # The lookahead holds the words' first letters: it turns every other position away at once.
    r"(?=[abcefhilnoprst])\b(?:previously|earlier|before|prior|formerly|originally|initially|later|subsequently"
    r"|afterwards?|eventually|since|today|currently|now|recently|ever|already|traditionally"
    r"|historically|long|always|never|there\s+(?:are|is)|in\s+the\s+past|in\s+recent\s+years)\b",
    re.IGNORECASE,
)
# "on 21–22 May": a day of some year the sentence does not say; no year is inferred for it.
# "Later that year", "in the same year": the sentence before gives the year, whatever else moves.
_SAME_YEAR = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|in\s+the\s+same|the\s+same)\s+year"
    r"|(?:in\s+)?(?:that|the)\s+same\s+year)\b",
    re.IGNORECASE,
)
# "During the administration of A and B", "During Pompidou's presidency": the sentence names
# its own time, a period whose dates it does not give; the sentence before's is not it. ("Under
# successive governments" goes on from the time told before: not such a period.)
# "due to the Syrian civil war", "amid the Gulf crisis": a named war or crisis is a time of its
# own too.
_OWN_PERIOD = re.compile(
    r"\bduring\s+(?:the\s+)?(?:[^\s,;]+\s+){0,4}?(?:administrations?|governments?"
    r"|presidency|presidencies|premiership|tenure|reign|rule|leadership|regime|era)\b"
    r"|\b(?:due\s+to|during|amid|amidst|because\s+of|following|in\s+the\s+wake\s+of)\s+the\s+"
    r"(?:(?:(?-i:[A-Z])[\w-]*|⟨S\d+⟩)\s+){1,3}(?:civil\s+war|war|crisis|conflict|revolution"
    r"|uprising|invasion|occupation|coup|intervention)\b"
    # "Following the collapse of the Soviet Union, ...": a turn of history of its own time.
    r"|\b(?:following|after|in\s+the\s+wake\s+of)\s+the\s+(?:collapse|dissolution|fall"
    r"|break-?up|disintegration)\s+of\s+(?:the\s+)?(?:⟨S\d+⟩|(?-i:[A-Z]))",
    re.IGNORECASE,
)
# A state of things in the present ("the two countries have a Double Taxation Agreement",
# "Cuba is a member of ..."): no time of the sentence before carries over to it.
# A state's habit in the simple present ("Australia and Bangladesh work closely", "The two
# countries also cooperate") is such a state of things too.
_PRESENT = re.compile(
    r"\b(?:have|has|is|are)\b|(?i:(?<!\bin\s)(?<!\bat\s)(?<!\bof\s)(?<!\bto\s)(?<!\bwith\s)"
    r"(?:⟨[SC]\d+⟩|\bthey)\s+(?:also\s+|\w+ly\s+)?(?:work|co-?operate"
    r"|collaborate|share|maintain|enjoy|remain|continue|hold|conduct|engage|consult|partner"
    # "Indonesia supports Venezuela in the ... dispute", "Norwegian aid prioritizes education"
    r"|support|back|oppose|prioriti[sz]e|focus|view|regard)s?\b)"
)
# A trigger noun as the subject of a verb in the present: "Norwegian aid prioritizes education".
_PRESENT_AFTER = re.compile(
    r"\s+(?:also\s+|\w+ly\s+)?(?:is|are|has|have|remains|continues|prioriti[sz]es|focuses"
    r"|targets|supports|goes)\b",
    re.IGNORECASE,
)
_DAY_WITHOUT_YEAR = re.compile(
    r"\b\d{1,2}(?:\s?[–-]\s?\d{1,2})?\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b(?!,?\s+⟨D)|\b(?:January|February|March|April"
    r"|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b"
)
_COORDINATED_BEFORE = re.compile(
    r"\s*(?:(?:in|on)\s+)?⟨D\d+⟩(?:\s*(?:,|and|,\s*and)\s*(?:again\s+|also\s+|later\s+)?"
    r"(?:(?:in|on)\s+)?⟨D\d+⟩)+\s*,",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"^(?:\s*(?:,|and|,\s*and|or)\s*(?:again\s+|also\s+|later\s+)?(?:(?:in|on)\s+)?⟨D\d+⟩)+"
)

# "visits by Hillary Clinton in November 2010, Secretary of Defense Chuck Hagel in August 2013,
# and John Kerry in October 2013": each date after a name (capitalised words only) is one more.
_COORDINATED_NAMED = re.compile(
    r"^(?:\s*(?:,|and|,\s*and)\s*(?:then\s+)?(?:(?:(?-i:[A-Z])[\w.'’-]*|⟨P\d+⟩)\s+(?:of\s+|for\s+)?){1,7}"
    r"(?:in|on)\s+⟨D\d+⟩)+"
)


def event_dates(
    text: str,
    tagged: Tagged,
    match: _Match,
    scene: _Scene,
    heading_date: str | None,
    previous_date: tuple[str, str] | None,
) -> list[tuple[str | None, DateSource | None, str | None]]:
    """One (value, source, text) per event the match tells: coordinated dates and counted
    repetitions make several; none after today."""
    rule = match.rule
    # A clause of time dates its main clause too ("in 1979 when the Sandinistas took power").
    clause = _clause_of(_clauses(tagged.string, of_time=False), match.core[0])
    dates = match_dates(
        text,
        tagged,
        scene.positions,
        clause,
        match,
        heading_date,
        previous_date,
        rule.split_dates,
        scene.others,
    )
    repeated = _times(_repetition(tagged, match.match)) if rule.split_dates else 1
    if repeated > 1 and len(dates) == 1:
        dates = dates * repeated  # "visited Nigeria three times": three visits
    if rule.date_part == "start":  # of an open or a written interval, not of a named period
        dates = [(_start_of(d) if _split(d, t) else d, s, t) for d, s, t in dates]
    elif rule.date_part == "end":  # the end of a break is a restoration: none if it has none
        dates = [(end, s, t) for d, s, t in dates if (end := _written_end(d, t)) is not None]
    # Nothing written can report an act after today: "by 2030" is no date of an event.
    return [(None, None, None) if _in_future(d) else (d, s, t) for d, s, t in dates]


# One (value, source, text) per event a match tells.
_Dates = list[tuple[str | None, DateSource | None, str | None]]


def match_dates(
    text: str,
    tagged: Tagged,
    positions: list[tuple[Tag, int, int]],
    clause: tuple[int, int],
    match: _Match,
    heading_date: str | None,
    previous_date: tuple[str, str] | None,
    split: bool,
    others: Sequence[tuple[int, int]] = (),
) -> _Dates:
    """The dates of one match, in phases: its captured date, the coordinated dates of a rule that
    splits them, else the nearest date in its clause or its sentence, else the year of the
    sentence before, else the heading."""
    m = match.match
    token = m.groupdict().get("date")
    if token:
        tag = tagged.tag_of(token)
        if tag is not None:
            return [(_date_value(tag), "stated", _date_text(text, tag))]
    dated = [(t, s, e) for t, s, e in positions if t.kind == "D" and _date_value(t)]
    _, b = match.core
    # "X opened an embassy in Y, which it closed in 1990": a date in a relative clause after
    # the verb is that clause's, never the verb's.
    foreign = [x for x in dated if x[1] >= b and _RELATIVE.search(tagged.string, b, x[1])]
    dated = [x for x in dated if x not in foreign]
    if split:
        coordinated = _coordinated_dates(text, tagged, dated, clause, match)
        if coordinated is not None:
            return coordinated
    relative = years_later(
        tagged,
        [(_date_value(t), ds, de) for t, ds, de in dated],
        (clause, match.core),
        others,
        previous_date,
    )
    if relative is not None:
        value, source, (ps, pe) = relative
        return [(value, source, text[tagged.offset(ps) : tagged.end_offset(pe)])]
    nearest = _nearest_date(text, tagged, dated, clause, match.core, others)
    if nearest is not None:
        return nearest
    inferred = _inferred_date(tagged, previous_date, bool(foreign), clause, b)
    if inferred is not None:
        return inferred
    if heading_date:
        return [(heading_date, "heading", None)]
    return [(None, None, None)]


def _coordinated_dates(
    text: str,
    tagged: Tagged,
    dated: list[tuple[Tag, int, int]],
    clause: tuple[int, int],
    match: _Match,
) -> _Dates | None:
    """The dates coordinated after the match ("visited in 1985 and 1988") or opening its
    clause ("In 2004 and again in 2006, ..."), one per event; ``None`` where there are none."""
    m = match.match
    a, _ = match.core
    after = [(t, s, e) for t, s, e in dated if s >= m.end() and clause[0] <= s <= clause[1]]
    if len(after) >= 2:
        first = after[0]
        tail = tagged.string[first[2] : clause[1]]
        coordinated = _COORDINATED.match(tail) or _COORDINATED_NAMED.match(tail)
        if coordinated:
            count = 1 + len(re.findall(r"⟨D\d+⟩", coordinated.group(0)))
            return [(_date_value(t), "stated", _date_text(text, t)) for t, _, _ in after[:count]]
    opening = _COORDINATED_BEFORE.match(tagged.string, clause[0], a)
    if opening:
        # "In 2004 and again in 2006, Hu Jintao made state visits to Nigeria"
        tokens = re.findall(r"⟨D\d+⟩", opening.group(0))
        chosen = [tagged.tag_of(tok) for tok in tokens]
        return [
            (_date_value(t), "stated", _date_text(text, t))
            for t in chosen
            if t is not None and _date_value(t)
        ]
    return None


_NEXT_CLAUSE_DATE = re.compile(r",\s*(?:and|but|while|whereas)\s*,?\s*(?:(?:in|on|by)\s+)?$")
_SUBJECT_AFTER = re.compile(r"\s*,?\s*(?:the\s+)?(?:⟨[SPC]\d+⟩|[A-Z])")


def _date_distance(
    string: str,
    core: tuple[int, int],
    others: Sequence[tuple[int, int]],
    item: tuple[Tag, int, int],
) -> tuple[int, int]:
    """How far a date stands from the trigger ``core``: explicit dates before named periods,
    a date that belongs to another verb pushed far away."""
    a, b = core
    t, s, e = item
    gap = s - b if s >= b else a - e if e <= a else 0
    if s >= b and _NEXT_CLAUSE_DATE.search(string, b, s) and _SUBJECT_AFTER.match(string, e):
        # "relations were established in 1971, and, by 1973, the Shah was providing loans":
        # a date opening the next coordinated clause, with its own subject, is that clause's
        # (not "... with Afghanistan, and in 1919 became the first country to recognise").
        gap += 200
    elif e <= a and _OTHER_PREDICATE.search(string[e:a]):
        # "recognized X on 5 September and re-established relations on 5 December":
        # a date before another verb belongs to that verb.
        gap += 200
    elif _beyond_other_verb(string, (a, b), (s, e), others) or (
        e <= a
        and (
            _SEQUENCE_BEFORE.match(string, e, a) is not None
            or _SUBJECT_BETWEEN.fullmatch(string, e, a) is not None
        )
        and _complement_of_other(string, (s, e), others)
    ):
        # "severed in 1979 and restored in 2001": the date past another event's verb
        # is that verb's, unless the two verbs share it ("severed and restored in 1994").
        gap += 200
    return (1 if t.period else 0, max(gap, 0))


# A date of a state of things ("as of 2009", "by 2010") before an act told in the perfect ("to
# have signed", "had recognised"): the act happened by then, at a time the text does not say.
_STATE_AT = re.compile(r"\b(?:as\s+of|by)\s+$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+|already\s+|all\s+)?$", re.IGNORECASE)
_PERFECT_HEAD = re.compile(r"(?:has|have|had)\s+(?!been\b)\w+ed\b", re.IGNORECASE)


_CONTRAST = re.compile(r",\s+(?:however|but|while|whereas|although|though)\s", re.IGNORECASE)


def _nearest_date(
    text: str,
    tagged: Tagged,
    dated: list[tuple[Tag, int, int]],
    clause: tuple[int, int],
    core: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> _Dates | None:
    """The nearest date in the clause (``stated``), else in the sentence (``sentence``)."""

    def distance(item: tuple[Tag, int, int]) -> tuple[int, int]:
        return _date_distance(tagged.string, core, others, item)

    in_clause = [x for x in dated if clause[0] <= x[1] and x[2] <= clause[1]]
    if in_clause:
        tag, start, _ = min(in_clause, key=distance)
        value = _date_value(tag)
        if (
            value
            and _STATE_AT.search(tagged.string, 0, start)
            and (
                _PERFECT.search(tagged.string, max(0, core[0] - 40), core[0])
                or _PERFECT_HEAD.match(tagged.string, core[0])
            )
        ):
            # "as of 2009 Jordan was one of three nations to have signed": by then, not then.
            value = f"../{_year_of(value)}" if "/" not in value else value
        return [(value, "stated", _date_text(text, tag))]
    # A date in a contrasted clause past another event's verb is that verb's: "Mexico opened
    # a resident embassy in Tirana, however the embassy was closed in 1979" (not a participle's:
    # "cut all ties ..., closing its embassy in Honiara on 17 September 2019").
    dated = [
        x
        for x in dated
        if not (
            _CONTRAST.search(tagged.string, core[1], x[1])
            and _beyond_other_verb(tagged.string, core, (x[1], x[2]), others)
        )
    ]
    if dated:
        tag = min(dated, key=distance)[0]
        own_day = _own_day(tagged.string, clause, _date_value(tag))
        if own_day is not None:
            return [own_day]
        return [(_date_value(tag), "sentence", _date_text(text, tag))]
    return None


# One day of a month ("16 February", "June 14"), not a range of days ("21–22 May").
_DAY_MONTH = re.compile(
    r"(?<![\d–-])(?<![\d–-]\s)\b(?:(?P<d>\d{1,2})\s+(?P<m>[A-Z][a-z]+)"
    r"|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2})(?!\s?[–-]|\d))\b"
)


def _own_day(
    string: str, clause: tuple[int, int], sentence_value: str | None
) -> tuple[str, DateSource, str] | None:
    """The day a clause names without its year, in the year of the sentence's date: "..., Japan
    closed its embassy on 16 February" after "... on 11 February 2015" is 2015-02-16."""
    year = re.fullmatch(r"(\d{4})(?:-\d{2}){0,2}", sentence_value or "")
    if year is None:
        return None
    for m in _DAY_MONTH.finditer(string, clause[0], clause[1]):
        month = MONTHS.get((m.group("m") or m.group("m2")).casefold())
        day = int(m.group("d") or m.group("d2"))
        if month is not None and 1 <= day <= 31:
            return f"{year.group(1)}-{month:02d}-{day:02d}", "sentence", m.group(0)
    return None


def _inferred_date(
    tagged: Tagged,
    previous_date: tuple[str, str] | None,
    foreign: bool,
    clause: tuple[int, int],
    b: int,
) -> _Dates | None:
    """The year of the sentence before (``inferred``), for a sentence without a date of its own
    ("Later that year", or no word that moves the time); ``foreign``: the sentence has a date
    of a relative clause."""
    if previous_date is not None and _SAME_YEAR.search(tagged.string, 0, b):
        return [(_year_of(previous_date[0]), "inferred", previous_date[1])]
    if previous_date is not None and _DAYS_OF_A_MONTH.fullmatch(previous_date[0]):
        previous_date = (previous_date[0][:10], previous_date[1])
    if (
        previous_date is not None
        and not foreign
        and _POINT_DATE.fullmatch(previous_date[0])
        and not _TIME_SHIFT.search(tagged.string)
        and not _OWN_PERIOD.search(tagged.string)
        and not _PRESENT.search(tagged.string, clause[0], b)
        and not _PRESENT_AFTER.match(tagged.string, b)
    ):
        if _DAY_WITHOUT_YEAR.search(tagged.string):
            # "The United Kingdom extended recognition on 13 June" after "... on 11 June
            # 2006": that day of the year before, if it comes later in it.
            own = _own_day(tagged.string, clause, previous_date[0])
            if own is None or own[0] < previous_date[0][: len(own[0])]:
                return None
            return [(own[0], "inferred", previous_date[1])]
        # What follows a dated sentence happened about then: its month, not its day.
        return [(month_of(previous_date[0]), "inferred", previous_date[1])]
    return None


def _in_future(value: str | None) -> bool:
    """Whether an event date begins after the current year (no article reports it done)."""
    low = lower_year(value) if value else None
    return low is not None and low > datetime.date.today().year


def _year_of(value: str) -> str:
    """A day or month reduced to its year ("1983-10-09" -> "1983"); other values unchanged."""
    m = re.fullmatch(r"(\d{4})-\d{2}(?:-\d{2})?", value)
    return m.group(1) if m else value


def _start_of(value: str | None) -> str | None:
    """The start of an interval ("2009/.." -> "2009"); other values unchanged."""
    if value is None or "/" not in value:
        return value
    start = value.split("/")[0]
    return start if start and start != ".." else value


# An interval whose end the text writes: "from 1962 to 1975", "between 1941 and 1946", "until
# 1990", "1941–1946"; not a named period ("during World War II": its end is not the act's).
_WRITTEN_END = re.compile(r"\b(?:to|until|till|through|and)\b|\d\s*[–—-]\s*\d", re.IGNORECASE)


def _split(value: str | None, text: str | None) -> bool:
    """Whether an interval may be cut to its start: one still open ("since 2009") or written
    with its end ("from 1962 to 1975"), not a named period ("during World War II")."""
    if value is None or "/" not in value:
        return False
    return value.endswith("/..") or bool(text and _WRITTEN_END.search(text))


def _written_end(value: str | None, text: str | None) -> str | None:
    """The end of a closed interval the text writes ("2013-11-20/2016-01-07" -> "2016-01-07",
    "../1990" -> "1990"); ``None`` for an open interval, a single date or a named period."""
    if value is None or "/" not in value or not text or not _WRITTEN_END.search(text):
        return None
    end = value.split("/")[1]
    return end if end and end != ".." else None


def _date_value(tag: Tag) -> str | None:
    if tag.period:
        return tag.period
    return tag.date.edtf if tag.date else None


def _date_text(text: str, tag: Tag) -> str:
    return text[tag.start : tag.end]


def _repetition(tagged: Tagged, m: re.Match[str]) -> Quantity | None:
    """The count of times in a match or right after it ("visited Nigeria three times")."""
    for found in re.finditer(r"⟨Q(\d+)⟩", tagged.string[m.start() : m.end() + 14]):
        q = tagged.tags[int(found.group(1))].quantity
        if q is not None and _times(Quantity(q.amount, q.of)) > 1:
            return Quantity(q.amount, q.of)
    return None


def _times(quantity: Quantity | None) -> int:
    """How many times a counted repetition says an act happened ("three times": 3), else 1."""
    if quantity is None or not re.fullmatch(r"times|occasions", quantity.of.strip(), re.I):
        return 1
    amount = int(quantity.amount)
    return amount if 2 <= amount <= 6 else 1
