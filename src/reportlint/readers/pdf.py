"""The PDF reader: a report's text layer laid out as lines and ruled tables, in reading order.

A published report's PDF is usually printed from Word or WPS. What it holds is characters
at positions and the lines of the tables, nothing more. PDFium reads both
(`reportlint.readers.pdfium_page`, a few milliseconds a page); pdfplumber's table finder
then finds the ruled tables (their cells from the ruling lines, merged cells included) and
its text-line grouping groups the other characters into lines. This reader keeps both in
reading order, top to bottom and page by page, because the extractor reads the figures
that follow a label:

- each ruled table becomes a "table" block: one row per grid row, one cell per cell that
  starts there (a merged cell once, with its rowspan and colspan; the positions it covers
  have no cell). A table continued on the next page is simply the next table block;
- every other line of text becomes a "paragraph" block, and the lines of one paragraph are
  joined again (`join_paragraphs`): a line that fills its column runs on into a next line
  that starts at the left margin, on the same page or the next. A table without ruling
  lines is lines of a label and its figures separated by wide gaps, which are never joined
  and which the extractor splits; a header printed one character per line gives short
  lines that match no label;
- only graphics that leave a mark are ruling lines: WPS and Word paint a white box behind
  every line of text (shading, text frames), which would otherwise read as a table of one
  column holding all the prose. A lone box, or boxes stacked in one column
  (a page frame), is no table either: its text is read as lines;
- page numbers in the top or bottom margin are dropped: they are page furniture, and a
  footer such as "- 3 -" between a table's rows would read as figures; so are running heads
  and feet, the same line in the top or bottom band of two pages or more.

Every block, row and cell has a `Span` whose `locator` is the page (1-based) and the box
in PDF points, y measured from the top of the page ("page 3, x 72–140, y 200–212"); its
line is the page number. `source_lines` stays empty: there is no source line to quote.

pypdfium2 and pdfplumber are part of the base install but imported when a PDF is read,
never before, so linting other formats does not load the PDF stack; where they cannot be
imported, a PDF is an unreadable file that says what to do.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.document import Block, Cell, Document, Fragment, Row, Span
from reportlint.limits import CellCount, current
from reportlint.readers import ReadError

if TYPE_CHECKING:
    from pdfplumber.table import Table

    from reportlint.readers.pdfium_page import Char, Edge

Box = tuple[float, float, float, float]  # x0, top, x1, bottom, in points from the top left

NOT_INSTALLED = (
    "PDF support is broken here: pypdfium2 or pdfplumber cannot be imported "
    "(pip install --force-reinstall reportlint)"
)
NO_TEXT = "no text layer: a scanned PDF needs OCR first"

# A page number as printed in a header or footer: "3", "- 3 -", "— 3 —", "第 3 页", "3 / 10",
# "第 3 页 共 10 页".
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－―·]*(?:第\s*)?\d{1,4}\s*页?\s*(?:(?:/|／|共)\s*\d{1,4}\s*页?)?[\s\-—–－―·]*$"
)
_MARGIN_BAND = 0.1  # the share of the page height, at the top and at the bottom, where furniture sits
_WORD_CHAR = re.compile(r"[A-Za-z]")
_GAP = 1.0  # a gap wider than a character (in font sizes) parts two columns
_FIGURES = re.compile(r"^(?:[-−]?\d[\d,，.]*\S{0,2}|[/\\\-—–―－]+)$")  # a figure, or the mark of nothing
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = ("。", "！", "？", "；", "：", "!", "?", ";", ":")  # where a paragraph may end
_TOLERANCE = 0.5  # points: ruling lines that pdfplumber snapped together


@dataclass
class TextLine(Block):
    """A line of text as it sits on the page, before lines are joined into paragraphs."""

    page: int = 0
    box: Box = (0.0, 0.0, 0.0, 0.0)
    size: float = 0.0  # the font size of its first character
    alone: bool = True  # no gap wider than a character: not a row of a table without rules
    lead: float = 0.0  # the width of its first word: up to its first Chinese character, which may break
    margin: bool = False  # in the band at the top or the bottom of the page where headers and footers sit


class PdfReader:
    name = "pdf"
    extensions = (".pdf",)

    def read(self, path: str, data: bytes) -> Document:
        try:
            import pdfplumber.table  # noqa: F401  (its table finder and text lines do the layout)
            import pypdfium2
        except ImportError as exc:
            raise ReadError(NOT_INSTALLED) from exc
        if not data.strip():
            raise ReadError("the file is empty")
        from reportlint.readers.pdfium_page import page_primitives

        blocks: list[Block] = []
        characters = 0
        cells = CellCount()
        try:
            pdf = pypdfium2.PdfDocument(data)
        except Exception as exc:  # PdfiumError: not a PDF, damaged beyond repair, or encrypted
            raise ReadError(_reason(exc)) from exc
        try:
            current().limits.check("max-pages", len(pdf))
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    chars, edges, bbox = page_primitives(page)
                finally:
                    page.close()  # free PDFium's page: long reports stay small
                characters += len(chars)
                blocks += read_page(chars, edges, bbox, index + 1, cells)
        except ReadError:
            raise
        except Exception as exc:  # a page PDFium cannot load, or a layout that fails on it
            raise ReadError(_reason(exc)) from exc
        finally:
            pdf.close()
        if not characters:
            raise ReadError(NO_TEXT)
        return Document(path=path, format="pdf", encoding=None, blocks=join_paragraphs(blocks))


def _reason(exc: Exception) -> str:
    """One line saying why the file could not be read as a PDF."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(inner).lower():
        return "the PDF is encrypted and needs a password"
    detail = " ".join(str(inner).split())[:120]
    return f"not a readable PDF ({name}{': ' + detail if detail else ''})"


