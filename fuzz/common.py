"""What every fuzz target shares: the harness that lints one input, and the seed corpus.

A finding is anything but diagnostics: an exception escaping `lint_bytes` (a crash), a
result that is not a FileResult or does not serialise, or an E003 — a rule that raised
is caught by the engine, but it is still a bug that a hostile input found.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # pdf_writer, for the PDF seeds

SEED = ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt"


def lint(name: str, data: bytes) -> None:
    """Lint one input; raise on anything but a clean result (which libFuzzer records as a crash)."""
    from reportlint.api import FileResult, Options, lint_bytes

    result = lint_bytes(name, data, Options(find_config=False))
    if not isinstance(result, FileResult):
        raise AssertionError(f"lint_bytes returned {type(result).__name__}")
    json.dumps([d.to_json() for d in result.diagnostics], ensure_ascii=False, allow_nan=False)
    crashed = [d.message for d in result.diagnostics if d.code == "E003"]
    if crashed:
        raise AssertionError(f"a rule crashed (E003): {crashed[0]}")


def seeds(target: str) -> dict[str, bytes]:
    """The seed inputs of a target: the sample report in that format, and a few small variants."""
    from reportlint.api import parse_file
    from reportlint.writers import render

    text = SEED.read_bytes()
    report = parse_file(str(SEED)).report
    assert report is not None
    if target == "text":
        return {
            "seed.txt": text,
            "small.txt": text[:2000],
            "gbk.txt": SEED.read_text("utf-8").encode("gb18030"),
        }
    if target == "html":
        return {
            "seed.html": render(report, "html"),
            "small.html": b"<html><body><table><tr><td>1</td></tr></table></body></html>",
        }
    if target == "markdown":
        return {"seed.md": render(report, "md"), "small.md": b"# t\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"}
    if target == "docx":
        package = render(report, "docx")
        document = zipfile.ZipFile(io.BytesIO(package)).read("word/document.xml")
        return {"seed.docx": package, "document.xml": document}
    if target == "pdf":
        import tempfile

        import pdf_writer
        from reportlint.writers.layout import blocks

        drawn = blocks(report)
        title_and_table = [b for b in drawn if b.kind == "title"][:1] + [b for b in drawn if b.grid][:1]
        with tempfile.TemporaryDirectory() as folder:
            whole = pdf_writer.render_pdf(report, Path(folder) / "seed.pdf")
            # under run.py's 4 KiB for PDF: a whole valid file the mutations start from (title and table 二)
            small = pdf_writer.render_pdf_blocks(title_and_table, Path(folder) / "small.pdf")
            return {"seed.pdf": whole.read_bytes(), "small.pdf": small.read_bytes()}
    if target == "data":
        model = report.to_json()  # kept small: the whole model takes 0.2 s an input to locate
        small = {"template": model["template"], "year": model["year"], "title": model["title"]}
        small["tables"] = {
            "applications": {
                "rows": {"new_received": model["tables"]["applications"]["rows"]["new_received"]}
            }
        }
        return {
            "seed.json": json.dumps(small, ensure_ascii=False).encode(),
            "short.yaml": b"template: gov-2021\nyear: 2024\ntables:\n  applications:\n    rows:\n      new_received: {total: 3}\n",
        }
    raise ValueError(target)
