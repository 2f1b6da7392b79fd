"""The README's examples run, and say what the commands really print."""

from __future__ import annotations

import json
import re
import shlex

import pytest
from click.testing import CliRunner

from conftest import ROOT
from dyad.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Lines that differ from run to run: the progress bar (rate, elapsed time).
VOLATILE = re.compile(r"docs/s|^ingesting")


def _sessions() -> list[tuple[str, list[str]]]:
    """(command, shown output lines) for each ``$ dyad ...`` in the README's console blocks."""
    sessions: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                sessions.append((line[2:], []))
            elif sessions:
                sessions[-1][1].append(line)
    return sessions


def _words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every README command run for real, in order, against a fresh dyad.db."""
    db = tmp_path_factory.mktemp("readme") / "dyad.db"
    outputs: dict[str, str] = {}
    runner = CliRunner()
    for command, _ in _sessions():
        args = shlex.split(command)
        assert args[0] == "dyad"
        args = [str(db) if a == "dyad.db" else a for a in args[1:]]
        args = [str(ROOT / a) if (ROOT / a).exists() and a != "dyad.db" else a for a in args]
        result = runner.invoke(main, args, env={"COLUMNS": "100"}, catch_exceptions=False)
        assert result.exit_code == 0, (command, result.output)
        outputs[command] = result.output
    return outputs


def test_docs_readme_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    assert [line.split()[:2] for line in first_block.group(1).splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]
    assert README.index("make run") < README.index("## A real example")


def test_docs_readme_examples_print_what_the_readme_shows(runs: dict[str, str]) -> None:
    sessions = _sessions()
    assert len(sessions) >= 3
    for command, shown in sessions:
        real = runs[command]
        if "--jsonl" in command:
            # Shown wrapped for reading: one of the real records, exactly.
            text = "\n".join(line for line in shown if not line.startswith("("))
            record = json.loads(" ".join(text.split()))
            assert record in [json.loads(line) for line in real.splitlines()]
            continue
        stable = [line for line in shown if not VOLATILE.search(line)]
        real_lines = [line for line in real.splitlines() if not VOLATILE.search(line)]
        if stable and stable[-1] == "…":
            # The README shows the start of a long output, marked with a closing "…".
            stable = stable[:-1]
            real_lines = real_lines[: len(stable)]
        assert _words(stable) == _words(real_lines), command


def test_docs_every_command_has_help() -> None:
    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and result.output.startswith("Usage:"), name


def test_docs_readme_links_exist() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
