"""`--fix` and `--diff`: the safe fixes only, written atomically and only where the file is unchanged.

A fix replaces exactly the text a diagnostic points at with the rule's suggestion, for the
rules that declare themselves `fixable` (a mistyped label → the template's label; a half-width
mark among Chinese → the full-width one). A fix is refused where it would change a figure,
touch markup, or span lines; files whose format holds no editable text (DOCX, PDF, data) are
never changed. The file is re-read and re-decoded in its own encoding and line endings, and
written through a temporary file and a rename, keeping its permissions; if it changed since
it was linted, it is left alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.atomic import write_atomically
from reportlint.diagnostics import Diagnostic
from reportlint.readers.decode import decode

EDITABLE = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".shtml", "")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Fix:
    line: int
    start: int  # 0-based columns in the line
    end: int
    replacement: str


def fixes_for(diagnostics: Sequence[Diagnostic], fixable: set[str]) -> dict[str, list[Fix]]:
    """The fixes the diagnostics offer, by file."""
    found: dict[str, list[Fix]] = {}
    for d in diagnostics:
        span = d.span
        if d.code not in fixable or d.suggestion is None or span is None or span.locator:
            continue
        if span.line != span.end_line or Path(d.path).suffix.lower() not in EDITABLE:
            continue
        found.setdefault(d.path, []).append(
            Fix(span.line, span.column - 1, span.end_column - 1, d.suggestion)
        )
    return found


@dataclass
class Outcome:
    path: str
    before: str
    after: str
    applied: int

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                self.path,
                self.path,
            )
        )


def plan(path: str, fixes: list[Fix]) -> Outcome:
    """The file's text with the safe fixes applied (nothing is written)."""
    data = Path(path).read_bytes()
    text, _ = decode(data)
    lines = text.splitlines(keepends=True)
    applied = 0
    for fix in sorted(set(fixes), key=lambda f: (f.line, f.start), reverse=True):
        if not 1 <= fix.line <= len(lines):
            continue
        line = lines[fix.line - 1]
        old = line[fix.start : fix.end]
        if _safe(old, fix.replacement):
            lines[fix.line - 1] = line[: fix.start] + fix.replacement + line[fix.end :]
            applied += 1
    return Outcome(path, text, "".join(lines), applied)


def _safe(old: str, new: str) -> bool:
    """A fix never changes a figure, never touches markup, never empties text."""
    return (
        bool(old.strip())
        and "<" not in old
        and ">" not in old
        and _DIGITS.findall(old) == _DIGITS.findall(new)
    )


def write(outcome: Outcome) -> bool:
    """Write atomically, keeping the file's mode; refuse if the file changed since `plan` read it."""
    path = Path(outcome.path)
    data = path.read_bytes()
    text, encoding = decode(data)
    if text != outcome.before:
        return False
    write_atomically(path, outcome.after.encode(encoding))
    return True
