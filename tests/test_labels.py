"""Label normalisation and the nearest-label suggestion."""

from __future__ import annotations

import pytest

from reportlint.template import load
from reportlint.template.labels import nearest, normalise


@pytest.mark.parametrize(
    ("written", "template"),
    [
        (
            "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        ('3. 危及"三安全一稳定"', "3.危及“三安全一稳定”"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("商业\n企业", "商业企业"),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
        ("（七）總計", "（七）总计"),
        ("數(shù)據(jù)", "数据"),
        ("０１２", "012"),
    ],
)
def test_written_forms_normalise_to_the_template(written, template):
    assert normalise(written) == normalise(template)


def test_nearest_names_the_template_label():
    vocab = {normalise(c.label): c.key for c in load("gov-2021").tables["proactive"].columns}
    match = nearest(normalise("本年度止件数"), vocab)
    assert match is not None and match[0] == normalise("本年废止件数")


def test_short_labels_need_an_exact_match():
    assert nearest("规定", {"规章": "regulations"}) is None


def test_templates_follow_the_year():
    from reportlint.template import for_year

    assert for_year(2019).id == for_year(2020).id == "gov-2019"
    assert for_year(2021).id == for_year(2025).id == for_year(None).id == "gov-2021"


def test_a_label_cut_short_in_the_report_itself_stays_a_typo() -> None:
    """Only a rest found in a later cell completes a cut label (a page break's cut): a label the
    report itself cut short is still reported, with the label it should be."""
    from reportlint.api import lint_text

    from conftest import SEED

    text = SEED.read_text(encoding="utf-8").replace("(五) 不予处理\t", "(五) 不予处\t")
    found = [d for d in lint_text(text, "cut.txt").diagnostics if d.code == "L201"]
    assert any("不予处理" in d.message for d in found)
