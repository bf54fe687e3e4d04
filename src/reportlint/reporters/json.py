"""JSON output: a list of diagnostics with stable keys (see Diagnostic.to_json)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic


class JsonReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
