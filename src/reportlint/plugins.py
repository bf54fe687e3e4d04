"""The plugin manager: built-in plugins first, then those installed under entry-point group `reportlint`."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any

import pluggy

from reportlint import hookspecs

BUILTIN_PLUGINS = (
    "reportlint.readers.builtin",
    "reportlint.reporters.builtin",
    "reportlint.checks.inputs",
    "reportlint.checks.structure",
    "reportlint.checks.labels",
    "reportlint.checks.values",
    "reportlint.checks.arithmetic",
    "reportlint.checks.fees",
    "reportlint.checks.text_tables",
    "reportlint.checks.dates",
    "reportlint.checks.plausibility",
    "reportlint.checks.crossyear",
    "reportlint.checks.writing",
    "reportlint.checks.content",
)


class PluginError(RuntimeError):
    """A plugin or rule pack could not be loaded."""


@functools.lru_cache(maxsize=1)
def manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("reportlint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    try:
        pm.load_setuptools_entrypoints("reportlint")
    except Exception as exc:  # a broken third-party plugin must not take the core down silently
        raise PluginError(f"a reportlint plugin failed to load: {exc}") from exc
    return pm


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Any, ...]:
    """Every rule: those plugins give directly and those built from rule packs."""
    from reportlint.rulepacks import load_pack

    found: list[Any] = [rule for batch in manager().hook.reportlint_add_rules() for rule in batch]
    for batch in manager().hook.reportlint_add_rulepacks():
        for path in batch:
            found += load_pack(Path(path))
    codes: dict[str, str] = {}
    for rule in found:
        key = f"{rule.code}:{getattr(rule, 'templates', '')}"
        if key in codes and codes[key] != rule.name:
            raise PluginError(f"rule code {rule.code} is claimed by both {codes[key]} and {rule.name}")
        codes[key] = rule.name
    return tuple(sorted(found, key=lambda r: r.code))


@functools.lru_cache(maxsize=1)
def readers() -> tuple[Any, ...]:
    return tuple(reader for batch in manager().hook.reportlint_add_readers() for reader in batch)


@functools.lru_cache(maxsize=1)
def reporters() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for batch in reversed(manager().hook.reportlint_add_reporters()):
        found.update(batch)
    return found


def identities() -> tuple[Any, ...]:
    """The rules that are table identities (from rule packs): the extractor uses them to recover fused rows."""
    return tuple(rule for rule in rules() if hasattr(rule, "comparison") and hasattr(rule, "each"))
