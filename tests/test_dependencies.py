"""A cached answer never outlives the library that made it: installing, upgrading or removing
a reader's library after a run gives the new answer, from the run cache and the per-file cache.

The library is hidden the way a missing install looks to Python: a package of the same name,
earlier on the path, whose import fails. Removing it is the install; adding it back, the removal.
The environment, the folder and the command stay the same between runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import plugins
from reportlint.dependencies import module_stamp, program_stamp

pytest.importorskip("reportlab", reason="the PDF is drawn with reportlab ([test] extra)")

from pdf_writer import render_pdf
from reportlint.api import parse_file

from conftest import SEED

NOT_INSTALLED = "cannot be imported"


def _pdf_reader() -> object:
    return next(reader for reader in plugins.readers() if reader.name == "pdf")


def _hide(shadow: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (shadow / name).mkdir(parents=True, exist_ok=True)
        (shadow / name / "__init__.py").write_text(f"raise ImportError('{name} hidden by the test')\n")


def _unhide(shadow: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (shadow / name / "__init__.py").unlink()
        (shadow / name).rmdir()


def _check(folder: Path, shadow: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(shadow), "XDG_CACHE_HOME": str(folder / "xdg")}
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "report.pdf", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.fixture
def pdf_folder(tmp_path: Path) -> Path:
    report = parse_file(str(SEED)).report
    assert report is not None
    render_pdf(report, tmp_path / "report.pdf")
    return tmp_path


def test_installing_the_pdf_library_after_a_run_gives_the_new_answer(pdf_folder: Path) -> None:
    pytest.importorskip("pdfplumber", reason="the install is faked by hiding the installed library")
    names = tuple(getattr(_pdf_reader(), "requires", ()))
    assert names, "the PDF reader names the libraries it imports"
    shadow = pdf_folder / "shadow"
    _hide(shadow, names)
    assert NOT_INSTALLED in _check(pdf_folder, shadow)  # kept in the run cache and the per-file cache
    assert NOT_INSTALLED in _check(pdf_folder, shadow, "--format", "json")

    _unhide(shadow, names)  # "pip install"; then the same commands in the same folder
    # first the JSON run: a run key of its own was kept, and the file's entry is the E001's
    codes = {d["code"] for d in json.loads(_check(pdf_folder, shadow, "--format", "json"))}
    assert "W901" in codes and "E001" not in codes  # the seed's 对对, read from the PDF
    # then the text run, whose whole output was kept
    again = _check(pdf_folder, shadow)
    assert NOT_INSTALLED not in again and " W901 " in again

    _hide(shadow, names)  # and "pip uninstall" is seen too
    assert NOT_INSTALLED in _check(pdf_folder, shadow)


def test_stamps_follow_what_is_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert module_stamp("reportlint_no_such_module") == "absent"
    assert program_stamp("reportlint-no-such-program") == "absent"
    package = tmp_path / "reportlint_fake_library"
    package.mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    installed = module_stamp("reportlint_fake_library")
    assert installed.startswith(str(package / "__init__.py"))
    (package / "__init__.py").unlink()
    (package / "__init__.py").write_text("VERSION = 22\n")  # an upgrade rewrites the file
    assert module_stamp("reportlint_fake_library") not in ("absent", installed)


def test_every_builtin_reader_and_reporter_says_what_it_uses() -> None:
    """Naming them costs nothing: neither the reader's module nor its library is imported."""
    probe = (
        "import json, sys\n"
        "from reportlint import plugins\n"
        "from reportlint.dependencies import stamps\n"
        "lines = stamps([*plugins.readers(), *plugins.reporters().values()])\n"
        "print(json.dumps({'lines': lines, 'modules': sorted(sys.modules)}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    found = json.loads(result.stdout)
    loaded = {"pdfplumber", "docx", "lxml", "reportlint.readers.pdf", "reportlint.reporters.review"}
    assert not loaded & set(found["modules"])
    for name in ("lxml", "docx", "pdfplumber", "charset_normalizer", "yaml"):
        assert any(
            line.startswith(f"module:{name}:") and not line.endswith(":absent") for line in found["lines"]
        )


def test_the_per_file_key_names_reportlints_own_files() -> None:
    """In a checkout the code changes while the version stays: each file's stamp is in the key."""
    from reportlint import api

    signature = api.rule_signature()
    own = [line for line in signature if line.startswith(str(Path(api.__file__).parent))]
    assert any(line.startswith(api.__file__ + " ") for line in own)
    assert any("gov-2021.yaml" in line for line in signature)  # the template and the rule pack
