"""A test helper: a Report drawn as a real PDF, the way a report's PDF is made from Word.

The PDF reader is tested on files we make ourselves, so that every layout it claims to
read has a fixture whose content we know: title, headings, wrapped paragraphs, and each
table drawn as the national format draws it (`reportlint.writers.layout`), with ruling
lines, merged cells, text centred in its cell, long labels wrapped inside their cell, and a
table that runs on over a page break. `ruled=False` draws the tables without lines, so
that the PDF holds only a text layer of labels and figures separated by spaces.

The font is reportlab's built-in CID font STSong-Light: no font file, and pdfplumber reads
its characters back as Unicode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from reportlint.model import Report
from reportlint.writers.layout import Block, Grid, GridCell, blocks, positions, width

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

MARGIN = 56.0
BODY = 10.5  # 五号
LEADING = 1.5
CELL_FONT = 9.0
PAD = 3.0
MIN_ROW = 18.0
RUNNING_HEAD = "政府信息公开工作年度报告（2024年）"
VALUE_COLUMN = 34.0  # a column of figures: room for a header of two characters a line


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)"  # punctuation Word keeps at the end of the line before


def wrap(text: str, room: float, size: float) -> list[str]:
    """Break text into lines no wider than `room`, between any two characters, as CJK text breaks."""
    lines: list[str] = []
    line = ""
    for char in text:
        if line and text_width(line + char, size) > room and char not in NO_LINE_START:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line or not lines else lines


class Pen:
    """A canvas and the height left on the current page; turns the page when asked."""

    def __init__(self, path: Path, pagesize: tuple[float, float], wps: bool = False) -> None:
        self.canvas = Canvas(str(path), pagesize=pagesize)
        self.width, self.height = pagesize
        self.page = 1
        self.y = self.height - MARGIN
        self.wps = wps

    @property
    def room(self) -> float:
        return self.width - 2 * MARGIN

    def ensure(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - MARGIN

    def footer(self) -> None:
        """A page number as Chinese official documents print it ("— 3 —"); WPS's page frame."""
        if self.wps:  # a running head, as offices set one in the page header
            self.canvas.setFont(FONT, 9)
            self.canvas.drawCentredString(self.width / 2, self.height - MARGIN / 2, RUNNING_HEAD)
            self.canvas.setStrokeColorRGB(0, 0, 0)
            self.canvas.rect(
                MARGIN - 8, MARGIN - 8, self.room + 16, self.height - 2 * MARGIN + 16, stroke=1, fill=0
            )
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(self.width / 2, MARGIN / 2, f"— {self.page} —")

    def line(self, text: str, size: float, x: float, centred: bool = False, justified: bool = False) -> None:
        """One line of text; as WPS draws it, on a white box of its own and spread to the margin."""
        self.ensure(size * LEADING)
        self.y -= size * LEADING
        if self.wps:
            self.canvas.setFillColorRGB(1, 1, 1)
            self.canvas.rect(MARGIN, self.y, self.room, size * LEADING, stroke=0, fill=1)
            self.canvas.setFillColorRGB(0, 0, 0)
        self.canvas.setFont(FONT, size)
        if centred:
            self.canvas.drawCentredString(self.width / 2, self.y + size * 0.3, text)
        elif justified and self.wps and len(text) > 1:
            spread = (self.width - MARGIN - x - text_width(text, size)) / (len(text) - 1)
            self.canvas.drawString(x, self.y + size * 0.3, text, charSpace=max(0.0, spread))
        else:
            self.canvas.drawString(x, self.y + size * 0.3, text)

    def finish(self) -> None:
        self.footer()
        self.canvas.save()


def render_pdf(
    report: Report,
    path: str | Path,
    ruled: bool = True,
    pagesize: tuple[float, float] = A4,
    wps: bool = False,
) -> Path:
    """Write `report` as a PDF at `path`; a smaller `pagesize` forces tables over page breaks.

    `wps`: as WPS exports a report: a running head and a frame on each page, every line of
    prose on a white box of its own, and prose justified to the right margin by spacing its
    characters.
    """
    return render_pdf_blocks(blocks(report), path, ruled, pagesize, wps)


def render_pdf_blocks(
    content: list[Block],
    path: str | Path,
    ruled: bool = True,
    pagesize: tuple[float, float] = A4,
    wps: bool = False,
) -> Path:
    """Write layout blocks (a report drawn by the template, or a document as it was read) as a PDF."""
    path = Path(path)
    pen = Pen(path, pagesize, wps)
    for block in content:
        if block.kind == "title":
            pen.y -= BODY
            for line in wrap(block.text, pen.room, 16):
                pen.line(line, 16, MARGIN, centred=True)
            pen.y -= BODY
        elif block.kind == "heading":
            pen.y -= BODY / 2
            for line in wrap(block.text, pen.room, 12):
                pen.line(line, 12, MARGIN)
        elif block.grid is not None:
            pen.y -= BODY / 2
            draw_table(pen, block.grid, ruled)
            pen.y -= BODY / 2
        else:
            paragraph(pen, block.text)
    pen.finish()
    return path


