"""Hostile and careless inputs, generated from real articles of every format.

Each case ends in a Document whose spans are intact or in a one-line ReadError naming the file:
truncations, byte flips, bad UTF-8, NUL bytes, nesting and markup floods, a file too large to be
an article, and one just under that limit read in bounded memory (in a child process, whose peak
it reports). Counts are bounded; nothing here is timed.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, SEED
from dyad.read import ReadError, read_file
from dyad.read.source import MAX_ARTICLE_BYTES
from reader_checks import check_spans

SAMPLES = {
    "infolist": SEED,
    "wikitext": DATA / "wikitext" / "Foreign_relations_of_Nauru.wiki",
    "text": DATA / "text" / "Albania–Brazil_relations.md",
    "markdown": DATA / "markdown" / "Mongolia–United_Kingdom_relations.md",
    "html": ROOT / "tests" / "golden" / "html" / "Mongolia–United_Kingdom_relations.html",
}
# Markup that nests or repeats, per format: what a careless export or an attacker would send.
FLOODS = {
    "infolist": ["\n\n\nHeading\n", "• " * 40, "[" * 50, "{{" * 50, "[[a|", "x" * 500 + " ...\n"],
    "wikitext": ["== a ==\n", "{{a|", "[[a|", "<span>", "{|\n|a\n"],
    "text": ["A\n\n", "  * a\n", "Heading\n=======\n\n", "| a | b |\n"],
    "markdown": ["# a\n", "> ", "* ", "[a](", "| a | b |\n"],
    "html": ["<h2>a</h2>", "<div>", "<table><tr><td>", "<a href='x'>", "<ul><li>"],
}


def _outcome(path: Path, format: str) -> None:
    """A Document with intact spans, or a one-line ReadError that names the file."""
    try:
        doc = read_file(path, format)
    except ReadError as exc:
        assert str(path) in str(exc)
        assert "\n" not in str(exc)
        return
    check_spans(doc)


def _mutations(data: bytes, rng: random.Random) -> dict[str, bytes]:
    cut = [int(len(data) * f) for f in (0.01, 0.5, 0.97)]
    flipped = bytearray(data)
    for _ in range(40):
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
    middle = len(data) // 2
    return {
        **{f"truncated at {c:,}": data[:c] for c in cut},
        "byte flips": bytes(flipped),
        "bad UTF-8": data[:middle] + b"\xc3\x28\xff\xfe" + data[middle:],
        "NUL bytes": data[:middle] + b"\0" * 64 + data[middle:],
        "NUL late": data + b"\0",
        "UTF-16": data.decode("utf-8", "replace").encode("utf-16"),
        "CR only": data.replace(b"\n", b"\r"),
        "doubled": data + data,
    }


@pytest.mark.parametrize("format", sorted(SAMPLES))
def test_fuzz_inputs_mutated_articles(tmp_path: Path, format: str) -> None:
    data = SAMPLES[format].read_bytes()
    for name, mutated in _mutations(data, random.Random(format)).items():
        path = tmp_path / f"{name.replace(' ', '_')}.in"
        path.write_bytes(mutated)
        _outcome(path, format)


@pytest.mark.parametrize(("format", "unit"), [(f, u) for f in sorted(FLOODS) for u in FLOODS[f]])
def test_fuzz_inputs_markup_floods(tmp_path: Path, format: str, unit: str) -> None:
    # Repeated to 400 kB: many times the markup of any real article, still under the limit.
    path = tmp_path / "flood.in"
    path.write_text("Title\n\n" + unit * (400_000 // len(unit)) + "\nend.\n", encoding="utf-8")
    _outcome(path, format)


@pytest.mark.parametrize("format", sorted(SAMPLES))
def test_fuzz_inputs_file_too_large_is_refused_before_reading(tmp_path: Path, format: str) -> None:
    path = tmp_path / "huge.in"
    with path.open("wb") as fh:
        fh.write(b"A paragraph that never ends. ")
        fh.truncate(50 * 2**20)  # sparse: the size alone must refuse it
    with pytest.raises(ReadError, match="more than one article can be") as info:
        read_file(path, format)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


_CHILD = """
import json, sys
from dyad.read import ReadError, read_file
try:
    doc = read_file(sys.argv[1], sys.argv[2])
    outcome = f"document of {len(doc.text):,} characters"
except ReadError as exc:
    outcome = str(exc)
# VmHWM is this program's own high-water mark; ru_maxrss would carry over the
# parent's (the test worker's) across fork and exec.
with open("/proc/self/status", encoding="ascii") as fh:
    hwm = next(line for line in fh if line.startswith("VmHWM:"))
peak = int(hwm.split()[1]) * 1024
print(json.dumps({"outcome": outcome, "peak": peak}))
"""


def _one_paragraph(size: int) -> str:
    rng = random.Random(size)
    words = "the embassy treaty relations signed in 1948 and trade agreement of".split()
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(rng.choice(words) for _ in range(12)) + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


_WRAP: dict[str, Callable[[str], str]] = {
    "text": lambda body: "Title\n\n" + body + "\n",
    "markdown": lambda body: "# Title\n\n" + body + "\n",
    "html": lambda body: f"<html><head><title>T</title></head><body><p>{body}</p></body></html>",
    "wikitext": lambda body: body + "\n",
}


@pytest.mark.parametrize("format", sorted(_WRAP))
def test_fuzz_inputs_one_paragraph_just_under_the_limit(tmp_path: Path, format: str) -> None:
    path = tmp_path / "paragraph.in"
    text = _WRAP[format](_one_paragraph(MAX_ARTICLE_BYTES - 4096))
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size <= MAX_ARTICLE_BYTES
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), format],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    report = json.loads(run.stdout)
    assert report["peak"] < 500 * 2**20, report
    assert report["outcome"].startswith("document") or str(path) in report["outcome"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    format=st.sampled_from(sorted(SAMPLES)),
    pieces=st.lists(
        st.one_of(
            st.sampled_from([u for units in FLOODS.values() for u in units]),
            st.text(max_size=20),
            st.binary(max_size=8).map(lambda b: b.decode("latin-1")),
        ),
        max_size=60,
    ),
    repeat=st.integers(1, 300),
)
def test_fuzz_inputs_generated_markup(
    tmp_path: Path, format: str, pieces: list[str], repeat: int
) -> None:
    path = tmp_path / "generated.in"
    path.write_text("".join(pieces) * repeat, encoding="utf-8", errors="surrogatepass")
    _outcome(path, format)
