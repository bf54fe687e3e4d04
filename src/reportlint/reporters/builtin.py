"""Registers the built-in reporters through the same hook a plugin uses."""

from __future__ import annotations

from typing import Any

from reportlint.hookspecs import hookimpl
from reportlint.reporters.github import GithubReporter
from reportlint.reporters.gitlab import GitlabReporter
from reportlint.reporters.json import JsonReporter
from reportlint.reporters.junit import JunitReporter
from reportlint.reporters.review import ReviewReporter
from reportlint.reporters.sarif import SarifReporter
from reportlint.reporters.text import TextReporter


@hookimpl
def reportlint_add_reporters() -> dict[str, Any]:
    return {
        "text": TextReporter(),
        "json": JsonReporter(),
        "sarif": SarifReporter(),
        "github": GithubReporter(),
        "junit": JunitReporter(),
        "gitlab": GitlabReporter(),
        "html": ReviewReporter(),
    }
