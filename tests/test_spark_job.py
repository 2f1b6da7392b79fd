"""The Spark job with a real local Spark (``local[2]``): its records equal a single-process
extraction of the same dump page by page, a bad page goes to the quarantine and the job
finishes, and ``dyad ingest`` of its output gives the documents their link previews.

Skipped, with the reason, where pyspark or a Java runtime is missing (``make test`` installs
pyspark; ``.ci/run`` installs Java).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dump_helpers import MULTISTREAM, MULTISTREAM_INDEX, TINYWIKI
from dyad.cli import main
from dyad.ingest import ingest_paths, outcomes
from dyad.read.dump_page import normalize_title
from dyad.spark.load import record_streams
from dyad.store import Store
from spark_helpers import BROKEN_TITLE, REDIRECT, relations_dump

# One local Spark for the module: its tests run in one xdist worker (make test runs -n auto).
pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]

Record = dict[str, Any]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from dyad.spark.job import SparkUnavailableError, session

    try:
        spark_session = session("local[2]", shuffle_partitions=2)
    except SparkUnavailableError as exc:
        pytest.skip(str(exc))
    yield spark_session
    spark_session.stop()


@pytest.fixture(scope="module")
def relations_job(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    from dyad.spark.job import run

    folder = tmp_path_factory.mktemp("relations")
    dump, index = relations_dump(folder, per_stream=10)
    summary = run([dump], folder / "out", spark=spark, index=index, partitions=3)
    return dump, folder / "out", summary


def _by_title(streams: Iterator[tuple[str, list[Record]]]) -> dict[str, list[Record]]:
    return {records[0]["title"]: records for _, records in streams}


def _single(dump: Path) -> dict[str, list[Record]]:
    return {o.title: o.records for o in outcomes([dump]) if o.records is not None and o.title}


def _kinds(records: list[Record], *kinds: str) -> list[Record]:
    return [r for r in records if r["kind"] in kinds]


def test_spark_job_equals_single_process(relations_job: tuple[Path, Path, Any]) -> None:
    dump, out, summary = relations_job
    job = _by_title(record_streams(out))
    single = _single(dump)
    assert set(job) == {"Foreign relations of Nauru", "Foreign relations of Mongolia"}
    for title, records in job.items():
        events = _kinds(records, "event")
        assert events, title
        assert events == _kinds(single[title], "event"), title
        for kind in ("document", "tenure", "entity"):
            assert _kinds(records, kind) == _kinds(single[title], kind), (title, kind)
    assert summary.events == sum(len(_kinds(r, "event")) for r in job.values())


def test_spark_job_quarantines_a_bad_page_and_finishes(
    relations_job: tuple[Path, Path, Any],
) -> None:
    _, out, summary = relations_job
    rows = pq.read_table(out / "quarantine").to_pylist()
    assert {(r["title"], r["reason"]) for r in rows} == {(BROKEN_TITLE, "malformed")}
    assert summary.quarantined == 1 and summary.quarantine_reasons == {"malformed": len(rows)}
    assert summary.documents == 2
    manifest = json.loads((out / "_dyad_spark.json").read_text())
    assert manifest["summary"]["quarantined"] == 1


def test_spark_job_tables_read_with_pandas(relations_job: tuple[Path, Path, Any]) -> None:
    pandas = pytest.importorskip("pandas")
    _, out, summary = relations_job
    events = pandas.read_parquet(out / "events")
    assert len(events) == summary.events
    first = events.iloc[0]
    documents = pandas.read_parquet(out / "documents").set_index("id")
    text = documents.loc[first["document"], "text"]
    evidence = first["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_spark_job_previews_every_link_to_a_page_of_the_dump(
    relations_job: tuple[Path, Path, Any],
) -> None:
    _, out, summary = relations_job
    previews = {r["key"] for r in pq.read_table(out / "previews").to_pylist()}
    redirects = {r["key"]: r["target_key"] for r in pq.read_table(out / "redirects").to_pylist()}
    links = pq.read_table(out / "links").to_pylist()
    linked = pq.read_table(out / "link_previews").to_pylist()
    covered = {(r["document"], r["position"]) for r in linked}
    wanted = {
        (r["document"], r["position"])
        for r in links
        if redirects.get(r["target_key"], r["target_key"]) in previews
    }
    assert wanted and covered == wanted
    assert summary.links_with_preview == len(linked)
    # A link through a redirect gets the preview of the page it redirects to.
    through = [r for r in linked if normalize_title(r["target"]) == REDIRECT[0]]
    assert through and {r["preview_title"] for r in through} == {REDIRECT[1]}


def test_spark_job_ingests_with_glosses_idempotently(
    relations_job: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    _, out, _ = relations_job
    with Store(tmp_path / "kb.db") as store:
        first = ingest_paths(store, [out])
        again = ingest_paths(store, [out])
        nauru = next(d for _, d in record_streams(out) if d[0]["title"].endswith("Nauru"))
        stored = store.records(nauru[0]["id"])
    assert (first.added, first.errors) == (2, ())
    assert (again.unchanged, again.added, again.replaced) == (2, 0, 0)
    glosses = _kinds(stored, "gloss")
    assert glosses and glosses == _kinds(nauru, "gloss")
    # The preview of the page a redirect leads to, under the link's own target.
    through = [g for g in glosses if normalize_title(g["target"]) == REDIRECT[0]]
    china = [g for g in glosses if g["text"].casefold().startswith(REDIRECT[1].casefold())]
    assert china and all(g in china for g in through)


def test_spark_job_on_the_corpus_dumps_equals_single_process(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["spark", "extract", str(MULTISTREAM), str(TINYWIKI), "--out", str(out)]
    # Every article from A to G (a rule of the user's): the Latgalian pages hold no event in
    # English, but every document, term and entity record must still be the same.
    rule = ["--relations", "^[A-G]", "--no-two-states"]
    result = CliRunner().invoke(main, [*args, *rule, "--partitions", "3", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["partitions"] == 4  # three byte ranges and the plain XML file
    job = _by_title(record_streams(out))
    for dump in (MULTISTREAM, TINYWIKI):
        single = {t: r for t, r in _single(dump).items() if t[0] in "ABCDEFG"}
        assert single
        assert set(single) <= set(job)
        for title, records in single.items():
            for kind in ("document", "event", "tenure", "entity"):
                assert _kinds(job[title], kind) == _kinds(records, kind), (title, kind)


def test_spark_job_previews_feed_extraction(spark: Any, tmp_path: Path) -> None:
    """With --preview-glosses each relations page is extracted again with its links' previews
    as glosses: its records are those of the same pipeline given those glosses, and the
    entities it names carry what their previews say."""
    from dataclasses import replace

    from dyad.extract.pipeline import extract
    from dyad.read.dump import iter_pages
    from dyad.read.wikitext import read
    from dyad.records import extraction_records
    from dyad.spark.job import run
    from dyad.spark.load import link_gloss
    from dyad.spark.pages import JobConfig

    dump, index = relations_dump(tmp_path, per_stream=10)
    out = tmp_path / "out"
    run([dump], out, spark=spark, index=index, config=JobConfig(preview_glosses=True))
    job = _by_title(record_streams(out))
    rows = pq.read_table(out / "link_previews").to_pylist()
    texts = {p.title: p.text for p in iter_pages(dump)}
    for title, records in job.items():
        document = read(texts[title], source=f"{dump}#{title}", title=title)
        mine = sorted(
            (r for r in rows if r["document"] == document.id), key=lambda r: r["position"]
        )
        glossed = replace(document, glosses=tuple(link_gloss(r) for r in mine))
        assert records == extraction_records(extract(glossed)), title
        glosses = _kinds(records, "gloss")
        assert len(glosses) == len({r["anchor"] for r in mine}) > 0
        entities = _kinds(records, "entity")
        assert any(e["gloss"] for e in entities), title
    with Store(tmp_path / "kb.db") as store:
        assert ingest_paths(store, [out]).added == len(job)


def test_spark_job_tables_read_with_duckdb(relations_job: tuple[Path, Path, Any]) -> None:
    """The query of docs/spark.md, on the job's output."""
    duckdb = pytest.importorskip("duckdb")
    _, out, _ = relations_job
    rows = duckdb.sql(
        f"""SELECT e.type, e.date, e.evidence.text, d.title
        FROM '{out}/events/*.parquet' e JOIN '{out}/documents/*.parquet' d ON e.document = d.id
        WHERE list_contains(e.actors, 'MNG') ORDER BY e.date"""
    ).fetchall()
    assert rows and {title for *_, title in rows} <= {
        "Foreign relations of Mongolia",
        "Foreign relations of Nauru",
    }


