"""Opening a zip (a DOCX is one) within the bounds, before anything in it is unpacked.

A zip bomb is a small file whose entries unpack to gigabytes, or whose directory lists
millions of entries. Both are told by the zip's own bookkeeping before anything is unpacked:
the end-of-central-directory record gives the entry count and the directory's size (read
before `zipfile` builds an object per entry), and the central directory gives each entry's
unpacked size. `zipfile` never unpacks more than an entry's stated size (past it the CRC
check fails), so the sum of the stated sizes bounds what reading the package can cost.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator

from reportlint.limits import LimitExceeded, current

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_SMALLEST_RECORD = 46  # a central directory record with an empty name
_ROOM_PER_ENTRY = 1024  # a generous directory record: name and extra fields included


def stated_entries(data: bytes) -> tuple[int, int] | None:
    """(entries, directory size) as the end-of-central-directory record states them; None if there is none."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        return None
    entries, size = struct.unpack("<HI", data[at + 10 : at + 16])
    locator = at - 20
    if (
        (entries == 0xFFFF or size == 0xFFFFFFFF)
        and locator >= 0
        and data[locator : locator + 4] == _ZIP64_LOCATOR
    ):
        (offset,) = struct.unpack("<Q", data[locator + 8 : locator + 16])
        if offset + 56 <= len(data) and data[offset : offset + 4] == _ZIP64_EOCD:
            entries, size = struct.unpack("<QQ", data[offset + 32 : offset + 48])
    return entries, size


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, once its entry count and unpacked size are known to be within the bounds.

    Raises LimitExceeded (max-entries, max-decompressed-size), or zipfile.BadZipFile and the
    like for a damaged archive.
    """
    limits = current().limits
    stated = stated_entries(data)
    if stated is not None:
        entries, size = stated
        limits.check("max-entries", entries, "entries in the zip's directory")
        if limits.max_entries and size > limits.max_entries * _ROOM_PER_ENTRY:
            raise LimitExceeded(
                "max-entries",
                limits.max_entries,
                size // _SMALLEST_RECORD,
                "entries in the zip's directory (at most)",
            )
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    limits.check("max-entries", len(infos), "entries in the zip")
    limits.check(
        "max-decompressed-size", sum(info.file_size for info in infos), "unpacked size of the zip's entries"
    )
    return archive


def chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int = 1 << 20) -> Iterator[bytes]:
    """An entry unpacked piece by piece (never more than its stated size)."""
    with archive.open(info) as handle:
        while piece := handle.read(size):
            current().tick()
            yield piece
