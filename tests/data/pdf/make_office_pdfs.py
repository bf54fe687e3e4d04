"""Make the office-made test PDFs of tests/test_pdf_office.py: DOCX → LibreOffice, HTML → Chromium.

Offices do not draw their PDFs with reportlab: they export a Word file (WPS, Word or
LibreOffice) or print a web page. This script writes three test reports with reportlint's
own writers and converts them the way offices do:

    seed      the sample report (examples/延津县塔铺街道2024年政府信息公开工作年度报告.txt)
    figures   the sample with figures that add up (M401–M404 hold)
    m402      `figures` with a sum error in table 三's （七）总计 row (M402 fires)

each as NAME.docx → NAME-libreoffice.pdf (soffice --headless --convert-to pdf) and
NAME.html → NAME-chromium.pdf (chromium --headless --print-to-pdf). The pages are narrow
(A5), so labels wrap inside their cells (2.没有现成信息需要另行制作 takes two or more lines)
and table 三 runs over a page break, as in the published reports.

The sources are kept beside the PDFs: the test compares each PDF with its own source.
The test suite needs neither soffice nor chromium; run this again only to remake the files:

    PYTHONPATH=/tmp/fontlib .venv/bin/python tests/data/pdf/make_office_pdfs.py
    (after `.venv/bin/pip install --target /tmp/fontlib fonttools`)

Fonts: the only Chinese fonts here are Noto CJK, whose outlines are CFF. Chromium (Skia)
embeds a CFF font as Type 3 glyph procedures, page by page: 540–590 KB a PDF, and not what
an office gets from Chrome on Windows (SimSun and Microsoft YaHei are TrueType, embedded as
CIDFontType2 subsets). So, when fontTools can be imported, the HTML is printed with a
TrueType font made here from Noto Sans CJK SC (subset to the report's characters, cubic
outlines turned quadratic), which Chromium embeds as a CIDFontType2 subset; the HTML kept
beside the PDF names these fonts `report-sans.ttf` and `report-sans-bold.ttf` (for the bold
headings, which Chromium would otherwise draw as Type 3 glyphs of a synthetic bold; the fonts
are not committed: a browser falls back).
Without fontTools the PDFs are made with Type 3 fonts and the script says so.
LibreOffice embeds subsets of the CFF fonts as they are (Noto Sans CJK JP for 宋体, DejaVu for
Latin), ~165 KB a PDF, so the DOCX needs nothing. Each run gives new bytes (creation dates,
document ids); the layout is the same for the same soffice and chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportlint.api import parse_file
from reportlint.model import Report
from reportlint.writers import render

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_figures import FIGURES, with_figures  # noqa: E402  (the tests' figures, shared)

SEED = ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt"

# （七）总计 says 6 natural persons and 8 in all, its rows give 5 and 7: M402 on both columns
# (the row itself adds up, 6 + 2 = 8, so M401 stays quiet on it).
M402_ERROR = {"applications": {"total_results": {"natural_person": 6, "total": 8}}}

# A narrow page, as many offices print: labels wrap in their cells, table 三 crosses a page.
HTML_STYLE = (
    "<style>@font-face { font-family: ReportSans; src: url(report-sans.ttf) format('truetype') }\n"
    "@font-face { font-family: ReportSans; font-weight: bold; src: url(report-sans-bold.ttf) format('truetype') }\n"
    "@page { size: A5; margin: 15mm }\n"
    "body { margin: 0; max-width: none; font-size: 11pt; font-family: ReportSans, 'Noto Sans CJK SC', sans-serif }"
    "</style>"
)
NOTO = Path("/usr/share/fonts/opentype/noto")
FONTS = {
    "report-sans.ttf": NOTO / "NotoSansCJK-Regular.ttc",
    "report-sans-bold.ttf": NOTO / "NotoSansCJK-Bold.ttc",
}
DOCX_PAGE_MM = (148, 210)  # A5
DOCX_MARGIN_MM = 15

TIMEOUT = 180


def seed() -> Report:
    report = parse_file(str(SEED)).report
    assert report is not None, "the sample report did not parse"
    return report


def reports() -> dict[str, Report]:
    return {
        "seed": seed(),
        "figures": with_figures(seed(), FIGURES),
        "m402": with_figures(with_figures(seed(), FIGURES), M402_ERROR),
    }


def narrow_docx(data: bytes) -> bytes:
    """The writer's DOCX on an A5 page with 15 mm margins, its tables fitted to the page (python-docx).

    The writer leaves Word's default grid (equal columns over 6 inches); an office fits the
    tables to the page: a wide column for the labels of table 三, figures narrow, 9 pt text.
    """
    import io

    import docx
    from docx.shared import Mm, Pt

    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        section.page_width, section.page_height = Mm(DOCX_PAGE_MM[0]), Mm(DOCX_PAGE_MM[1])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(DOCX_MARGIN_MM))
    text_width = DOCX_PAGE_MM[0] - 2 * DOCX_MARGIN_MM
    for table in document.tables:
        columns = len(table._tbl.tblGrid.gridCol_lst)
        widths = COLUMN_MM.get(columns) or [text_width / columns] * columns
        fit(table, [Mm(w * text_width / sum(widths)) for w in widths])
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# column widths (mm, scaled to the text width) by the number of grid columns: 二 has 4, 三 10
COLUMN_MM = {4: [40, 26, 26, 26], 10: [11, 11, 31, *[9.3] * 7]}


def fit(table, widths) -> None:
    """Fixed column widths: the grid, every cell (by its grid span) and the table itself."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = width
    for tr in tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[position : position + span])
            position += span
    table.autofit = False  # w:tblLayout fixed
    total = tbl.tblPr.find(qn("w:tblW"))
    if total is None:
        total = tbl.tblPr.insert_element_before(
            OxmlElement("w:tblW"), "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
            "w:tblLayout", "w:tblCellMar", "w:tblLook",
        )  # fmt: skip
    total.set(qn("w:w"), str(int(sum(widths) / 635)))  # EMU → twentieths of a point
    total.set(qn("w:type"), "dxa")


