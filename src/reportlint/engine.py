"""Runs the rules over a report and collects their diagnostics; a rule that raises becomes E003."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.document import Document
from reportlint.model import Report
from reportlint.rule import Context, Rule
from reportlint.template import Template


def engine_rule(rules: Sequence[Rule], code: str) -> Rule:
    return next(rule for rule in rules if rule.code == code)


def run_rules(
    report: Report,
    template: Template,
    document: Document | None,
    rules: Sequence[Rule],
    lang: str = "zh",
    previous: Report | None = None,
    similar: Sequence[Any] = (),
    rule_options: dict[str, dict[str, Any]] | None = None,
) -> list[Diagnostic]:
    ctx = Context(report, template, document, lang, previous, list(similar), rule_options or {})
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        try:
            diagnostics.extend(rule.check(ctx))
        except Exception as exc:
            crashed = engine_rule(rules, "E003")
            diagnostics.append(
                crashed.diagnostic(
                    ctx,
                    ctx.t(
                        f"规则 {rule.code}（{rule.name}）运行出错：{type(exc).__name__}: {exc}",
                        f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}",
                    ),
                )
            )
    return sorted(diagnostics, key=Diagnostic.sort_key)
