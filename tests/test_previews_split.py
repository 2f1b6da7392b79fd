"""Where an anchor ends and its preview begins, on real article openings."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from dyad.read.previews import gloss_flags, split_anchor, strip_truncation


def _sample() -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "abstracts-sample.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        # A link's text is the title without its disambiguating parenthesis.
        anchor = re.sub(r"\s*\([^()]*\)\s*$", "", row["title"]).strip()
        if anchor and row["abstract"].strip() and len(anchor.split()) <= 10:
            rows.append((anchor, row["abstract"].strip()))
    return rows


def test_previews_split_finds_the_anchor_in_real_article_openings() -> None:
    # Openings of the 2019 abstracts, many of them mangled (lost bold subjects, image file
    # names, ALL-CAPS names): a harder test than TheInfoList's previews.
    rows = _sample()
    right = 0
    for anchor, abstract in rows:
        split = split_anchor(f"{anchor} {abstract[:240]} ...")
        right += split is not None and split.anchor == anchor
    assert len(rows) > 500
    assert right / len(rows) >= 0.93


def test_previews_split_handles_lowercase_anchor_with_capitalised_preview() -> None:
    split = split_anchor("capitalism Capitalism is an economic system based on the private ...")
    assert split is not None and split.anchor == "capitalism"


def test_previews_split_a_preview_opening_with_a_list_dash() -> None:
    # Six 2019 abstracts open with a list's dash; two of them whole, as a link line prints
    # them. The dash opens the preview: it ends no link text.
    lines = {
        "Kosovo War": "Kosovo War - KLA veterans join the UÇPMB, starting the Preševo insurgency",
        "List of Serbian football transfers winter 2016–17": (
            "List of Serbian football transfers winter 2016–17 - This is a list of TRANSFERS IN"
            " SERBIAN FOOTBALL FOR THE 2016–17 WINTER TRANSFER WINDOW."
        ),
    }
    for anchor, line in lines.items():
        split = split_anchor(line)
        assert split is not None and (split.anchor, split.preview[:2]) == (anchor, "- ")


def test_previews_split_handles_template_residue() -> None:
    split = split_anchor("Korean War , date = {{Ubl, 25 June 1950 – 27 July 1953 ...")
    assert split is not None and split.anchor == "Korean War"
    assert split.preview.startswith(", date =")


def test_previews_truncation_marker_is_removed_and_reported() -> None:
    assert strip_truncation("is a country in East Asia ...") == ("is a country in East Asia", True)
    assert strip_truncation("is a country.") == ("is a country.", False)


def test_previews_flags_disambiguation_residue_and_mismatch() -> None:
    assert "disambiguation" in gloss_flags("Kim Yong-nam", "Kim", "Kim or KIM may refer to: Names")
    assert "markup" in gloss_flags("Korean War", "Korean War", ", date = {{Ubl, 25 June 1950")
    assert gloss_flags("Kim Il Sung", "Kim Il Sung", "Kim Il-sung (; born 1912) was") == ()
    assert "mismatch" in gloss_flags(
        "Ulaanbaatar", "Ulaanbaatar", "Paris is the capital of France."
    )


@given(st.text(max_size=300))
def test_previews_split_never_crashes_and_keeps_the_line(line: str) -> None:
    split = split_anchor(line)
    if split is not None:
        assert split.anchor and split.anchor in line
        assert line.rstrip().endswith(split.preview)
