"""The Document: what a reader found in a file, laid out without interpretation.

A reader turns bytes into an ordered list of blocks (heading, paragraph, table). Every
piece of text keeps a `Span` back into the source so that a diagnostic about a cell can
point at the cell. The Document knows nothing about reports; the extractor does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "table"]


@dataclass(frozen=True, slots=True)
class Span:
    """A range in the source: 1-based lines and columns (columns in code points, end exclusive).

    Formats without lines (DOCX, PDF) fill `locator` with their own address and keep
    line/column at the block's best approximation.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    locator: str | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.locator:
            data["locator"] = self.locator
        return data


@dataclass
class Fragment:
    """A piece of source text and where it is; sub-spans are computed on demand.

    Plain text and Markdown fragments are verbatim slices of the source, so positions
    follow from `span` and the line breaks. Where the text was decoded from markup (HTML
    entities, tags between characters), `positions` gives each character's (line, column)
    and one more for the end. Formats without lines (DOCX, PDF) give `span.locator` and
    every sub-span is the whole fragment's.
    """

    text: str
    span: Span
    positions: list[tuple[int, int]] | None = field(default=None, repr=False)

    def span_of(self, start: int, end: int) -> Span:
        """The span of text[start:end]."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if self.span.locator and self.positions is None:
            return self.span
        if self.positions is not None:
            (line_a, col_a), (line_b, col_b) = self.positions[start], self.positions[end]
            if (line_b, col_b) <= (line_a, col_a):
                line_b, col_b = line_a, col_a + 1
            return Span(line_a, col_a, line_b, col_b, self.span.locator)
        line_a, col_a = self._position(start)
        line_b, col_b = self._position(end)
        if (line_b, col_b) == (line_a, col_a):
            col_b += 1
        return Span(line_a, col_a, line_b, col_b, self.span.locator)

    def _position(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        breaks = before.count("\n")
        if not breaks:
            return self.span.line, self.span.column + offset
        return self.span.line + breaks, offset - before.rfind("\n")


@dataclass
class Cell(Fragment):
    """One table cell. An empty cell is kept: a blank is information, not layout noise.

    `rowspan` and `colspan` say how many grid positions a merged cell covers; the positions
    it covers hold no cell of their own.
    """

    rowspan: int = 1
    colspan: int = 1


@dataclass
class Row:
    cells: list[Cell]


@dataclass
class Block:
    kind: BlockKind
    fragment: Fragment
    rows: list[Row] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.fragment.text


@dataclass
class Document:
    """What a reader found. A data file (JSON/YAML) is already a report: `data` holds it and
    `pointers` the source position of each of its values (by JSON Pointer); it has no blocks."""

    path: str
    format: str
    encoding: str | None
    blocks: list[Block]
    source_lines: list[str] = field(default_factory=list)
    data: Any = None
    pointers: dict[str, Span] = field(default_factory=dict)
