"""The Word (.docx) reader: paragraphs and tables in the order the author wrote them.

python-docx opens the package; the body is then walked element by element, because its
`paragraphs` and `tables` lists lose the order between the two. Three things of Word's
own are rendered as a reader of the printed page sees them:

- automatic numbering: Word draws "一、", "（一）", "1." itself from numbering.xml, so
  the number is not in the paragraph's text; it is rendered here and put in front;
- merged cells: a cell merged across columns (gridSpan) or down rows (vMerge) becomes
  one `Cell` with its colspan and rowspan, in its top-left position only;
- addresses: a DOCX has no lines, so every span carries a locator ("paragraph 12",
  "table 2, row 5, cell 3", all 1-based; a cell is counted as Word counts it in a row)
  and its `line` is the block's 1-based place in the document.

Nested tables and text boxes are left out (their text is not part of the report's flow).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlint.document import Block, BlockKind, Cell, Document, Fragment, Row, Span
from reportlint.limits import CellCount
from reportlint.readers import ReadError
from reportlint.readers.archive import chunks, open_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_VAL = f"{_W}val"
_PPR = f"{_W}pPr"
_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_NUMPR = f"{_W}numPr"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc (and other OLE files)
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*\S.{0,40}$")
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*\d", re.I)
_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
_SKIPPED_IN_TEXT = {f"{_W}pPr", f"{_W}rPr", f"{_W}txbxContent", f"{_W}del", f"{_W}moveFrom"}


class DocxReader:
    name = "docx"
    extensions = (".docx",)

    def read(self, path: str, data: bytes) -> Document:
        document = _open(data)
        builder = _Builder(_Styles(_part_element(document, _STYLES)))
        builder.numbering = _Numbering(_part_element(document, _NUMBERING), builder.styles)
        builder.walk(_body(document))
        return Document(
            path=path,
            format="docx",
            encoding=None,
            blocks=builder.blocks,
            source_lines=[" ".join(b.text.split("\n")) for b in builder.blocks],
        )


# ── opening the package ──────────────────────────────────────────────────────


def _open(data: bytes) -> Any:
    """The python-docx Document, or ReadError with a one-line reason (never python-docx's own error)."""
    import docx

    names = _zip_names(data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx, zipfile, zlib and lxml raise many kinds: all mean "unreadable"
        if "word/document.xml" not in names:
            raise ReadError(
                "not a valid Word (.docx) file: the zip archive has no word/document.xml"
            ) from exc
        raise ReadError(f"not a valid Word (.docx) file: {_first_line(exc)}") from exc


def _zip_names(data: bytes) -> set[str]:
    """The members of the zip a DOCX is; ReadError when it is none (an old .doc, a damaged file).

    The archive's entry count and unpacked size are checked against the bounds before
    anything is unpacked (a zip bomb is E006), and no part may declare a DTD (below).
    """
    if data.startswith(_OLE_MAGIC):
        raise ReadError("a Word 97–2003 (.doc) file named .docx: save it as .docx")
    try:
        with open_zip(data) as archive:
            _no_dtd(archive)
            return set(archive.namelist())
    except ReadError:
        raise
    except Exception as exc:  # BadZipFile mostly; a damaged directory can raise others
        raise ReadError(
            f"not a valid Word (.docx) file: not a zip archive, or a damaged one ({_first_line(exc)})"
        ) from exc


# "<!DOCTYPE" and "<!ENTITY" as UTF-8 and as UTF-16 (either byte order) spell them
_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def _no_dtd(archive: zipfile.ZipFile) -> None:
    """Refuse a package any of whose parts declares a DTD.

    Office Open XML parts never carry one (ECMA-376 Part 2 forbids it), and a DTD is how
    XML reaches outside itself (external entities: XXE) or expands a few bytes into
    gigabytes (nested entities: billion laughs). lxml, under python-docx, leaves external
    entities unresolved and stops entity amplification, but a part with a DTD is refused
    before any parser sees it, so that safety does not rest on a parser's defaults.
    """
    longest = max(len(mark) for mark in _DTD_MARKS)
    for info in archive.infolist():
        tail = b""
        for piece in chunks(archive, info):
            window = tail + piece
            if any(mark in window for mark in _DTD_MARKS):
                raise ReadError(
                    f"not a valid Word (.docx) file: the part {info.filename} declares a DTD "
                    "(<!DOCTYPE …>), which Word never writes; it is not read, for safety (XXE, entity expansion)"
                )
            tail = window[-longest:]


def _body(document: Any) -> Any:
    """The w:body; a package python-docx opens may still hold none it knows (Strict Open XML)."""
    root = document.element
    body = root.find(f"{_W}body")
    if body is not None:
        return body
    if "purl.oclc.org/ooxml" in str(root.tag):
        raise ReadError("a Word file saved as Strict Open XML: save it as an ordinary Word document (.docx)")
    raise ReadError("not a valid Word (.docx) file: word/document.xml has no document body")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _part_element(document: Any, reltype: str) -> Any:
    """The root element of a related part, or None (python-docx would create a default one)."""
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, ValueError, AttributeError):
        return None


# ── small XML helpers ────────────────────────────────────────────────────────


def _val(element: Any, path: str) -> str | None:
    """The w:val of the first child at `path` (e.g. "w:pPr/w:pStyle"), or None."""
    for tag in _steps(path):
        if element is None:
            return None
        element = element.find(tag)
    if element is None:
        return None
    value = element.get(_VAL)
    return None if value is None else str(value)


@functools.lru_cache(maxsize=64)
def _steps(path: str) -> tuple[str, ...]:
    """ "w:a/w:b" as Clark names, one child step each (lxml finds a plain tag much faster than a path)."""
    return tuple(step.replace("w:", _W) for step in path.split("/"))


def _int(value: str | None, default: int, low: int = 0, high: int = 10_000) -> int:
    try:
        return max(low, min(int(str(value).strip()), high))
    except (TypeError, ValueError):
        return default


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


# ── styles ───────────────────────────────────────────────────────────────────


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: str | None
    outline: bool


class _Styles:
    """Paragraph styles by id: enough to know a heading and a style's list numbering."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, _Style] = {}
        self._headings: dict[str | None, bool] = {}  # per style id: paragraphs repeat a few styles
        self._numbering: dict[str | None, tuple[str, str | None] | None] = {}
        self.list_styles: dict[str, str] = {}  # numbering style id → its numId (numStyleLink targets)
        self.default: str | None = None
        for style in root.iter(f"{_W}style") if root is not None else ():
            style_id = style.get(f"{_W}styleId")
            kind = style.get(f"{_W}type", "paragraph")
            if style_id is not None and kind == "numbering":
                self.list_styles[style_id] = _val(style, "w:pPr/w:numPr/w:numId") or ""
            if style_id is None or kind != "paragraph":
                continue
            if style.get(f"{_W}default") in ("1", "true", "on"):
                self.default = style_id
            self.by_id[style_id] = _Style(
                name=_val(style, "w:name") or style_id,
                based_on=_val(style, "w:basedOn"),
                num_id=_val(style, "w:pPr/w:numPr/w:numId"),
                ilvl=_val(style, "w:pPr/w:numPr/w:ilvl"),
                outline=_val(style, "w:pPr/w:outlineLvl") is not None,
            )

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        current = style_id or self.default
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            yield current, self.by_id[current]
            current = self.by_id[current].based_on

    def is_heading(self, style_id: str | None) -> bool:
        if style_id not in self._headings:
            chain = self.chain(style_id)
            self._headings[style_id] = any(_HEADING_STYLE.match(s.name) or s.outline for _, s in chain)
        return self._headings[style_id]

    def numbering(self, style_id: str | None, linked: dict[str, int]) -> tuple[str, str | None] | None:
        """(numId, ilvl) a paragraph of this style is numbered with, from the nearest style that says."""
        if style_id not in self._numbering:
            found = next(((sid, s) for sid, s in self.chain(style_id) if s.num_id is not None), None)
            if found is None:
                self._numbering[style_id] = None
            else:
                sid, style = found
                ilvl = style.ilvl if style.ilvl is not None else _str(linked.get(sid))
                self._numbering[style_id] = (str(style.num_id), ilvl)
        return self._numbering[style_id]


def _str(value: int | None) -> str | None:
    return None if value is None else str(value)


# ── numbering ────────────────────────────────────────────────────────────────


@dataclass
class _Level:
    start: int = 0  # ECMA-376 17.9.25: an omitted start is zero
    fmt: str = "decimal"
    text: str | None = None
    legal: bool = False  # isLgl: every number in the text drawn as decimal
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    space: bool = False  # suff = space


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # lvlOverride/lvl per level


class _Numbering:
    """Word's list numbering, rendered in document order.

    Counters belong to the abstract definition, as in Word: two w:num that share an
    abstractNum continue one sequence unless one of them overrides the start
    (startOverride), which restarts that level the first time the w:num is used.
    """

    def __init__(self, root: Any, styles: _Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId → numStyleLink style id
        self.linked_levels: dict[str, int] = {}  # pStyle → ilvl of the level tied to that style
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: Any) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):
            key = str(abstract.get(f"{_W}abstractNumId"))
            self.abstracts[key] = {}
            link = _val(abstract, "w:numStyleLink")
            if link:
                self.style_links[key] = link
            for lvl in abstract.iter(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), 0, 0, 8)
                self.abstracts[key][ilvl] = _level(lvl)
                style = _val(lvl, "w:pStyle")
                if style:
                    self.linked_levels[style] = ilvl
        for num in root.iter(f"{_W}num"):
            entry = _Num(str(_val(num, "w:abstractNumId")))
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0, 0, 8)
                start = _val(override, "w:startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start, 0)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[str(num.get(f"{_W}numId"))] = entry

    def label(self, p: Any) -> str:
        """The number Word draws before paragraph `p` ("一、", "（二）", "3."), counting it; "" if none."""
        found = self._num_of(p)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self.nums[num_id]
        abstract = self._abstract(num.abstract)
        levels = {**self.abstracts.get(abstract, {}), **num.levels}
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet" or level.text is None:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for overridden in num.starts:
                counters.pop(overridden, None)
        self._count(counters, levels, num, ilvl)
        return _render(level, levels, counters, num) + (" " if level.space else "")

    def _num_of(self, p: Any) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own numPr, else from its style chain."""
        ppr = p.find(_PPR)
        num_pr = ppr.find(_NUMPR) if ppr is not None else None
        num_id = _val(num_pr, "w:numId")
        ilvl = _val(num_pr, "w:ilvl")
        if num_id is None:
            inherited = self.styles.numbering(_val(ppr, "w:pStyle"), self.linked_levels)
            if inherited is not None:
                num_id, ilvl = inherited[0], ilvl if ilvl is not None else inherited[1]
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, _int(ilvl, 0, 0, 8)

    def _abstract(self, key: str) -> str:
        """Follow a numStyleLink (a list style) to the abstract definition that holds the levels."""
        link = self.style_links.get(key)
        num_id = self.styles.list_styles.get(link, "") if link else ""
        return self.nums[num_id].abstract if num_id in self.nums else key

    @staticmethod
    def _count(counters: dict[int, int], levels: dict[int, _Level], num: _Num, ilvl: int) -> None:
        """Step level `ilvl` and restart the deeper levels that restart after it."""
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = num.starts.get(ilvl, levels[ilvl].start)
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]


