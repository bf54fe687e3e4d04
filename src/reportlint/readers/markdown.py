"""The Markdown reader: headings, paragraphs and pipe tables, parsed by markdown-it-py.

markdown-it gives every block the source lines it came from; a table cell's column is
found by looking for its text in its row's line, left to right.
"""

from __future__ import annotations

from typing import Any

from reportlint.document import Block, Cell, Document, Fragment, Row, Span
from reportlint.limits import CellCount, current
from reportlint.readers.decode import decode


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown")

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        return parse_markdown(path, text, encoding)


def parse_markdown(path: str, text: str, encoding: str | None = None) -> Document:
    from markdown_it import MarkdownIt

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    # the cells a pipe table could hold, counted before markdown-it spends minutes on them
    pipes = sum(max(line.count("|") - 1, 1) for line in lines if "|" in line)
    current().limits.check("max-cells", pipes, "cells in the pipe tables")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    cells = CellCount()  # bound: max-cells
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("heading_open", "paragraph_open") and token.map:
            inline = tokens[i + 1]
            kind = "heading" if token.type == "heading_open" else "paragraph"
            blocks += _lines_of(kind, inline.content, token.map[0], lines)
            i += 3
        elif token.type == "table_open":
            end = next(k for k in range(i, len(tokens)) if tokens[k].type == "table_close")
            cells.add(sum(1 for t in tokens[i : end + 1] if t.type in ("th_open", "td_open")))
            blocks.append(_table(tokens[i : end + 1], lines))
            i = end + 1
        elif token.type in ("fence", "code_block") and token.map:
            blocks += _lines_of("paragraph", token.content, token.map[0], lines)
            i += 1
        else:
            i += 1
    return Document(path=path, format="markdown", encoding=encoding, blocks=blocks, source_lines=lines)


def _lines_of(kind: str, content: str, first_line: int, lines: list[str]) -> list[Block]:
    """One block per source line of a heading or paragraph (a line break in a report is a break)."""
    blocks = []
    for offset, piece in enumerate(content.split("\n")):
        number = first_line + offset + 1
        source = lines[number - 1] if number <= len(lines) else piece
        column = max(source.find(piece), 0) + 1 if piece else 1
        if piece.strip():
            span = Span(number, column, number, column + len(piece))
            blocks.append(Block("heading" if kind == "heading" else "paragraph", Fragment(piece, span)))
    return blocks


def _table(tokens: list[Any], lines: list[str]) -> Block:
    rows: list[Row] = []
    current: list[Cell] = []
    line_number, cursor = 1, 0
    for k, token in enumerate(tokens):
        if token.type == "tr_open" and token.map:
            line_number, cursor, current = token.map[0] + 1, 0, []
        elif token.type in ("th_open", "td_open"):
            content = tokens[k + 1].content if tokens[k + 1].type == "inline" else ""
            source = lines[line_number - 1] if line_number <= len(lines) else ""
            cursor = source.find("|", cursor) + 1 if "|" in source[cursor:] else cursor
            found = source.find(content, cursor) if content else -1
            column = (found if found >= 0 else cursor) + 1
            current.append(Cell(content, Span(line_number, column, line_number, column + len(content))))
            cursor = found + len(content) if found >= 0 else cursor
        elif token.type == "tr_close":
            rows.append(Row(current))
    first = next((c.span for r in rows for c in r.cells), Span(1, 1, 1, 1))
    last = rows[-1].cells[-1].span if rows and rows[-1].cells else first
    body = "\n".join("\t".join(c.text for c in r.cells) for r in rows)
    return Block(
        "table", Fragment(body, Span(first.line, first.column, last.end_line, last.end_column)), rows
    )
