"""The rule-pack expression evaluator: arithmetic on named cells, and nothing else."""

from __future__ import annotations

import pytest

from reportlint.expr import ExpressionError, parse


def test_evaluates_a_sum():
    check = parse("total == a + b - c")
    assert check.evaluate({"total": 5, "a": 3, "b": 4, "c": 2}) == (True, 5, 5)
    assert check.evaluate({"total": 6, "a": 3, "b": 4, "c": 2}) == (False, 6, 5)
    assert check.names == ["total", "a", "b", "c"]


def test_compares_decimals_as_figures():
    assert parse("t == a + b").evaluate({"t": 0.3, "a": 0.1, "b": 0.2})[0]


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('true') == 0",
        "a.b == 1",
        "open('x') == 1",
        "a == b == c",
        "a + b",
        "[a] == b",
        "a ** 2 == b",
        "lambda: 1 == 1",
        "a == 'text'",
    ],
)
def test_refuses_anything_but_arithmetic(source):
    with pytest.raises(ExpressionError):
        parse(source)
