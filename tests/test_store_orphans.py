"""``kill -9`` of ``dyad ingest --workers 2`` leaves no worker process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux's /proc")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_store_orphans_killing_ingest_ends_its_workers(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(12):  # enough work that the workers are busy when the parent dies
        for page in sorted((DATA / "wikitext").glob("*.wiki")):
            shutil.copy(page, articles / f"{page.stem}_{i}.wiki")
    dyad = Path(sys.executable).with_name("dyad")
    command = [str(dyad)] if dyad.exists() else [sys.executable, "-m", "dyad.cli"]
    parent = subprocess.Popen(
        [*command, "ingest", "--db", str(tmp_path / "kb.db"), "--workers", "2", str(articles)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: set[int] = set()
        for _ in range(600):  # until the pool has started (bounded: at most a minute)
            workers = {c for c in _children(parent.pid) if _alive(c)}
            if len(workers) >= 2 or parent.poll() is not None:
                break
            time.sleep(0.1)
        assert parent.poll() is None, "ingest ended before its workers could be seen"
        assert workers, "no worker processes seen"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        for _ in range(300):  # the kernel ends them at once; allow a loaded machine time
            if not any(_alive(w) for w in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "workers outlived the killed ingest"
    finally:
        if parent.poll() is None:
            parent.kill()
