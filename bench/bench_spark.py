"""The Spark job on a realistic dump: per-core throughput, executor memory, link previews, and a
projection of English Wikipedia on a 32-core cluster.

Run ``python bench/bench_spark.py [--master local[2]] [--partitions 16]`` (it builds the dump
with ``make_spark_dump.py`` first when ``bench/.cache/spark`` lacks it). It reports:

- the job's wall time and its tasks' CPU time, split into previews (every article) and reading
  and extracting relations pages, as pages and compressed MB per CPU second: per-core figures,
  which a busy machine disturbs less than wall time;
- the peak memory (RSS) of one executor process running the partition that holds the biggest
  page of the corpus, in a fresh interpreter, against the same process before it;
- how many links of the 205 wikitext pages point (through redirects) to a page of the dump, and
  how many of those got a preview;
- the projection (``bench/README.md`` states its assumptions).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from make_spark_dump import NAME, WIKITEXT, build  # noqa: E402

CACHE = BENCH / ".cache" / "spark"

# English Wikipedia, the projection's givens (bench/README.md says where they come from).
ENWIKI_ARTICLES = 6_900_000
ENWIKI_BZ2_BYTES = 21e9
ENWIKI_RELATIONS_PAGES = 25_000
ENWIKI_LEAD_FACTOR = 1.0  # an article's lead costs what a "Foreign relations of" lead costs
CLUSTER_CORES = 32
EFFICIENCY = 0.8  # share of the cores kept busy (stragglers, scheduling, writing)
STAGE2_SECONDS = 300.0  # the join of links, redirects and previews on the cluster

# A fresh process imports Dyad, notes its RSS, runs one partition and reports its peak RSS.
_MEMORY_SCRIPT = """
import json, sys
from pathlib import Path
from dyad.spark.pages import JobConfig, process_partition
from dyad.spark.partitions import Partition

def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024

dump, start, end, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
imported = status("VmHWM")
summary = process_partition(Partition(0, dump, start, end), out, JobConfig())
print(json.dumps({"imported_mib": round(imported, 1), "peak_mib": round(status("VmHWM"), 1),
                  "pages": summary.pages, "documents": summary.documents}))
"""


def dump_paths() -> tuple[Path, Path]:
    dump, index = CACHE / f"{NAME}.xml.bz2", CACHE / f"{NAME}-index.txt.bz2"
    if not (dump.is_file() and index.is_file()):
        build(CACHE)
    return dump, index


def run_job(
    dump: Path, index: Path, out: Path, master: str, partitions: int, glosses: bool
) -> dict[str, object]:
    from dyad.spark.job import run, session
    from dyad.spark.pages import JobConfig

    started = time.perf_counter()
    spark = session(master)
    startup = time.perf_counter() - started
    config = JobConfig(preview_glosses=glosses)
    run([dump], out, spark=spark, index=index, partitions=partitions, config=config)
    spark.stop()
    manifest: dict[str, object] = json.loads((out / "_dyad_spark.json").read_text())
    manifest["startup_seconds"] = round(startup, 1)
    return manifest


def link_coverage(out: Path) -> tuple[int, int, int]:
    """Links of the 205 wikitext pages; those whose target (through redirects) is a page of the
    dump with a preview; those of them the job joined to a preview."""
    wikitext = {p.stem.replace("_", " ") for p in WIKITEXT.glob("*.wiki")}
    documents = pq.read_table(out / "documents", columns=["id", "title"]).to_pylist()
    ids = {d["id"] for d in documents if d["title"] in wikitext}
    links = [r for r in pq.read_table(out / "links").to_pylist() if r["document"] in ids]
    previews = set(pq.read_table(out / "previews", columns=["key"]).column("key").to_pylist())
    redirects = dict(
        (r["key"], r["target_key"]) for r in pq.read_table(out / "redirects").to_pylist()
    )
    wanted = {
        (r["document"], r["position"])
        for r in links
        if redirects.get(r["target_key"], r["target_key"]) in previews
    }
    joined = pq.read_table(out / "link_previews", columns=["document", "position"]).to_pylist()
    covered = {(r["document"], r["position"]) for r in joined} & wanted
    return len(links), len(wanted), len(covered)


def page_memory(dump: Path, index: Path, out: Path) -> dict[str, object]:
    """Peak RSS of a fresh process running the partition (one bz2 stream) of the biggest
    wikitext page, and of the smallest for comparison."""
    from dyad.read.multistream import load_index, read_index

    sizes = {p.stem.replace("_", " "): p.stat().st_size for p in WIKITEXT.glob("*.wiki")}
    offsets = load_index(dump, index).offsets
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BENCH.parent / "src"), *sys.path])}
    found: dict[str, object] = {}
    for which, title in (
        ("biggest", max(sizes, key=sizes.__getitem__)),
        ("smallest", min(sizes, key=sizes.__getitem__)),
    ):
        entry = next(e for e in read_index(index) if e.title == title)
        end = next((o for o in offsets if o > entry.offset), dump.stat().st_size)
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _MEMORY_SCRIPT,
                str(dump),
                str(entry.offset),
                str(end),
                str(out),
            ],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        found[which] = {"title": title, "page_bytes": sizes[title], **json.loads(done.stdout)}
    return found


def dump_read_cpu(dump: Path) -> float:
    """CPU seconds of Dyad's dump reader alone over the whole dump (the median of 3 passes)."""
    from dyad.read.dump import iter_pages

    passes = []
    for _ in range(3):
        started = time.process_time()
        for _page in iter_pages(dump):
            pass
        passes.append(time.process_time() - started)
    return sorted(passes)[1]


