"""How fast the web pages answer under load, on loopback.

Run ``python bench/bench_web.py [--seconds 10] [--clients 32] [--workers 1]``.

Starts ``dyad.web.serve`` in a subprocess on 127.0.0.1 for each knowledge base: the example KB
(built under ``bench/.cache/`` from ``examples/`` and ``tests/data``) and the synthetic
1,000,000-event KB that ``bench_store.py`` builds and caches there (built here if missing).
Then drives ``--clients`` concurrent connections for ``--seconds`` at each page: the dyad page
``/dyad/MNG/PRK`` and its JSON, and on the synthetic KB also its largest pair (MNG–PRK has no
events there). With ``wrk`` installed it does the driving (``apt-get install wrk``); otherwise
an asyncio client (httpx) does. Reports requests per second, median and p99 latency, the
server's CPU time per request (its process and its workers', from ``/proc``: what the code
costs, while the latencies are what a shared machine gave it) and the load average before
and after each page. ``--db KB`` measures a given knowledge base (``--pages`` some of its
addresses only).

Each page is measured twice: with the server's reply cache (the default: a page asked for
again while the database is unchanged costs a look-up) and without it (``cache_size=0``:
every request queries the store and renders), so that both are known.

``--baseline DIR`` compares with another checkout's code (``git worktree add /tmp/base main``):
its ``src/`` and this one's are served in turn, ``--rounds`` times a page, each round one
server of each, and the medians and the within-round ratios (this / baseline) are printed:
on a shared machine only what is measured side by side compares. ``--threads N`` sets the
pages computed at once in a server process (``serve(threads=)``; the baseline's own default
is kept where it has no such parameter).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from glob import glob
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
sys.path.insert(0, str(ROOT / "bench"))


@dataclass(frozen=True)
class Result:
    requests: int
    errors: int
    seconds: float
    median_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def example_kb() -> Path:
    from dyad.ingest import ingest_paths
    from dyad.store import Store
    from dyad.store.schema import migrations

    path = CACHE / f"web-example-v{migrations()[-1].version}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    with Store(partial) as store:
        ingest_paths(
            store,
            [
                ROOT / "examples" / "Mongolia–North_Korea_relations.infolist.txt",
                *sorted(glob(str(ROOT / "tests" / "data" / "wikitext" / "*.wiki"))),
                *sorted(glob(str(ROOT / "tests" / "data" / "text" / "*.md"))),
            ],
            workers=2,
        )
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path


def synthetic_kb() -> Path:
    import bench_store
    from dyad.store.schema import migrations

    path = CACHE / f"store-10000-1000000-v{migrations()[-1].version}.db"
    if not path.exists():
        bench_store.build(path, 10_000, 1_000_000)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``dyad.web.serve`` in a subprocess, stopped on exit; the code of ``src`` (a checkout's
    ``src/`` folder) when given, else this one's."""

    def __init__(
        self,
        db: Path,
        *,
        workers: int,
        cache: int,
        threads: int | None = None,
        src: Path | None = None,
    ) -> None:
        self.port = _free_port()
        extra = "" if threads is None else f", threads={threads}"
        code = (
            "import sys; from dyad.web import serve;"
            f" serve(sys.argv[1], port={self.port}, workers={workers}, cache_size={cache}{extra})"
        )
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(db)], cwd=src.parent if src else ROOT, env=env
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children (uvicorn's workers), from
    ``/proc``; NaN where there is none."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for one in (pid, *map(int, children)):
            stat = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(stat[11]) + int(stat[12])
    except OSError:
        return math.nan
    return total / tick


_WRK_LINE = re.compile(r"^\s*(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url: str, clients: int, seconds: float) -> Result:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{seconds:.0f}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = {p: float(v) * _UNITS[u] for p, v, u in _WRK_LINE.findall(out)}
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)[1])  # type: ignore[index]
    errors = 0
    for found in re.finditer(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out):
        if found[1]:
            errors += int(found[1])
        elif found[2]:
            errors += sum(int(n) for n in re.findall(r"\d+", found[2]))
    return Result(requests, errors, seconds, latency["50"], latency["99"])


async def _drive(url: str, clients: int, seconds: float) -> Result:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:

        async def one() -> None:
            nonlocal errors
            while time.monotonic() < stop:
                started = time.perf_counter()
                reply = await client.get(url)
                latencies.append(time.perf_counter() - started)
                errors += reply.status_code != 200

        began = time.monotonic()
        await asyncio.gather(*(one() for _ in range(clients)))
        elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return Result(len(ordered), errors, elapsed, statistics.median(ordered) * 1000, p99 * 1000)


def run_httpx(url: str, clients: int, seconds: float) -> Result:
    return asyncio.run(_drive(url, clients, seconds))


def measure(server: Server, page: str, drive: Callable[..., Result], args: Any) -> Row:
    """One page on a running server: one request, 2 s of warm-up, then the measured run."""
    url = f"http://127.0.0.1:{server.port}{page}"
    # one request first, so that no computation queued by the warm-up still runs when the
    # measurement starts; then warm every thread's store
    urllib.request.urlopen(url, timeout=120).read()
    drive(url, args.clients, 2.0)
    load, cpu = os.getloadavg()[0], server_cpu(server.process.pid)
    result = drive(url, args.clients, args.seconds)
    cpu = (server_cpu(server.process.pid) - cpu) / max(result.requests, 1)
    return Row(result, cpu * 1000, load, os.getloadavg()[0])


