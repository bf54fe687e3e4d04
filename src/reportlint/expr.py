"""The safe expression evaluator for YAML rule packs.

An identity such as ``total == natural_person + commercial + other_org`` is parsed with
Python's own parser into a syntax tree, and only a small whitelist of nodes is accepted:
names, numbers, + - *, parentheses, one comparison. Nothing is ever passed to `eval`, so
a rule pack is data: it cannot call a function, touch an attribute or import a module.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Number = int | float

_BINARY: dict[type[ast.operator], Callable[[Number, Number], Number]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}
_COMPARE: dict[type[ast.cmpop], Callable[[Number, Number], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_SYMBOL = {ast.Eq: "=", ast.NotEq: "≠", ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">", ast.GtE: "≥"}


class ExpressionError(ValueError):
    """The text is not an expression the rule-pack language allows."""


@dataclass(frozen=True)
class Comparison:
    """`left OP right`, each side a sum of names and numbers."""

    source: str
    left: ast.expr
    right: ast.expr
    op: type[ast.cmpop]

    @property
    def symbol(self) -> str:
        return _SYMBOL[self.op]

    @property
    def names(self) -> list[str]:
        return names_in(self.left) + [n for n in names_in(self.right) if n not in names_in(self.left)]

    @property
    def left_names(self) -> list[str]:
        return names_in(self.left)

    def evaluate(self, values: Mapping[str, Number]) -> tuple[bool, Number, Number]:
        """(holds?, left value, right value)."""
        left, right = _value(self.left, values), _value(self.right, values)
        if self.op in (ast.Eq, ast.NotEq):  # figures may carry decimals: compare them as figures
            equal = abs(left - right) < 1e-9
            return equal == (self.op is ast.Eq), left, right
        return _COMPARE[self.op](left, right), left, right


def parse(source: str) -> Comparison:
    try:
        tree = ast.parse(source.strip(), mode="eval").body
    except SyntaxError as exc:
        raise ExpressionError(f"{source!r}: {exc.msg}") from exc
    if not isinstance(tree, ast.Compare) or len(tree.ops) != 1:
        raise ExpressionError(f"{source!r}: an identity is one comparison, such as 'a == b + c'")
    op = type(tree.ops[0])
    if op not in _COMPARE:
        raise ExpressionError(f"{source!r}: comparison {op.__name__} is not allowed")
    for side in (tree.left, tree.comparators[0]):
        _check(side, source)
    return Comparison(source, tree.left, tree.comparators[0], op)


def _check(node: ast.expr, source: str) -> None:
    if isinstance(node, ast.Name):
        return
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    ):
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _check(node.left, source)
        _check(node.right, source)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _check(node.operand, source)
        return
    raise ExpressionError(f"{source!r}: {type(node).__name__} is not allowed in an identity")


def names_in(node: ast.expr) -> list[str]:
    """The names in source order, each once."""
    names = sorted(
        (n for n in ast.walk(node) if isinstance(n, ast.Name)), key=lambda n: (n.lineno, n.col_offset)
    )
    return list(dict.fromkeys(n.id for n in names))


def _value(node: ast.expr, values: Mapping[str, Number]) -> Number:
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Constant):
        constant = node.value
        assert isinstance(constant, (int, float))
        return constant
    if isinstance(node, ast.UnaryOp):
        return -_value(node.operand, values)
    assert isinstance(node, ast.BinOp)
    return _BINARY[type(node.op)](_value(node.left, values), _value(node.right, values))
