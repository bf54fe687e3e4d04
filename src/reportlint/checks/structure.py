"""S1xx: the report's structure — its six sections, their titles and order, its title, its tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.extract.meta import CORE_TITLE
from reportlint.hookspecs import hookimpl
from reportlint.rule import Context, Rule


class MissingSection(Rule):
    """A required section is missing.

    The format requires six sections, in a fixed order; a report may not leave one out
    (国办公开办函〔2021〕30号: 不能遗漏).

    Wrong::

        一、总体情况 … 二、主动公开政府信息情况 … 四、政府信息公开行政复议、行政诉讼情况 …

    Right::

        一、总体情况 … 二、… 三、收到和处理政府信息公开申请情况 … 四、… 五、… 六、…
    """

    code = "S101"
    name = "missing-section"
    summary = "缺少必备的部分"
    summary_en = "a required section is missing"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for section in ctx.report.sections:
            if not section.found:
                spec = ctx.template.section(section.key)
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"缺少第{spec.ordinal}部分“{spec.heading}”",
                        f"section {spec.ordinal} ({spec.en}) is missing",
                    ),
                )


class SectionOrder(Rule):
    """The sections are out of order.

    The six sections follow the order of the format.

    Wrong::

        五、存在的主要问题及改进情况 … 四、政府信息公开行政复议、行政诉讼情况

    Right::

        四、政府信息公开行政复议、行政诉讼情况 … 五、存在的主要问题及改进情况
    """

    code = "S102"
    name = "section-order"
    summary = "各部分顺序与格式不符"
    summary_en = "the sections are out of order"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        found = [s for s in ctx.report.sections if s.found]
        for i, section in enumerate(found):
            later = [s for s in found[:i] if s.position > section.position]
            if later:
                spec, other = ctx.template.section(section.key), ctx.template.section(later[0].key)
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"第{spec.ordinal}部分出现在第{other.ordinal}部分之前，顺序应与格式一致",
                        f"section {spec.ordinal} comes before section {other.ordinal}",
                    ),
                    section.span,
                )


class SectionTitle(Rule):
    """A section title is not the format's.

    Reports often use the wording of the 条例 or an older format; the linter recognises
    the section, and asks for the standard title.

    Wrong::

        五、政府信息公开工作存在的主要问题及改进情况

    Right::

        五、存在的主要问题及改进情况
    """

    code = "S103"
    name = "section-title"
    summary = "部分标题不是格式规定的写法"
    summary_en = "a section title is not the format's"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for section in ctx.report.sections:
            if section.found and not section.standard:
                spec = ctx.template.section(section.key)
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"标题“{section.heading}”不是标准写法，应为“{spec.heading}”",
                        f"title “{section.heading}” is not the format's; expected “{spec.heading}”",
                    ),
                    section.span,
                    suggestion=spec.heading,
                )


class DuplicateSection(Rule):
    """A section heading appears twice.

    Wrong::

        二、主动公开政府信息情况 … 二、主动公开政府信息情况

    Right: each of the six headings once.
    """

    code = "S104"
    name = "duplicate-section"
    summary = "同一部分的标题出现了两次"
    summary_en = "a section heading appears twice"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for duplicate in ctx.report.duplicate_sections:
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"部分标题“{duplicate.text}”重复出现", f"section heading “{duplicate.text}” appears twice"
                ),
                duplicate.span,
            )


class ReportTitle(Rule):
    """The report's title is missing or not in the standard form.

    The title names the agency and the year and ends with 政府信息公开工作年度报告.

    Wrong::

        某某局2024年政务信息公开年度报告

    Right::

        某某局2024年政府信息公开工作年度报告
    """

    code = "S105"
    name = "report-title"
    summary = "报告标题缺失或不规范"
    summary_en = "the report title is missing or not standard"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        title = ctx.report.title
        if title is None:
            yield self.diagnostic(
                ctx, ctx.t(f"未找到报告标题（应为“机关名称＋年份＋{CORE_TITLE}”）", "the report has no title")
            )
        elif not title.endswith(CORE_TITLE):
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"标题“{title}”不规范，应以“{CORE_TITLE}”结尾",
                    f"title “{title}” should end with “{CORE_TITLE}”",
                ),
                ctx.report.title_span,
            )


class MissingTable(Rule):
    """A section that is reported by table has no table.

    Sections 二, 三 and 四 are reported by the format's tables; a sentence is not enough.
    A file that stops inside the section is cut short (S101 names what is missing), not
    reported here.

    Wrong::

        三、收到和处理政府信息公开申请情况
        本年度未收到政府信息公开申请。

    Right: the section's table, with every cell filled (0 where nothing happened).
    """

    code = "S106"
    name = "missing-table"
    summary = "应以表格报告的部分没有表格"
    summary_en = "a section reported by table has no table"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for spec in ctx.template.tables.values():
            section = ctx.report.section(spec.section)
            table = ctx.report.tables.get(spec.key)
            # a file that stops inside the section (later sections missing: S101) is cut short, not tableless
            followed = section is not None and any(
                s.found and s.position > section.position for s in ctx.report.sections
            )
            if section and section.found and followed and (table is None or not table.found):
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"第{ctx.template.section(spec.section).ordinal}部分缺少“{spec.name}”",
                        f"{spec.en} is missing",
                    ),
                    section.span,
                )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [
        MissingSection(),
        SectionOrder(),
        SectionTitle(),
        DuplicateSection(),
        ReportTitle(),
        MissingTable(),
    ]
