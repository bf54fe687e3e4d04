"""The PDF reader, on PDFs drawn by tests/pdf_writer.py from the sample report and from variants of it.

The same report in any format must give the same model and the same diagnostics, so each
PDF is compared with the text it was drawn from: cell by cell, and by diagnostic codes.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("reportlab", reason="the PDF tests draw their PDFs with reportlab ([test] extra)")
pytest.importorskip("pdfplumber", reason="pdfplumber is a dependency of reportlint: reinstall it")

from reportlab.lib.pagesizes import A4, A5

from pdf_writer import render_pdf
from report_figures import FIGURES, with_figures
from reportlint.api import lint_file, lint_text, parse_file
from reportlint.model import Report
from reportlint.readers import ReadError
from reportlint.readers.pdf import PdfReader
from reportlint.writers.text import render as render_text

from conftest import SEED


def seed() -> Report:
    report = parse_file(str(SEED)).report
    assert report is not None
    return report


def cells(report: Report | None) -> dict[str, dict[str, dict[str, tuple[str, object, str]]]]:
    """Every table cell as (status, value, raw): what must not depend on the format."""
    assert report is not None
    return {
        key: {
            row: {column: (c.status, c.value, c.raw) for column, c in columns.items()}
            for row, columns in table.rows.items()
        }
        for key, table in report.tables.items()
    }


def codes(result) -> list[str]:
    return sorted(d.code for d in result.diagnostics)


def pdf_and_text(report: Report, folder: Path, **options) -> tuple[object, object]:
    """Lint `report` written as a PDF and as plain text."""
    pdf = render_pdf(report, folder / "report.pdf", **options)
    text = folder / "report.txt"
    text.write_bytes(render_text(report))
    return lint_file(str(pdf)), lint_file(str(text))


# -- (a) the sample report --------------------------------------------------------------------


def test_the_sample_report_as_a_pdf_gives_the_same_cells_and_diagnostics(tmp_path):
    original = lint_file(str(SEED))
    pdf = lint_file(str(render_pdf(seed(), tmp_path / "seed.pdf")))
    assert cells(pdf.report) == cells(original.report)
    assert sum(len(columns) for columns in pdf.report.tables["applications"].rows.values()) == 175
    # the writer draws the template's own labels, so the seed's one typo (本年度止件数) is gone
    assert codes(original) == sorted([*codes(pdf), "L201"])
    assert "L201" not in codes(pdf)


def test_the_sample_report_model_keeps_title_year_sections_and_fee_statement(tmp_path):
    original = seed()
    report = parse_file(str(render_pdf(original, tmp_path / "seed.pdf"))).report
    assert (report.template, report.year, report.agency, report.title) == (
        original.template,
        original.year,
        original.agency,
        original.title,
    )
    assert [(s.key, s.found, s.standard) for s in report.sections] == [
        (s.key, s.found, s.standard) for s in original.sections
    ]
    assert report.fee_statement is not None and "信息处理费" in report.fee_statement.text


def test_spans_name_the_page_and_the_box(tmp_path):
    report = parse_file(str(render_pdf(seed(), tmp_path / "seed.pdf"))).report
    cell = report.tables["review"].rows["direct_suit"]["total"]
    assert cell.span is not None and cell.span.line == cell.span.end_line
    assert cell.span.locator is not None
    assert cell.span.locator.startswith(f"page {cell.span.line}, x ")
    assert "y " in cell.span.locator and "–" in cell.span.locator


def test_merged_cells_appear_once_with_their_spans(tmp_path):
    path = render_pdf(seed(), tmp_path / "seed.pdf")
    document = PdfReader().read(str(path), path.read_bytes())
    review = next(b for b in document.blocks if b.kind == "table" and b.text.startswith("行政复议"))
    first, second = review.rows[0].cells, review.rows[1].cells
    assert [(c.text, c.rowspan, c.colspan) for c in first] == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    assert [(c.text, c.rowspan, c.colspan) for c in second[:2]] == [("结果维持", 2, 1), ("结果纠正", 2, 1)]
    assert [len(row.cells) for row in review.rows] == [2, 7, 10, 15]


# -- (b) figures that are not all zero --------------------------------------------------------


def test_a_report_with_figures_round_trips(tmp_path):
    report = with_figures(seed(), FIGURES)
    pdf, text = pdf_and_text(report, tmp_path)
    assert cells(pdf.report) == cells(text.report)
    for table, rows in FIGURES.items():
        for row, columns in rows.items():
            for column, value in columns.items():
                found = pdf.report.tables[table].rows[row][column]
                assert (found.status, found.value) == ("number", value), (table, row, column)
    assert codes(pdf) == codes(text)
    assert not {"M401", "M402", "M403", "M404", "E001", "E002"} & set(codes(pdf))


# -- (c) a wrong figure -----------------------------------------------------------------------


def test_a_changed_figure_is_caught_at_its_cell(tmp_path):
    wrong = {"applications": {"disclosed": {"natural_person": 4}}}  # 3 → 4; neither total follows
    report = with_figures(with_figures(seed(), FIGURES), wrong)
    pdf, text = pdf_and_text(report, tmp_path)
    found = {(d.code, d.cell.table, d.cell.row, d.cell.column) for d in pdf.diagnostics if d.cell}
    assert ("M401", "applications", "disclosed", "total") in found
    assert ("M402", "applications", "total_results", "natural_person") in found
    assert codes(pdf) == codes(text)
    m401 = next(d for d in pdf.diagnostics if d.code == "M401")
    assert (m401.actual, m401.expected) == (4, 5)
    assert m401.span is not None and m401.span.locator and m401.span.locator.startswith("page ")


# -- (d) a table over a page break ------------------------------------------------------------


def test_a_table_split_over_a_page_break_gives_all_its_rows(tmp_path):
    report = with_figures(seed(), FIGURES)
    path = render_pdf(report, tmp_path / "short-pages.pdf", pagesize=(595.0, 480.0))
    document = PdfReader().read(str(path), path.read_bytes())
    tables = [b for b in document.blocks if b.kind == "table"]
    first = next(b for b in tables if "一、本年新收政府信息公开申请数量" in b.text)
    last = next(b for b in tables if "四、结转下年度继续办理" in b.text)
    assert first.fragment.span.line < last.fragment.span.line, "the table must run over a page break"
    result = lint_file(str(path))
    applications = result.report.tables["applications"]
    assert len(applications.rows) == 25
    assert all(
        len(columns) == 7 and all(c.status == "number" for c in columns.values())
        for columns in applications.rows.values()
    )
    assert cells(result.report) == cells(lint_text(render_text(report).decode()).report)
    assert not result.report.missing_rows.get("applications")


# -- a table drawn without rules: a text layer of labels and figures --------------------------


def test_an_unruled_table_reads_where_labels_fit_on_one_line(tmp_path):
    report = with_figures(seed(), FIGURES)
    result = lint_file(str(render_pdf(report, tmp_path / "unruled.pdf", ruled=False)))
    expected = cells(lint_text(render_text(report).decode()).report)
    got = cells(result.report)
    assert got["review"] == expected["review"]
    one_line = ("new_received", "carried_over", "disclosed", "total_results", "carried_forward")
    for row in one_line:
        assert got["applications"][row] == expected["applications"][row], row
    assert got["proactive"]["licensing"] == expected["proactive"]["licensing"]


def test_an_unruled_table_reads_rows_whose_labels_wrap(tmp_path):
    report = with_figures(seed(), FIGURES)
    result = lint_file(str(render_pdf(report, tmp_path / "unruled.pdf", ruled=False)))
    assert not result.report.missing_rows.get("applications")
    assert cells(result.report) == cells(lint_text(render_text(report).decode()).report)


def test_page_numbers_are_not_read_as_text(tmp_path):
    path = render_pdf(seed(), tmp_path / "seed.pdf")
    document = PdfReader().read(str(path), path.read_bytes())
    assert not [b.text for b in document.blocks if "—" in b.text and b.text.strip("— 0123456789") == ""]
    assert document.blocks[0].text == "延津县塔铺街道2024年政府信息公开工作年度报告"


# -- (e) files that are not PDFs --------------------------------------------------------------


def test_random_bytes_give_exactly_e001(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(random.Random(7).randbytes(4096))
    result = lint_file(str(path))
    assert codes(result) == ["E001"]
    assert "\n" not in result.diagnostics[0].message


def test_noise_behind_a_pdf_header_gives_exactly_e001(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(8).randbytes(4096))
    result = lint_file(str(path))
    assert codes(result) == ["E001"]
    assert "PDF" in result.diagnostics[0].message


def test_the_reader_turns_every_broken_pdf_into_a_read_error(tmp_path):
    """Damaged copies of a real PDF: pdfminer fails in many ways; none may escape as an exception."""
    whole = render_pdf(seed(), tmp_path / "whole.pdf").read_bytes()
    rng = random.Random(3)
    for attempt in range(40):
        data = bytearray(whole)
        if attempt % 2:
            del data[rng.randrange(len(data)) :]
        else:
            for _ in range(10):
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            PdfReader().read("damaged.pdf", bytes(data))
        except ReadError as exc:
            assert "\n" not in str(exc)
    with pytest.raises(ReadError):
        PdfReader().read("noise.pdf", random.Random(9).randbytes(2048))


def test_a_truncated_pdf_gives_exactly_e001(tmp_path):
    whole = render_pdf(seed(), tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    result = lint_file(str(path))
    assert codes(result) == ["E001"]


def test_an_empty_file_gives_exactly_e001(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert codes(lint_file(str(path))) == ["E001"]


def test_an_encrypted_pdf_says_it_needs_a_password(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(72, 720, "2024 annual report")
    canvas.save()
    with pytest.raises(ReadError, match="password"):
        PdfReader().read(str(path), path.read_bytes())
    assert codes(lint_file(str(path))) == ["E001"]


def test_a_pdf_without_a_text_layer_needs_ocr(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scanned.pdf"
    canvas = Canvas(str(path))
    canvas.rect(72, 400, 300, 300, fill=1)  # a page that is a picture, no characters
    canvas.save()
    with pytest.raises(ReadError, match="no text layer"):
        PdfReader().read(str(path), path.read_bytes())
    result = lint_file(str(path))
    assert codes(result) == ["E001"] and "OCR" in result.diagnostics[0].message


# -- (f) without pdfplumber -------------------------------------------------------------------


def test_without_pdfplumber_a_pdf_says_what_to_do(tmp_path, monkeypatch):
    path = render_pdf(seed(), tmp_path / "seed.pdf")
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = lint_file(str(path))
    assert codes(result) == ["E001"]
    assert "cannot be imported" in result.diagnostics[0].message


# -- prose as a reader sees it: WPS's white boxes and page frame, lines joined -------------

REAL_WPS = Path(__file__).parent / "data" / "pdf" / "hz-2024.pdf"  # a real WPS export (SOURCES.md)


def sections_text(report: Report | None) -> dict[str, str]:
    assert report is not None
    return {s.key: s.text for s in report.sections}


def test_a_wps_like_pdf_reads_as_the_plain_one(tmp_path):
    """White boxes behind every line and a frame around the page are no table: prose stays prose."""
    report = with_figures(seed(), FIGURES)
    plain = lint_file(str(render_pdf(report, tmp_path / "plain.pdf")))
    wps = lint_file(str(render_pdf(report, tmp_path / "wps.pdf", wps=True)))
    assert sections_text(wps.report) == sections_text(plain.report)
    assert all(sections_text(wps.report)[key] for key in ("overview", "problems", "other"))
    assert cells(wps.report) == cells(plain.report)
    assert codes(wps) == codes(plain)


def test_a_paragraphs_lines_are_joined_across_line_and_page_breaks(tmp_path):
    """Each paragraph of the sample is one paragraph again, however the page wraps it."""
    original = seed()
    # the sections' paragraphs (a title that wraps stays two centred lines); spaces are the PDF's own
    expected = ["".join(p.text.split()) for key, p in original.prose() if key]
    for pagesize, name in ((A4, "a4"), (A5, "a5")):  # A5: paragraphs run over page breaks
        report = parse_file(str(render_pdf(original, tmp_path / f"{name}.pdf", pagesize=pagesize))).report
        assert report is not None
        got = ["".join(p.text.split()) for key, p in report.prose() if key]
        assert got == expected, name


def test_a_real_wps_export_reads_its_prose_and_its_condensed_group():
    result = lint_file(str(REAL_WPS))
    report = result.report
    assert report is not None and report.year == 2024 and report.agency == "淮安市洪泽区人民政府"
    texts = sections_text(report)
    assert set(texts) == {"overview", "proactive", "applications", "review", "problems", "other"}
    # paragraphs as the page shows them: an opening and （一）–（五） in 一; the problems and the plans in 五
    assert [p[:5] for p in texts["overview"].split("\n")] == [
        "2024 ",
        "（一）主动",
        "（二）依申",
        "（三）政府",
        "（四）政府",
        "（五）政府",
    ]
    assert len(texts["problems"].split("\n")) == 2
    assert "有效降低行政复议" in texts["problems"].replace(" ", "")  # the paragraph that runs onto page 5
    assert "信息处理费" in texts["other"]
    preamble = "".join(p.text for p in report.preamble).replace(" ", "")
    assert "统计期限自2024年1月1日起至2024年12月31日止" in preamble  # wrapped over two lines
    found = codes(result)
    assert not {"S108", "D702"} & set(found)
    assert "L201" in found and any("其他法律行政止公开" in d.message for d in result.diagnostics)
    missing = [d for d in result.diagnostics if d.code == "L203"]
    assert len(missing) == 1 and "（六）其他处理" in missing[0].message
    assert report.tables["applications"].groups["other_handling"]["total"].value == 0
    assert not {"M401", "M402", "M403", "M404"} & set(found)
