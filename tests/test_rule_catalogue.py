"""Every rule documents itself and has a case of its own that fails and one that passes.

A new rule without an entry in CASES fails `test_every_rule_has_a_failing_and_a_passing_case`.
The cases are small edits of the sample report (in our own words), so that each shows one fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint import plugins
from reportlint.api import FileResult, lint_bytes, lint_file, lint_paths, lint_text
from reportlint.engine import run_rules
from reportlint.rule import Rule

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
TITLE = "延津县塔铺街道 2024 年政府信息公开工作年度报告"
OPENING = "2024 年，塔铺街道坚持以"
FEE = "2024年度我街道未收取政府信息公开信息处理费。"
OVERVIEW = SEED_TEXT[SEED_TEXT.index(OPENING) : SEED_TEXT.index("二、主动公开政府信息情况")]
PROBLEMS = SEED_TEXT[SEED_TEXT.index("存在的主要问题：") : SEED_TEXT.index("六、其他需要报告的事项")]
REVIEW_ROW = "\t".join(["0"] * 15)
Case = Callable[[Path], FileResult]


def text(*edits: tuple[str, str]) -> Case:
    """The sample with each (old, new) replaced once."""

    def case(tmp: Path) -> FileResult:
        body = SEED_TEXT
        for old, new in edits:
            assert old in body, old
            body = body.replace(old, new, 1)
        return lint_text(body, "case.txt")

    return case


def cells(label: str, values: list[str]) -> tuple[str, str]:
    """Replace the figures of the table-三 row that starts with `label`."""
    line = next(r for r in SEED_TEXT.splitlines() if label in r and r.count("\t") >= 7)
    head = line[: line.index(label) + len(label)]
    figures = line[len(head) :].split("\t")
    at = [i for i, f in enumerate(figures) if f.strip().isdigit()]
    for i, value in zip(at, values, strict=False):
        figures[i] = value
    return line, head + "\t".join(figures)


def seed(tmp: Path) -> FileResult:
    return lint_file(str(SEED))


def years(tmp: Path, this: str, last: str, name: str = "塔铺街道2023年报.txt") -> FileResult:
    (tmp / name).write_text(last, encoding="utf-8")
    (tmp / "塔铺街道2024年报.txt").write_text(this, encoding="utf-8")
    return lint_file(str(tmp / "塔铺街道2024年报.txt"))


def last_year(body: str = SEED_TEXT) -> str:
    return body.replace("2024", "2023")


def crashing(tmp: Path) -> FileResult:
    class Exploding(Rule):
        code, name, summary, summary_en = "Z999", "exploding", "x", "x"

        def check(self, ctx):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    result = lint_file(str(SEED))
    assert result.report is not None
    result.diagnostics = run_rules(
        result.report,
        __import__("reportlint.template").template.load("gov-2021"),
        None,
        (Exploding(), *plugins.rules()),
    )
    return result


def data(tmp: Path, body: str) -> FileResult:
    (tmp / "report.yaml").write_text(body, encoding="utf-8")
    return lint_file(str(tmp / "report.yaml"))


def bounded(tmp: Path, setting: str) -> FileResult:
    """The sample linted under a configuration that sets one bound (E006)."""
    (tmp / ".reportlint.yaml").write_text(setting, encoding="utf-8")
    (tmp / "report.txt").write_text(SEED_TEXT, encoding="utf-8")
    return lint_file(str(tmp / "report.txt"))


def copies(tmp: Path) -> FileResult:
    (tmp / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp / "b.txt").write_text(SEED_TEXT.replace("塔铺街道", "城关镇"), encoding="utf-8")
    return lint_paths([str(tmp)])[0]


FUSED = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
CASES: dict[str, tuple[Case, Case]] = {
    "D701": (text((OPENING, OPENING.replace("2024", "2023"))), seed),
    "D702": (
        text((TITLE, TITLE + "\n统计期限自2023年1月1日起至2023年12月31日止。")),
        text((TITLE, TITLE + "\n统计期限自2024年1月1日起至2024年12月31日止。")),
    ),
    "D703": (
        text((TITLE, TITLE + "\n发布时间：2025-04-02")),
        text((TITLE, TITLE + "\n发布时间：2025-01-20")),
    ),
    "D704": (
        text((TITLE, TITLE + "\n依据《中华人民共和国政府信息年度报告格式》编制。")),
        text((TITLE, TITLE + "\n依据《中华人民共和国政府信息公开工作年度报告格式》编制。")),
    ),
    "E001": (lambda tmp: lint_bytes("x.txt", bytes(range(256)) * 8), seed),
    "E002": (lambda tmp: lint_text("会议通知\n请各单位按时报送材料。\n"), seed),
    "E003": (crashing, seed),
    "E006": (
        lambda tmp: bounded(tmp, "max-file-size: 1 KB\n"),
        lambda tmp: bounded(tmp, "max-file-size: 1 MB\n"),
    ),
    "E005": (
        text((FEE, FEE + "\n# reportlint: disable-next-line=M401\n")),
        text(
            ("(七) 总计\t\t0", "(七) 总计\t\t5"),
            ("(七) 总计", "# reportlint: disable-next-line=M4\n(七) 总计"),
        ),
    ),
    "E004": (
        lambda tmp: data(tmp, "template: gov-2021\nyear: 二〇二四\n"),
        lambda tmp: data(tmp, "template: gov-2021\nyear: 2024\ntitle: 某局2024年政府信息公开工作年度报告\n"),
    ),
    "F501": (text((FEE, "无。")), seed),
    "F502": (text((FEE, "本年度未收取信息处理费，共计收取200元。")), seed),
    "F503": (text((FEE, FEE.replace("2024", "2023"))), seed),
    "L201": (seed, text(("本年度止件数", "本年废止件数"))),
    "L202": (
        text(("本年制发件数\t本年度止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量")),
        seed,
    ),
    "L203": (text(("\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n", "")), seed),
    "L204": (text((FUSED, FUSED + "\n其中：通过网络提交的申请\t\t0\t0\t0\t0\t0\t0\t0")), seed),
    "M401": (text(cells("一、本年新收", ["3"])), seed),
    "M402": (text(cells("(七) 总计", ["3", "0", "0", "0", "0", "0", "3"])), seed),
    "M403": (text(cells("二、上年结转", ["1", "0", "0", "0", "0", "0", "1"])), seed),
    "M404": (text((REVIEW_ROW, "1\t0\t0\t0\t0" + "\t0" * 10)), seed),
    "N601": (text((OPENING, "全年共收到政府信息公开申请5件。" + OPENING)), seed),
    "N602": (
        text(
            ("(二) 依申请公开情况：2024 年无依申请公开政府信息。", "收到的申请均已办结。"),
            cells("一、本年新收", ["1", "0", "0", "0", "0", "0", "1"]),
            cells("四、结转下年度", ["1", "0", "0", "0", "0", "0", "1"]),
        ),
        seed,
    ),
    "S101": (text(("五、存在的主要问题及改进情况\n", "")), seed),
    "S102": (
        text(
            ("四、政府信息公开行政复议、行政诉讼情况", "@四@"),
            ("五、存在的主要问题及改进情况", "四、政府信息公开行政复议、行政诉讼情况"),
            ("@四@", "五、存在的主要问题及改进情况"),
        ),
        seed,
    ),
    "S103": (text(("五、存在的主要问题及改进情况", "五、存在问题及改进情况")), seed),
    "S104": (text((FEE, FEE + "\n\n二、主动公开政府信息情况\n\n见上表。")), seed),
    "S105": (text((TITLE, "")), seed),
    "S106": (
        text(
            (
                SEED_TEXT[SEED_TEXT.index("(本列数据") : SEED_TEXT.index("四、政府信息公开行政复议")],
                "本年度未收到申请。\n\n",
            )
        ),
        seed,
    ),
    "S107": (
        text((OVERVIEW, "2024 年，塔铺街道做好主动公开工作。\n\n")),
        seed,
    ),
    "S108": (text((PROBLEMS, "无。\n\n")), seed),
    "S109": (
        seed,
        text(
            (
                FEE,
                FEE
                + "上级年度政务公开工作要点已全部落实；本年度无人大代表建议和政协提案办理；创新开展政务公开日活动。",
            )
        ),
    ),
    "S110": (text(("(一) 主动公开情况：", "一、主动公开情况：")), seed),
    "V301": (text(cells("1. 属于国家秘密", ["暂无"])), seed),
    "V302": (text(cells("2. 重复申请", [""])), seed),
    "V303": (text(cells("1. 属于国家秘密", ["-1", "0", "0", "0", "0", "0", "-1"])), seed),
    "V304": (text(("行政处罚\t0", "行政处罚\t1.5")), seed),
    "V305": (text(("行政事业性收费\t0", "行政事业性收费\t5000元")), seed),
    "V306": (text(("规章\t0\t0\t0", "规章\t0\t0\t6")), seed),
    "V307": (text((FUSED, "一、本年新收政府信息公开申请数量 1110 0001")), seed),
    "V308": (text((FUSED, "一、本年新收政府信息公开申请数量0000000")), seed),
    "W901": (seed, text(("对对政务", "对政务"))),
    "W902": (text((FEE, FEE + "详见《政务公开指南。")), seed),
    "W903": (text((FEE, FEE + "做好主动公开，信息公开,依申请公开。")), seed),
    "X801": (
        lambda tmp: years(
            tmp,
            SEED_TEXT,
            last_year(SEED_TEXT.replace(*cells("四、结转下年度", ["2", "0", "0", "0", "0", "0", "2"]))),
        ),
        lambda tmp: years(tmp, SEED_TEXT, last_year()),
    ),
    "X802": (
        lambda tmp: years(
            tmp, SEED_TEXT, last_year().replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t0\t0\t9")
        ),
        lambda tmp: years(tmp, SEED_TEXT, last_year()),
    ),
    "X803": (copies, seed),
}


def _codes(result: FileResult) -> set[str]:
    return {d.code for d in result.diagnostics}


CODES = sorted({rule.code for rule in plugins.rules()})


def test_every_rule_has_a_failing_and_a_passing_case():
    assert set(CASES) == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_the_failing_case_fails(tmp_path, code):
    assert code in _codes(CASES[code][0](tmp_path))


@pytest.mark.parametrize("code", CODES)
def test_the_passing_case_passes(tmp_path, code):
    assert code not in _codes(CASES[code][1](tmp_path))


@pytest.mark.parametrize("rule", plugins.rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_every_rule_documents_itself(rule):
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code) and re.fullmatch(r"[a-z][a-z0-9-]+", rule.name)
    assert rule.summary and rule.summary_en and rule.templates
    assert re.search(r"[\u4e00-\u9fff]", rule.summary)
    if not rule.code.startswith("M4"):  # identities are documented by their rule pack's check
        assert "Wrong" in rule.doc and "Right" in rule.doc, rule.code
