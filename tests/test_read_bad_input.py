"""Bad input gets a clear one-line error naming the file and the problem, and a non-zero exit."""

from __future__ import annotations

import bz2
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from dyad.cli import main


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _one_line_error(code: int, output: str, path: Path, *words: str) -> None:
    assert code != 0
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("dyad: ") and str(path) in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", ("empty",)),
        ("blank.wiki", b"  \n\n \t\n", ("empty",)),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ("binary",)),
        ("latin1.txt", "Relations between Côte d'Ivoire and".encode("latin-1"), ("UTF-8",)),
        ("huge-line.txt", b"a" * (3 * 1024 * 1024), ("line 1", "not an article")),
        ("huge.txt", b"word " * (10 * 1024 * 1024), ("more than one article can be",)),
    ],
)
def test_read_bad_input_gives_one_line_error(
    tmp_path: Path, name: str, content: bytes, words: tuple[str, ...]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in (["read"], ["read", "--json"], ["extract", "--jsonl"]):
        code, output = _run(*command, str(path))
        _one_line_error(code, output, path, *words)


def test_read_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.wiki"
    _one_line_error(*_run("read", str(path)), path, "no such file")


def test_read_truncated_xml_dump(tmp_path: Path) -> None:
    whole = (DATA / "dumps" / "tinywiki-latest-pages-articles.xml").read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(whole[: len(whole) // 2])
    code, output = _run("pages", str(path))
    assert code != 0
    assert output.strip().splitlines()[-1].startswith(f"dyad: {path}")


def test_read_truncated_bz2_dump(tmp_path: Path) -> None:
    whole = (DATA / "dumps" / "tinywiki-latest-pages-articles.xml.bz2").read_bytes()
    path = tmp_path / "cut.xml.bz2"
    path.write_bytes(whole[: len(whole) // 2])
    code, output = _run("pages", str(path))
    assert code != 0
    assert output.strip().splitlines()[-1].startswith(f"dyad: {path}")


def test_read_bz2_that_is_not_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "notes.bz2"
    path.write_bytes(bz2.compress(b"just some notes, not XML\n" * 100))
    code, output = _run("pages", str(path))
    assert code != 0
    assert output.strip().splitlines()[-1].startswith(f"dyad: {path}")


def test_read_dump_unknown_title_suggests(tmp_path: Path) -> None:
    path = DATA / "dumps" / "tinywiki-latest-pages-articles.xml"
    code, output = _run("read", str(path), "--title", "Zzzz no such page")
    assert code != 0 and output.startswith(f"dyad: {path}")


def test_read_a_dump_without_title_says_what_to_do() -> None:
    path = DATA / "dumps" / "tinywiki-latest-pages-articles.xml"
    code, output = _run("read", str(path))
    assert code != 0 and "--title" in output


def test_read_bad_input_a_fifo_is_refused_before_it_blocks(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would wait forever
    for command in ("read", "extract"):
        code, output = _run(command, str(fifo))
        _one_line_error(code, output, fifo, "named pipe")
    code, output = _run("ingest", "--db", str(tmp_path / "kb.db"), str(fifo))
    assert code == 1 and "named pipe" in output


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_read_bad_input_a_device_is_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this machine")
    code, output = _run("read", device)
    _one_line_error(code, output, Path(device), "is a device")
