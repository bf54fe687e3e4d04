"""Plain text: headings and paragraphs as lines, tables as tab-separated rows (or pipes, or a cell per line)."""

from __future__ import annotations

from reportlint.model import Report
from reportlint.writers.layout import Block, Grid, blocks, flat


def render(report: Report, layout: str = "tab") -> bytes:
    return render_blocks(blocks(report), layout)


def render_blocks(content: list[Block], layout: str = "tab") -> bytes:
    lines: list[str] = []
    for block in content:
        if block.grid is not None:
            lines += _table(block.grid, layout)
        else:
            lines.append(block.text)
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _table(grid: Grid, layout: str) -> list[str]:
    rows = flat(grid)
    if layout == "tab":
        return ["\t".join(row).rstrip("\t") or "\t" for row in rows]
    if layout == "pipe":
        return ["| " + " | ".join(row) + " |" for row in rows]
    if layout == "cells":  # one cell per line, closed by a line holding only "|"
        return [line for row in rows for cell in row if cell for line in (cell, "|")]
    raise ValueError(f"unknown text table layout {layout!r}")
