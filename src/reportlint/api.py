"""The library entry points: lint files, bytes or text; parse a file into the Report model.

The pipeline is linear: bytes → reader → Document → extractor → Report → schema → rules →
diagnostics. Each file is handled on its own; a bad file gives diagnostics, never an
exception, so the other files of a run go on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint import config, plugins, suppress
from reportlint.across import Relations
from reportlint.config import Config, Selection
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.document import Document, Span
from reportlint.engine import engine_rule, run_rules
from reportlint.extract import extract
from reportlint.extract.meta import fee_sentences
from reportlint.model import Located, Report, Section, report_from_json
from reportlint.readers import ReadError, reader_for
from reportlint.readers.decode import DecodeError
from reportlint.readers.text import parse_text
from reportlint.rule import Context
from reportlint.schema import validate
from reportlint.template import load


class PathError(OSError):
    """A path given on the command line does not exist or cannot be read (exit 2)."""


# settings a caller (the command line) may set over the configuration files
OVERRIDABLE = (
    "lang", "template", "year", "previous", "similarity", "select", "extend_select", "ignore", "fail_on", "exclude",
)  # fmt: skip


@dataclass
class Options:
    """What the caller says; None leaves the setting to the configuration found beside each file."""

    lang: str | None = None
    template: str | None = None
    year: int | None = None
    previous: list[str] | None = None  # last year's reports: files or folders
    similarity: float | None = None  # X803's threshold
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    exclude: list[str] | None = None
    config: str | None = None  # a configuration file to use instead of looking for one
    find_config: bool = True  # look for .reportlint.yaml / pyproject.toml above each file

    def settings(self, path: str) -> Config:
        base = config.for_path(path, self.config) if (self.find_config or self.config) else Config()
        return base.merged({key: getattr(self, key) for key in OVERRIDABLE})


@dataclass
class FileResult:
    path: str
    report: Report | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    settings: Config = field(default_factory=Config)

    def failed(self) -> bool:
        """Something at or above the file's `fail-on` severity was found."""
        threshold = Severity.parse(self.settings.fail_on)
        return any(d.severity >= threshold for d in self.diagnostics)

    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


def supported_extensions() -> set[str]:
    return {ext for reader in plugins.readers() for ext in reader.extensions if ext}


def discover(paths: Iterable[str], options: Options | None = None) -> Iterator[str]:
    """Files to lint: files as given, folders walked for the extensions a reader claims (sorted).

    A file found in a folder is left out where its configuration's `exclude` matches it; a
    file named on the command line is always linted.
    """
    extensions = supported_extensions()
    options = options or Options(find_config=False)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, f)
                    for f in files
                    if Path(f).suffix.lower() in extensions
                    and not f.startswith(".")
                    and _report_like(os.path.join(root, f))
                ]
            yield from (f for f in sorted(found) if not config.excluded(f, options.settings(f)))
        elif path.is_file():
            yield given
        elif path.exists():
            raise PathError(f"{given}: not a regular file or folder")
        else:
            raise PathError(f"{given}: no such file or folder")


_DATA_REPORT = re.compile(rb"""^\s*["']?template["']?\s*:""", re.M)


def _report_like(path: str) -> bool:
    """In a folder, a JSON or YAML file counts as a report only if it says which template it follows."""
    if Path(path).suffix.lower() not in (".json", ".yaml", ".yml"):
        return True
    try:
        with open(path, "rb") as handle:
            return bool(_DATA_REPORT.search(handle.read(4096)))
    except OSError:
        return True  # let the run report why it cannot be read


def lint_paths(paths: Iterable[str], options: Options | None = None) -> list[FileResult]:
    """Lint files and folders as one run: each file on its own, then against each other (X8xx)."""
    options = options or Options()
    prepared = [_prepare_file(path, options) for path in discover(paths, options)]
    return _finish(prepared, options)


def lint_file(path: str, options: Options | None = None) -> FileResult:
    return lint_paths([path], options)[0]


def lint_bytes(path: str, data: bytes, options: Options | None = None) -> FileResult:
    options = options or Options()
    document = _read(path, data, options.settings(path))
    if isinstance(document, FileResult):
        return _finish([_Prepared(document)], options)[0]
    return lint_document(document, options)


