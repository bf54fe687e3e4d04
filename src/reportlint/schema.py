"""Loading the JSON schemas and validating against them; violations come back as data."""

from __future__ import annotations

import functools
import importlib.util
import json
import marshal
from dataclasses import dataclass
from typing import Any

from reportlint import install_cache
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
    """All violations of schema `name` (e.g. "report.schema.json"), in a stable order. The
    compiled check answers first: jsonschema (slow to import, slow to run) is asked only to
    describe what is wrong."""
    check = _compiled(name)
    if check is not None and _passes(check, instance):
        return []
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    return [Violation("/" + "/".join(str(p) for p in error.absolute_path), error.message) for error in errors]


def conforms(instance: Any, name: str) -> bool:
    """Whether the instance conforms, as fast as can be: a compiled check, kept on disk between runs.

    The extracted model of every report is checked; jsonschema takes tens of milliseconds for
    one, a validator compiled to Python code by fastjsonschema a few. Where it finds a problem
    (or cannot be used), `validate` gives every violation with its pointer.
    """
    check = _compiled(name)
    if check is None:
        return not validate(instance, name)
    return _passes(check, instance)


def _unmarshalled(stored: bytes | None) -> Any:
    try:
        return marshal.loads(stored) if stored else None
    except (ValueError, EOFError, TypeError):  # a damaged entry is made again
        return None


def _passes(check: Any, instance: Any) -> bool:
    try:
        check(instance)
    except Exception:
        return False
    return True


@functools.cache
def _compiled(name: str) -> Any:
    try:
        import fastjsonschema
    except ImportError:
        return None
    text = (data_dir("schemas") / name).read_text(encoding="utf-8")
    # without $schema (fastjsonschema reads drafts 4–7) and $id (so that the check is named `validate`)
    schema = {k: v for k, v in json.loads(text).items() if k not in ("$schema", "$id")}
    # kept as the code object marshalled (this Python's bytecode), so that it is not compiled again
    made_from = (text, "v3", getattr(fastjsonschema, "VERSION", ""), importlib.util.MAGIC_NUMBER.hex())
    kept = install_cache.entry("schemas", f"{name}.code", *made_from)
    namespace: dict[str, Any] = {}
    try:
        code = _unmarshalled(install_cache.read_bytes(kept))
        if code is None:
            code = compile(fastjsonschema.compile_to_code(schema), name, "exec")
            install_cache.write(kept, marshal.dumps(code))
        exec(code, namespace)
    except Exception:
        return None
    return namespace.get("validate")
