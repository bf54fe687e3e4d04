"""Word 97–2003 (.doc), WPS (.wps) and RTF reports: converted by LibreOffice and read as the DOCX.

tests/data/doc holds the office test reports (tests/data/pdf/*.docx) saved by LibreOffice as
.doc and RTF (make_docs.py). WPS Office's .wps is Word's binary format under its own name, so
the .wps case is the .doc's bytes under that name. Tests that convert skip where soffice is
absent; the ones that need no LibreOffice (the E001 without it, a converter that hangs) run
everywhere on POSIX.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import time
from pathlib import Path

import pytest

from reportlint.api import Options, lint_file, lint_paths

DOC = Path(__file__).parent / "data" / "doc"
DOCX = Path(__file__).parent / "data" / "pdf"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)


def cells(report) -> dict[str, dict[str, dict[str, tuple[str, object]]]]:
    assert report is not None
    return {
        key: {row: {c: (v.status, v.value) for c, v in cols.items()} for row, cols in table.rows.items()}
        for key, table in report.tables.items()
    }


def codes(result) -> list[str]:
    return sorted(d.code for d in result.diagnostics)


@needs_soffice
@pytest.mark.parametrize(
    ("old", "docx"), [("seed.doc", "seed.docx"), ("seed.rtf", "seed.docx"), ("m402.doc", "m402.docx")]
)
def test_an_old_format_file_gives_its_docxs_model_and_codes(old: str, docx: str) -> None:
    converted, original = lint_file(str(DOC / old)), lint_file(str(DOCX / docx))
    assert "E001" not in codes(converted)
    assert cells(converted.report) == cells(original.report)
    assert codes(converted) == codes(original)
    if old.startswith("m402"):
        assert "M402" in codes(converted)


@needs_soffice
def test_a_wps_file_is_read_like_the_doc(tmp_path: Path) -> None:
    wps = tmp_path / "某某局2024年政府信息公开工作年度报告.wps"
    wps.write_bytes((DOC / "seed.doc").read_bytes())
    assert codes(lint_file(str(wps))) == codes(lint_file(str(DOCX / "seed.docx")))


def test_without_libreoffice_the_file_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on PATH
    result = lint_file(str(DOC / "seed.doc"))
    assert codes(result) == ["E001"]
    message = result.diagnostics[0].message
    assert "LibreOffice" in message and "libreoffice-writer-nogui" in message and ".docx" in message


def test_an_office_97_file_that_is_not_word_is_named(tmp_path: Path) -> None:
    sheet = tmp_path / "report.doc"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))  # no WordDocument stream
    result = lint_file(str(sheet))
    assert codes(result) == ["E001"] and "not a Word document" in result.diagnostics[0].message


@pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")
def test_a_conversion_that_hangs_ends_at_the_time_bound_and_leaves_nothing_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "soffice"
    # a child of its own, too; its duration marks this test's processes (runs in parallel have others)
    marker = f"sleep {40 + secrets.randbelow(10**6) / 10**6:.6f}"
    fake.write_text(f"#!/bin/sh\n{marker} &\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}:/usr/bin:/bin")
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(DOC / "seed.doc", reports / "seed.doc")
    (reports / ".reportlint.yaml").write_text("timeout: 1\n", encoding="utf-8")
    started = time.monotonic()
    [result] = lint_paths([str(reports)], Options())
    assert time.monotonic() - started < 30
    assert codes(result) == ["E006"] and "timeout" in result.diagnostics[0].message
    assert not _running(marker)  # the converter and its child were killed with their group


def _running(marker: str) -> list[str]:
    """Command lines of running processes that hold `marker` (Linux's /proc; none elsewhere)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:  # the process ended while we looked
            continue
        if marker in line:
            found.append(line)
    return found
