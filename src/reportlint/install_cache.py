"""What is worked out once per installation and kept in the user's cache folder.

A pre-commit hook starts reportlint on every commit, so work that gives the same answer
every time — a schema compiled to Python, the templates' and rule packs' YAML parsed, the
table of characters Unicode normalisation changes — is done once and read back afterwards.
Each entry is named by a digest of everything it was made from (the source text, the
library versions), so a new version or an edited pack makes a new entry rather than a stale
answer. The folder is `$XDG_CACHE_HOME/reportlint` (`~/.cache/reportlint`); where it cannot
be written, everything is simply worked out each time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path


@functools.cache
def folder(kind: str) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "reportlint" / kind
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def entry(kind: str, name: str, *made_from: str) -> Path | None:
    """The file for `name` made from `made_from` (None where there is no cache folder)."""
    where = folder(kind)
    if where is None:
        return None
    digest = hashlib.sha256("\x00".join(made_from).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return where / f"{name}.{digest}"


def read(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def read_bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path | None, content: str | bytes) -> None:
    """Write atomically (a concurrent run reads the old entry or the new one, never half of one)."""
    if path is None:
        return
    from reportlint.atomic import write_atomically  # only when something is kept: most starts only read

    data = content.encode("utf-8") if isinstance(content, str) else content
    with contextlib.suppress(OSError):
        write_atomically(path, data)
