"""Seconds per page of the PDF reader, on the sample report drawn as a PDF.

    python bench/pdf_timing.py [--copies 10] [--repeat 3]

Draws the sample report with tests/pdf_writer.py (reportlab), once as it is and once as
one long PDF of the report repeated `--copies` times, then times `PdfReader.read` on each
(best of `--repeat`, in this process, file already in memory). pdfplumber does the work;
this says what a folder of PDFs costs per page. Run by hand; the test suite does not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_writer import render_pdf  # noqa: E402
from reportlint.api import parse_file  # noqa: E402
from reportlint.model import Report  # noqa: E402
from reportlint.readers.pdf import PdfReader  # noqa: E402

SEED = ROOT / "examples" / "延津县塔铺街道2024年政府信息公开工作年度报告.txt"


def repeated(copies: int) -> Report:
    """The sample report with its sections (and tables) repeated: one long report."""
    report = parse_file(str(SEED)).report
    assert report is not None
    report.sections = [section for _ in range(copies) for section in report.sections]
    return report


def best_of(data: bytes, repeat: int) -> tuple[float, int]:
    """(best seconds, pages) of reading `data`."""
    reader = PdfReader()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        document = reader.read("bench.pdf", data)
        times.append(time.perf_counter() - start)
    pages = len({block.fragment.span.line for block in document.blocks})
    return min(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = render_pdf(parse_file(str(SEED)).report, Path(tmp) / "one.pdf").read_bytes()
        long = render_pdf(repeated(args.copies), Path(tmp) / "long.pdf").read_bytes()
    for name, data in (("sample report", one), (f"sample x {args.copies}", long)):
        seconds, pages = best_of(data, args.repeat)
        print(f"{name:>16}: {pages:3d} pages  {seconds:7.3f} s  {seconds / pages:6.3f} s per page")


if __name__ == "__main__":
    main()