def lint_text(text: str, path: str = "<text>", options: Options | None = None) -> FileResult:
    return lint_document(parse_text(path, text), options or Options(find_config=False))


def lint_document(document: Document, options: Options) -> FileResult:
    return _finish([_prepare(document, options.settings(document.path))], options)[0]


@dataclass
class _Prepared:
    """A file read and extracted, waiting for its rules (which may need the run's other reports)."""

    result: FileResult
    document: Document | None = None
    ready: bool = False  # the report exists and rules are to run


def _prepare_file(path: str, options: Options) -> _Prepared:
    settings = options.settings(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PathError(f"{path}: {exc.strerror or exc}") from exc
    document = _read(path, data, settings)
    if isinstance(document, FileResult):
        return _Prepared(document)
    return _prepare(document, settings)


def _prepare(document: Document, settings: Config) -> _Prepared:
    rules = plugins.rules()
    result = FileResult(document.path, None, source_lines=document.source_lines, settings=settings)
    if document.format == "data":
        report, invalid = _data_report(document, settings, rules)
        if report is None:
            result.diagnostics += invalid
            return _Prepared(result, document)
    else:
        report = extract(document, settings.template, settings.year, plugins.identities())
    result.report = report
    ctx = Context(report, load(report.template), document, settings.lang)
    if not report.found_anything:
        message = ctx.t(
            "文件中未找到政府信息公开工作年度报告（无标题、无部分标题、无表格）",
            "no annual report found in the file",
        )
        result.diagnostics.append(engine_rule(rules, "E002").diagnostic(ctx, message))
        return _Prepared(result, document)
    if document.format != "data":
        for violation in validate(report.to_json(), "report.schema.json"):
            result.diagnostics.append(
                engine_rule(rules, "E004").diagnostic(ctx, f"{violation.pointer}: {violation.message}")
            )
    return _Prepared(result, document, ready=True)


def _finish(prepared: list[_Prepared], options: Options) -> list[FileResult]:
    """Run the rules on every prepared report, each knowing last year's report and its look-alikes;
    then keep what the file's configuration selects and its comments do not suppress."""
    reports = [p.result.report for p in prepared if p.ready and p.result.report is not None]
    settings = [p.result.settings for p in prepared]
    previous = sorted({path for s in settings for path in _from_root(s.previous, s)})
    similarity = settings[0].similarity if settings else 0.9
    relations = Relations(reports, _previous_reports(previous), similarity, _report_of)
    if settings:
        plugins.manager().hook.reportlint_configure(config=settings[0].as_dict())
    rules = plugins.rules()
    for item in prepared:
        result, report = item.result, item.result.report
        selection = Selection(result.settings, result.path)
        if item.ready and report is not None:
            chosen = [r for r in rules if selection.enabled(r.code, r.name) or r.code.startswith("E")]
            result.diagnostics += run_rules(
                report, load(report.template), item.document, chosen, result.settings.lang,
                relations.previous(report), relations.similar(report), result.settings.rule_options,
            )  # fmt: skip
        _select(result, selection, item.document)
    return [p.result for p in prepared]


def _select(result: FileResult, selection: Selection, document: Document | None) -> None:
    """Drop what the configuration deselects or a comment suppresses; apply severity overrides."""
    kept = [d for d in result.diagnostics if selection.enabled(d.code, d.rule)]
    for diagnostic in kept:
        diagnostic.severity = selection.severity(diagnostic.code, diagnostic.rule, diagnostic.severity)
    fmt = document.format if document else ""
    kept, unused = suppress.apply(kept, result.source_lines, fmt, result.settings, result.path)
    rule = engine_rule(plugins.rules(), "E005")
    for directive in unused:
        if selection.enabled("E005", rule.name):
            span = Span(directive.line, directive.column, directive.line, directive.column + 1)
            message = (
                f"reportlint: {directive.kind}={','.join(directive.codes)} suppresses nothing"
                if result.settings.lang == "en"
                else f"抑制注释 {directive.kind}={','.join(directive.codes)} 没有抑制任何诊断"
            )
            kept.append(Diagnostic("E005", rule.severity, message, result.path, span, rule.name))
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)


