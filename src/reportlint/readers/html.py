"""The HTML reader: a report page as saved from a government site.

lxml parses the page (broken markup included) and gives the structure: the article body
is found among navigation and footers, tables are read row by row with their rowspan and
colspan, and text inside cells keeps its `<br>` and `<p>` breaks. lxml knows only the line
of a tag, so the source position of every character of text comes from a second pass
with the standard library's tokenizer (`sourcemap.py`); the two are matched in order.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from reportlint.document import Block, BlockKind, Cell, Document, Fragment, Row, Span
from reportlint.limits import CellCount, current
from reportlint.readers import ReadError
from reportlint.readers.decode import decode
from reportlint.readers.sourcemap import SourceText

_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "select", "button"}
_BREAKS = {"br"}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote",
    "pre", "tr", "table", "dd", "dt", "dl", "center", "form", "header", "footer", "main", "aside", "nav",
    "figure", "figcaption", "hr",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CHROME = re.compile(r"nav|menu|footer|header|breadcrumb|sidebar|share|copyright|crumb|toolbar|search", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BODY_SHARE = 0.6  # the article body holds at least this share of the page's Chinese text


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".shtml", ".xhtml")

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        return parse_html(path, text, encoding)


def parse_html(path: str, text: str, encoding: str | None = None) -> Document:
    import lxml.etree
    import lxml.html

    if not text.strip():
        raise ReadError("empty HTML file")
    try:
        root = lxml.html.document_fromstring(text.replace("\r\n", "\n").replace("\r", "\n"), parser=_parser())
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReadError(f"not parseable as HTML: {exc}") from exc
    if root is None:
        raise ReadError("not parseable as HTML: no document in it")
    # the cells counted in the tree, before the positions of every character are worked out
    current().limits.check("max-cells", sum(1 for _ in root.iter("td", "th")), "cells in the page")
    source = SourceText(text.replace("\r\n", "\n").replace("\r", "\n"))
    builder = _Builder(source)
    article = _article(root)
    title = _title_before(root, article)
    if title is not None:
        builder.walk(title)
    builder.walk(article)
    builder.flush()
    return Document(
        path=path, format="html", encoding=encoding, blocks=builder.blocks, source_lines=source.lines
    )


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """lxml's HTML parser, its safety settings spelled out rather than left to defaults.

    No network (a page's DOCTYPE or entities never fetch anything), no huge tree: libxml2
    then keeps at most 256 levels of nesting and bounded text nodes, so a page nested
    100,000 levels deep is cut, not a stack overflow. The HTML parser expands no entities
    declared in a DOCTYPE (no billion laughs) and reads no external ones (no XXE).
    """
    import lxml.html

    return lxml.html.HTMLParser(no_network=True, huge_tree=False)


def _article(root: Any) -> Any:
    """The element that holds the report: the deepest one with most of the page's Chinese text.

    Counted in one pass from the leaves up (not element by element over its subtree), so
    a page of many nested elements costs its size, not its size times its depth.
    """
    body = root.find("body")
    base = body if body is not None else root
    elements = list(base.iter())
    depth: dict[Any, int] = {base: 0}
    for element in elements[1:]:
        depth[element] = depth.get(element.getparent(), 0) + 1
    counts: dict[Any, int] = {}
    for element in reversed(elements):
        if not isinstance(element.tag, str):
            continue
        count = _count_cjk(element.text)
        for child in element:
            count += counts.get(child, 0) + _count_cjk(child.tail)
        counts[element] = count
    total = counts.get(base, 0)
    if total == 0:
        return base
    best = base
    for element in elements:
        if not isinstance(element.tag, str) or element.tag in _SKIP or _is_chrome(element):
            continue
        if counts[element] >= _BODY_SHARE * total and depth[element] > depth[best]:
            best = element
    return best


def _count_cjk(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _title_before(root: Any, article: Any) -> Any:
    """The page's heading above the article body (the report's title usually stands outside it)."""
    inside = set(article.iter())
    title = None
    for element in root.iter("h1", "h2"):
        if element in inside:
            break
        if _cjk(element):
            title = element
    return title


def _cjk(element: Any) -> int:
    return len(_CJK.findall("".join(element.itertext())))


def _is_chrome(element: Any) -> bool:
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return element.tag in ("nav", "footer", "aside") or bool(marks.strip() and _CHROME.search(marks))


@dataclass
class _Text:
    """Text being gathered, with the source position of each character."""

    chars: list[str] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)

    def add(self, text: str, positions: list[tuple[int, int]] | None) -> None:
        if positions is None:
            last = self.positions[-1] if self.positions else (1, 1)
            positions = [last] * len(text)
        self.chars.extend(text)
        self.positions.extend(positions)

    def take(self) -> Fragment | None:
        text = "".join(self.chars)
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        fragment = None
        if end > start:
            positions = self.positions[start:end]
            last_line, last_col = positions[-1]
            positions.append((last_line, last_col + 1))
            (line, col), (end_line, end_col) = positions[0], positions[-1]
            fragment = Fragment(text[start:end], Span(line, col, end_line, end_col), positions)
        self.chars, self.positions = [], []
        return fragment


class _Builder:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.text = _Text()
        self.kind: BlockKind = "paragraph"
        self.cells = CellCount()  # bound: max-cells

    def flush(self) -> None:
        fragment = self.text.take()
        if fragment is not None:
            self.blocks.append(Block(self.kind, fragment))
        self.kind = "paragraph"

    def walk(self, top: Any) -> None:
        """Gather the blocks under `top`, in document order.

        With an explicit stack, not recursion: how deep a page nests is the page's choice.
        """
        stack: list[tuple[Any, bool]] = [(top, True)]  # (element, entering); leaving closes it
        while stack:
            element, entering = stack.pop()
            tag = element.tag if isinstance(element.tag, str) else ""
            if not entering:
                if tag in _BLOCKS or tag in _BREAKS:
                    self.flush()
                self._tail(element)
                continue
            if tag in _SKIP or not tag:
                self._tail(element)
                continue
            if tag == "table" and not element.findall(".//table"):
                self.flush()
                self.blocks.append(self._table(element))
                self._tail(element)
                continue
            if tag in _BLOCKS or tag in _BREAKS:
                self.flush()
            if tag in _HEADINGS:
                self.kind = "heading"
            if element.text:
                self.text.add(element.text, self.source.locate(element.text))
            stack.append((element, False))
            stack.extend((child, True) for child in reversed(element))

    def _tail(self, element: Any) -> None:
        tail = element.tail
        if tail:
            self.text.add(tail, self.source.locate(tail))

    def _table(self, table: Any) -> Block:
        rows: list[Row] = []
        for tr in table.iter("tr"):
            cells = []
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                self.cells.add()
                cells.append(self._cell(td))
            rows.append(Row(cells))
        spans = [c.span for r in rows for c in r.cells if c.text]
        first = spans[0] if spans else Span(table.sourceline or 1, 1, table.sourceline or 1, 2)
        last = spans[-1] if spans else first
        body = "\n".join("\t".join(c.text for c in r.cells) for r in rows)
        return Block(
            "table", Fragment(body, Span(first.line, first.column, last.end_line, last.end_column)), rows
        )

    def _cell(self, td: Any) -> Cell:
        gathered = _Text()
        _cell_text(td, gathered, self.source, top=True)
        fragment = gathered.take()
        rowspan, colspan = _int(td.get("rowspan")), _int(td.get("colspan"))
        if fragment is None:
            line = td.sourceline or 1
            return Cell("", Span(line, 1, line, 1), None, rowspan, colspan)
        return Cell(fragment.text, fragment.span, fragment.positions, rowspan, colspan)


def _cell_text(cell: Any, into: _Text, source: SourceText, top: bool = True) -> None:
    """A cell's text, a line break for each <br> and between <p>s (vertical headers: a character per line).

    An explicit stack, as in `_Builder.walk`: a cell may nest as deep as the page does.
    """
    stack: list[tuple[Any, str]] = [(cell, "top" if top else "enter")]  # "tail": add the element's tail
    while stack:
        element, step = stack.pop()
        if step == "tail":
            if element.tail:
                into.add(element.tail, source.locate(element.tail))
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            continue
        if step != "top" and (tag in _BLOCKS or tag in _BREAKS):
            into.add("\n", None)
        if element.text:
            into.add(element.text, source.locate(element.text))
        for child in reversed(element):
            stack.append((child, "tail"))
            stack.append((child, "enter"))


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1
