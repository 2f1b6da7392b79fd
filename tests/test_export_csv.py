"""CSV export: the csv module reads every row back, the counts are the store's, every evidence
slices its document, every column is in the codebook."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dyad.export import export, export_codebook
from dyad.export.columns import EVIDENCE, FACTS, TENURES
from dyad.ingest import ingest_paths
from dyad.store import Store
from export_helpers import csv_text_rows, knowledge_base, read_csv


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(knowledge_base(tmp_path_factory), readonly=True)


@pytest.fixture(scope="module")
def exported(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "out"
    summary = export(store, "csv", f"{out}/")
    assert summary.files == tuple(
        str(out / n) for n in ("facts.csv", "evidence.csv", "tenures.csv", "codebook.md")
    )
    assert summary.codebook == str(out / "codebook.md")
    return out


def test_export_csv_round_trip_counts_equal_the_store(store: Store, exported: Path) -> None:
    facts = read_csv(exported / "facts.csv")
    evidence = read_csv(exported / "evidence.csv")
    tenures = read_csv(exported / "tenures.csv")
    counts = store.counts()
    assert len(facts) == counts.facts
    assert len({r["fact_id"] for r in facts}) == counts.facts
    assert len(tenures) == counts.tenures
    # every mention of a pair is an evidence of exactly one fact
    assert len(evidence) == sum(int(r["n_mentions"]) for r in facts)
    assert {r["fact_id"] for r in evidence} == {r["fact_id"] for r in facts}
    assert list(facts[0]) == [c.name for c in FACTS]
    assert list(evidence[0]) == [c.name for c in EVIDENCE]
    assert list(tenures[0]) == [c.name for c in TENURES]


def test_export_csv_is_rfc4180_utf8(exported: Path) -> None:
    raw = (exported / "evidence.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte order mark
    raw.decode("utf-8")
    assert raw.split(b"\n", 1)[0].endswith(b"\r")  # CRLF line ends
    text = raw.decode("utf-8")
    assert "–" in text  # non-ASCII kept as is (Mongolia–North Korea)
    # quoted fields with line breaks and tabs read back as one field
    rows = read_csv(exported / "evidence.csv")
    assert any("\t" in r["text"] for r in rows)


def test_export_csv_evidence_slices_its_document(store: Store, exported: Path) -> None:
    texts: dict[str, str] = {}
    for row in read_csv(exported / "evidence.csv"):
        if row["document_id"] not in texts:
            texts[row["document_id"]] = store.records(row["document_id"])[0]["text"]
        text = texts[row["document_id"]]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
    for row in read_csv(exported / "tenures.csv"):
        text = store.records(row["document_id"])[0]["text"]
        assert text[int(row["evidence_start"]) : int(row["evidence_end"])] == row["evidence_text"]


def test_export_csv_fact_values(exported: Path) -> None:
    facts = read_csv(exported / "facts.csv")
    (established,) = [
        r
        for r in facts
        if (r["iso3c_a"], r["iso3c_b"], r["type"]) == ("MNG", "PRK", "relations.established")
    ]
    assert established["date"] == "1948-10-15"
    assert (established["date_start"], established["date_end"]) == ("1948-10-15", "1948-10-15")
    assert established["date_precision"] == "day"
    assert (established["ccode_a"], established["ccode_b"]) == ("712", "731")
    assert (established["stateabb_a"], established["name_b"]) == ("MON", "North Korea")
    assert (established["cameo"], established["plover"]) == ("054", "SUPPORT")
    assert (established["source"], established["target"]) == ("", "")  # reciprocal: empty
    assert int(established["n_documents"]) == 3  # the seed and both "Foreign relations" pages
    visits = [r for r in facts if r["type"] == "visit" and r["iso3c_a"] == "MNG"]
    assert any(r["persons"] and r["source"] for r in visits)
    aid = [r for r in facts if r["type"] == "aid.provided" and r["quantity_amount"]]
    assert aid, "the seed counts horses sent to North Korea"
    for row in facts:
        if row["date"]:
            assert row["date_precision"], row
        else:
            assert row["date_start"] == row["date_precision"] == row["year_start"] == ""
        assert 0 < float(row["confidence"]) <= 1


def test_export_csv_codebook_names_every_column(exported: Path) -> None:
    codebook = (exported / "codebook.md").read_text(encoding="utf-8")
    assert codebook == export_codebook()
    for column in (*FACTS, *EVIDENCE, *TENURES):
        assert f"| `{column.name}` |" in codebook
    for word in ("visit", "042", "CONSULT", "P530", "P580", "P582", "RFC 4180"):
        assert word in codebook


def test_export_csv_one_file_is_the_facts_table(store: Store, tmp_path: Path) -> None:
    summary = export(store, "csv", tmp_path / "facts-only.csv")
    assert summary.files == (str(tmp_path / "facts-only.csv"),)
    assert summary.codebook is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts-only.csv"]  # no .partial left
    assert len(read_csv(tmp_path / "facts-only.csv")) == store.counts().facts == summary.facts


def test_export_csv_to_text_and_binary_streams(store: Store) -> None:
    text = io.StringIO()
    export(store, "csv", text, dyad=("MNG", "PRK"))
    binary = io.BytesIO()
    export(store, "csv", binary, dyad=("MNG", "PRK"))
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert not binary.closed  # the caller's stream is left open
    rows = csv_text_rows(text.getvalue())
    assert rows and {(r["iso3c_a"], r["iso3c_b"]) for r in rows} == {("MNG", "PRK")}


def test_export_csv_dash_is_standard_output(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = export(store, "csv", "-", dyad=("MNG", "PRK"))
    rows = csv_text_rows(capsys.readouterr().out)
    assert len(rows) == summary.facts > 0


def test_export_csv_failure_leaves_no_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyad.export.writer

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(dyad.export.writer, "fact_row", broken)
    with pytest.raises(OSError, match="disk full"):
        export(store, "csv", f"{tmp_path}/out/")
    assert list((tmp_path / "out").iterdir()) == []  # no table, no .partial, no codebook


def test_export_csv_evidence_never_starts_a_formula(tmp_path: Path) -> None:
    """A sentence that begins with ``=`` (or ``+``, ``-``, ``@``) must not run as a spreadsheet
    formula when the CSV is opened; JSON Lines keeps the text exactly."""
    article = tmp_path / "Mongolia–North_Korea_relations.txt"
    article.write_text(
        "MONGOLIA–NORTH KOREA RELATIONS\n\n"
        '=HYPERLINK("http://example.invalid","x") Mongolia and North Korea established'
        " diplomatic relations on 15 October 1948.\n\n"
        "@SUM(1) Mongolia opened an embassy in Pyongyang in 1950.\n",
        encoding="utf-8",
    )
    db = tmp_path / "kb.db"
    with Store(db) as writer:
        ingest_paths(writer, [article])
    with Store(db, readonly=True) as reader:
        buffer = io.StringIO()
        export(reader, "csv", buffer)
        jsonl = io.StringIO()
        export(reader, "jsonl", jsonl)
    texts = [row["evidence_text"] for row in csv_text_rows(buffer.getvalue())]
    assert texts and all(t.startswith("'=") or t.startswith("'@") for t in texts), texts
    assert '"=HYPERLINK(' in jsonl.getvalue().replace('\\"', '"')
