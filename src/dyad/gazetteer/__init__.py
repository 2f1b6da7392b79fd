"""The gazetteer of states: reference data that every stage reads, below all of them.

Its rows live in ``data/states.tsv`` and ``data/not_states.txt`` (:mod:`dyad.gazetteer.states`
reads them); how names are compared and found is in :mod:`dyad.gazetteer.names`; the
:class:`Gazetteer` that looks states up and finds their mentions is in
:mod:`dyad.gazetteer.lookup`. It imports nothing else of Dyad, so reading, extraction, the store,
the exports and the web can all use it.

>>> gaz = default_gazetteer()
>>> gaz.resolve("Korea, North").code
'PRK'
>>> [(m.text, m.code) for m in gaz.find_mentions("Mongolian-DPRK relations")]
[('Mongolian', 'MNG'), ('DPRK', 'PRK')]
"""

from __future__ import annotations

from dyad.gazetteer.lookup import Gazetteer, default_gazetteer
from dyad.gazetteer.states import (
    AmbiguousStateError,
    CowCode,
    Form,
    FormKind,
    GazetteerError,
    Mention,
    State,
    StateKind,
    UnknownStateError,
    parse_not_states,
    parse_states,
)

__all__ = [
    "AmbiguousStateError",
    "CowCode",
    "Form",
    "FormKind",
    "Gazetteer",
    "GazetteerError",
    "Mention",
    "State",
    "StateKind",
    "UnknownStateError",
    "default_gazetteer",
    "parse_not_states",
    "parse_states",
]
