"""S107–S110: what sections 一, 五 and 六 say, and the report's numbering."""

from __future__ import annotations

import pytest

from reportlint.api import Options, lint_file, lint_text
from reportlint.diagnostics import Severity

from conftest import SEED

HEADINGS = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
OVERVIEW = """（一）主动公开情况。全年主动公开政府信息一百二十条。
（二）依申请公开情况。全年收到政府信息公开申请三件，均按期答复。
（三）政府信息管理情况。落实信息发布保密审查制度。
（四）政府信息公开平台建设情况。优化门户网站政务公开专栏。
（五）监督保障情况。把政务公开纳入年度绩效考核。"""
PROBLEMS = "一是栏目更新不够及时。下一步将建立更新台账，每月核对一次栏目内容。"
OTHER = (
    "本年度未收取信息处理费。按照市政务公开工作要点逐项落实；办理人大代表建议五件、政协提案三件，"
    "结果均已公开；创新开展政府开放日活动。"
)


def report(
    agency: str = "某某县民政局", year: int = 2024, headings: dict[str, str] | None = None, **texts: str
) -> str:
    """A small report from the text of each section (keys as in the template); defaults pass every rule."""
    body = {"overview": OVERVIEW, "problems": PROBLEMS, "other": OTHER} | texts
    lines = [f"{agency}{year}年政府信息公开工作年度报告"]
    for key, heading in (HEADINGS | (headings or {})).items():
        lines.append(heading)
        if body.get(key):
            lines.append(body[key])
    return "\n".join(lines) + "\n"


def found(text: str, code: str, options: Options | None = None) -> list:
    return [d for d in lint_text(text, options=options).diagnostics if d.code == code]


def test_the_default_report_passes():
    codes = {d.code for d in lint_text(report()).diagnostics}
    assert not codes & {"S107", "S108", "S109", "S110"}


def test_the_seed():
    diagnostics = lint_file(str(SEED)).diagnostics
    assert not {d.code for d in diagnostics} & {"S107", "S108", "S110"}
    # section 六 states only the fee: a hint, not a fault
    (hint,) = [d for d in diagnostics if d.code == "S109"]
    assert hint.severity == Severity.INFO and hint.span.line == 82


# S107 overview-aspects


def test_missing_aspects_are_named_in_one_diagnostic():
    overview = "（一）主动公开情况。全年主动公开信息一百条。\n（二）依申请公开情况。全年无申请。\n（三）政府信息管理情况。落实审查制度。"
    diagnostics = found(report(overview=overview), "S107")
    assert len(diagnostics) == 1
    assert "政府信息公开平台建设、监督保障" in diagnostics[0].message
    assert diagnostics[0].span.line == 2 and diagnostics[0].severity == Severity.WARNING


def test_a_peoples_government_also_reports_assessment_appraisal_and_accountability():
    diagnostics = found(report(agency="某某县人民政府"), "S107")
    assert len(diagnostics) == 1
    assert diagnostics[0].actual == ["社会评议", "责任追究"]  # 考核 is there


@pytest.mark.parametrize("agency", ["某某县民政局", "某某县人民政府办公室", "某某街道办事处"])
def test_a_department_or_office_is_not_a_peoples_government(agency):
    assert found(report(agency=agency), "S107") == []


def test_a_government_that_reports_all_three_passes():
    overview = OVERVIEW + "\n开展社会评议一次，本年度未发生责任追究情况。"
    assert found(report(agency="某某镇人民政府", overview=overview), "S107") == []


def test_a_section_one_where_the_file_stops_is_not_judged():
    text = (
        "某某县民政局2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况。全年公开信息一百条。\n"
    )
    assert found(text, "S107") == []


# S108 problems-empty


@pytest.mark.parametrize("problems", ["无。", "无", "暂无", "", "问题较少，继续努力。"])
def test_problems_empty_or_too_short(problems):
    diagnostics = found(report(problems=problems), "S108")
    assert (
        len(diagnostics) == 1
        and diagnostics[0].span.line == report().splitlines().index(HEADINGS["problems"]) + 1
    )


def test_problems_stated_pass():
    assert (
        found(report(problems="一是解读形式单一。下一步将增加图解和视频解读，提高解读质量。"), "S108") == []
    )


def test_the_rules_apply_to_the_2019_template_too():
    overview = "一、主动公开情况。全年主动公开政府信息一百条。"
    text = report(year=2020, overview=overview, problems="无。", other="无。")
    result = lint_text(text)
    assert result.report.template == "gov-2019"
    assert sorted(d.code for d in result.diagnostics if d.code in {"S107", "S108", "S109", "S110"}) == [
        "S107",
        "S108",
        "S109",
        "S110",
    ]


# S109 other-items


def test_other_items_not_mentioned_are_listed_as_a_hint():
    diagnostics = found(report(other="本年度未收取信息处理费。"), "S109")
    assert len(diagnostics) == 1
    assert diagnostics[0].severity == Severity.INFO
    assert diagnostics[0].actual == [
        "上级年度政务公开工作要点落实情况",
        "人大代表建议和政协提案办理结果公开情况",
        "政务公开工作创新情况",
    ]


def test_only_the_items_not_mentioned_are_listed():
    diagnostics = found(report(other="本年度未收取信息处理费。认真落实政务公开工作要点。"), "S109")
    assert len(diagnostics) == 1 and "要点" not in diagnostics[0].message


# S110 numbering


def test_aspects_numbered_with_top_level_ordinals():
    overview = "一、主动公开情况。全年主动公开政府信息一百条。\n二、依申请公开情况。全年无申请。"
    diagnostics = found(report(overview=overview), "S110")
    assert [(d.span.line, d.span.column, d.suggestion) for d in diagnostics] == [
        (3, 1, "（一）"),
        (4, 1, "（二）"),
    ]


def test_items_under_an_aspect_numbered_with_top_level_ordinals():
    overview = OVERVIEW + "\n一、健全制度。二、加强培训。"
    diagnostics = found(report(overview=overview), "S110")
    assert [d.suggestion for d in diagnostics] == ["1."]


def test_a_heading_whose_ordinal_is_not_its_part():
    headings = {"applications": "四、收到和处理政府信息公开申请情况"}
    text = report(headings=headings)
    diagnostics = found(text, "S110")
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert (d.expected, d.actual, d.suggestion) == ("三", "四", "三、收到和处理政府信息公开申请情况")
    assert d.span.line == text.splitlines().index(headings["applications"]) + 1


def test_good_numbering_passes():
    overview = OVERVIEW + "\n一、二季度各开展一次自查。"  # 一、二季度 is not a numbering
    assert found(report(overview=overview), "S110") == []
