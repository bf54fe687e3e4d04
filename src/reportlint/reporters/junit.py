"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

Shape: `<testsuites>` holding one `<testsuite name="reportlint">` with one `<testcase>` per
linted file — every file in `sources`, so a clean report shows up as a passing test, not
as nothing. Each diagnostic at warning or error is a `<failure>` of that testcase
(type = code, message = message, text = `path:line:col: CODE [rule] message`).

Info diagnostics are written to the testcase's `<system-out>`, not as `<skipped>`: the
file *was* checked, and marking it skipped would hide it from pass counts; info must not
fail a build, and system-out still lets a reader see it. `tests` counts files, `failures`
counts files with at least one failure, so passed = tests − failures as CI tools assume.

Built with xml.etree, so escaping is the library's job; characters XML 1.0 cannot carry at
all (control characters from a damaged file) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic, Severity

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class JunitReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        by_path: dict[str, list[Diagnostic]] = {path: [] for path in sources}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        suite = ET.Element("testsuite", name="reportlint")
        failed = 0
        for path, found in by_path.items():
            case = ET.SubElement(suite, "testcase", name=_clean(path), classname="reportlint", time="0")
            failures = [d for d in found if d.severity >= Severity.WARNING]
            for d in failures:
                failure = ET.SubElement(case, "failure", type=d.code, message=_clean(d.message))
                failure.text = _clean(_line(d))
            infos = [d for d in found if d.severity < Severity.WARNING]
            if infos:
                ET.SubElement(case, "system-out").text = _clean("\n".join(_line(d) for d in infos))
            failed += bool(failures)
        counts = {"tests": str(len(by_path)), "failures": str(failed), "errors": "0", "skipped": "0"}
        suite.attrib.update(counts)
        root = ET.Element("testsuites", name="reportlint", tests=counts["tests"], failures=counts["failures"])
        root.append(suite)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _line(d: Diagnostic) -> str:
    """`path:line:col: CODE [rule] message` — the form editors and terminals link to."""
    span = d.span
    if span is None:
        where = "1:1"
    elif span.locator:
        where = span.locator
    else:
        where = f"{max(1, span.line)}:{max(1, span.column)}"
    rule = f" [{d.rule}]" if d.rule else ""
    return f"{d.path}:{where}: {d.code}{rule} {d.message}"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
