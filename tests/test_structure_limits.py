"""Modules a newcomer can read: no module over 500 lines, no function over 80 lines or with a
cyclomatic complexity over 20 (as radon counts it).

Since 2026-12-07 every package and module of ``src/dyad`` is listed and held to it, and a test
checks that no module is left out of the list.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit  # a dev extra: make test installs it

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dyad"

CLEANED = (
    "cli",
    "export",
    "gazetteer",
    "ingest",
    "spark",
    "store",
    "web",
    "evaluate.py",
    "read",
    "model.py",
    "records.py",
    "sentences.py",
    "membership.py",
    "vocabulary.py",
    "evaluate_set.py",
    "__init__.py",
    "extract",
)
# Modules of a cleaned package that do not meet the limits yet.
NOT_YET: frozenset[str] = frozenset()

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
MAX_COMPLEXITY = 20


def _modules() -> list[Path]:
    found: list[Path] = []
    for name in CLEANED:
        path = PACKAGE / name
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [p for p in found if p.relative_to(PACKAGE).as_posix() not in NOT_YET]


MODULES = _modules()


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_structure_limits_cover_what_they_name() -> None:
    assert all(path.is_file() for path in MODULES)
    names = {_name(p) for p in MODULES}
    for cleaned in CLEANED:
        assert any(n == cleaned or n.startswith(cleaned + "/") for n in names), cleaned


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_structure_limits_module_and_function_lengths(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)}: {lines} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{_name(path)}: {', '.join(long)}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_structure_limits_cyclomatic_complexity(path: Path) -> None:
    blocks = cc_visit(path.read_text(encoding="utf-8"))
    functions = [
        f for block in blocks for f in (block.methods if hasattr(block, "methods") else [block])
    ]
    tangled = [f"{f.name} ({f.complexity})" for f in functions if f.complexity > MAX_COMPLEXITY]
    assert not tangled, f"{_name(path)}: {', '.join(tangled)}"


def test_structure_limits_complexity_check_sees_a_tangled_function() -> None:
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(25))
    (block,) = cc_visit(source)
    assert block.complexity > MAX_COMPLEXITY


def test_structure_limits_hold_every_module_of_the_package() -> None:
    # A module outside the list would escape the limits: every one is in it.
    every = {_name(p) for p in PACKAGE.rglob("*.py")}
    assert every - {_name(p) for p in MODULES} == set()
