"""Files sharing a title are both kept, duplicate dump pages too; re-ingest stays idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import DATA
from dump_helpers import P, Rev, dump_xml
from dyad.cli import main
from dyad.ingest import ingest_paths
from dyad.store import Store

ARTICLE = DATA / "text" / "Albania–Brazil_relations.md"


def _two_files(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "corpus" / "a" / ARTICLE.name
    b = tmp_path / "corpus" / "b" / ARTICLE.name
    a.parent.mkdir(parents=True)
    b.parent.mkdir(parents=True)
    shutil.copy(ARTICLE, a)
    text = ARTICLE.read_text(encoding="utf-8")
    # The same title, another text: the second half of the article only.
    b.write_text(text[: text.index("\n")] + "\n\n" + text[len(text) // 2 :], encoding="utf-8")
    return a, b


def test_store_same_title_files_are_both_kept(tmp_path: Path) -> None:
    a, b = _two_files(tmp_path)
    with Store(tmp_path / "kb.db") as store:
        first = ingest_paths(store, [tmp_path / "corpus"])
        assert (first.added, first.replaced, first.errors) == (2, 0, ())
        docs = store.documents(limit=10)
        assert sorted(d.source for d in docs) == sorted([str(a), str(b)])
        assert len({d.id for d in docs}) == 2
        # Each keeps its own text: b holds only the second half of a.
        stored = {d.source: store.records(d.id)[0]["text"] for d in docs}
        assert len(stored[str(b)]) < len(stored[str(a)])
        again = ingest_paths(store, [tmp_path / "corpus"])
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
        # Each file alone, in either order, still finds its own document unchanged.
        assert ingest_paths(store, [b]).unchanged == 1
        assert ingest_paths(store, [a]).unchanged == 1
        assert len(store.documents(limit=10)) == 2


def test_store_same_title_edit_replaces_only_its_own_file(tmp_path: Path) -> None:
    a, b = _two_files(tmp_path)
    with Store(tmp_path / "kb.db") as store:
        ingest_paths(store, [tmp_path / "corpus"])
        title, _, rest = b.read_text(encoding="utf-8").partition("\n")
        b.write_text(f"{title}\n\nA new opening line.\n{rest}", encoding="utf-8")
        run = ingest_paths(store, [tmp_path / "corpus"])
        assert (run.added, run.replaced, run.unchanged) == (0, 1, 1)
        sources = {d.source: d.id for d in store.documents(limit=10)}
        assert set(sources) == {str(a), str(b)}
        assert "A new opening line." in store.records(sources[str(b)])[0]["text"]


def test_store_same_title_the_run_says_which_was_kept_where(tmp_path: Path) -> None:
    _two_files(tmp_path)
    result = CliRunner().invoke(
        main, ["ingest", "--db", str(tmp_path / "kb.db"), str(tmp_path / "corpus")]
    )
    assert result.exit_code == 0, result.output
    assert "same title" in result.output and "kept as" in result.output


def test_store_same_title_dump_duplicates_are_kept_and_stay_unchanged(tmp_path: Path) -> None:
    body = "'''Mongolia–Japan relations''' began in 1972, when the two states opened relations."
    other = "The [[Mongolia]]n embassy in [[Tokyo]] opened in 1972; Japan's in Ulaanbaatar in 1973."
    pages = [
        P("Mongolia–Japan relations", id=1, revisions=[Rev(text=body)]),
        P("Mongolia–Japan relations", id=2, revisions=[Rev(text=other)]),
    ]
    dump = tmp_path / "dup-pages-articles.xml"
    dump.write_bytes(dump_xml(pages))
    with Store(tmp_path / "kb.db") as store:
        first = ingest_paths(store, [dump])
        assert (first.added, first.replaced) == (2, 0)
        for _ in range(2):
            again = ingest_paths(store, [dump])
            assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
        texts = {store.records(d.id)[0]["text"] for d in store.documents(limit=10)}
        assert len(texts) == 2
