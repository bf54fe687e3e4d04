"""The report as the format draws it: title, sections, and each table as a grid of merged cells.

Every writer (text, Markdown, HTML, DOCX) renders this one layout, so a report written in
any format carries the same labels in the same places — and the tables are drawn as the
national format draws them: the 勾稽关系 note over three header rows, 申请人情况 over seven
columns, 三、本年度办理结果 down the result rows, 行政诉讼 over two groups of five.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.document import Document
from reportlint.model import CellValue, Report
from reportlint.template import RowSpec, TableSpec, Template, load


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    value: bool = False  # a figure (right-aligned, a data cell) rather than a label


Grid = list[list[GridCell]]


@dataclass
class Block:
    kind: str  # title | heading | paragraph | table
    text: str = ""
    grid: Grid | None = None


def blocks(report: Report) -> list[Block]:
    """The report in reading order: its title, then each section's heading, text and table."""
    template = load(report.template)
    out: list[Block] = []
    if report.title:
        out.append(Block("title", report.title))
    tables_by_section = {spec.section: spec for spec in template.tables.values()}
    for section in report.sections:
        if not section.found:
            continue
        spec = template.section(section.key)
        out.append(Block("heading", section.heading or spec.heading))
        out += [Block("paragraph", line) for line in section.text.split("\n") if line.strip()]
        table_spec = tables_by_section.get(section.key)
        table = report.tables.get(table_spec.key) if table_spec else None
        if table_spec and table and table.found:
            out.append(Block("table", grid=grid(template, table_spec.key, table.rows)))
    return out


def document_blocks(document: Document) -> list[Block]:
    """A Document as it was read, every cell as written: for converting a report between formats."""
    out: list[Block] = []
    for block in document.blocks:
        if block.kind == "table":
            rows = [[GridCell(c.text, c.rowspan, c.colspan) for c in row.cells] for row in block.rows]
            out.append(Block("table", grid=[row for row in rows if row]))
        else:
            out.append(Block(block.kind, block.text))
    return out


def cell_text(cell: CellValue | None) -> str:
    return (
        cell.raw
        if cell is not None and cell.raw
        else ("" if cell is None or cell.value is None else str(cell.value))
    )


def grid(template: Template, key: str, rows: dict[str, dict[str, CellValue]]) -> Grid:
    spec = template.tables[key]
    draw = {"proactive": _proactive, "applications": _applications, "review": _review}[key]
    return draw(spec, rows)


def _values(row: RowSpec, rows: dict[str, dict[str, CellValue]], span_last: int = 1) -> list[GridCell]:
    cells = rows.get(row.key, {})
    out = [GridCell(cell_text(cells.get(c.key)), value=True) for c in row.columns]
    out[-1].colspan = span_last
    return out


def _proactive(spec: TableSpec, rows: dict[str, dict[str, CellValue]]) -> Grid:
    width = 1 + max(len(r.columns) for r in spec.rows)
    out: Grid = []
    for caption in spec.captions:
        block = [r for r in spec.rows if r.caption == caption]
        columns = block[0].columns
        pad = width - len(columns)  # a one-column block stretches its last column
        out.append([GridCell(caption, colspan=width)])
        header = [GridCell("信息内容"), *(GridCell(c.label) for c in columns)]
        header[-1].colspan = pad
        out.append(header)
        out += [[GridCell(r.label), *_values(r, rows, pad)] for r in block]
    return out


def _applications(spec: TableSpec, rows: dict[str, dict[str, CellValue]]) -> Grid:
    columns = spec.columns
    out: Grid = [
        [GridCell(spec.headers[0], rowspan=3, colspan=3), GridCell(spec.headers[1], colspan=len(columns))],
        [
            GridCell(columns[0].label, rowspan=2),
            GridCell(spec.headers[2], colspan=5),
            GridCell(columns[-1].label, rowspan=2),
        ],
        [GridCell(c.label) for c in columns[1:-1]],
    ]
    results = spec.rows[2:-1]  # （一） … （七）总计
    groups = _groups(spec)
    for row in spec.rows:
        line: list[GridCell] = []
        if row is results[0]:
            line.append(GridCell(spec.groups[0], rowspan=len(results)))
        group = groups.get(row.key)
        if row in (spec.rows[0], spec.rows[1], spec.rows[-1]):
            line.append(GridCell(row.label, colspan=3))
        elif group is None:
            line.append(GridCell(row.label, colspan=2))
        else:
            label, first, size = group
            if first:
                line.append(GridCell(label, rowspan=size))
            line.append(GridCell(row.label))
        out.append(line + _values(row, rows))
    return out


def _groups(spec: TableSpec) -> dict[str, tuple[str, bool, int]]:
    """Row key → (group label, first row of the group?, rows in the group) for the numbered items.

    Items numbered from "1." on form the groups （三）…（六）; an unnumbered row (2019's
    （六）其他处理) stands alone.
    """
    labels = iter(spec.groups[1:])
    groups: list[tuple[str, list[RowSpec]]] = []
    for row in spec.rows[4:-2]:
        if row.label.startswith("1."):
            groups.append((next(labels), [row]))
        elif row.label[0].isdigit() and groups:
            groups[-1][1].append(row)
    return {m.key: (label, i == 0, len(members)) for label, members in groups for i, m in enumerate(members)}


def _review(spec: TableSpec, rows: dict[str, dict[str, CellValue]]) -> Grid:
    reconsideration, direct, after = spec.rows
    size = len(reconsideration.columns)
    out: Grid = [
        [GridCell(spec.headers[0], colspan=size), GridCell(spec.headers[1], colspan=2 * size)],
        [
            *(GridCell(c.label, rowspan=2) for c in reconsideration.columns),
            GridCell(direct.label, colspan=size),
            GridCell(after.label, colspan=size),
        ],
        [GridCell(c.label) for c in (*direct.columns, *after.columns)],
        [cell for row in spec.rows for cell in _values(row, rows)],
    ]
    return out


def width(rows: Grid) -> int:
    """The number of grid columns: the furthest any cell reaches (rows of a document may be ragged)."""
    return max((column + cell.colspan for placed in positions(rows) for column, cell in placed), default=0)


def positions(rows: Grid) -> list[list[tuple[int, GridCell]]]:
    """Each grid row's cells with the column each starts at, rowspans taken into account."""
    taken: dict[tuple[int, int], bool] = {}
    out = []
    for r, line in enumerate(rows):
        column = 0
        placed = []
        for cell in line:
            while taken.get((r, column)):
                column += 1
            placed.append((column, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, column + dc)] = True
            column += cell.colspan
        out.append(placed)
    return out


def flat(rows: Grid) -> list[list[str]]:
    """The grid with merged cells spread out: text in the top-left position, "" in the rest."""
    total = width(rows)
    out = [[""] * total for _ in rows]
    for r, placed in enumerate(positions(rows)):
        for column, cell in placed:
            if column < total:
                out[r][column] = cell.text
    return out
