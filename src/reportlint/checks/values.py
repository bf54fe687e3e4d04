"""V3xx: what the table cells hold — figures, blanks, negatives, fractions, units."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from reportlint.diagnostics import CellRef, Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.model import CellValue
from reportlint.rule import Context, Rule
from reportlint.template import ColumnSpec, RowSpec, TableSpec

# a fee above this many 万元 (10亿元) in a disclosure report is almost surely written in 元
_IMPLAUSIBLE_WAN_YUAN = 100_000


def _cells(ctx: Context) -> Iterator[tuple[TableSpec, RowSpec, ColumnSpec, CellValue]]:
    for spec in ctx.template.tables.values():
        table = ctx.report.tables.get(spec.key)
        if table is None or not table.found:
            continue
        for row in spec.rows:
            for column in row.columns:
                cell = table.cell(row.key, column.key)
                if cell is not None:
                    yield spec, row, column, cell


def _where(ctx: Context, row: RowSpec, column: ColumnSpec) -> str:
    return ctx.t(f"“{row.label}”行“{column.label}”列", f"row “{row.en}”, column “{column.en}”")


class NotANumber(Rule):
    """A cell that must hold a figure holds text.

    Wrong::

        行政许可  暂无

    Right::

        行政许可  0
    """

    code = "V301"
    name = "not-a-number"
    summary = "单元格应为数字"
    summary_en = "a cell that must hold a figure holds text"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec, row, column, cell in _cells(ctx):
            if cell.status == "text":
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{_where(ctx, row, column)}的“{cell.raw}”不是数字",
                        f"{_where(ctx, row, column)}: “{cell.raw}” is not a number",
                    ),
                    cell.span,
                    cell=CellRef(spec.key, row.key, column.key),
                    actual=cell.raw,
                )


class BlankCell(Rule):
    """A cell is blank.

    A blank is not a zero: write 0 where nothing happened. A sum with a blank member
    cannot be checked, so the identities that need the cell are skipped. A row or a table
    left entirely blank is reported once.

    Wrong::

        （一）予以公开  258  12      1  1

    Right::

        （一）予以公开  258  12  0  0  1  1  272
    """

    code = "V302"
    name = "blank-cell"
    summary = "单元格为空（空白不等于0，相关合计无法核对）"
    summary_en = "a blank cell (a blank is not 0; sums that need it are not checked)"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec in ctx.template.tables.values():
            table = ctx.report.tables.get(spec.key)
            if table is None or not table.found:
                continue
            rows = [
                (row, [(c, table.cell(row.key, c.key)) for c in row.columns])
                for row in spec.rows
                if row.key in table.rows
            ]
            blank = [
                (row, [(c, cell) for c, cell in cells if cell and cell.status in ("blank", "missing")])
                for row, cells in rows
            ]
            if rows and all(len(b) == len(cells) for (_, b), (_, cells) in zip(blank, rows, strict=True)):
                yield self.diagnostic(
                    ctx,
                    ctx.t(f"“{spec.name}”没有填写任何数字", f"{spec.en} has no figures at all"),
                    table.span,
                )
                continue
            for (row, cells), (_, all_cells) in zip(blank, rows, strict=True):
                if cells and len(cells) == len(all_cells) and len(all_cells) > 1:
                    yield self.diagnostic(
                        ctx,
                        ctx.t(f"“{row.label}”整行为空", f"row “{row.en}” is blank"),
                        table.row_spans.get(row.key),
                        cell=CellRef(spec.key, row.key, "*"),
                    )
                    continue
                for column, cell in cells:
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"{_where(ctx, row, column)}为空，应填写数字（无则填0）",
                            f"{_where(ctx, row, column)} is blank",
                        ),
                        cell.span or table.row_spans.get(row.key),
                        cell=CellRef(spec.key, row.key, column.key),
                    )


class Negative(Rule):
    """A count is negative.

    Wrong::

        行政处罚  -3

    Right::

        行政处罚  3
    """

    code = "V303"
    name = "negative-value"
    summary = "数值不能为负"
    summary_en = "a negative figure"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec, row, column, cell in _cells(ctx):
            if cell.status == "number" and cell.value is not None and cell.value < 0 and not column.signed:
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{_where(ctx, row, column)}为负数 {cell.raw}",
                        f"{_where(ctx, row, column)} is negative ({cell.raw})",
                    ),
                    cell.span,
                    cell=CellRef(spec.key, row.key, column.key),
                    actual=cell.value,
                )


class NotAnInteger(Rule):
    """A count has a fraction.

    Only the fee amount (万元) may have decimals; every other cell counts items.

    Wrong::

        行政许可  12.5

    Right::

        行政许可  12
    """

    code = "V304"
    name = "not-an-integer"
    summary = "件数应为整数"
    summary_en = "a count with a fraction"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec, row, column, cell in _cells(ctx):
            if column.kind == "count" and cell.status == "number" and isinstance(cell.value, float):
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{_where(ctx, row, column)}应为整数，实为 {cell.raw}",
                        f"{_where(ctx, row, column)} must be a whole number, not {cell.raw}",
                    ),
                    cell.span,
                    cell=CellRef(spec.key, row.key, column.key),
                    actual=cell.value,
                )


class UnitInCell(Rule):
    """A unit is written in a cell, or a 万元 amount looks like 元.

    The only unit of the format is 万元, in the fee column's header; a cell holds the
    figure alone.

    Wrong::

        行政事业性收费  251000元

    Right::

        行政事业性收费  25.1
    """

    code = "V305"
    name = "unit-in-cell"
    summary = "单元格中写了单位，或元与万元混淆"
    summary_en = "a unit in a cell, or 元 and 万元 mixed up"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec, row, column, cell in _cells(ctx):
            if cell.status != "number":
                continue
            ref = CellRef(spec.key, row.key, column.key)
            if cell.unit and cell.unit != column.unit:
                mixup = column.unit == "万元" and cell.unit == "元"
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{_where(ctx, row, column)}写有单位“{cell.unit}”"
                        + ("，而本列单位为万元" if mixup else "，单元格只应填写数字"),
                        f"{_where(ctx, row, column)} carries the unit “{cell.unit}”"
                        + (" but the column is in 万元" if mixup else ""),
                    ),
                    cell.span,
                    cell=ref,
                    actual=cell.raw,
                )
            elif (
                column.unit == "万元"
                and cell.value is not None
                and cell.value >= ctx.option(self, "max-wan-yuan", _IMPLAUSIBLE_WAN_YUAN)
            ):
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{_where(ctx, row, column)}为 {cell.raw} 万元，数额异常，是否误以元为单位填写？",
                        f"{_where(ctx, row, column)} is {cell.raw} (10k yuan): is it in yuan?",
                    ),
                    cell.span,
                    cell=ref,
                    actual=cell.value,
                )


class UnalignedRow(Rule):
    """A row's figures cannot be matched to the template's columns.

    Pages that lose the cell boundaries run a row's digits together (``640020470``), and
    some rows have more figures than columns. Such a row is read as not assessable: its
    sums are not checked, rather than checked against a guess.

    Wrong::

        一、本年新收政府信息公开申请数量640020470

    Right::

        一、本年新收政府信息公开申请数量  64  0  0  2  0  4  70
    """

    code = "V307"
    name = "unaligned-row"
    summary = "行内数字无法与模板的列对齐，本行不予核对"
    summary_en = "a row's figures cannot be aligned with the columns; its sums are not checked"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for row in ctx.report.unaligned_rows:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"“{row.text}”：数字与表格的列无法一一对应（数字粘连或个数不符），本行的合计不予核对",
                    f"“{row.text}”: the figures cannot be matched to the columns; the row's sums are not checked",
                ),
                row.span,
            )


class RecoveredRow(Rule):
    """A row whose digits ran together was split by the table's identities.

    Exactly one way of cutting the digits into the template's columns satisfies the
    row's total (and, where needed, the column totals and the 勾稽关系); reportlint read
    the row that way and says so, so that a reader can check the figures.

    Wrong::

        一、本年新收政府信息公开申请数量640020470

    Right::

        一、本年新收政府信息公开申请数量  64  0  0  2  0  4  70
    """

    code = "V308"
    name = "recovered-row"
    summary = "行内数字粘连，已按勾稽关系唯一拆分"
    summary_en = "a row whose digits ran together, split the only way the identities allow"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for row in ctx.report.recovered_rows:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"数字粘连，只有一种拆分方式符合表格的列数与合计关系，已按此读取：{row.text}",
                    f"digits ran together; the only split the identities allow: {row.text}",
                ),
                row.span,
            )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [
        NotANumber(),
        BlankCell(),
        Negative(),
        NotAnInteger(),
        UnitInCell(),
        UnalignedRow(),
        RecoveredRow(),
    ]
