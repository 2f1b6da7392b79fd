"""The import graph flows one way: the gazetteer and the store sit below reading and extraction.

Every import in the source is checked, the lazy ones inside functions included, and a fresh
interpreter importing the store must not load the packages above it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "dyad"

# What each low package may not import: the stages and front ends that sit above it.
ABOVE_THE_STORE = (
    "dyad.read",
    "dyad.extract",
    "dyad.ingest",
    "dyad.spark",
    "dyad.export",
    "dyad.web",
    "dyad.cli",
    "dyad.evaluate",
)
FORBIDDEN = {
    "store": ABOVE_THE_STORE,
    "gazetteer": (*ABOVE_THE_STORE, "dyad.store"),
}


def _imports(path: Path, root: Path = SRC) -> list[tuple[int, str]]:
    """Every module ``path`` (under ``root``) imports, relative ones made absolute, with line."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.append((node.lineno, base))
            if base == "dyad":  # from dyad import extract
                found.extend((node.lineno, f"dyad.{alias.name}") for alias in node.names)
    return found


def _is_under(name: str, prefix: str) -> bool:
    """``dyad.cli_kb`` is under ``dyad.cli``, as is ``dyad.cli.kb``; ``dyad.clip`` would not be."""
    if prefix == "dyad.cli":
        return name == prefix or name.startswith(("dyad.cli.", "dyad.cli_"))
    return name == prefix or name.startswith(f"{prefix}.")


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layering_low_packages_import_nothing_above_them(package: str) -> None:
    files = sorted((PACKAGE / package).rglob("*.py"))
    assert files, f"no modules under src/dyad/{package}"
    wrong = [
        f"{path.relative_to(SRC)}:{line} imports {name}"
        for path in files
        for line, name in _imports(path)
        if any(_is_under(name, prefix) for prefix in FORBIDDEN[package])
    ]
    assert not wrong, "\n".join(wrong)


def test_layering_checker_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    """The walk finds imports inside a function and resolves ``from ..x import y``."""
    path = tmp_path / "dyad" / "store" / "m.py"
    path.parent.mkdir(parents=True)
    path.write_text(
        "def f():\n    from ..extract import pipeline\n    import dyad.cli_kb\n"
        "from .. import web\n",
        encoding="utf-8",
    )
    names = [name for _, name in _imports(path, tmp_path)]
    assert {"dyad.extract", "dyad.cli_kb", "dyad.web"} <= set(names)
    assert any(_is_under(n, "dyad.extract") for n in names)
    assert not _is_under("dyad.clipboard", "dyad.cli")


@pytest.mark.parametrize("module", ["dyad.store", "dyad.gazetteer"])
def test_layering_importing_a_low_package_loads_nothing_above_it(module: str) -> None:
    code = (
        f"import sys, {module}\nprint('\\n'.join(m for m in sys.modules if m.startswith('dyad')))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
    )
    loaded = run.stdout.split()
    assert module in loaded
    package = module.removeprefix("dyad.")
    above = [m for m in loaded if any(_is_under(m, p) for p in FORBIDDEN[package])]
    assert not above, above