def read_page(
    chars: list[Char], edges: list[Edge], bbox: Box, number: int, cells: CellCount | None = None
) -> list[Block]:
    """The page's tables and lines of text, ordered by their top edge (lines not yet joined)."""
    from pdfplumber.utils.text import chars_to_textmap

    from reportlint.readers.pdfium_page import find_tables

    tables = [t for t in find_tables(edges, chars, bbox) if _is_grid(t)]
    if cells is not None:
        cells.add(sum(len(t.cells) for t in tables))
    boxes = [_box(t.bbox) for t in tables]
    placed: list[tuple[float, float, Block]] = [
        (box[1], box[0], table_block(t, number)) for t, box in zip(tables, boxes, strict=True)
    ]
    outside = [c for c in chars if not _inside(c, boxes)]
    lines = chars_to_textmap(outside, layout_bbox=bbox).extract_text_lines() if outside else []
    height = bbox[3] - bbox[1]
    for line in lines:
        size = float(line["chars"][0]["size"]) if line["chars"] else 0.0
        runs = _runs(line)
        alone, lead = len(runs) <= 1, _first_word(line["chars"])
        for text, box in pieces(line, runs):
            margin = box[3] < height * _MARGIN_BAND or box[1] > height * (1 - _MARGIN_BAND)
            if margin and _PAGE_NUMBER.match(text):
                continue  # a page number in the margin: page furniture
            fragment = Fragment(text, locate(number, box))
            block = TextLine(
                "paragraph", fragment, page=number, box=box, size=size, alone=alone, lead=lead, margin=margin
            )
            placed.append((float(line["top"]), box[0], block))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [block for _, _, block in placed]


def join_paragraphs(blocks: list[Block]) -> list[Block]:
    """Lines of prose joined into the paragraphs a reader sees, across line and page breaks.

    A line runs on into the next when it fills its column to the right margin and the next
    starts at the left margin (no first-line indent), in the same font size, right below it
    or at the top of the next page (`_runs_on` says what fills a column; a centred title
    wrapped over two lines is joined too). A short line, an indented line, a heading, a line of
    figures (a row of a table without rules) or a table ends the paragraph.
    """
    blocks = _without_running_heads(blocks)
    columns = _columns([b for b in blocks if isinstance(b, TextLine)])
    out: list[Block] = []
    run: list[TextLine] = []
    for block in blocks:
        if isinstance(block, TextLine) and run and _runs_on(run[-1], block, columns):
            run.append(block)
            continue
        if run:
            out.append(_paragraph(run))
            run = []
        if isinstance(block, TextLine):
            run = [block]
        else:
            out.append(block)
    if run:
        out.append(_paragraph(run))
    return out


