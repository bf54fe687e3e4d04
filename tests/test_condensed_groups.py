"""A group of table 三 printed as one row of figures, its rows left out — common for
（六）其他处理 in real reports: one L203 for the group (not one per row), and the group's
figures stand for its rows' sum, so the （七）总计 identity is still checked.
"""

from __future__ import annotations

import pytest

from reportlint.api import lint_text

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
NEW = "一、本年新收政府信息公开申请数量"
TOTAL = "(七) 总计"
FORWARD = "四、结转下年度继续办理"


def _row(label: str, values: list[int], lead: str = "") -> str:
    return "\t".join([lead + label, "", *map(str, values)])


def condensed(other: list[int], new: list[int], total: list[int]) -> str:
    """The seed with its three （六） rows replaced by one row `（六）其他处理` and its figures."""
    lines = SEED_TEXT.splitlines()
    start = next(n for n, line in enumerate(lines) if "(六) 其他处理" in line)
    end = next(n for n, line in enumerate(lines) if line.startswith(TOTAL))
    lines[start:end] = [_row("（六）其他处理", other, lead="\t")]
    for n, line in enumerate(lines):
        if line.startswith(NEW):
            lines[n] = _row(NEW, new)
        elif line.startswith(TOTAL):
            lines[n] = _row(TOTAL, total)
    return "\n".join(lines) + "\n"


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, "condensed.txt").diagnostics]


def test_the_group_row_is_read_and_its_rows_are_one_finding() -> None:
    text = condensed(other=[2, 0, 0, 0, 0, 0, 2], new=[2, 0, 0, 0, 0, 0, 2], total=[2, 0, 0, 0, 0, 0, 2])
    report = lint_text(text, "condensed.txt").report
    assert report is not None
    table = report.tables["applications"]
    assert {c: v.value for c, v in table.groups["other_handling"].items()}["total"] == 2
    assert report.to_json()["tables"]["applications"]["groups"]["other_handling"]["total"]["value"] == 2
    result = lint_text(text, "condensed.txt")
    missing = [d for d in result.diagnostics if d.code == "L203"]
    assert len(missing) == 1
    assert "（六）其他处理" in missing[0].message and "3.其他" in missing[0].message
    assert not {"M401", "M402", "M403"} & {d.code for d in result.diagnostics}


@pytest.mark.parametrize("wrong_total", [[0, 0, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0, 3]])
def test_the_group_stands_in_the_total_identity(wrong_total: list[int]) -> None:
    """（七）总计 that leaves the group out, or counts it twice, is an M402 as with the rows."""
    text = condensed(other=[2, 0, 0, 0, 0, 0, 2], new=[2, 0, 0, 0, 0, 0, 2], total=wrong_total)
    assert "M402" in codes(text)


def test_a_group_whose_rows_are_printed_is_not_condensed() -> None:
    report = lint_text(SEED_TEXT, "seed.txt").report
    assert report is not None and report.tables["applications"].groups == {}
    assert "groups" not in report.to_json()["tables"]["applications"]
    assert codes(SEED_TEXT).count("L203") == 0
