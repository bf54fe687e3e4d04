"""An example reportlint plugin: what a province adds to the national checks.

One of each thing a plugin can add, each through a hook of `reportlint.hookspecs`:

- a rule in Python (X901: the title names no agency);
- a rule pack in YAML (M491: a row total of table 三 below its natural-person figure);
- a reader (`.csv`: a report exported from a spreadsheet).

Installed, it is found through the entry-point group `reportlint` (see pyproject.toml);
nothing has to be configured.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from reportlint.diagnostics import Diagnostic
from reportlint.document import Document
from reportlint.hookspecs import hookimpl
from reportlint.readers.decode import decode
from reportlint.readers.text import parse_text
from reportlint.rule import Context, Rule


class AgencyNamed(Rule):
    """The title names no agency.

    A report is published among hundreds on a portal; a title without the agency's name
    does not say whose report it is.

    Wrong::

        2024年政府信息公开工作年度报告

    Right::

        某某市某某局2024年政府信息公开工作年度报告
    """

    code = "X901"
    name = "agency-named"
    summary = "标题未写明机关名称"
    summary_en = "the title names no agency"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if ctx.report.title and not ctx.report.agency:
            message = ctx.t(
                f"标题“{ctx.report.title}”未写明机关名称", f"the title “{ctx.report.title}” names no agency"
            )
            yield self.diagnostic(ctx, message, ctx.report.title_span)


class CsvReader:
    """A report saved from a spreadsheet as CSV: text in the first column, tables as rows.

    Each line stays one line, so positions are the CSV's own lines; a row of several cells
    becomes a tab-separated row for the plain-text reader, a row of one cell a line of
    text. Spreadsheets on Chinese Windows save GB18030, which `decode` reads too.
    """

    name = "csv"
    extensions = (".csv",)

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        lines = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            cells = next(csv.reader([line]), [])
            while cells and not cells[-1].strip():
                cells.pop()
            lines.append("\t".join(cells))
        return parse_text(path, "\n".join(lines), encoding)


@hookimpl
def reportlint_add_rules() -> list[Rule]:
    return [AgencyNamed()]


@hookimpl
def reportlint_add_rulepacks() -> list[Path]:
    return [Path(__file__).with_name("province.yaml")]


@hookimpl
def reportlint_add_readers() -> list[CsvReader]:
    return [CsvReader()]
