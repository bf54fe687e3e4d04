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
from typing import TYPE_CHECKING, Any

from reportlint import __version__

if TYPE_CHECKING:
    from reportlint.diagnostics import Diagnostic
    from reportlint.runcache import RunCache

EXIT_CLEAN, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A request that cannot be carried out as given (exit 2, one line on stderr)."""


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
        "--format",
        metavar="FORMAT",
        default=None,
        help="text, json, sarif, github, junit, gitlab or a plugin's (default: github when GITHUB_ACTIONS=true, else text)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print how often each code occurred (code, count, summary) instead of the diagnostics",
    )
    _common(check)
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit status 1 (default: error, or the configuration's)",
    )
    _selection(check)
    check.add_argument("--output-file", metavar="FILE", help="write the output here instead of stdout")
    check.add_argument(
        "--previous",
        action="append",
        metavar="PATH",
        help="last year's reports (files or folders) for X801–X803; repeatable",
    )
    check.add_argument(
        "--similarity",
        type=float,
        metavar="RATIO",
        help="how alike two sections must be to count as copied (X803; default 0.9)",
    )
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="with PATH '-': the name (and format) of what stdin holds"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only what is not in this baseline (see `baseline`)"
    )
    check.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="processes to lint on (default: all cores)"
    )
    check.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="lint on a Dask cluster: a scheduler address (tcp://host:8786), a scheduler file,"
        " or 'local' (needs the dask extra)",
    )
    check.add_argument(
        "--cache-dir",
        default=".reportlint_cache",
        metavar="DIR",
        help="where results of unchanged files are kept",
    )
    check.add_argument("--no-cache", action="store_true", help="lint every file again")
    check.add_argument(
        "--fix", action="store_true", help="apply the safe fixes (label typos, punctuation width)"
    )
    check.add_argument("--diff", action="store_true", help="show the safe fixes as a diff, change nothing")

    baseline = commands.add_parser("baseline", help="record today's diagnostics, or drop the fixed ones")
    baseline.add_argument("action", choices=["write", "prune"])
    baseline.add_argument("paths", nargs="+", metavar="PATH")
    baseline.add_argument("--baseline", default=".reportlint-baseline.json", metavar="FILE")
    _common(baseline)
    _selection(baseline)

    config = commands.add_parser("config", help="print the settings that apply to a file or folder")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    _common(config)
    _selection(config)

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


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="rules to use: codes, prefixes or names, comma-separated",
    )
    parser.add_argument(
        "--extend-select", type=_codes, metavar="CODES", help="rules to use besides the selected ones"
    )
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="rules not to use")
    parser.add_argument(
        "--exclude", action="append", metavar="GLOB", help="files not to lint when found in a folder"
    )
    parser.add_argument("--config", metavar="FILE", help="use this configuration instead of looking for one")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], help="message language (default: zh)")
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
        return {
            "check": _check,
            "baseline": _baseline,
            "config": _config,
            "parse": _parse,
            "new": _new,
            "rules": _rules,
            "rule": _rules,
        }[args.command](args)
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
        from reportlint.config import ConfigError

        if isinstance(exc, (PathError, PluginError, ConfigError, UsageError)) or (
            isinstance(exc, ValueError) and "baseline" in str(exc)
        ):
            print(f"reportlint: {exc}", file=sys.stderr)
        else:
            print(
                f"reportlint: internal error: {type(exc).__name__}: {exc} (REPORTLINT_DEBUG=1 shows more)",
                file=sys.stderr,
            )
        return EXIT_USAGE


def _options(args: argparse.Namespace) -> Any:
    from reportlint.api import OVERRIDABLE, Options

    given: dict[str, Any] = {key: getattr(args, key, None) for key in OVERRIDABLE}
    return Options(**given, config=getattr(args, "config", None))


def _check(args: argparse.Namespace) -> int:
    from reportlint import api, plugins

    options = _options(args).for_run()  # one run: finding the files, the run cache and linting
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in plugins.reporters():  # plugins may add formats, so the list is known only now
        known = ", ".join(sorted(plugins.reporters()))
        print(f"reportlint: no output format {fmt!r} (known: {known})", file=sys.stderr)
        return EXIT_USAGE
    memo = None
    if args.paths == ["-"]:
        results = [_lint_stdin(args, options)]
    elif args.dask:
        results = _on_dask(args, options)
    else:
        files = list(api.discover(args.paths, options))
        memo = _run_cache(args, fmt, options, files)
        saved = memo.load() if memo else None
        if saved is not None:  # nothing the last such run read has changed: print what it printed
            for note in saved.notes:
                print(note, file=sys.stderr)
            _write(saved.output, args.output_file)
            return saved.status
        results = _lint_files(args, files, options)
    results, notes = _against_baseline(args, results)
    if args.fix or args.diff:
        return _fix(results, args.diff)
    output = _render(args, fmt, results)
    status = EXIT_FOUND if any(r.failed() for r in results) else EXIT_CLEAN
    _write(output, args.output_file)
    if memo is not None:
        from reportlint.runcache import Saved

        memo.save(Saved(output, status, notes))
    return status


def _lint_stdin(args: argparse.Namespace, options: Any) -> Any:
    from reportlint import api
    from reportlint.limits import Limits

    name = args.stdin_filename or "stdin.txt"
    most = Limits.of(options.settings(name)).max_file_size  # read one byte past it at most: E006
    return api.lint_bytes(name, sys.stdin.buffer.read(most + 1) if most else sys.stdin.buffer.read(), options)


def _lint_files(args: argparse.Namespace, files: list[str], options: Any) -> list[Any]:
    from reportlint import api, progress

    with progress.bar(sys.stderr, enabled=sys.stderr.isatty() and (args.format or "text") == "text") as bar:
        return api.lint_files(
            files, options, jobs=_jobs(args), cache_dir=None if args.no_cache else args.cache_dir,
            progress=bar, keep_reports=args.format == "html",  # the review page draws each report
        )  # fmt: skip


_NOT_IN_RUN_KEY = ("command", "jobs", "cache_dir", "no_cache", "output_file")  # change how, not what


def _run_cache(args: argparse.Namespace, fmt: str, options: Any, files: list[str]) -> RunCache | None:
    """The entry for this run's output (reportlint.runcache), or None where it is not kept."""
    if args.no_cache or args.fix or args.diff or not files:
        return None
    from reportlint import api, plugins
    from reportlint.dependencies import stamp, stamps
    from reportlint.runcache import RunCache, run_key

    request = {k: v for k, v in vars(args).items() if k not in _NOT_IN_RUN_KEY}
    recorded = _baseline_file(args, options.settings(files[0]))
    request |= {"format": fmt, "baseline file": recorded and [recorded, stamp(recorded)]}
    reporters = plugins.reporters()
    signature = [*api.rule_signature(), *sorted(reporters), *stamps(reporters.values())]
    return RunCache(args.cache_dir, run_key(files, request, options.settings, api.previous_paths, signature))


