"""Milliseconds per page of the PDF reader, beside poppler's `pdftotext -layout` on the same files.

    python bench/pdf_timing.py [--copies 10] [--repeat 3] [PDF ...]

Draws the sample report with tests/pdf_writer.py (reportlab) as it is, as WPS exports it
(white boxes behind lines, a page frame) and as one long PDF of the report repeated
`--copies` times; adds the real WPS export and the LibreOffice and Chromium prints under
tests/data/pdf, and any PDF named. Times
`PdfReader.read` on each (best of `--repeat`, in this process, file already in memory) and
`pdftotext -layout` on the same file in the same run (best of `--repeat`, a process each),
and prints both per page and their ratio. Run by hand; the test suite does not.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
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


def best_of(data: bytes, repeat: int) -> float:
    """Best seconds of reading `data` with reportlint's PDF reader."""
    reader = PdfReader()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        reader.read("bench.pdf", data)
        times.append(time.perf_counter() - start)
    return min(times)


def pdftotext(path: Path, repeat: int) -> float | None:
    """Best seconds of `pdftotext -layout PATH -` (None where poppler-utils is not installed)."""
    program = shutil.which("pdftotext")
    if program is None:
        return None
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([program, "-layout", str(path), "-"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def pages(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("pdfs", nargs="*", type=Path)
    args = parser.parse_args()
    print(f"{'file':>22} {'pages':>5} {'ms/page':>8} {'pdftotext':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "sample report": render_pdf(parse_file(str(SEED)).report, folder / "one.pdf"),
            "sample, WPS-like": render_pdf(parse_file(str(SEED)).report, folder / "wps.pdf", wps=True),
            f"sample x {args.copies}": render_pdf(repeated(args.copies), folder / "long.pdf"),
            "hz-2024 (real WPS)": ROOT / "tests" / "data" / "pdf" / "hz-2024.pdf",
            "seed, LibreOffice": ROOT / "tests" / "data" / "pdf" / "seed-libreoffice.pdf",
            "seed, Chromium": ROOT / "tests" / "data" / "pdf" / "seed-chromium.pdf",
            **{path.name: path for path in args.pdfs},
        }
        for name, path in files.items():
            data = path.read_bytes()
            count = pages(data)
            ours = best_of(data, args.repeat) / count * 1000
            poppler = pdftotext(path, args.repeat)
            theirs = f"{poppler / count * 1000:8.1f} ms" if poppler else "   absent"
            ratio = f"{ours / (poppler / count * 1000):5.1f}x" if poppler else ""
            print(f"{name:>22} {count:5d} {ours:8.1f} {theirs:>10} {ratio:>6}")


if __name__ == "__main__":
    main()
