"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per diagnostic.

GitHub turns these lines into annotations on the pull request's changed files. A message
or property containing a newline would end the command early (and ':' or ',' inside a
property would split it), so everything is escaped as GitHub's toolkit does: `%`, CR and
LF everywhere, plus `:` and `,` in properties. `col`/`endColumn` are only given for line-based
formats; DOCX/PDF positions are added to the message instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubReporter:
    def render(self, diagnostics: Sequence[Diagnostic], sources: dict[str, list[str]]) -> str:
        return "".join(command(d) + "\n" for d in diagnostics)


def command(d: Diagnostic) -> str:
    """The workflow command for one diagnostic."""
    properties: list[tuple[str, str]] = [("file", d.path)]
    message = d.message
    span = d.span
    if span is not None:
        line = max(1, span.line)
        properties.append(("line", str(line)))
        if span.locator:
            message += f" ({span.locator})"
        else:
            column = max(1, span.column)
            end_line = max(line, span.end_line)
            end_column = max(1, span.end_column)
            if end_line == line:
                end_column = max(column, end_column)
            properties += [("col", str(column)), ("endLine", str(end_line)), ("endColumn", str(end_column))]
    title = f"{d.code} {d.rule}" if d.rule else d.code
    properties.append(("title", title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMANDS[d.severity]} {rendered}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message (`%` first, so the escapes themselves survive)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where ':' and ',' are separators too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