def test_spark_cli_without_java_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"JAVA_HOME", "PATH"}}
    env["PATH"] = str(tmp_path)
    command = [sys.executable, "-m", "dyad.cli", "spark", "extract", str(TINYWIKI)]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "out")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Java" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_spark_cli_without_pyspark_says_so(tmp_path: Path) -> None:
    # A None entry in sys.modules makes `import pyspark` fail as on a machine without it.
    script = "import sys; sys.modules['pyspark'] = None; from dyad.cli import main; main()"
    command = [sys.executable, "-c", script, "spark", "extract", str(TINYWIKI)]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "out")], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "pip install 'dyad[spark]'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_spark_index_goes_with_one_dump(spark: Any, tmp_path: Path) -> None:
    args = ["spark", "extract", str(MULTISTREAM), str(TINYWIKI), "--out", str(tmp_path)]
    result = CliRunner().invoke(main, [*args, "--index", str(MULTISTREAM_INDEX)])
    assert result.exit_code == 1 and "--index goes with a single dump" in result.output


@pytest.mark.browser
def test_spark_job_previews_show_on_hover_in_the_reader(
    relations_job: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    """The article reader shows a link's preview from the job on hover, as it does a scrape's."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install chromium)")
    import uvicorn
    from playwright.sync_api import expect, sync_playwright

    from dyad.web import create_app

    _, out, _ = relations_job
    with Store(tmp_path / "kb.db") as store:
        ingest_paths(store, [out])
    nauru = next(d for _, d in record_streams(out) if d[0]["title"].endswith("Nauru"))
    gloss = next(g for g in _kinds(nauru, "gloss") if not g["flags"])
    anchor_text = nauru[0]["text"][gloss["span"][0] : gloss["span"][1]]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(tmp_path / "kb.db"), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(base_url=f"http://127.0.0.1:{sock.getsockname()[1]}")
            page.goto(f"/doc/{nauru[0]['id']}")
            link = page.locator("a.anchor", has_text=anchor_text).first
            link.scroll_into_view_if_needed()
            link.hover()
            card = page.locator("#preview-card")
            expect(card).to_be_visible()
            expect(card).to_contain_text(" ".join(gloss["text"].split()[:6]))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
