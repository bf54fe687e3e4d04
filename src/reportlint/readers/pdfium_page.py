"""A PDF page's characters and ruling lines read by PDFium, in pdfplumber's terms.

The PDF reader (`reportlint.readers.pdf`) lays a page out from two primitives: the
characters and the ruling lines. pdfplumber reads them with pdfminer, pure Python, at
100–170 ms a page; PDFium (C, through pypdfium2's ctypes bindings) reads the same in a
few milliseconds. This module reads them from PDFium and hands them over in pdfplumber's
own dict form, so that pdfplumber's table finder and text-line grouping — pure functions
of these dicts — still do the layout:

- characters as pdfplumber's char dicts: ``text``, ``x0``, ``x1``, ``top``, ``bottom``,
  ``size``, ``upright``, ``fontname`` (+ ``doctop``, ``width``, ``height``, ``object_type``),
  with the characters drawn twice over themselves (a fake bold) dropped, like
  ``page.dedupe_chars()``;
- ruling lines, only of paths that leave a mark (a white or transparent box painted behind
  a line of text, as WPS and Word do, is no rule), as pdfplumber's edge dicts: ``x0``, ``x1``, ``top``, ``bottom``, ``width``,
  ``height``, ``orientation`` ("h" or "v"), ``object_type``, built from every painted path
  object the way pdfminer classifies paths (a two-point path is a line, a closed
  axis-aligned four-sided path is a rectangle giving 4 edges, anything else a curve giving
  one edge per segment), form XObjects included;
- tables from those edges with pdfplumber's own table functions (``merge_edges``,
  ``edges_to_intersections``, ``intersections_to_cells``, ``cells_to_tables``) and its
  default "lines" settings, returned as ``pdfplumber.table.Table`` objects whose
  ``extract()`` reads the pdfium characters.

Coordinates are pdfplumber's: points, x from the left and ``top`` from the top of the
MediaBox, in the displayed orientation of a page with /Rotate, exactly the transformation
pdfminer applies (so a page whose MediaBox does not start at 0,0 gets pdfplumber's
numbers, not PDFium's CropBox-relative page size).

Where the character boxes come from: PDFium's ``FPDFText_GetCharBox`` is the glyph's
tight outline box (an "一" is a sliver), useless for lines, and ``FPDFText_GetLooseCharBox``
spans the font's descent to its ascent (1.35 em for Times New Roman), falls back to the
tight box for a Type 3 glyph, and forgets the text matrix for vertical writing. So the box
is built the way pdfminer builds it, in text space: from the char's origin
(``FPDFText_GetCharOrigin``) to its advance (``FPDFFont_GetGlyphWidth``, which takes a
Unicode code point), from the font's descent (``FPDFFont_GetDescent``) to descent + 1 em
(``FPDFText_GetFontSize``, the Tf size), then through the char's matrix
(``FPDFText_GetMatrix``, the text run's matrix: its translation is the run's start, not
the char's) and the page frame. The one difference left is the descent: where the
FontDescriptor says /Descent 0 (LibreOffice) or has none (Type 3, Chromium), pdfminer
uses 0 and PDFium the font program's, so the box sits 0.12-0.18 em lower, on the glyph.

Other differences from pdfplumber's chars, all found on real files:
- PDFium's text page maps a few compatibility characters to their canonical form, as NFKC
  would: Chromium's ToUnicode gives Kangxi radicals ("⼀" U+2F00), PDFium returns "一"
  U+4E00; a "ﬁ" ligature is two chars "f", "i" (with the ligature's box each);
- PDFium's text page already drops a run drawn again over itself (fake bold), so
  `dedupe_chars` rarely finds anything left to drop;
- vertical writing (Identity-V, used by WPS for a merged cell's upright label) is recognised
  by PDFium's loose box ignoring the text matrix: a heuristic that only works when the text
  matrix scales (WPS writes 0.05 × 20 em); with an unscaled matrix such a char's box is
  0.12 em off vertically;
- a char's order may differ (vertical runs on a turned page): the reader sorts by position.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Char = dict[str, Any]
Edge = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f as in PDF

_FLAT = 1e-3  # points: a segment this close to level is horizontal (PDFium's points are float32)
_DUPLICATE = 1.0  # points: pdfplumber's dedupe_chars tolerance
_WHITE = 250  # of 255: paint this light in every channel is white on a white page
_MAY_BE_GENERATED = frozenset((0x20, 0x0D, 0x0A, 0x02))  # what FPDFText_IsGenerated can be true of


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies m, then n (PDF's row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class PageFrame:
    """From PDF user space to pdfplumber's (x, top), the way pdfminer and pdfplumber do it.

    pdfminer starts from a CTM that moves the MediaBox origin to 0,0 and turns the page by
    its /Rotate; pdfplumber then adds the MediaBox's x0 back and flips y against the
    (rotated) MediaBox height, plus its own offset for a MediaBox whose y0 is not 0.
    """

    to_device: Matrix  # user space -> pdfminer's space (y up)
    height: float
    x_shift: float
    top_shift: float
    width: float = 0.0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The page as pdfplumber's (x0, top, x1, bottom)."""
        return (self.x_shift, self.top_shift, self.x_shift + self.width, self.top_shift + self.height)

    @classmethod
    def of(cls, page: pdfium.PdfPage) -> PageFrame:
        x0, y0, x1, y1 = page.get_mediabox()
        rotation = page.get_rotation() % 360
        ctm: Matrix = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        lx, hx = sorted((x0, x1))
        ly, hy = sorted((y0, y1))
        if rotation in (90, 270):
            lx, ly, hx, hy = ly, lx, hy, hx
        height = hy - ly
        return cls(ctm, height, lx, height - hy, hx - lx)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point as pdfplumber's (x, top)."""
        dx, dy = apply(self.to_device, x, y)
        return dx + self.x_shift, self.height - dy + self.top_shift

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as pdfplumber's (x0, top, x1, bottom)."""
        xa, ta = self.point(left, bottom)
        xb, tb = self.point(right, top)
        return min(xa, xb), min(ta, tb), max(xa, xb), max(ta, tb)


