"""The hooks through which every rule, rule pack, reader and reporter is registered.

Built-in rules use these hooks exactly as a third-party plugin does (entry-point group
``reportlint``): the core has no private path.
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("reportlint")
hookimpl = pluggy.HookimplMarker("reportlint")


@hookspec
def reportlint_add_rules() -> list[Any]:  # type: ignore[empty-body]
    """Return rule objects (subclasses of `reportlint.rule.Rule`, instantiated)."""


@hookspec
def reportlint_add_rulepacks() -> list[Any]:  # type: ignore[empty-body]
    """Return paths of YAML rule packs (validated by schemas/rulepack.schema.json)."""


@hookspec
def reportlint_add_readers() -> list[Any]:  # type: ignore[empty-body]
    """Return readers: objects with `name`, `extensions` and `read(path, data) -> Document`."""


@hookspec
def reportlint_add_reporters() -> dict[str, Any]:  # type: ignore[empty-body]
    """Return {format name: reporter}; a reporter has `render(diagnostics, sources) -> str`,
    `sources` mapping each linted path to its source lines. `--format NAME` chooses it."""


@hookspec
def reportlint_configure(config: dict[str, Any]) -> None:
    """Receive the effective configuration of the run, before any rule runs.

    `config` is the settings as `reportlint config` prints them; a plugin reads its own
    table from `config["plugins"][its name]`.
    """
