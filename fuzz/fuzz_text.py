"""Fuzz target: plain text (.txt) through the whole pipeline. `python fuzz/fuzz_text.py -runs=100000`."""

from __future__ import annotations

from common import lint
from target import fuzz, load

load("reportlint.readers.text", [])


def one_input(data: bytes) -> None:
    lint("report.txt", data)


if __name__ == "__main__":
    fuzz("text", one_input)
