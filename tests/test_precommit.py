"""The pre-commit hook, run by the real pre-commit: a clean report passes, a broken one fails with M401.

`pre-commit try-repo` installs the hook the way a report repository's config does: it
clones the hook's repository, builds a virtualenv and pip-installs it there. try-repo
takes the repository's HEAD plus its staged and tracked-modified files (`git add -u`), but
not untracked ones, and needs a git repository at all — so this checkout's files are
committed into a scratch repository first. The test then sees what is on disk, in a clean
CI checkout, in a working tree with new files, and in an unpacked sdist alike.

Building the hook's environment needs the package index; without it the test is skipped.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs pre-commit (the `test` extra) and git",
)

BROKEN_ROW = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
# words in pip's output when the index cannot be reached: the environment, not the hook, failed
_OFFLINE = (
    "No matching distribution found",
    "Could not find a version that satisfies",
    "Temporary failure in name resolution",
    "Failed to establish a new connection",
    "Network is unreachable",
    "ProxyError",
    "SSLError",
    "Read timed out",
)
_SKIP_IN_COPY = shutil.ignore_patterns(
    ".git",
    ".venv",
    "*_cache",
    "__pycache__",
    "build",
    "dist",
    "*.egg-info",
    "bench",
    ".corpus",
    ".hypothesis",
)


def _git(*args: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


def _commit_all(repo: Path, env: dict[str, str]) -> None:
    _git("init", "--quiet", "--initial-branch=main", str(repo), cwd=repo.parent, env=env)
    _git("add", "--all", cwd=repo, env=env)
    _git("commit", "--quiet", "--no-verify", "-m", "snapshot", cwd=repo, env=env)


@pytest.fixture(scope="module")
def git_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment free of the caller's git state (a hook running this test sets GIT_DIR)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    identity = {"GIT_AUTHOR_NAME": "reportlint", "GIT_AUTHOR_EMAIL": "reportlint@example.invalid"}
    env.update(identity, GIT_COMMITTER_NAME="reportlint", GIT_COMMITTER_EMAIL="reportlint@example.invalid")
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    return env


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, git_env: dict[str, str]) -> Path:
    """This checkout as it is on disk, committed: what try-repo installs the hook from."""
    repo = tmp_path_factory.mktemp("hook") / "reportlint"
    shutil.copytree(ROOT, repo, ignore=_SKIP_IN_COPY)
    _commit_all(repo, git_env)
    return repo


@pytest.fixture(scope="module")
def report_repo(tmp_path_factory: pytest.TempPathFactory, git_env: dict[str, str]) -> Path:
    """A report repository with a clean report (warnings only) and one whose row total is wrong."""
    repo = tmp_path_factory.mktemp("reports") / "reports"
    repo.mkdir()
    text = SEED.read_text(encoding="utf-8")
    assert BROKEN_ROW in text
    (repo / "clean.txt").write_text(text, encoding="utf-8")
    broken = text.replace(BROKEN_ROW, BROKEN_ROW[: -len("0")] + "5")  # 总计 5, the applicants add up to 0
    (repo / "broken.txt").write_text(broken, encoding="utf-8")
    _commit_all(repo, git_env)
    return repo


def _try_repo(hook_repo: Path, report_repo: Path, env: dict[str, str], name: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "reportlint", "--files", name],
        cwd=report_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
    if result.returncode == 3 and log.exists():  # pre-commit's own failure, e.g. installing the environment
        details = log.read_text(encoding="utf-8", errors="replace")
        offline = next((word for word in _OFFLINE if word in details), None)
        if offline:
            pytest.skip(f"pre-commit could not build the hook's environment (no package index: {offline!r})")
        output += details
    return result.returncode, output


def test_a_clean_report_passes(hook_repo: Path, report_repo: Path, git_env: dict[str, str]) -> None:
    status, output = _try_repo(hook_repo, report_repo, git_env, "clean.txt")
    assert status == 0, output
    assert "Passed" in output


def test_a_broken_report_fails_with_m401(hook_repo: Path, report_repo: Path, git_env: dict[str, str]) -> None:
    status, output = _try_repo(hook_repo, report_repo, git_env, "broken.txt")
    assert status == 1, output
    assert "Failed" in output
    assert "broken.txt" in output and "M401" in output


def test_the_hook_selects_reports_not_configuration() -> None:
    """`files` takes the formats reports are published in; README and data files are not reports."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "reportlint" and hook["entry"] == "reportlint check"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for report in (
        "reports/2024/某某局2024年报.md",
        "年报.PDF",
        "a.docx",
        "b.htm",
        "c.html",
        "d.txt",
        "e.pdf",
    ):
        assert selected(report), report
    for other in (
        "README.md",
        "CHANGELOG.md",
        "requirements.txt",
        ".github/workflows/ci.yml",
        "data.json",
        "x.yaml",
    ):
        assert not selected(other), other
