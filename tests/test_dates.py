"""D701–D704 on the sample with its text edited: years, the statistics period, publication, citations."""

from __future__ import annotations

import pytest

from reportlint.api import lint_text
from reportlint.diagnostics import Severity

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
OPENING = "2024 年，塔铺街道坚持以习近平新时代中国特色社会主义思想为指导"
INTRO = "延津县塔铺街道 2024 年政府信息公开工作年度报告\n"


def codes(text: str, code: str):
    return [d for d in lint_text(text, "t.txt").diagnostics if d.code == code]


def test_last_years_opening_is_d701():
    (found,) = codes(SEED_TEXT.replace(OPENING, OPENING.replace("2024", "2023")), "D701")
    assert (found.expected, found.actual, found.span.line) == (2024, 2023, 7)


def test_this_years_opening_and_next_years_plans_are_fine():
    assert not codes(SEED_TEXT, "D701")
    plans = SEED_TEXT.replace("改进情况：", "改进情况：2023年，我街道查找不足。2025年，将")
    assert not codes(plans, "D701")  # section 五 speaks of other years by nature


@pytest.mark.parametrize(
    ("period", "bad"),
    [
        ("本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。", False),
        ("本报告所列数据统计期限为2024年1月1日至12月31日。", False),
        ("本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。", True),
        ("本报告所列数据统计期限自20241月1日起至20241231日止。", True),
    ],
)
def test_the_statistics_period(period, bad):
    found = codes(SEED_TEXT.replace(INTRO, INTRO + "\n" + period + "\n"), "D702")
    assert bool(found) == bad
    assert all(d.severity == Severity.ERROR for d in found)


def test_no_statistics_period_is_an_info_note():
    (found,) = codes(SEED_TEXT, "D702")
    assert found.severity == Severity.INFO


@pytest.mark.parametrize(("published", "late"), [("2025-03-20", False), ("2025-04-02", True)])
def test_publication_deadline_for_a_street_office(published, late):
    assert bool(codes(SEED_TEXT.replace(INTRO, INTRO + f"发布时间：{published}\n"), "D703")) == late


def test_a_bureau_publishes_by_31_january():
    text = SEED_TEXT.replace("延津县塔铺街道 2024", "延津县自然资源局 2024").replace(INTRO, "")
    text = "延津县自然资源局 2024 年政府信息公开工作年度报告\n发布时间：2025-02-05\n" + text
    assert codes(text, "D703")


@pytest.mark.parametrize(
    ("citation", "wrong"),
    [
        ("依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。", False),
        ("依据《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制。", False),
        ("依据《中华人民共和国政府信息年度报告格式》编制。", True),
        ("依据国办公开办函〔2021〕36号编制。", True),
    ],
)
def test_format_citation(citation, wrong):
    assert bool(codes(SEED_TEXT.replace(INTRO, INTRO + citation + "\n"), "D704")) == wrong
