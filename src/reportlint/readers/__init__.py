"""Readers turn a file's bytes into a Document; one module per format."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from reportlint.document import Document


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def read(self, path: str, data: bytes) -> Document: ...


class ReadError(Exception):
    """The file cannot be read as a report (E001)."""


def reader_for(path: str, readers: tuple[Any, ...]) -> Any:
    """The reader for a file, by its extension; plain text where nothing else claims it."""
    suffix = Path(path).suffix.lower()
    for reader in readers:
        if suffix in reader.extensions:
            return reader
    for reader in readers:
        if reader.name == "text":
            return reader
    raise ReadError(f"no reader for {suffix or 'files without an extension'}")