def _without_running_heads(blocks: list[Block]) -> list[Block]:
    """The blocks less the running heads and feet: a line in a page's top or bottom band whose
    text (its figures aside: "第 2 页") stands there on two pages or more."""
    margin = [b for b in blocks if isinstance(b, TextLine) and b.margin]
    key = {id(line): _DIGITS.sub("#", "".join(line.text.split())) for line in margin}
    pages: dict[str, set[int]] = {}
    for line in margin:
        pages.setdefault(key[id(line)], set()).add(line.page)
    heads = {id(line) for line in margin if len(pages[key[id(line)]]) >= 2}
    return [b for b in blocks if id(b) not in heads]


def _columns(lines: list[TextLine]) -> dict[int, tuple[float, float]]:
    """Each page's text column (left and right margins): where most long lines start and end.

    A page with too few lines of prose to tell takes the last page's column.
    """
    found: dict[int, tuple[float, float]] = {}
    last: tuple[float, float] | None = None
    for page in sorted({line.page for line in lines}):
        prose = [line for line in lines if line.page == page and line.alone and len(line.text) >= 8]
        if len(prose) >= 3:
            left = Counter(round(line.box[0]) for line in prose).most_common(1)[0][0]
            right = Counter(round(line.box[2]) for line in prose).most_common(1)[0][0]
            last = (float(left), float(right))
        if last is not None:
            found[page] = last
    return found


def _runs_on(previous: TextLine, line: TextLine, columns: dict[int, tuple[float, float]]) -> bool:
    """Whether `line` continues the paragraph whose last line is `previous` (see join_paragraphs)."""
    if not (previous.alone and line.alone) or previous.page not in columns or line.page not in columns:
        return False
    size = max(previous.size, line.size)
    if size <= 0 or abs(previous.size - line.size) > 0.15 * size:
        return False
    if line.page == previous.page:
        below = 0 <= line.box[1] - previous.box[3] <= 1.2 * size
    else:
        below = line.page == previous.page + 1
    left, right = columns[previous.page]
    # full: up to the margin, or too little room left for the next line's first word ("12.9万");
    # a line that stops mid-sentence may stop a few characters short (a word processor's breaking)
    room = right - previous.box[2]
    mid_sentence = not previous.text.rstrip().endswith(_SENTENCE_END)
    full = room <= max(1.5 * size, line.lead + 0.5 * size) or (mid_sentence and room <= 4 * size)
    flush_left = line.box[0] <= columns[line.page][0] + 0.5 * size
    return below and (
        (full and flush_left) or (mid_sentence and _wrapped_centred(previous, line, left, right, size))
    )


def _wrapped_centred(previous: TextLine, line: TextLine, left: float, right: float, size: float) -> bool:
    """A centred line too long for one line (a title), and its centred rest right below it
    (the caller has seen that the first line does not end a sentence)."""
    middle = (left + right) / 2

    def centred(box: Box) -> bool:
        return abs((box[0] + box[2]) / 2 - middle) <= 1.5 * size

    wide = previous.box[2] - previous.box[0] >= 0.8 * (right - left)
    rest = line.box[0] >= left + 2 * size and line.box[2] <= right - 2 * size  # short, margins both sides
    return line.page == previous.page and wide and rest and centred(previous.box) and centred(line.box)


def _paragraph(lines: list[TextLine]) -> Block:
    """One paragraph block for its lines, located on the page where it starts."""
    if len(lines) == 1:
        return Block("paragraph", lines[0].fragment)
    first = [line.box for line in lines if line.page == lines[0].page]
    box = (
        min(b[0] for b in first),
        min(b[1] for b in first),
        max(b[2] for b in first),
        max(b[3] for b in first),
    )
    text = join_lines("\n".join(line.text for line in lines))
    return Block("paragraph", Fragment(text, locate(lines[0].page, box)))


def _is_grid(table: Table) -> bool:
    """A table of at least two columns. A lone box, or boxes stacked in one column (a page
    frame, WPS's boxes behind lines), frames text: it is read as lines."""
    return len(table.cells) > 1 and any(sum(c is not None for c in row.cells) > 1 for row in table.rows)


