"""Fuzz target: PDF through pdfplumber and the whole pipeline. `python fuzz/fuzz_pdf.py -runs=100000`."""

from __future__ import annotations

from common import lint
from target import fuzz, load

load("reportlint.readers.pdf", ["pdfplumber", "pdfminer"])


def one_input(data: bytes) -> None:
    lint("report.pdf", data)


if __name__ == "__main__":
    fuzz("pdf", one_input)
