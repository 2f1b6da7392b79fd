"""Colours and labels of the event families, shared by the timeline, the legend and the table.

Related families share a hue: contact (visits, meetings, invitations) in blues, relations and
recognition in greens, agreements and cooperation in teals and olives, hostile acts in reds
and oranges. Colours pass 3:1 contrast against the white page.
"""

from __future__ import annotations

from dyad.vocabulary import EVENT_TYPES, FAMILIES

FAMILY_COLOURS: dict[str, str] = {
    "recognition": "#2e7d32",
    "relations": "#1b5e20",
    "mission": "#6a1b9a",
    "envoy": "#ad1457",
    "diplomats": "#c62828",
    "visit": "#1565c0",
    "meeting": "#0277bd",
    "invitation": "#5c6bc0",
    "agreement": "#00796b",
    "aid": "#8d6e00",
    "cooperation": "#558b2f",
    "sanctions": "#d84315",
    "asylum": "#6d4c41",
    "migration": "#4e6a78",
    "protest": "#e65100",
    "statement": "#616161",
    "conflict": "#b71c1c",
}
FALLBACK_COLOUR = "#757575"

FAMILY_LABELS: dict[str, str] = {
    "recognition": "Recognition",
    "relations": "Relations",
    "mission": "Missions",
    "envoy": "Envoys",
    "diplomats": "Diplomats",
    "visit": "Visits",
    "meeting": "Meetings",
    "invitation": "Invitations",
    "agreement": "Agreements",
    "aid": "Aid",
    "cooperation": "Cooperation",
    "sanctions": "Sanctions",
    "asylum": "Asylum",
    "migration": "Migration",
    "protest": "Protests",
    "statement": "Statements",
    "conflict": "Armed conflict",
}

# relation states of the status band (store/status.py)
STATUS_COLOURS: dict[str, str] = {
    "none": "#e0e0e0",
    "relations": "#81c784",
    "severed": "#e57373",
    "suspended": "#ffb74d",
    "unknown": "#f5f0e1",  # relations broken at a time no source gives (a renewal followed)
}


def family(event_type: str) -> str:
    return event_type.split(".")[0]


def colour(event_type: str) -> str:
    return FAMILY_COLOURS.get(family(event_type), FALLBACK_COLOUR)


def type_label(event_type: str) -> str:
    known = EVENT_TYPES.get(event_type)
    return known.label if known else event_type


def family_order(name: str) -> int:
    return FAMILIES.index(name) if name in FAMILIES else len(FAMILIES)
