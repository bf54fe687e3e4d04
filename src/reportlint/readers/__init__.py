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


_BINARY = {"docx": "Word (.docx)", "pdf": "PDF"}  # formats whose content always announces itself


def reader_for(path: str, readers: tuple[Any, ...], data: bytes = b"") -> Any:
    """The reader for a file: by what its content is, then by its extension; plain text last."""
    from reportlint.readers.detect import sniff

    by_name = {reader.name: reader for reader in readers}
    name, unreadable = sniff(path, data)
    if unreadable:
        raise ReadError(f"this is {unreadable}")
    if name in by_name:
        return by_name[name]
    suffix = Path(path).suffix.lower()
    for reader in readers:
        if suffix in reader.extensions and reader.name in _BINARY and data:
            raise ReadError(
                f"named {suffix} but it is not a {_BINARY[reader.name]} file (damaged, or another format)"
            )
        if suffix in reader.extensions and not (reader.name == "html" and data):
            return reader
    if "text" in by_name:
        return by_name["text"]
    raise ReadError(f"no reader for {suffix or 'files without an extension'}")
