"""`check --statistics`: how often each code occurred, instead of the diagnostics.

For a first look at a folder of reports (which problems are common, which rules to tune)
one line per code says more than hundreds of findings. Sorted by count, most frequent
first, then by code so equal counts keep a stable order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic


def statistics(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, int, str, str]]:
    """(code, count, summary, summary_en) per code that occurs, most frequent first."""
    from reportlint import plugins

    summaries: dict[str, tuple[str, str]] = {}
    for rule in plugins.rules():
        summaries.setdefault(rule.code, (rule.summary, getattr(rule, "summary_en", "") or rule.summary))
    counts = Counter(d.code for d in diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(code, n, *summaries.get(code, ("", ""))) for code, n in rows]


def render_statistics(diagnostics: Sequence[Diagnostic], lang: str = "zh", as_json: bool = False) -> str:
    """Text (`CODE  COUNT  summary`) or, for `--format json`, a list of {code, count, summary}."""
    rows = statistics(diagnostics)
    if as_json:
        data = [{"code": c, "count": n, "summary": en if lang == "en" else zh} for c, n, zh, en in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{c:<5} {n:>5}  {en if lang == 'en' else zh}\n" for c, n, zh, en in rows)
