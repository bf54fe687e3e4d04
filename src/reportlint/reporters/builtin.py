"""Registers the built-in reporters through the same hook a plugin uses."""

from __future__ import annotations

from typing import Any

from reportlint.hookspecs import hookimpl
from reportlint.reporters.json import JsonReporter
from reportlint.reporters.text import TextReporter


@hookimpl
def reportlint_add_reporters() -> dict[str, Any]:
    return {"text": TextReporter(), "json": JsonReporter()}
