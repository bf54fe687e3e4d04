"""Registers the built-in readers through the same hook a plugin uses."""

from __future__ import annotations

from typing import Any

from reportlint.hookspecs import hookimpl
from reportlint.readers.text import TextReader


@hookimpl
def reportlint_add_readers() -> list[Any]:
    return [TextReader()]
