"""Word (.docx): the reader, the writer, and the sample report round-tripped through both.

The sample report written as DOCX and read back must give the same model and the same
diagnostics as the text original (one report, one model), except what the writer
changes on purpose: it draws the template's own labels, so the original's label typo
(L201) is gone.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportlint.api import lint_file, parse_file
from reportlint.readers import ReadError
from reportlint.readers.docx import DocxReader, format_number
from reportlint.template import load
from reportlint.writers import docx as docx_writer
from reportlint.writers.layout import blocks

from conftest import SEED


def codes(result):
    return {d.code for d in result.diagnostics}


def cells_of(report):
    """Every table cell's value and status, by table, row and column key."""
    return {
        key: {row: {col: (c.value, c.status) for col, c in cols.items()} for row, cols in table.rows.items()}
        for key, table in report.tables.items()
    }


@pytest.fixture(scope="module")
def seed_report():
    return parse_file(str(SEED)).report


@pytest.fixture(scope="module")
def seed_docx(seed_report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "seed.docx"
    path.write_bytes(docx_writer.render(seed_report))
    return path


def read(path: Path):
    return DocxReader().read(str(path), path.read_bytes())


# (a) one report, one model


def test_the_sample_as_docx_gives_the_same_diagnostics_but_the_label_typo(seed_docx):
    original = codes(lint_file(str(SEED)))
    written = codes(lint_file(str(seed_docx)))
    assert original - written == {"L201"}
    assert written - original == set()


def test_the_sample_as_docx_gives_the_same_cells(seed_report, seed_docx):
    back = lint_file(str(seed_docx)).report
    assert cells_of(back) == cells_of(seed_report)
    assert sum(len(cols) for t in back.tables.values() for cols in t.rows.values()) == 10 + 175 + 15
    assert [s.heading for s in back.sections] == [s.heading for s in seed_report.sections]
    assert (back.year, back.agency, back.title) == (2024, "延津县塔铺街道", seed_report.title)


def test_docx_spans_carry_locators_and_source_lines(seed_docx):
    document = read(seed_docx)
    assert document.format == "docx"
    assert len(document.source_lines) == len(document.blocks)
    for number, block in enumerate(document.blocks, start=1):
        assert block.fragment.span.line == number
        assert "\n" not in document.source_lines[number - 1]
    first = document.blocks[0]
    assert first.fragment.span.locator == "paragraph 1"
    assert first.fragment.span_of(2, 4) == first.fragment.span
    tables = [b for b in document.blocks if b.kind == "table"]
    assert [b.fragment.span.locator for b in tables] == ["table 1", "table 2", "table 3"]
    corner = tables[1].rows[0].cells[0]
    assert corner.span.locator == "table 2, row 1, cell 1"
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert corner.span.end_column == len(corner.text) + 1


# (b) a changed figure in a DOCX table


def _set_cell(path: Path, out: Path, label: str, column: int, value: str) -> None:
    """Write `value` into the grid column `column` of the row whose label cell starts with `label`."""
    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.startswith(label) or row.cells[1].text.startswith(label):
                row.cells[column].text = value
                document.save(str(out))
                return
    raise AssertionError(f"no row {label}")


def test_a_changed_figure_in_a_docx_table_gives_m401_with_its_cell(seed_docx, tmp_path):
    mutant = tmp_path / "mutant.docx"
    _set_cell(seed_docx, mutant, "一、本年新收", 3, "5")  # 自然人 (grid column 4 of 10) becomes 5
    result = lint_file(str(mutant))
    row_total = next(d for d in result.diagnostics if d.code == "M401")
    cell = row_total.cell
    assert (cell.table, cell.row, cell.column) == ("applications", "new_received", "total")
    assert (row_total.expected, row_total.actual) == (5, 0)
    assert row_total.span.locator == "table 2, row 4, cell 8"  # the 总计 cell of that row


def test_a_changed_figure_in_a_docx_result_row_gives_m402_with_its_cell(seed_docx, tmp_path):
    mutant = tmp_path / "mutant.docx"
    _set_cell(seed_docx, mutant, "（一）予以公开", 9, "4")  # the row's 总计
    result = lint_file(str(mutant))
    column_total = next(d for d in result.diagnostics if d.code == "M402")
    cell = column_total.cell
    assert (cell.table, cell.row, cell.column) == ("applications", "total_results", "total")
    assert (column_total.expected, column_total.actual) == (4, 0)
    assert column_total.span.locator.startswith("table 2, row ")
    assert "M401" in codes(result)


# (c) Word's automatic numbering


_ABSTRACT = """
<w:abstractNum {ns} w:abstractNumId="{id}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
"""


def _add_numbering(document, abstract_xml: str, abstract_id: int = 90) -> int:
    """A numbering definition added with python-docx's XML API; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml.format(ns=nsdecls("w"), id=abstract_id))
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)  # the schema wants every abstractNum before the first num
    else:
        numbering.append(abstract)
    return int(numbering.add_num(abstract_id).numId)


def _number(paragraph, num_id: int, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
_SUB_ORDINAL = re.compile(r"^[(（][一二三四五六七八九十]+[)）]\s*")


def _numbered_report(report, path: Path) -> None:
    """The sample typed in Word with automatic numbering: headings and 一's items lose their written ordinals.

    The section headings take their numbers from the "Heading 1" style (numbering linked to
    the style); the items of section 一 carry their own w:numPr at level 1.
    """
    document = docx.Document()
    num_id = _add_numbering(document, _ABSTRACT)
    style_pr = document.styles["Heading 1"].element.get_or_add_pPr().get_or_add_numPr()
    style_pr.get_or_add_numId().val = num_id
    for block in blocks(report):
        if block.kind == "heading":
            document.add_heading(_ORDINAL.sub("", block.text), level=1)
        elif block.grid is not None:
            docx_writer._table(document, block.grid)
        elif _SUB_ORDINAL.match(block.text):
            _number(document.add_paragraph(_SUB_ORDINAL.sub("", block.text)), num_id, 1)
        else:
            document.add_paragraph(block.text)
    document.save(str(path))


def test_word_numbering_is_read_into_the_headings(seed_report, tmp_path):
    path = tmp_path / "numbered.docx"
    _numbered_report(seed_report, path)
    written = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert written[0] == "总体情况"  # the number is not in the file's text: Word draws it
    result = lint_file(str(path))
    template = load("gov-2021")
    assert [s.heading for s in result.report.sections] == [
        f"{s.ordinal}、{s.title}" for s in template.sections
    ]
    assert all(s.standard for s in result.report.sections)
    assert not codes(result) & {"S101", "S103", "S110"}
    overview = result.report.section("overview").text
    aspects = (
        "主动公开情况",
        "依申请公开情况",
        "政府信息管理情况",
        "政府信息公开平台建设情况",
        "监督保障情况",
    )
    for ordinal, aspect in zip("一二三四五", aspects, strict=True):
        assert f"（{ordinal}）{aspect}：" in overview


def test_numbering_counters_restart_continue_and_override(tmp_path):
    document = docx.Document()
    num_id = _add_numbering(document, _ABSTRACT)
    for text, ilvl in (("甲", 0), ("a", 1), ("b", 1), ("乙", 0), ("c", 1)):
        _number(document.add_paragraph(text), num_id, ilvl)
    again = int(document.part.numbering_part.element.add_num(90).numId)  # same list, continues
    _number(document.add_paragraph("丙"), again, 0)
    restarted = document.part.numbering_part.element.add_num(90)
    restarted.add_lvlOverride(0).add_startOverride(1)  # "restart numbering" in Word
    _number(document.add_paragraph("丁"), int(restarted.numId), 0)
    path = tmp_path / "lists.docx"
    document.save(str(path))
    texts = [b.text for b in read(path).blocks]
    assert texts == ["一、甲", "（一）a", "（二）b", "二、乙", "（一）c", "三、丙", "一、丁"]


def test_a_list_style_link_is_followed_to_its_levels(tmp_path):
    """Word's multilevel list styles: the abstractNum in use only names a style (numStyleLink)."""
    document = docx.Document()
    holder = _add_numbering(
        document,
        _ABSTRACT.replace("<w:multiLevelType", '<w:styleLink w:val="ReportList"/><w:multiLevelType'),
        91,
    )
    linking = _add_numbering(
        document,
        '<w:abstractNum {ns} w:abstractNumId="{id}"><w:numStyleLink w:val="ReportList"/></w:abstractNum>',
        92,
    )
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
            f'<w:pPr><w:numPr><w:numId w:val="{holder}"/></w:numPr></w:pPr></w:style>'
        )
    )
    for text, ilvl in (("总体情况", 0), ("主动公开情况", 1), ("主动公开政府信息情况", 0)):
        _number(document.add_paragraph(text), linking, ilvl)
    path = tmp_path / "linked.docx"
    document.save(str(path))
    document = read(path)
    assert [b.text for b in document.blocks] == [
        "一、总体情况",
        "（一）主动公开情况",
        "二、主动公开政府信息情况",
    ]
    assert [b.kind for b in document.blocks] == ["heading", "paragraph", "heading"]


