"""One report, one model: a report written in every format reads back to the same model and diagnostics.

The reports are data (tests/data/models/*.yaml, linted as they are by the data reader); each
is rendered as text (tab, pipe, a cell per line), Markdown, HTML with merged cells, DOCX with
merged cells and PDF, then read back. Broken variants make the equivalence cover diagnostics.
"""

from __future__ import annotations

import copy
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint.api import lint_file
from reportlint.model import Report, report_from_json
from reportlint.readers.data import expand
from reportlint.writers import html, markdown, text

MODELS = Path(__file__).parent / "data" / "models"
BASE = yaml.safe_load((MODELS / "consistent.yaml").read_text(encoding="utf-8"))


def _variant(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    change(data)
    return data


def _wrong_total(data: dict[str, Any]) -> None:
    data["tables"]["applications"]["rows"]["new_received"]["natural_person"] += 1


def _missing_section(data: dict[str, Any]) -> None:
    data["sections"] = [s for s in data["sections"] if s["key"] != "problems"]


def _blank_cell(data: dict[str, Any]) -> None:
    data["tables"]["applications"]["rows"]["withheld_query"]["natural_person"] = None


VARIANTS = {
    "consistent": BASE,
    "wrong-total": _variant(_wrong_total),
    "missing-section": _variant(_missing_section),
    "blank-cell": _variant(_blank_cell),
}


def _docx(report: Report) -> bytes:
    if importlib.util.find_spec("reportlint.writers.docx") is None:
        pytest.skip("no DOCX writer")
    from reportlint.writers import docx

    return docx.render(report)


def _pdf(report: Report, path: Path) -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from pdf_writer import render_pdf

    render_pdf(report, path)


RENDERERS: dict[str, tuple[str, Callable[[Report], bytes] | None]] = {
    "text-tab": (".txt", lambda r: text.render(r, "tab")),
    "text-pipe": (".txt", lambda r: text.render(r, "pipe")),
    "text-cells": (".txt", lambda r: text.render(r, "cells")),
    "markdown": (".md", markdown.render),
    "html": (".html", html.render),
    "docx": (".docx", _docx),
    "pdf": (".pdf", None),
}
# a layout that cannot hold an empty cell: a cell per line drops it, as real pages do
CANNOT_HOLD_BLANKS = {"text-cells"}


def _cells(report: Report) -> dict[tuple[str, str, str], tuple[str, Any]]:
    return {
        (t, r, c): (cell.status, cell.value)
        for t, table in report.tables.items()
        for r, cols in table.rows.items()
        for c, cell in cols.items()
    }


def _findings(result: Any) -> set[tuple[str, str | None]]:
    return {(d.code, d.cell and f"{d.cell.table}/{d.cell.row}/{d.cell.column}") for d in result.diagnostics}


@pytest.mark.parametrize("fmt", RENDERERS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_format_reads_back_to_the_same_model(tmp_path, variant, fmt):
    if variant == "blank-cell" and fmt in CANNOT_HOLD_BLANKS:
        pytest.skip("this layout cannot hold an empty cell")
    source = tmp_path / "model.yaml"
    source.write_text(yaml.safe_dump(VARIANTS[variant], allow_unicode=True), encoding="utf-8")
    expected = lint_file(str(source))
    model = report_from_json(expand(VARIANTS[variant]))
    suffix, render = RENDERERS[fmt]
    target = tmp_path / f"report{suffix}"
    if render is None:
        _pdf(model, target)
    else:
        target.write_bytes(render(model))
    found = lint_file(str(target))
    assert found.report is not None, [d.message for d in found.diagnostics]
    for key in ("template", "year", "agency", "title"):
        assert getattr(found.report, key) == getattr(expected.report, key), key
    assert [s.key for s in found.report.sections if s.found] == [
        s.key for s in expected.report.sections if s.found
    ]
    assert _cells(found.report) == _cells(expected.report)
    assert _findings(found) == _findings(expected)
