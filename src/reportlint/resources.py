"""Where the data files are: inside the installed package, or beside `src/` in a checkout."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from reportlint import install_cache

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    """`rules` or `schemas`: the wheel carries them in the package; a checkout keeps them at the top."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} is missing from the installation")


class YamlError(ValueError):
    """A YAML file that cannot be parsed (or would build a Python object): PyYAML's message."""


def load_yaml(text: str) -> Any:
    """Safe YAML loading, with libyaml's parser where it is installed (several times faster).
    PyYAML is imported here, not at start-up: a run with no YAML to read never loads it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise YamlError(str(exc)) from exc


def load_data_yaml(text: str) -> Any:
    """A template's or rule pack's YAML, parsed once per installation: its JSON form is kept
    (install_cache) and read back, which is faster than parsing YAML and needs no YAML library.
    Data JSON cannot hold the same way (keys that are not strings, dates) is parsed each time."""
    kept = install_cache.entry("yaml", "data.json", text)
    stored = install_cache.read(kept)
    if stored is not None:
        try:
            return json.loads(stored)
        except ValueError:
            pass
    data = load_yaml(text)
    try:
        as_json = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data
    if json.loads(as_json) == data:
        install_cache.write(kept, as_json)
    return data
