"""Loading the JSON schemas and validating against them; violations come back as data."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
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


def conforms(instance: Any, name: str) -> bool:
    """Whether the instance conforms, as fast as can be: a compiled check, kept on disk between runs.

    The extracted model of every report is checked; jsonschema takes tens of milliseconds for
    one, a validator compiled to Python code by fastjsonschema a few. Where it finds a problem
    (or cannot be used), `validate` gives every violation with its pointer.
    """
    check = _compiled(name)
    if check is None:
        return not validate(instance, name)
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
    folder = _code_cache()
    digest = hashlib.sha256((text + "v2" + getattr(fastjsonschema, "VERSION", "")).encode()).hexdigest()[:16]
    code_file = folder / f"{name}.{digest}.py" if folder else None
    namespace: dict[str, Any] = {}
    try:
        code = code_file.read_text(encoding="utf-8") if code_file and code_file.exists() else None
        if code is None:
            code = fastjsonschema.compile_to_code(schema)
            if code_file:
                _write_quietly(code_file, code)
        exec(compile(code, str(code_file or name), "exec"), namespace)
    except Exception:
        return None
    return namespace.get("validate")


def _code_cache() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "reportlint" / "schemas"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _write_quietly(path: Path, text: str) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".schema-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        pass
