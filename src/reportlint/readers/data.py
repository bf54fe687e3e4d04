"""The data reader: a report kept as JSON or YAML in the model's own form — no extraction.

Report repositories that keep their figures as data write the model directly. A cell may
be written in full (`{value: 3, status: number}`) or as the figure alone (`3`, `null` for
a blank, `"/"` for nothing); sections may leave out `found`. Every value's position in
the file is kept by its JSON Pointer, so that a diagnostic can point at the line.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from reportlint.document import Document, Span
from reportlint.readers import ReadError
from reportlint.readers.decode import decode


class DataReader:
    name = "data"
    extensions = (".json", ".yaml", ".yml")

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        try:
            loaded = json.loads(text) if path.lower().endswith(".json") else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as exc:
            raise ReadError(
                f"not valid {'JSON' if path.lower().endswith('.json') else 'YAML'}: {_first_line(exc)}"
            ) from exc
        if not isinstance(loaded, dict) or "template" not in loaded:
            raise ReadError("a data file must hold one report: a mapping with at least `template`")
        return Document(
            path=path,
            format="data",
            encoding=encoding,
            blocks=[],
            source_lines=text.split("\n"),
            data=expand(loaded),
            pointers=_pointers(text),
        )


def expand(report: dict[str, Any]) -> dict[str, Any]:
    """The model's full form from the short one a person writes."""
    report = dict(report)
    report.setdefault("year", None)
    report.setdefault("agency", None)
    report.setdefault("title", None)
    report["sections"] = [
        {"found": True, **s} if isinstance(s, dict) else s for s in report.get("sections", [])
    ]
    tables = report.get("tables", {})
    if isinstance(tables, dict):
        report["tables"] = {key: _table(table) for key, table in tables.items()}
    return report


def _table(table: Any) -> Any:
    if not isinstance(table, dict) or not isinstance(table.get("rows"), dict):
        return table
    rows = {
        r: {c: _cell(v) for c, v in cols.items()} if isinstance(cols, dict) else cols
        for r, cols in table["rows"].items()
    }
    return {"found": True, **table, "rows": rows}


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    if value is None or value == "":
        return {"value": None, "raw": "", "status": "blank"}
    if isinstance(value, bool):
        return {"value": None, "raw": str(value), "status": "text"}
    if isinstance(value, (int, float)):
        return {"value": value, "raw": str(value), "status": "number"}
    text = str(value).strip()
    if text in ("/", "-", "—", "不适用"):
        return {"value": None, "raw": text, "status": "na"}
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        return {"value": None, "raw": text, "status": "text"}
    return {"value": number, "raw": text, "status": "number"}


def _pointers(text: str) -> dict[str, Span]:
    """JSON Pointer → where the value stands (YAML's parser reads JSON too)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    found: dict[str, Span] = {}

    def walk(node: Any, pointer: str) -> None:
        start, end = node.start_mark, node.end_mark
        found[pointer] = Span(
            start.line + 1, start.column + 1, end.line + 1, max(end.column, start.column + 1) + 1
        )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, f"{pointer}/{_escape(str(key.value))}")
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, f"{pointer}/{index}")

    if root is not None:
        walk(root, "")
    return found


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
