"""The example plugin (examples/plugin), installed as a user would, works through its entry point.

It is pip-installed into a temporary folder and the command line runs in a subprocess
with that folder on PYTHONPATH, so the plugin is found exactly as an installed one is:
by its `reportlint` entry point, not by an import in the test. A broken plugin beside it
is reported in one line on stderr and the run goes on without it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SEED

PLUGIN = ROOT / "examples" / "plugin"
TITLE = "延津县塔铺街道 2024 年政府信息公开工作年度报告"
NEW_ROW = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
WARNING = re.compile(r"^reportlint: plugin (\S+) failed to load: .+; running without it$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/plugin installed with pip into a folder of its own (its build backend is in the `test` extra)."""
    target = tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--target", str(target), str(PLUGIN)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (target / "reportlint_example_province" / "province.yaml").is_file(), "the pack is package data"
    return target


def run(*args: str, path: Path | list[Path] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m reportlint ARGS` with these folders (and nothing else of the caller's) on PYTHONPATH."""
    folders = path if isinstance(path, list) else [path] if path else []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if folders:
        env["PYTHONPATH"] = os.pathsep.join(str(folder) for folder in folders)
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, env=env, timeout=120
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int | None, int | None]]:
    return [(d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_the_rule_fires(site: Path, tmp_path: Path, seed_text: str) -> None:
    report = write(tmp_path / "no-agency.txt", seed_text.replace(TITLE, "2024 年政府信息公开工作年度报告"))
    assert "X901" not in run("check", str(report)).stdout, "the core has no X901"
    result = run("check", "--format", "json", str(report), path=site)
    assert ("X901", 3, 1) in findings(result), result.stdout + result.stderr
    assert "X901" not in run("check", str(SEED), path=site).stdout, "a title with the agency passes"


def test_the_rule_documents_itself(site: Path) -> None:
    result = run("rules", "X901", path=site)
    assert result.returncode == 0, result.stderr
    assert "agency-named" in result.stdout and "某某市某某局2024年政府信息公开工作年度报告" in result.stdout


def test_the_packs_identity_fires(site: Path, tmp_path: Path, seed_text: str) -> None:
    # 5 natural persons, a total of 3: M401 (the national sum) and M491 (the province's bound)
    broken = seed_text.replace(NEW_ROW, "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t3")
    report = write(tmp_path / "below.txt", broken)
    result = run("check", "--format", "json", str(report), path=site)
    codes = [code for code, _, _ in findings(result)]
    assert "M491" in codes and "M401" in codes, result.stdout
    assert "M491" not in run("check", str(report)).stdout, "the pack comes from the plugin"
    assert "M491" not in run("check", str(SEED), path=site).stdout


def test_the_reader_reads_csv(site: Path, tmp_path: Path, seed_text: str) -> None:
    """The sample as a spreadsheet saves it: GB18030, every row padded to the widest; read as the text is."""
    lines = [line.split("\t") for line in seed_text.split("\n")]
    width = max(len(cells) for cells in lines)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(cells + [""] * (width - len(cells)) for cells in lines)
    report = write(tmp_path / "sample.csv", out.getvalue(), encoding="gb18030")

    as_text = findings(run("check", "--format", "json", str(SEED)))
    as_csv = run("check", "--format", "json", str(report), path=site)
    assert as_csv.returncode == 0, as_csv.stdout + as_csv.stderr
    assert findings(as_csv) == as_text
    without = findings(run("check", "--format", "json", str(report)))
    assert "S106" in [code for code, _, _ in without], "without the plugin the tables are not seen"
    folder = run("check", "--format", "json", str(tmp_path), path=site)
    assert {d["path"] for d in json.loads(folder.stdout)} >= {str(report)}, "a folder's .csv files are found"


def _dist(site: Path, module: str, source: str) -> None:
    """A one-module plugin with a dist-info, as pip would leave it (see test_packaging.py)."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist = site / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[reportlint]\n{module} = {module}\n")


def test_a_plugin_that_fails_to_import_is_reported_not_fatal(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    _dist(broken, "broken_import", "raise ImportError('No module named reportlint_missing_dependency')\n")

    result = run("check", "--format", "json", str(SEED), path=[broken, site])
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    assert WARNING.match(line) and "broken_import" in line and "reportlint_missing_dependency" in line
    assert findings(result) == findings(run("check", "--format", "json", str(SEED), path=site))
    assert "X901" in run("rules", path=[broken, site]).stdout, "the other plugins still load"


def test_a_plugin_whose_hook_raises_is_reported_not_fatal(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    _dist(
        broken,
        "broken_hooks",
        """
        from pathlib import Path

        from reportlint.hookspecs import hookimpl


        @hookimpl
        def reportlint_add_rules():
            return []


        @hookimpl
        def reportlint_add_readers():
            raise RuntimeError("reader registry unavailable")
        """,
    )
    _dist(
        broken,
        "broken_pack",
        """
        from pathlib import Path

        from reportlint.hookspecs import hookimpl


        @hookimpl
        def reportlint_add_rulepacks():
            return [Path(__file__).with_name("no-such-pack.yaml")]
        """,
    )
    result = run("check", "--format", "json", str(SEED), path=[broken, site])
    assert result.returncode == 0, result.stderr
    warned = sorted(WARNING.match(line).group(1) for line in result.stderr.splitlines())  # type: ignore[union-attr]
    assert warned == ["broken_hooks", "broken_pack"], result.stderr
    assert "reader registry unavailable" in result.stderr and "no-such-pack.yaml" in result.stderr
    assert findings(result) == findings(run("check", "--format", "json", str(SEED), path=site))