def _level(lvl: Any) -> _Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(f"{_W}isLgl")
    return _Level(
        start=_int(_val(lvl, "w:start"), 0),
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText"),
        legal=legal is not None and legal.get(f"{_W}val", "1") not in ("0", "false", "off"),
        restart=None if restart is None else _int(restart, 0, 0, 9),
        space=_val(lvl, "w:suff") == "space",
    )


def _render(level: _Level, levels: dict[int, _Level], counters: dict[int, int], num: _Num) -> str:
    """Fill "%1、" / "（%2）" / "%1.%2" with the counters, each in its own level's format."""

    def number(match: re.Match[str]) -> str:
        ilvl = int(match.group(1)) - 1
        other = levels.get(ilvl, _Level())
        value = counters.get(ilvl, num.starts.get(ilvl, other.start))
        return format_number(value, "decimal" if level.legal else other.fmt)

    return re.sub(r"%([1-9])", number, level.text or "")


_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _from(glyphs: str) -> Callable[[int], str]:
    """A format that is a fixed list of glyphs (甲乙丙…, ①②③…), decimal past its end, as Word does."""
    return lambda n: glyphs[n - 1] if n <= len(glyphs) else str(n)


def _letters(first: str) -> Callable[[int], str]:
    """a … z, then aa … zz: Word repeats the letter rather than counting in base 26."""
    return lambda n: chr(ord(first) + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": lambda n: _chinese_counting(n),
    "chineseCountingThousand": lambda n: _chinese_grouped(n, "零一二三四五六七八九", "十百千"),
    "chineseLegalSimplified": lambda n: _chinese_grouped(n, _LEGAL, "拾佰仟", elide_ten=False),
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": _from(_TIANGAN),
    "ideographZodiac": _from(_DIZHI),
    "decimalEnclosedCircle": _from(_CIRCLED),
    "decimalEnclosedCircleChinese": _from(_CIRCLED),
    "decimalEnclosedParen": _from("".join(chr(0x2474 + i) for i in range(20))),
    "decimalEnclosedFullstop": _from("".join(chr(0x2488 + i) for i in range(20))),
    "lowerLetter": _letters("a"),
    "upperLetter": _letters("A"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def format_number(n: int, fmt: str) -> str:
    """A counter in a Word number format (ECMA-376 ST_NumberFormat); formats not known here as decimal."""
    if fmt == "none":
        return ""
    if n < 1:
        return _DIGITS[0] if n == 0 and fmt.startswith("chinese") else str(n)
    return _FORMATS.get(fmt, str)(n)


def _chinese_counting(n: int) -> str:
    """chineseCounting: 一…九, 十…九十九 with 十, then digit by digit (100 → 一〇〇)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    return "".join(_DIGITS[int(d)] for d in str(n))


def _chinese_grouped(n: int, digits: str, units: str, elide_ten: bool = True) -> str:
    """chineseCountingThousand / chineseLegalSimplified: 十一, 一百零一, 一千二百; 万 above 9999."""
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        rest = _chinese_grouped(low, digits, units, False) if low else ""
        return (
            _chinese_grouped(high, digits, units, elide_ten)
            + "万"
            + (digits[0] if 0 < low < 1000 else "")
            + rest
        )
    out: list[str] = []
    pending_zero = False
    for place, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // place % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(digits[0])
            pending_zero = False
        out.append(unit if (elide_ten and place == 10 and digit == 1 and not out) else digits[digit] + unit)
    return "".join(out)


def _roman(n: int) -> str:
    out = []
    for value, glyph in _ROMAN:
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


# ── the body ─────────────────────────────────────────────────────────────────


@dataclass
class _Builder:
    """Walks the body and gathers blocks; numbering is counted in document order, cells included."""

    styles: _Styles
    numbering: _Numbering | None = None
    blocks: list[Block] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    cells: CellCount = field(default_factory=CellCount)  # bound: max-cells

    def walk(self, body: Any) -> None:
        for child in body:
            if child.tag == f"{_W}p":
                self.paragraphs += 1
                self._paragraph(child)
            elif child.tag == f"{_W}tbl":
                self.tables += 1
                self._table(child)
            elif child.tag in _CONTAINERS:
                self.walk(child)

    def _paragraph(self, p: Any) -> None:
        text = self.paragraph_text(p).strip()
        if not text:
            return
        number = len(self.blocks) + 1
        span = Span(number, 1, number, len(text) + 1, f"paragraph {self.paragraphs}")
        self.blocks.append(Block(self._kind(p, text), Fragment(text, span)))

    def paragraph_text(self, p: Any) -> str:
        label = self.numbering.label(p) if self.numbering else ""
        return label + "".join(_runs_text(p))

    def _kind(self, p: Any, text: str) -> BlockKind:
        if self.styles.is_heading(_val(p.find(_PPR), "w:pStyle")):
            return "heading"
        if _HEADING.match(text) and not text.rstrip().endswith("。"):
            return "heading"
        return "paragraph"

    def _table(self, tbl: Any) -> None:
        number = len(self.blocks) + 1
        rows = _Grid(self, number).read(tbl)
        body = "\n".join("\t".join(c.text for c in r.cells) for r in rows)
        span = Span(number, 1, number, len(body) + 1, f"table {self.tables}")
        self.blocks.append(Block("table", Fragment(body, span), rows))


def _runs_text(element: Any) -> Iterator[str]:
    """The visible text under a paragraph: runs, tabs and breaks; not deleted text, not text boxes."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_TEXT:
            continue
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            yield "\t"
        elif (tag == f"{_W}br" and child.get(f"{_W}type") not in ("page", "column")) or tag == f"{_W}cr":
            yield "\n"
        elif tag == f"{_W}noBreakHyphen":
            yield "-"
        elif tag == _ALTERNATE:  # the same content twice (Choice, Fallback): read one
            yield from _runs_text(child[:1])
        else:
            yield from _runs_text(child)


@dataclass
class _Placed:
    """A w:tc where it sits: its grid column, its vMerge, and its Cell (a continuation's: its origin's)."""

    column: int
    merge: str | None  # vMerge: "restart", "continue" or None
    cell: Cell


class _Grid:
    """One table's rows as Cells, merged cells once in their top-left position."""

    def __init__(self, builder: _Builder, block: int) -> None:
        self.builder = builder
        self.block = block
        self.table = builder.tables
        self.cells = builder.cells

    def read(self, tbl: Any) -> list[Row]:
        placed: list[list[_Placed]] = []
        for r, tr in enumerate(_children(tbl, f"{_W}tr"), start=1):
            placed.append(self._row(tr, r))
        rows: list[Row] = []
        for r, line in enumerate(placed):  # top-down: _merged_up relies on the rows above being resolved
            rows.append(Row([p.cell for p in line if not self._merged_up(placed, r, p)]))
        return rows

    def _row(self, tr: Any, r: int) -> list[_Placed]:
        column = _int(_val(tr, "w:trPr/w:gridBefore"), 0)
        line: list[_Placed] = []
        for k, tc in enumerate(_children(tr, f"{_W}tc"), start=1):
            tcpr = tc.find(f"{_W}tcPr")
            span = _int(_val(tcpr, "w:gridSpan"), 1, 1, 1000)
            if _is_continue(tcpr, "w:hMerge") and line:  # legacy horizontal merge
                line[-1].cell.colspan += span
                column += span
                continue
            vmerge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
            merge = None if vmerge is None else str(vmerge.get(f"{_W}val", "continue"))
            self.cells.add()
            line.append(_Placed(column, merge, self._cell(tc, r, k, span)))
            column += span
        return line

    def _cell(self, tc: Any, r: int, k: int, colspan: int) -> Cell:
        text = "\n".join(self.builder.paragraph_text(p) for p in _children(tc, f"{_W}p")).strip()
        locator = f"table {self.table}, row {r}, cell {k}"
        return Cell(text, Span(self.block, 1, self.block, len(text) + 1, locator), colspan=colspan)

    @staticmethod
    def _merged_up(placed: list[list[_Placed]], r: int, here: _Placed) -> bool:
        """A vMerge continuation adds a row to the cell above it and holds no cell of its own.

        Rows are resolved top-down, so the cell above is already its merge's origin.
        """
        if here.merge != "continue" or r == 0:
            return False
        above = next((p for p in placed[r - 1] if p.column == here.column), None)
        if above is None:
            return False
        above.cell.rowspan += 1
        here.cell = above.cell
        return True


def _is_continue(tcpr: Any, tag: str) -> bool:
    element = tcpr.find(tag.replace("w:", _W)) if tcpr is not None else None
    return element is not None and element.get(f"{_W}val", "continue") == "continue"
