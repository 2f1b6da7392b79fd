"""The CAMEO converter on real entries of PETRARCH2's dictionaries, and the shipped data files.

The dictionary lines below are copied from ``CAMEO.2.0.txt`` and ``Phoenix.Countries.actors.txt``
of PETRARCH2 (Open Event Data Alliance, MIT licence; see src/dyad/extract/cameo/data/NOTICE).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from dyad.extract.cameo.convert import convert_verbs, verb_forms
from dyad.extract.cameo.convert_actors import convert_actors
from dyad.extract.cameo.leaders import leaders
from dyad.extract.cameo.verbs import all_verb_patterns, verb_patterns
from dyad.vocabulary import EVENT_TYPES

DATA = resources.files("dyad.extract.cameo").joinpath("data")
CODES = DATA.joinpath("codes.tsv").read_text(encoding="utf-8")

VERBS = """\
&TREATY
+TREATY
+PACT
+ACCORD
+WRITTEN_AGREEMENT
+AGREEMENT

####### VERB PATTERNS #######

---  ENACT   [060]  ---
CONSTITUTE
ENACT
ESTABLISH
FOUND   # sha  8/12/93
- * TIES                                              [050]         # ESTABLISH
- * {DIPLOMATIC RELATIONS}                            [054:054]     # ESTABLISH
- * SELF-RULE                                         [1044]        # INSTITUTE

---  SIGN   [---]  ---
SIGN
- * &TREATY                                           [057:057]     # SIGN
- * {TRADE &TREATY}                                   [061:061]     # SIGN
- * LAW                                               [057]         # SIGN

---  OBTAIN   [---]  ---
+GET_HOLD_OF {+GETTING_HOLD_OF +GOTTEN_HOLD_OF +GOT_HOLD_OF }
GAIN
GET {GETS GETTING GOT GOTTEN }  # PAS 97.9.17
- * RECOGNITION (FROM) +                              [:054]        # GAIN

---  HOST   [043:042]  ---
HOST   # jw   11/14/91
"""


def _rules() -> dict[str, dict[str, object]]:
    data, _ = convert_verbs(VERBS, CODES)
    return {str(r["id"]): r for r in data["rules"]}


def test_cameo_convert_keeps_the_patterns_with_a_dyad_type() -> None:
    rules = _rules()
    assert rules["cameo.enact.16"]["type"] == "relations.established"
    assert rules["cameo.sign.21"]["type"] == "agreement.signed"
    # A signed trade agreement is an agreement signed, not CAMEO's economic cooperation.
    assert rules["cameo.sign.22"]["type"] == "agreement.signed"
    assert rules["cameo.host.32"]["type"] == "visit"
    # Dropped: "established ties" (generic 050), self-rule (a demand), signing a law (domestic),
    # and the bare verbs of "enact" (block code 060: "established a school").
    assert {"cameo.enact.15", "cameo.enact.17", "cameo.sign.23", "cameo.enact.13"}.isdisjoint(rules)


def test_cameo_convert_keeps_a_pattern_to_the_verbs_its_comment_names() -> None:
    relations = _rules()["cameo.enact.16"]
    assert relations["verbs"] == [["ESTABLISH", "ESTABLISHES", "ESTABLISHED", "ESTABLISHING"]]
    assert relations["post"] == [{"words": [["DIPLOMATIC", "RELATIONS"]]}]


def test_cameo_convert_turns_roles_round_for_the_objects_act() -> None:
    rules = _rules()
    # "X gained recognition from Y" [:054]: Y recognises X.
    gained = rules["cameo.obtain.29"]
    assert (gained["type"], gained["subject"]) == ("recognition.granted", "target")
    assert gained["post"] == [
        {"words": [["RECOGNITION"]]},
        {"prep": "FROM", "in": []},
        {"slot": "target"},
    ]
    # "X hosted Y" [043:042]: Y is the visitor.
    assert rules["cameo.host.32"]["subject"] == "target"


def test_cameo_convert_makes_verb_forms_as_petrarch_does() -> None:
    assert verb_forms("ESTABLISH") == ["ESTABLISH", "ESTABLISHES", "ESTABLISHED", "ESTABLISHING"]
    assert verb_forms("GET {GETS GETTING GOT GOTTEN }") == [
        "GET",
        "GETS",
        "GETTING",
        "GOT",
        "GOTTEN",
    ]
    assert verb_forms("+GET_HOLD_OF {+GETTING_HOLD_OF +GOT_HOLD_OF }") == [
        "GET HOLD OF",
        "GETTING HOLD OF",
        "GOT HOLD OF",
    ]
    assert verb_forms("+BEEF_UP") == ["BEEF UP", "BEEFS UP", "BEEFED UP", "BEEFING UP"]


ACTORS = """\
SADDAM_HUSSEIN_  # CountryInfo.txt
\t[IRQELI 550101-790716]
\t[IRQGOV 790716-030409]
\t[IRQGOV 940529-030409]
\t[IRQELI 030409-061230]
TAJIKISTAN_  [TJK]
+STALINABAD_
+STALIN_PEAK_
+MOUNT_GARMO_
\t[USRTJK <910909]
\t[TJKUNR 910909-911221]
\t[TJK >911221]
"""


def test_cameo_convert_actors_keeps_people_with_dated_roles() -> None:
    text, counts = convert_actors(ACTORS)
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    assert rows == [
        "SADDAM HUSSEIN\tIRQ ELI 1955-01-01 1979-07-16;IRQ GOV 1979-07-16 2003-04-09;"
        "IRQ GOV 1994-05-29 2003-04-09;IRQ ELI 2003-04-09 2006-12-30"
    ]  # a country's places with dated codes are no person
    assert counts["people kept"] == 1


def test_cameo_data_files_load_with_types_of_the_vocabulary() -> None:
    every = all_verb_patterns()
    assert len(every) > 1000
    assert all(r.rule.type in EVENT_TYPES for r in every.rules)
    assert all(r.rule.id.startswith("cameo.") and r.rule.priority < 50 for r in every.rules)
    assert 0 < len(verb_patterns()) <= len(every)
    assert len(leaders()) > 15000


@pytest.mark.shared
def test_cameo_data_files_are_what_the_converter_makes(shared: Path) -> None:
    folder = shared / "corpus" / "cameo"
    data, _ = convert_verbs((folder / "CAMEO.2.0.txt").read_text(errors="replace"), CODES)
    shipped = json.loads(DATA.joinpath("verbs.json").read_text(encoding="utf-8"))
    assert shipped["rules"] == data["rules"], "run python -m dyad.extract.cameo.convert"
    actors, _ = convert_actors(
        (folder / "Phoenix.Countries.actors.txt").read_text(errors="replace")
    )
    assert DATA.joinpath("leaders.tsv").read_text(encoding="utf-8") == actors