@dataclass(frozen=True)
class Row:
    result: Result
    cpu_ms: float
    load_before: float
    load_after: float

    def line(self, label: str) -> str:
        r = self.result
        return (
            f"  {label:28} {r.rate:8,.0f} req/s   median {r.median_ms:7.2f} ms   p99"
            f" {r.p99_ms:7.2f} ms   server CPU {self.cpu_ms:5.2f} ms/req   errors {r.errors}"
            f"   load {self.load_before:.1f}-{self.load_after:.1f}"
        )


def compare(
    path: Path, pages: list[str], cache: int, drive: Callable[..., Result], args: Any
) -> None:
    """Each page served by the baseline's code and this one's in turn, ``args.rounds`` times."""
    codes = [("baseline", args.baseline.resolve() / "src"), ("this", ROOT / "src")]
    for page in pages:
        rows: dict[str, list[Row]] = {"baseline": [], "this": []}
        for round_ in range(args.rounds):
            for name, src in codes:
                threads = args.threads if name == "this" else args.baseline_threads
                with Server(
                    path, workers=args.workers, cache=cache, threads=threads, src=src
                ) as server:
                    row = measure(server, page, drive, args)
                rows[name].append(row)
                print(row.line(f"{page} {name} #{round_ + 1}"), flush=True)
        old, new = rows["baseline"], rows["this"]

        def median(values: list[float]) -> float:
            return statistics.median(values) if values else math.nan

        for name, got in rows.items():
            print(
                f"  {page} {name}: medians {median([r.result.rate for r in got]):,.0f} req/s,"
                f" median {median([r.result.median_ms for r in got]):.1f} ms,"
                f" p99 {median([r.result.p99_ms for r in got]):.1f} ms,"
                f" CPU {median([r.cpu_ms for r in got]):.2f} ms/req"
            )
        ratio = {
            "CPU/req": median([n.cpu_ms / o.cpu_ms for o, n in zip(old, new, strict=True)]),
            "p99": median(
                [n.result.p99_ms / o.result.p99_ms for o, n in zip(old, new, strict=True)]
            ),
            "median": median(
                [n.result.median_ms / o.result.median_ms for o, n in zip(old, new, strict=True)]
            ),
            "req/s": median([n.result.rate / o.result.rate for o, n in zip(old, new, strict=True)]),
        }
        print(
            f"  {page} this/baseline, median of {args.rounds} rounds' ratios: "
            + ", ".join(f"{k} x{v:.2f}" for k, v in ratio.items()),
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per page (bounded)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto")
    parser.add_argument("--only", choices=["example", "synthetic"], help="one knowledge base")
    parser.add_argument(
        "--db",
        type=Path,
        help="measure this knowledge base instead (e.g. the corpus one): the home page, and"
        " MNG-PRK and the pair with the most facts, each as HTML and JSON",
    )
    parser.add_argument(
        "--cache", choices=["both", "on", "off"], default="both", help="reply cache on, off or both"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="PATH",
        help="with --db: measure these addresses only (e.g. / /dyad/MNG/PRK.json)",
    )
    parser.add_argument(
        "--threads", type=int, help="pages computed at once per server process (serve's default)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="a checkout whose code to compare with, served in turn with this one's",
    )
    parser.add_argument(
        "--baseline-threads", type=int, help="with --baseline: its threads (its default)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="with --baseline: rounds a page")
    args = parser.parse_args()
    seconds = args.seconds = min(max(args.seconds, 1.0), 120.0)
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    drive = run_wrk if use_wrk else run_httpx
    kbs = []
    if args.db is not None:
        from dyad.store import Store

        with Store(args.db, readonly=True) as store:
            top = store.dyads(limit=1)[0]
        pages = ["/", "/index.json", "/dyad/MNG/PRK", "/dyad/MNG/PRK.json"]
        pages += [f"/dyad/{top.a}/{top.b}", f"/dyad/{top.a}/{top.b}.json"]
        pages = args.pages or pages
        kbs.append((f"{args.db.name} ({top.a}–{top.b}: {top.facts} facts)", args.db, pages))
    elif args.only in (None, "example"):
        kbs.append(("example KB", example_kb(), ["/dyad/MNG/PRK", "/dyad/MNG/PRK.json"]))
    if args.db is None and args.only in (None, "synthetic"):
        from dyad.store import Store

        path = synthetic_kb()
        with Store(path, readonly=True) as store:
            top = store.dyads(limit=1)[0]
        pages = [
            "/dyad/MNG/PRK",
            "/dyad/MNG/PRK.json",
            f"/dyad/{top.a}/{top.b}",
            f"/dyad/{top.a}/{top.b}.json",
        ]
        kbs.append((f"synthetic KB ({top.a}–{top.b}: {top.facts} facts)", path, pages))
    print(
        f"{args.clients} clients, {seconds:.0f} s a page, {args.workers} server worker(s),"
        f" threads {args.threads or 'default'},"
        f" driven by {'wrk' if use_wrk else 'httpx'}, {os.cpu_count()} CPUs"
    )
    for label, path, pages in kbs:
        for cache in {"both": (512, 0), "on": (512,), "off": (0,)}[args.cache]:
            print(f"\n{label}, reply cache {'on' if cache else 'off'}:")
            if args.baseline is not None:
                compare(path, pages, cache, drive, args)
                continue
            with Server(path, workers=args.workers, cache=cache, threads=args.threads) as server:
                for page in pages:
                    print(measure(server, page, drive, args).line(page), flush=True)


if __name__ == "__main__":
    main()
