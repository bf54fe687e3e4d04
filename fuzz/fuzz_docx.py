"""Fuzz target: Word (.docx). `python fuzz/fuzz_docx.py -runs=100000`.

Random changes to a zip mostly break its checksums, and the XML inside would never be
reached; so an input that is not a zip is taken as word/document.xml and packed with the
sample's other parts. Both kinds are seeded.
"""

from __future__ import annotations

import io
import zipfile

from common import lint, seeds
from target import fuzz, load

load("reportlint.readers.docx", ["docx"])
_PACKAGE = seeds("docx")["seed.docx"]
_PARTS = {
    info.filename: zipfile.ZipFile(io.BytesIO(_PACKAGE)).read(info.filename)
    for info in zipfile.ZipFile(io.BytesIO(_PACKAGE)).infolist()
}


def packed(document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in _PARTS.items():
            archive.writestr(name, document if name == "word/document.xml" else data)
    return out.getvalue()


def one_input(data: bytes) -> None:
    lint("report.docx", data if data.startswith(b"PK") else packed(data))


if __name__ == "__main__":
    fuzz("docx", one_input)
