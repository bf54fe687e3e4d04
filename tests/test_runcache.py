"""A run over unchanged files prints what the last such run printed, without linting again;
anything the run read that changes — a file, a file beside it, a setting, an option — runs it again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reportlint import api, cli, runcache

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
NEW = "一、本年新收政府信息公开申请数量"
FORWARD = "四、结转下年度继续办理"


def row(text: str, label: str, values: list[int]) -> str:
    line = next(r for r in text.splitlines() if r.startswith(label))
    return text.replace(line, "\t".join([label, "", *map(str, values), ""]))


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three reports of different agencies in a folder; the run works in tmp_path (its cache there)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "reports"
    folder.mkdir()
    for agency in ["甲", "乙", "丙"]:
        text = SEED_TEXT.replace("塔铺街道", f"塔铺{agency}街道")
        (folder / f"塔铺{agency}街道2024年报.txt").write_text(text, encoding="utf-8")
    return folder


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["check", "--format", "json", "-j", "1", *args])
    out, err = capsys.readouterr()
    return status, out, err


def codes(out: str) -> list[tuple[str, str]]:
    return sorted((Path(d["path"]).name, d["code"]) for d in json.loads(out))


def test_an_unchanged_run_is_answered_without_linting(reports, capsys, monkeypatch):
    first = check(capsys, str(reports))
    assert codes(first[1])  # the seed has findings (L201 …): something to repeat
    monkeypatch.setattr(api, "lint_files", lambda *a, **k: pytest.fail("linted although nothing changed"))
    assert check(capsys, str(reports)) == first
    assert len(list((Path(".reportlint_cache") / "runs").glob("*.txt"))) == 1


def test_a_changed_file_is_linted_again(reports, capsys):
    before = codes(check(capsys, str(reports))[1])
    changed = reports / "塔铺乙街道2024年报.txt"
    text = changed.read_text(encoding="utf-8")
    # the same size, a total that no longer adds up: only the content and its times tell
    edited = row(text, NEW, [9, 0, 0, 0, 0, 0, 0])
    changed.write_text(edited, encoding="utf-8")
    after = codes(check(capsys, str(reports))[1])
    assert after != before
    assert [c for c in after if c not in before and c[0] == changed.name]


def test_last_year_appearing_beside_a_linted_file_is_seen(reports, capsys):
    this = reports / "塔铺甲街道2024年报.txt"
    assert "X801" not in {c for _, c in codes(check(capsys, str(this))[1])}
    last = SEED_TEXT.replace("2024", "2023").replace("塔铺街道", "塔铺甲街道")
    (reports / "塔铺甲街道2023年报.txt").write_text(
        row(row(last, NEW, [2, 0, 0, 0, 0, 0, 2]), FORWARD, [2, 0, 0, 0, 0, 0, 2]), encoding="utf-8"
    )
    assert "X801" in {c for _, c in codes(check(capsys, str(this))[1])}


def test_options_and_configuration_are_part_of_the_key(reports, capsys):
    everything = codes(check(capsys, str(reports))[1])
    assert {c for _, c in everything} > {"L201"}
    selected = codes(check(capsys, str(reports), "--select", "L201")[1])
    assert selected and {c for _, c in selected} == {"L201"}
    (reports / ".reportlint.yaml").write_text("ignore: [L201]\n", encoding="utf-8")
    configured = codes(check(capsys, str(reports))[1])
    assert configured == [c for c in everything if c[1] != "L201"]


def test_the_baseline_note_and_the_output_file_are_given_again(reports, capsys, tmp_path, monkeypatch):
    recorded = tmp_path / "baseline.json"
    assert cli.main(["baseline", "write", str(reports), "--baseline", str(recorded)]) == 0
    data = json.loads(recorded.read_text(encoding="utf-8"))
    first_entry = data["entries"][0]
    data["entries"].append(
        {**first_entry, "fingerprint": "0" * len(first_entry["fingerprint"])}
    )  # fixed since
    recorded.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / "out.json"
    first = check(capsys, str(reports), "--baseline", str(recorded), "--output-file", str(out))
    written = out.read_text(encoding="utf-8")
    out.unlink()
    monkeypatch.setattr(api, "lint_files", lambda *a, **k: pytest.fail("linted although nothing changed"))
    assert check(capsys, str(reports), "--baseline", str(recorded), "--output-file", str(out)) == first
    assert "1 baseline entries no longer occur" in first[2]
    assert out.read_text(encoding="utf-8") == written == "[]\n"


def test_no_cache_keeps_no_run_and_a_damaged_entry_is_made_again(reports, capsys):
    check(capsys, str(reports), "--no-cache")
    assert not (Path(".reportlint_cache") / "runs").exists()
    first = check(capsys, str(reports))
    (entry,) = (Path(".reportlint_cache") / "runs").glob("*.txt")
    entry.write_text(entry.read_text(encoding="utf-8")[:-40], encoding="utf-8")  # cut short
    assert check(capsys, str(reports)) == first


def test_only_the_newest_runs_are_kept(reports, capsys, monkeypatch):
    monkeypatch.setattr(runcache, "KEPT", 2)
    for code in ("L201", "S109", "V306", "W901"):
        check(capsys, str(reports), "--select", code)
    assert len(list((Path(".reportlint_cache") / "runs").glob("*.txt"))) == 2


def test_a_file_times_and_size_are_its_stamp(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("一", encoding="utf-8")
    before = runcache.stamp(str(path))
    os.utime(path, ns=(1, 1))
    assert runcache.stamp(str(path)) != before
    assert runcache.stamp(str(tmp_path / "gone.txt")).startswith("unreadable")


def test_last_year_named_by_previous_is_read_again_when_it_changes(reports, capsys, tmp_path):
    old = tmp_path / "2023"
    old.mkdir()
    last = SEED_TEXT.replace("2024", "2023").replace("塔铺街道", "塔铺甲街道")
    (old / "甲.txt").write_text(last, encoding="utf-8")
    this = reports / "塔铺甲街道2024年报.txt"
    assert "X801" not in {c for _, c in codes(check(capsys, str(this), "--previous", str(old))[1])}
    carried = row(row(last, NEW, [2, 0, 0, 0, 0, 0, 2]), FORWARD, [2, 0, 0, 0, 0, 0, 2])
    (old / "甲.txt").write_text(carried, encoding="utf-8")
    assert "X801" in {c for _, c in codes(check(capsys, str(this), "--previous", str(old))[1])}
