"""The plugin manager: built-in plugins first, then those installed under entry-point group `reportlint`.

A third-party plugin that fails — its import raises, or one of its hooks raises while
rules, rule packs, readers or reporters are collected, or a rule pack it gives is invalid —
is dropped with a one-line warning on stderr and the run goes on with the others: one
broken plugin on a machine must not stop every report from being checked. A built-in
plugin that fails is a bug in reportlint and still raises.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import pluggy

from reportlint import hookspecs, install_cache

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

_dropped: set[str] = set()  # third-party plugins set aside in this process, each warned about once
_versions: dict[str, str] = {}  # plugin name: "distribution version", of those loaded from entry points


class PluginError(RuntimeError):
    """A plugin or rule pack could not be loaded."""


@functools.lru_cache(maxsize=1)
def manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("reportlint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    _load_entry_points(pm)
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """pluggy's `load_setuptools_entrypoints`, one plugin at a time: a failing one is skipped, not fatal."""
    for name, value, distribution in _entry_points():
        if pm.has_plugin(name) or pm.is_blocked(name):
            continue
        try:
            pm.register(_load(value), name=name)
            _versions[name] = distribution
        except Exception as exc:
            _drop(pm, name, exc)


def _entry_points() -> list[tuple[str, str, str]]:
    """(name, object reference, "distribution version") of each entry point in group `reportlint`.

    Finding them means importlib.metadata and a look at every installed distribution, a
    sixth of a pre-commit hook's start; the answer is kept in the install cache under the
    metadata folders on sys.path and their times, which change when a distribution is
    installed, upgraded or removed."""
    kept = install_cache.entry("plugins", "entry-points", sys.version, *map(_stamp, sys.path))
    if (text := install_cache.read(kept)) is not None:
        with contextlib.suppress(ValueError, TypeError):
            return [(str(n), str(v), str(d)) for n, v, d in json.loads(text)]
    import importlib.metadata

    found = [
        (ep.name, ep.value, f"{dist.metadata['Name']} {dist.version}")
        for dist in importlib.metadata.distributions()
        for ep in dist.entry_points
        if ep.group == "reportlint"
    ]
    install_cache.write(kept, json.dumps(found))
    return found


def _stamp(entry: str) -> str:
    """A sys.path entry as far as installed distributions go: its metadata folders and their
    times (a folder's own time would change with every file written to the working folder)."""
    try:
        if not os.path.isdir(entry or "."):
            found = os.stat(entry)
            return f"{entry} {found.st_size} {found.st_mtime_ns}"
        with os.scandir(entry or ".") as entries:
            meta = sorted(
                f"{e.name}:{e.stat().st_mtime_ns}"
                for e in entries
                if e.name.endswith((".dist-info", ".egg-info"))
            )
    except OSError:
        return f"{entry} -"
    return f"{entry} {' '.join(meta)}"


def _load(value: str) -> Any:
    """The object an entry point names, `module:attribute.path` (as EntryPoint.load reads it)."""
    module, _, attribute = value.partition(":")
    found: Any = importlib.import_module(module.strip())
    for part in attribute.split("[")[0].strip().split("."):
        if part:
            found = getattr(found, part)
    return found


def versions() -> list[str]:
    """The installed plugins and the versions of the distributions that bring them: an upgraded
    plugin makes the results cached under the old one stale."""
    manager()
    return sorted(f"{name}={found}" for name, found in _versions.items() if name not in _dropped)


def _drop(pm: pluggy.PluginManager, name: str, exc: BaseException) -> None:
    """Warn once, unregister the plugin, and forget what was collected while it was still in."""
    if name in BUILTIN_PLUGINS:
        raise exc
    if name not in _dropped:
        _dropped.add(name)
        detail = f"{type(exc).__name__}: {exc}" if not isinstance(exc, PluginError) else str(exc)
        print(f"reportlint: plugin {name} failed to load: {detail}; running without it", file=sys.stderr)
    pm.set_blocked(name)  # unregisters it, and keeps it out
    for cached in (rules, readers, reporters):
        cached.cache_clear()


def _collect(hook: str) -> list[tuple[str, Any]]:
    """(plugin name, result) of each implementation of an argument-less hook, in pluggy's call order.

    Each plugin is called on its own so that the one whose hook raises can be dropped; a
    hook wrapper changes the others' results, so with one installed the hook is called whole.
    """
    pm = manager()
    impls = getattr(pm.hook, hook).get_hookimpls()
    if any(impl.hookwrapper or impl.wrapper for impl in impls):
        return [("", result) for result in getattr(pm.hook, hook)()]
    results: list[tuple[str, Any]] = []
    for impl in reversed(impls):
        try:
            result = impl.function()
        except Exception as exc:
            _drop(pm, impl.plugin_name, exc)
            continue
        if result is not None:
            results.append((impl.plugin_name, result))
    return results


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Any, ...]:
    """Every rule: those plugins give directly and those built from rule packs."""
    from reportlint.rulepacks import load_pack

    pm = manager()
    found: list[tuple[str, Any]] = [
        (plugin, rule) for plugin, batch in _collect("reportlint_add_rules") for rule in batch
    ]
    for plugin, batch in _collect("reportlint_add_rulepacks"):
        try:
            found += [(plugin, rule) for path in batch for rule in load_pack(Path(path))]
        except PluginError as exc:
            if not plugin or plugin in BUILTIN_PLUGINS:
                raise
            _drop(pm, plugin, exc)
    kept = [rule for plugin, rule in found if plugin not in _dropped]
    codes: dict[str, str] = {}
    for rule in kept:
        key = f"{rule.code}:{getattr(rule, 'templates', '')}"
        if key in codes and codes[key] != rule.name:
            raise PluginError(f"rule code {rule.code} is claimed by both {codes[key]} and {rule.name}")
        codes[key] = rule.name
    return tuple(sorted(kept, key=lambda r: r.code))


@functools.lru_cache(maxsize=1)
def readers() -> tuple[Any, ...]:
    return tuple(reader for _, batch in _collect("reportlint_add_readers") for reader in batch)


@functools.lru_cache(maxsize=1)
def reporters() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _, batch in reversed(_collect("reportlint_add_reporters")):
        found.update(batch)
    return found


def identities() -> tuple[Any, ...]:
    """The rules that are table identities (from rule packs): the extractor uses them to recover fused rows."""
    return tuple(rule for rule in rules() if hasattr(rule, "comparison") and hasattr(rule, "each"))
