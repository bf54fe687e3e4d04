"""Loading the JSON schemas and validating against them; violations come back as data."""

from __future__ import annotations

import functools
import importlib.util
import json
import marshal
import os
import re
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
    found = importlib.util.find_spec("fastjsonschema")  # found, not imported
    if found is None or not found.origin:
        return None
    text = (data_dir("schemas") / name).read_text(encoding="utf-8")
    # kept as the code object marshalled (this Python's bytecode), so that it is not compiled
    # again; fastjsonschema's own file stands for its version (an upgrade rewrites it)
    try:
        library = os.stat(found.origin)
        stamp = f"{found.origin} {library.st_mtime_ns} {library.st_size}"
    except OSError:
        stamp = ""
    made_from = (text, "v4", stamp, importlib.util.MAGIC_NUMBER.hex())
    kept = install_cache.entry("schemas", f"{name}.code", *made_from)
    namespace: dict[str, Any] = {"_Invalid": _Invalid}
    try:
        code = _unmarshalled(install_cache.read_bytes(kept))
        if code is None:
            import fastjsonschema

            # without $schema (fastjsonschema reads drafts 4–7) and $id (so that the check is named `validate`)
            schema = {k: v for k, v in json.loads(text).items() if k not in ("$schema", "$id")}
            code = compile(_without_library(fastjsonschema.compile_to_code(schema)), name, "exec")
            install_cache.write(kept, marshal.dumps(code))
        exec(code, namespace)
    except Exception:
        return None
    return namespace.get("validate")


class _Invalid(ValueError):
    """What the compiled check raises: it only has to say 'not valid' (jsonschema words why)."""

    def __init__(self, message: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(message)


_LIBRARY_IMPORT = re.compile(r"^from fastjsonschema import ([\w, ]+)$", re.M)


def _without_library(code: str) -> str:
    """The generated check imports its exception classes from fastjsonschema, whose package
    loads every draft's compiler on import (a tenth of a pre-commit hook's start); they are
    bound to `_Invalid` instead, so that a start with the check kept never imports it."""
    return _LIBRARY_IMPORT.sub(
        lambda m: " = ".join([*map(str.strip, m.group(1).split(",")), "_Invalid"]), code
    )
