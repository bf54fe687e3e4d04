"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

What the viewers insist on, and so what this module guarantees:

- one run, `tool.driver.rules` built from the rule catalogue (only the rules that occur,
  so the log stays small and stable), each result pointing at its rule by `ruleIndex`;
- regions counted in Unicode code points (`columnKind`), and no line or column below 1 —
  GitHub rejects a whole upload over a single `startColumn: 0`;
- `partialFingerprints` from `reportlint.fingerprint`, which ignores line numbers, so an
  alert survives edits elsewhere in the report; a repeated fingerprint in one log is
  numbered, because two results with one fingerprint would be merged into one alert;
- DOCX/PDF positions (`Span.locator`) go into a logical location and the message, while
  the region keeps a line ≥ 1 so the result still has a physical location;
- the cells of a sum as `relatedLocations`, and cell / expected / actual / suggestion as
  result properties, so SARIF carries what the JSON output carries.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from reportlint import __version__
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.document import Span
from reportlint.fingerprint import fingerprint, pointer

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "reportlint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DESCRIPTION_LIMIT = 1024  # GitHub truncates rule descriptions beyond this; `help` has the whole doc


class SarifReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        return json.dumps(sarif_log(diagnostics, sources), ensure_ascii=False, indent=2) + "\n"


def sarif_log(diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> dict[str, Any]:
    """The SARIF log as a JSON-able dict (tests validate this against the schema)."""
    rules, index = _rules(diagnostics)
    prints = unique_fingerprints(diagnostics, sources)
    results = [_result(d, index[d.code], fp) for d, fp in zip(diagnostics, prints, strict=True)]
    driver: dict[str, Any] = {"name": "reportlint", "version": __version__, "rules": rules}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def unique_fingerprints(diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> list[str]:
    """Each diagnostic's fingerprint, numbered from its second occurrence in this output.

    Two findings can share a fingerprint (the same doubled word twice in one file);
    GitHub and GitLab would fold them into one. The first keeps the plain fingerprint, so
    it still matches a baseline; later ones get `fp:2`, `fp:3`, in output order.
    """
    seen: dict[str, int] = {}
    out: list[str] = []
    for d in diagnostics:
        fp = fingerprint(d, sources.get(d.path, ()))
        seen[fp] = seen.get(fp, 0) + 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out


def _rules(diagnostics: Sequence[Diagnostic]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """reportingDescriptors for the codes that occur, sorted by code, and each code's index."""
    from reportlint import plugins

    catalogue: dict[str, Any] = {}
    for rule in plugins.rules():
        catalogue.setdefault(rule.code, rule)  # a code checked under two templates is one rule
    codes = sorted({d.code for d in diagnostics})
    names = {d.code: d.rule for d in diagnostics}
    descriptors = [_descriptor(code, catalogue.get(code), names[code]) for code in codes]
    return descriptors, {code: i for i, code in enumerate(codes)}


def _descriptor(code: str, rule: Any, fallback_name: str) -> dict[str, Any]:
    if rule is None:  # a plugin emitted a code it did not register: still a valid descriptor
        return {"id": code, "name": fallback_name or code}
    doc = str(getattr(rule, "doc", "") or rule.summary)
    descriptor: dict[str, Any] = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[0][:_DESCRIPTION_LIMIT]},
        "help": {"text": doc},
        "defaultConfiguration": {"level": _LEVELS[_severity(rule.severity)]},
    }
    summary_en = getattr(rule, "summary_en", "")
    if summary_en:
        descriptor["properties"] = {"summary_en": summary_en}
    return descriptor


def _severity(value: Any) -> Severity:
    """A rule's severity, whether declared as a Severity or (in a rule pack) as its name."""
    return value if isinstance(value, Severity) else Severity.parse(str(value))


def _result(d: Diagnostic, rule_index: int, fp: str) -> dict[str, Any]:
    text = d.message
    if d.span is not None and d.span.locator:
        text += f" ({d.span.locator})"  # viewers show the message, rarely logical locations
    location: dict[str, Any] = {"physicalLocation": _physical(d.path, d.span)}
    logical = _logical(d)
    if logical:
        location["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    if d.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(d.path, span)} for i, span in enumerate(d.related, 1)
        ]
    properties = _properties(d)
    if properties:
        result["properties"] = properties
    return result


def _physical(path: str, span: Span | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    region = _region(span)
    if region:
        location["region"] = region
    return location


def _region(span: Span | None) -> dict[str, int]:
    """A region with every number ≥ 1 and the end never before the start."""
    if span is None:
        return {"startLine": 1}
    line = max(1, span.line)
    if span.locator:  # DOCX/PDF: the line approximates a block; columns would mean nothing
        return {"startLine": line}
    column = max(1, span.column)
    end_line = max(line, span.end_line)
    end_column = max(1, span.end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _logical(d: Diagnostic) -> list[dict[str, Any]]:
    """The table cell (a pointer into the model) and the DOCX/PDF address, where there are any."""
    found: list[dict[str, Any]] = []
    if d.cell is not None:
        found.append(
            {"name": f"{d.cell.row}/{d.cell.column}", "fullyQualifiedName": pointer(d), "kind": "element"}
        )
    if d.span is not None and d.span.locator:
        found.append({"name": d.span.locator, "kind": "element"})
    return found


def _properties(d: Diagnostic) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    if d.rule:
        properties["rule"] = d.rule
    if d.cell is not None:
        properties["cell"] = d.cell.to_json()
    if d.expected is not None or d.actual is not None:
        properties["expected"] = d.expected
        properties["actual"] = d.actual
    if d.suggestion is not None:
        properties["suggestion"] = d.suggestion
    if d.span is not None and d.span.locator:
        properties["locator"] = d.span.locator
    return properties


def artifact_uri(path: str) -> str:
    """The path as a URI reference: relative paths stay relative, with `/` and percent-escapes.

    Non-ASCII file names (most reports have Chinese names) are percent-encoded as RFC 3986
    requires — GitHub rejects an upload whose uri is not a valid URI reference — and
    viewers decode them back. A colon in the first segment would read as a scheme, so such
    a path gets `./`. Absolute paths become `file://` URIs.
    """
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    uri = quote(path.replace(os.sep, "/"), safe="/:")
    return "./" + uri if ":" in uri.split("/", 1)[0] else uri
