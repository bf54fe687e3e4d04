"""The sample report: what it must and must not give, and every one of its 190 table figures changed."""

from __future__ import annotations

import re

import pytest

from reportlint.api import lint_file, lint_text

from conftest import SEED


def codes(result):
    return {d.code for d in result.diagnostics}


def test_seed_gives_the_label_typo_and_nothing_wrong():
    result = lint_file(str(SEED))
    found = codes(result)
    assert "L201" in found
    assert not found & {
        "M401",
        "M402",
        "M403",
        "M404",
        "S101",
        "S102",
        "F501",
        "F502",
        "F503",
        "L202",
        "E001",
        "E002",
        "E003",
        "E004",
    }
    typo = next(d for d in result.diagnostics if d.code == "L201")
    assert typo.suggestion == "本年废止件数"
    assert "本年废止件数" in typo.message and "本年度止件数" in typo.message
    assert (typo.span.line, typo.span.column) == (22, 13)


def test_seed_model():
    report = lint_file(str(SEED)).report
    assert (report.template, report.year, report.agency) == ("gov-2021", 2024, "延津县塔铺街道")
    assert all(s.found and s.standard for s in report.sections)
    assert report.fee_statement is not None and "信息处理费" in report.fee_statement.text
    applications = report.tables["applications"]
    assert len(applications.rows) == 25
    assert all(
        len(cols) == 7 and all(c.status == "number" and c.value == 0 for c in cols.values())
        for cols in applications.rows.values()
    )
    assert sum(len(cols) for cols in report.tables["review"].rows.values()) == 15
    assert sum(len(cols) for cols in report.tables["proactive"].rows.values()) == 10


def _table_figures(text: str) -> list[tuple[int, int]]:
    """Character ranges of the figures in the section 三 and 四 tables: whole tab-separated cells of digits."""
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("五、存在的主要问题及改进情况")
    sites = []
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        for match in re.finditer(r"(?:(?<=\t)|^)(\d+)(?=\t|\n|$)", line):
            sites.append((offset + match.start(1), offset + match.end(1)))
        offset += len(line)
    return sites


SITES = _table_figures(SEED.read_text(encoding="utf-8"))


def test_the_seed_tables_hold_190_figures():
    assert len(SITES) == 175 + 15


@pytest.mark.parametrize("site", SITES, ids=[f"char{a}" for a, _ in SITES])
def test_changing_any_figure_is_caught(seed_text, site):
    a, b = site
    mutated = seed_text[:a] + str(int(seed_text[a:b]) + 7) + seed_text[b:]
    found = codes(lint_text(mutated, path="mutant.txt"))
    assert found & {"M401", "M402", "M403", "M404"}


def test_a_changed_figure_is_named_with_expected_and_actual(seed_text):
    line = next(row for row in seed_text.splitlines() if row.startswith("一、本年新收"))
    changed = line.replace("\t0\t", "\t5\t", 1)  # 自然人 becomes 5, 总计 stays 0
    result = lint_text(seed_text.replace(line, changed), path="mutant.txt")
    row_total = next(d for d in result.diagnostics if d.code == "M401")
    assert (row_total.cell.table, row_total.cell.row, row_total.cell.column) == (
        "applications",
        "new_received",
        "total",
    )
    assert (row_total.expected, row_total.actual) == (5, 0)
    balance = next(d for d in result.diagnostics if d.code == "M403")
    assert balance.cell.column == "natural_person"
