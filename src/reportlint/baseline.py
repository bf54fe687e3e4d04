"""The baseline: today's diagnostics recorded, so that a repository can switch a rule on for new faults only.

Entries are keyed by fingerprint (code, path, model pointer, normalised context — never
line numbers), so editing elsewhere in a report does not bring its old findings back.
`check --baseline FILE` drops what the baseline holds and says how many entries no longer
occur; `baseline prune` writes the baseline without them, so it only ever shrinks.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint.atomic import write_atomically
from reportlint.fingerprint import fingerprint

VERSION = 1


def entries(results: Sequence[Any]) -> list[dict[str, Any]]:
    found = []
    for result in results:
        for d in result.diagnostics:
            found.append(
                {
                    "fingerprint": fingerprint(d, result.source_lines),
                    "code": d.code,
                    "path": d.path,
                    "message": d.message,
                }
            )
    return sorted(found, key=lambda e: (e["path"], e["code"], e["fingerprint"]))


def read(path: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not a reportlint baseline ({exc})") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("entries"), list)
    ):
        raise ValueError(f"{path}: not a reportlint baseline (version {VERSION})")
    return list(data["entries"])


def write(path: str, found: list[dict[str, Any]]) -> None:
    """Write atomically, with the mode a committed file needs (reportlint.atomic)."""
    text = json.dumps({"version": VERSION, "entries": found}, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text.encode("utf-8"))


def compare(results: Sequence[Any], path: str) -> tuple[list[Any], int]:
    """Results without what the baseline holds, and how many baseline entries no longer occur."""
    known = Counter(e["fingerprint"] for e in read(path))
    seen: Counter[str] = Counter()
    for result in results:
        kept = []
        for d in result.diagnostics:
            key = fingerprint(d, result.source_lines)
            if seen[key] < known[key]:
                seen[key] += 1
            else:
                kept.append(d)
        result.diagnostics = kept
    gone = sum((known - seen).values())
    return list(results), gone


def prune(results: Sequence[Any], path: str) -> int:
    """Drop the entries that no longer occur; return how many were dropped."""
    current = Counter(e["fingerprint"] for e in entries(results))
    kept, dropped = [], 0
    for entry in read(path):
        if current[entry["fingerprint"]] > 0:
            current[entry["fingerprint"]] -= 1
            kept.append(entry)
        else:
            dropped += 1
    write(path, kept)
    return dropped
