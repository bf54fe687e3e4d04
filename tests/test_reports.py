"""Each tests/data/reports/<case>.txt is linted and checked against <case>.yaml.

YAML keys: description; model (keys `reportlint parse` must find); cells (table/row/column/value
that must be extracted); expect (diagnostics that must appear: code, and optionally cell,
expected, actual, line, suggestion); absent (codes that must not appear); exact (the set of codes
is exactly that of expect, info notes aside); xfail (a known linter bug: the reason).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint.api import Options, lint_file, parse_file
from reportlint.diagnostics import Diagnostic, Severity

REPORTS = Path(__file__).parent / "data" / "reports"


def _cases() -> list[Any]:
    params = []
    for path in sorted(REPORTS.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if "xfail" in spec else []
        params.append(pytest.param(path.with_suffix(".txt"), spec, id=path.stem, marks=marks))
    return params


def _matches(d: Diagnostic, want: dict[str, Any]) -> bool:
    got = {
        "code": d.code,
        "cell": d.cell.to_json() if d.cell else None,
        "expected": d.expected,
        "actual": d.actual,
        "line": d.span.line if d.span else None,
        "suggestion": d.suggestion,
    }
    return all(got[key] == value for key, value in want.items())


@pytest.mark.parametrize(("path", "spec"), _cases())
def test_report(path: Path, spec: dict[str, Any]) -> None:
    diagnostics = lint_file(str(path), Options()).diagnostics
    shown = "\n".join(f"{d.code} {d.cell and d.cell.to_json()} {d.message}" for d in diagnostics)

    if "model" in spec or "cells" in spec:
        report = parse_file(str(path)).report
        assert report is not None, shown
        model = report.to_json()
        for key, value in spec.get("model", {}).items():
            assert model.get(key) == value, f"model[{key!r}]"
        for c in spec.get("cells", []):
            cell = model["tables"][c["table"]]["rows"].get(c["row"], {}).get(c["column"], {})
            assert cell.get("value") == c["value"], f"{c} extracted as {cell}"

    for want in spec.get("expect", []):
        assert any(_matches(d, want) for d in diagnostics), f"missing {want}; got:\n{shown}"
    codes = {d.code for d in diagnostics}
    unwanted = codes & set(spec.get("absent", []))
    assert not unwanted, f"unexpected {sorted(unwanted)}; got:\n{shown}"
    if spec.get("exact"):  # exactly these problems; info notes are advice, not problems
        problems = {d.code for d in diagnostics if d.severity >= Severity.WARNING}
        assert problems == {want["code"] for want in spec.get("expect", [])}, shown