@pytest.mark.parametrize(
    ("fmt", "numbers", "expected"),
    [
        ("chineseCounting", (1, 10, 11, 20, 99), ["一", "十", "十一", "二十", "九十九"]),
        (
            "chineseCountingThousand",
            (1, 10, 101, 110, 1001),
            ["一", "十", "一百零一", "一百一十", "一千零一"],
        ),
        ("ideographTraditional", (1, 2, 10), ["甲", "乙", "癸"]),
        ("decimal", (1, 12), ["1", "12"]),
        ("decimalFullWidth", (1, 12), ["１", "１２"]),
        ("lowerLetter", (1, 26, 27), ["a", "z", "aa"]),
        ("upperRoman", (4, 9, 14), ["IV", "IX", "XIV"]),
        ("decimalEnclosedCircle", (1, 20, 21), ["①", "⑳", "21"]),
        ("someFormatNotKnown", (3,), ["3"]),
    ],
)
def test_number_formats(fmt, numbers, expected):
    assert [format_number(n, fmt) for n in numbers] == expected


# (d) merged cells


def test_merged_cells_are_read_once_with_their_spans(tmp_path):
    document = docx.Document()
    document.add_paragraph("表")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "down"  # vertical: vMerge
    table.cell(0, 1).merge(table.cell(0, 2)).text = "across"  # horizontal: gridSpan
    table.cell(2, 2).add_table(rows=1, cols=1).cell(0, 0).text = "nested"  # ignored, no crash
    path = tmp_path / "merged.docx"
    document.save(str(path))
    grid = next(b for b in read(path).blocks if b.kind == "table")
    shape = [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in grid.rows]
    assert shape == [
        [("down", 2, 1), ("across", 1, 2)],
        [("11", 1, 1), ("12", 1, 1)],
        [("20", 1, 1), ("21", 1, 1), ("22", 1, 1)],
    ]
    assert grid.rows[1].cells[0].span.locator == "table 1, row 2, cell 2"  # Word counts the merged-on cell
    assert grid.rows[0].cells[1].span.locator == "table 1, row 1, cell 2"


