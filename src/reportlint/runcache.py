"""The output of a whole run, kept while nothing the run read has changed.

A second `reportlint check` over 10,000 unchanged reports should answer at once. The
per-file cache (reportlint.cache) still reads and hashes every file, decodes every entry
and compares the reports with each other again (X8xx); this one keys the run's output by
what the run read — each file's size, times and inode, the other files in their folders
(last year's report is looked for there), last year's reports named by `previous`, each
file's settings, the rules, readers, reporters and plugins in force, reportlint's own files
and the command's options — and prints what the run printed. Like ruff's cache, it trusts a
file's size and modification time; any change runs the files again, through the per-file
cache. Entries live in `<cache dir>/runs/`, the newest few kept, each written atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.atomic import write_atomically
from reportlint.config import Config
from reportlint.dependencies import stamp

FORMAT = 1
KEPT = 8  # run entries kept in a cache folder: each holds a whole run's output


@dataclass
class Saved:
    """What a run printed: its output, its exit status and its notes on stderr."""

    output: str
    status: int
    notes: list[str] = field(default_factory=list)


class RunCache:
    """One run's entry: `load` before the run, `save` after it."""

    def __init__(self, folder: str | Path, key: str) -> None:
        self.file = Path(folder) / "runs" / f"{key}.txt"

    def load(self) -> Saved | None:
        try:
            with self.file.open(encoding="utf-8", newline="") as handle:
                head = json.loads(handle.readline())
                if head.get("format") != FORMAT:
                    return None
                output = handle.read()
        except (OSError, ValueError, AttributeError):
            return None  # missing or damaged: the run is made again
        if len(output) != head.get("length"):
            return None
        return Saved(output, int(head["status"]), list(head.get("notes", [])))

    def save(self, saved: Saved) -> None:
        head = {"format": FORMAT, "status": saved.status, "notes": saved.notes, "length": len(saved.output)}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.file.parent.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# written by reportlint\n*\n", encoding="utf-8")
            text = json.dumps(head, ensure_ascii=False) + "\n" + saved.output
            write_atomically(self.file, text.encode("utf-8", "surrogatepass"))
            _prune(self.file.parent)
        except OSError:
            return  # a cache that cannot be written only makes the next run slower


def run_key(
    files: list[str],
    request: dict[str, Any],
    settings_of: Callable[[str], Config],
    previous_of: Callable[[Config], Iterable[str]],
    signature: Iterable[str],
) -> str:
    """A digest of everything a run over `files` reads: see the module's docstring."""
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass") + b"\x1e")

    add(__version__, FORMAT, os.getcwd(), json.dumps(request, sort_keys=True, default=str))
    add(*signature)  # rule_signature() among it: reportlint's own files and the libraries in use
    configs: dict[int, int] = {}
    previous: set[str] = set()
    for path in files:
        settings = settings_of(path)
        if id(settings) not in configs:
            configs[id(settings)] = len(configs)
            source = str(settings.source) if settings.source else ""  # globs are read from its folder
            add("config", source, json.dumps(settings.as_dict(), sort_keys=True, default=str))
            previous.update(previous_of(settings))
        add(path, stamp(path), configs[id(settings)])
    linted: dict[str, set[str]] = {}
    for path in files:
        folder, name = os.path.split(path)
        linted.setdefault(folder or ".", set()).add(name)
    for folder, names in sorted(linted.items()):
        add("beside", folder, *_others(folder, names))  # where last year's report is looked for
    for path in sorted(previous):
        add("previous", path, *(f"{p} {stamp(p)}" for p in _walk(path)))
    return digest.hexdigest()


def _others(folder: str, linted: set[str]) -> list[str]:
    """The folder's files that the run does not lint (by name), with their stamps."""
    try:
        with os.scandir(folder) as entries:
            found = sorted(e.path for e in entries if e.name not in linted)
    except OSError as exc:
        return [f"unreadable {exc.errno}"]
    return [f"{path} {stamp(path)}" for path in found]


def _walk(path: str) -> list[str]:
    if not os.path.isdir(path):
        return [path]
    return sorted(os.path.join(root, name) for root, _, names in os.walk(path) for name in names)


def _prune(folder: Path) -> None:
    """Keep the newest KEPT entries (another run may be pruning too: a file gone is fine)."""

    def age(entry: Path) -> int:
        try:
            return entry.stat().st_mtime_ns
        except OSError:
            return 0

    for stale in sorted(folder.glob("*.txt"), key=age, reverse=True)[KEPT:]:
        with contextlib.suppress(OSError):
            stale.unlink()
