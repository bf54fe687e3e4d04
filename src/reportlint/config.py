"""Configuration: `[tool.reportlint]` in pyproject.toml or `.reportlint.yaml`, nearest to each file.

A configuration is found by walking up from the linted file's folder; the first folder that
has one wins (a `.reportlint.yaml` before a `pyproject.toml` with a `[tool.reportlint]`
table). It is validated against `schemas/config.schema.json`: an unknown key or a wrong
type is an error naming the key and the file. Command-line flags override the file.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from reportlint.diagnostics import Severity
from reportlint.resources import load_yaml
from reportlint.schema import validate

CONFIG_FILES = (".reportlint.yaml", ".reportlint.yml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration file is unreadable or invalid (exit 2)."""


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str = "zh"
    template: str | None = None
    year: int | None = None
    previous: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    similarity: float = 0.9
    baseline: str | None = None
    overrides: list[dict[str, Any]] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    plugins: dict[str, dict[str, Any]] = field(default_factory=dict)
    # bounds on one file (reportlint.limits): bytes or "50 MB"; 0 switches a bound off
    max_file_size: int | str = 50 * 1024 * 1024
    max_decompressed_size: int | str = 200 * 1024 * 1024
    max_entries: int = 10_000
    max_pages: int = 300
    max_cells: int = 200_000
    timeout: float = 60
    source: Path | None = None  # the file it was read from

    @property
    def root(self) -> Path:
        """Globs and relative paths in the configuration are read from its own folder."""
        return self.source.parent if self.source else Path.cwd()

    def merged(self, overrides: dict[str, Any]) -> Config:
        """This configuration with the command line's settings (not None) on top."""
        values = {**self.__dict__, **{k: v for k, v in overrides.items() if v is not None}}
        return Config(**values)

    def as_dict(self) -> dict[str, Any]:
        data = {k.replace("_", "-"): v for k, v in self.__dict__.items() if k != "source"}
        data["source"] = str(self.source) if self.source else None
        return data


def _matches(selector: str, code: str, name: str) -> bool:
    return selector == "ALL" or selector == name or code.startswith(selector)


def _longest(selectors: list[str], code: str, name: str) -> int:
    """How specifically the selectors name a rule (ruff's rule: the longest matching prefix wins)."""
    found = [len(s) if s != "ALL" else 0 for s in selectors if _matches(s, code, name)]
    return max(found, default=-1)


@dataclass(frozen=True)
class Selection:
    """Which rules a file is checked with, and at what severity."""

    config: Config
    path: str

    def enabled(self, code: str, name: str) -> bool:
        chosen = _longest([*self.config.select, *self.config.extend_select], code, name)
        dropped = _longest([*self.config.ignore, *self._file_ignores()], code, name)
        return chosen >= 0 and chosen > dropped

    def severity(self, code: str, name: str, default: Severity) -> Severity:
        best, level = -1, default
        for selector, value in self.config.severity.items():
            if _matches(selector, code, name) and len(selector) > best:
                best, level = len(selector), Severity.parse(value)
        return level

    def _file_ignores(self) -> list[str]:
        if not self.config.per_file_ignores:
            return []
        relative = _relative(self.path, self.config.root)
        return [
            s
            for pattern, codes in self.config.per_file_ignores.items()
            if _glob(relative, pattern)
            for s in codes
        ]


def excluded(path: str, config: Config) -> bool:
    if not config.exclude:
        return False
    relative = _relative(path, config.root)
    return any(_glob(relative, pattern) for pattern in config.exclude)


def _relative(path: str, root: Path) -> str:
    try:
        return _resolved(Path(path)).relative_to(_resolved(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _resolved(path: Path) -> Path:
    """The path with its links followed; a link that loops (RuntimeError, ELOOP) is left as it is,
    so that the file itself is reported as unreadable (E001) rather than stopping the run."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        try:
            return path.parent.resolve() / path.name
        except (OSError, RuntimeError):
            return path.absolute()


def _glob(relative: str, pattern: str) -> bool:
    """A glob against the path relative to the configuration, or against the file's name."""
    return (
        fnmatch.fnmatch(relative, pattern)
        or PurePath(relative).match(pattern)
        or fnmatch.fnmatch(PurePath(relative).name, pattern)
    )


def for_path(
    path: str, explicit: str | None = None, by_folder: dict[Path | str, Config] | None = None
) -> Config:
    """The configuration that applies to `path`: `explicit` if given, else the nearest one above
    it (`by_folder`: what one run has already found, folder by folder)."""
    if explicit:
        chosen = Path(explicit)
        if by_folder is None:
            return load(chosen)
        if chosen not in by_folder:
            by_folder[chosen] = load(chosen)
        return by_folder[chosen]
    if by_folder is None:
        return _nearest(_folder_of(path))
    # a plain file's folder is resolved once for all its files (a folder of 10,000 reports)
    plain = not os.path.islink(path) and not os.path.isdir(path)
    given = (os.path.dirname(path) or ".") if plain else None  # the folder as written: str keys
    if given is not None and given in by_folder:
        return by_folder[given]
    folder = _resolved(Path(given)) if given is not None else _folder_of(path)
    if folder not in by_folder:
        by_folder[folder] = _nearest(folder)
    if given is not None:
        by_folder[given] = by_folder[folder]
    return by_folder[folder]


def _folder_of(path: str) -> Path:
    resolved = _resolved(Path(path))
    return resolved if resolved.is_dir() else resolved.parent


def _nearest(folder: Path) -> Config:
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            found = candidate / name
            if found.is_file() and (name != "pyproject.toml" or _has_table(found)):
                stat = found.stat()
                return _cached(found, stat.st_mtime_ns, stat.st_size)
    return Config()


@functools.lru_cache(maxsize=256)
def _cached(path: Path, mtime: int, size: int) -> Config:
    """A configuration file is read once per run, and again only when it changes."""
    return load(path)


@functools.lru_cache(maxsize=256)
def _has_table(pyproject: Path) -> bool:
    return "tool" in (data := _read_toml(pyproject)) and "reportlint" in data["tool"]


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return data


def load(path: Path) -> Config:
    """Read and validate one configuration file."""
    if path.name == "pyproject.toml":
        raw = _read_toml(path).get("tool", {}).get("reportlint", {})
    else:
        try:
            raw = load_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, ValueError) as exc:  # a tag that would build a Python object too
            raise ConfigError(f"{path}: {' '.join(str(exc).split())}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the configuration must be a table of settings")
    raw = {str(k).replace("_", "-"): v for k, v in raw.items()}
    problems = validate(raw, "config.schema.json")
    if problems:
        first = problems[0]
        where = first.pointer.strip("/") or "(top level)"
        raise ConfigError(f"{path}: {where}: {first.message}")
    values = {k.replace("-", "_"): v for k, v in raw.items()}
    return Config(**values, source=path.resolve())
