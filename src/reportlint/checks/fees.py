"""F5xx: the statement on information processing fees (信息处理费) in section 六."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.hookspecs import hookimpl
from reportlint.rule import Context, Rule
from reportlint.template.labels import normalise

_DENIES_FEE = re.compile(r"(未|没有|无|不|均未|从未)(收取|收缴|产生|发生|征收)")
_AMOUNT = re.compile(r"(?:收取|收缴|共计|合计)[^。，,；;]{0,12}?(\d+(?:\.\d+)?)\s*(万元|元)")
_DENIES_NOTICE = re.compile(r"(未|没有|无)[^。，,；;]{0,8}收费通知")
_YEAR = re.compile(r"(20\d\d)\s*年")


class FeeStatementMissing(Rule):
    """Section 六 does not state the information processing fee.

    Nearly every report states how much 信息处理费 was charged under
    《政府信息公开信息处理费管理办法》; "none" is a valid statement.

    Wrong::

        六、其他需要报告的事项
        无。

    Right::

        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "F501"
    name = "fee-statement-missing"
    summary = "第六部分未说明信息处理费收取情况"
    summary_en = "section 六 does not state the information processing fee"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        section = ctx.report.section("other")
        if section and section.found and ctx.report.fee_statement is None:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    "第六部分未说明信息处理费的收取情况（未收取也应说明）",
                    "section 六 does not state the information processing fee",
                ),
                section.span,
            )


class FeeStatementContradiction(Rule):
    """The fee statement contradicts itself or table 三.

    A statement that no fee was charged cannot name an amount; and if table 三 reports
    applications dropped because the fee notice was not paid (（六）2), the report cannot
    also say that no fee notice was issued.

    Wrong::

        本年度未收取信息处理费，共计收取300元。

    Right::

        本年度收取信息处理费共计300元。
    """

    code = "F502"
    name = "fee-statement-contradiction"
    summary = "信息处理费的说明与表格或自身矛盾"
    summary_en = "the fee statement contradicts itself or table 三"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        statement = ctx.report.fee_statement
        if statement is None:
            return
        text = normalise(statement.text)
        amounts = [float(m.group(1)) for m in _AMOUNT.finditer(text) if float(m.group(1)) > 0]
        if _DENIES_FEE.search(text) and amounts:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"信息处理费的说明既称未收取，又写明收取了 {amounts[0]:g} 元",
                    f"the fee statement says none was charged but names {amounts[0]:g}",
                ),
                statement.span,
            )
        unpaid = ctx.report.tables.get("applications")
        cell = unpaid.cell("other_fee_unpaid", "total") if unpaid else None
        if cell and cell.status == "number" and (cell.value or 0) > 0 and _DENIES_NOTICE.search(text):
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"第六部分称未发出收费通知，但第三部分表格“逾期未按收费通知要求缴纳费用”为 {cell.raw}",
                    f"section 六 denies any fee notice but table 三 reports {cell.raw} applications dropped for an unpaid fee",
                ),
                statement.span,
                related=[cell.span] if cell.span else [],
            )


class FeeStatementYear(Rule):
    """The fee statement names another year than the report's.

    Wrong (in a 2024 report)::

        2023年度我街道未收取政府信息公开信息处理费。

    Right::

        2024年度我街道未收取政府信息公开信息处理费。
    """

    code = "F503"
    name = "fee-statement-year"
    summary = "信息处理费的说明所写年份与报告年度不符"
    summary_en = "the fee statement names another year than the report's"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        statement, year = ctx.report.fee_statement, ctx.report.year
        if statement is None or year is None:
            return
        years = {int(y) for y in _YEAR.findall(statement.text)}
        for other in sorted(years - {year}):
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"信息处理费的说明写的是{other}年，而报告年度为{year}年",
                    f"the fee statement names {other}, the report is for {year}",
                ),
                statement.span,
                expected=year,
                actual=other,
            )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [FeeStatementMissing(), FeeStatementContradiction(), FeeStatementYear()]
