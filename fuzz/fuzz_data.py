"""Fuzz target: reports kept as data (.json, .yaml). `python fuzz/fuzz_data.py -runs=100000`.

The first byte's lowest bit chooses the name, so one corpus reaches both parsers.
"""

from __future__ import annotations

from common import lint
from target import fuzz, load

load("reportlint.readers.data", ["yaml"])


def one_input(data: bytes) -> None:
    lint("report.yaml" if data[:1] and data[0] & 1 else "report.json", data)


if __name__ == "__main__":
    fuzz("data", one_input)
