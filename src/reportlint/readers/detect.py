"""What format a file really is, by its content first and its name second.

Saved pages are often misnamed: an `.html` that is plain text, a `.doc` that is HTML, a
`.txt` that is a Word file. The first bytes say what the file is; the extension only
decides between formats whose content looks alike (Markdown and plain text).
"""

from __future__ import annotations

import re
import struct
import zipfile

_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|table|div|p|h[1-6]|meta|span|article)\b", re.I)
_OLE = b"\xd0\xcf\x11\xe0"  # an Office 97 compound file: Word's (.doc, WPS's .wps), Excel's, PowerPoint's
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream only a Word document has
_UNREAD = {
    b"\x89PNG": "a PNG image: a scanned report needs OCR first",
    b"\xff\xd8\xff": "a JPEG image: a scanned report needs OCR first",
    b"GIF8": "a GIF image",
    b"Rar!": "a RAR archive",
    b"\x1f\x8b": "a gzip archive",
    b"%!PS": "a PostScript file",
}


def sniff(path: str, data: bytes) -> tuple[str | None, str | None]:
    """(reader name, None) for a format some reader reads, or (None, what it is) for one none does."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf", None
    if head.startswith(_OLE):
        if _WORD_STREAM in data:
            return "doc", None
        return None, "an Office 97 file that is not a Word document (an Excel or PowerPoint file?)"
    if head.startswith(b"{\\rtf"):
        return "doc", None
    for magic, what in _UNREAD.items():
        if head.startswith(magic):
            return None, what
    if head.startswith(b"PK\x03\x04"):
        return _zip(data)
    if head.startswith(b"OFD") or path.lower().endswith(".ofd"):
        return None, "an OFD document: no reader for OFD is installed"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")) and path.lower().endswith(".json"):
        return "data", None
    if _HTML.search(head) and (text.startswith(b"<") or b"</" in head):
        return "html", None
    return None, None


def _zip(data: bytes) -> tuple[str | None, str | None]:
    """What a zip holds, told by its member names (the bounds are checked before they are listed)."""
    from reportlint.readers.archive import open_zip

    try:
        with open_zip(data) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError):
        return None, "a damaged zip archive"
    if "word/document.xml" in names:
        return "docx", None
    if any(n.startswith("xl/") for n in names):
        return None, "an Excel workbook (.xlsx): reports are read as .docx, .html, .pdf, .md or text"
    if any(n.startswith("ppt/") for n in names):
        return None, "a PowerPoint file"
    return None, "a zip archive"
