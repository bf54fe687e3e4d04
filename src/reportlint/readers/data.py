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
from reportlint.limits import LimitExceeded, current
from reportlint.model import FIGURE_DIGITS, is_figure
from reportlint.readers import ReadError
from reportlint.readers.decode import decode


class DataReader:
    name = "data"
    extensions = (".json", ".yaml", ".yml")

    def read(self, path: str, data: bytes) -> Document:
        text, encoding = decode(data)
        kind = "JSON" if path.lower().endswith(".json") else "YAML"
        try:
            loaded = json.loads(text) if kind == "JSON" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as exc:
            raise ReadError(f"not valid {kind}: {_first_line(exc)}") from exc
        except RecursionError as exc:  # both parsers recurse once per level of nesting
            raise ReadError(f"not a report: the {kind} nests too deeply") from exc
        if not isinstance(loaded, dict) or "template" not in loaded:
            raise ReadError("a data file must hold one report: a mapping with at least `template`")
        _check_shape(loaded)
        return Document(
            path=path,
            format="data",
            encoding=encoding,
            blocks=[],
            source_lines=text.split("\n"),
            data=expand(loaded),
            pointers=_pointers(text),
        )


MAX_DEPTH = 32  # a report's model nests six levels; far deeper is not a report


def _check_shape(loaded: Any) -> None:
    """Bound what the data expands to before anything walks it.

    YAML's aliases let a few lines stand for billions of values (the "billion laughs" of
    YAML) or for a value that contains itself, which the schema's validator and the model
    would walk forever; the count below visits each distinct value once, as the sum of its
    parts, and stops at the first cycle, at MAX_DEPTH or past max-cells values.
    """
    limit = current().limits.max_cells
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(loaded, 1, True)]
    while stack:
        value, depth, entering = stack.pop()
        if not isinstance(value, (dict, list)):
            continue
        key = id(value)
        children = list(value.values()) if isinstance(value, dict) else value
        if not entering:
            open_.discard(key)
            sizes[key] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if limit and sizes[key] > limit:
                raise LimitExceeded("max-cells", limit, sizes[key], "values in the data (aliases expanded)")
            continue
        if key in open_:
            raise ReadError(
                "not a report: a value in the data contains itself (a YAML alias inside its own anchor)"
            )
        if key in sizes:
            continue
        if depth > MAX_DEPTH:
            raise ReadError(f"not a report: the data nests deeper than {MAX_DEPTH} levels")
        open_.add(key)
        stack.append((value, depth, False))
        stack.extend((child, depth + 1, True) for child in children)


def expand(report: dict[str, Any]) -> dict[str, Any]:
    """The model's full form from the short one a person writes."""
    report = dict(report)
    report.setdefault("year", None)
    report.setdefault("agency", None)
    report.setdefault("title", None)
    sections = report.get("sections", [])
    if isinstance(sections, list):  # anything else is left for the schema to name (E004)
        report["sections"] = [{"found": True, **s} if isinstance(s, dict) else s for s in sections]
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
        return (
            {"value": value, "raw": str(value), "status": "number"} if is_figure(value) else _text(str(value))
        )
    text = str(value).strip()
    if text in ("/", "-", "—", "不适用"):
        return {"value": None, "raw": text, "status": "na"}
    if len(text.lstrip("-").split(".")[0]) > FIGURE_DIGITS:
        return _text(text)
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        return _text(text)
    return {"value": number, "raw": text, "status": "number"} if is_figure(number) else _text(text)


def _text(raw: str) -> dict[str, Any]:
    return {"value": None, "raw": raw, "status": "text"}


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
