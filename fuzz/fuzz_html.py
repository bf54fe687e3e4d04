"""Fuzz target: HTML pages (.html) through the whole pipeline. `python fuzz/fuzz_html.py -runs=100000`."""

from __future__ import annotations

from common import lint
from target import fuzz, load

load("reportlint.readers.html", [])


def one_input(data: bytes) -> None:
    lint("report.html", data)


if __name__ == "__main__":
    fuzz("html", one_input)
