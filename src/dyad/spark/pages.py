"""One page of the dump through Dyad's own reader and extractor, and one partition of pages.

:func:`process_page` is what every Spark task runs on each page; it does no I/O and never
raises for a bad page: a page that is too big, too slow or malformed comes back as a
:class:`Quarantined` with its reason. :func:`process_partition` runs it over a partition's
pages and writes the partition's part files; a dump that breaks off inside the partition
quarantines the break and keeps the pages before it.

A relations page (:mod:`dyad.spark.titles`) is read with :func:`dyad.read.wikitext.read` and
extracted with :func:`dyad.extract.pipeline.extract`, its source ``"<dump>#<title>"`` as
``dyad ingest`` of the dump gives it, so its records are the same as the single-process ones.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from dyad.model import Gloss
from dyad.read.dump import Page
from dyad.read.dump_page import normalize_title
from dyad.read.errors import ReadError
from dyad.read.wikilimits import DEFAULT_LIMITS, Deadline, OutOfTime
from dyad.records import Record
from dyad.spark.leads import MAX_CHARS, Preview, preview
from dyad.spark.partitions import Partition
from dyad.spark.tables import record_rows, write_parts
from dyad.spark.titles import RelationsRule

Reason = Literal["too_big", "too_slow", "malformed", "failed", "broken_dump"]


@dataclass(frozen=True)
class JobConfig:
    """What a task needs to know: which pages are relations pages, and what a page may cost."""

    rule: RelationsRule = field(default_factory=RelationsRule)
    max_page_bytes: int = DEFAULT_LIMITS.max_bytes
    page_seconds: float = 120.0  # each step of one page (checked when the step ends)
    preview_chars: int = MAX_CHARS
    # Extract the relations pages again with their links' previews as glosses (stage 3), so
    # that the people and states the previews name feed extraction, as a scrape's do.
    preview_glosses: bool = False


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A page the job could not read or extract, and why."""

    title: str | None
    page_id: int | None
    stage: str  # "read", "extract", "preview" or "dump"
    reason: Reason
    message: str


@dataclass(slots=True)
class PageResult:
    """What one page gives: records (a relations page), a preview, a redirect or a quarantine."""

    records: list[Record] | None = None
    preview: Preview | None = None
    redirect: str | None = None
    quarantined: list[Quarantined] = field(default_factory=list)
    preview_seconds: float = 0.0  # CPU time of the preview
    extract_seconds: float = 0.0  # CPU time of reading and extracting a relations page


Glosses = Mapping[str, Sequence[Gloss]]


def process_page(
    page: Page, dump: str, config: JobConfig, glosses: Glosses | None = None
) -> PageResult:
    """Read, extract and preview one page (an article in namespace 0; other pages give
    nothing). With ``glosses`` (document id -> the previews of its links: stage 3) only a
    relations page is read and extracted, its document carrying its glosses; no preview."""
    result = PageResult()
    if page.ns != 0:
        return result
    if page.redirect is not None:
        result.redirect = page.redirect
        return result
    source = f"{dump}#{page.title}"
    size = len(page.text.encode("utf-8"))
    if size > config.max_page_bytes:
        message = f"{size:,} bytes is more than a page may have ({config.max_page_bytes:,})"
        result.quarantined.append(Quarantined(page.title, page.page_id, "read", "too_big", message))
        return result
    started = time.process_time()
    try:
        if glosses is None:
            # The reader stops itself within its own budget; this one is checked once the step
            # is done (never by a signal, which could land inside the C tokenizer).
            deadline = Deadline(config.page_seconds)
            made = preview(page.title, page.text, source=source, max_chars=config.preview_chars)
            deadline.check()
            result.preview = made
    except Exception as exc:  # a bad page never stops the job
        result.quarantined.append(_quarantine(page, "preview", exc, config))
    result.preview_seconds = time.process_time() - started
    if config.rule.matches(page.title):
        started = time.process_time()
        stage = ["read"]
        try:
            deadline = Deadline(config.page_seconds)
            records = _extract(page, source, stage, glosses)
            deadline.check()
            result.records = records
        except Exception as exc:
            result.quarantined.append(_quarantine(page, stage[-1], exc, config))
        result.extract_seconds = time.process_time() - started
    return result


