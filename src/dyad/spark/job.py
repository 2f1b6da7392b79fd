"""The Spark driver: plan partitions, run stage 1 on the executors, join previews in stage 2.

Only this module imports pyspark. A session is made with :func:`session` (or given), so a
user on a cluster passes ``--master`` (``spark://...``, ``yarn``, ``k8s://...``) or hands
``dyad/spark/__main__.py`` to ``spark-submit``; every executor needs Dyad installed
(``pip install dyad``) and the dump and output folder on a filesystem they all see, at the
same path everywhere: local disk for ``local[N]``, NFS or a mounted bucket on a cluster.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.spark.pages import (
    JobConfig,
    PartitionSummary,
    process_partition,
    reextract_partition,
)
from dyad.spark.partitions import DEFAULT_PARTITION_BYTES, Partition, plan
from dyad.spark.tables import LINK_PREVIEWS, MANIFEST, TABLES

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)


class SparkUnavailableError(RuntimeError):
    """pyspark or a Java runtime is missing; the message says how to install it."""


@dataclass(frozen=True)
class JobSummary:
    """What the job did, as written to ``_dyad_spark.json`` in the output folder."""

    dumps: tuple[str, ...]
    partitions: int
    pages: int
    articles: int
    redirects: int
    documents: int
    events: int
    previews: int
    links: int
    links_with_preview: int
    quarantined: int
    quarantine_reasons: dict[str, int]
    seconds: float
    stage1_seconds: float
    stage2_seconds: float
    task_seconds: float
    task_cpu_seconds: float
    preview_cpu: float
    extract_cpu: float
    relations_preview_cpu: float
    compressed_bytes: int
    text_bytes: int
    max_partition_seconds: float
    peak_rss_mib: float


def check_spark() -> None:
    """Raise :class:`SparkUnavailableError` when pyspark or java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailableError(
            "pyspark is not installed: pip install 'dyad[spark]' (it needs Java 17 or later)"
        ) from None
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and Path(java_home, "bin", "java").exists()) and not shutil.which("java"):
        raise SparkUnavailableError(
            "no Java runtime: Spark needs Java 17 or later (Debian: apt-get install "
            "default-jre-headless), on the PATH or in JAVA_HOME"
        )


def session(master: str | None = "local[2]", *, shuffle_partitions: int = 4) -> SparkSession:
    """A Spark session sized for this job: no UI, few shuffle partitions, quiet logs, the
    executors' Python the same as the driver's. ``master=None`` takes the one ``spark-submit``
    gives."""
    check_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    logs = f"-Dlog4j2.configurationFile={Path(__file__).with_name('log4j2.properties').as_uri()}"
    configured = (
        builder.appName("dyad")
        .config("spark.driver.extraJavaOptions", logs)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.adaptive.enabled", "true")
        # One page can take a while: a task is whole partitions of pages, never speculated.
        .config("spark.speculation", "false")
        .config("spark.task.maxFailures", "2")
    )
    with warnings.catch_warnings():
        # pyspark warns about the pandas it finds; the job does not use pandas.
        warnings.filterwarnings("ignore", "PySpark does not yet fully support", FutureWarning)
        spark = configured.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(
    dumps: Sequence[str | Path],
    out: str | Path,
    *,
    spark: SparkSession,
    index: str | Path | None = None,
    config: JobConfig | None = None,
    partitions: int | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
) -> JobSummary:
    """Run both stages on ``dumps`` into ``out`` (its job tables are replaced)."""
    started = time.perf_counter()
    config = config or JobConfig()
    folder = Path(out).resolve()
    if index is not None and len(dumps) != 1:
        raise ValueError("--index goes with a single dump")
    parts = _plan(dumps, index, partitions, partition_bytes)
    _clear(folder)
    work = partial(_task, out=str(folder), config=config)
    rdd = spark.sparkContext.parallelize(parts, len(parts))
    summaries = [PartitionSummary(**s) for s in rdd.map(work).collect()]
    stage1 = time.perf_counter() - started
    linked = link_previews(spark, folder)
    stage2 = time.perf_counter() - started - stage1
    if config.preview_glosses:
        summaries = _stage3(spark, parts, summaries, str(folder), config)
    reasons = _reasons(folder)
    summary = _summary(
        dumps,
        summaries,
        linked=linked,
        reasons=reasons,
        seconds=(time.perf_counter() - started, stage1, stage2),
    )
    manifest = {
        "job": "dyad spark extract",
        "summary": asdict(summary),
        "config": _config(config),
        "partitions": [asdict(s) for s in summaries],
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return summary


def _summary(
    dumps: Sequence[str | Path],
    summaries: list[PartitionSummary],
    *,
    linked: int,
    reasons: dict[str, int],
    seconds: tuple[float, float, float],
) -> JobSummary:
    """The job's figures from its partitions' (``seconds``: the whole job, stage 1, stage 2)."""
    total, stage1, stage2 = seconds
    return JobSummary(
        dumps=tuple(str(d) for d in dumps),
        partitions=len(summaries),
        pages=sum(s.pages for s in summaries),
        articles=sum(s.articles for s in summaries),
        redirects=sum(s.redirects for s in summaries),
        documents=sum(s.documents for s in summaries),
        events=sum(s.events for s in summaries),
        previews=sum(s.previews for s in summaries),
        links=sum(s.links for s in summaries),
        links_with_preview=linked,
        quarantined=sum(s.quarantined for s in summaries),
        quarantine_reasons=reasons,
        seconds=round(total, 3),
        stage1_seconds=round(stage1, 3),
        stage2_seconds=round(stage2, 3),
        task_seconds=round(sum(s.seconds for s in summaries), 3),
        task_cpu_seconds=round(sum(s.cpu_seconds for s in summaries), 3),
        preview_cpu=round(sum(s.preview_cpu for s in summaries), 3),
        extract_cpu=round(sum(s.extract_cpu for s in summaries), 3),
        relations_preview_cpu=round(sum(s.relations_preview_cpu for s in summaries), 3),
        compressed_bytes=sum(s.compressed_bytes for s in summaries),
        text_bytes=sum(s.text_bytes for s in summaries),
        max_partition_seconds=round(max(s.seconds for s in summaries), 3),
        peak_rss_mib=round(max(s.peak_rss_mib for s in summaries), 1),
    )


def _plan(
    dumps: Sequence[str | Path],
    index: str | Path | None,
    partitions: int | None,
    partition_bytes: int,
) -> list[Partition]:
    found: list[Partition] = []
    for dump in dumps:
        for part in plan(dump, index=index, partitions=partitions, partition_bytes=partition_bytes):
            found.append(Partition(len(found), part.dump, part.start, part.end, part.namespaces))
    return found


def _task(partition: Partition, *, out: str, config: JobConfig) -> dict[str, Any]:
    return asdict(process_partition(partition, out, config))


def _retask(partition: Partition, *, out: str, config: JobConfig) -> dict[str, Any]:
    return asdict(reextract_partition(partition, out, config))


def _stage3(
    spark: SparkSession,
    parts: list[Partition],
    summaries: list[PartitionSummary],
    out: str,
    config: JobConfig,
) -> list[PartitionSummary]:
    """Extract the relations pages again with their glosses, in the partitions that hold any;
    the summaries' extraction figures become stage 3's."""
    todo = [part for part, summary in zip(parts, summaries, strict=True) if summary.documents]
    if not todo:
        return summaries
    work = partial(_retask, out=out, config=config)
    again = {
        s["partition"]: s
        for s in spark.sparkContext.parallelize(todo, len(todo)).map(work).collect()
    }
    for summary in summaries:
        if summary.partition in again:
            redone = again[summary.partition]
            summary.events = redone["events"]
            summary.documents = redone["documents"]
            summary.extract_cpu += redone["extract_cpu"]
            summary.cpu_seconds += redone["cpu_seconds"]
            summary.seconds += redone["seconds"]
    return summaries


def _clear(folder: Path) -> None:
    for table in (*TABLES, LINK_PREVIEWS):
        shutil.rmtree(folder / table, ignore_errors=True)
    (folder / MANIFEST).unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)