def test_text_boxes_deleted_text_and_breaks(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("正文")
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    paragraph._p.append(parse_xml(f"<w:del {nsdecls('w')}><w:r><w:delText>删去</w:delText></w:r></w:del>"))
    paragraph._p.append(parse_xml(f"<w:ins {nsdecls('w')}><w:r><w:t>插入</w:t></w:r></w:ins>"))
    run = paragraph.add_run("甲")
    run.add_break()
    run.add_text("乙")
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == ["正文插入甲\n乙"]


# (e) files that are not DOCX


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _corrupt_xml(seed: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    return _zip(members)


def _strict(seed: bytes) -> bytes:
    """The ISO 29500 Strict flavour: python-docx opens it but knows none of its elements."""
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    main = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    members["word/document.xml"] = members["word/document.xml"].replace(
        main, b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    return _zip(members)


CORRUPT = {
    "random bytes": lambda seed: random.Random(7).randbytes(4096),
    "empty file": lambda seed: b"",
    "zip without word/document.xml": lambda seed: _zip({"hello.txt": b"hello"}),
    "truncated docx": lambda seed: seed[: len(seed) // 2],
    "damaged member": lambda seed: seed[:2000] + bytes(200) + seed[2200:],
    "broken document.xml": _corrupt_xml,
    "strict open xml": _strict,
    "old .doc": lambda seed: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
}


@pytest.mark.parametrize("kind", CORRUPT)
def test_a_file_that_is_not_docx_gives_e001_only(kind, seed_docx, tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(CORRUPT[kind](seed_docx.read_bytes()))
    result = lint_file(str(path))
    assert [d.code for d in result.diagnostics] == ["E001"]
    assert "\n" not in result.diagnostics[0].message


@pytest.mark.parametrize("kind", CORRUPT)
def test_the_reader_itself_raises_read_error_with_one_line(kind, seed_docx):
    """Whatever the dispatcher sniffs first, the reader on its own never lets python-docx's errors out."""
    with pytest.raises(ReadError) as caught:
        DocxReader().read("bad.docx", CORRUPT[kind](seed_docx.read_bytes()))
    reason = str(caught.value)
    assert "\n" not in reason and (".docx" in reason or ".doc" in reason)