def _baseline_file(args: argparse.Namespace, configured: Any) -> str | None:
    """The baseline the run compares with: `--baseline`, or the first file's configuration's."""
    if args.baseline:
        return str(args.baseline)
    if configured is not None and configured.baseline:
        return str(configured.root / configured.baseline)
    return None


def _against_baseline(args: argparse.Namespace, results: list[Any]) -> tuple[list[Any], list[str]]:
    """Drop what the baseline records; the note on stderr says how many of its entries are gone."""
    recorded = _baseline_file(args, results[0].settings if results else None)
    if not recorded:
        return results, []
    from reportlint import baseline

    results, gone = baseline.compare(results, recorded)
    message = f"reportlint: {gone} baseline entries no longer occur (`reportlint baseline prune` drops them)"
    notes = [message] if gone else []
    for note in notes:
        print(note, file=sys.stderr)
    return results, notes


def _render(args: argparse.Namespace, fmt: str, results: list[Any]) -> str:
    from reportlint import plugins

    diagnostics = [d for r in results for d in r.diagnostics]
    lang = results[0].settings.lang if results else (args.lang or "zh")
    if args.statistics:
        from reportlint.reporters.statistics import render_statistics

        return render_statistics(diagnostics, lang, as_json=fmt == "json")
    reporter = plugins.reporters()[fmt]
    if hasattr(reporter, "render_results"):  # a reporter that needs the reports (the review page)
        return str(reporter.render_results(results))
    output = str(reporter.render(diagnostics, {r.path: r.source_lines for r in results}))
    if fmt == "text":
        output += _summary(len(results), diagnostics, lang)
    return output


