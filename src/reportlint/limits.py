"""Bounds on what one file may cost: its size, what it unpacks to, its pages, cells and time.

reportlint reads files nobody controls. A zip bomb named `.docx`, a PDF of ten thousand
pages or a page that never finishes parsing must not stop the run: each bound, when a file
exceeds it, ends that file with diagnostic E006 naming the bound (and the configuration key
that raises it), and the run goes on with the next file.

The sizes are checked before the work they guard: the file's size by `stat` before it is
read, a DOCX's unpacked size and entry count from the zip's central directory before
anything is unpacked, a PDF's page count before any page is laid out. Cells are counted as
a reader builds them. Time is kept by a watchdog: on POSIX, in the main thread, an interval
timer (SIGALRM) interrupts whatever runs; elsewhere (a worker thread, Windows) the readers'
own checkpoints (`tick`) notice the deadline.
"""

from __future__ import annotations

import contextvars
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

_UNITS = {"": 1, "b": 1, "k": KIB, "kb": KIB, "kib": KIB, "m": MIB, "mb": MIB, "mib": MIB}
_UNITS.update({"g": GIB, "gb": GIB, "gib": GIB})
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(value: int | float | str) -> int:
    """Bytes from a configured size: a number of bytes, or "50 MB" (KB, MB, GB count by 1024)."""
    if isinstance(value, (int, float)):
        return int(value)
    match = _SIZE.match(value)
    if match is None or match.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {value!r} (write bytes, or a number with KB, MB or GB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


class LimitExceeded(BaseException):
    """A file went past one of the bounds (E006).

    A BaseException on purpose, like KeyboardInterrupt: the parsers underneath (pdfminer,
    python-docx, lxml's callers) catch `Exception` broadly, and a timeout or a bound
    raised inside them must end the file, not be taken for a damaged object and skipped.
    """

    def __init__(self, key: str, limit: float, actual: float | None = None, what: str = "") -> None:
        super().__init__(key, limit, actual, what)
        self.key = key  # the configuration key: max-file-size, timeout …
        self.limit = limit
        self.actual = actual
        self.what = what  # what was measured, e.g. "unpacked size of the zip's entries"

    def message(self, lang: str) -> str:
        """One line naming the bound, what was measured and how to raise it."""
        limit, actual = _shown(self.key, self.limit), _shown(self.key, self.actual)
        if actual == limit and self.key in ("max-file-size", "max-decompressed-size"):
            limit, actual = f"{int(self.limit):,} bytes", f"{int(self.actual or 0):,} bytes"
        zh_what, en_what = _WHAT[self.key]
        if lang == "en":
            if self.key == "timeout":
                measured = f"not finished within {limit}"
            elif self.actual is None:
                measured = f"{self.what or en_what} over {limit}"
            else:
                measured = f"{self.what or en_what} {actual} > {limit}"
            return f"the file exceeds the bound {self.key} ({measured}); raise `{self.key}` in the configuration to read it"
        if self.key == "timeout":
            measured = f"{limit} 内未处理完"
        elif self.actual is None:
            measured = f"{zh_what}超过上限 {limit}"
        else:
            measured = f"{zh_what} {actual}，超过上限 {limit}"
        return f"文件超出读取限制 {self.key}（{measured}）；如确需读取，请在配置中调高 `{self.key}`"

    def __str__(self) -> str:
        return self.message("en")


_WHAT = {
    "max-file-size": ("文件大小", "file size"),
    "max-decompressed-size": ("解压后大小", "unpacked size"),
    "max-entries": ("压缩包条目数", "zip entries"),
    "max-pages": ("页数", "pages"),
    "max-cells": ("单元格数", "cells"),
    "timeout": ("处理时间", "time"),
}


def _shown(key: str, value: float | None) -> str:
    if value is None:
        return ""
    if key in ("max-file-size", "max-decompressed-size"):
        for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
            if value >= size:
                return f"{value / size:,.1f} {unit}".replace(".0 ", " ")
        return f"{int(value):,} bytes"
    if key == "timeout":
        return f"{value:g} s"
    return f"{int(value):,}"


@dataclass(frozen=True)
class Limits:
    """The bounds in force for one file; 0 switches a bound off."""

    max_file_size: int = 50 * MIB
    max_decompressed_size: int = 200 * MIB
    max_entries: int = 10_000
    max_pages: int = 300
    max_cells: int = 200_000
    timeout: float = 60.0

    @classmethod
    def of(cls, settings: Any) -> Limits:
        """The bounds a file's configuration sets (`reportlint.config.Config`)."""
        return cls(
            max_file_size=parse_size(settings.max_file_size),
            max_decompressed_size=parse_size(settings.max_decompressed_size),
            max_entries=int(settings.max_entries),
            max_pages=int(settings.max_pages),
            max_cells=int(settings.max_cells),
            timeout=float(settings.timeout),
        )

    def check(self, key: str, actual: float, what: str = "") -> None:
        """Raise LimitExceeded if `actual` goes past the bound `key` (a configuration key)."""
        limit = getattr(self, key.replace("-", "_"))
        if limit and actual > limit:
            raise LimitExceeded(key, limit, actual, what)


class Budget:
    """One file's bounds while it is being read, and its deadline (None: no time bound)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.timeout if limits.timeout else None

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def tick(self) -> None:
        """A checkpoint: past the deadline, end the file (where no timer can interrupt it)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitExceeded("timeout", self.limits.timeout)


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("reportlint_budget", default=None)


def current() -> Budget:
    """The budget of the file being read; outside a guard, a fresh one with the default bounds."""
    budget = _current.get()
    return budget if budget is not None else Budget(Limits(timeout=0))


class CellCount:
    """A reader's tally of the cells it has built for one document (bound: max-cells)."""

    def __init__(self) -> None:
        self.budget = current()
        self.count = 0
        self.limit = self.budget.limits.max_cells

    def add(self, count: int = 1) -> None:
        self.count += count
        if self.limit and self.count > self.limit:
            raise LimitExceeded("max-cells", self.limit, self.count)
        if self.count % 256 < count:
            self.budget.tick()


@contextmanager
def guard(limits: Limits) -> Iterator[Budget]:
    """Run one file's work (reading, extraction, its rules) within its bounds; the timer is
    always disarmed on the way out, whatever ends the work."""
    budget = Budget(limits)
    token = _current.set(budget)
    alarm = _Alarm(budget) if limits.timeout else None
    try:
        if alarm is not None:
            alarm.arm()
        yield budget
    finally:
        if alarm is not None:
            alarm.disarm()
        _current.reset(token)


class _Alarm:
    """SIGALRM on the main thread: interrupts even a parser stuck in one long Python loop.

    Not armed where it cannot work or would disturb someone else: off the main thread, on a
    platform without setitimer, or when another timer (a test runner's) is already running.
    The handler raises only while armed, so a signal that arrives as the file ends is void.
    """

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.armed = False
        self.installed = False
        self.previous: Any = None

    def arm(self) -> None:
        remaining = self.budget.remaining()
        if remaining is None or not hasattr(signal, "setitimer"):
            return
        if threading.current_thread() is not threading.main_thread():
            return
        if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            return
        self.previous = signal.signal(signal.SIGALRM, self._fire)
        self.installed = self.armed = True
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise LimitExceeded("timeout", self.budget.limits.timeout)

    def disarm(self) -> None:
        self.armed = False
        if not self.installed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous if self.previous is not None else signal.SIG_DFL)
        self.installed = False
