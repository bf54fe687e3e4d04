"""The token stream: a Document flattened into normalised pieces of text, in reading order.

Whatever the layout (tab rows, pipe rows, a cell per line, a PDF text line, a crawl that
fused a whole table into one line), the extractor sees the same thing: tokens, each a
piece of one fragment of the source, with its normalised text and the physical row it
sat in. Tokens can be cut into smaller tokens (a heading inside a long line, a label
followed by its figures) without losing their place in the source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.document import Document, Fragment, Span
from reportlint.template.labels import has_traditional, normalise_with_map

_NUMBER = r"[-−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?"
VALUE = re.compile(rf"^(?P<number>{_NUMBER})\s*(?P<unit>万元|元|件|个|条|次|项|人次)?$")
NOT_APPLICABLE = re.compile(r"^(?:/|\\|-+|—+|–+|―+|不适用|无)$")
_SPACES = re.compile(r"\S+")


@dataclass
class Token:
    fragment: Fragment
    start: int  # offset of the token in fragment.text
    end: int
    norm: str
    index: Sequence[int]  # normalised character → offset in fragment.text
    row: int  # the physical row (line or table row) the token sat in
    cell: bool  # a table cell: its blank is information

    @property
    def text(self) -> str:
        return self.fragment.text[self.start : self.end]

    @property
    def span(self) -> Span:
        return self.fragment.span_of(self.start, self.end)

    @property
    def folded(self) -> str:
        """The raw text, width-folded, spaces kept: what values are parsed from."""
        return unicodedata.normalize("NFKC", self.text).strip()

    def piece(self, a: int, b: int) -> Token:
        """The sub-token covering normalised characters [a, b)."""
        start = self.index[a]
        end = self.index[b - 1] + 1
        return Token(self.fragment, start, end, self.norm[a:b], self.index[a:b], self.row, self.cell)

    def split_at(self, cuts: Sequence[tuple[int, int]]) -> list[Token]:
        """Cut out the normalised ranges in `cuts` (sorted, disjoint); keep what lies between."""
        pieces: list[Token] = []
        cursor = 0
        for a, b in cuts:
            if a > cursor:
                pieces.append(self.piece(cursor, a))
            pieces.append(self.piece(a, b))
            cursor = b
        if cursor < len(self.norm):
            pieces.append(self.piece(cursor, len(self.norm)))
        return pieces

    def words(self) -> list[Token]:
        """Split on the source's own whitespace (figures printed "0 0 0 0" in a PDF line)."""
        words = []
        for match in _SPACES.finditer(self.text):
            start, end = self.start + match.start(), self.start + match.end()
            norm, index = normalise_with_map(self.fragment.text[start:end], simplify=False)
            if norm:
                words.append(
                    Token(self.fragment, start, end, norm, [start + i for i in index], self.row, False)
                )
        return words


def is_value_text(text: str) -> bool:
    """A figure, a figure with a unit, or a "nothing" mark."""
    return bool(VALUE.match(text) or NOT_APPLICABLE.match(text))


def is_values(token: Token) -> bool:
    """The token holds only figures (one, or several separated by spaces)."""
    folded = token.folded
    if not folded:
        return False
    return all(is_value_text(word) for word in folded.split())


def build(document: Document) -> list[Token]:
    simplify = has_traditional("".join(block.text for block in document.blocks[:200]))
    tokens: list[Token] = []
    row = 0
    for block in document.blocks:
        if block.kind == "table":
            for table_row in block.rows:
                row += 1
                for cell in table_row.cells:
                    tokens.append(_token(cell, row, True, simplify))
        else:
            row += 1
            token = _token(block.fragment, row, False, simplify)
            if token.norm:
                tokens.append(token)
    return tokens


def _token(fragment: Fragment, row: int, cell: bool, simplify: bool) -> Token:
    norm, index = normalise_with_map(fragment.text, simplify=simplify)
    return Token(fragment, 0, len(fragment.text), norm, index, row, cell)
