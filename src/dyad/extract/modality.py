"""Modality of an event: whether the words before its trigger say it happened.

An event is ``occurred`` unless the words of its clause just before the trigger say otherwise:
negation ("did not", "refused to": ``negated``), cancellation ("postponed", "was deferred":
``cancelled``), plans, attempts and requests ("plans to", "sought to", "urged X to":
``planned``) or conditions ("would", "could have": ``hypothetical``; "would later" happened).
Status, panels and counts use only events that occurred.
"""

from __future__ import annotations

import re

from dyad.extract.tagging import Tagged
from dyad.model import Modality

_NEGATION = re.compile(
    r"\b(?:not|never|no longer|refused to|refuses to|refusing to|declined to|failed to|denied"
    r"|did not|didn't|has not|have not|had not|without)\b",
    re.I,
)
_CANCELLED = re.compile(
    r"\b(?:cancel(?:l?ed|s)?|postponed|called off|scrapped|deferred|shelved|put off|put on hold)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:plans? to|planned to|planning to|will|is to|are to|was to|were to|agreed to"
    r"|expected to|scheduled to|intends? to|intended to|to be held|proposed|invited to"
    r"|sought to|seeks? to|seeking to|tried to|tries to|trying to|attempted to|attempts? to"
    r"|hopes? to|hoped to|aims? to|aimed to|wants? to|wanted to|wish(?:es|ed)? to|was due to"
    r"|were due to|promised to|pledged to|vowed to|offered to|proposal to|would like to)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|if|unless|possibility\s+of|prospect\s+of|threat\s+of"
    r"|risk\s+of|threatened\s+to|threatening\s+to|in\s+case\s+of|potential"
    # "Fearing a Japanese invasion", "a plan for a war with": feared or planned, not done.
    r"|fear(?:s|ed|ing)?|fear\s+of|plans?\s+for)\b",
    re.I,
)
# "refused a request by X to cut relations", "urged Y to recognize": asked for, not done.
_REQUESTED = re.compile(
    r"\b(?:asked|requested|requests?|urged|urging|called\s+on|calls\s+on|pressed|pressured"
    r"|pushing|pushed|lobbied|lobbying|pressing|pressuring"
    r"|demanded|demands|encouraged|persuaded|pressure|appealed\s+to|ready|willing|prepared)\b"
    r"[^;]{0,60}?\bto\s+(?:\w+ly\s+)?$",
    re.I,
)
# Where a clause of its own, with its own verb, begins after the trigger.
_SUBORDINATE = re.compile(r"\b(?:when|because|since|after|as\s+a\s+result|and\s+as)\b", re.I)
# A clause of its own begins before the trigger: "did not abide by the treaty when they
# blockaded", "does not state when X and Y established relations": the "not" governs the verb
# before the subordinator, not the trigger after it.
_SUBORDINATOR = re.compile(
    r"\b(?:when|whenever|because|after|before|while|whereas|although|though|until|once)\b", re.I
)


def _after_last_subordinator(before: str) -> str:
    """The words before a trigger from the last subordinating conjunction on."""
    ends = [m.end() for m in _SUBORDINATOR.finditer(before)]
    return before[ends[-1] :] if ends else before


# A negation at the head of the match itself, where a rule's words run from its subject to its
# verb: "Finland has not recognized the State of Palestine".
_HEAD_NEGATION = re.compile(r"(?:(?:has|have|had|did|does|do|was|were)\s+)(?:not|never)\s", re.I)

# "would later visit": the future seen from the past, which happened.
_WOULD_OCCURRED = re.compile(
    r"\bwould\s+(?:later|eventually|soon|subsequently|go\s+on\s+to|then|also\s+later)\b", re.I
)