def _extract(
    page: Page, source: str, stages: list[str], glosses: Glosses | None = None
) -> list[Record]:
    from dyad.extract.pipeline import extract
    from dyad.read.wikitext import read
    from dyad.records import extraction_records

    document = read(page.text, source=source, title=page.title)
    if glosses:
        document = replace(document, glosses=tuple(glosses.get(document.id, ())))
    stages.append("extract")
    return extraction_records(extract(document))


def _quarantine(page: Page, stage: str, exc: BaseException, config: JobConfig) -> Quarantined:
    reason: Reason
    message = str(exc)
    if isinstance(exc, OutOfTime):
        reason, message = "too_slow", f"took more than {config.page_seconds:g} s"
    elif isinstance(exc, ReadError):
        text = message.lower()
        if "bytes is more than" in text:
            reason = "too_big"
        elif "took more than" in text:
            reason = "too_slow"
        else:
            reason = "malformed"
    elif isinstance(exc, RecursionError):
        reason, message = "malformed", "nested too deeply to read"
    else:
        reason, message = "failed", f"{type(exc).__name__}: {exc}"
    return Quarantined(page.title, page.page_id, stage, reason, message)


@dataclass
class PartitionSummary:
    """What one task did: counts, seconds and its process's peak memory."""

    partition: int
    pages: int = 0
    articles: int = 0
    redirects: int = 0
    documents: int = 0
    events: int = 0
    previews: int = 0
    links: int = 0
    quarantined: int = 0  # pages (and breaks in the dump), each counted once
    seconds: float = 0.0  # wall time of the task
    cpu_seconds: float = 0.0  # CPU time of the task: reading the dump, pages, writing
    preview_cpu: float = 0.0  # of which previews
    extract_cpu: float = 0.0  # of which reading and extracting relations pages
    relations_preview_cpu: float = 0.0  # previews of the relations pages alone
    compressed_bytes: int = 0  # the partition's bytes of dump (0 for a whole file)
    text_bytes: int = 0  # UTF-8 bytes of the articles' wikitext
    peak_rss_mib: float = 0.0


def process_partition(partition: Partition, out: str, config: JobConfig) -> PartitionSummary:
    """Process every page of ``partition`` and write its part files under ``out``."""
    started, cpu = time.perf_counter(), time.process_time()
    summary = PartitionSummary(partition.number)
    if partition.end is not None:
        summary.compressed_bytes = partition.end - partition.start
    rows: dict[str, list[Record]] = {}
    for page, result in _results(partition, config, rows):
        summary.pages += 1
        if page is None:
            continue
        _collect(partition, page, result, rows, summary)
    write_parts(Path(out), partition.number, rows)
    # A page may fail twice (its preview and its extraction): pages are counted once.
    summary.quarantined = len({(r["title"], r["page_id"]) for r in rows.get("quarantine", ())})
    summary.seconds = time.perf_counter() - started
    summary.cpu_seconds = time.process_time() - cpu
    summary.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return summary


