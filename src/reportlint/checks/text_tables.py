"""N6xx: what the text says against what the tables say.

Only statements that name one cell, or a sum of cells the format defines, are checked: a
figure the rule cannot tie to a cell is left alone. A table that leaves cells blank still
bounds the figure from below (blanks can only add), so a text figure below that bound is a
certain contradiction; above it, nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.hookspecs import hookimpl
from reportlint.model import FIGURE_DIGITS, CellValue, Paragraph, Report
from reportlint.rule import Context, Rule
from reportlint.template.labels import normalise_with_map

Ref = tuple[str, str, str]  # table, row, column
APPLICANTS = ("natural_person", "commercial", "research", "public_interest", "legal_service", "other_org")
_N = r"(\d+)"
_GAP = r"(?:政府信息公开|依申请公开|信息公开)?[^，,。；;：:、\d]{0,4}?"  # what may stand between a keyword and its figure


@dataclass(frozen=True)
class Figure:
    """A phrase that states a figure, and the cells whose sum it states."""

    name: str
    pattern: re.Pattern[str]
    cells: tuple[Ref, ...]


def _total(*rows: str) -> tuple[Ref, ...]:
    return tuple(("applications", row, "total") for row in rows)


# The phrases of the list, most specific first: a phrase once matched is not matched again.
FIGURES = (
    Figure(
        "予以公开及部分公开",
        re.compile(rf"予以公开(?:及|和|与|、)部分公开{_GAP}{_N}件"),
        _total("disclosed", "partly_disclosed"),
    ),
    Figure(
        "收到申请",
        re.compile(rf"(?:共|累计|全年|本年度?)(?:收到|受理|新收){_GAP}申请{_GAP}{_N}件"),
        _total("new_received"),
    ),
    Figure(
        "收到申请",
        re.compile(rf"(?:共|累计|全年|本年度?)(?:收到|受理|新收){_GAP}{_N}件{_GAP}申请"),
        _total("new_received"),
    ),
    Figure("予以公开", re.compile(rf"(?<![不及和与、])予以公开{_GAP}{_N}件"), _total("disclosed")),
    Figure("上年结转", re.compile(rf"上年(?:度)?结转{_GAP}{_N}件"), _total("carried_over")),
    Figure(
        "结转下年度",
        re.compile(rf"结转(?:至|到)?下(?:一)?年度?(?:继续办理)?{_GAP}{_N}件"),
        _total("carried_forward"),
    ),
    Figure("结转下年度", re.compile(rf"{_N}件{_GAP}结转(?:至|到)?下(?:一)?年"), _total("carried_forward")),
    Figure(
        "行政复议",
        re.compile(rf"行政复议(?:案件)?(?:共)?{_N}[起件]"),
        (("review", "reconsideration", "total"),),
    ),
    Figure(
        "行政诉讼",
        re.compile(rf"(?:行政)?诉讼(?:案件)?(?:共)?{_N}[起件]"),
        (("review", "direct_suit", "total"), ("review", "suit_after_reconsideration", "total")),
    ),
    Figure(
        "现行有效行政规范性文件",
        re.compile(rf"现行有效(?:的)?(?:行政)?规范性文件{_GAP}{_N}件"),
        (("proactive", "normative_documents", "in_force"),),
    ),
)


def bounds(report: Report, cells: tuple[Ref, ...]) -> tuple[int | float, float] | None:
    """The least and greatest the cells can add up to; None if a cell is unreadable or absent."""
    low: float = 0
    high: float = 0
    for table, row, column in cells:
        data = report.tables.get(table)
        cell = data.cell(row, column) if data and data.found else None
        found = _cell_bounds(report, table, row, column, cell)
        if found is None:
            return None
        low, high = low + found[0], high + found[1]
    return low, high


def _cell_bounds(
    report: Report, table: str, row: str, column: str, cell: CellValue | None
) -> tuple[float, float] | None:
    if cell is None or cell.status in ("text", "fused", "unaligned"):
        return None
    if cell.summable:
        return cell.amount, cell.amount
    if table == "applications" and column == "total":  # a blank 总计: the six applicant cells bound it
        parts = [report.tables["applications"].cell(row, c) for c in APPLICANTS]
        if any(p is None or p.status in ("text", "fused", "unaligned") for p in parts):
            return None
        known = sum(p.amount for p in parts if p is not None and p.summable)
        return known, float("inf")
    return 0, float("inf")


def _phrases(paragraph: Paragraph) -> Iterator[tuple[Figure, int, int, int]]:
    """(figure, stated number, start, end in the paragraph) for each statement of a figure."""
    norm, index = normalise_with_map(paragraph.text)
    taken: list[tuple[int, int]] = []
    for figure in FIGURES:
        for match in figure.pattern.finditer(norm):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            if len(match.group(1)) > FIGURE_DIGITS:  # a run of digits no count has: not a statement
                continue
            yield figure, int(match.group(1)), index[match.start()], index[match.end() - 1] + 1


class TextFigure(Rule):
    """A figure stated in the text differs from the table.

    The text's figures — 共收到申请X件, 予以公开X件, 予以公开及部分公开X件, 上年结转X件,
    结转下年度X件, 行政复议X起, 诉讼X件, 现行有效行政规范性文件X件 — are compared with the
    cells they name (the 总计 column; for 诉讼 both kinds of suit). Spec §4.3 T3-G, §5 T4-E.

    Wrong (the table's 予以公开 and 部分公开 add up to 275)::

        予以公开及部分公开258件

    Right::

        予以公开及部分公开275件
    """

    code = "N601"
    name = "text-figure"
    summary = "正文中的数字与表格不一致"
    summary_en = "a figure in the text differs from the table"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for _, paragraph in ctx.report.prose():
            for figure, stated, start, end in _phrases(paragraph):
                found = bounds(ctx.report, figure.cells)
                if found is None or found[0] <= stated <= found[1]:
                    continue
                low, high = found
                table = f"{low:g}" if low == high else f"至少 {low:g}"
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"正文称“{figure.name}”{stated}件，但表格为{table}件",
                        f"the text states {stated} for “{figure.name}” but the table gives {'at least ' if low != high else ''}{low:g}",
                    ),
                    paragraph.span_of(start, end),
                    expected=low if low == high else None,
                    actual=stated,
                )


@dataclass(frozen=True)
class Claim:
    """A statement that some cells are all zero; `table_zh`/`table_en` say what the table holds instead."""

    pattern: re.Pattern[str]
    cells: tuple[Ref, ...]
    table_zh: str
    table_en: str


_REVIEW_NOT_UPHELD = tuple(
    ("review", row, column)
    for row in ("reconsideration", "direct_suit", "suit_after_reconsideration")
    for column in ("corrected", "other", "pending")
)
CLAIMS = (
    Claim(
        re.compile(
            r"(?:无|没有|未收到|未接到|未发生)(?:政府信息公开申请|依申请公开)|依申请公开(?:申请)?(?:为)?0件"
        ),
        _total("new_received"),
        "本年新收政府信息公开申请",
        "new applications",
    ),
    Claim(
        re.compile(r"(?:全部|均已|均|全部按期|已全部)办结"),
        _total("carried_forward"),
        "结转下年度继续办理",
        "applications carried forward",
    ),
    Claim(
        re.compile(r"(?:均获|全部|均被|均予)维持"),
        _REVIEW_NOT_UPHELD,
        "结果纠正、其他结果和尚未审结",
        "reconsiderations and suits corrected, otherwise decided or pending",
    ),
    Claim(
        re.compile(r"(?:未发生|无|没有|未出现)(?:因政府信息公开(?:工作)?(?:申请)?)?(?:被申请)?行政复议"),
        (("review", "reconsideration", "total"),),
        "行政复议总计",
        "reconsiderations",
    ),
)


class TextClaim(Rule):
    """A claim in the text contradicts the tables.

    "无依申请公开" with applications in table 三; "全部办结" with applications carried
    forward (T3-H); "均获维持" with reconsiderations or suits corrected or pending;
    "未发生行政复议" with reconsiderations in table 四. Spec §4.3 T3-H, §8 E8.

    Wrong (table 三 carries 3 applications forward)::

        全年收到的申请均已办结。

    Right::

        全年收到申请52件，办结49件，3件结转下年度继续办理。
    """

    code = "N602"
    name = "text-claim"
    summary = "正文的表述与表格矛盾"
    summary_en = "a claim in the text contradicts the tables"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for _, paragraph in ctx.report.prose():
            norm, index = normalise_with_map(paragraph.text)
            for claim in CLAIMS:
                match = claim.pattern.search(norm)
                found = bounds(ctx.report, claim.cells) if match else None
                if match is None or found is None or found[0] == 0:
                    continue
                more = "至少 " if found[0] != found[1] else ""
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"正文称“{match.group(0)}”，但表格中{claim.table_zh}为{more}{found[0]:g}件",
                        f"the text says “{match.group(0)}” but the table has {found[0]:g} {claim.table_en}",
                    ),
                    paragraph.span_of(index[match.start()], index[match.end() - 1] + 1),
                    actual=found[0],
                )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [TextFigure(), TextClaim()]