def link_previews(spark: SparkSession, folder: Path) -> int:
    """Stage 2: every link of the relations pages joined, through up to two redirects, to the
    preview of the article it points to; written to ``link_previews``. Returns the rows."""
    read = spark.read.parquet
    links = read(str(folder / "links")).alias("l")
    redirects = read(str(folder / "redirects")).select("key", "target_key")
    previews = read(str(folder / "previews"))
    once = _follow(links.withColumn("resolved", links["target_key"]), redirects)
    twice = _follow(once, redirects)
    joined = twice.join(previews.alias("p"), twice["resolved"] == previews["key"], "inner")
    result = joined.select(
        "l.partition",
        "l.document",
        "l.position",
        "l.anchor",
        "l.target",
        "l.start",
        "l.end",
        joined["p.title"].alias("preview_title"),
        "p.kind",
        "p.text",
        "p.truncated",
        "p.markup",
    )
    result = result.sortWithinPartitions("partition", "document", "position")
    result.write.mode("overwrite").parquet(str(folder / LINK_PREVIEWS))
    return count_rows(folder / LINK_PREVIEWS)


def count_rows(table: Path) -> int:
    """The rows of a Parquet folder, from the files' footers."""
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(part).metadata.num_rows for part in sorted(table.glob("*.parquet")))


def _follow(links: DataFrame, redirects: DataFrame) -> DataFrame:
    from pyspark.sql import functions as f

    hop = redirects.withColumnRenamed("key", "r_key").withColumnRenamed("target_key", "r_target")
    joined = links.join(hop, links["resolved"] == hop["r_key"], "left")
    return joined.withColumn("resolved", f.coalesce(hop["r_target"], joined["resolved"])).drop(
        "r_key", "r_target"
    )


def _reasons(folder: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts: dict[str, int] = {}
    for part in sorted((folder / "quarantine").glob("*.parquet")):
        for reason in pq.read_table(part, columns=["reason"]).column("reason").to_pylist():
            counts[reason] = counts.get(reason, 0) + 1
    return counts


def _config(config: JobConfig) -> dict[str, Any]:
    return {
        "relations_pattern": config.rule.pattern,
        "two_states": config.rule.two_states,
        "max_page_bytes": config.max_page_bytes,
        "page_seconds": config.page_seconds,
        "preview_chars": config.preview_chars,
        "preview_glosses": config.preview_glosses,
    }