# ---------------------------------------------------------------------------- characters


def page_chars(page: pdfium.PdfPage, frame: PageFrame) -> list[Char]:
    """The page's characters as pdfplumber char dicts, in content order.

    PDFium's own generated characters (the line breaks and most spaces it infers between
    text runs) are left out: pdfplumber only has the characters the page draws. A generated
    space that parts a Latin letter, digit or half-width sign from its neighbour on the same
    line is kept: Chromium draws no space glyph but moves the pen, and a person reads
    "(一) 主动公开" there, with its space. Between two Chinese characters it is dropped:
    justified Chinese is spaced out, not written with spaces.
    """
    textpage = raw.FPDFText_LoadPage(page.raw)
    if not textpage:
        return []
    try:
        chars = _placed_spaces(list(_chars(textpage, frame)))
    finally:
        raw.FPDFText_ClosePage(textpage)
    return dedupe_chars(chars)


def _placed_spaces(chars: list[Char]) -> list[Char]:
    """The generated spaces kept (see page_chars), each given the gap it stands in as its box."""
    out: list[Char] = []
    for n, char in enumerate(chars):
        if not char.get("generated"):
            out.append(char)
            continue
        before, after = (out[-1] if out else None), (chars[n + 1] if n + 1 < len(chars) else None)
        if before is None or after is None or after.get("generated") or before["text"] == " ":
            continue
        same_line = abs(before["top"] - after["top"]) < 0.5 * before["size"] and after["x0"] > before["x1"]
        if same_line and not (_is_cjk(before["text"]) and _is_cjk(after["text"])):
            out.append(
                {
                    **before,
                    "text": " ",
                    "x0": before["x1"],
                    "x1": after["x0"],
                    "width": after["x0"] - before["x1"],
                }
            )
    return out


def _is_cjk(text: str) -> bool:
    """A Chinese character or full-width sign: one that Chinese text sets without spaces."""
    return text >= "\u2e80"


