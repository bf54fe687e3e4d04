"""Where each character of an HTML page's text stands in the source (line, column).

lxml builds the tree but keeps only the line of each tag. The standard library's
tokenizer reports the exact position of every piece of text and every entity; this
module turns that into one decoded text with a position per character, and hands out
positions to the tree's text in document order.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

_RAW_TEXT = {"script", "style"}


class _Positions(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.chars: list[str] = []
        self.positions: list[tuple[int, int]] = []
        self._raw = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _RAW_TEXT:
            self._raw += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _RAW_TEXT and self._raw:
            self._raw -= 1

    def handle_data(self, data: str) -> None:
        if self._raw:
            return
        line, offset = self.getpos()
        column = offset + 1
        for char in data:
            self.chars.append(char)
            self.positions.append((line, column))
            if char == "\n":
                line, column = line + 1, 1
            else:
                column += 1

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![DOCTYPE …` and other marked sections HTML does not know are bogus comments (as
        lxml and Python 3.13 read them); Python 3.11's parser raises AssertionError instead."""
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            return int(self.parse_bogus_comment(i))

    def handle_entityref(self, name: str) -> None:
        self._entity(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(html.unescape(f"&#{name};"))

    def _entity(self, text: str) -> None:
        if self._raw:
            return
        line, offset = self.getpos()
        for char in text:
            self.chars.append(char)
            self.positions.append((line, offset + 1))


class SourceText:
    """The page's decoded text with positions; `locate` finds the tree's text chunks in order."""

    def __init__(self, source: str) -> None:
        self.lines = source.split("\n")
        parser = _Positions()
        parser.feed(source)
        parser.close()
        self._text = "".join(parser.chars)
        self._positions = parser.positions
        self._cursor = 0

    def locate(self, chunk: str) -> list[tuple[int, int]] | None:
        """Positions of the next occurrence of `chunk` (the tree gives text in document order)."""
        if not chunk:
            return []
        found = self._text.find(chunk, self._cursor)
        if found < 0:
            return None
        self._cursor = found + len(chunk)
        return self._positions[found : found + len(chunk)]
