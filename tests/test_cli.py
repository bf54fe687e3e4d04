"""The command line as a user meets it: output formats, exit codes, one-line errors."""

from __future__ import annotations

import json

from conftest import SEED, run_cli


def test_check_text_shows_location_source_line_and_caret():
    result = run_cli("check", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if " L201 " in line)
    first, source, caret = lines[at : at + 3]
    assert first.startswith(f"{SEED}:22:13: L201")
    assert "本年度止件数" in source
    # the caret sits under the cell: 信息内容 (8 columns) + tab → 12, 本年制发件数 (12) + tab → 28
    assert caret.index("^") - caret.index("|") - 2 == 28
    assert caret.count("^") == 12  # six CJK characters, two columns each
    assert "共检查 1 个文件" in result.stdout


def test_check_json_has_the_documented_keys():
    result = run_cli("check", "--format", "json", str(SEED))
    diagnostics = json.loads(result.stdout)
    typo = next(d for d in diagnostics if d["code"] == "L201")
    for key in ("path", "code", "severity", "message", "line", "column", "end_line", "end_column"):
        assert key in typo
    assert (typo["line"], typo["column"], typo["end_line"], typo["end_column"]) == (22, 13, 22, 19)


def test_an_error_gives_exit_1_with_cell_expected_and_actual(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("(七) 总计\t\t0\t", "(七) 总计\t\t3\t", 1)
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(report))
    assert result.returncode == 1
    m402 = next(d for d in json.loads(result.stdout) if d["code"] == "M402")
    assert m402["cell"] == {"table": "applications", "row": "total_results", "column": "natural_person"}
    assert (m402["expected"], m402["actual"]) == (0, 3)


def test_english_messages():
    result = run_cli("check", "--lang", "en", str(SEED))
    assert "did you mean" in result.stdout


def test_fail_on_warning():
    assert run_cli("check", "--fail-on", "warning", str(SEED)).returncode == 1


def test_a_folder_is_searched(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    result = run_cli("check", "--format", "json", str(tmp_path))
    assert {d["path"] for d in json.loads(result.stdout)} == {str(tmp_path / "sub" / "a.txt")}


def test_missing_path_is_exit_2_with_one_line():
    result = run_cli("check", "no/such/report.txt")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_is_exit_2():
    result = run_cli("check", "--format", "xml", str(SEED))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_undecodable_file_is_e001_not_a_crash(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x30\x00\xff" * 100)
    result = run_cli("check", "--format", "json", str(bad))
    assert result.returncode == 1
    assert [d["code"] for d in json.loads(result.stdout)] == ["E001"]


def test_parse_prints_the_model():
    model = json.loads(run_cli("parse", str(SEED)).stdout)
    assert {"template", "year", "agency", "title", "sections", "tables"} <= model.keys()
    assert model["tables"]["applications"]["rows"]["total_results"]["total"]["value"] == 0


def test_rules_lists_and_documents():
    listing = run_cli("rules").stdout
    for code in ("S101", "L201", "V302", "M401", "M402", "M403", "M404", "F501", "E003"):
        assert code in listing
    doc = run_cli("rules", "F501").stdout
    assert "Wrong" in doc and "Right" in doc


def test_python_dash_m_and_version():
    assert run_cli("--version").stdout.startswith("reportlint ")
