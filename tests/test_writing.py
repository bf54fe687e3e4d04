"""W901–W903: a character written twice, unbalanced brackets, half-width punctuation in Chinese text."""

from __future__ import annotations

import pytest

from reportlint.api import lint_file, lint_text
from reportlint.diagnostics import Severity

from conftest import SEED

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
TITLE = "某某县民政局2024年政府信息公开工作年度报告"


def report(overview: str = "全年主动公开政府信息一百二十条。", problems: str = "", title: str = TITLE) -> str:
    """A small report: the title on line 1, the heading of 一 on line 2, its text from line 3."""
    texts = [
        overview,
        "",
        "",
        "",
        problems or "一是栏目更新不够及时。下一步将建立更新台账。",
        "本年度未收取信息处理费。",
    ]
    lines = [title]
    for heading, text in zip(HEADINGS, texts, strict=True):
        lines += [heading, *([text] if text else [])]
    return "\n".join(lines) + "\n"


def found(text: str, code: str) -> list:
    return [d for d in lint_text(text).diagnostics if d.code == code]


# W901 doubled-character


def test_the_seed_doubles_dui_in_section_five_and_nothing_else():
    doubled = [d for d in lint_file(str(SEED)).diagnostics if d.code == "W901"]
    assert len(doubled) == 1  # not the 层层 of 层层把关 (line 17)
    span = doubled[0].span
    assert (span.line, span.column, span.end_line, span.end_column) == (78, 59, 78, 61)
    assert doubled[0].suggestion == "对"
    assert "对对" not in doubled[0].message.split("应为")[1]


def test_the_seed_gives_no_other_writing_diagnostic():
    codes = {d.code for d in lint_file(str(SEED)).diagnostics}
    assert not codes & {"W902", "W903"}


def test_a_doubled_particle_is_found_with_its_exact_span():
    diagnostics = found(report("我们在在全县范围内推进公开工作。"), "W901")
    assert len(diagnostics) == 1
    span = diagnostics[0].span
    assert (span.line, span.column, span.end_column) == (3, 3, 5)
    assert diagnostics[0].suggestion == "在"
    assert diagnostics[0].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("text", "single"),
    [
        ("本单位的的公开目录已经更新。", "的"),
        ("年内与与会代表座谈一次。", None),  # 与|与会 is a word boundary: not reported
        ("我们我们将继续做好公开工作。", "我们"),
        ("进一步进一步规范依申请公开。", "进一步"),
        ("全年办理和和答复申请五件。", "和"),
        ("規範政府信息公開並並及時更新。", "並"),  # traditional script
    ],
)
def test_function_characters_and_words_written_twice(text, single):
    diagnostics = found(report(text), "W901")
    assert [d.suggestion for d in diagnostics] == ([single] if single else [])


@pytest.mark.parametrize(
    "text",
    [
        "信息发布严格层层把关，常常开展自查，项项落实到人。",
        "为了了解群众需求，开展问卷调查。",
        "对对象信息进行分类管理，实实在在为群众办事。",
        "对反映的问题绝不不了了之，的的确确做到件件有回音。",
        "不得公开以营利为目的的数据，在在线平台同步发布。",
        "转发《关于对对口支援工作的通知》和“和和美美”专题。",
        "认真研究研究，一步一步推进，天天更新，年年考核。",
    ],
)
def test_legitimate_doubling_is_not_reported(text):
    assert found(report(text), "W901") == []


def test_the_title_is_checked():
    diagnostics = found(report(title="某某县发展和和改革局2024年政府信息公开工作年度报告"), "W901")
    assert len(diagnostics) == 1 and diagnostics[0].span.line == 1


def test_english_messages():
    from reportlint.api import Options

    result = lint_text(report("三是对对政务公开宣传不足。"), options=Options(lang="en"))
    message = next(d.message for d in result.diagnostics if d.code == "W901")
    assert "written twice" in message


# W902 unbalanced-brackets


def test_a_title_mark_left_open():
    diagnostics = found(report("依据《中华人民共和国政府信息公开条例规定，现将本年度报告公布如下。"), "W902")
    assert len(diagnostics) == 1
    assert (diagnostics[0].span.line, diagnostics[0].span.column) == (3, 3)
    assert "》" in diagnostics[0].message


def test_a_bracket_closed_but_never_opened():
    diagnostics = found(report("全年共受理申请三件，均已按期答复）。"), "W902")
    assert len(diagnostics) == 1 and diagnostics[0].span.column == 17


def test_a_closing_quote_where_the_opening_one_belongs():
    diagnostics = found(report("坚持”公开为常态、不公开为例外”原则。"), "W902")
    assert len(diagnostics) == 2  # two closing quotes, none opened


@pytest.mark.parametrize(
    "text",
    [
        "（一）主动公开情况。全年主动公开信息一百条（含政策解读十条）。",
        "（二)依申请公开情况。全年无申请。",  # half- and full-width pair with each other
        "1)完善公开目录。",  # an item number closed by a bracket alone
        "主要措施：1）完善目录；2）加强审查；a)及时更新。",
        "依据《中华人民共和国政府信息公开条例》，做好“三审三校”。",
        "本报告电子版可在县政府门户网站（网址略",  # stops mid-sentence: the line was cut
    ],
)
def test_balanced_or_numbering_is_not_reported(text):
    assert found(report(text), "W902") == []


def test_a_bracket_closed_on_the_next_line_counts_as_closed():
    text = report("全年主动公开政府信息一百二十条（其中政策\n解读十条），均在网站发布。")
    assert found(text, "W902") == []


def test_a_bracket_the_next_line_does_not_close_is_reported():
    text = report("全年主动公开政府信息一百二十条（其中政策解读十条。\n（二）依申请公开情况。")
    diagnostics = found(text, "W902")
    assert len(diagnostics) == 1 and (diagnostics[0].span.line, diagnostics[0].span.column) == (3, 16)


# W903 mixed-punctuation


def test_a_half_width_comma_between_chinese_in_full_width_text():
    diagnostics = found(report("做好主动公开，依申请公开,政府信息管理等工作。"), "W903")
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert (d.span.line, d.span.column, d.span.end_column) == (3, 13, 14)
    assert d.suggestion == "，" and d.severity == Severity.INFO


def test_a_half_width_bracket_next_to_full_width_punctuation():
    diagnostics = found(report("全年公开信息一百条(含解读十条)，无依申请公开。"), "W903")
    assert [d.suggestion for d in diagnostics] == ["（", "）"]


@pytest.mark.parametrize(
    "text",
    [
        "全年公开信息1,234条，12:30前完成，网址http://www.example.gov.cn，邮箱gk@example.cn。",
        "做好主动公开,依申请公开,政府信息管理等工作。",  # half-width throughout: consistent, not mixed
        "平台名称为Open Data, Beijing，已上线。",
        "（一）主动公开情况：全年公开信息一百条。",
    ],
)
def test_numbers_addresses_english_and_consistent_text_are_not_reported(text):
    assert found(report(text), "W903") == []
