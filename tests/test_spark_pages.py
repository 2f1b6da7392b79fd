"""The Spark job's per-page work, without Spark: relations titles, previews, partitions and the
quarantine (dyad.spark.titles, leads, partitions, pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dump_helpers import MULTISTREAM, MULTISTREAM_INDEX, TINYWIKI
from dyad.read.dump import Page, iter_pages
from dyad.spark.leads import preview
from dyad.spark.pages import JobConfig, process_page, process_partition
from dyad.spark.partitions import plan
from dyad.spark.titles import compile_rule
from spark_helpers import BROKEN_TITLE, DATA, link_abstracts, relations_dump


def _page(title: str, text: str) -> Page:
    return Page(
        title=title, ns=0, page_id=1, text=text, redirect=None, revision_id=1, timestamp=None
    )


def test_spark_titles_default_rule_takes_relations_pages() -> None:
    rule = compile_rule()
    for title in (
        "Mongolia–North Korea relations",
        "Foreign relations of Nauru",
        "Chad–Libya border",
        "List of diplomatic missions of Mongolia",
        "Chad–Libya territorial dispute",  # names two states
    ):
        assert rule.matches(title), title
    for title in ("Ulaanbaatar", "Battle of France", "Georgia Smith", "Nauru"):
        assert not rule.matches(title), title


def test_spark_titles_rule_is_the_users() -> None:
    everything = compile_rule(".*")
    assert everything.matches("Ulaanbaatar")
    only_borders = compile_rule(r" border$", two_states=False)
    assert only_borders.matches("Chad–Libya border")
    assert not only_borders.matches("Chad–Libya territorial dispute")
    with pytest.raises(ValueError, match="not a regular expression"):
        compile_rule("(")


def test_spark_previews_are_clean_lead_sentences() -> None:
    text = (DATA / "wikitext" / "Foreign_relations_of_Mongolia.wiki").read_text()
    found = preview("Foreign relations of Mongolia", text, source="test")
    assert found is not None and found.kind == "article" and not found.markup
    assert found.text.startswith("Mongolia")
    for residue in ("{{", "}}", "[[", "]]", "<ref", "|", "thumb"):
        assert residue not in found.text
    assert len(found.text) <= 500 and found.text.endswith(".")


def test_spark_previews_flag_disambiguation_and_set_index() -> None:
    dab = preview(
        "Key", "'''Key''' may refer to:\n* [[Key (lock)]]\n{{disambiguation}}", source="t"
    )
    sia = preview(
        "HMS Nauru", "Several ships have been named '''HMS Nauru'''.\n{{shipindex}}", source="t"
    )
    assert dab is not None and dab.kind == "disambiguation"
    assert sia is not None and sia.kind == "set_index"


def test_spark_partitions_cover_the_dump() -> None:
    parts = plan(MULTISTREAM, index=MULTISTREAM_INDEX, partitions=4)
    assert len(parts) == 4
    titles = [page.title for part in parts for page in part.pages()]
    assert titles == [page.title for page in iter_pages(MULTISTREAM)]
    (whole,) = plan(TINYWIKI)
    assert whole.end is None
    assert [p.title for p in whole.pages()] == [p.title for p in iter_pages(TINYWIKI)]


def test_spark_pages_quarantine_names_the_reason() -> None:
    text = (DATA / "wikitext" / "Foreign_relations_of_Nauru.wiki").read_text()
    page = _page("Foreign relations of Nauru", text)
    too_big = process_page(page, "d", JobConfig(max_page_bytes=1000))
    assert [(q.reason, q.stage) for q in too_big.quarantined] == [("too_big", "read")]
    too_slow = process_page(page, "d", JobConfig(page_seconds=0.001))
    assert {q.reason for q in too_slow.quarantined} == {"too_slow"}
    assert too_slow.records is None
    broken = process_page(_page(BROKEN_TITLE, "{{x" * 4000), "d", JobConfig())
    assert {(q.stage, q.reason) for q in broken.quarantined} == {
        ("preview", "malformed"),
        ("read", "malformed"),
    }
    good = process_page(page, "d", JobConfig())
    assert good.records is not None and not good.quarantined


def test_spark_partition_finishes_past_a_bad_page(tmp_path: Path) -> None:
    dump, index = relations_dump(tmp_path)
    (part,) = plan(dump, index=index, partitions=1)
    summary = process_partition(part, str(tmp_path / "out"), JobConfig())
    assert summary.documents == 2 and summary.quarantined == 1
    quarantine = pq.read_table(tmp_path / "out" / "quarantine").to_pylist()
    assert {row["title"] for row in quarantine} == {BROKEN_TITLE}
    previews = set(pq.read_table(tmp_path / "out" / "previews").column("title").to_pylist())
    assert summary.previews == len(previews)
    # Every other article has a preview, but for a copy whose lead is only a file's caption.
    texts = {r["title"]: r["abstract"] for r in link_abstracts()}
    for title in set(texts) - previews:
        assert not re.sub(r"\S+\.jpg[^\]]*\]\]", "", texts[title]).strip(), title
    assert {"Foreign relations of Nauru", "Foreign relations of Mongolia"} <= previews
