"""Recovering table rows whose digits ran together (`640020470` is 64|0|0|2|0|4|70).

Crawlers that flatten a page often lose the cell boundaries of a table. The digits are
still there, and the template's identities say how they must add up. Every way of
cutting a row's digits into the template's columns is tried (a spacing that survived is
kept as a boundary; no figure starts with 0 unless it is 0); a cut is kept only if it
satisfies the row's own identities (总计 = the sum of the columns). Where a row still has
several cuts, the table's column identities (（七）总计, 勾稽关系) choose among them; if
exactly one combination remains it is taken, otherwise the row stays not assessable.
A recovered row is reported (V308) so that a reader can check it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from reportlint.expr import Comparison
from reportlint.extract.stream import Token
from reportlint.model import CellValue, Located, TableData
from reportlint.template import RowSpec, TableSpec

_MAX_CUTS = 5000  # cuts of one row considered before the row is given up as ambiguous
_MAX_COMBINATIONS = 20000
_MAX_DIGITS = 7  # no figure in these tables has more


class Identity(Protocol):
    """What the extractor needs of a rule-pack identity."""

    table: str
    each: str
    comparison: Comparison
    templates: tuple[str, ...]


@dataclass
class FusedRow:
    rows: tuple[RowSpec, ...]  # one row, or every row of a table printed as one line of figures
    label: Token
    slots: list[Token]

    @property
    def cells(self) -> list[tuple[str, str]]:
        return [(row.key, column.key) for row in self.rows for column in row.columns]

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.slots)


def cuts(runs: Sequence[str], parts: int) -> Iterator[list[tuple[int, int, int]]]:
    """Every way to cut digit runs into `parts` figures: (run index, start, end) for each."""
    if any(not run.isdigit() for run in runs):
        return

    def walk(i: int, start: int, left: int) -> Iterator[list[tuple[int, int, int]]]:
        if i == len(runs):
            if left == 0:
                yield []
            return
        run = runs[i]
        remaining = len(run) - start + sum(len(r) for r in runs[i + 1 :])
        runs_left = len(runs) - i  # each run gives at least one figure
        if left < runs_left or remaining < left:
            return
        longest = 1 if run[start] == "0" else min(_MAX_DIGITS, len(run) - start)
        for size in range(1, longest + 1):
            end = start + size
            if end == len(run):
                for rest in walk(i + 1, 0, left - 1):
                    yield [(i, start, end), *rest]
            else:
                for rest in walk(i, end, left - 1):
                    yield [(i, start, end), *rest]

    yield from walk(0, 0, parts)


def resolve(
    spec: TableSpec,
    table: TableData,
    fused: list[FusedRow],
    identities: Sequence[Identity],
    template_id: str,
) -> tuple[list[Located], list[Located]]:
    """Fill what can be recovered into `table`; return (recovered rows, rows left not assessable)."""
    mine = [i for i in identities if i.table == spec.key and template_id in i.templates]
    by_row = [i.comparison for i in mine if i.each == "row"]
    by_column = [i.comparison for i in mine if i.each == "column"]
    options = [_row_options(f, by_row) for f in fused]
    chosen = {n: found[0] for n, found in enumerate(options) if len(found) == 1}
    open_rows = [n for n, found in enumerate(options) if len(found) > 1]
    sizes = [len(options[n]) for n in open_rows]
    if open_rows and by_column and _product(sizes) <= _MAX_COMBINATIONS:
        fits = []
        for combination in itertools.product(*(options[n] for n in open_rows)):
            trial = {**chosen, **dict(zip(open_rows, combination, strict=True))}
            if _columns_hold(spec, table, fused, trial, by_column):
                fits.append(combination)
                if len(fits) > 1:
                    break
        if len(fits) == 1:
            chosen.update(zip(open_rows, fits[0], strict=True))
    recovered, left = [], []
    for n, row in enumerate(fused):
        if n in chosen:
            _write(table, row, chosen[n])
            figures = " | ".join(str(v) for v, _ in _values(row, chosen[n]))
            recovered.append(
                Located(
                    f"{row.rows[0].label if len(row.rows) == 1 else spec.name}: {row.text} → {figures}",
                    row.slots[0].span,
                    spec.key,
                )
            )
        else:
            left.append(
                Located(
                    f"{row.rows[0].label if len(row.rows) == 1 else spec.name}: {row.text}",
                    row.slots[0].span,
                    spec.key,
                )
            )
    return recovered, left


def _row_options(row: FusedRow, by_row: list[Comparison]) -> list[list[tuple[int, int, int]]]:
    found = []
    for cut in itertools.islice(cuts([t.norm for t in row.slots], len(row.cells)), _MAX_CUTS):
        values = dict(zip(row.cells, (v for v, _ in _values(row, cut)), strict=True))
        if all(_row_holds(check, spec_row.key, values) for spec_row in row.rows for check in by_row):
            found.append(cut)
    return found


def _row_holds(check: Comparison, row: str, values: dict[tuple[str, str], int]) -> bool:
    named = {name: values.get((row, name)) for name in check.names}
    if any(v is None for v in named.values()):
        return True
    return check.evaluate({k: v for k, v in named.items() if v is not None})[0]


def _values(row: FusedRow, cut: list[tuple[int, int, int]]) -> list[tuple[int, Token]]:
    return [(int(row.slots[i].norm[a:b]), row.slots[i].piece(a, b)) for i, a, b in cut]


def _columns_hold(
    spec: TableSpec,
    table: TableData,
    fused: list[FusedRow],
    trial: dict[int, list[tuple[int, int, int]]],
    by_column: list[Comparison],
) -> bool:
    grid: dict[tuple[str, str], int | float] = {
        (r, c): cell.amount for r, cols in table.rows.items() for c, cell in cols.items() if cell.summable
    }
    for n, cut in trial.items():
        grid.update(zip(fused[n].cells, (v for v, _ in _values(fused[n], cut)), strict=True))
    for column in spec.columns:
        for check in by_column:
            named = {name: grid.get((name, column.key)) for name in check.names}
            known = {k: v for k, v in named.items() if v is not None}
            if len(known) == len(named) and not check.evaluate(known)[0]:
                return False
    return True


def _write(table: TableData, row: FusedRow, cut: list[tuple[int, int, int]]) -> None:
    for (row_key, column_key), (value, piece) in zip(row.cells, _values(row, cut), strict=True):
        table.rows.setdefault(row_key, {})[column_key] = CellValue(
            "number", raw=piece.text, value=value, span=piece.span
        )


def _product(sizes: list[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total