def _on_dask(args: argparse.Namespace, options: Any) -> list[Any]:
    from reportlint import api

    try:
        from reportlint import dask
    except ImportError as exc:
        raise UsageError(f"--dask needs the dask extra ({exc}): pip install 'reportlint[dask]'") from exc
    try:
        return dask.lint_paths(
            args.paths, options, scheduler=args.dask, cache_dir=None if args.no_cache else args.cache_dir
        )
    except api.PathError:
        raise
    except (OSError, TimeoutError) as exc:  # distributed's "Timed out trying to connect"
        raise UsageError(f"cannot reach the Dask scheduler {args.dask}: {exc}") from exc


def _jobs(args: argparse.Namespace) -> int:
    if args.jobs is not None:
        return max(1, int(args.jobs))
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _fix(results: list[Any], dry_run: bool) -> int:
    from reportlint import fixes, plugins

    fixable = {rule.code for rule in plugins.rules() if rule.fixable}
    planned = fixes.fixes_for([d for r in results for d in r.diagnostics], fixable)
    total = 0
    for path, found in planned.items():
        outcome = fixes.plan(path, found)
        if not outcome.applied:
            continue
        if dry_run:
            sys.stdout.write(outcome.diff())
        elif not fixes.write(outcome):
            print(f"reportlint: {path} changed while it was being linted; not fixed", file=sys.stderr)
            continue
        total += outcome.applied
    verb = "would fix" if dry_run else "fixed"
    print(f"reportlint: {verb} {total} problem(s)", file=sys.stderr)
    return EXIT_FOUND if dry_run and total else EXIT_CLEAN


def _summary(files: int, diagnostics: Sequence[Diagnostic], lang: str) -> str:
    counts = {
        name: sum(1 for d in diagnostics if str(d.severity) == name) for name in ("error", "warning", "info")
    }
    if lang == "en":
        return f"{files} file(s) checked: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info\n"
    return f"共检查 {files} 个文件：错误 {counts['error']} 个，警告 {counts['warning']} 个，提示 {counts['info']} 个\n"


def _baseline(args: argparse.Namespace) -> int:
    from reportlint import api, baseline

    results = api.lint_paths(args.paths, _options(args))
    if args.action == "write":
        found = baseline.entries(results)
        baseline.write(args.baseline, found)
        print(f"reportlint: {len(found)} diagnostics recorded in {args.baseline}")
    else:
        dropped = baseline.prune(results, args.baseline)
        print(f"reportlint: {dropped} entries that no longer occur dropped from {args.baseline}")
    return EXIT_CLEAN


def _config(args: argparse.Namespace) -> int:
    import yaml

    settings = _options(args).settings(args.path)
    sys.stdout.write(yaml.safe_dump(settings.as_dict(), allow_unicode=True, sort_keys=False))
    return EXIT_CLEAN


def _parse(args: argparse.Namespace) -> int:
    from reportlint import api

    result = api.parse_file(args.path, _options(args))
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
