"""X8xx: a report against last year's report of the same agency, and against the other reports of a run."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlint.across import CANDIDATES
from reportlint.diagnostics import CellRef, Diagnostic
from reportlint.hookspecs import hookimpl
from reportlint.rule import Context, Rule


class CarryOver(Rule):
    """上年结转 differs from last year's 结转下年度继续办理.

    The applications carried over into this year are those last year's report carried
    forward, column by column (spec §4.3 T3-F). A warning: the earlier figure may itself
    have been wrong or corrected since. Needs last year's report: in the same run, given
    with `--previous`, or in the same folder with last year in its file name.

    Wrong (last year: 四、结转下年度继续办理 总计 5)::

        二、上年结转政府信息公开申请数量  …  3

    Right::

        二、上年结转政府信息公开申请数量  …  5
    """

    code = "X801"
    across = True
    name = "carry-over"
    summary = "上年结转数与上一年度报告的结转下年度数不一致"
    summary_en = "上年结转 differs from last year's 结转下年度"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        last = ctx.previous
        this, before = (
            ctx.report.tables.get("applications"),
            last.tables.get("applications") if last else None,
        )
        if last is None or this is None or before is None or not (this.found and before.found):
            return
        for column in ctx.template.tables["applications"].columns:
            now, then = this.cell("carried_over", column.key), before.cell("carried_forward", column.key)
            if now and then and now.status == then.status == "number" and now.value != then.value:
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{column.label}”列上年结转为 {now.raw}，但{last.year}年度报告结转下年度为 {then.raw}",
                        f"column {column.en}: carried over {now.raw}, but the {last.year} report carried forward {then.raw}",
                    ),
                    now.span,
                    cell=CellRef("applications", "carried_over", column.key),
                    expected=then.value,
                    actual=now.value,
                )


class InForce(Rule):
    """现行有效件数 does not follow from last year's.

    This year's documents in force ≈ last year's in force + issued this year − repealed
    this year (spec §3, a derived advisory rule: amendments and expiries make it inexact,
    hence a warning). Checked for 规章 and 行政规范性文件 when both reports use the 2021 format.

    Wrong (last year 30 in force; this year 5 issued, 2 repealed)::

        行政规范性文件  5  2  40

    Right::

        行政规范性文件  5  2  33
    """

    code = "X802"
    across = True
    templates = ("gov-2021",)
    name = "in-force"
    summary = "现行有效件数与上年现行有效件数加本年制发减本年废止不符"
    summary_en = "现行有效件数 does not follow from last year's"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        last = ctx.previous
        if last is None or last.template != "gov-2021" or ctx.report.template != "gov-2021":
            return
        this, before = ctx.report.tables.get("proactive"), last.tables.get("proactive")
        if this is None or before is None:
            return
        for row in ("regulations", "normative_documents"):
            cells = [
                this.cell(row, "issued"),
                this.cell(row, "repealed"),
                this.cell(row, "in_force"),
                before.cell(row, "in_force"),
            ]
            if not all(c is not None and c.status == "number" for c in cells):
                continue
            issued, repealed, in_force, was = (c.amount for c in cells if c is not None)
            if in_force != was + issued - repealed:
                label = ctx.template.tables["proactive"].row(row).label
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"“{label}”现行有效件数为 {in_force:g}，而上年现行有效 {was:g} 加本年制发 {issued:g} 减本年废止 {repealed:g} 为 {was + issued - repealed:g}",
                        f"{label}: in force {in_force:g}, but last year's {was:g} + {issued:g} − {repealed:g} = {was + issued - repealed:g}",
                    ),
                    cells[2].span if cells[2] else None,
                    cell=CellRef("proactive", row, "in_force"),
                    expected=was + issued - repealed,
                    actual=in_force,
                )


class Copied(Rule):
    """A section is near-identical to last year's report or to another report (雷同).

    The notice names 雷同 among the faults it holds officials responsible for (spec §2,
    §8 E3: 东莞 reports identical but for the year, three years running). Sections 一 and
    五 are compared with figures and years masked; a similarity at or above the threshold
    (0.9 by default, `--similarity`) names the other report.

    Wrong: section 五 word for word as last year's.

    Right: this year's problems and this year's measures, in this year's words.
    """

    code = "X803"
    across = True
    name = "copied-text"
    summary = "某部分与上年度报告或其他报告雷同"
    summary_en = "a section is near-identical to last year's or another report (雷同)"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        for found in ctx.similar:
            section = ctx.report.section(found.section)
            spec = ctx.template.section(found.section)
            if found.last_year:
                whose = ctx.t("上年度报告", "last year's report")
            elif found.count > 1:
                many = found.count >= CANDIDATES  # the search stops there: there may be more
                whose = ctx.t(
                    f"本次检查的{'至少 ' if many else ''}{found.count} 份报告（最相似的一份）",
                    f"{'at least ' if many else ''}{found.count} reports of this run (the closest)",
                )
            else:
                whose = ctx.t("另一份报告", "another report")
            yield self.diagnostic(
                ctx,
                ctx.t(
                    f"第{spec.ordinal}部分与{whose}（{found.other}）高度相似（相似度 {found.score:.2f}），疑似雷同",
                    f"section {spec.ordinal} is near-identical to {whose} ({found.other}, similarity {found.score:.2f})",
                ),
                section.span if section else None,
            )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [CarryOver(), InForce(), Copied()]
