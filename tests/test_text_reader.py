"""The plain-text reader: every table layout becomes rows of cells with their columns in the source."""

from __future__ import annotations

from reportlint.readers.text import parse_text


def tables(text):
    return [b for b in parse_text("t.txt", text).blocks if b.kind == "table"]


def test_tab_rows_keep_blank_cells_and_columns():
    (table,) = tables("规章\t0\t\t5\n")
    cells = table.rows[0].cells
    assert [c.text for c in cells] == ["规章", "0", "", "5"]
    assert [c.span.column for c in cells] == [1, 4, 6, 7]


def test_pipe_rows_with_and_without_outer_pipes():
    (table,) = tables("| 规章 | 0 | 1 | 5 |\n行政规范性文件 | 2 || 3 |\n")
    assert [c.text for c in table.rows[0].cells] == ["规章", "0", "1", "5"]
    assert [c.text for c in table.rows[1].cells] == ["行政规范性文件", "2", "", "3"]


def test_one_cell_per_line_with_separator_lines():
    text = "二、主动公开政府信息情况\n规章\n|\n0\n|\n6\n|\n"
    blocks = parse_text("t.txt", text).blocks
    assert blocks[0].kind == "heading"
    (table,) = [b for b in blocks if b.kind == "table"]
    assert [r.cells[0].text for r in table.rows if r.cells] == ["规章", "0", "6"]


def test_one_cell_per_line_with_trailing_pipes():
    (table,) = tables("规章 |\n/ |\n21 |\n")
    assert [r.cells[0].text for r in table.rows] == ["规章", "/", "21"]


def test_paragraphs_keep_their_lines():
    blocks = parse_text("t.txt", "\n一、总体情况\n\n本年度，我局……\n").blocks
    assert [(b.kind, b.fragment.span.line) for b in blocks] == [("heading", 2), ("paragraph", 4)]


def test_crlf_and_bom():
    blocks = parse_text("t.txt", "\ufeff一、总体情况\r\n正文\r\n").blocks
    assert [b.text for b in blocks] == ["一、总体情况", "正文"]
