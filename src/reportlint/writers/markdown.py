"""Markdown: `#` title, `##` section headings, paragraphs, GFM pipe tables (merged cells left empty)."""

from __future__ import annotations

from reportlint.model import Report
from reportlint.writers.layout import Block, blocks, flat


def render(report: Report) -> bytes:
    return render_blocks(blocks(report))


def render_blocks(content: list[Block]) -> bytes:
    out: list[str] = []
    for block in content:
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"## {block.text}")
        elif block.grid is not None:
            rows = [[_escape(c) for c in row] for row in flat(block.grid)]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "|".join(" --- " for _ in rows[0]) + "|")
            out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        else:
            out.append(block.text)
        out.append("")
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
