"""Suppression: comments in the report, and `overrides` in the configuration for files that hold none.

Where the format can hold a comment (plain text, Markdown, HTML, YAML data):

    # reportlint: disable-file=V302           (text and YAML: a line of its own)
    <!-- reportlint: disable-next-line=M401 -->   (HTML and Markdown)
    <!-- reportlint: disable=S103 --> … <!-- reportlint: enable=S103 -->

`disable-file` covers the whole file, `disable-next-line` the next line with content,
`disable` … `enable` the lines between (or to the end). Codes are selectors as in the
configuration (M401, M4, blank-cell). A directive that suppresses nothing is itself
reported (E005), as ruff reports an unused `noqa`.

Word and PDF files hold no such comment: the configuration's `overrides` name a file glob,
the codes and optionally a pointer into the model (`tables/applications/rows/new_received`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlint.config import Config, _glob, _matches, _relative
from reportlint.diagnostics import Diagnostic
from reportlint.fingerprint import pointer

_LINE_COMMENT = re.compile(r"^\s*#\s*reportlint:\s*(?P<body>.*)$")
_BLOCK_COMMENT = re.compile(r"<!--\s*reportlint:\s*(?P<body>.*?)\s*-->")
_BODY = re.compile(
    r"^(?P<kind>disable-file|disable-next-line|disable|enable)\s*=\s*(?P<codes>[A-Za-z0-9_,\s-]+)$"
)
COMMENT_FORMATS = ("text", "markdown", "html", "data")


@dataclass
class Directive:
    kind: str
    codes: list[str]
    line: int
    column: int
    first: int = 0  # the lines it covers
    last: int = 0
    used: bool = field(default=False)

    def covers(self, diagnostic: Diagnostic) -> bool:
        code, name = diagnostic.code, diagnostic.rule
        if not any(_matches(selector, code, name) for selector in self.codes):
            return False
        if self.kind == "disable-file":
            return True
        line = diagnostic.span.line if diagnostic.span and not diagnostic.span.locator else 0
        return self.first <= line <= self.last


def is_directive(line: str) -> bool:
    """A line that is a suppression comment and nothing else (readers leave it out of the report)."""
    return bool(_LINE_COMMENT.match(line))


def directives(lines: Sequence[str]) -> list[Directive]:
    """The directives of a file, each with the lines it covers."""
    found: list[Directive] = []
    if not any("reportlint:" in text for text in lines):  # most files have none: one scan, no regex
        return found
    for number, text in enumerate(lines, start=1):
        matches = [m for m in _BLOCK_COMMENT.finditer(text)]
        line_comment = _LINE_COMMENT.match(text)
        bodies = [(m.group("body"), m.start() + 1) for m in matches]
        if line_comment:
            bodies.append((line_comment.group("body"), line_comment.start("body") + 1))
        for body, column in bodies:
            parsed = _BODY.match(body.strip())
            if parsed:
                codes = [c.strip() for c in parsed.group("codes").split(",") if c.strip()]
                found.append(Directive(parsed.group("kind"), codes, number, column))
    _extend(found, lines)
    return [d for d in found if d.kind != "enable"]


def _extend(found: list[Directive], lines: Sequence[str]) -> None:
    for directive in found:
        if directive.kind == "disable-next-line":
            after = next(
                (n for n in range(directive.line + 1, len(lines) + 1) if lines[n - 1].strip()), directive.line
            )
            directive.first = directive.last = after
        elif directive.kind == "disable":
            closing = next(
                (
                    e.line
                    for e in found
                    if e.kind == "enable" and e.line > directive.line and set(e.codes) & set(directive.codes)
                ),
                len(lines),
            )
            directive.first, directive.last = directive.line, closing


def apply(
    diagnostics: list[Diagnostic], lines: Sequence[str], fmt: str, settings: Config, path: str
) -> tuple[list[Diagnostic], list[Directive]]:
    """The diagnostics left after suppression, and the directives that suppressed nothing."""
    found = directives(lines) if fmt in COMMENT_FORMATS else []
    overrides = [o for o in settings.overrides if _glob(_relative(path, settings.root), o["files"])]
    kept = []
    for diagnostic in diagnostics:
        by_comment = [d for d in found if d.covers(diagnostic)]
        for directive in by_comment:
            directive.used = True
        if not by_comment and not any(_overridden(o, diagnostic) for o in overrides):
            kept.append(diagnostic)
    return kept, [d for d in found if not d.used]


def _overridden(override: dict[str, Any], diagnostic: Diagnostic) -> bool:
    if not any(_matches(s, diagnostic.code, diagnostic.rule) for s in override["disable"]):
        return False
    wanted = override.get("pointer")
    return wanted is None or pointer(diagnostic).startswith(wanted.rstrip("/"))
