"""HTML: a page with the report as an article; tables with rowspan and colspan as the format draws them."""

from __future__ import annotations

from html import escape

from reportlint.model import Report
from reportlint.writers.layout import Block, blocks

_STYLE = (
    "body{font-family:'SimSun','Songti SC',serif;max-width:60em;margin:2em auto;line-height:1.6}"
    "table{border-collapse:collapse;margin:1em 0}td{border:1px solid #000;padding:2px 6px;text-align:center}"
)


def render(report: Report) -> bytes:
    return render_blocks(blocks(report), report.title or "")


def render_blocks(content: list[Block], title: str = "") -> bytes:
    title = escape(title or "政府信息公开工作年度报告")
    body: list[str] = []
    for block in content:
        if block.kind == "title":
            body.append(f"<h1>{escape(block.text)}</h1>")
        elif block.kind == "heading":
            body.append(f"<h2>{escape(block.text)}</h2>")
        elif block.grid is not None:
            body.append("<table>")
            for row in block.grid:
                cells = "".join(
                    f"<td{_span('rowspan', c.rowspan)}{_span('colspan', c.colspan)}>{escape(c.text)}</td>"
                    for c in row
                )
                body.append(f"<tr>{cells}</tr>")
            body.append("</table>")
        else:
            body.append(f"<p>{escape(block.text)}</p>")
    page = (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def _span(name: str, size: int) -> str:
    return f' {name}="{size}"' if size > 1 else ""
