"""The Report model: what the extractor understood of a document, as plain data.

Its JSON form (`Report.to_json`) is what `reportlint parse` prints and what
`schemas/report.schema.json` describes. Every value keeps the span it came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from reportlint.document import Fragment, Span

# What a cell held. Only "number" and "na" (written as "/", "-", "—": nothing) enter sums;
# every other status makes an identity that needs the cell not assessable.
CELL_STATUSES = ("number", "na", "blank", "missing", "text", "fused", "unaligned")


FIGURE_DIGITS = 15  # no count in a report has more; past this a float is no longer exact


def is_figure(value: object) -> bool:
    """A number a cell can state: finite, at most FIGURE_DIGITS digits before the point.

    Longer "figures" (a 1,000-digit run in a crawl) are text: read as numbers they would
    overflow every float conversion downstream and say nothing about the report.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return bool(-(10**FIGURE_DIGITS) < value < 10**FIGURE_DIGITS)


@dataclass
class CellValue:
    status: str
    raw: str = ""
    value: int | float | None = None
    span: Span | None = None
    unit: str | None = None

    @property
    def summable(self) -> bool:
        return self.status in ("number", "na")

    @property
    def amount(self) -> int | float:
        """The cell's figure in a sum ("na" counts as nothing)."""
        return self.value if self.value is not None else 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "raw": self.raw, "status": self.status}
        if self.unit:
            data["unit"] = self.unit
        if self.span:
            data["span"] = self.span.to_json()
        return data


@dataclass
class TableData:
    key: str
    found: bool = False
    span: Span | None = None
    rows: dict[str, dict[str, CellValue]] = field(default_factory=dict)
    row_spans: dict[str, Span] = field(default_factory=dict)
    # a group printed as one row instead of its rows (template `condensed`): its figures by column
    groups: dict[str, dict[str, CellValue]] = field(default_factory=dict)

    def cell(self, row: str, column: str) -> CellValue | None:
        return self.rows.get(row, {}).get(column)

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "found": self.found,
            "span": self.span.to_json() if self.span else None,
            "rows": _cells_to_json(self.rows),
        }
        if self.groups:
            found["groups"] = _cells_to_json(self.groups)
        return found


def _cells_to_json(rows: dict[str, dict[str, CellValue]]) -> dict[str, Any]:
    return {row: {column: cell.to_json() for column, cell in cells.items()} for row, cells in rows.items()}


@dataclass
class Paragraph:
    """A line of prose, able to say where a phrase in it stands in the source.

    Kept at run time for the text rules; the JSON form keeps only the section's text.
    """

    text: str
    span: Span | None
    fragment: Fragment | None = field(default=None, repr=False)
    offset: int = 0  # where `text` starts in the fragment

    def span_of(self, start: int, end: int) -> Span | None:
        if self.fragment is None:
            return self.span
        return self.fragment.span_of(self.offset + start, self.offset + end)


@dataclass
class Section:
    key: str
    found: bool
    heading: str = ""  # the title as written, ordinal included
    standard: bool = True  # the heading is the template's title (or its ordinal and title exactly)
    span: Span | None = None
    text: str = ""
    position: int = -1  # order of appearance in the document
    paragraphs: list[Paragraph] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "found": self.found,
            "heading": self.heading,
            "standard": self.standard,
            "span": self.span.to_json() if self.span else None,
            "text": self.text,
        }


@dataclass
class LabelFinding:
    """A template label as the report wrote it, where it differs from the template."""

    table: str
    kind: str  # row | column | header | group | caption
    key: str
    expected: str
    found: str
    span: Span | None

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "kind": self.kind,
            "key": self.key,
            "expected": self.expected,
            "found": self.found,
            "span": self.span.to_json() if self.span else None,
        }


@dataclass
class Located:
    """A piece of text and where it is (a fee statement, an old-template signature, an odd row)."""

    text: str
    span: Span | None
    table: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "span": self.span.to_json() if self.span else None}
        if self.table:
            data["table"] = self.table
        return data