# "Burma and Cambodia agreed to establish diplomatic relations", "Iran and Sudan agreed to
# restore diplomatic relations": the diplomatic formula of the act itself (the joint
# communiqué), not a plan; "agreed to build a bridge" stays planned.
_AGREED_RELATIONS = re.compile(r"\bagreed\s+to\s+(?:\w+ly\s+)?$", re.I)
_RELATIONS_ACT = re.compile(
    r"(?:establish|re-?establish|restore|resume|normali[sz]e)\s+(?:full\s+|formal\s+|normal\s+)?"
    r"(?:diplomatic\s+)?(?:relations|ties)\b",
    re.I,
)
# A nominal trigger that is then said to be proposed, planned or scheduled: "The establishment
# of relations was proposed by Barbados", "A 25 May 2019 State Visit to Japan is planned by
# President Donald Trump", "The summit is scheduled for 19 May 2023".
_PLANNED_AFTER = re.compile(
    r"(?:(?!\b(?:that|which|who|and|but)\b)[^,;⟨]){0,40}?(?:⟨[SPC]\d+⟩[^,;⟨]{0,30}?)?"
    r"\b(?:is|are|was|were|has\s+been|had\s+been)\s+"
    r"(?:first\s+|also\s+|now\s+)?(?:proposed|planned|scheduled|mooted|envisaged)\b",
    re.I,
)
# The trigger heads a noun phrase that opens its clause: "The establishment of ...", "A ⟨D1⟩
# State Visit".
_NOUN_HEAD = re.compile(r"(?:^|[,;]\s*)(?:the|a|an)\s+(?:[\w⟨⟩-]+\s+){0,3}$", re.I)


def _planned(tagged: Tagged, clause: tuple[int, int], core_start: int, before: str) -> bool:
    """Whether the words before a trigger make it a plan, an attempt or a request, or the
    words right after its noun say it is proposed or planned."""
    if _AGREED_RELATIONS.search(before) and _RELATIONS_ACT.match(tagged.string, core_start):
        before = _AGREED_RELATIONS.sub("", before)
    elif _REQUESTED.search(tagged.string, max(clause[0], core_start - 90), core_start):
        return True
    if _PLANNED.search(before):
        return True
    if not _NOUN_HEAD.search(tagged.string, clause[0], core_start):
        return False
    core_end = re.compile(r"[\w-]+").match(tagged.string, core_start)
    after_noun = core_end.end() if core_end is not None else core_start
    return bool(_PLANNED_AFTER.match(tagged.string, after_noun, clause[1]))


_UNTIL_DATE = re.compile(r"⟨D\d+⟩")
_NOT = re.compile(
    r"\b(?:not|did\s+not|didn't|was\s+not|were\s+not|had\s+not)\s+(?:\w+ly\s+)?$", re.I
)


def not_until(tagged: Tagged, clause: tuple[int, int], core_start: int) -> str | None:
    """ "relations were not established until 1874", "X did not recognize Y until 1969": the
    act happened then. The end of the "until" date after the trigger in its clause (within a
    few words: the verb's object may stand between), where "not" stands right before the
    trigger; None otherwise."""
    if not _NOT.search(tagged.string, max(clause[0], core_start - 30), core_start):
        return None
    date = _UNTIL_DATE.search(tagged.string, core_start, min(clause[1], core_start + 60))
    tag = tagged.tag_of(date.group(0)) if date is not None else None
    if tag is None or tag.date is None or not tag.date.edtf.startswith("../"):
        return None
    return tag.date.edtf[3:] or None


def modality_of(
    tagged: Tagged, clause: tuple[int, int], core_start: int, default: Modality
) -> Modality:
    """The modality of a trigger at ``core_start`` in ``clause`` of a tagged sentence; a rule's
    own modality other than ``occurred`` stands."""
    if default != "occurred":
        return default
    before = tagged.string[max(clause[0], core_start - 45) : core_start]
    if not_until(tagged, clause, core_start) is not None:
        return default  # "were not established until 1874": established then
    if _NEGATION.search(_after_last_subordinator(before)) or _HEAD_NEGATION.match(
        tagged.string, core_start
    ):
        return "negated"
    # "the visit was postponed" after the trigger; not a cancellation told in a clause of its
    # own ("tensions started when the president cancelled the meeting")
    after = _SUBORDINATE.search(tagged.string, core_start, clause[1])
    if _CANCELLED.search(tagged.string[clause[0] : after.start() if after else clause[1]]):
        return "cancelled"
    if _planned(tagged, clause, core_start, before):
        return "planned"
    if _HYPOTHETICAL.search(before[-25:]) and not _WOULD_OCCURRED.search(before):
        return "hypothetical"
    wide = tagged.string[max(clause[0], core_start - 90) : core_start]
    if _WOULD_OCCURRED.search(wide):
        return default
    if re.search(r"\b(?:would|could|might)\s+(?:have\s+)?(?:\w+\s+){0,2}$", wide) or (
        re.search(r"\b(?:would|could|might)\s+have\b", wide)
    ):
        return "hypothetical"  # "would have set off a war", "could have led to"
    return default
