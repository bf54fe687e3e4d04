"""Loading the JSON schemas and validating against them; violations come back as data."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from reportlint.resources import data_dir


@dataclass(frozen=True)
class Violation:
    pointer: str  # JSON Pointer to the offending value
    message: str


@functools.cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace local "#/$defs/x" references by their definitions (validation is much faster)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref[len("#/$defs/") :]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


def validate(instance: Any, name: str) -> list[Violation]:
    """All violations of schema `name` (e.g. "report.schema.json"), in a stable order."""
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    return [Violation("/" + "/".join(str(p) for p in error.absolute_path), error.message) for error in errors]
