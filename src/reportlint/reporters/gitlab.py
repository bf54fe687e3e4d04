"""GitLab Code Quality JSON (the Code Climate subset GitLab reads).

GitLab matches issues between the base and the merge request by `fingerprint`, so it must
be stable (reportlint.fingerprint ignores line numbers) and unique within one report
(repeats are numbered, see `sarif.unique_fingerprints`). GitLab has five severities; ours
map error → major, warning → minor, info → info ("critical" and "blocker" are left for
findings worse than a wrong figure, which reportlint does not have).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.reporters.sarif import unique_fingerprints

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        prints = unique_fingerprints(diagnostics, sources)
        issues = [_issue(d, fp) for d, fp in zip(diagnostics, prints, strict=True)]
        return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(d: Diagnostic, fp: str) -> dict[str, Any]:
    begin = max(1, d.span.line) if d.span else 1
    end = max(begin, d.span.end_line) if d.span and not d.span.locator else begin
    description = f"{d.code} {d.message}"
    if d.span is not None and d.span.locator:
        description += f" ({d.span.locator})"
    return {
        "description": description,
        "check_name": d.code,
        "fingerprint": fp,
        "severity": _SEVERITIES[d.severity],
        "location": {"path": d.path, "lines": {"begin": begin, "end": end}},
    }
