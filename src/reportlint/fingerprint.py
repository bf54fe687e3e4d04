"""A diagnostic's fingerprint: the same finding keeps it when lines move.

Built from the code, the file's path, the pointer into the report model (a cell), the
normalised text the diagnostic points at and its message with figures masked — never from
line numbers — so
a baseline, SARIF's partialFingerprints and GitLab's fingerprint survive edits elsewhere
in the report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.template.labels import normalise

_FIGURES = re.compile(r"\d+(?:\.\d+)?")


def pointer(diagnostic: Diagnostic) -> str:
    """Where in the model the finding is: a cell, or else the rule's own context."""
    if diagnostic.cell is not None:
        cell = diagnostic.cell
        return f"tables/{cell.table}/rows/{cell.row}/{cell.column}"
    return ""


def context(diagnostic: Diagnostic, source_lines: Sequence[str]) -> str:
    """The normalised source text under the diagnostic's span (empty where there is none)."""
    span = diagnostic.span
    if span is None or span.locator or not (1 <= span.line <= len(source_lines)):
        return ""
    line = source_lines[span.line - 1]
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    return normalise(line[span.column - 1 : end])


def fingerprint(diagnostic: Diagnostic, source_lines: Sequence[str] = ()) -> str:
    message = _FIGURES.sub("#", diagnostic.message)  # a changed figure is the same finding
    parts = (
        diagnostic.code,
        diagnostic.path,
        pointer(diagnostic),
        context(diagnostic, source_lines),
        message,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
