"""Word (.docx): the report as a clerk would type it, tables drawn with the format's merged cells.

The title is a centred paragraph, section headings use Word's "Heading 1" style (so the
navigation pane shows them), and each table of `layout.blocks` is a "Table Grid" table
whose merged cells are merged in Word, their text written once. Reading the file back
with the DOCX reader gives the same report: the test suite checks that.
"""

from __future__ import annotations

import io
from typing import Any

from reportlint.model import Report
from reportlint.writers.layout import Block, Grid, blocks, positions, width

_BODY_FONT = "宋体"
_HEADING_FONT = "黑体"


def render(report: Report) -> bytes:
    return render_blocks(blocks(report))


def render_blocks(content: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    _chinese_fonts(document)
    for block in content:
        if block.kind == "title":
            _title(document, block.text)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.grid is not None:
            _table(document, block.grid)
        else:
            document.add_paragraph(block.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _chinese_fonts(document: Any) -> None:
    """Name a Chinese font for East Asian text; the default template would fall back to a Japanese one."""
    from docx.oxml.ns import qn

    for name, font in (("Normal", _BODY_FONT), ("Title", _HEADING_FONT), ("Heading 1", _HEADING_FONT)):
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)


def _title(document: Any, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = _points(18)


def _table(document: Any, grid: Grid) -> None:
    """Draw the grid cell by cell; a merged cell is merged first, then given its text once."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=len(grid), cols=width(grid))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, placed in enumerate(positions(grid)):
        for column, cell in placed:
            target = table.cell(r, column)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, column + cell.colspan - 1))
            target.text = cell.text
            target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _points(size: float) -> Any:
    from docx.shared import Pt

    return Pt(size)
