"""Prototype: a scanned page image -> the PDF reader's primitives (chars, edges, bbox).

    chars, edges, bbox, info = page_from_image(img, page_size=(595, 842), engine=engine)
    blocks = reportlint.readers.pdf.read_page(chars, edges, bbox, number)

Steps, all in the image's pixels until the end, where one scale (points per pixel, from
the page size) maps them to pdfplumber's frame (x from the left, top from the top):

1. binarise (fixed threshold: a scan's ink is well under 128, its paper and grey cell fills
   well over), estimate the skew from the projection profile of the dark pixels (text
   lines and rules both run level on a straight page), ±2.5°, and rotate it away;
2. ruling lines: dark runs at least `RULE_MIN_PT` long (1-D closing to bridge a scanner's
   drop-outs, then 1-D opening by run length), along rows for horizontal rules and along
   columns for vertical ones, runs on neighbouring rows merged into one rule at their
   centre; a vertical run is kept only where it starts and ends on a horizontal rule, a
   horizontal one only where a vertical rule meets it (a character's stroke does neither);
3. text: the OCR engine on the deskewed page (rules optionally whited out first, which
   Tesseract needs); each recognised line becomes chars: the engine's own per-character
   boxes if it gives them (RapidOCR), or the line/word box split in proportion to the
   characters' widths (a CJK or full-width character 1 em, others 0.5 em); characters of
   one line tile its box (no gaps inside a recognised line, so pdfplumber inserts no
   spaces in "2.没有现成信息需要另行制作"), all with the line's top and bottom, `size` the
   line's height, and `confidence` the engine's (per character where it gives one).

The engines (`Engine` subclasses) are loaded once and reused: loading RapidOCR's three
ONNX models is most of a cold start.
"""

from __future__ import annotations

import math
import os
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

Char = dict[str, Any]
Edge = dict[str, Any]

INK = 128  # grey level below which a pixel is ink
MAX_SKEW = 2.5  # degrees
RULE_MIN_PT = 14.0  # a rule at least this long (points); longer than a 10.5 pt character's stroke
RULE_GAP_PT = 0.6  # drop-outs this long are bridged
RULE_MIN_H_PT = 18.0  # a horizontal rule at least this long: two characters side by side join strokes
RULE_JOIN_PT = 3.0  # a rule's end within this of another rule meets it


# ----------------------------------------------------------------------------- image prep


def to_grey(img: Image.Image | np.ndarray | str) -> np.ndarray:
    if isinstance(img, str):
        img = Image.open(img)
    if isinstance(img, Image.Image):
        return np.asarray(img.convert("L"))
    if img.ndim == 3:
        return np.asarray(Image.fromarray(img).convert("L"))
    return img