def projection(summary: dict[str, float], read_cpu: float, long_pages: int) -> dict[str, float]:
    """Core-seconds for English Wikipedia from the job's per-core figures (README: assumptions).

    The relations pages' extraction and lead previews are charged to the ``long_pages``
    "Foreign relations of X" pages alone (the abstracts among the relations pages are short):
    an upper bound of what a real relations page and a real article's lead cost."""
    relations = max(summary["documents"], 1)
    others = max(summary["previews"] - relations, 1)
    per_byte = read_cpu / summary["compressed_bytes"]
    rest = summary["task_cpu_seconds"] - summary["preview_cpu"] - summary["extract_cpu"] - read_cpu
    per_page = max(rest, 0.0) / summary["articles"]  # the title rule, rows, Parquet writing
    per_lead = summary["relations_preview_cpu"] / long_pages * ENWIKI_LEAD_FACTOR
    per_relations_page = summary["extract_cpu"] / long_pages
    core_seconds = {
        "reading the dump": per_byte * ENWIKI_BZ2_BYTES,
        "per-page rest (title rule, rows, writing)": per_page * ENWIKI_ARTICLES,
        "previews": per_lead * ENWIKI_ARTICLES,
        "relations pages": per_relations_page * ENWIKI_RELATIONS_PAGES,
    }
    total = sum(core_seconds.values())
    wall = total / (CLUSTER_CORES * EFFICIENCY) + STAGE2_SECONDS
    return {
        **{f"{k} (core-hours)": round(v / 3600, 2) for k, v in core_seconds.items()},
        "abstract preview (ms CPU)": round(
            (summary["preview_cpu"] - summary["relations_preview_cpu"]) / others * 1000, 3
        ),
        "real lead preview (ms CPU)": round(per_lead * 1000, 2),
        "relations page (s CPU)": round(per_relations_page, 3),
        "dump reading (s CPU per compressed MB)": round(per_byte * 1e6, 3),
        "per-page rest (ms CPU)": round(per_page * 1000, 3),
        "total (core-hours)": round(total / 3600, 2),
        f"wall on {CLUSTER_CORES} cores (hours)": round(wall / 3600, 2),
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--master", default="local[2]")
    options.add_argument("--partitions", type=int, default=16)
    options.add_argument("--out", type=Path, default=CACHE / "out")
    options.add_argument(
        "--preview-glosses", action="store_true", help="run stage 3 too (previews as glosses)"
    )
    options.add_argument(
        "--reuse", action="store_true", help="take the job's figures from --out, do not run it"
    )
    args = options.parse_args()
    dump, index = dump_paths()
    print(f"load average at start: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    if args.reuse:
        manifest = json.loads((args.out / "_dyad_spark.json").read_text())
    else:
        manifest = run_job(
            dump, index, args.out, args.master, args.partitions, args.preview_glosses
        )
        print(f"spark session start: {manifest['startup_seconds']} s")
    summary = manifest["summary"]
    assert isinstance(summary, dict)
    print(json.dumps({k: v for k, v in summary.items() if k != "dumps"}, indent=1))
    cpu = summary["task_cpu_seconds"]
    print(
        f"per core: {summary['pages'] / cpu:.0f} pages/s, "
        f"{summary['compressed_bytes'] / cpu / 1e6:.2f} compressed MB/s, "
        f"{summary['text_bytes'] / cpu / 1e6:.2f} MB of wikitext/s (task CPU time)"
    )
    links, wanted, covered = link_coverage(args.out)
    print(
        f"links of the 205 wikitext pages: {links:,}; to a page of the dump: {wanted:,}; "
        f"with a preview: {covered:,}"
    )
    memory = page_memory(dump, index, CACHE / "memory-out")
    print(f"executor memory per partition: {json.dumps(memory)}")
    print(f"load average at end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    read_cpu = dump_read_cpu(dump)
    print(
        f"dump reader alone: {read_cpu:.2f} s CPU ({dump.stat().st_size / read_cpu / 1e6:.2f} MB/s)"
    )
    previews = pq.read_table(args.out / "previews", columns=["kind", "markup"]).to_pylist()
    kinds = {k: sum(1 for p in previews if p["kind"] == k) for k in ("disambiguation", "set_index")}
    markup = sum(p["markup"] for p in previews)
    print(f"previews: {len(previews):,}, {kinds}, with markup left: {markup:,}")
    long_pages = len(list(WIKITEXT.glob("*.wiki")))
    print(json.dumps(projection(summary, read_cpu, long_pages), indent=1))


if __name__ == "__main__":
    main()
