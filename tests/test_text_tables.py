"""N601/N602: figures and claims in the text against the tables, on the sample with its text edited."""

from __future__ import annotations

import pytest

from reportlint.api import lint_text

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
OPENING = "(二) 依申请公开情况：2024 年无依申请公开政府信息。"


def lint(opening: str, rows: dict[str, list[int]] | None = None):
    text = SEED_TEXT.replace(OPENING, opening)
    for label, values in (rows or {}).items():
        line = next(row for row in text.splitlines() if row.replace(" ", "").startswith(label))
        text = text.replace(line, "\t".join([label, "", *map(str, values), ""]))
    return lint_text(text, "t.txt")


def found(result, code):
    return [d for d in result.diagnostics if d.code == code]


NEW = "一、本年新收政府信息公开申请数量"
FORWARD = "四、结转下年度继续办理"
RESULTS = "(七)总计"


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("全年共收到政府信息公开申请5件。", 5),
        ("本年度新收申请5件。", 5),
        ("共受理5件依申请公开申请。", 5),
        ("予以公开3件。", 3),
        ("1件结转下年度继续办理。", 1),
        ("现行有效行政规范性文件12件。", 12),
        ("本年度发生行政复议2起。", 2),
    ],
)
def test_a_figure_the_table_contradicts_is_n601(sentence, stated):
    diagnostics = found(lint(sentence), "N601")
    assert len(diagnostics) == 1
    assert (diagnostics[0].actual, diagnostics[0].expected) == (stated, 0)
    assert diagnostics[0].span.line == 11


def test_figures_that_agree_are_silent():
    rows = {NEW: [3, 1, 0, 0, 0, 0, 4], FORWARD: [3, 1, 0, 0, 0, 0, 4]}
    result = lint("全年共收到政府信息公开申请4件，4件结转下年度继续办理。", rows)
    assert not found(result, "N601")


def test_a_blank_total_bounds_the_figure_from_below():
    rows = {NEW: [3, 1, 0, 0, 0, 0, ""]}
    assert found(lint("全年共收到政府信息公开申请2件。", rows), "N601")  # 3 + 1 already exceed 2
    assert not found(lint("全年共收到政府信息公开申请5件。", rows), "N601")  # the blank may hold the rest


def test_a_figure_not_tied_to_one_cell_is_left_alone():
    assert not found(lint("因本机关不掌握等原因无法提供5件，申请数量较去年下降12%。"), "N601")


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ("2024 年无依申请公开政府信息。", {NEW: [1, 0, 0, 0, 0, 0, 1], FORWARD: [1, 0, 0, 0, 0, 0, 1]}),
        ("收到的申请均已办结。", {NEW: [1, 0, 0, 0, 0, 0, 1], FORWARD: [1, 0, 0, 0, 0, 0, 1]}),
    ],
)
def test_a_claim_the_table_contradicts_is_n602(sentence, rows):
    assert len(found(lint(sentence, rows), "N602")) == 1


def test_claims_that_hold_are_silent():
    assert not found(lint("2024 年无依申请公开政府信息，未发生行政复议。"), "N602")
    assert not found(lint("全年未发生政府信息公开方面责任追究情况。", {NEW: [1, 0, 0, 0, 0, 0, 1]}), "N602")


def test_upheld_against_pending_reconsiderations():
    review = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    text = SEED_TEXT.replace(OPENING, "行政复议1起，均获维持。").replace(review, "0\t0\t0\t1\t1" + "\t0" * 10)
    assert len(found(lint_text(text, "t.txt"), "N602")) == 1
    text = SEED_TEXT.replace(OPENING, "行政复议1起，均获维持。").replace(review, "1\t0\t0\t0\t1" + "\t0" * 10)
    assert not found(lint_text(text, "t.txt"), "N602")