def paragraph(pen: Pen, text: str) -> None:
    """A paragraph wrapped to the text width, its first line indented by two characters."""
    lines = wrap(text, pen.room - 2 * BODY, BODY)
    first, rest = lines[0], "".join(lines[1:])
    pen.line(first, BODY, MARGIN + 2 * BODY, justified=bool(rest))
    following = wrap(rest, pen.room, BODY) if rest else []
    for n, line in enumerate(following):
        pen.line(line, BODY, MARGIN, justified=n < len(following) - 1)


# -- tables --------------------------------------------------------------------------------


@dataclass
class Placed:
    """A grid cell with the grid rows and columns it covers and its wrapped lines."""

    cell: GridCell
    row: int
    column: int
    lines: list[str] = field(default_factory=list)

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rowspan - 1


def draw_table(pen: Pen, grid: Grid, ruled: bool) -> None:
    """Place the rows, page by page, then draw each page's part of every cell before turning it."""
    cells = [Placed(cell, r, c) for r, line in enumerate(positions(grid)) for c, cell in line]
    widths = column_widths(cells, width(grid), pen.room)
    edges = [MARGIN + sum(widths[:i]) for i in range(len(widths) + 1)]
    for p in cells:
        p.lines = wrap(p.cell.text, edges[p.column + p.cell.colspan] - edges[p.column] - 2 * PAD, CELL_FONT)
    heights = row_heights(cells, len(grid))
    tops = place_rows(pen, heights)
    parts = [cell_parts(p, tops, heights) for p in cells]
    for page in sorted({page for page, _ in tops}):
        if page > pen.page:
            pen.new_page()
        for p, pieces in zip(cells, parts, strict=True):
            if page in pieces:
                draw_part(pen.canvas, p, edges, pieces, page, ruled)
    last = len(heights) - 1
    pen.y = tops[last][1] - heights[last]


def column_widths(cells: list[Placed], count: int, room: float) -> list[float]:
    """Figures get a narrow column; label columns share the rest, in proportion to their longest label."""
    values = {p.column for p in cells if p.cell.value and p.cell.colspan == 1}
    natural = [2 * PAD + 3 * CELL_FONT] * count
    for p in cells:
        if p.cell.colspan == 1 and p.column not in values:
            natural[p.column] = max(natural[p.column], text_width(p.cell.text, CELL_FONT) + 2 * PAD)
    labels = [c for c in range(count) if c not in values]
    if not labels:
        return [room / count] * count
    rest = room - VALUE_COLUMN * len(values)
    total = sum(natural[c] for c in labels)
    return [VALUE_COLUMN if c in values else rest * natural[c] / total for c in range(count)]


def row_heights(cells: list[Placed], count: int) -> list[float]:
    """Each row as tall as its tallest cell; a merged cell that needs more grows its last row."""
    heights = [MIN_ROW] * count
    for p in cells:
        if p.cell.rowspan == 1:
            heights[p.row] = max(heights[p.row], _needed(p))
    for p in cells:
        if p.cell.rowspan > 1:
            short = _needed(p) - sum(heights[p.row : p.last_row + 1])
            if short > 0:
                heights[p.last_row] += short
    return heights


def _needed(p: Placed) -> float:
    return len(p.lines) * CELL_FONT * 1.25 + 2 * PAD


def place_rows(pen: Pen, heights: list[float]) -> list[tuple[int, float]]:
    """(page, top y) of each row, from where the pen is; a row that does not fit starts the next page."""
    page, y = pen.page, pen.y
    tops = []
    for height in heights:
        if y - height < MARGIN:
            page, y = page + 1, pen.height - MARGIN
        tops.append((page, y))
        y -= height
    return tops


def cell_parts(
    p: Placed, tops: list[tuple[int, float]], heights: list[float]
) -> dict[int, tuple[float, float]]:
    """Page → (top, bottom) of the part of a merged cell on that page."""
    parts: dict[int, tuple[float, float]] = {}
    for r in range(p.row, p.last_row + 1):
        page, top = tops[r]
        upper = parts.get(page, (top, top))[0]
        parts[page] = (upper, top - heights[r])
    return parts


def draw_part(
    canvas: Canvas,
    p: Placed,
    edges: list[float],
    parts: dict[int, tuple[float, float]],
    page: int,
    ruled: bool,
) -> None:
    """A cell's box on `page`; its text goes in the tallest of its parts, centred."""
    x0, x1 = edges[p.column], edges[p.column + p.cell.colspan]
    upper, lower = parts[page]
    if ruled:
        canvas.rect(x0, lower, x1 - x0, upper - lower)
    if page == max(parts, key=lambda k: parts[k][0] - parts[k][1]):
        _centred_text(canvas, p.lines, (x0 + x1) / 2, (upper + lower) / 2)


def _centred_text(canvas: Canvas, lines: list[str], x: float, y: float) -> None:
    leading = CELL_FONT * 1.25
    canvas.setFont(FONT, CELL_FONT)
    baseline = y + (len(lines) - 1) * leading / 2 - CELL_FONT * 0.35
    for i, line in enumerate(lines):
        canvas.drawCentredString(x, baseline - i * leading, line)
