"""Make the old-format test reports of tests/test_doc.py: the office DOCX test reports saved by
LibreOffice as Word 97–2003 (.doc) and as RTF, the way an office's old Word saves them.

    .venv/bin/python tests/data/doc/make_docs.py     (needs soffice: apt-get install libreoffice-writer-nogui)

The sources are tests/data/pdf/seed.docx and m402.docx (made by tests/data/pdf/make_office_pdfs.py);
the test compares each old-format file with its DOCX. Reading these files converts them, so
the tests that read them skip where soffice is absent; CI installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE.parent / "pdf"
MADE = {"seed.docx": ("doc", "rtf"), "m402.docx": ("doc",)}
FILTERS = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format"}


def convert(source: Path, to: str) -> Path:
    with tempfile.TemporaryDirectory(prefix="reportlint-make-doc-") as work:
        out = Path(work) / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                FILTERS[to],
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        target = HERE / f"{source.stem}.{to}"
        shutil.move(str(out / target.name), target)
        return target


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice is not installed (apt-get install libreoffice-writer-nogui)", file=sys.stderr)
        return 1
    for name, formats in MADE.items():
        for to in formats:
            made = convert(SOURCES / name, to)
            print(f"wrote {made.name} ({made.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
