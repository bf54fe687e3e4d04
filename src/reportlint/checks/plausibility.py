"""V306: values the agency cannot have."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reportlint.diagnostics import CellRef, Diagnostic
from reportlint.hookspecs import hookimpl
from reportlint.model import Report
from reportlint.rule import Context, Rule

_TOWNSHIP = re.compile(r"乡|镇|街道")
_COUNTY = re.compile(r"县(?!级市)")
_SELF_TOWNSHIP = re.compile(r"[我本](?:乡|镇|街道|街)")
_SELF_COUNTY = re.compile(r"[我本]县")


def level(report: Report) -> str | None:
    """ "township" or "county" where the agency is one (by its name, or by how the text calls itself)."""
    if report.agency:
        if _TOWNSHIP.search(report.agency):
            return "township"
        return "county" if _COUNTY.search(report.agency) else None
    text = "".join(p.text for _, p in report.prose()[:40])
    if _SELF_TOWNSHIP.search(text):
        return "township"
    return "county" if _SELF_COUNTY.search(text) else None


class ImpossibleRegulations(Rule):
    """A 乡镇, 街道 or county-level body reports 规章.

    Only the State Council's departments and the people's governments of provinces and
    of cities with districts make 规章 (立法法 Art. 91, 93); a township, a street office or
    a county-level body has none to make or to keep in force. The row is 0 (or "/").
    Spec §2 (table 二), §8; the corpus has a 镇 reporting 规章 in force.

    Wrong (a 镇's report)::

        规章  0  0  6

    Right::

        规章  0  0  0
    """

    code = "V306"
    name = "impossible-value"
    summary = "填报了本机关不可能有的数值（如乡镇、街道、县级机关填报规章）"
    summary_en = "a value the agency cannot have (规章 of a township or county body)"

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        kind = level(ctx.report)
        table = ctx.report.tables.get("proactive")
        if kind is None or table is None or not table.found:
            return
        who = ctx.t(
            {"township": "乡镇、街道", "county": "县级机关"}[kind],
            {"township": "a township", "county": "a county-level body"}[kind],
        )
        for column, cell in table.rows.get("regulations", {}).items():
            if cell.status == "number" and (cell.value or 0) > 0:
                label = ctx.template.tables["proactive"].row("regulations").columns
                name = next((c.label for c in label if c.key == column), column)
                yield self.diagnostic(
                    ctx,
                    ctx.t(
                        f"{who}无权制定规章，“规章”行“{name}”应为0，实为 {cell.raw}",
                        f"{who} makes no 规章, yet “{name}” is {cell.raw}",
                    ),
                    cell.span,
                    cell=CellRef("proactive", "regulations", column),
                    expected=0,
                    actual=cell.value,
                )


@hookimpl
def reportlint_add_rules() -> list[Any]:
    return [ImpossibleRegulations()]
