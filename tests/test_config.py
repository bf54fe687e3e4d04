"""Configuration: found above each file, validated, merged with flags; every key and flag does its job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.api import Options, lint_file, lint_paths
from reportlint.config import ConfigError, for_path, load

from conftest import SEED, run_cli

SEED_TEXT = SEED.read_text(encoding="utf-8")


def folder_with(tmp_path: Path, config: str, name: str = ".reportlint.yaml", text: str = SEED_TEXT) -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    report = tmp_path / "reports" / "2024.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return report


def codes(path: Path, **options) -> set[str]:
    return {d.code for d in lint_file(str(path), Options(**options)).diagnostics}


def test_nothing_configured_means_every_rule(tmp_path):
    report = folder_with(tmp_path, "{}\n")
    assert {"L201", "W901"} <= codes(report)


def test_ignore_by_code_prefix_and_name(tmp_path):
    assert "L201" not in codes(folder_with(tmp_path, "ignore: [L2]\n"))
    assert "W901" not in codes(folder_with(tmp_path, "ignore: [doubled-character]\n"))


def test_select_and_extend_select(tmp_path):
    assert codes(folder_with(tmp_path, "select: [L201]\n")) == {"L201"}
    assert codes(folder_with(tmp_path, "select: [L201]\nextend-select: [W9]\n")) == {"L201", "W901"}


def test_the_longest_selector_wins(tmp_path):
    assert codes(folder_with(tmp_path, "ignore: [W]\nextend-select: [W901]\n")) >= {"W901"}


def test_per_file_ignores(tmp_path):
    report = folder_with(tmp_path, "per-file-ignores:\n  'reports/*.txt': [W901]\n")
    assert "W901" not in codes(report)


def test_severity_override_and_fail_on(tmp_path):
    report = folder_with(tmp_path, "severity: {L201: error}\n")
    result = lint_file(str(report))
    assert next(d for d in result.diagnostics if d.code == "L201").severity.name == "ERROR"
    assert result.failed()
    assert lint_file(str(folder_with(tmp_path, "fail-on: warning\n"))).failed()
    assert not lint_file(str(folder_with(tmp_path, "fail-on: error\n"))).failed()


def test_lang_template_and_year(tmp_path):
    english = lint_file(str(folder_with(tmp_path, "lang: en\n")))
    assert "did you mean" in next(d for d in english.diagnostics if d.code == "L201").message
    assert lint_file(str(folder_with(tmp_path, "template: gov-2019\n"))).report.template == "gov-2019"
    no_title = SEED_TEXT.replace("延津县塔铺街道 2024 年政府信息公开工作年度报告", "")
    assert lint_file(str(folder_with(tmp_path, "year: 2022\n", text=no_title))).report.year == 2022


def test_exclude_applies_to_folders(tmp_path):
    folder_with(tmp_path, "exclude: ['reports/*.txt']\n")
    assert lint_paths([str(tmp_path)]) == []


def test_previous_and_similarity_from_the_configuration(tmp_path):
    last = tmp_path / "old" / "2023.txt"
    last.parent.mkdir()
    changed = SEED_TEXT.replace("一是主动公开需进一步规范细化", "一是栏目设置仍需优化，专栏内容需要补充")
    last.write_text(changed.replace("2024", "2023"), encoding="utf-8")

    def copied(config: str) -> list[str]:
        result = lint_file(str(folder_with(tmp_path, config)))
        return [d.message[:4] for d in result.diagnostics if d.code == "X803"]

    assert copied("previous: [old]\nsimilarity: 0.6\n") == ["第一部分", "第五部分"]
    assert copied("previous: [old]\nsimilarity: 0.99\n") == ["第一部分"]  # 五 was rewritten in part


def test_pyproject_table(tmp_path):
    report = folder_with(tmp_path, '[tool.reportlint]\nignore = ["L201"]\n', name="pyproject.toml")
    assert "L201" not in codes(report)
    assert for_path(str(report)).source == (tmp_path / "pyproject.toml").resolve()


def test_a_pyproject_without_the_table_is_passed_by(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("ignore: [L201]\n", encoding="utf-8")
    inner = tmp_path / "sub"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert for_path(str(inner)).ignore == ["L201"]


def test_flags_override_the_file(tmp_path):
    report = folder_with(tmp_path, "ignore: [L201]\n")
    assert "L201" in codes(report, ignore=[])


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("ignored: [L201]\n", "ignored"),
        ("fail-on: fatal\n", "fail-on"),
        ("year: twenty\n", "year"),
        ("select: L201\n", "select"),
    ],
)
def test_a_bad_configuration_names_the_key_and_the_file(tmp_path, body, named):
    path = tmp_path / ".reportlint.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=named):
        load(path)
    result = run_cli("check", str(folder_with(tmp_path, body)))
    assert result.returncode == 2 and ".reportlint.yaml" in result.stderr and "Traceback" not in result.stderr


def test_config_command_prints_the_effective_settings(tmp_path):
    report = folder_with(tmp_path, "ignore: [L201]\nlang: en\n")
    printed = run_cli("config", str(report), "--select", "L,W").stdout
    assert "ignore:\n- L201" in printed and "lang: en" in printed and "- W" in printed


@pytest.mark.parametrize(
    ("flags", "present", "absent"),
    [
        (["--select", "L201"], {"L201"}, {"W901"}),
        (["--select", "L201", "--extend-select", "W901"], {"L201", "W901"}, set()),
        (["--ignore", "W901,L2"], set(), {"W901", "L201"}),
        (["--lang", "en"], {"L201"}, set()),
        (["--template", "gov-2019"], set(), set()),
    ],
)
def test_check_flags(tmp_path, flags, present, absent):
    report = folder_with(tmp_path, "{}\n")
    found = {d["code"] for d in json.loads(run_cli("check", "--format", "json", *flags, str(report)).stdout)}
    assert present <= found and not absent & found


def test_fail_on_flag_and_config_flag(tmp_path):
    report = folder_with(tmp_path, "{}\n")
    assert run_cli("check", "--fail-on", "warning", str(report)).returncode == 1
    other = tmp_path / "other.yaml"
    other.write_text("select: [E]\n", encoding="utf-8")
    assert run_cli("check", "--config", str(other), "--fail-on", "info", str(report)).returncode == 0


def test_exclude_flag(tmp_path):
    folder_with(tmp_path, "{}\n")
    assert "共检查 0 个文件" in run_cli("check", "--exclude", "reports/*", str(tmp_path)).stdout


def test_stdin(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportlint",
            "check",
            "--format",
            "json",
            "-",
            "--stdin-filename",
            "2024年报.txt",
        ],
        input=SEED.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    found = json.loads(result.stdout)
    assert {d["path"] for d in found} == {"2024年报.txt"} and "L201" in {d["code"] for d in found}


def test_year_similarity_and_output_file_flags(tmp_path):
    no_title = SEED_TEXT.replace("延津县塔铺街道 2024 年政府信息公开工作年度报告", "").replace("2024", "")
    report = folder_with(tmp_path, "{}\n", text=no_title)
    out = tmp_path / "out.json"
    run_cli("check", "--format", "json", "--year", "2021", "--output-file", str(out), str(report))
    found = json.loads(out.read_text(encoding="utf-8"))
    assert any(d["code"] == "F501" or d["code"] == "L201" for d in found)
    parsed = json.loads(run_cli("parse", "--year", "2021", str(report)).stdout)
    assert parsed["year"] == 2021
    other = tmp_path / "other.txt"
    other.write_text(SEED_TEXT.replace("塔铺街道", "城关镇"), encoding="utf-8")
    both = [str(tmp_path / "reports" / "2024.txt"), str(other)]
    (tmp_path / "reports" / "2024.txt").write_text(SEED_TEXT, encoding="utf-8")
    strict = {
        d["code"]
        for d in json.loads(run_cli("check", "--format", "json", "--similarity", "1.0", *both).stdout)
    }
    loose = {
        d["code"]
        for d in json.loads(run_cli("check", "--format", "json", "--similarity", "0.5", *both).stdout)
    }
    assert "X803" in loose and "X803" in strict  # identical sections are alike at any threshold up to 1
    changed = SEED_TEXT.replace("塔铺街道", "城关镇").replace(
        "一是主动公开需进一步规范细化", "一是栏目设置仍需优化，专栏内容需要补充"
    )
    other.write_text(changed, encoding="utf-8")
    messages = [
        d["message"]
        for d in json.loads(run_cli("check", "--format", "json", "--similarity", "0.99", *both).stdout)
        if d["code"] == "X803"
    ]
    assert all("第五部分" not in m for m in messages)


def test_an_unknown_format_is_exit_2():
    result = run_cli("check", "--format", "xml", str(SEED))
    assert result.returncode == 2 and "known:" in result.stderr


def test_plugin_settings_reach_the_plugin(tmp_path):
    import os
    import subprocess
    import sys
    import textwrap

    site = tmp_path / "site"
    site.mkdir()
    (site / "configured_plugin.py").write_text(
        textwrap.dedent(
            '''
            from reportlint.hookspecs import hookimpl
            from reportlint.rule import Rule

            SEEN = {}


            class Says(Rule):
                """Says what it was configured with. Wrong: -. Right: -."""

                code, name, summary, summary_en = "X950", "says", "configured", "configured"

                def check(self, ctx):
                    yield self.diagnostic(ctx, f"word={SEEN.get('word')}")


            @hookimpl
            def reportlint_configure(config):
                SEEN.update(config["plugins"].get("configured", {}))


            @hookimpl
            def reportlint_add_rules():
                return [Says()]
            '''
        ),
        encoding="utf-8",
    )
    dist = site / "configured_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: configured-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[reportlint]\nconfigured = configured_plugin\n")
    report = folder_with(tmp_path, "plugins:\n  configured: {word: 好}\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", str(report)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "X950 word=好" in result.stdout


def test_rule_options(tmp_path):
    short = (
        SEED_TEXT[: SEED_TEXT.index("存在的主要问题：")]
        + "存在的主要问题：宣传不足，需加强。\n\n六、其他需要报告的事项\n\n2024年度我街道未收取政府信息公开信息处理费。\n"
    )
    assert "S108" in codes(folder_with(tmp_path, "{}\n", text=short))
    assert "S108" not in codes(folder_with(tmp_path, "rule-options: {S108: {min-chars: 5}}\n", text=short))
    fee = SEED_TEXT.replace("行政事业性收费\t0", "行政事业性收费\t5000")
    assert "V305" not in codes(folder_with(tmp_path, "{}\n", text=fee))
    assert "V305" in codes(
        folder_with(tmp_path, "rule-options: {unit-in-cell: {max-wan-yuan: 1000}}\n", text=fee)
    )


def test_cache_and_jobs_give_the_same_output(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(12):
        (folder / f"r{n:02d}.txt").write_text(SEED_TEXT.replace("塔铺街道", f"第{n}街道"), encoding="utf-8")
    cache = tmp_path / "cache"
    args = ("check", "--format", "json", "--cache-dir", str(cache), str(folder))
    cold = run_cli(*args, "-j", "2").stdout
    assert (cache / ".gitignore").exists() and list(cache.rglob("*.json"))
    warm = run_cli(*args, "-j", "2").stdout
    serial = run_cli("check", "--format", "json", "--no-cache", "-j", "1", str(folder)).stdout
    assert cold == warm == serial
    assert "X803" in cold  # the comparisons across reports are made on cached results too
    (folder / "r00.txt").write_text(SEED_TEXT.replace("本年度止件数", "本年废止件数"), encoding="utf-8")
    changed = json.loads(run_cli(*args).stdout)
    assert not [d for d in changed if d["path"].endswith("r00.txt") and d["code"] == "L201"]


def test_text_output_shows_the_same_source_lines_from_workers_and_the_cache(tmp_path):
    """Workers and the cache keep only the lines a finding points at; the printed output,
    source lines and carets included (X803's from the comparisons too), is a serial run's."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(12):
        (folder / f"r{n:02d}.txt").write_text(SEED_TEXT.replace("塔铺街道", f"第{n}街道"), encoding="utf-8")
    cache = tmp_path / "cache"
    serial = run_cli("check", "--no-cache", "-j", "1", str(folder)).stdout
    assert "X803" in serial and "本年度止件数" in serial  # a source line is printed
    for args in (("--no-cache", "-j", "2"), ("--cache-dir", str(cache)), ("--cache-dir", str(cache))):
        assert run_cli("check", *args, str(folder)).stdout == serial


def test_one_options_object_sees_a_configuration_written_between_runs(tmp_path):
    """A run looks each folder's configuration up once; the next run looks again."""
    report = folder_with(tmp_path, "{}\n")
    options = Options()
    assert "L201" in {d.code for d in lint_paths([str(report)], options)[0].diagnostics}
    (tmp_path / ".reportlint.yaml").write_text("ignore: [L201]\n", encoding="utf-8")
    assert "L201" not in {d.code for d in lint_paths([str(report)], options)[0].diagnostics}


def test_a_folder_of_reports_shares_one_lookup_but_each_subfolder_has_its_own(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        for n in range(3):
            (tmp_path / folder / f"r{n}.txt").write_text(
                SEED_TEXT.replace("塔铺街道", f"第{n}街道"), encoding="utf-8"
            )
    (tmp_path / "b" / ".reportlint.yaml").write_text("ignore: [L201]\n", encoding="utf-8")
    results = lint_paths([str(tmp_path)], Options())
    by_folder = {Path(r.path).parent.name: set() for r in results}
    for r in results:
        by_folder[Path(r.path).parent.name] |= {d.code for d in r.diagnostics}
    assert "L201" in by_folder["a"] and "L201" not in by_folder["b"]


def test_a_run_that_keeps_no_reports_finds_the_same(tmp_path):
    """The command line keeps no report models (10,000 files hold only their findings); the
    findings, X8xx included, are those of a run that keeps them."""
    for n in range(5):
        (tmp_path / f"r{n}.txt").write_text(SEED_TEXT.replace("塔铺街道", f"第{n}街道"), encoding="utf-8")
    kept = lint_paths([str(tmp_path)], Options(find_config=False))
    light = lint_paths([str(tmp_path)], Options(find_config=False), keep_reports=False)
    assert all(r.report is not None for r in kept) and all(r.report is None for r in light)
    assert [[d.to_json() for d in r.diagnostics] for r in light] == [
        [d.to_json() for d in r.diagnostics] for r in kept
    ]
    assert any(d.code == "X803" for r in light for d in r.diagnostics)
