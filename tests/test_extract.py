"""The extractor's pieces on small texts: title, year and agency; headings; the fee statement; the schema."""

from __future__ import annotations

import pytest

from reportlint.api import lint_text
from reportlint.extract import extract
from reportlint.readers.text import parse_text
from reportlint.schema import validate


def model(text: str):
    return extract(parse_text("t.txt", text))


@pytest.mark.parametrize(
    ("text", "year", "agency", "source"),
    [
        ("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n", 2023, "某某市某某局", "title"),
        ("2022年某某县人民政府政府信息公开工作年度报告\n", 2022, "某某县人民政府", "title"),
        ("标题: 某某区2021年度政府信息公开工作年度报告\n", 2021, "某某区", "title"),
        (
            "一、总体情况\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n",
            2024,
            None,
            "period",
        ),
        ("一、总体情况\n2020年，我局……2020年，我局……2021年将……\n", 2020, None, "body"),
    ],
)
def test_title_year_and_agency(text, year, agency, source):
    report = model(text)
    assert (report.year, report.agency, report.year_source) == (year, agency, source)


def test_the_template_follows_the_year():
    assert model("某局2020年政府信息公开工作年度报告\n").template == "gov-2019"
    assert model("某局2021年政府信息公开工作年度报告\n").template == "gov-2021"


def test_headings_on_their_own_lines_and_their_text():
    report = model(
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n第一段。\n第二段。\n二、主动公开政府信息情况\n"
    )
    overview = report.section("overview")
    assert overview.found and overview.standard and overview.text == "第一段。\n第二段。"
    assert overview.span.line == 2
    assert [s.key for s in report.sections if s.found] == ["overview", "proactive"]


def test_headings_run_into_one_line_are_found():
    text = "某局2024年政府信息公开工作年度报告 本报告包括总体情况、主动公开政府信息情况等。一、总体情况全年……二、主动公开政府信息情况……"
    report = model(text)
    assert report.section("overview").found and report.section("proactive").found
    assert report.section("overview").text.startswith("全年")


def test_a_variant_or_misspelt_title_is_found_but_not_standard():
    report = model(
        "五、政府信息公开工作存在的主要问题及改进情况\n正文\n四、政府信息公开行政法复议、行政诉讼情况\n"
    )
    problems, review = report.section("problems"), report.section("review")
    assert problems.found and not problems.standard
    assert review.found and not review.standard


def test_table_row_labels_are_not_headings():
    report = model("三、本年度办理结果\n四、结转下年度继续办理\n")
    assert not report.section("applications").found and not report.section("review").found


def test_fee_statement_is_read_from_section_six():
    report = model("六、其他需要报告的事项\n本年度共收到建议3件。本机关本年度未收取信息处理费。\n")
    assert report.fee_statement.text == "本机关本年度未收取信息处理费。"


def test_the_model_validates_and_a_broken_one_does_not():
    data = model("某局2024年政府信息公开工作年度报告\n一、总体情况\n").to_json()
    assert validate(data, "report.schema.json") == []
    data["year"] = "二〇二四"
    (violation,) = validate(data, "report.schema.json")
    assert violation.pointer == "/year"


def test_a_text_that_is_no_report_gives_e002_only():
    result = lint_text("会议通知\n请各单位于周五前报送材料。\n")
    assert [d.code for d in result.diagnostics] == ["E002"]


def test_an_old_label_in_a_sentence_is_not_the_old_template():
    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n全年公开政府采购信息，采购总金额较上年下降。\n"
    assert model(text).old_template_signatures == []
    table = "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    assert [s.text for s in model(table).old_template_signatures] == [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]


def test_a_table_cut_after_its_header_is_found_with_its_rows_missing():
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    )
    result = lint_text(text)
    assert result.report.tables["proactive"].found
    codes = [d.code for d in result.diagnostics]
    assert "L203" in codes and "S106" not in codes


@pytest.mark.parametrize(
    "wrapped",
    [
        "(二) 部分公开 (区分处理的, 只计这一情形,\n2 0 0 0 0 0 2\n不计其他情形)",
        "(二) 部分公开 (区分处理的, 只计这一情形, 2 0 0 0 0 0 2\n不计其他情形)",
        "(二) 部分公开 (区分处理的, 只计这一情形,\n不计其他情形) 2 0 0 0 0 0 2",
    ],
)
def test_a_label_wrapped_over_two_lines_keeps_its_figures(seed_text, wrapped):
    line = next(row for row in seed_text.splitlines() if "(二) 部分公开" in row)
    result = lint_text(seed_text.replace(line, wrapped))
    cells = result.report.tables["applications"].rows["partly_disclosed"]
    assert [c.value for c in cells.values()] == [2, 0, 0, 0, 0, 0, 2]
    assert "L203" not in {d.code for d in result.diagnostics}


def test_a_title_on_two_lines_keeps_its_agency():
    report = model("\n延津县某某街道\n2024 年政府信息公开工作年度报告\n一、总体情况\n")
    assert (report.agency, report.year) == ("延津县某某街道", 2024)
    assert report.title == "延津县某某街道2024年政府信息公开工作年度报告"


def test_a_fee_statement_broken_over_lines_is_read_whole():
    report = model("六、其他需要报告的事项\n本年度我局未收取政府信息公开信息处\n理费。\n")
    assert report.fee_statement.text == "本年度我局未收取政府信息公开信息处理费。"


@pytest.mark.parametrize("name", ["report.schema.json", "rulepack.schema.json"])
def test_the_schemas_are_valid_json_schemas(name):
    import json

    from jsonschema import Draft202012Validator

    from reportlint.resources import data_dir

    Draft202012Validator.check_schema(json.loads((data_dir("schemas") / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("text", "agency", "title"),
    [
        (
            "现公布某某区某某街道2022年政府信息公开工作年度报告。\n",
            "某某区某某街道",
            "某某区某某街道2022年政府信息公开工作年度报告",
        ),
        (
            "依据《中华人民共和国政府信息公开工作年度报告格式》，向社会公布2021年本级政府信息公开工作年度报告。\n",
            None,
            "2021年本级政府信息公开工作年度报告",
        ),
        ("根据《关于做好2022年政府信息公开工作年度报告的通知》要求编制。\n", None, None),
    ],
)
def test_a_title_named_in_a_sentence(text, agency, title):
    report = model(text)
    assert (report.agency, report.title) == (agency, title)
