"""Loading YAML rule packs: validate against the schema, parse each identity, check its names."""

from __future__ import annotations

from pathlib import Path

from reportlint.checks.arithmetic import IdentityRule
from reportlint.expr import ExpressionError, parse
from reportlint.plugins import PluginError
from reportlint.resources import load_data_yaml
from reportlint.schema import validate
from reportlint.template import load


def load_pack(path: Path) -> list[IdentityRule]:
    try:
        raw = load_data_yaml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PluginError(f"rule pack {path}: {exc}") from exc
    problems = validate(raw, "rulepack.schema.json")
    if problems:
        first = problems[0]
        raise PluginError(f"rule pack {path}: {first.pointer or '/'}: {first.message}")
    rules = []
    for item in raw["identities"]:
        try:
            comparison = parse(item["check"])
        except ExpressionError as exc:
            raise PluginError(f"rule pack {path}: {item['code']}: {exc}") from exc
        rule = IdentityRule(item, comparison, tuple(raw["templates"]), raw["pack"])
        for template_id in rule.templates:
            unknown = rule.unknown_names(load(template_id))
            if unknown:
                raise PluginError(
                    f"rule pack {path}: {rule.code} names {', '.join(unknown)}, which template {template_id}"
                    f" has no {'column' if rule.each == 'row' else 'row'} for"
                )
        rules.append(rule)
    return rules
