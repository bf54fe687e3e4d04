"""--fix and --diff: safe fixes only, in the file's own encoding and line endings, atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reportlint.readers.text import parse_text
from reportlint.writers import docx, html
from reportlint.writers.layout import document_blocks

from conftest import SEED, run_cli

SEED_TEXT = SEED.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_diff_shows_and_changes_nothing(tmp_path):
    path = write(tmp_path, "r.txt", SEED.read_bytes())
    result = run_cli("check", "--diff", str(path))
    assert (
        "-信息内容\t本年制发件数\t本年度止件数" in result.stdout
        and "+信息内容\t本年制发件数\t本年废止件数" in result.stdout
    )
    assert result.returncode == 1 and path.read_bytes() == SEED.read_bytes()


def test_check_alone_never_changes_a_file(tmp_path):
    path = write(tmp_path, "r.txt", SEED.read_bytes())
    run_cli("check", str(path))
    assert path.read_bytes() == SEED.read_bytes()


def test_fix_keeps_encoding_line_endings_and_permissions(tmp_path):
    original = SEED_TEXT.replace("\n", "\r\n").encode("gb18030")
    path = write(tmp_path, "r.txt", original)
    os.chmod(path, 0o640)
    assert run_cli("check", "--fix", str(path)).returncode == 0
    fixed = path.read_bytes()
    assert fixed == SEED_TEXT.replace("本年度止件数", "本年废止件数").replace("\n", "\r\n").encode("gb18030")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_fix_punctuation_width_but_never_a_figure(tmp_path):
    text = SEED_TEXT.replace("2024年度我街道未收取", "做好公开，依申请公开,信息管理。2024年度我街道未收取")
    path = write(tmp_path, "r.txt", text.encode("utf-8"))
    run_cli("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "依申请公开，信息管理" in fixed
    digits = [c for c in text if c.isdigit()]
    assert [c for c in fixed if c.isdigit()] == digits


def test_fix_in_html_replaces_only_the_text(tmp_path):
    page = html.render_blocks(document_blocks(parse_text("s.txt", SEED_TEXT)))
    path = write(tmp_path, "r.html", page)
    run_cli("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "<td>本年废止件数</td>" in fixed and fixed.replace("本年废止件数", "本年度止件数") == page.decode()


def test_word_files_are_never_changed(tmp_path):
    path = write(tmp_path, "r.docx", docx.render_blocks(document_blocks(parse_text("s.txt", SEED_TEXT))))
    before = path.read_bytes()
    run_cli("check", "--fix", str(path))
    assert path.read_bytes() == before
