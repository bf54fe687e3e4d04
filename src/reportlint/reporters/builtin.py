"""Registers the built-in reporters through the same hook a plugin uses.

Each reporter's module is imported only when its format is asked for, so that a run that
writes text never loads the review page's or SARIF's code.
"""

from __future__ import annotations

import importlib
from typing import Any

from reportlint.hookspecs import hookimpl


class LazyReporter:
    """A reporter whose implementation loads on first use (its methods are the real one's).

    `requires` is set here, not looked up on the real one: asking must not load it.
    """

    programs: tuple[str, ...] = ()  # the built-in ones call no external program

    def __init__(self, target: str, requires: tuple[str, ...] = ()) -> None:
        self._target = target
        self.requires = requires
        self._reporter: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._reporter is None:
            module, _, cls = self._target.partition(":")
            self._reporter = getattr(importlib.import_module(module), cls)()
        return getattr(self._reporter, name)


@hookimpl
def reportlint_add_reporters() -> dict[str, Any]:
    return {
        name: LazyReporter(f"reportlint.reporters.{target}", ("wcwidth",) if name == "text" else ())
        for name, target in {
            "text": "text:TextReporter",
            "json": "json:JsonReporter",
            "sarif": "sarif:SarifReporter",
            "github": "github:GithubReporter",
            "junit": "junit:JunitReporter",
            "gitlab": "gitlab:GitlabReporter",
            "html": "review:ReviewReporter",
        }.items()
    }
