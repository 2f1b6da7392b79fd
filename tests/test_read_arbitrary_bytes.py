"""No reader crashes on arbitrary bytes: a Document or a ReadError naming the file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.read import FORMATS, ReadError, read_file

SINGLE = [f for f in FORMATS if f != "dump"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="{}[]|=*'<>!#-\n \tabcXY12", max_size=2000).map(str.encode),
    ),
    format=st.sampled_from([None, *SINGLE]),
)
def test_read_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes, format: str | None) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    try:
        doc = read_file(path, format)
    except ReadError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        return
    for anchor in doc.anchors:
        assert doc.text[anchor.start : anchor.end] == anchor.text
