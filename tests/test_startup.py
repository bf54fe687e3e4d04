"""Start-up: what a run loads, and the per-installation cache (reportlint.install_cache).

A pre-commit hook starts reportlint on every commit. Linting a text report must not load
the other formats' stacks, the other reporters, jsonschema, PyYAML or — once the installed
plugins and the compiled schema checks are kept — importlib.metadata and fastjsonschema;
what is worked out the same way every time is kept under $XDG_CACHE_HOME/reportlint, and a
damaged or unwritable cache changes nothing but the time taken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SEED

_LOADED = """
import sys
from reportlint.cli import main
code = main(["check", "--no-cache", "--format", sys.argv[2], sys.argv[1]])
heavy = ("jsonschema", "yaml", "pdfplumber", "docx", "lxml", "markdown_it", "reportlint.reporters.review",
         "reportlint.reporters.sarif", "reportlint.readers.html", "reportlint.readers.pdf", "dask",
         "importlib.metadata", "fastjsonschema")
print("\\n" + " ".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def loaded(path: Path, fmt: str, cache: Path) -> list[str]:
    done = run("-c", _LOADED, str(path), fmt, cache=cache)
    return done.stderr.splitlines()[-1].split()


def test_a_text_report_loads_nothing_it_does_not_need(tmp_path):
    cache = tmp_path / "cache"
    loaded(SEED, "text", cache)  # the first run fills the cache (the templates' YAML is parsed)
    assert loaded(SEED, "text", cache) == []
    assert loaded(SEED, "sarif", cache) == ["reportlint.reporters.sarif"]


def test_an_invalid_rule_pack_is_still_described_by_jsonschema():
    """The compiled check answers 'valid' fast; a problem is still worded by jsonschema."""
    from reportlint.resources import data_dir, load_yaml
    from reportlint.schema import validate

    pack = load_yaml(next(data_dir("rules").glob("*.yaml")).read_text(encoding="utf-8"))
    assert validate(pack, "rulepack.schema.json") == []
    pack["identities"][0]["check"] = 42
    problems = validate(pack, "rulepack.schema.json")
    assert [p.pointer for p in problems] == ["/identities/0/check"]
    assert "42 is not of type 'string'" in problems[0].message


def test_the_cache_is_filled_once_and_read_back(tmp_path):
    cache = tmp_path / "cache"
    first = run("-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=cache)
    kinds = sorted(p.name for p in (cache / "reportlint").iterdir())
    assert kinds == ["plugins", "schemas", "unicode", "yaml"]
    entries = sorted(p for p in (cache / "reportlint").rglob("*") if p.is_file())
    stamps = [p.stat().st_mtime_ns for p in entries]
    again = run("-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=cache)
    assert again.stdout == first.stdout and json.loads(first.stdout)
    assert [p.stat().st_mtime_ns for p in entries] == stamps  # read, not written again


def test_a_damaged_cache_gives_the_same_result(tmp_path):
    cache = tmp_path / "cache"
    clean = run("-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=cache)
    for entry in (p for p in (cache / "reportlint").rglob("*") if p.is_file()):
        entry.write_bytes(b"\x00garbage{[" * 10)
    damaged = run("-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=cache)
    assert damaged.returncode == clean.returncode
    assert damaged.stdout == clean.stdout and "L201" in clean.stdout and not damaged.stderr


def test_no_cache_folder_gives_the_same_result(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with_cache = run(
        "-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=tmp_path / "c"
    )
    without = run("-m", "reportlint", "check", "--no-cache", "--format", "json", str(SEED), cache=blocked)
    assert without.stdout == with_cache.stdout and not without.stderr


_PLUGIN = """
from reportlint.hookspecs import hookimpl


class Hello:
    def render(self, diagnostics, sources):
        return f"hello: {len(diagnostics)} findings\\n"


@hookimpl
def reportlint_add_reporters():
    return {"hello": Hello()}
"""


def test_a_plugin_installed_after_the_entry_points_are_kept_is_found(tmp_path):
    """The kept entry points follow the metadata folders on sys.path, not the working folder's time."""
    cache, site = tmp_path / "cache", tmp_path / "site"
    site.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(site)}

    def check(fmt: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", fmt, str(SEED)]
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)

    assert check("hello").returncode == 2  # no such format yet; the entry points are kept now
    (site / "hello_plugin.py").write_text(_PLUGIN, encoding="utf-8")
    meta = site / "hello_plugin-1.0.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hello-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (meta / "entry_points.txt").write_text("[reportlint]\nhello = hello_plugin\n", encoding="utf-8")
    found = check("hello")
    assert found.stdout.startswith("hello: ") and not found.stderr
    (tmp_path / "unrelated.txt").write_text("a file written to the working folder", encoding="utf-8")
    kept = sorted((cache / "reportlint" / "plugins").iterdir())
    assert check("hello").stdout == found.stdout
    assert sorted((cache / "reportlint" / "plugins").iterdir()) == kept  # read back, not made again