@dataclass
class Report:
    path: str
    template: str
    year: int | None = None
    year_source: str | None = None
    agency: str | None = None
    title: str | None = None
    title_span: Span | None = None
    sections: list[Section] = field(default_factory=list)
    duplicate_sections: list[Located] = field(default_factory=list)
    tables: dict[str, TableData] = field(default_factory=dict)
    fee_statement: Located | None = None
    labels: list[LabelFinding] = field(default_factory=list)
    missing_rows: dict[str, list[str]] = field(default_factory=dict)
    unexpected_rows: list[Located] = field(default_factory=list)
    unaligned_rows: list[Located] = field(default_factory=list)
    recovered_rows: list[Located] = field(default_factory=list)
    old_template_signatures: list[Located] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list, repr=False)  # the prose before section 一

    def prose(self) -> list[tuple[str | None, Paragraph]]:
        """Every paragraph of prose with the key of its section (None before section 一), in order."""
        out: list[tuple[str | None, Paragraph]] = [(None, p) for p in self.preamble]
        for section in sorted((s for s in self.sections if s.found), key=lambda s: s.position):
            out += [(section.key, p) for p in section.paragraphs]
        return out

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def found_anything(self) -> bool:
        return bool(
            self.title or any(s.found for s in self.sections) or any(t.found for t in self.tables.values())
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "template": self.template,
            "year": self.year,
            "year_source": self.year_source,
            "agency": self.agency,
            "title": self.title,
            "title_span": self.title_span.to_json() if self.title_span else None,
            "sections": [s.to_json() for s in self.sections],
            "duplicate_sections": [d.to_json() for d in self.duplicate_sections],
            "tables": {k: t.to_json() for k, t in self.tables.items()},
            "fee_statement": self.fee_statement.to_json() if self.fee_statement else None,
            "labels": [f.to_json() for f in self.labels],
            "missing_rows": self.missing_rows,
            "unexpected_rows": [r.to_json() for r in self.unexpected_rows],
            "unaligned_rows": [r.to_json() for r in self.unaligned_rows],
            "recovered_rows": [r.to_json() for r in self.recovered_rows],
            "old_template_signatures": [s.to_json() for s in self.old_template_signatures],
        }


def _span(data: Any) -> Span | None:
    if not isinstance(data, dict):
        return None
    return Span(data["line"], data["column"], data["end_line"], data["end_column"], data.get("locator"))


def _located(data: Any) -> Located:
    return Located(data["text"], _span(data.get("span")), data.get("table"))


def _cell(data: dict[str, Any]) -> CellValue:
    return CellValue(
        data["status"], data.get("raw", ""), data.get("value"), _span(data.get("span")), data.get("unit")
    )


def _cells(rows: dict[str, dict[str, Any]]) -> dict[str, dict[str, CellValue]]:
    return {row: {column: _cell(cell) for column, cell in cells.items()} for row, cells in rows.items()}


def report_from_json(data: dict[str, Any], path: str = "") -> Report:
    """The Report a JSON form describes (one that `schemas/report.schema.json` accepts)."""
    report = Report(
        path=path or data.get("path", ""),
        template=data["template"],
        year=data.get("year"),
        year_source=data.get("year_source"),
        agency=data.get("agency"),
        title=data.get("title"),
        title_span=_span(data.get("title_span")),
    )
    for position, section in enumerate(data.get("sections", [])):
        text = section.get("text", "")
        span = _span(section.get("span"))
        report.sections.append(
            Section(
                key=section["key"],
                found=section["found"],
                heading=section.get("heading", ""),
                standard=section.get("standard", True),
                span=span,
                text=text,
                position=position if section["found"] else -1,
                paragraphs=[Paragraph(line, span) for line in text.split("\n") if line.strip()],
            )
        )
    for key, table in data.get("tables", {}).items():
        rows, groups = _cells(table.get("rows", {})), _cells(table.get("groups", {}))
        report.tables[key] = TableData(
            key, table.get("found", bool(rows)), _span(table.get("span")), rows, groups=groups
        )
    if data.get("fee_statement"):
        report.fee_statement = _located(data["fee_statement"])
    report.labels = [
        LabelFinding(f["table"], f["kind"], f["key"], f["expected"], f["found"], _span(f.get("span")))
        for f in data.get("labels", [])
    ]
    report.missing_rows = {k: list(v) for k, v in data.get("missing_rows", {}).items()}
    for name in (
        "duplicate_sections",
        "unexpected_rows",
        "unaligned_rows",
        "recovered_rows",
        "old_template_signatures",
    ):
        setattr(report, name, [_located(item) for item in data.get(name, [])])
    return report
