"""Every file reportlint writes is written here: beside its target, then renamed over it.

A reader of the target (another run, a CI job, an editor) sees the old file or the new one,
never half of one. The mode is what a plain `open(path, "w")` would give: a new file gets the
mode the umask allows (0644 under umask 022), a file that exists keeps its own. A temporary
file made by `tempfile.mkstemp` is 0600, and that mode would otherwise survive the rename —
a committed baseline or a review page that only its writer can read.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

_NEW_FILE_MODE = 0o666  # what open() asks for; the umask takes its bits away


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically, with the mode a plain write would leave; OSError on failure."""
    target = Path(path)
    try:
        kept: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        kept = None
    temporary, handle = _create_beside(target)
    try:
        with os.fdopen(handle, "wb") as out:
            if kept is not None:
                os.chmod(temporary, kept)  # before any byte is written: a private file stays private
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_beside(target: Path) -> tuple[Path, int]:
    """A new hidden file in the target's folder (O_EXCL: never one another run is writing)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"
        try:
            return temporary, os.open(temporary, flags, _NEW_FILE_MODE)
        except FileExistsError:
            continue
