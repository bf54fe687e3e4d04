"""Turning bytes into text: BOMs, UTF-8, GB18030/GBK and what the detector finds.

UTF-8 is tried strictly first because it is both the most common encoding and the
only one whose success proves itself; the detector (charset-normalizer) is imported
only when UTF-8 fails, to keep start-up light.
"""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in any encoding a report is published in."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings reports actually come in; the detector is asked to choose among these only,
# so that a short Chinese text is not taken for, say, a Cyrillic code page.
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_8"]


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
            " and no other Chinese encoding fits"
        )
    return str(best), best.encoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.05
