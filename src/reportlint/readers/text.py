"""The plain-text reader: a report as pasted from a web page, a crawl or a PDF text layer.

Tables in plain text come in several layouts, all seen in published reports:

- tab-separated rows (copied from a web table);
- pipe-separated rows, with or without a leading and a trailing ``|``;
- one cell per line, cells separated by lines holding only ``|``;
- one cell per line, each line ending with ``|``;
- space-separated figures after a label (PDF text layers) — left as paragraphs, the
  extractor splits them.

The reader only lays the lines out as rows and cells; it does not decide what they mean.
"""

from __future__ import annotations

import re

from reportlint.document import Block, Cell, Document, Fragment, Row, Span
from reportlint.limits import CellCount
from reportlint.readers.decode import decode
from reportlint.suppress import is_directive

_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*\S.{0,40}$")
_SEPARATOR_ONLY = re.compile(r"^\s*\|[\s|]*$")


class TextReader:
    name = "text"
    extensions = (".txt", ".text", "")

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        return parse_text(path, text, encoding)


def parse_text(path: str, text: str, encoding: str | None = None) -> Document:
    """Lay plain text out as blocks; `text` is already decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    blocks: list[Block] = []
    table_rows: list[Row] = []
    table_start = 0

    def close_table(end_line: int) -> None:
        nonlocal table_rows
        if table_rows:
            span = Span(table_start, 1, end_line, len(lines[end_line - 1]) + 1)
            body = "\n".join(lines[table_start - 1 : end_line])
            blocks.append(Block("table", Fragment(body, span), table_rows))
            table_rows = []

    following = _next_with_text(lines)
    cells = CellCount()  # bound: max-cells
    for number, line in enumerate(lines, start=1):
        kind = "blank" if is_directive(line) else _line_kind(line, following[number - 1])
        if kind == "blank":
            close_table(number - 1)
            continue
        if kind == "text":
            close_table(number - 1)
            fragment = Fragment(line, Span(number, 1, number, len(line) + 1))
            heading = _HEADING.match(line) and not line.rstrip().endswith("。")
            blocks.append(Block("heading" if heading else "paragraph", fragment))
            continue
        if not table_rows:
            table_start = number
        row = _split_cells(line, number, "\t" if kind == "tab" else "|")
        cells.add(len(row))
        if row:
            table_rows.append(Row(row))
    close_table(len(lines))
    return Document(path=path, format="text", encoding=encoding, blocks=blocks, source_lines=lines)


def _next_with_text(lines: list[str]) -> list[str | None]:
    """For each line, the next line that is not blank (one pass from the end: a file of a
    million lines must not be searched forward a million times)."""
    found: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        found[i] = nxt
        if lines[i].strip():
            nxt = lines[i]
    return found


def _line_kind(line: str, following: str | None) -> str:
    if not line.strip():
        return "blank"
    if "\t" in line:
        return "tab"
    if "|" in line:
        return "pipe"
    # a cell on its own line, closed by a separator-only line ("|") that follows it
    if following is not None:
        return "cell" if _SEPARATOR_ONLY.match(following) else "text"
    return "text"


def _split_cells(line: str, number: int, separator: str) -> list[Cell]:
    """Split one line into cells, keeping each cell's columns in the line."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for index, char in enumerate(line):
        if char == separator:
            pieces.append((start, line[start:index]))
            start = index + 1
    pieces.append((start, line[start:]))
    if separator == "|":
        # a leading or trailing pipe delimits the row; it does not open an empty cell
        if pieces and not pieces[0][1].strip() and line.lstrip().startswith("|"):
            pieces = pieces[1:]
        if pieces and not pieces[-1][1].strip() and line.rstrip().endswith("|"):
            pieces = pieces[:-1]
    cells = []
    for offset, raw in pieces:
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        column = offset + lead + 1
        cells.append(Cell(stripped, Span(number, column, number, column + len(stripped))))
    return cells
