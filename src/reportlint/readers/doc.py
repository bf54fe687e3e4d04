"""Word 97–2003 (.doc), WPS (.wps) and RTF reports: converted to DOCX by LibreOffice, then read as DOCX.

County and township sites still post .doc and .wps files. No well-kept Python library reads
Word's binary format, and LibreOffice's import filters are what offices use to open them, so
where `soffice` is on PATH the file is converted in a private temporary folder (its own
LibreOffice profile, so that runs in parallel do not share one) and the DOCX reader reads
the result: the same Document, the same codes as the DOCX. WPS Office's .wps is Word's
binary format under another name; LibreOffice tells the format by content.

The conversion runs under the file's time bound (the `timeout` setting; 120 s where none is
set) and is killed with its whole process group when that runs out; the converted DOCX
passes the DOCX reader's own size bounds. Without LibreOffice the file is E001, saying how
to get it. Locations are the converted document's ("paragraph 12", "table 2, row 5").
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from reportlint.document import Document
from reportlint.limits import LimitExceeded, current
from reportlint.readers import ReadError

NOT_INSTALLED = (
    "a Word 97–2003, WPS or RTF file: reportlint converts it with LibreOffice, which is not installed "
    "here (apt-get install libreoffice-writer-nogui); or save it as .docx"
)
_DEFAULT_SECONDS = 120.0  # where the configuration sets no time bound: a conversion still ends
_PROGRAM = "soffice"


class DocReader:
    name = "doc"
    extensions = (".doc", ".wps", ".rtf")

    def read(self, path: str, data: bytes) -> Document:
        import shutil

        program = shutil.which(_PROGRAM)
        if program is None:
            raise ReadError(NOT_INSTALLED)
        if not data.strip():
            raise ReadError("the file is empty")
        from reportlint.readers.docx import DocxReader

        document = DocxReader().read(path, to_docx(program, data, _source_suffix(data)))
        document.format = "doc"
        return document


def to_docx(program: str, data: bytes, suffix: str) -> bytes:
    """The file converted to DOCX by LibreOffice headless, in a private folder removed afterwards."""
    remaining = current().remaining()
    seconds = _DEFAULT_SECONDS if remaining is None else max(remaining, 0.1)
    with tempfile.TemporaryDirectory(prefix="reportlint-doc-") as work:
        folder = Path(work)
        source = folder / f"report{suffix}"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        _run(command, seconds)
        converted = folder / "out" / "report.docx"
        if not converted.is_file():
            raise ReadError("LibreOffice could not convert it (damaged, or not a Word, WPS or RTF document)")
        return converted.read_bytes()


def _run(command: list[str], seconds: float) -> None:
    """Run the converter; past `seconds`, or if anything ends this file, kill it and its children."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise LimitExceeded("timeout", current().limits.timeout or _DEFAULT_SECONDS) from None
    except BaseException:  # the file's watchdog (E006) or an interrupt: leave nothing running
        _kill(process)
        raise


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _source_suffix(data: bytes) -> str:
    """The name LibreOffice is given: by content, since .wps is Word's format under another name."""
    return ".rtf" if data.lstrip()[:5] == b"{\\rtf" else ".doc"
