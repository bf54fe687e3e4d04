"""Fuzz target: Markdown (.md) through the whole pipeline. `python fuzz/fuzz_markdown.py -runs=100000`."""

from __future__ import annotations

from common import lint
from target import fuzz, load

load("reportlint.readers.markdown", ["markdown_it"])


def one_input(data: bytes) -> None:
    lint("report.md", data)


if __name__ == "__main__":
    fuzz("markdown", one_input)
