"""The layering contract of DESIGN.md, checked on the source: who may import whom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "reportlint"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("reportlint")}


@pytest.mark.parametrize("module", ["document.py", "model.py", "diagnostics.py"])
def test_data_modules_import_nothing_of_the_pipeline(module):
    allowed = {"reportlint.document"}
    assert imports(SRC / module) <= allowed


@pytest.mark.parametrize("path", sorted((SRC / "checks").glob("*.py")), ids=lambda p: p.name)
def test_checks_do_not_import_readers_reporters_or_the_cli(path):
    for name in imports(path):
        assert not name.startswith(("reportlint.readers", "reportlint.reporters", "reportlint.cli")), name


@pytest.mark.parametrize("path", sorted((SRC / "readers").glob("*.py")), ids=lambda p: p.name)
def test_readers_do_not_import_checks(path):
    assert not any(name.startswith("reportlint.checks") for name in imports(path))


def test_only_the_cli_parses_arguments():
    for path in SRC.rglob("*.py"):
        if path.name != "cli.py":
            assert "argparse" not in path.read_text(encoding="utf-8"), path


def _modules_after(args: list[str]) -> set[str]:
    import subprocess
    import sys

    code = "import sys, reportlint.cli as c; c.main(sys.argv[1:]); print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    return set(result.stdout.strip().splitlines()[-1].split())


def test_linting_text_loads_no_other_format_stack():
    from conftest import SEED

    loaded = _modules_after(["check", str(SEED)])
    heavy = {"pdfplumber", "pdfminer", "pypdfium2", "docx", "lxml", "markdown_it"}
    assert not {m.split(".")[0] for m in loaded} & heavy


def test_linting_html_loads_no_pdf_stack(tmp_path):
    page = tmp_path / "r.html"
    page.write_text(
        "<html><body><h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p></body></html>",
        encoding="utf-8",
    )
    loaded = {m.split(".")[0] for m in _modules_after(["check", str(page)])}
    assert "lxml" in loaded
    assert not loaded & {"pdfplumber", "pdfminer", "pypdfium2"}
