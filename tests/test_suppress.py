"""Suppression: comments in text, Markdown and HTML; `overrides` for Word and PDF; unused ones reported."""

from __future__ import annotations

from pathlib import Path

from reportlint.api import Options, lint_file
from reportlint.readers.text import parse_text
from reportlint.writers import html, markdown
from reportlint.writers.layout import document_blocks

from conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
TYPO_LINE = "信息内容\t本年制发件数\t本年度止件数\t现行有效件数"


def lint(tmp_path: Path, text: str, name: str = "r.txt", **options) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [d.code for d in lint_file(str(path), Options(**options)).diagnostics]


def test_text_next_line(tmp_path):
    found = lint(tmp_path, SEED_TEXT.replace(TYPO_LINE, "# reportlint: disable-next-line=L201\n" + TYPO_LINE))
    assert "L201" not in found and "E005" not in found


def test_text_range_and_file(tmp_path):
    ranged = SEED_TEXT.replace(
        TYPO_LINE, "# reportlint: disable=L2\n" + TYPO_LINE + "\n# reportlint: enable=L2"
    )
    assert "L201" not in lint(tmp_path, ranged)
    assert "W901" not in lint(tmp_path, "# reportlint: disable-file=doubled-character\n" + SEED_TEXT)


def test_a_range_ends_where_it_is_enabled(tmp_path):
    closed = SEED_TEXT.replace(
        "二、主动公开政府信息情况",
        "# reportlint: disable=L201\n# reportlint: enable=L201\n二、主动公开政府信息情况",
    )
    found = lint(tmp_path, closed)
    assert "L201" in found and "E005" in found


def test_an_unused_suppression_is_e005(tmp_path):
    found = lint(tmp_path, SEED_TEXT.replace(TYPO_LINE, "# reportlint: disable-next-line=M401\n" + TYPO_LINE))
    assert "E005" in found and "L201" in found


def test_markdown_and_html_comments(tmp_path):
    content = document_blocks(parse_text("s.txt", SEED_TEXT))
    page = markdown.render_blocks(content).decode()
    assert "L201" in lint(tmp_path, page, "r.md")
    start = page.index("| 第二十条第（一）项")
    fenced = page[:start] + "<!-- reportlint: disable=L201 -->\n\n" + page[start:]
    assert "L201" not in lint(tmp_path, fenced, "r.md")
    page_html = (
        html.render_blocks(content)
        .decode()
        .replace("<body>", "<body>\n<!-- reportlint: disable-file=L201 -->")
    )
    assert "L201" not in lint(tmp_path, page_html, "r.html")


def test_overrides_for_files_without_comments(tmp_path):
    from reportlint.writers import docx

    document = tmp_path / "r.docx"
    document.write_bytes(
        docx.render_blocks(
            document_blocks(parse_text("s.txt", SEED_TEXT.replace("(七) 总计\t\t0", "(七) 总计\t\t5")))
        )
    )
    assert "M402" in [d.code for d in lint_file(str(document)).diagnostics]
    (tmp_path / ".reportlint.yaml").write_text(
        "overrides:\n  - files: '*.docx'\n    disable: [M4]\n    pointer: tables/applications/rows/total_results\n",
        encoding="utf-8",
    )
    found = [d for d in lint_file(str(document)).diagnostics if d.code.startswith("M4")]
    assert found and all(d.cell.row != "total_results" for d in found)  # M403 points elsewhere and stays
