"""Text output, like a compiler's: `path:line:col: CODE message`, the source line, a caret."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic

_TAB = 4


class TextReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        out: list[str] = []
        for d in diagnostics:
            line = d.span.line if d.span else 1
            column = d.span.column if d.span else 1
            where = d.span.locator if d.span and d.span.locator else f"{line}:{column}"
            out.append(_printable(f"{d.path}:{where}: {d.code} {d.message} [{d.severity}]"))
            lines = sources.get(d.path)
            if d.span and lines and 1 <= line <= len(lines):
                out += _frame(
                    lines[line - 1],
                    d.span.column,
                    d.span.end_column if d.span.end_line == line else None,
                    line,
                )
        return "\n".join(out) + ("\n" if out else "")


_SHOWN = 240  # characters of a source line shown at most: a longer one is shown around the span
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Control characters from a hostile file (escape sequences) never reach the terminal."""
    return _CONTROL.sub("\ufffd", text)


def _window(source: str, column: int, end_column: int | None) -> tuple[str, int, int | None]:
    """A long line (a crawl on one line, 10 MB) cut to the part around [column, end_column), with "…"."""
    if len(source) <= _SHOWN:
        return source, column, end_column
    start = max(0, column - 1 - _SHOWN // 4)
    stop = min(len(source), start + _SHOWN)
    prefix, suffix = ("…" if start else ""), ("…" if stop < len(source) else "")
    shift = start - len(prefix)
    shown = prefix + source[start:stop] + suffix
    end = None if end_column is None else max(column - shift + 1, min(end_column - shift, len(shown) + 1))
    return shown, column - shift, end


def _frame(source: str, column: int, end_column: int | None, number: int) -> list[str]:
    """The source line and a caret under columns [column, end_column), CJK counted double-width."""
    source, column, end_column = _window(_printable(source), column, end_column)
    shown, offsets = _expand(source)
    start = offsets[min(column - 1, len(offsets) - 1)]
    stop = offsets[min((end_column or column + 1) - 1, len(offsets) - 1)]
    gutter = f"{number:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * start + "^" * max(1, stop - start)]


def _expand(source: str) -> tuple[str, list[int]]:
    """Tabs to spaces; the display column where each character starts (and one past the end)."""
    from wcwidth import wcwidth  # here, not at start-up: a clean run prints no source line

    shown: list[str] = []
    offsets: list[int] = []
    width = 0
    for char in source:
        offsets.append(width)
        if char == "\t":
            pad = _TAB - width % _TAB
            shown.append(" " * pad)
            width += pad
        else:
            shown.append(char)
            width += max(0, wcwidth(char))
    offsets.append(width)
    return "".join(shown), offsets
