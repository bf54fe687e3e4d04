"""The result cache: an unchanged file is not linted again.

An entry is keyed by the file's path and content, reportlint's version and the effective
settings, and holds what linting the file alone gave: its diagnostics (after selection and
suppression), the source lines they point at, and the small part of the report that the
comparisons across reports (X8xx) need. Entries are written to a temporary file and renamed,
so concurrent runs never see half an entry; a damaged entry is a miss. The folder carries a
`.gitignore` of its own, as ruff's cache does.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.atomic import write_atomically

FORMAT = 2  # 2: light reports carry section sketches, not section text


class Cache:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def key(self, path: str, data: bytes, settings: dict[str, Any]) -> str:
        digest = hashlib.sha256()
        for part in (__version__, str(FORMAT), path, json.dumps(settings, sort_keys=True, default=str)):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry: dict[str, Any] = json.loads(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if entry.get("format") == FORMAT else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# written by reportlint\n*\n", encoding="utf-8")
            write_atomically(
                target, json.dumps({"format": FORMAT, **entry}, ensure_ascii=False).encode("utf-8")
            )
        except OSError:
            return  # a cache that cannot be written only makes the next run slower

    def _file(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key}.json"
