"""Multistream dumps: the index, find_page reading one stream, ranges that add up to the file."""

from __future__ import annotations

import bz2
import itertools
import shutil
from pathlib import Path

import pytest

from dump_helpers import (
    MULTISTREAM,
    MULTISTREAM_INDEX,
    SMALLWIKI_PAGES,
    TINYWIKI,
    P,
    Rev,
    stream_offsets,
    write_multistream,
)
from dyad.read import multistream
from dyad.read.dump import (
    Page,
    find_page,
    iter_pages,
    iter_pages_in_range,
    load_index,
    read_index,
    stream_ranges,
)
from dyad.read.errors import ReadError


@pytest.fixture(scope="module")
def whole() -> list[Page]:
    return list(iter_pages(MULTISTREAM))


def test_dump_multistream_index_lines() -> None:
    entries = list(read_index(MULTISTREAM_INDEX))
    assert len(entries) == SMALLWIKI_PAGES
    assert (entries[0].offset, entries[0].page_id, entries[0].title) == (627, 1, "Suoku puslopa")
    # Titles keep their own colons.
    assert any(e.title == "Kategoreja:User eu" and e.page_id == 3330 for e in entries)
    assert sorted({e.offset for e in entries}) == stream_offsets(MULTISTREAM)[1:-1]


def test_dump_multistream_index_plain_text(tmp_path: Path) -> None:
    plain = tmp_path / "index.txt"
    plain.write_bytes(bz2.decompress(MULTISTREAM_INDEX.read_bytes()).replace(b"\n", b"\r\n"))
    assert list(read_index(plain)) == list(read_index(MULTISTREAM_INDEX))


def test_dump_multistream_index_bad_line(tmp_path: Path) -> None:
    index = tmp_path / "index.txt"
    index.write_text("627:1:Suoku puslopa\nnot an index line\n")
    with pytest.raises(ReadError, match="line 2 is not offset:page_id:title"):
        list(read_index(index))


def test_dump_multistream_index_names_beside_dump() -> None:
    names = [p.name for p in multistream.index_candidates(MULTISTREAM)]
    assert names[0] == MULTISTREAM_INDEX.name
    split = Path("enwiki-20240601-pages-articles-multistream3.xml-p151574p311329.bz2")
    assert multistream.index_candidates(split)[0].name == (
        "enwiki-20240601-pages-articles-multistream-index3.txt-p151574p311329.bz2"
    )
    assert multistream.find_index(MULTISTREAM) == MULTISTREAM_INDEX


def test_dump_multistream_find_page(whole: list[Page]) -> None:
    page = find_page(MULTISTREAM, "Acinonyx jubatus")
    assert page == next(p for p in whole if p.title == "Acinonyx jubatus")
    # MediaWiki's title rules: underscores are spaces, the first letter's case does not count.
    assert find_page(MULTISTREAM, "acinonyx_jubatus", MULTISTREAM_INDEX) == page
    last = find_page(MULTISTREAM, "Bangkoka masu ātrais transports")
    assert last.page_id == 3332


def test_dump_multistream_find_page_reads_only_its_stream(tmp_path: Path) -> None:
    """Every other stream of a copy is destroyed: the page is still found, so none was read."""
    dump = tmp_path / MULTISTREAM.name
    shutil.copy(MULTISTREAM_INDEX, tmp_path / MULTISTREAM_INDEX.name)
    data = bytearray(MULTISTREAM.read_bytes())
    offsets = stream_offsets(MULTISTREAM)
    target = next(e.offset for e in read_index(MULTISTREAM_INDEX) if e.title == "Acinonyx jubatus")
    for start, end in zip(offsets, [*offsets[1:], len(data)], strict=True):
        if start != target:  # keep the magic "BZh9", destroy the rest
            data[start + 4 : end] = b"\xff" * (end - start - 4)
    dump.write_bytes(bytes(data))
    assert find_page(dump, "Acinonyx jubatus").page_id == 21
    with pytest.raises(ReadError):
        list(iter_pages(dump))