def _chars(textpage: Any, frame: PageFrame) -> Iterator[Char]:
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox = ctypes.c_double()
    oy = ctypes.c_double()
    fonts: dict[int, _Font] = {}
    by_object: dict[int, _Font] = {}
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE):  # PDFium's marks for no character
            continue
        if code in _MAY_BE_GENERATED and raw.FPDFText_IsGenerated(textpage, i) == 1:
            if code == 0x20:  # a space PDFium inferred from a gap: placed or dropped by _placed_spaces
                yield {"text": " ", "generated": True}
            continue  # a line break PDFium inferred between runs: not drawn
        em = raw.FPDFText_GetFontSize(textpage, i)  # the Tf size, before the text matrix and CTM
        raw.FPDFText_GetMatrix(textpage, i, matrix)
        font = _font(textpage, i, fonts, by_object)
        raw.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        # the char's matrix: the text run's scale and turn, moved to this char's origin
        m = (matrix.a, matrix.b, matrix.c, matrix.d, ox.value, oy.value)
        device = multiply(m, frame.to_device)
        a, b, c, d = device[:4]
        upright = a * d > 0 and b * c <= 0
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        loose = None  # the loose box's width: read only where it is needed (a ctypes call a char)
        if abs(scale - 1) > 1e-3:
            raw.FPDFText_GetLooseCharBox(textpage, i, rect)
            loose = rect.right - rect.left
        if loose is not None and abs(loose - em) < 1e-2:
            # Vertical writing (Identity-V): PDFium's loose box forgets the text matrix here, and
            # its origin is the corner of pdfminer's box, which is 1 em square.
            size = em * scale
            x0, top, x1, bottom = frame.box(ox.value, oy.value, ox.value + size, oy.value + size)
        else:
            # pdfminer's box in text space: origin to advance, descent to descent + 1 em.
            advance = font.width(code, em)
            if advance is None:  # the font cannot say: the loose box's width, in text space
                if loose is None:
                    raw.FPDFText_GetLooseCharBox(textpage, i, rect)
                    loose = rect.right - rect.left
                advance = loose / scale if scale else loose
            low = font.descent * em
            if matrix.b == 0 and matrix.c == 0:  # the usual case: scaled, not turned
                xa, xb = ox.value, ox.value + advance * matrix.a
                ya, yb = oy.value + low * matrix.d, oy.value + (low + em) * matrix.d
                x0, top, x1, bottom = frame.box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
            else:
                corners = [apply(m, u, v) for u in (0.0, advance) for v in (low, low + em)]
                xs = [p[0] for p in corners]
                ys = [p[1] for p in corners]
                x0, top, x1, bottom = frame.box(min(xs), min(ys), max(xs), max(ys))
            size = bottom - top  # pdfminer's size is the box's height (a turned char: its width)
        text = chr(code)
        if 0xD800 <= code <= 0xDBFF:  # a surrogate pair is two of PDFium's chars; rare in reports
            text = "\ufffd"
        yield {
            "object_type": "char",
            "text": text,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": x1 - x0,
            "height": bottom - top,
            "size": size,
            "upright": upright,
            "fontname": font.name,
        }


@dataclass
class _Font:
    """What a character's box needs of its font, read once per font object."""

    handle: Any
    name: str
    descent: float  # in em, negative below the baseline
    widths: dict[tuple[int, float], float | None] = field(default_factory=dict)

    def width(self, code: int, em: float) -> float | None:
        """The advance in text space (before the text matrix): the font's width for the char.

        PDFium's FPDFFont_GetGlyphWidth takes a Unicode code point and maps it back to the
        font's char code; None where that fails. Kept per font: reports repeat characters.
        """
        key = (code, em)
        if key not in self.widths:
            out = ctypes.c_float()
            found = raw.FPDFFont_GetGlyphWidth(self.handle, code, ctypes.c_float(em), out)
            self.widths[key] = float(out.value) if found and out.value > 0 else None
        return self.widths[key]


def _font(textpage: Any, index: int, cache: dict[int, _Font], by_object: dict[int, _Font]) -> _Font:
    """The font of the character's text object (text objects hold many characters: kept by both)."""
    textobj = raw.FPDFText_GetTextObject(textpage, index)
    address = (ctypes.cast(textobj, ctypes.c_void_p).value or 0) if textobj else 0
    if address and address in by_object:
        return by_object[address]
    handle = raw.FPDFTextObj_GetFont(textobj) if textobj else None
    key = (ctypes.cast(handle, ctypes.c_void_p).value or 0) if handle else 0
    if address:
        by_object[address] = _font_of(handle, key, cache)
        return by_object[address]
    return _font_of(handle, key, cache)


def _font_of(handle: Any, key: int, cache: dict[int, _Font]) -> _Font:
    if key not in cache:
        name = ""
        descent = ctypes.c_float()
        if handle:
            size = raw.FPDFFont_GetBaseFontName(handle, None, 0)
            if size > 0:
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFFont_GetBaseFontName(handle, buffer, size)
                name = buffer.value.decode("utf-8", "replace")
            if not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1.0), descent):
                descent.value = 0.0
        cache[key] = _Font(handle, name, min(0.0, float(descent.value)))
    return cache[key]


