"""The engine: a rule that raises becomes E003 and the other rules still run."""

from __future__ import annotations

from reportlint import plugins
from reportlint.engine import run_rules
from reportlint.extract import extract
from reportlint.readers.text import parse_text
from reportlint.rule import Rule
from reportlint.template import load

from conftest import SEED


class Exploding(Rule):
    """Always raises."""

    code = "Z999"
    name = "exploding"
    summary = "raises"

    def check(self, ctx):
        raise ValueError("boom")


def test_a_crashing_rule_is_e003_and_the_rest_still_run():
    document = parse_text(str(SEED), SEED.read_text(encoding="utf-8"))
    report = extract(document)
    rules = (Exploding(), *plugins.rules())
    found = run_rules(report, load(report.template), document, rules)
    crash = [d for d in found if d.code == "E003"]
    assert len(crash) == 1 and "Z999" in crash[0].message and "boom" in crash[0].message
    assert "L201" in {d.code for d in found}


def test_every_rule_documents_itself():
    for rule in plugins.rules():
        assert rule.code and rule.name and rule.summary
        if not rule.code.startswith("M4"):
            doc = rule.doc
            assert "Wrong" in doc and "Right" in doc, rule.code