def test_dump_multistream_find_page_decompresses_one_stream(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    index = tmp_path / "index.txt"  # plain, so that every decompressor counted is the dump's
    index.write_bytes(bz2.decompress(MULTISTREAM_INDEX.read_bytes()))
    created: list[int] = []
    real = bz2.BZ2Decompressor

    def counting() -> bz2.BZ2Decompressor:
        created.append(1)
        return real()

    monkeypatch.setattr("dyad.read.dump_io.bz2.BZ2Decompressor", counting)
    find_page(MULTISTREAM, "Acinonyx jubatus", index)
    assert len(created) == 1


def test_dump_multistream_unknown_title_suggests() -> None:
    with pytest.raises(ReadError, match=r"no page titled 'Acinonyx jubatos'; did you mean") as info:
        find_page(MULTISTREAM, "Acinonyx jubatos")
    assert "'Acinonyx jubatus'" in str(info.value)
    assert str(MULTISTREAM) in str(info.value)


def test_dump_multistream_unknown_title_when_scanning() -> None:
    with pytest.raises(ReadError, match=r"no page titled 'Tornto'; did you mean 'Toronto'\?"):
        find_page(TINYWIKI, "Tornto")
    assert find_page(TINYWIKI, "duplicate_title").text.startswith(
        next(p.text for p in iter_pages(TINYWIKI) if p.title == "Duplicate title")
    )


def test_dump_multistream_missing_index(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such index file") as info:
        find_page(MULTISTREAM, "Acinonyx jubatus", tmp_path / "missing-index.txt.bz2")
    assert "missing-index.txt.bz2" in str(info.value)
    alone = tmp_path / MULTISTREAM.name
    shutil.copy(MULTISTREAM, alone)
    with pytest.raises(ReadError, match="no multistream index beside the dump"):
        load_index(alone)
    # Without an index find_page scans the dump instead.
    assert find_page(alone, "Acinonyx jubatus").page_id == 21


def test_dump_multistream_index_of_another_dump(tmp_path: Path) -> None:
    dump, _ = write_multistream(tmp_path, [P(f"Page {i}", id=i) for i in range(1, 4)])
    with pytest.raises(ReadError, match="not this dump's index"):
        load_index(dump, MULTISTREAM_INDEX)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 20, 21, 100])
def test_dump_multistream_ranges_add_up_to_the_file(n: int, whole: list[Page]) -> None:
    index = load_index(MULTISTREAM)
    ranges = stream_ranges(index, n)
    assert len(ranges) == min(n, len(index.offsets))
    assert ranges[0][0] == 0
    assert ranges[-1][1] == MULTISTREAM.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    assert {start for start, _ in ranges[1:]} <= set(index.offsets)
    pages = [page for start, end in ranges for page in iter_pages_in_range(MULTISTREAM, start, end)]
    assert pages == whole


def test_dump_multistream_ranges_are_balanced() -> None:
    index = load_index(MULTISTREAM)
    sizes = [end - start for start, end in stream_ranges(index, 4)]
    assert max(sizes) < 2 * min(sizes)


def test_dump_multistream_range_namespaces(tmp_path: Path) -> None:
    """A page without <ns> takes its namespace from the prefix, with the header's names."""
    pages = [P("Alpha"), P("Talk:Alpha", id=2, ns=None), P("Kategorie:X", id=3, ns=None)]
    dump, _ = write_multistream(tmp_path, pages, per_stream=1)
    index = load_index(dump)
    start, end = index.offsets[1], index.offsets[2]
    (talk,) = iter_pages_in_range(dump, start, end)
    assert talk.ns == 1
    (category,) = iter_pages_in_range(dump, end, index.size, namespaces={14: "Kategorie"})
    assert category.ns == 14


def test_dump_multistream_range_must_start_at_a_stream(tmp_path: Path) -> None:
    index = load_index(MULTISTREAM)
    with pytest.raises(ReadError, match="is not the start of a bz2 stream"):
        list(iter_pages_in_range(MULTISTREAM, index.offsets[1] + 5, index.size))
    with pytest.raises(ReadError, match="ranges must end at stream boundaries"):
        list(iter_pages_in_range(MULTISTREAM, index.offsets[1], index.offsets[2] - 10))
    cut = tmp_path / MULTISTREAM.name
    cut.write_bytes(MULTISTREAM.read_bytes()[: index.offsets[2] - 10])
    with pytest.raises(ReadError, match="truncated bz2 data"):
        list(iter_pages_in_range(cut, index.offsets[1], index.offsets[2] - 10))


def test_dump_multistream_written_by_helper_reads_back(tmp_path: Path) -> None:
    pages = [P(f"Page {i}", [Rev(f"text {i}", id=10 + i)], id=i) for i in range(1, 6)]
    dump, index = write_multistream(tmp_path, pages)
    assert [p.title for p in iter_pages(dump)] == [p.title for p in pages]
    assert find_page(dump, "Page 4").text == "text 4"
    assert multistream.find_index(dump) == index