def dedupe_chars(chars: list[Char], tolerance: float = _DUPLICATE) -> list[Char]:
    """The characters without those drawn again within `tolerance` of the same text.

    pdfplumber's ``dedupe_chars`` compares text, upright, font name and size, then the
    position within 1 pt (by clustering); this keeps the first of each such group in
    content order, which is the same set unless duplicates chain across the tolerance.
    PDFium's text page has usually removed such a duplicate already. Not pdfplumber's own
    function: it puts the survivors back in order with `chars.index`, quadratic in a page's
    characters (six times slower on the test PDFs, for the same result).
    """
    kept: dict[tuple[Any, ...], list[Char]] = {}  # by what must agree, and the point on a 1 pt grid
    out: list[Char] = []
    for char in chars:
        same = (char["text"], char["upright"], char["fontname"], round(char["size"], 3))
        row, column = int(char["top"] // tolerance), int(char["x0"] // tolerance)
        near = (
            other
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for other in kept.get((*same, row + dy, column + dx), ())
        )
        if any(
            abs(o["top"] - char["top"]) <= tolerance and abs(o["x0"] - char["x0"]) <= tolerance for o in near
        ):
            continue
        kept.setdefault((*same, row, column), []).append(char)
        out.append(char)
    return out


# ---------------------------------------------------------------------------- ruling lines


def page_edges(page: pdfium.PdfPage, frame: PageFrame) -> list[Edge]:
    """Every horizontal and vertical edge of the page's painted paths, as pdfplumber's edges.

    Same classification as pdfminer + pdfplumber: each subpath is a line (2 points), a
    rectangle (closed, 4 sides, axis-aligned: its 4 sides are edges, so a thin filled
    rectangle drawn as a rule gives two close horizontal edges that the table finder snaps
    together, and two stubs it drops), or a curve (each segment is an edge if it is level
    or upright). Paths that are neither stroked nor filled (clipping paths) are skipped.
    """
    edges: list[Edge] = []
    for obj, matrix in _path_objects(page.raw, frame.to_device):
        edges += _path_edges(obj, matrix, frame)
    return edges


def _path_objects(page: Any, device: Matrix) -> Iterator[tuple[Any, Matrix]]:
    """The page's path objects, each with its matrix to pdfminer's space, forms opened."""
    for i in range(raw.FPDFPage_CountObjects(page)):
        yield from _walk(raw.FPDFPage_GetObject(page, i), device)


def _walk(obj: Any, outer: Matrix) -> Iterator[tuple[Any, Matrix]]:
    kind = raw.FPDFPageObj_GetType(obj)
    if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
        return
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    matrix = multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    if kind == raw.FPDF_PAGEOBJ_PATH:
        yield obj, matrix
    else:
        for i in range(raw.FPDFFormObj_CountObjects(obj)):
            yield from _walk(raw.FPDFFormObj_GetObject(obj, i), matrix)


def _path_edges(obj: Any, matrix: Matrix, frame: PageFrame) -> list[Edge]:
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    stroked = bool(stroke.value) and _marks(raw.FPDFPageObj_GetStrokeColor, obj)
    filled = bool(fill.value) and _marks(raw.FPDFPageObj_GetFillColor, obj)
    if not stroked and not filled:  # a clipping path, or paint a person cannot see
        return []
    x = ctypes.c_float()
    y = ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    closed: list[bool] = []
    bezier = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:  # two control points, then the end point
                continue
        else:
            bezier = 0
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        dx, dy = apply(matrix, x.value, y.value)
        point = (dx + frame.x_shift, frame.height - dy + frame.top_shift)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
            closed.append(False)
        else:
            subpaths[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            closed[-1] = True
    edges: list[Edge] = []
    for points, is_closed in zip(subpaths, closed, strict=True):
        edges += _subpath_edges(points, is_closed)
    return edges


def _marks(get_color: Any, obj: Any) -> bool:
    """Whether paint of this colour shows on a white page: not white, not transparent."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not get_color(obj, red, green, blue, alpha):
        return True  # a pattern or a colour space PDFium does not report: assume it shows
    if alpha.value == 0:
        return False
    return min(red.value, green.value, blue.value) < _WHITE


def _subpath_edges(points: list[tuple[float, float]], is_closed: bool) -> list[Edge]:
    if is_closed and points[-1] != points[0]:
        points = [*points, points[0]]
    if len(points) == 3 and is_closed and points[2] == points[0]:
        points = points[:2]  # "m l h": pdfminer's line
    if len(points) == 2:
        return [_edge(points[0], points[1], "line")]
    if len(points) == 5 and _same(points[0], points[4]) and _is_rectangle(points):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        return [
            _edge((x0, top), (x1, top), "rect_edge"),
            _edge((x0, bottom), (x1, bottom), "rect_edge"),
            _edge((x0, top), (x0, bottom), "rect_edge"),
            _edge((x1, top), (x1, bottom), "rect_edge"),
        ]
    return [_edge(p, q, "curve_edge") for p, q in itertools.pairwise(points) if _level(p, q)]


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _FLAT and abs(p[1] - q[1]) <= _FLAT


def _level(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _FLAT or abs(p[1] - q[1]) <= _FLAT


def _is_rectangle(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]

    def eq(a: float, b: float) -> bool:
        return abs(a - b) <= _FLAT

    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0)
    )


def _edge(p: tuple[float, float], q: tuple[float, float], kind: str) -> Edge:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    vertical = x1 - x0 <= _FLAT
    if vertical:
        x1 = x0
    elif bottom - top <= _FLAT:
        bottom = top
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": "v" if vertical else "h",
    }


# ---------------------------------------------------------------------------- primitives, tables


def page_primitives(page: pdfium.PdfPage) -> tuple[list[Char], list[Edge], tuple[float, float, float, float]]:
    """The page's characters (fake bold deduplicated), its horizontal and vertical edges, and its box."""
    frame = PageFrame.of(page)
    return page_chars(page, frame), page_edges(page, frame), frame.bbox


def _closing_rules(edges: list[Edge], tolerance: float) -> list[Edge]:
    """Rules a person sees although none is drawn: where a table's vertical rules all end.

    A table continued on the next page often has no rule above its first row there
    (Chromium's collapsed borders draw it at the foot of the page before); the columns'
    rules still start at the same height, and a person reads a row between them. Where two
    or more vertical rules start (or end) at one height and no horizontal rule runs there,
    one is added from the first to the last of them, so the row is a row of cells.
    """
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    added: list[Edge] = []
    for end in ("top", "bottom"):
        for group in _by_height(vertical, end, tolerance):
            if len({round(e["x0"]) for e in group}) < 2:
                continue
            y = min(e[end] for e in group) if end == "top" else max(e[end] for e in group)
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            if any(
                abs(h["top"] - y) <= tolerance and h["x0"] <= x0 + tolerance and h["x1"] >= x1 - tolerance
                for h in horizontal
            ):
                continue
            added.append(_edge((x0, y), (x1, y), "closing_rule"))
    return added


def _by_height(edges: list[Edge], end: str, tolerance: float) -> list[list[Edge]]:
    """Edges grouped by where they start (`top`) or end (`bottom`), within `tolerance`."""
    groups: list[list[Edge]] = []
    for edge in sorted(edges, key=lambda e: e[end]):
        if groups and edge[end] - groups[-1][-1][end] <= tolerance:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    return groups


@dataclass
class CharPage:
    """Just enough of a pdfplumber page for ``Table.extract()``: its characters and bbox."""

    chars: list[Char]
    bbox: tuple[float, float, float, float]


def find_tables(
    edges: list[Edge],
    chars: list[Char] | None = None,
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    snap_tolerance: float = 3,
    join_tolerance: float = 3,
    edge_min_length: float = 3,
    edge_min_length_prefilter: float = 1,
    intersection_tolerance: float = 3,
) -> list[Any]:
    """pdfplumber's "lines" table finder run on these edges; defaults are pdfplumber's.

    Returns ``pdfplumber.table.Table`` objects (cells, rows, bbox, ``extract()`` over
    `chars`), the same as ``page.find_tables()``, ordered the same way.
    """
    from pdfplumber.table import (
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    base = [
        e
        for e in edges
        if (e["height"] if e["orientation"] == "v" else e["width"]) >= edge_min_length_prefilter
    ]
    # pdfplumber passes the vertical edges first, then the horizontal ones
    base = [e for e in base if e["orientation"] == "v"] + [e for e in base if e["orientation"] == "h"]
    merged = merge_edges(base, snap_tolerance, snap_tolerance, join_tolerance, join_tolerance)
    kept = [e for e in merged if (e["height"] if e["orientation"] == "v" else e["width"]) >= edge_min_length]
    kept += _closing_rules(kept, snap_tolerance)
    intersections = edges_to_intersections(kept, intersection_tolerance, intersection_tolerance)
    cells = intersections_to_cells(intersections)
    tables = []
    for group in cells_to_tables(cells):
        # each table reads only the characters over it: Table.extract() tests every character per row
        x0, top = min(c[0] for c in group), min(c[1] for c in group)
        x1, bottom = max(c[2] for c in group), max(c[3] for c in group)
        over = [
            c
            for c in chars or ()
            if x0 <= c["x1"] and c["x0"] <= x1 and top <= c["bottom"] and c["top"] <= bottom
        ]
        tables.append(Table(CharPage(over, bbox), group))  # type: ignore[arg-type]
    return tables
