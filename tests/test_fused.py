"""Rows whose digits ran together: recovered where the identities allow one split, never guessed."""

from __future__ import annotations

from reportlint.api import lint_text
from reportlint.extract.fused import cuts

from conftest import SEED


def figures(runs, parts):
    return [[int(runs[i][a:b]) for i, a, b in cut] for cut in cuts(runs, parts)]


def test_cuts_keep_spacing_and_refuse_leading_zeros():
    assert figures(["000"], 3) == [[0, 0, 0]]
    assert figures(["12", "0"], 3) == [[1, 2, 0]]
    assert [12, 0] in figures(["120"], 2) and [1, 20] in figures(["120"], 2)
    assert all(len(str(f)) == 1 for cut in figures(["1002"], 4) for f in cut)
    assert figures(["12-3"], 2) == []  # not a digit run


def _fuse(text: str, labels: list[str]) -> str:
    """Write the given table rows of the sample with their figures run together, as crawls do."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if any(line.strip("\t").startswith(label) for label in labels):
            cells = [c for c in line.split("\t") if c]
            label = next(c for c in cells if not c.isdigit())
            lines[n] = label + "".join(c for c in cells if c.isdigit())
    return "\n".join(lines) + "\n"


def _with_figures(text: str, label: str, values: list[int]) -> str:
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith(label):
            lines[n] = "\t".join([label, "", *map(str, values), ""])
    return "\n".join(lines) + "\n"


SEED_TEXT = SEED.read_text(encoding="utf-8")
NEW, CARRIED = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"


def test_a_fused_row_that_adds_up_one_way_is_recovered_and_checked():
    text = _with_figures(SEED_TEXT, NEW, [64, 0, 0, 2, 0, 4, 70])
    text = _with_figures(text, "四、结转下年度继续办理", [64, 0, 0, 2, 0, 4, 70])
    fused = _fuse(text, [NEW, "四、结转下年度继续办理"])
    assert "一、本年新收政府信息公开申请数量640020470" in fused
    result = lint_text(fused, "fused.txt")
    cells = result.report.tables["applications"].rows["new_received"]
    assert [c.value for c in cells.values()] == [64, 0, 0, 2, 0, 4, 70]
    assert {d.code for d in result.diagnostics} >= {"V308"}
    assert not {d.code for d in result.diagnostics} & {"M401", "M402", "M404", "V307"}
    # the report is consistent, so only the real imbalance would show: 一+二 = （七）+ 四 holds
    assert "M403" not in {d.code for d in result.diagnostics}


# "000011011" adds up two ways: 0|0|0|0|1|10|11 and 0|0|0|0|11|0|11
AMBIGUOUS = [0, 0, 0, 0, 1, 10, 11]


def test_the_column_identities_choose_between_splits():
    text = _with_figures(SEED_TEXT, CARRIED, AMBIGUOUS)
    text = _with_figures(text, "四、结转下年度继续办理", AMBIGUOUS)
    result = lint_text(_fuse(text, [CARRIED]), "two-ways.txt")
    cells = result.report.tables["applications"].rows["carried_over"]
    assert [c.value for c in cells.values()] == AMBIGUOUS
    assert not {d.code for d in result.diagnostics} & {"M401", "M402", "M403", "V307"}


def test_a_split_nothing_can_choose_is_not_assessable():
    text = _with_figures(SEED_TEXT, CARRIED, AMBIGUOUS)
    result = lint_text(_fuse(text, [CARRIED]), "ambiguous.txt")
    codes = {d.code for d in result.diagnostics}
    assert "V307" in codes
    assert all(
        c.status == "fused" for c in result.report.tables["applications"].rows["carried_over"].values()
    )
    assert not codes & {"M401", "M402"}  # never a sum error from a guessed split
