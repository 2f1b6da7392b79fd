"""Starting the server: a missing or unreadable knowledge base fails before listening, with
the store's message; ``python -m dyad.web`` says so and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.store import SchemaOutdatedError
from dyad.web import create_app, serve
from dyad.web.__main__ import main


def test_web_serve_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.db"
    with pytest.raises(FileNotFoundError, match="no knowledge base there"):
        create_app(missing)
    announced: list[str] = []
    with pytest.raises(FileNotFoundError):
        serve(missing, announce=announced.append)
    assert announced == []  # the address is printed only when there is something to serve
    assert main(["--db", str(missing)]) == 1
    assert "no knowledge base there" in capsys.readouterr().err


def test_web_serve_unmigrated_file(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty database: schema version 0
    with pytest.raises(SchemaOutdatedError, match="open it once for writing"):
        create_app(path)


def test_web_threads_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages computed at once in a server process: ``create_app(threads=)`` and, for the
    workers ``serve(workers=N)`` starts, ``DYAD_WEB_THREADS``; any number serves the same page."""
    from fastapi.testclient import TestClient

    from dyad.web.app import app_from_environment
    from dyad.web.stores import COMPUTING
    from web_helpers import kb_path

    path = kb_path()
    monkeypatch.setenv("DYAD_WEB_DB", str(path))
    monkeypatch.setenv("DYAD_WEB_CACHE", "0")
    monkeypatch.setenv("DYAD_WEB_THREADS", "1")
    with (
        TestClient(app_from_environment()) as one,
        TestClient(create_app(path, cache_size=0)) as default,
        TestClient(create_app(path, cache_size=0, threads=3)) as three,
    ):
        replies = [c.get("/dyad/MNG/PRK.json") for c in (one, default, three)]
        assert [r.status_code for r in replies] == [200, 200, 200]
        assert replies[0].json()["title"] == "Mongolia – North Korea"
        assert replies[0].content == replies[1].content == replies[2].content
        tokens = [c.app.state.web.limiter.total_tokens for c in (one, default, three)]
        assert tokens == [1, COMPUTING, 3]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _gone(pids: list[int], deadline: float) -> list[int]:
    """The processes of ``pids`` still there when they have all ended or the deadline passed."""
    import time

    left = pids
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [p for p in left if Path(f"/proc/{p}").exists() and _alive(p)]
    return left


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("stop", ["terminate", "kill"])
def test_web_serve_workers(stop: str) -> None:
    """``serve(workers=2)``: two processes answer on one address, each on its own socket, and
    none is left behind when the server is stopped, or killed outright (``kill -9``)."""
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from web_helpers import kb_path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = f"import sys; from dyad.web import serve; serve(sys.argv[1], port={port}, workers=2)"
    server = subprocess.Popen([sys.executable, "-c", code, str(kb_path())])
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
            workers = [p for p in _children(server.pid) if "spawn_main" in _cmdline(p)]
        assert len(workers) == 2, "two worker processes"
        answered: set[int] = set()
        while answered != {200} and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dyad/MNG/PRK.json") as r:
                    answered.add(r.status)
                    assert r.read().startswith(b'{"title":"Mongolia')
            except OSError:
                time.sleep(0.2)
        assert answered == {200}
        # one worker may answer before the other has finished starting: wait for both
        listening = [p for p in workers if _listens(p, port)]
        while listening != workers and time.monotonic() < deadline:
            time.sleep(0.2)
            listening = [p for p in workers if _listens(p, port)]
        assert listening == workers, "each worker has its own socket on the address"
        started = _children(server.pid)  # the workers and multiprocessing's resource tracker
    finally:
        if stop == "terminate":
            server.terminate()
        else:
            server.send_signal(signal.SIGKILL)
        server.wait(60)
    assert _gone(started, time.monotonic() + 60) == []


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""


def _listens(pid: int, port: int) -> bool:
    """Whether the process holds a socket listening on ``port`` (from ``/proc/net/tcp``)."""
    import os

    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed since listed
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port and inode in inodes:
                return True
    return False