def pieces(line: dict[str, Any], runs: list[list[Char]]) -> list[tuple[str, Box]]:
    """A line of text, cut where a wide gap parts two columns of a table drawn without rules.

    Without the cut, a fragment of a merged cell's label ("（三）", the first line of
    "不予公开" wrapped in a narrow column) sits on the same line as the next row's label and
    hides it. Figures stay with the text before them: they are that row's cells. `runs` are
    the line's `_runs`.
    """
    if len(runs) <= 1:
        return [(str(line["text"]), _box((line["x0"], line["top"], line["x1"], line["bottom"])))]
    groups: list[list[dict[str, Any]]] = []
    for run in runs:
        if groups and _FIGURES.match("".join(str(c["text"]) for c in run)):
            groups[-1] += run
        else:
            groups.append(list(run))
    return [_piece(group) for group in groups]


def _first_word(chars: list[Char]) -> float:
    """The width of a line's first word: its characters up to and including the first Chinese
    one, where a line may break; a word processor carries them over whole."""
    drawn = [c for c in chars if str(c["text"]).strip()]
    if not drawn:
        return 0.0
    end = next((n for n, c in enumerate(drawn) if str(c["text"]) >= "\u2e80"), len(drawn) - 1)
    return float(drawn[end]["x1"]) - float(drawn[0]["x0"])


def _runs(line: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The line's characters in runs parted by gaps wider than a character."""
    runs: list[list[dict[str, Any]]] = []
    for char in (c for c in line["chars"] if str(c["text"]).strip()):
        if runs and float(char["x0"]) - float(runs[-1][-1]["x1"]) <= _GAP * float(char["size"]):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _piece(chars: list[dict[str, Any]]) -> tuple[str, Box]:
    from pdfplumber.utils.text import extract_text

    box = (
        min(float(c["x0"]) for c in chars),
        min(float(c["top"]) for c in chars),
        max(float(c["x1"]) for c in chars),
        max(float(c["bottom"]) for c in chars),
    )
    return " ".join(extract_text(chars).split()), box


def table_block(table: Table, number: int) -> Block:
    """A ruled table as rows of cells; a merged cell once, at its top-left grid position."""
    columns = sorted({float(cell[0]) for cell in table.cells})
    rows = sorted({float(cell[1]) for cell in table.cells})
    out: list[Row] = []
    for group, texts in zip(table.rows, table.extract(), strict=True):
        cells = [
            _cell(_box(bbox), text or "", columns, rows, number)
            for bbox, text in zip(group.cells, texts, strict=True)
            if bbox is not None  # None: a position a merged cell covers
        ]
        out.append(Row(cells))
    text = "\n".join("\t".join(cell.text for cell in row.cells) for row in out)
    return Block("table", Fragment(text, locate(number, _box(table.bbox))), out)


def _cell(box: Box, text: str, columns: Sequence[float], rows: Sequence[float], number: int) -> Cell:
    x0, top, x1, bottom = box
    colspan = sum(1 for x in columns if x0 - _TOLERANCE <= x < x1 - _TOLERANCE)
    rowspan = sum(1 for y in rows if top - _TOLERANCE <= y < bottom - _TOLERANCE)
    return Cell(join_lines(text), locate(number, box), rowspan=max(1, rowspan), colspan=max(1, colspan))


def join_lines(text: str) -> str:
    """A cell's text with its line breaks undone: a label wrapped in a narrow column is one label.

    Chinese breaks between any two characters, so lines join without a space; only where
    two Latin letters meet was there a space between words.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        space = _WORD_CHAR.match(joined[-1]) and _WORD_CHAR.match(line[0])
        joined += (" " if space else "") + line
    return joined


def locate(number: int, box: Box) -> Span:
    x0, top, x1, bottom = (round(v) for v in box)
    return Span(number, 1, number, 1, f"page {number}, x {x0}–{x1}, y {top}–{bottom}")


def _box(bbox: Sequence[Any]) -> Box:
    return (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))


def _inside(char: Char, boxes: list[Box]) -> bool:
    """Whether a character's centre lies in one of the tables."""
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return any(x0 <= x < x1 and top <= y < bottom for x0, top, x1, bottom in boxes)
