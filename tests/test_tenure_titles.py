"""The titles that head lists of envoys (extract/tenures.envoy_title): the role, the state
that sends and the state that receives, with the page's subject filling a side left unnamed."""

from __future__ import annotations

import pytest

from dyad.extract.tenures import envoy_title
from dyad.gazetteer import default_gazetteer

CASES = [
    # (title, page subject, (role, sending, receiving) or None)
    ("Mongolian ambassadors to North Korea", None, ("ambassador", "MNG", "PRK")),
    ("List of ambassadors of Japan to China", None, ("ambassador", "JPN", "CHN")),
    ("High commissioners of India in Canada", None, ("high commissioner", "IND", "CAN")),
    ("Ambassadors of Albania", None, ("ambassador", "ALB", None)),
    # One side named: the page's subject is the other, unless it is the named one.
    ("Ambassadors to Mongolia", "PRK", ("ambassador", "PRK", "MNG")),
    ("Ambassadors of Japan", "JPN", ("ambassador", "JPN", None)),
    ("Ambassadors", "PRK", None),
    ("Economy", "PRK", None),
]


@pytest.mark.parametrize(("title", "subject", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tenure_titles_role_and_sides(
    title: str, subject: str | None, expected: tuple[str, str | None, str | None] | None
) -> None:
    assert envoy_title(title, default_gazetteer(), subject) == expected
