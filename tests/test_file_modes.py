"""Every file reportlint writes has the mode a plain write gives: the umask's for a new file
(0644 under umask 022), its own for a file that exists. A baseline is committed and read by
everyone's CI; a review page is opened by colleagues; a cache folder is shared by a team.

Each command runs in a child process with the umask set there, as a user's shell sets it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _run(folder: Path, umask: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg")}
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=120,
        preexec_fn=lambda: os.umask(umask),
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_get_the_umasks_mode(folder: Path, umask: int, expected: int) -> None:
    commands = [
        ("check", "report.txt", "--format", "html", "--output-file", "review.html"),
        ("check", "report.txt", "--format", "json", "--output-file", "found.json"),
        ("new", "--year", "2025", "--agency", "某某局", "--format", "docx", "--output", "new.docx"),
        ("baseline", "write", "report.txt"),
    ]
    for command in commands:
        result = _run(folder, umask, *command)
        assert result.returncode in (0, 1) and result.stderr == "", (command, result.stderr)
    written = {
        "baseline": folder / ".reportlint-baseline.json",
        "review page": folder / "review.html",
        "output file": folder / "found.json",
        "new report": folder / "new.docx",
    }
    cache_entries = [p for p in (folder / ".reportlint_cache").rglob("*") if p.is_file()]
    install_entries = [p for p in (folder / "xdg").rglob("*") if p.is_file()]
    assert any(p.parent.name == "runs" for p in cache_entries)  # the run cache, beside the per-file entries
    assert len(cache_entries) >= 3 and install_entries
    written |= {str(p.relative_to(folder)): p for p in [*cache_entries, *install_entries]}
    wrong = {name: oct(_mode(path)) for name, path in written.items() if _mode(path) != expected}
    assert wrong == {}, f"expected {oct(expected)}"
    assert not [p for p in folder.rglob(".*.tmp")]  # no temporary file is left behind


def test_a_file_that_exists_keeps_its_mode(folder: Path) -> None:
    baseline = folder / ".reportlint-baseline.json"
    assert _run(folder, 0o022, "baseline", "write", "report.txt").returncode == 0
    os.chmod(baseline, 0o640)
    before = baseline.stat().st_ino
    assert _run(folder, 0o022, "baseline", "write", "report.txt").returncode == 0
    assert _mode(baseline) == 0o640 and baseline.stat().st_ino != before  # replaced, mode kept
    fixed = folder / "report.txt"
    os.chmod(fixed, 0o600)
    result = _run(folder, 0o022, "check", "--fix", "report.txt")
    assert result.returncode in (0, 1), result.stderr
    assert "本年废止件数" in fixed.read_text(encoding="utf-8")  # --fix rewrote the seed's label typo
    assert _mode(fixed) == 0o600
