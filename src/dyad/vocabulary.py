"""The event vocabulary (``docs/spec/vocabulary.md``): types, direction, CAMEO and PLOVER codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["directed", "reciprocal", "either"]


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    direction: Direction
    cameo: str | None
    plover: str | None
    label: str

    @property
    def family(self) -> str:
        return self.name.split(".")[0]


_TYPES = (
    EventType("recognition.granted", "directed", "054", "SUPPORT", "recognition granted"),
    EventType("recognition.withdrawn", "directed", "161", "SANCTION", "recognition withdrawn"),
    EventType("relations.established", "reciprocal", "054", "SUPPORT", "relations established"),
    EventType("relations.upgraded", "either", "050", "SUPPORT", "relations upgraded"),
    EventType("relations.downgraded", "either", "161", "SANCTION", "relations downgraded"),
    EventType("relations.severed", "either", "161", "SANCTION", "relations severed"),
    EventType("relations.suspended", "either", "161", "SANCTION", "relations suspended"),
    EventType("relations.restored", "reciprocal", "050", "SUPPORT", "relations restored"),
    EventType("relations.improved", "reciprocal", None, None, "relations improved"),
    EventType("relations.deteriorated", "reciprocal", None, None, "relations deteriorated"),
    EventType("mission.opened", "directed", "054", "SUPPORT", "mission opened"),
    EventType("mission.closed", "directed", "161", "SANCTION", "mission closed"),
    EventType("envoy.recalled", "directed", "161", "SANCTION", "envoy recalled"),
    EventType("envoy.summoned", "directed", "114", "ACCUSE", "envoy summoned"),
    EventType("envoy.accredited", "directed", "050", "SUPPORT", "envoy accredited"),
    EventType("diplomats.expelled", "directed", "161", "SANCTION", "diplomats expelled"),
    EventType("visit", "directed", "042", "CONSULT", "visit"),
    EventType("meeting", "reciprocal", "040", "CONSULT", "meeting"),
    EventType("invitation", "directed", "036", "AGREE", "invitation"),
    EventType("agreement.signed", "either", "057", "SUPPORT", "agreement signed"),
    EventType("agreement.ratified", "either", "057", "SUPPORT", "agreement ratified"),
    EventType("agreement.in-force", "reciprocal", "057", "SUPPORT", "agreement in force"),
    EventType("agreement.terminated", "either", "161", "SANCTION", "agreement terminated"),
    EventType("aid.provided", "directed", "070", "AID", "aid provided"),
    EventType("cooperation.economic", "reciprocal", "061", "COOPERATE", "economic cooperation"),
    EventType("cooperation.military", "reciprocal", "062", "COOPERATE", "military cooperation"),
    EventType("cooperation.other", "reciprocal", "060", "COOPERATE", "other cooperation"),
    EventType("sanctions.imposed", "directed", "163", "SANCTION", "sanctions imposed"),
    EventType("sanctions.lifted", "directed", "085", "RETREAT", "sanctions lifted"),
    EventType("asylum.granted", "directed", "075", "AID", "asylum granted"),
    EventType("migration", "directed", None, None, "migration"),
    EventType("protest", "directed", "111", "ACCUSE", "protest"),
    EventType("statement", "directed", "010", None, "statement"),
    EventType("dispute.territorial", "either", "100", "DEMAND", "territorial dispute"),
    EventType("dispute.other", "either", "110", "ACCUSE", "dispute"),
    EventType("conflict.armed", "reciprocal", "190", "ASSAULT", "armed conflict"),
    EventType("conflict.occupation", "directed", "192", "COERCE", "occupation"),
    EventType("conflict.intervention", "directed", "190", "ASSAULT", "military intervention"),
)

EVENT_TYPES: dict[str, EventType] = {t.name: t for t in _TYPES}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(t.family for t in _TYPES))


def event_type(name: str) -> EventType:
    """The vocabulary entry for ``name``; raises ``KeyError`` naming the known types."""
    try:
        return EVENT_TYPES[name]
    except KeyError:
        raise KeyError(f"unknown event type {name!r}; see docs/spec/vocabulary.md") from None
