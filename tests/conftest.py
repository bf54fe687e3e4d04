"""Shared test helpers: where the sample report is, and running the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m reportlint ARGS` as a user would; never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )
