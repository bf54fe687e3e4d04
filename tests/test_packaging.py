"""The built wheel carries the rule packs and schemas; a plugin installed beside it is picked up."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile

import pytest

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_rules_schemas_and_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "reportlint/rules/gov-2021.yaml",
        "reportlint/rules/gov-2019.yaml",
        "reportlint/schemas/report.schema.json",
        "reportlint/schemas/rulepack.schema.json",
        "reportlint/template/gov-2021.yaml",
        "reportlint/template/gov-2019.yaml",
    ):
        assert needed in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "reportlint = reportlint.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_wheel_works_without_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import reportlint.cli, sys; sys.exit(reportlint.cli.main(sys.argv[1:]))",
            "check",
            str(SEED),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "L201" in result.stdout


def test_a_plugin_from_an_entry_point_runs(tmp_path):
    """A small plugin package, discovered through the `reportlint` entry-point group."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "reportlint_example_plugin.py").write_text(
        textwrap.dedent(
            '''
            from reportlint.hookspecs import hookimpl
            from reportlint.rule import Rule


            class MentionsPandas(Rule):
                """Example: the report mentions pandas.

                Wrong: 熊猫. Right: anything else.
                """

                code = "X900"
                name = "example-agency-length"
                summary = "example plugin rule"

                def check(self, ctx):
                    if ctx.report.agency and len(ctx.report.agency) > 3:
                        yield self.diagnostic(ctx, f"agency {ctx.report.agency} seen by a plugin")


            @hookimpl
            def reportlint_add_rules():
                return [MentionsPandas()]
            '''
        ),
        encoding="utf-8",
    )
    dist = site / "reportlint_example_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-example-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[reportlint]\nexample = reportlint_example_plugin\n")
    import os

    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "X900" in result.stdout and "延津县塔铺街道 seen by a plugin" in result.stdout
