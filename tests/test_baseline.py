"""The baseline: record today's findings, see only new ones, ratchet it down."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, run_cli

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_write_check_prune(tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text(SEED_TEXT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run_cli("baseline", "write", str(report), "--baseline", str(baseline)).returncode == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert {e["code"] for e in recorded} >= {"L201", "W901"}

    # lines move (a paragraph added above): the old findings stay known
    report.write_text(
        SEED_TEXT.replace("一、总体情况", "一、总体情况\n\n新增一段说明。", 1), encoding="utf-8"
    )
    moved = run_cli("check", "--format", "json", "--baseline", str(baseline), str(report))
    assert json.loads(moved.stdout) == [] and moved.returncode == 0

    # a new fault shows, and fails the run
    report.write_text(SEED_TEXT.replace("(七) 总计\t\t0", "(七) 总计\t\t5"), encoding="utf-8")
    new = run_cli("check", "--format", "json", "--baseline", str(baseline), str(report))
    assert {d["code"] for d in json.loads(new.stdout)} >= {"M401", "M402"} and new.returncode == 1

    # the typo fixed: its entry no longer occurs, and prune drops it
    report.write_text(SEED_TEXT.replace("本年度止件数", "本年废止件数"), encoding="utf-8")
    fixed = run_cli("check", "--baseline", str(baseline), str(report))
    assert "no longer occur" in fixed.stderr
    assert run_cli("baseline", "prune", str(report), "--baseline", str(baseline)).returncode == 0
    assert "L201" not in {e["code"] for e in json.loads(baseline.read_text(encoding="utf-8"))["entries"]}


def test_a_broken_baseline_is_exit_2(tmp_path: Path):
    bad = tmp_path / "b.json"
    bad.write_text("{}", encoding="utf-8")
    result = run_cli("check", "--baseline", str(bad), str(SEED))
    assert result.returncode == 2 and "baseline" in result.stderr and "Traceback" not in result.stderr


def test_baseline_from_the_configuration(tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text(SEED_TEXT, encoding="utf-8")
    run_cli("baseline", "write", str(report), "--baseline", str(tmp_path / "known.json"))
    (tmp_path / ".reportlint.yaml").write_text("baseline: known.json\n", encoding="utf-8")
    assert json.loads(run_cli("check", "--format", "json", str(report)).stdout) == []
