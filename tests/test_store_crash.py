"""Crash consistency: a process killed with SIGKILL in the middle of ingesting leaves a database
that opens, passes integrity and foreign-key checks, and holds every document either whole (in
one of its versions) or not at all."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.store import Store
from store_helpers import DocBuilder, consistency_problems

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import json, sys
from dyad.store import Store
store = Store(sys.argv[1])
for number, line in enumerate(open(sys.argv[2], encoding="utf-8")):
    print("begin", number, flush=True)
    store.ingest(json.loads(line))
    print("done", number, flush=True)
print("finished", flush=True)
"""

STATES = ["MNG", "PRK", "CHN", "RUS", "KOR", "JPN", "USA", "GBR", "FRA", "DEU", "IND", "KAZ"]


def _document(number: int, version: int) -> list[dict[str, object]]:
    """A big document (many events over many pairs), so that its transaction takes a while."""
    rng = random.Random(number)
    doc = DocBuilder(f"Document {number}")
    for i in range(1000):
        a, b = rng.sample(STATES, 2)
        year = 1900 + rng.randrange(120) + version
        kind = rng.choice(["visit", "relations.established", "agreement.signed", "meeting"])
        doc.event(
            kind,
            f"{year}-{rng.randrange(1, 13):02d}",
            f"Version {version}: {a} and {b}, {kind} number {i} of document {number}.",
            actors=[a, b],
            source=a if kind == "visit" else None,
            target=b if kind == "visit" else None,
            persons=[{"name": f"Person {i % 37}", "state": a, "role": "envoy"}],
        )
    for i in range(50):
        doc.gloss(f"Anchor {i}", f"Gloss {i} of document {number}, version {version}.")
    doc.tenure(f"Envoy {number}", "MNG", "PRK", str(1950 + version), None)
    return doc.records()


def _run_child(db: Path, stream: Path, *, kill_after: int | None) -> bool:
    """Ingest ``stream`` in a child; SIGKILL it soon after document ``kill_after`` begins.

    Return whether the child was killed before finishing.
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(stream)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    killed = False
    for line in proc.stdout:
        if kill_after is not None and line.split()[:2] == ["begin", str(kill_after)]:
            # somewhere inside this document's transaction, most of the time
            time.sleep(random.uniform(0.0, 0.08))
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
    proc.wait(timeout=120)
    proc.stdout.close()
    if killed:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 0
    return killed


def _write(path: Path, docs: list[list[dict[str, object]]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for records in docs:
            handle.write(json.dumps(records, ensure_ascii=False) + "\n")


def _check(
    db: Path, versions: list[list[list[dict[str, object]]]], in_flight: int | None = None
) -> dict[str, int]:
    """Every document whole in one of ``versions`` or absent; return how many were which
    (and under ``"in_flight"`` the version index of document ``in_flight``, -1: absent)."""
    assert consistency_problems(db) == []
    seen = {"absent": 0, **{f"v{v}": 0 for v in range(len(versions))}}
    with Store(db) as store:
        assert store.check() == []
        stored = {d.id for d in store.documents(limit=1000)}
        for number in range(len(versions[0])):
            doc_id = str(versions[0][number][0]["id"])
            if doc_id not in stored:
                seen["absent"] += 1
                if number == in_flight:
                    seen["in_flight"] = -1
                continue
            records = store.records(doc_id)
            matches = [v for v, docs in enumerate(versions) if records == docs[number]]
            assert matches, f"{doc_id} is stored, but as no complete version"
            seen[f"v{matches[0]}"] += 1
            if number == in_flight:
                seen["in_flight"] = matches[0]
    return seen


def test_store_crash_sigkill_mid_ingest(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    count = 7
    v1 = [_document(n, 1) for n in range(count)]
    v2 = [_document(n, 2) for n in range(count)]
    first, second = tmp_path / "v1.jsonl", tmp_path / "v2.jsonl"
    _write(first, v1)
    _write(second, v2)

    # Killed while adding: the documents before are whole, the one in flight whole or absent.
    interrupted = 0
    assert _run_child(db, first, kill_after=3)
    seen = _check(db, [v1], in_flight=3)
    assert seen["v0"] >= 3
    assert seen["v0"] + seen["absent"] == count
    interrupted += seen["in_flight"] == -1

    # Killed again while adding the rest, then while replacing with a new version.
    assert _run_child(db, first, kill_after=5)
    interrupted += _check(db, [v1], in_flight=5)["in_flight"] == -1
    assert not _run_child(db, first, kill_after=None)
    assert _check(db, [v1]) == {"absent": 0, "v0": count}
    for kill_after in (2, 4, 6):
        assert _run_child(db, second, kill_after=kill_after)
        seen = _check(db, [v1, v2], in_flight=kill_after)
        assert seen["absent"] == 0
        assert seen["v1"] >= kill_after
        interrupted += seen["in_flight"] == 0  # still the old version: killed mid-replace

    # The kills did land inside transactions (each does with high probability).
    assert interrupted >= 1

    # Finishing the run leaves the new version everywhere.
    assert not _run_child(db, second, kill_after=None)
    assert _check(db, [v1, v2]) == {"absent": 0, "v0": 0, "v1": count}
