"""Diagnostic and Severity: what a rule says about a report."""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass, field
from typing import Any

from reportlint.document import Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class CellRef:
    """A cell of the template: table key, row key and column key."""

    table: str
    row: str
    column: str

    def to_json(self) -> dict[str, str]:
        return {"table": self.table, "row": self.row, "column": self.column}


@dataclass(slots=True)  # a run of 10,000 files holds some 40,000 of these until the end
class Diagnostic:
    code: str
    severity: Severity
    message: str
    path: str
    span: Span | None = None
    rule: str = ""
    cell: CellRef | None = None
    expected: Any = None
    actual: Any = None
    suggestion: str | None = None
    related: list[Span] = field(default_factory=list)

    def sort_key(self) -> tuple[str, int, int, str]:
        line = self.span.line if self.span else 0
        column = self.span.column if self.span else 0
        return (self.path, line, column, self.code)

    def to_json(self) -> dict[str, Any]:
        span = self.span
        data: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "line": span.line if span else 1,
            "column": span.column if span else 1,
            "end_line": span.end_line if span else 1,
            "end_column": span.end_column if span else 1,
        }
        if span and span.locator:
            data["locator"] = span.locator
        if self.cell:
            data["cell"] = self.cell.to_json()
        if self.expected is not None or self.actual is not None:
            data["expected"] = self.expected
            data["actual"] = self.actual
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        if self.related:
            data["related"] = [s.to_json() for s in self.related]
        return data


def _span(data: dict[str, Any], prefix: str = "") -> Span:
    return Span(data["line"], data["column"], data["end_line"], data["end_column"], data.get("locator"))


def diagnostic_from_json(data: dict[str, Any]) -> Diagnostic:
    """The Diagnostic a `to_json` form describes (the cache stores diagnostics this way)."""
    cell = data.get("cell")
    return Diagnostic(  # names repeated across a run's findings are kept once (sys.intern)
        code=sys.intern(data["code"]),
        severity=Severity.parse(data["severity"]),
        message=data["message"],
        path=sys.intern(data["path"]),
        span=_span(data) if data.get("has_span", True) else None,
        rule=sys.intern(data.get("rule", "")),
        cell=CellRef(*map(sys.intern, (cell["table"], cell["row"], cell["column"]))) if cell else None,
        expected=data.get("expected"),
        actual=data.get("actual"),
        suggestion=data.get("suggestion"),
        related=[_span(r) for r in data.get("related", [])],
    )