def skew_angle(ink: np.ndarray, limit: float = MAX_SKEW) -> float:
    """The page's skew in degrees (positive: the content is turned counter-clockwise), from
    the projection profile of dark pixels: sharpest when rows of text and rules run level."""
    ys, xs = np.nonzero(ink)
    if len(ys) < 100:
        return 0.0
    if len(ys) > 200_000:  # a sample is plenty
        pick = np.random.default_rng(0).choice(len(ys), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - ink.shape[1] / 2
    h = ink.shape[0]

    def score(deg: float) -> float:
        y = np.round(ys + xs * math.tan(math.radians(deg))).astype(np.int64)
        y = y[(y >= 0) & (y < h)]
        counts = np.bincount(y, minlength=h).astype(np.float64)
        return float((counts**2).sum())

    best = max(np.arange(-limit, limit + 1e-9, 0.1), key=score)
    fine = max(np.arange(best - 0.1, best + 0.1 + 1e-9, 0.02), key=score)
    return float(fine)


def deskew(grey: np.ndarray) -> tuple[np.ndarray, float]:
    angle = skew_angle(grey < INK)
    if abs(angle) < 0.15:  # 0.15° is < 4 px across an A4 page at 200 dpi: not worth a resampling
        return grey, 0.0
    # with y pointing down, content turned by +a (PIL's counter-clockwise) has y = y0 - x tan a,
    # and the profile is sharp at tan(deg) = +tan(a): rotate back by -deg
    out = Image.fromarray(grey).rotate(-angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    return np.asarray(out), angle


# ----------------------------------------------------------------------------- ruling lines


def _window_sum(a: np.ndarray, n: int, axis: int) -> np.ndarray:
    """Sum over a window of n along `axis`, centred (left-biased), same shape."""
    a = np.moveaxis(a.astype(np.int32), axis, -1)
    pad_l, pad_r = (n - 1) // 2, n // 2
    p = np.pad(a, [(0, 0)] * (a.ndim - 1) + [(pad_l + 1, pad_r)])
    c = np.cumsum(p, axis=-1)
    out = c[..., n:] - c[..., :-n]
    return np.moveaxis(out, -1, axis)


def _dilate(a: np.ndarray, n: int, axis: int) -> np.ndarray:
    return _window_sum(a, n, axis) > 0 if n > 1 else a


def _erode(a: np.ndarray, n: int, axis: int) -> np.ndarray:
    return _window_sum(a, n, axis) == n if n > 1 else a


def long_runs(ink: np.ndarray, length: int, gap: int, axis: int) -> np.ndarray:
    """Pixels in runs of ink at least `length` long along `axis` (gaps up to `gap` bridged)."""
    closed = _erode(_dilate(ink, gap + 1, axis), gap + 1, axis) if gap else ink
    opened = _dilate(_erode(closed, length, axis), length, axis)
    return opened & closed


def _segments(mask: np.ndarray) -> list[tuple[int, int, int]]:
    """(row, start, end) of each run of True along each row of mask (end exclusive)."""
    padded = np.pad(mask.astype(np.int8), ((0, 0), (1, 1)))
    d = np.diff(padded, axis=1)
    rs, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    return list(zip(rs.tolist(), starts.tolist(), ends.tolist(), strict=False))


def _rules(mask: np.ndarray, join: int) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows that overlap merged into rules: (centre row, start, end)."""
    groups: list[list[int | float]] = []  # [first_row, last_row, start, end, weighted_row_sum, weight]
    open_: list[list[int | float]] = []
    for r, s, e in _segments(mask):
        host = None
        for g in open_:
            if r - g[1] <= 1 and s < g[3] + join and e > g[2] - join:
                host = g
                break
        if host is None:
            host = [r, r, s, e, 0.0, 0.0]
            groups.append(host)
            open_.append(host)
        host[1], host[2], host[3] = r, min(host[2], s), max(host[3], e)
        host[4] += r * (e - s)
        host[5] += e - s
        open_ = [g for g in open_ if r - g[1] <= 1]
    return [(g[4] / g[5], int(g[2]), int(g[3])) for g in groups]


def ruling_edges(
    grey: np.ndarray, scale: float, text_boxes: list[tuple[float, float, float, float]] | None = None
) -> tuple[list[Edge], np.ndarray]:
    """Horizontal and vertical rules of a (deskewed) page as pdfplumber edge dicts, in
    points (`scale` points a pixel); also the mask of the rules' pixels. `text_boxes`
    (pixels: x0, top, x1, bottom of recognised lines), when known, rule out the strokes of
    characters that look like rules (a stroke through the middle of a line of text)."""
    ink = grey < INK
    length = max(3, round(RULE_MIN_PT / scale))
    gap = max(1, round(RULE_GAP_PT / scale))
    join = max(1, round(RULE_JOIN_PT / scale))
    hmask = long_runs(ink, max(length, round(RULE_MIN_H_PT / scale)), gap, axis=1)
    vmask = long_runs(ink, length, gap, axis=0)
    hs = [h for h in _rules(hmask, join) if _lone(ink.T, hmask.T | vmask.T, h)]  # (y, x0, x1)
    vs = [v for v in _rules(vmask.T, join) if _lone(ink, hmask | vmask, v)]  # (x, y0, y1)
    for x0, top, x1, bottom in text_boxes or ():
        h = bottom - top
        # inside a text line, away from its ends: a character's stroke, no rule
        # (only runs short enough to be strokes: Tesseract's lines may span a cell's rule)
        vs = [
            v
            for v in vs
            if v[2] - v[1] >= 3 * length
            or not (x0 + 0.3 * h < v[0] < x1 - 0.3 * h and min(v[2], bottom) - max(v[1], top) > 0.5 * h)
        ]
        hs = [
            g
            for g in hs
            if g[2] - g[1] >= 3 * length
            or not (
                top + 0.25 * h < g[0] < bottom - 0.25 * h
                and min(g[2], x1) - max(g[1], x0) > 0.5 * (g[2] - g[1])
            )
        ]

    def touches_h(x: float, y: float) -> bool:
        return any(abs(hy - y) <= join and hx0 - join <= x <= hx1 + join for hy, hx0, hx1 in hs)

    def met(x: float, y0: float, y1: float) -> bool:
        return any(hx0 - join <= x <= hx1 + join and y0 - join <= hy <= y1 + join for hy, hx0, hx1 in hs)

    # a rule meets another somewhere (a table continued from the page before has no rule
    # over its first row; a merged cell's rule runs on to the next page), or is longer
    # than any character; a character's stroke is neither
    long_ = 3 * length
    vs = [v for v in vs if v[2] - v[1] >= long_ or met(*v)]

    def crossed(y: float, x0: int, x1: int) -> bool:
        return any(x0 - join <= vx <= x1 + join and vy0 - join <= y <= vy1 + join for vx, vy0, vy1 in vs)

    hs = [h for h in hs if crossed(*h)]
    edges = [_edge(x0 * scale, y * scale, x1 * scale, y * scale, "h") for y, x0, x1 in hs]
    edges += [_edge(x * scale, y0 * scale, x * scale, y1 * scale, "v") for x, y0, y1 in vs]
    return edges, hmask | vmask


def _lone(ink: np.ndarray, rules: np.ndarray, run: tuple[float, int, int], most: float = 0.25) -> bool:
    """Whether a run (centre column `c`, rows a..b of `ink`) stands alone like a rule: along
    most of it the columns just beside it are paper. A character's stroke that happens to be
    long (two characters' strokes joined through a rule they touch) has its other strokes
    attached on either side all along."""
    c, a, b = run
    _h, w = ink.shape
    # the run's own width: columns around c that are ink over most of the run
    lo, hi = round(c), round(c)
    while lo - 1 >= 0 and ink[a:b, lo - 1].mean() > 0.6:
        lo -= 1
    while hi + 1 < w and ink[a:b, hi + 1].mean() > 0.6:
        hi += 1
    left = ink[a:b, max(0, lo - 3) : max(0, lo - 1)].any(axis=1) if lo > 1 else np.zeros(b - a, bool)
    right = ink[a:b, hi + 2 : hi + 4].any(axis=1) if hi + 4 <= w else np.zeros(b - a, bool)
    crossing = (
        rules[a:b, max(0, lo - 3) : hi + 4].any(axis=1) & ~ink[a:b, lo : hi + 1].all(axis=1)
        | rules[a:b, max(0, lo - 3) : max(0, lo - 1)].any(axis=1)
        | rules[a:b, hi + 2 : hi + 4].any(axis=1)
    )
    beside = (left | right) & ~crossing
    return b > a and float(beside.mean()) <= most


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> Edge:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


# ----------------------------------------------------------------------------- text -> chars


@dataclass
class Line:
    """One recognised run of text: its box in pixels and its characters, each with a box
    (x0, x1) if the engine gave one, and a confidence."""

    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    confidence: float
    char_x: list[tuple[float, float]] | None = None
    char_conf: list[float] | None = None


def _em(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def line_chars(line: Line, scale: float) -> list[Char]:
    """A recognised line as char dicts tiling its box (points)."""
    x0, top, x1, bottom = line.box
    text = line.text
    confs = line.char_conf or [line.confidence] * len(text)
    if line.char_x and len(line.char_x) == len(text):
        starts = [min(a, b) for a, b in line.char_x]
        lefts = [x0, *starts[1:]]
        rights = [*starts[1:], max(x1, line.char_x[-1][1])]
        # no gap inside a line: each char reaches the next one's start
        spans = list(zip(lefts, rights, strict=False))
    else:
        weights = [_em(c) for c in text]
        total = sum(weights) or 1.0
        spans, x = [], x0
        for w in weights:
            step = (x1 - x0) * w / total
            spans.append((x, x + step))
            x += step
    out = []
    for ch, (a, b), conf in zip(text, spans, confs, strict=False):
        if not ch.strip():
            continue  # a space is a gap; pdfplumber puts it back if wide enough
        out.append(_char(ch, a * scale, top * scale, b * scale, bottom * scale, conf))
    return out


def _char(text: str, x0: float, top: float, x1: float, bottom: float, conf: float) -> Char:
    return {
        "object_type": "char",
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "size": bottom - top,
        "upright": True,
        "fontname": "OCR",
        "confidence": float(conf),
    }


class Engine:
    name = "?"
    erase_rules = False

    def lines(self, grey: np.ndarray, dpi: float) -> list[Line]:
        raise NotImplementedError


class RapidV3(Engine):
    """`rapidocr` 3.x (PP-OCRv6 small det/rec in the wheel) on onnxruntime, per-char boxes."""

    name = "rapidocr 3 (PP-OCRv6)"

    def __init__(self, threads: int = 2) -> None:
        from rapidocr import RapidOCR

        self.ocr = RapidOCR(
            params={
                "Global.log_level": "warning",
                "Global.return_word_box": True,
                "Global.return_single_char_box": True,
                "Global.use_cls": False,  # pages are upright after deskew; the cls model costs time
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def lines(self, grey: np.ndarray, dpi: float) -> list[Line]:
        img = np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
        r = self.ocr(img)
        if r.boxes is None:
            return []
        out = []
        for box, text, score, words in zip(r.boxes, r.txts, r.scores, r.word_results, strict=False):
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            chars = [w for w in words if w[0]]
            char_x = char_conf = None
            if "".join(w[0] for w in chars) == text:
                char_x = [(min(p[0] for p in w[2]), max(p[0] for p in w[2])) for w in chars]
                char_conf = [float(w[1]) for w in chars]
            out.append(Line(text, (min(xs), min(ys), max(xs), max(ys)), float(score), char_x, char_conf))
        return out


class RapidV1(Engine):
    """`rapidocr_onnxruntime` 1.4.4 (PP-OCRv4 mobile det/rec in the wheel), per-char boxes."""

    name = "rapidocr_onnxruntime 1.4 (PP-OCRv4)"

    def __init__(self, threads: int = 2) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self.ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, use_cls=False)

    def lines(self, grey: np.ndarray, dpi: float) -> list[Line]:
        img = np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
        res, _ = self.ocr(img, return_word_box=True, use_cls=False)
        out = []
        for item in res or []:
            box, text, score = item[0], item[1], item[2]
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            char_x = char_conf = None
            if len(item) > 4 and "".join(item[4]) == text and len(item[3]) == len(text):
                char_x = [(min(p[0] for p in b), max(p[0] for p in b)) for b in item[3]]
                char_conf = [float(c) for c in item[5]] if len(item) > 5 else None
            out.append(Line(text, (min(xs), min(ys), max(xs), max(ys)), float(score), char_x, char_conf))
        return out


class Tesseract(Engine):
    """The `tesseract` CLI (Debian tesseract-ocr + tesseract-ocr-chi-sim), TSV words joined
    into lines; rules whited out first (Tesseract's layout analysis trips on a grid)."""

    name = "tesseract 5.3 chi_sim"
    erase_rules = True

    def __init__(self, lang: str = "chi_sim", psm: int = 6) -> None:
        self.lang, self.psm = lang, psm

    def lines(self, grey: np.ndarray, dpi: float) -> list[Line]:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "page.png")
            Image.fromarray(grey).save(path)
            tsv = subprocess.run(
                [
                    "tesseract",
                    path,
                    "stdout",
                    "-l",
                    self.lang,
                    "--psm",
                    str(self.psm),
                    "--dpi",
                    str(int(dpi)),
                    "-c",
                    "preserve_interword_spaces=1",
                    "tsv",
                ],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            ).stdout
        words: dict[tuple[int, ...], list[tuple[str, float, float, float, float, float]]] = {}
        for row in tsv.splitlines()[1:]:
            f = row.split("\t")
            if len(f) < 12 or f[0] != "5" or not f[11].strip():
                continue
            key = tuple(int(v) for v in f[1:5])  # page, block, par, line
            left, top, w, h, conf = int(f[6]), int(f[7]), int(f[8]), int(f[9]), float(f[10])
            words.setdefault(key, []).append((f[11].strip(), left, top, left + w, top + h, conf))
        out = []
        for ws in words.values():
            ws.sort(key=lambda w: w[1])
            # a line is cut where two words stand wider apart than a line's height: separate cells
            height = max(w[4] for w in ws) - min(w[2] for w in ws)
            run = [ws[0]]
            for w in [*ws[1:], None]:
                if w is not None and w[1] - run[-1][3] <= height:
                    run.append(w)
                    continue
                text = "".join(x[0] for x in run)
                x0, x1 = run[0][1], run[-1][3]
                top, bottom = min(x[2] for x in run), max(x[4] for x in run)
                # each word's own box, split in proportion: characters keep their word's place
                char_x, char_conf = [], []
                for word, left_x, _, right_x, _, conf in run:
                    weights = [_em(c) for c in word]
                    total, x = sum(weights), float(left_x)
                    for _c, wt in zip(word, weights, strict=False):
                        step = (right_x - left_x) * wt / total
                        char_x.append((x, x + step))
                        char_conf.append(conf / 100)
                        x += step
                conf = sum(char_conf) / len(char_conf)
                out.append(Line(text, (x0, top, x1, bottom), conf, char_x, char_conf))
                if w is not None:
                    run = [w]
        return out


ENGINES = {"rapidocr3": RapidV3, "rapidocr1": RapidV1, "tesseract": Tesseract}


@dataclass
class PageInfo:
    angle: float = 0.0
    seconds: dict[str, float] = field(default_factory=dict)
    lines: int = 0


def page_from_image(
    img: Image.Image | np.ndarray | str,
    page_size: tuple[float, float],
    engine: Engine,
    dpi: float | None = None,
) -> tuple[list[Char], list[Edge], tuple[float, float, float, float], PageInfo]:
    """The reader's primitives for a page image of a page `page_size` points wide and high."""
    info = PageInfo()
    t = time.perf_counter()
    grey = to_grey(img)
    grey, info.angle = deskew(grey)
    scale = page_size[0] / grey.shape[1]  # points per pixel
    dpi = dpi or 72.0 / scale
    info.seconds["deskew"] = time.perf_counter() - t
    t = time.perf_counter()
    _, rule_mask = ruling_edges(grey, scale)
    info.seconds["rules"] = time.perf_counter() - t
    t = time.perf_counter()
    text_img = (
        np.where(_dilate(_dilate(rule_mask, 3, 0), 3, 1), 255, grey).astype(np.uint8)
        if engine.erase_rules
        else grey
    )
    lines = engine.lines(text_img, dpi)
    info.seconds["ocr"] = time.perf_counter() - t
    info.lines = len(lines)
    t = time.perf_counter()
    edges, _ = ruling_edges(grey, scale, [line.box for line in lines])
    info.seconds["rules"] += time.perf_counter() - t
    chars = [c for line in lines for c in line_chars(line, scale)]
    return chars, edges, (0.0, 0.0, float(page_size[0]), float(page_size[1])), info


def read_scanned_pdf(path: str, engine: Engine, dpi: float = 200) -> Any:
    """An image-only PDF read through OCR: each page with no text is rendered by PDFium at
    `dpi` and OCR'd; pages with text are read as the reader reads them. A Document."""
    import pypdfium2 as pdfium

    from reportlint.document import Document
    from reportlint.readers.pdf import join_paragraphs, read_page
    from reportlint.readers.pdfium_page import page_primitives

    pdf = pdfium.PdfDocument(path)
    blocks = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            chars, edges, bbox = page_primitives(page)
            if not chars:
                w, h = page.get_size()
                grey = page.render(scale=dpi / 72, grayscale=True).to_pil()
                chars, edges, bbox, _ = page_from_image(grey, (w, h), engine)
            page.close()
            blocks += read_page(chars, edges, bbox, i + 1)
    finally:
        pdf.close()
    return Document(path=path, format="pdf", encoding=None, blocks=join_paragraphs(blocks))