def _from_root(paths: list[str], settings: Config) -> list[str]:
    """Paths of the configuration are read from its own folder."""
    return [p if Path(p).is_absolute() or settings.source is None else str(settings.root / p) for p in paths]


def _previous_reports(paths: list[str]) -> list[Report]:
    found = []
    for path in discover(paths) if paths else ():
        report = _report_of(path)
        if report is not None:
            found.append(report)
    return found


def _report_of(path: str) -> Report | None:
    """A report for reference only (last year's): read and extracted, no rules, no errors raised."""
    try:
        return parse_file(path).report
    except PathError:
        return None


def parse_file(path: str, options: Options | None = None) -> FileResult:
    """The Report model of a file (and E001 or E004 if there is none), without running rules."""
    options = options or Options()
    settings = options.settings(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PathError(f"{path}: {exc.strerror or exc}") from exc
    document = _read(path, data, settings)
    if isinstance(document, FileResult):
        return document
    if document.format == "data":
        report, invalid = _data_report(document, settings, plugins.rules())
        return FileResult(path, report, invalid, document.source_lines, settings)
    report = extract(document, settings.template, settings.year, plugins.identities())
    return FileResult(path, report, source_lines=document.source_lines, settings=settings)


def _read(path: str, data: bytes, settings: Config) -> Document | FileResult:
    try:
        document: Document = reader_for(path, plugins.readers(), data).read(path, data)
    except (ReadError, DecodeError) as exc:
        return _unreadable(path, str(exc), settings)
    return document


def _data_report(
    document: Document, settings: Config, rules: tuple[Any, ...]
) -> tuple[Report | None, list[Diagnostic]]:
    """A report given as data: validated by the schema (E004 at the value's line), then taken as it is."""
    placeholder = Report(path=document.path, template=settings.template or "gov-2021")
    ctx = Context(placeholder, load(placeholder.template), document, settings.lang)
    rule = engine_rule(rules, "E004")
    invalid = [
        rule.diagnostic(
            ctx,
            ctx.t(f"{v.pointer or '/'}：{v.message}", f"{v.pointer or '/'}: {v.message}"),
            document.pointers.get(v.pointer),
        )
        for v in validate(document.data, "report.schema.json")
    ]
    if invalid:
        return None, invalid
    report = report_from_json(document.data, document.path)
    _locate_data(report, document.pointers)
    _complete_sections(report)
    return report, []


def _complete_sections(report: Report) -> None:
    """A section the data leaves out is a section the report lacks."""
    order = [s.key for s in load(report.template).sections]
    given = {s.key for s in report.sections}
    report.sections += [Section(key, found=False) for key in order if key not in given]
    report.sections.sort(key=lambda s: order.index(s.key) if s.key in order else len(order))


def _locate_data(report: Report, pointers: dict[str, Span]) -> None:
    """Point each value of a data report at its place in the data file.

    Spans carried in the data refer to the document it was once extracted from, not to
    this file, so they are replaced.
    """
    report.title_span = pointers.get("/title")
    for index, section in enumerate(report.sections):
        section.span = pointers.get(f"/sections/{index}")
    for index, finding in enumerate(report.labels):
        finding.span = pointers.get(f"/labels/{index}")
    for key, table in report.tables.items():
        table.span = pointers.get(f"/tables/{key}")
        for row, cells in table.rows.items():
            table.row_spans[row] = pointers.get(f"/tables/{key}/rows/{row}") or Span(1, 1, 1, 2)
            for column, cell in cells.items():
                cell.span = pointers.get(f"/tables/{key}/rows/{row}/{column}")
    other = report.section("other")
    if report.fee_statement is None and other is not None and other.found:
        sentences = fee_sentences(other.text)
        report.fee_statement = Located("".join(sentences), other.span) if sentences else None
    elif report.fee_statement is not None:
        report.fee_statement.span = pointers.get("/fee_statement")


def _unreadable(path: str, reason: str, settings: Config) -> FileResult:
    report = Report(path=path, template=settings.template or "gov-2021")
    ctx = Context(report, load(report.template), None, settings.lang)
    rule = engine_rule(plugins.rules(), "E001")
    message = ctx.t(f"无法读取文件：{reason}", f"cannot read the file: {reason}")
    return FileResult(path, None, [rule.diagnostic(ctx, message)], settings=settings)
