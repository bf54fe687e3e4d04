"""What a result depends on outside reportlint: the libraries and programs that make it.

A PDF linted without its PDF library is an E001 ("PDF support is not installed"); after
`pip install` the same file gives its findings. A cached result must therefore name, in its
key, every library and external program whose presence or version changes what a reader,
a rule or a reporter gives. Each is stamped without importing it: a library by where
`importlib` would load it from and that file's size and times (an install, upgrade or
removal rewrites it), a program by where `PATH` finds it and its file's stamp.

reportlint's own files count too: in an editable install (a checkout) the code changes while
the version stays, and an answer kept from the old code would outlive it.

Readers and reporters say what they use in two optional attributes, `requires` (importable
module names) and `programs` (executables looked up on PATH); plugins may set them too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

# What the core itself uses to decode text, match labels and lay out messages, whatever the format.
CORE_REQUIRES = ("charset_normalizer", "rapidfuzz", "opencc", "wcwidth", "jsonschema", "fastjsonschema")


def stamps(components: Iterable[Any]) -> list[str]:
    """One line per library or program the components use, with what is installed now."""
    found = {f"module:{name}:{module_stamp(name)}" for name in CORE_REQUIRES}
    for component in components:
        found.update(f"module:{name}:{module_stamp(name)}" for name in getattr(component, "requires", ()))
        found.update(f"program:{name}:{program_stamp(name)}" for name in getattr(component, "programs", ()))
    return sorted(found)


def own_files() -> list[str]:
    """reportlint's own files (code, templates, rule packs, schemas) with their stamps."""
    from pathlib import Path

    from reportlint.resources import data_dir

    folders = [Path(__file__).parent, data_dir("rules"), data_dir("schemas")]
    return [
        f"{path} {stamp(str(path))}"
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".py", ".yaml", ".yml", ".json") and "__pycache__" not in path.parts
    ]


def module_stamp(name: str) -> str:
    """Where the module would be imported from, and that file's stamp; "absent" when it cannot be."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a parent package missing, or a module without a spec
        return "absent"
    if spec is None:
        return "absent"
    origin = spec.origin if spec.origin not in (None, "namespace") else None
    if origin is None and spec.submodule_search_locations:
        origin = next(iter(spec.submodule_search_locations), None)
    return f"{origin} {stamp(origin)}" if origin else "present"


def program_stamp(name: str) -> str:
    import shutil

    found = shutil.which(name)
    return f"{found} {stamp(found)}" if found else "absent"


def stamp(path: str) -> str:
    """A file's size, times and inode: what an install, an edit or a replacement changes."""
    try:
        found = os.stat(path)
    except OSError as exc:
        return f"unreadable {exc.errno}"
    return f"{found.st_size} {found.st_mtime_ns} {found.st_ctime_ns} {found.st_ino}"
