"""Whether a value is valid EDTF: the forms :mod:`dyad.extract.dates` writes checked directly,
anything else by the ``edtf`` package's grammar."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from edtf import parse_edtf

# The forms this module writes: a year, month, day, season, decade or century, each perhaps
# approximate or uncertain. Checking them here is thousands of times faster than the ``edtf``
# package's grammar (about 4.5 ms a value), which stays the judge of everything else.
_SIMPLE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]|2[1-4])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?)?[~?%]?"
    r"|\d{3}X[~?%]?|\d{2}XX[~?%]?"
)


def _simple_ok(part: str) -> bool | None:
    """True/False for the forms :data:`_SIMPLE` knows, ``None`` for anything else."""
    m = _SIMPLE.fullmatch(part)
    if m is None:
        return None
    if m.group("day"):
        month = int(m.group("month"))
        if month > 12:
            return False  # a season has no days
        try:
            date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            return False  # "1977-09-31"
    return True


@lru_cache(maxsize=8192)
def is_valid_edtf(value: str) -> bool:
    """Whether ``value`` is valid EDTF (open ends ``..`` included).

    The common forms are checked directly; anything else is given to the ``edtf`` package.
    """
    parts = value.split("/")
    if len(parts) == 1:
        fast = _simple_ok(value)
    elif len(parts) == 2 and parts != ["..", ".."]:
        checks = [True if p == ".." else _simple_ok(p) for p in parts]
        fast = None if None in checks else all(checks)
    else:
        fast = None
    if fast is not None:
        return fast
    try:
        parse_edtf(value)
    except Exception:
        return False
    return True
