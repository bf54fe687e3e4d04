"""M4xx: the table identities, evaluated from the YAML rule packs under `rules/`.

The identities themselves are data (rules/gov-2021.yaml, rules/gov-2019.yaml); this module
only knows how to apply one to every row or column of a table and how to report a
broken one: naming the cell, with the figure it has (`actual`) and the figure the
identity requires (`expected`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from reportlint.diagnostics import CellRef, Diagnostic, Severity
from reportlint.expr import Comparison
from reportlint.hookspecs import hookimpl
from reportlint.model import CellValue, TableData
from reportlint.resources import data_dir
from reportlint.rule import Context, Rule
from reportlint.template import TableSpec, Template


@hookimpl
def reportlint_add_rulepacks() -> list[Any]:
    return sorted(data_dir("rules").glob("*.yaml"))


class IdentityRule(Rule):
    """A table identity from a rule pack; its documentation is the pack's summary and check."""

    severity = Severity.ERROR

    def __init__(self, spec: dict[str, Any], comparison: Comparison, templates: tuple[str, ...], pack: str):
        self.code = spec["code"]
        self.name = spec["name"]
        self.summary = spec["summary"]
        self.summary_en = spec.get("summary_en", spec["summary"])
        self.table = spec["table"]
        self.each = spec["each"]
        self.only = tuple(spec.get("only", ()))
        self.comparison = comparison
        self.target = spec.get("cell") or (
            comparison.left_names[0] if len(comparison.left_names) == 1 else None
        )
        self.messages = spec["message"]
        self.templates = templates
        self.pack = pack
        if "severity" in spec:
            self.severity = Severity.parse(spec["severity"])

    @property
    def doc(self) -> str:
        return f"{self.summary}\n\nIdentity (rule pack {self.pack}, for each {self.each}):\n    {self.comparison.source}"

    def unknown_names(self, template: Template) -> list[str]:
        spec = template.tables.get(self.table)
        if spec is None:
            return [self.table]
        known = {c.key for c in spec.columns} if self.each == "row" else {r.key for r in spec.rows}
        return [n for n in self.comparison.names if n not in known]

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        table = ctx.report.tables.get(self.table)
        if ctx.template.id not in self.templates or table is None or not table.found:
            return
        spec = ctx.template.tables[self.table]
        for scope, label, members in self._scopes(spec, table, ctx.lang):
            cells = {n: c for n, c in members.items() if c is not None and c.summable}
            if len(cells) < len(members):
                continue  # not assessable: the blank or unreadable cell is reported by V3xx
            holds, left, right = self.comparison.evaluate({n: c.amount for n, c in cells.items()})
            if holds:
                continue
            target = self.target or self.comparison.names[0]
            row, column = (scope, target) if self.each == "row" else (target, scope)
            names = {"row": label, "column": label, "actual": _figure(left), "expected": _figure(right)}
            message = self.messages["en" if ctx.lang == "en" else "zh"].format(**names)
            yield self.diagnostic(
                ctx,
                message,
                cells[target].span or table.row_spans.get(row),
                cell=CellRef(self.table, row, column),
                expected=right,
                actual=left,
                related=[c.span for n, c in cells.items() if c.span and n != target],
            )

    def _scopes(
        self, spec: TableSpec, table: TableData, lang: str
    ) -> Iterator[tuple[str, str, dict[str, CellValue | None]]]:
        names = self.comparison.names
        if self.each == "row":
            for row in spec.rows:
                if (not self.only or row.key in self.only) and row.key in table.rows:
                    label = row.en if lang == "en" else row.label
                    yield row.key, label, {n: table.cell(row.key, n) for n in names}
        else:
            for column in spec.columns:
                if not self.only or column.key in self.only:
                    label = column.en if lang == "en" else column.label
                    members = {n: table.cell(n, column.key) for n in names}
                    yield column.key, label, _with_condensed(spec, table, column.key, members)


def _with_condensed(
    spec: TableSpec, table: TableData, column: str, members: dict[str, CellValue | None]
) -> dict[str, CellValue | None]:
    """Members of an identity with a condensed group's figure standing for its rows' sum.

    Only where the identity adds up the whole group and none of its rows was printed: the
    group's figure then takes its first row's place and the others count 0, which is the
    same sum. The rows themselves are reported missing once (L203).
    """
    for group in spec.condensed:
        cell = table.groups.get(group.key, {}).get(column)
        if cell is None or not set(group.rows) <= members.keys():
            continue
        if any(members[row] is not None for row in group.rows):
            continue
        members = {**members, group.rows[0]: cell}
        members |= {row: CellValue("number", raw="", value=0) for row in group.rows[1:]}
    return members


def _figure(value: float) -> int | float:
    if isinstance(value, int):  # exact, however large (float() of a long one overflows)
        return value
    return int(value) if value.is_integer() else round(value, 4)
