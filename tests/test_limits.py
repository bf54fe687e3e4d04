"""The bounds on one file: sizes parsed, the watchdog armed per file and always disarmed."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from reportlint import limits
from reportlint.api import Options, lint_bytes, lint_paths
from reportlint.readers.text import TextReader

from conftest import SEED


def test_sizes_are_bytes_or_a_number_with_a_unit() -> None:
    assert limits.parse_size(1000) == 1000
    assert limits.parse_size("50 MB") == 50 * 1024 * 1024
    assert limits.parse_size("1.5kb") == 1536
    assert limits.parse_size("2GiB") == 2 * 1024**3
    with pytest.raises(ValueError):
        limits.parse_size("lots")


def _stuck(self: TextReader, path: str, data: bytes) -> None:
    """A reader that never finishes (and never looks at the clock)."""
    while True:
        sum(range(1000))


def test_a_file_that_takes_too_long_is_e006_and_the_timer_is_disarmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".reportlint.yaml").write_text("timeout: 0.5\n", encoding="utf-8")
    (tmp_path / "slow.txt").write_text("stuck", encoding="utf-8")
    (tmp_path / "good.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = signal.getsignal(signal.SIGALRM)
    monkeypatch.setattr(TextReader, "read", _stuck)
    started = time.monotonic()
    results = {Path(r.path).name: r for r in lint_paths([str(tmp_path)])}
    assert time.monotonic() - started < 10
    assert [d.code for d in results["slow.txt"].diagnostics] == ["E006"]
    assert "timeout" in results["slow.txt"].diagnostics[0].message
    assert "W901" in {d.code for d in results["good.md"].diagnostics}
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_the_watchdog_leaves_someone_elses_timer_alone() -> None:
    """A timer already running (a test runner's) is neither replaced nor cancelled."""
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        lint_bytes("r.txt", SEED.read_bytes(), Options(find_config=False))
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_the_readers_checkpoints_keep_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No SIGALRM in a worker thread: a reader's checkpoint (`tick`) ends the file instead."""

    def slow(self: TextReader, path: str, data: bytes) -> None:
        while True:
            limits.current().tick()

    monkeypatch.setattr(TextReader, "read", slow)
    (tmp_path / "c.yaml").write_text("timeout: 0.3\n", encoding="utf-8")
    options = Options(config=str(tmp_path / "c.yaml"))
    found: list[str] = []
    worker = threading.Thread(
        target=lambda: found.extend(d.code for d in lint_bytes("r.txt", b"x", options).diagnostics)
    )
    worker.start()
    worker.join(10)
    assert found == ["E006"]


def test_outside_a_run_the_default_bounds_apply_without_a_deadline() -> None:
    budget = limits.current()
    assert budget.deadline is None and budget.limits == limits.Limits(timeout=0)
    budget.tick()  # never raises: no deadline


def test_the_message_names_the_bound_and_the_key() -> None:
    exc = limits.LimitExceeded("max-pages", 300, 1000)
    assert exc.message("en") == (
        "the file exceeds the bound max-pages (pages 1,000 > 300); raise `max-pages` in the configuration to read it"
    )
    assert "max-pages" in exc.message("zh") and "1,000" in exc.message("zh")
