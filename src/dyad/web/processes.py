"""Several server processes on one address, each listening on its own socket.

uvicorn's workers share one listening socket, and whichever process wakes first accepts the
connection and keeps it for as long as the client keeps it alive: 32 keep-alive clients were
split 25/7 between two workers in one run and 16/16 in the next, and the busier process set
every run's tail. Here each process binds the address itself with ``SO_REUSEPORT``, and the
kernel spreads new connections over the sockets by a hash of the connection's addresses, so
that no process takes them all because it was idle when they arrived.

The parent only starts the processes and waits: when one of them ends, or the parent is
interrupted or terminated, it stops the others. A process whose parent is killed outright
(``kill -9``) ends too (Linux: ``PR_SET_PDEATHSIG``; elsewhere it notices within a second).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path
from types import FrameType
from typing import Any

PR_SET_PDEATHSIG = 1


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` that other processes may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _end_with_parent(parent: int) -> None:
    """End this process when the process that started it ends, however it ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)

    def watch() -> None:  # where prctl is not there, and the parent that ended before it ran
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker(options: dict[str, Any], parent: int) -> None:
    """One server process: its own socket on the address, its own application and stores."""
    _end_with_parent(parent)
    import uvicorn

    from dyad.web.app import create_app

    sock = listening_socket(options["host"], options["port"])
    app = create_app(
        options["db"],
        readonly=options["readonly"],
        cache_size=options["cache_size"],
        threads=options["threads"],
    )
    config = uvicorn.Config(app, log_level=options["log_level"], access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def serve_processes(
    db_path: str | Path,
    host: str,
    port: int,
    *,
    workers: int,
    readonly: bool,
    cache_size: int,
    threads: int,
    log_level: str,
) -> None:
    """Run ``workers`` server processes on ``host:port`` until one ends or this is stopped."""
    options = {
        "db": str(Path(db_path).resolve()),
        "host": host,
        "port": port,
        "readonly": readonly,
        "cache_size": cache_size,
        "threads": threads,
        "log_level": log_level,
    }
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_worker, args=(options, os.getpid()), name=f"dyad-web-{i + 1}")
        for i in range(workers)
    ]

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for process in processes:
            process.start()
        wait([p.sentinel for p in processes])  # until one ends (or an interruption)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join()
