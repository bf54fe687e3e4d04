"""Where the data files are: inside the installed package, or beside `src/` in a checkout."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    """`rules` or `schemas`: the wheel carries them in the package; a checkout keeps them at the top."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} is missing from the installation")


def load_yaml(text: str) -> Any:
    """Safe YAML loading, with libyaml's parser where it is installed (several times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)