def reextract_partition(partition: Partition, out: str, config: JobConfig) -> PartitionSummary:
    """Stage 3: extract the partition's relations pages again, each document carrying the
    previews of its links as glosses, and replace the partition's records tables."""
    from dyad.spark.load import partition_glosses
    from dyad.spark.tables import read_part

    started, cpu = time.perf_counter(), time.process_time()
    summary = PartitionSummary(partition.number)
    glosses = partition_glosses(Path(out), partition.number)
    old_quarantine = read_part(Path(out), "quarantine", partition.number)
    failed = {(r["title"], r["stage"]) for r in old_quarantine}
    rows: dict[str, list[Record]] = {"quarantine": list(old_quarantine)}
    for page, result in _results(partition, config, {}, glosses):
        if page is None or result.records is None:
            for bad in result.quarantined:  # a failure stage 1 did not meet (a timeout)
                if (bad.title, bad.stage) not in failed:
                    rows["quarantine"].append(_row(partition, bad))
            continue
        summary.documents += 1
        summary.events += sum(1 for r in result.records if r["kind"] == "event")
        summary.extract_cpu += result.extract_seconds
        for table, found in record_rows(result.records, page.page_id).items():
            rows.setdefault(table, []).extend(found)
    tables = ("documents", "glosses", "events", "tenures", "entities", "quarantine")
    write_parts(Path(out), partition.number, rows, tables)
    summary.seconds = time.perf_counter() - started
    summary.cpu_seconds = time.process_time() - cpu
    summary.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return summary


def _results(
    partition: Partition,
    config: JobConfig,
    rows: dict[str, list[Record]],
    glosses: Glosses | None = None,
) -> Iterator[tuple[Page | None, PageResult]]:
    pages = partition.pages()
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except (ReadError, OSError) as exc:  # the dump breaks off: keep what came before
            rows.setdefault("quarantine", []).append(
                _row(partition, Quarantined(None, None, "dump", "broken_dump", str(exc)))
            )
            return
        yield page, process_page(page, partition.dump, config, glosses)


def _collect(
    partition: Partition,
    page: Page,
    result: PageResult,
    rows: dict[str, list[Record]],
    summary: PartitionSummary,
) -> None:
    if page.ns != 0:
        return
    if result.redirect is not None:
        summary.redirects += 1
        rows.setdefault("redirects", []).append(
            {
                "title": page.title,
                "key": normalize_title(page.title),
                "target": result.redirect,
                "target_key": link_key(result.redirect),
            }
        )
        return
    summary.articles += 1
    summary.text_bytes += len(page.text.encode("utf-8"))
    summary.preview_cpu += result.preview_seconds
    summary.extract_cpu += result.extract_seconds
    if result.extract_seconds:
        summary.relations_preview_cpu += result.preview_seconds
    for bad in result.quarantined:
        rows.setdefault("quarantine", []).append(_row(partition, bad))
    if result.preview is not None:
        summary.previews += 1
        p = result.preview
        rows.setdefault("previews", []).append(
            {
                "title": p.title,
                "key": normalize_title(p.title),
                "page_id": page.page_id,
                "kind": p.kind,
                "text": p.text,
                "truncated": p.truncated,
                "markup": p.markup,
            }
        )
    if result.records is not None:
        summary.documents += 1
        for table, found in record_rows(result.records, page.page_id).items():
            rows.setdefault(table, []).extend(found)
        summary.events += sum(1 for r in result.records if r["kind"] == "event")
        links = list(_links(result.records[0], partition.number))
        summary.links += len(links)
        rows.setdefault("links", []).extend(links)


def _links(document: Record, partition: int) -> Iterable[Record]:
    for position, anchor in enumerate(document.get("anchors") or ()):
        yield {
            "partition": partition,
            "document": document["id"],
            "position": position,
            "anchor": anchor["text"],
            "target": anchor["target"],
            "target_key": link_key(anchor["target"]),
            "start": anchor["span"][0],
            "end": anchor["span"][1],
        }


def link_key(target: str) -> str:
    """The title a link or redirect points to, as MediaWiki compares titles (no section)."""
    return normalize_title(target.partition("#")[0])


def _row(partition: Partition, bad: Quarantined) -> Record:
    return {
        "dump": partition.dump,
        "partition": partition.number,
        "page_id": bad.page_id,
        "title": bad.title,
        "stage": bad.stage,
        "reason": bad.reason,
        "message": bad.message,
    }
