"""How a rule is declared, and the context it is given.

A rule is a small class: a code, a kebab-case name, a default severity, a one-line
summary, and a docstring that is its documentation (what it finds, a wrong and a right
example). `check` receives a `Context` and yields diagnostics.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlint.diagnostics import CellRef, Diagnostic, Severity
from reportlint.document import Document, Span
from reportlint.model import Report
from reportlint.template import Template


@dataclass
class Context:
    """What a rule is given: the report, its template and document, and related reports."""

    report: Report
    template: Template
    document: Document | None = None
    lang: str = "zh"
    previous: Report | None = None  # the same agency's report for the year before, if known
    similar: list[Any] = field(default_factory=list)  # across.Similar: near-identical sections
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # by code or name

    def option(self, rule: Rule, key: str, default: Any) -> Any:
        """A rule's option from the configuration's `rule-options` (by its code or name), else the default."""
        for selector in (rule.code, rule.name):
            if key in self.rule_options.get(selector, {}):
                return self.rule_options[selector][key]
        return default

    def t(self, zh: str, en: str) -> str:
        """The message in the chosen language."""
        return en if self.lang == "en" else zh


class Rule:
    code: str
    name: str
    summary: str  # one line, in Chinese
    summary_en: str  # the same line in English
    severity: Severity = Severity.WARNING
    templates: tuple[str, ...] = ("gov-2021", "gov-2019")  # the templates whose reports it checks
    fixable: bool = False  # its suggestion may replace the text it points at (`--fix`)
    across: bool = False  # it compares reports with each other, so it runs once all are read

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @property
    def doc(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or self.summary)

    def diagnostic(
        self,
        ctx: Context,
        message: str,
        span: Span | None = None,
        *,
        cell: CellRef | None = None,
        expected: Any = None,
        actual: Any = None,
        suggestion: str | None = None,
        related: Sequence[Span] = (),
    ) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=message,
            path=ctx.report.path,
            span=span,
            rule=self.name,
            cell=cell,
            expected=expected,
            actual=actual,
            suggestion=suggestion,
            related=list(related),
        )