def narrow_html(data: bytes) -> bytes:
    page = data.decode("utf-8")
    assert "</head>" in page
    return page.replace("</head>", HTML_STYLE + "\n</head>", 1).encode("utf-8")


def libreoffice(source: Path, target: Path, to: str = "pdf") -> None:
    """Convert with LibreOffice headless, in a private profile: `to` is "pdf" or "docx"."""
    with tempfile.TemporaryDirectory(prefix="reportlint-soffice-") as work:
        profile = Path(work) / "profile"
        out = Path(work) / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML" if to == "docx" else to,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        shutil.move(str(out / f"{source.stem}.{to}"), target)


def truetype_subset(text: str, target: Path, collection: Path) -> bool:
    """Noto Sans CJK SC's glyphs for `text` as a TrueType font; False without fontTools."""
    try:
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen
        from fontTools.subset import Options, Subsetter
        from fontTools.ttLib import TTCollection, newTable
    except ImportError:
        return False
    font = next(
        f for f in TTCollection(str(collection)).fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC"
    )
    options = Options()
    options.desubroutinize = True
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(text=text + "".join(chr(c) for c in range(0x20, 0x7F)))
    subsetter.subset(font)
    # CFF → glyf (fontTools' otf2ttf snippet)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            font["hmtx"][name] = (font["hmtx"][name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.sfntVersion = "\000\001\000\000"
    font.save(str(target))
    return True


def chromium(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="reportlint-chromium-") as work:
        page = Path(work) / source.name
        shutil.copy(source, page)
        text = source.read_text(encoding="utf-8")
        if not all(
            truetype_subset(text, Path(work) / name, collection) for name, collection in FONTS.items()
        ):
            print("fontTools cannot be imported: Chromium embeds Noto CJK as Type 3 fonts (large PDFs)")
        source = page
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={Path(work) / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                source.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
            env={**os.environ, "TZ": "UTC"},
        )


def pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def real(html: Path) -> None:
    """A real report's web page saved as Word by LibreOffice, and that DOCX exported as PDF."""
    docx_path, pdf_path = HERE / f"{html.stem}.docx", HERE / f"{html.stem}-libreoffice.pdf"
    libreoffice(html, docx_path, to="docx")
    libreoffice(docx_path, pdf_path)
    print(f"wrote {docx_path.name} ({docx_path.stat().st_size:,} bytes)")
    print(f"wrote {pdf_path.name} ({pdf_path.stat().st_size:,} bytes, {pages(pdf_path)} pages)")


def main() -> int:
    """Remake the test reports' files; with paths of real reports' HTML pages, remake those instead.

    pt-002 was made from the corpus's real/html/pt-002.html (平潭综合实验区): its merged group label
    （五）不予处理 is cut by a page break into "（五）不予处" and "理".
    """
    for tool in ("soffice", "chromium"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    if sys.argv[1:]:
        for html in sys.argv[1:]:
            real(Path(html))
        return 0
    for name, report in reports().items():
        docx_path, html_path = HERE / f"{name}.docx", HERE / f"{name}.html"
        docx_path.write_bytes(narrow_docx(render(report, "docx")))
        html_path.write_bytes(narrow_html(render(report, "html")))
        made = [(docx_path, HERE / f"{name}-libreoffice.pdf"), (html_path, HERE / f"{name}-chromium.pdf")]
        libreoffice(*made[0])
        chromium(*made[1])
        for source, pdf in made:
            print(f"wrote {source.name} ({source.stat().st_size:,} bytes)")
            print(f"wrote {pdf.name} ({pdf.stat().st_size:,} bytes, {pages(pdf)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
