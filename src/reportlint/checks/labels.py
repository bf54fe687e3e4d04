"""L2xx: the tables' labels — typos, the old template, missing and unexpected rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.hookspecs import hookimpl
from reportlint.rule import Context, Rule

_KIND = {
    "row": ("行", "row"),
    "column": ("列", "column"),
    "header": ("表头", "header"),
    "group": ("分组", "group"),
    "caption": ("标题行", "caption"),
}


class NonStandardLabel(Rule):
    """A table label differs from the template's.

    Labels are compared after normalising width, spaces, quotes and script; what is left
    is a typo or a reworded label, and the nearest template label is suggested.

    Wrong::

        信息内容  本年制发件数  本年度止件数  现行有效件数

    Right::

        信息内容  本年制发件数  本年废止件数  现行有效件数
    """

    code = "L201"
    fixable = True
    name = "non-standard-label"
    summary = "表格的行、列标签与格式不一致"
    summary_en = "a table label differs from the template's"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for finding in ctx.report.labels:
            zh_kind, en_kind = _KIND[finding.kind]
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"{zh_kind}标签“{finding.found}”与格式不一致，是否应为“{finding.expected}”？",
                    f"{en_kind} label “{finding.found}” is not the template's; did you mean “{finding.expected}”?",
                ),
                finding.span,
                suggestion=finding.expected,
            )


class OldTemplate(Rule):
    """A report for 2021 or later uses the 2019 (trial) template.

    From the 2021 reports on, the format of 国办公开办函〔2021〕30号 applies. Labels that
    only the 2019 format has (本年新制作数量, 上一年项目数量, 第二十条第（九）项 …) or a
    citation of the trial format betray the old template.

    Wrong (a 2023 report)::

        信息内容  本年新制作数量  本年新公开数量  对外公开总数量

    Right::

        信息内容  本年制发件数  本年废止件数  现行有效件数
    """

    code = "L202"
    name = "old-template"
    summary = "2021年及以后的报告使用了旧（2019年试行）格式"
    summary_en = "a report for 2021 or later uses the old (2019 trial or earlier) format"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        year, found = ctx.report.year, ctx.report.old_template_signatures
        if year is None or year < 2021 or not found:
            return
        names = "、".join(f"“{s.text}”" for s in found[:3]) + ("等" if len(found) > 3 else "")
        yield self.diagnostic(
            ctx,
            ctx.t(
                f"{year}年度报告使用了旧格式（{names}，共 {len(found)} 处属于2019年试行格式或更早的格式），应使用国办公开办函〔2021〕30号格式",
                f"a {year} report in an old format ({len(found)} signs, first “{found[0].text}”); use the 2021 format",
            ),
            found[0].span,
            related=[s.span for s in found[1:] if s.span],
        )


class MissingRow(Rule):
    """A row of the template is missing from a table.

    Every row of the format is reported, with 0 where nothing happened; without the row
    the table's totals cannot be checked.

    Wrong: table 三 without the row ``3.补正后申请内容仍不明确``; or （六）其他处理 given as
    one row of figures without its three rows (one finding for the group; its figures
    still stand for the three rows' sum in the （七）总计 identity).

    Right: all 25 rows of table 三, in the format's order.
    """

    code = "L203"
    name = "missing-row"
    summary = "表格缺少格式规定的行"
    summary_en = "a table lacks a row of the template"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for table_key, missing in ctx.report.missing_rows.items():
            spec = ctx.template.tables[table_key]
            table = ctx.report.tables.get(table_key)
            span = table.span if table else None
            for group in spec.condensed:  # a group printed as one row: its rows left out, said once
                if table and group.key in table.groups and set(group.rows) <= set(missing):
                    missing = [k for k in missing if k not in group.rows]
                    labels = "、".join(f"“{spec.row(k).label}”" for k in group.rows)
                    yield self.diagnostic(
                        ctx,
                        ctx.t(
                            f"“{spec.name}”的“{group.label}”只填了合计，缺少其下各行：{labels}",
                            f"{spec.en}: “{group.en}” gives only its sum; its {len(group.rows)} rows are missing",
                        ),
                        table.row_spans.get(group.key, span),
                    )
            order = [row.key for row in spec.rows]
            last_found = max((order.index(k) for k in order if k not in missing), default=-1)
            for key in (k for k in missing if order.index(k) < last_found):
                row = spec.row(key)
                yield self.diagnostic(
                    ctx,
                    ctx.t(f"“{spec.name}”缺少行“{row.label}”", f"{spec.en} lacks the row “{row.en}”"),
                    span,
                )
            tail = [k for k in missing if order.index(k) > last_found]
            if tail and last_found < 0:
                yield self.diagnostic(
                    ctx,
                    ctx.t(f"“{spec.name}”只有表头，没有任何数据行", f"{spec.en} has its header but no rows"),
                    span,
                )
            elif tail:
                last = spec.rows[last_found]
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{spec.name}”在“{last.label}”之后中断，缺少其后的 {len(tail)} 行",
                        f"{spec.en} stops after “{last.en}”: the {len(tail)} rows after it are missing",
                    ),
                    span,
                )


class UnexpectedRow(Rule):
    """A table has a row the template does not have.

    Wrong::

        法人或其他组织小计  3  1  0  0  2

    Right: only the format's rows (there is no 法人或其他组织 subtotal in the format).
    """

    code = "L204"
    name = "unexpected-row"
    summary = "表格中有格式没有的行"
    summary_en = "a table has a row the template lacks"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for row in ctx.report.unexpected_rows:
            spec = ctx.template.tables[row.table] if row.table else None
            name = spec.name if spec else ""
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"“{name}”中的行“{row.text}”不是格式规定的行", f"row “{row.text}” is not in the template"
                ),
                row.span,
            )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [NonStandardLabel(), OldTemplate(), MissingRow(), UnexpectedRow()]
