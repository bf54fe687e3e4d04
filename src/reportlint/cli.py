"""The command line: argument parsing and exit codes, nothing else.

Exit status: 0 when nothing at or above the failing severity was found, 1 when something
was, 2 for a usage error, an unreadable path or an internal error — always with a
one-line message on stderr, never a traceback (set REPORTLINT_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlint import __version__

if TYPE_CHECKING:
    from reportlint.diagnostics import Diagnostic

EXIT_CLEAN, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"reportlint: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportlint",
        description="政府信息公开工作年度报告合规检查 (a linter for disclosure annual reports)",
    )
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint report files and folders")
    check.add_argument("paths", nargs="+", metavar="PATH", help="report files, or folders to search")
    check.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    _common(check)
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default="error",
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    check.add_argument("--output-file", metavar="FILE", help="write the output here instead of stdout")
    check.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="PATH",
        help="last year's reports (files or folders) for X801–X803; repeatable",
    )
    check.add_argument(
        "--similarity",
        type=float,
        default=0.9,
        metavar="RATIO",
        help="how alike two sections must be to count as copied (X803; default 0.9)",
    )

    parse = commands.add_parser("parse", help="print the report model extracted from a file")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument("--format", choices=["json", "yaml"], default="json")
    _common(parse)

    new = commands.add_parser("new", help="write a blank report in the current format to start from")
    new.add_argument("--year", type=int, required=True, help="the reporting year")
    new.add_argument("--agency", required=True, help="the agency's full name, e.g. 某某市某某局")
    new.add_argument("--format", choices=["docx", "md", "html", "txt"], default="docx")
    new.add_argument(
        "--output", metavar="FILE", help="where to write it (default: the title, in this folder)"
    )
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    for name in ("rules", "rule"):
        rules = commands.add_parser(name, help="list the rules, or show one rule's documentation")
        rules.add_argument("code", nargs="?", help="a rule code (S101) or name (missing-section)")
        rules.add_argument("--lang", choices=["zh", "en"], default="zh")
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="message language (default: zh)")
    parser.add_argument(
        "--template", choices=["gov-2021", "gov-2019"], help="read every file with this template"
    )
    parser.add_argument("--year", type=int, help="the reporting year, where the files do not say it")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return {"check": _check, "parse": _parse, "new": _new, "rules": _rules, "rule": _rules}[args.command](
            args
        )
    except KeyboardInterrupt:
        print("reportlint: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader of our output went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    except Exception as exc:
        from reportlint.api import PathError
        from reportlint.plugins import PluginError

        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        if isinstance(exc, (PathError, PluginError)):
            print(f"reportlint: {exc}", file=sys.stderr)
        else:
            print(
                f"reportlint: internal error: {type(exc).__name__}: {exc} (REPORTLINT_DEBUG=1 shows more)",
                file=sys.stderr,
            )
        return EXIT_USAGE


def _options(args: argparse.Namespace) -> object:
    from reportlint.api import Options

    return Options(lang=args.lang, template=args.template, year=args.year)


def _check(args: argparse.Namespace) -> int:
    from reportlint import api, plugins
    from reportlint.diagnostics import Severity

    options = _options(args)
    options.previous, options.similarity = args.previous, args.similarity  # type: ignore[attr-defined]
    results = api.lint_paths(args.paths, options)  # type: ignore[arg-type]
    diagnostics = [d for r in results for d in r.diagnostics]
    sources = {r.path: r.source_lines for r in results}
    output = plugins.reporters()[args.format].render(diagnostics, sources)
    if args.format == "text":
        output += _summary(len(results), diagnostics, args.lang)
    _write(output, args.output_file)
    threshold = Severity.parse(args.fail_on)
    return EXIT_FOUND if any(d.severity >= threshold for d in diagnostics) else EXIT_CLEAN


def _summary(files: int, diagnostics: Sequence[Diagnostic], lang: str) -> str:
    counts = {
        name: sum(1 for d in diagnostics if str(d.severity) == name) for name in ("error", "warning", "info")
    }
    if lang == "en":
        return f"{files} file(s) checked: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info\n"
    return f"共检查 {files} 个文件：错误 {counts['error']} 个，警告 {counts['warning']} 个，提示 {counts['info']} 个\n"


def _parse(args: argparse.Namespace) -> int:
    from reportlint import api

    result = api.parse_file(args.path, _options(args))  # type: ignore[arg-type]
    if result.report is None:
        for d in result.diagnostics:
            print(f"reportlint: {d.path}: {d.code} {d.message}", file=sys.stderr)
        return EXIT_FOUND
    model = result.report.to_json()
    if args.format == "yaml":
        import yaml

        text = yaml.safe_dump(model, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(model, ensure_ascii=False, indent=2) + "\n"
    _write(text, None)
    return EXIT_CLEAN


def _new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportlint.writers import render
    from reportlint.writers.blank import blank_report

    if not 2019 <= args.year <= 2100:
        print(f"reportlint: no format for the year {args.year} (the formats cover 2019 on)", file=sys.stderr)
        return EXIT_USAGE
    report = blank_report(args.year, args.agency.strip())
    target = Path(args.output or f"{report.title}.{args.format}")
    if target.exists() and not args.force:
        print(f"reportlint: {target} exists; choose another --output or add --force", file=sys.stderr)
        return EXIT_USAGE
    target.write_bytes(render(report, args.format))
    print(target)
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    from reportlint import plugins

    catalogue = plugins.rules()
    english = args.lang == "en"
    if args.code:
        chosen = [r for r in catalogue if args.code.upper() == r.code or args.code == r.name]
        if not chosen:
            print(f"reportlint: no rule {args.code!r}", file=sys.stderr)
            return EXIT_USAGE
        for rule in chosen:
            print(f"{rule.code} {rule.name} [{rule.severity}] ({', '.join(rule.templates)})")
            print(f"{rule.summary}\n{rule.summary_en}\n\n{rule.doc}\n")
        return EXIT_CLEAN
    seen = set()
    for rule in catalogue:
        if (rule.code, rule.name) not in seen:
            seen.add((rule.code, rule.name))
            summary = rule.summary_en if english else rule.summary
            print(f"{rule.code}  {rule.name:<30} {rule.severity!s:<8} {summary}")
    return EXIT_CLEAN


def _write(text: str, path: str | None) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
