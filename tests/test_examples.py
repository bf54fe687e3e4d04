"""The example report repository and the CI templates: the report is clean, the YAML says what it must.

A template that does not parse, or names a hook or command that does not exist, fails only
in the user's CI, long after the release; these tests catch it here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint import __version__

from conftest import ROOT, run_cli

REPO = ROOT / "examples" / "report-repo"
REPORTS = REPO / "reports"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_example_reports_are_clean() -> None:
    result = run_cli("check", str(REPORTS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "错误 0 个" in result.stdout
    assert list(REPORTS.glob("**/*.md")), "the example repository holds a report"


def test_the_example_report_is_fully_written() -> None:
    """Filled in from `reportlint new`: no 【…】 placeholder left, and nothing to report at all."""
    (report,) = REPORTS.glob("2024/*.md")
    assert "【" not in report.read_text(encoding="utf-8")
    result = run_cli("check", "--fail-on", "info", str(report))
    assert result.returncode == 0, result.stdout


def test_the_action() -> None:
    action = _yaml(ROOT / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "args", "python-version"} <= set(action["inputs"])
    assert action["inputs"]["format"]["default"] == "github"
    steps = action["runs"]["steps"]
    assert any(str(step.get("uses", "")).startswith("actions/setup-python@") for step in steps)
    scripts = "\n".join(str(step.get("run", "")) for step in steps)
    assert "reportlint check" in scripts
    installs = next(step for step in steps if "pip install" in str(step.get("run", "")))
    assert "github.action_path" in str(installs["env"]), "installed from the action's own checkout"
    assert "${{" not in scripts, "inputs reach scripts through env, never pasted into them"


def test_the_action_runs_its_check_step() -> None:
    """The check step's script, run by bash with the inputs as the action passes them."""
    action = _yaml(ROOT / "action.yml")
    (step,) = [s for s in action["runs"]["steps"] if "reportlint check" in str(s.get("run", ""))]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",  # where `reportlint` is
        "REPORTLINT_PATHS": str(REPORTS),
        "REPORTLINT_FORMAT": "json",
        "REPORTLINT_FAIL_ON": "error",
        "REPORTLINT_ARGS": "--lang en",
    }
    assert set(step["env"]) <= set(env)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("[")


def test_the_gitlab_template() -> None:
    template = _yaml(ROOT / "ci" / "gitlab-ci.yml")
    job = template["reportlint"]
    script = "\n".join(job["script"])
    assert "reportlint check" in script
    assert "--format gitlab" in script and "--output-file gl-code-quality-report.json" in script
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always", "the report is kept when the job fails"
    assert job["variables"]["REPORTLINT_PACKAGE"].endswith(f"=={__version__}"), "pinned to this release"


def test_the_example_pre_commit_config() -> None:
    config = _yaml(REPO / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    (manifest,) = _yaml(ROOT / ".pre-commit-hooks.yaml")
    assert [hook["id"] for hook in hooks] == [manifest["id"]] == ["reportlint"]
    assert all(repo.get("rev") for repo in config["repos"])


def test_the_example_workflow_uses_the_action() -> None:
    workflow = _yaml(REPO / ".github" / "workflows" / "reportlint.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    (lint,) = [step for step in steps if "/reportlint@" in str(step.get("uses", ""))]
    assert lint["with"]["paths"] == "reports"
    assert any(str(step.get("uses", "")).startswith("actions/checkout@") for step in steps)


def test_the_example_gitlab_ci_includes_the_template() -> None:
    config = _yaml(REPO / ".gitlab-ci.yml")
    includes = config["include"]
    assert any(str(item.get("remote", "")).endswith("/ci/gitlab-ci.yml") for item in includes)
    assert config["variables"]["REPORTLINT_PATHS"] == "reports"


def test_the_gitlab_job_writes_a_code_quality_report(tmp_path: Path) -> None:
    """The template's `reportlint check` line, run as GitLab would (once the gitlab format exists)."""
    from reportlint import plugins

    if "gitlab" not in plugins.reporters():
        pytest.skip("the gitlab output format is not registered yet")
    template = _yaml(ROOT / "ci" / "gitlab-ci.yml")
    (line,) = [s for s in template["reportlint"]["script"] if s.startswith("reportlint check")]
    args = line.replace("$REPORTLINT_ARGS", "").replace("$REPORTLINT_PATHS", str(REPORTS)).split()[1:]
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    issues = json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issues == [], "a clean report: an empty Code Quality report"
