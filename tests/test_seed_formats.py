"""The sample report converted faithfully — every cell as written, its label typo included — into
HTML, Markdown, DOCX and PDF reads back to the same tables and the same diagnostic codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.api import lint_file
from reportlint.readers.text import parse_text
from reportlint.writers import docx, html, markdown
from reportlint.writers.layout import document_blocks

from conftest import SEED


def _pdf(content, path: Path) -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from pdf_writer import render_pdf_blocks

    render_pdf_blocks(content, path)


CONVERTERS = {
    ".html": lambda content, path: path.write_bytes(html.render_blocks(content)),
    ".md": lambda content, path: path.write_bytes(markdown.render_blocks(content)),
    ".docx": lambda content, path: path.write_bytes(docx.render_blocks(content)),
    ".pdf": _pdf,
}


def _tables(result):
    return {
        (t, r, c): (cell.status, cell.value)
        for t, table in result.report.tables.items()
        for r, cols in table.rows.items()
        for c, cell in cols.items()
    }


@pytest.mark.parametrize("suffix", CONVERTERS)
def test_the_seed_in_another_format_reads_the_same(tmp_path, suffix):
    original = lint_file(str(SEED))
    content = document_blocks(parse_text(str(SEED), SEED.read_text(encoding="utf-8")))
    target = tmp_path / f"seed{suffix}"
    CONVERTERS[suffix](content, target)
    converted = lint_file(str(target))
    assert _tables(converted) == _tables(original)
    assert {d.code for d in converted.diagnostics} == {d.code for d in original.diagnostics}
    assert "L201" in {d.code for d in converted.diagnostics}
    assert (converted.report.year, converted.report.agency) == (2024, "延津县塔铺街道")
