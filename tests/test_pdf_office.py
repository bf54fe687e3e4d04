"""The PDF reader on PDFs made the way offices make them: a DOCX exported by LibreOffice, a page printed by Chromium.

tests/data/pdf/make_office_pdfs.py wrote three reports (the sample, the sample with figures
that add up, and those figures with a sum error in table 三's （七）总计 row) as DOCX and HTML
on narrow pages, and converted them: labels wrap inside their cells, table 三 runs over a
page break (and, printed by Chromium, table 四 too, its two-level header split over it).
Each PDF is kept beside its source, and must give the source's table cells and diagnostics.
A real report's web page, saved as Word and exported by LibreOffice, is among them: its
page break cuts the merged group label （五）不予处理 into "（五）不予处" and "理".
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pdfplumber", reason="pdfplumber is a dependency of reportlint: reinstall it")

from reportlint.api import lint_file

DATA = Path(__file__).parent / "data" / "pdf"
TABLES = ("proactive", "applications", "review")


PDFS = [
    ("seed-libreoffice.pdf", "seed.docx"),
    ("seed-chromium.pdf", "seed.html"),
    ("figures-libreoffice.pdf", "figures.docx"),
    ("figures-chromium.pdf", "figures.html"),
    ("m402-libreoffice.pdf", "m402.docx"),
    ("m402-chromium.pdf", "m402.html"),
    ("pt-002-libreoffice.pdf", "pt-002.docx"),  # a real report (平潭): its page cuts （五）不予处理
]


def params() -> list[object]:
    """PDFS as pytest params, named by the PDF."""
    return [pytest.param(pdf, source, id=pdf.removesuffix(".pdf")) for pdf, source in PDFS]


def cells(report) -> dict[str, dict[str, dict[str, tuple[str, object]]]]:
    """Every cell of tables 二, 三 and 四 as (status, value): what must not depend on the format."""
    assert report is not None
    return {
        key: {
            row: {column: (c.status, c.value) for column, c in columns.items()}
            for row, columns in report.tables[key].rows.items()
        }
        for key in TABLES
    }


def codes(result) -> set[str]:
    return {d.code for d in result.diagnostics}


@pytest.fixture(scope="module")
def linted():
    """Each file linted once, for all the tests of this module."""
    found: dict[str, object] = {}

    def lint(name: str):
        if name not in found:
            found[name] = lint_file(str(DATA / name))
        return found[name]

    return lint


def test_the_sources_themselves_read_as_the_reports_they_are(linted):
    """The sources are sound: the sample and the figures give no sum error, the m402 variant does."""
    for name in ("seed.docx", "seed.html", "figures.docx", "figures.html"):
        assert not {"E001", "M401", "M402", "M403", "M404", "L203", "L204"} & codes(linted(name)), name
    for name in ("m402.docx", "m402.html"):
        assert "M402" in codes(linted(name)), name
    assert cells(linted("seed.docx").report) == cells(linted("seed.html").report)
    assert cells(linted("m402.docx").report) == cells(linted("m402.html").report)


def pages_with(pdf: str, text: str) -> list[int]:
    """The pages (1-based) with a line that holds `text`, as pdfplumber lays out lines (spaces left out)."""
    import pdfplumber

    with pdfplumber.open(DATA / pdf) as document:
        return [
            number
            for number, page in enumerate(document.pages, 1)
            for line in page.extract_text_lines()
            if text in "".join(line["text"].split())
        ]


@pytest.mark.parametrize("pdf", [pdf for pdf, _ in PDFS if not pdf.startswith("pt-")])
def test_the_pdf_is_laid_out_as_offices_lay_them_out(pdf):
    """Read without reportlint: table 三 runs over a page break, a long label wraps in its cell."""
    assert pages_with(pdf, "一、本年新收")[0] < pages_with(pdf, "四、结转下年度")[0]
    assert pages_with(pdf, "2.没有现成") and not pages_with(pdf, "2.没有现成信息需要另行制作")


@pytest.mark.parametrize(("pdf", "source"), params())
def test_the_pdf_gives_its_sources_cells(linted, pdf, source):
    got, expected = cells(linted(pdf).report), cells(linted(source).report)
    for table in TABLES:
        assert got[table] == expected[table], table


@pytest.mark.parametrize(("pdf", "source"), params())
def test_the_pdf_gives_its_sources_diagnostic_codes(linted, pdf, source):
    assert codes(linted(pdf)) == codes(linted(source))


@pytest.mark.parametrize("pdf", [pdf for pdf, _ in PDFS if pdf.startswith("m402")])
def test_a_sum_error_in_the_total_row_is_found_in_the_pdf(linted, pdf):
    found = {(d.code, d.cell.row, d.cell.column) for d in linted(pdf).diagnostics if d.cell}
    assert ("M402", "total_results", "natural_person") in found
    assert ("M402", "total_results", "total") in found


def test_a_group_label_cut_by_a_page_break_reads_whole(linted):
    """ "（五）不予处" at the foot of one page and "理" at the top of the next are （五）不予处理: no L201."""
    cut = pages_with("pt-002-libreoffice.pdf", "不予处")
    assert cut and cut[0] < pages_with("pt-002-libreoffice.pdf", "2.重复申请")[0]  # the page break
    result = linted("pt-002-libreoffice.pdf")
    assert not [d for d in result.diagnostics if d.code == "L201"]
    assert result.report.tables["applications"].rows["unprocessed_repeated"]["total"].status == "number"
