"""A progress bar on stderr for long runs of `reportlint check` on a terminal.

Why: linting a province's thousand reports takes a while, and a silent terminal looks
hung. The bar is drawn in place with a carriage return, only on a terminal (the caller
decides: stderr a TTY, text output) and only for runs of more than `threshold` files, so
that short runs, pipes, CI logs and JSON output never see it. It erases itself when the
run ends, so the diagnostics and the closing summary line start on a clean line.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

THRESHOLD = 20  # more files than this get a bar
_WIDTH = 30
_INTERVAL = (
    0.1  # seconds between redraws: a thousand writes to a slow terminal cost more than the bar is worth
)


class ProgressBar:
    """`bar(done, total)` redraws `检查文件 [#####.....] 12/54`; `close()` erases it."""

    def __init__(self, stream: TextIO, threshold: int = THRESHOLD) -> None:
        self.stream = stream
        self.threshold = threshold
        self.drawn = 0  # length of the line on screen, 0 when nothing is drawn
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total <= self.threshold:
            return
        now = time.monotonic()
        if done < total and now - self._last < _INTERVAL:
            return
        self._last = now
        filled = _WIDTH * done // total
        line = f"检查文件 [{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total}"
        self.stream.write("\r" + line)
        self.stream.flush()
        self.drawn = len(line)

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")  # back to the line's start and clear it
            self.stream.flush()
            self.drawn = 0


@contextmanager
def bar(stream: TextIO, enabled: bool, threshold: int = THRESHOLD) -> Iterator[ProgressBar | None]:
    """A bar for the run inside the block (None when disabled), erased however the block ends."""
    if not enabled:
        yield None
        return
    progress = ProgressBar(stream, threshold)
    try:
        yield progress
    finally:
        progress.close()
