"""``dyad state X``: every partner of a state with its headline facts, as the web's
``/state/X`` lists them, from :meth:`Store.state_dyads` and :meth:`Store.show`."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.store import Store


@dataclass(frozen=True, slots=True)
class Partner:
    """One partner of a state and what the knowledge base says of the pair."""

    code: str
    name: str
    relations_began: str | None  # EDTF date of the (first) establishment, when known
    began_disputed: bool  # sources give several dates
    relations_now: str  # none / relations / severed / suspended
    mission_there: str  # the state's mission in the partner: open / closed / unknown
    mission_here: str  # the partner's mission in the state
    facts: int
    documents: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class StatePartners:
    code: str
    name: str
    partners: tuple[Partner, ...]


def state_partners(store: Store, state: str, limit: int = 1000) -> StatePartners:
    """The partners of ``state`` (a name or code), the most facts first."""
    code = store.resolve(state)
    partners: list[Partner] = []
    for dyad in store.state_dyads(code, limit=limit):
        other = dyad.b if dyad.a == code else dyad.a
        summary = store.show(dyad.a, dyad.b)
        now = summary.status_now
        mine, theirs = (
            (now.mission_a, now.mission_b)
            if dyad.a == code
            else (
                now.mission_b,
                now.mission_a,
            )
        )
        began = summary.relations_began
        partners.append(
            Partner(
                code=other,
                name=dyad.b_name if dyad.a == code else dyad.a_name,
                relations_began=began[0].date if began else None,
                began_disputed=len(began) > 1,
                relations_now=now.relations,
                mission_there=mine,
                mission_here=theirs,
                facts=dyad.facts,
                documents=dyad.documents,
                conflicts=dyad.conflicts,
            )
        )
    return StatePartners(code, store.name(code), tuple(partners))
