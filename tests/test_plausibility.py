"""V306 (values the agency cannot have) and L202's older signatures, on the sample edited."""

from __future__ import annotations

from reportlint.api import lint_text

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
REGULATIONS = "规章\t0\t0\t0"


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, "t.txt").diagnostics]


def test_a_street_office_with_regulations_in_force_is_v306():
    result = lint_text(SEED_TEXT.replace(REGULATIONS, "规章\t0\t0\t6"), "t.txt")
    (found,) = [d for d in result.diagnostics if d.code == "V306"]
    assert (found.cell.row, found.cell.column, found.expected, found.actual) == (
        "regulations",
        "in_force",
        0,
        6,
    )


def test_a_city_government_may_have_regulations():
    text = SEED_TEXT.replace("延津县塔铺街道 2024", "某某市人民政府 2024").replace(
        REGULATIONS, "规章\t2\t1\t30"
    )
    assert "V306" not in codes(text)


def test_a_town_known_only_by_how_it_calls_itself():
    text = SEED_TEXT.replace("延津县塔铺街道 2024 年政府信息公开工作年度报告", "")
    text = text.replace("2024 年，塔铺街道坚持", "2024 年，我镇坚持").replace(REGULATIONS, "规章\t1\t0\t1")
    assert "V306" in codes(text)


def test_a_pre_2019_section_is_an_old_format():
    assert "L202" in codes(SEED_TEXT.replace("一、总体情况", "一、概述", 1))
    assert "L202" not in codes(SEED_TEXT.replace("监督保障情况：", "监督保障情况：概述如下，"))
