"""Writers: a Report rendered as a file, in the layout of `layout.py` (used by `reportlint new`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from reportlint.model import Report

# format → module with render(report) -> bytes
FORMATS = {
    "txt": "reportlint.writers.text",
    "md": "reportlint.writers.markdown",
    "html": "reportlint.writers.html",
    "docx": "reportlint.writers.docx",
}


def render(report: Report, fmt: str) -> bytes:
    module = importlib.import_module(FORMATS[fmt])
    writer: Callable[[Report], bytes] = module.render
    return writer(report)
