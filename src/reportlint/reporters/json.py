"""JSON output: a list of diagnostics with stable keys (see Diagnostic.to_json)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from reportlint.diagnostics import Diagnostic


class JsonReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        """The list as `json.dumps(..., indent=2)` writes it, made one diagnostic at a time: the
        whole list at once builds a small string for every token (some 100 MiB for 40,000
        diagnostics) before joining them."""
        if not diagnostics:
            return "[]\n"
        return "".join(_pieces(diagnostics))


def _pieces(diagnostics: Sequence[Diagnostic]) -> Iterator[str]:
    """The output's pieces in order, joined once (no copy of the whole output on the way)."""
    yield "[\n  "
    for n, diagnostic in enumerate(diagnostics):
        if n:
            yield ",\n  "
        yield json.dumps(diagnostic.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield "\n]\n"
