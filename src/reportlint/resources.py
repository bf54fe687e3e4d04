"""Where the data files are: inside the installed package, or beside `src/` in a checkout."""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    """`rules` or `schemas`: the wheel carries them in the package; a checkout keeps them at the top."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} is missing from the installation")
